"""The app as users install it: the wheel holds everything the app needs at run time and the app
finds it wherever it is installed. The wheel test builds the wheel from a copy of the checkout,
installs it into a fresh venv and runs the app from a temporary folder."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

import pytest

from treadmill_ctl import __version__, shipped

ROOT = Path(__file__).resolve().parents[1]
# The folders the wheel carries as data packages, and the package each becomes.
DATA_FOLDERS = {"ui": "treadmill_ctl/ui", "resources": "treadmill_ctl/resources"}
SKIPPED_PARTS = {"__pycache__"}


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _source_files(folder: Path) -> set[Path]:
    return {
        p.relative_to(ROOT)
        for p in folder.rglob("*")
        if p.is_file() and not SKIPPED_PARTS & set(p.parts) and p.suffix != ".pyc"
    }


def test_every_package_is_listed_for_the_wheel() -> None:
    """pyproject.toml lists the packages (ui/ and resources/ are mapped into the package): a
    new subpackage missing from the list would be missing from every installed app."""
    setuptools = _pyproject()["tool"]["setuptools"]  # type: ignore[index]
    listed = set(setuptools["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "treadmill_ctl").rglob("__init__.py")
        if not SKIPPED_PARTS & set(p.parts)
    }
    mapped = {name.replace("/", ".") for name in DATA_FOLDERS.values()}
    assert listed == found | mapped, "add the new package to [tool.setuptools] packages"
    assert setuptools["package-dir"] == {f"treadmill_ctl.{k}": k for k in DATA_FOLDERS}


def test_the_app_finds_its_files_through_the_package() -> None:
    """In the editable install the data packages resolve to the checkout's folders."""
    assert shipped.ui_dir() == ROOT / "ui"
    assert shipped.main_qml().is_file()
    assert shipped.resources_dir() == ROOT / "resources"
    assert any(shipped.presets_dir().glob("*.toml"))
    assert any(shipped.sim_profiles_dir().glob("*.toml"))
    assert any(shipped.sounds_dir().glob("*.wav"))
    for lang in ("de", "es", "fr"):  # docs/translations.md
        assert (shipped.translations_dir() / f"treadmill_ctl_{lang}.qm").is_file()
        assert any((shipped.sounds_dir() / lang).glob("word_*.wav"))
    assert shipped.icon_file().read_text(encoding="utf-8").lstrip().startswith("<?xml")


def _copy_checkout(dest: Path) -> Path:
    """The files a build reads (no venv, caches or git), so the build leaves the checkout as
    it was and sees exactly the files of this tree."""
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "tests",
        "docs", "benchmarks", ".hypothesis",
    )  # fmt: skip
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"{cmd}: {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.mark.wheel
def test_the_wheel_installed_in_a_fresh_venv_runs_from_any_folder(tmp_path: Path) -> None:
    started = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", QT_QPA_PLATFORM="offscreen")
    # Build offline: setuptools comes from the test tools (the lock), not from an index.
    source = _copy_checkout(tmp_path / "src")
    dist = tmp_path / "dist"
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(dist), str(source)],
        cwd=tmp_path,
        env=env,
    )  # fmt: skip
    (wheel,) = dist.glob("treadmill_ctl-*.whl")
    built = time.perf_counter()

    # Everything under treadmill_ctl/, ui/ and resources/ is in the wheel.
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    expected = {str(p) for p in _source_files(ROOT / "treadmill_ctl")}
    for folder, package in DATA_FOLDERS.items():
        expected |= {
            str(Path(package, *p.parts[1:])) for p in _source_files(ROOT / folder)
        }  # fmt: skip
    assert sorted(expected - names) == []

    # A fresh venv; the app's dependencies (not the app) come from this venv's site-packages
    # through a .pth file, so nothing is downloaded. (Its .pth files, among them the editable
    # install's, are not processed from there: the checkout stays out of sight.)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path, env=env)
    site = next((venv / "lib").glob("python3.*/site-packages"))
    deps = next(p for p in map(Path, sys.path) if p.name == "site-packages" and p.is_dir())
    (site / "zz-test-dependencies.pth").write_text(f"{deps}\n", encoding="utf-8")
    _run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
         "-q", "--no-deps", "--no-index", str(wheel)],
        cwd=tmp_path,
        env=env,
    )  # fmt: skip
    installed = time.perf_counter()

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env.update(
        TREADMILL_CTL_CONFIG_DIR=str(tmp_path / "config"),
        TREADMILL_CTL_DATA_DIR=str(tmp_path / "data"),
    )
    exe = str(venv / "bin" / "treadmill-ctl")
    where = _run(
        [str(venv / "bin" / "python"), "-c",
         "import treadmill_ctl, treadmill_ctl.shipped as s; print(treadmill_ctl.__file__); "
         "print(s.main_qml())"],
        cwd=elsewhere,
        env=env,
    ).stdout.split()  # fmt: skip
    assert all(Path(p).is_relative_to(site) for p in where), where
    assert _run([exe, "--version"], cwd=elsewhere, env=env).stdout.strip() == (
        f"treadmill-ctl {__version__}"
    )
    listed = _run([exe, "presets", "list"], cwd=elsewhere, env=env).stdout
    assert len(listed.splitlines()) == len(list(shipped.presets_dir().glob("*.toml")))
    assert listed.startswith("first-steps ")
    ran = _run(
        [exe, "run", "first-steps", "--speedup", "max", "--sim-profile", "slow-ramp"],
        cwd=elsewhere,
        env=env,
    )
    assert "First steps: finished" in ran.stderr
    history = _run([exe, "history", "list"], cwd=elsewhere, env=env).stdout
    assert "First steps" in history
    plans = _run([exe, "plans", "list"], cwd=elsewhere, env=env).stdout
    assert len([line for line in plans.splitlines() if "(built-in)" in line]) == len(
        list((shipped.resources_dir() / "plans").glob("*.toml"))
    )
    checked = _run(
        [exe, "check", "--simulate", "--sim-profile", "mph", "--json",
         "--yes-nobody-on-the-belt", "--no-save", "--speedup", "max"],
        cwd=elsewhere,
        env=env,
    ).stdout  # fmt: skip
    assert json.loads(checked)["speed_unit"] == "mph"
    gui = _run(
        [exe, "--simulate"], cwd=elsewhere, env={**env, "TREADMILL_CTL_EXIT_WHEN_READY": "1"}
    )
    assert re.search(r"^ready \S+ screen=connect$", gui.stderr, re.MULTILINE), gui.stderr
    assert re.search(r"^loaded ", gui.stderr, re.MULTILINE), gui.stderr
    ran_all = time.perf_counter()
    size_kb = wheel.stat().st_size / 1024
    print(
        f"\nwheel {size_kb:.0f} KiB; build {built - started:.1f} s, "
        f"venv+install {installed - built:.1f} s, runs {ran_all - installed:.1f} s"
    )
