"""Build the one-folder desktop bundle with PyInstaller (docs/bundle.md), then check it.

    .venv/bin/python scripts/bundle.py                 # -> dist/bundle/treadmill-ctl/
    .venv/bin/python scripts/bundle.py --check-only    # check an existing bundle
    .venv/bin/python scripts/bundle.py --dist DIR --work DIR

The bundle is a folder with the ``treadmill-ctl`` program, a Python of its own, PySide6 with
the Qt plugins and QML modules the window uses, the app's QML (``ui/``) and resources: it runs
on a machine without Python. PyInstaller builds for the system it runs on (Linux here; the
same command on Windows or macOS builds theirs, untested). The check runs the bundle from
another folder, in its own config and data folders: ``--version``, ``presets list``, a short
simulated ``run`` and the window (offscreen, closing itself once it has drawn).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "treadmill-ctl"
# What the installed app never imports (the import-linter contract says so): test evidence
# and its tools. Left out of the bundle.
EXCLUDED_PACKAGES = ("treadmill_ctl.proof",)
EXCLUDED_MODULES = ("hypothesis", "bumble", "pytest", "_pytest", "tkinter", "setuptools")
ENTRY = """\
import sys

from treadmill_ctl.cli import main

sys.exit(main())
"""


def _stage(into: Path) -> Path:
    """The package as the wheel lays it out (``ui/`` and ``resources/`` inside it), so that
    PyInstaller finds it there, not through the checkout's editable install."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    package = into / "treadmill_ctl"
    shutil.copytree(ROOT / "treadmill_ctl", package, ignore=ignore)
    shutil.copytree(ROOT / "ui", package / "ui", ignore=ignore)
    shutil.copytree(ROOT / "resources", package / "resources", ignore=ignore)
    (into / "entry.py").write_text(ENTRY, encoding="utf-8")
    return into


def _modules(staged: Path) -> list[str]:
    """Every module of the app (the subcommands are imported by name, unseen by PyInstaller's
    analysis), less the excluded packages."""
    out = []
    for path in sorted((staged / "treadmill_ctl").rglob("*.py")):
        parts = path.relative_to(staged).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(parts)
        if not any(name == p or name.startswith(p + ".") for p in EXCLUDED_PACKAGES):
            out.append(name)
    return out


def build(dist: Path, work: Path) -> Path:
    """Build the bundle into ``dist/treadmill-ctl``; returns that folder."""
    staged = _stage(work / "src")
    package = staged / "treadmill_ctl"
    args = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--name", NAME, "--onedir", "--distpath", str(dist), "--workpath", str(work / "build"),
        "--specpath", str(work), "--paths", str(staged),
        "--add-data", f"{package / 'ui'}{os.pathsep}treadmill_ctl/ui",
        "--add-data", f"{package / 'resources'}{os.pathsep}treadmill_ctl/resources",
        "--add-data", f"{package / 'py.typed'}{os.pathsep}treadmill_ctl",
    ]  # fmt: skip
    for name in _modules(staged):
        args += ["--hidden-import", name]
    for name in (*EXCLUDED_PACKAGES, *EXCLUDED_MODULES):
        args += ["--exclude-module", name]
    args.append(str(staged / "entry.py"))
    # The staged copy comes first on the path; the checkout (and its editable install) is not
    # where the analysis runs from.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run(args, cwd=work, env=env, check=True)
    return dist / NAME


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{cmd}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def check(bundle: Path) -> list[str]:
    """Run the bundle from an empty folder; returns what it showed, one line per run. Raises
    SystemExit on a failure."""
    exe = bundle / (NAME + (".exe" if os.name == "nt" else ""))
    with tempfile.TemporaryDirectory(prefix="bundle-check-") as tmp:
        home = Path(tmp)
        elsewhere = home / "elsewhere"
        elsewhere.mkdir()
        # No Python of the checkout's: only the bundle's own.
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}
        }
        env.update(
            PATH="/usr/bin:/bin",
            QT_QPA_PLATFORM="offscreen",
            TREADMILL_CTL_CONFIG_DIR=str(home / "config"),
            TREADMILL_CTL_DATA_DIR=str(home / "data"),
        )
        shown = []
        version = _run([str(exe), "--version"], elsewhere, env).stdout.strip()
        shown.append(version)
        listed = _run([str(exe), "presets", "list"], elsewhere, env).stdout.splitlines()
        if not listed or not listed[0].startswith("first-steps "):
            raise SystemExit(f"presets list: {listed}")
        shown.append(f"presets list: {len(listed)} presets, first {listed[0].split()[0]}")
        ran = _run([str(exe), "run", "first-steps", "--speedup", "max"], elsewhere, env)
        if "First steps: finished" not in ran.stderr:
            raise SystemExit(f"run: {ran.stderr}")
        shown.append("run first-steps: finished")
        gui = _run(
            [str(exe), "--simulate"], elsewhere, {**env, "TREADMILL_CTL_EXIT_WHEN_READY": "1"}
        )
        ready = re.search(r"^ready \S+ screen=\w+$", gui.stderr, re.MULTILINE)
        if ready is None:
            raise SystemExit(f"window: {gui.stderr}")
        shown.append(f"window: {ready.group(0)}")
    return shown


def folder_size(path: Path) -> int:
    """Bytes of every file under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "bundle")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle")
    parser.add_argument("--check-only", action="store_true", help="check an existing bundle")
    args = parser.parse_args()
    started = time.perf_counter()
    bundle = args.dist / NAME
    if not args.check_only:
        shutil.rmtree(args.work, ignore_errors=True)
        args.work.mkdir(parents=True)
        bundle = build(args.dist.resolve(), args.work.resolve())
        print(f"built {bundle} in {time.perf_counter() - started:.0f} s")
    print(f"size {folder_size(bundle) / 2**20:.0f} MiB")
    for line in check(bundle):
        print(f"ok: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
