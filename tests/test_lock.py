"""The lock: uv.lock holds the exact, hashed versions of the app's libraries and test tools;
requirements-lock.txt is its export, which scripts/dev installs with pip --require-hashes."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from lock_file import LOCK, installed_vs_locked, locked_here
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
UV = str(Path(sys.executable).with_name("uv"))
EXPORT = [
    UV, "export", "--frozen", "--offline", "--extra", "test", "--no-emit-project",
    "--format", "requirements-txt", "--no-header", "-q",
]  # fmt: skip


def _uv(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )


def test_uv_lock_is_up_to_date_with_pyproject() -> None:
    """Changing a range in pyproject.toml without `scripts/dev lock` fails here."""
    done = _uv(UV, "lock", "--check", "--offline")
    assert done.returncode == 0, done.stderr


def test_requirements_lock_is_the_export_of_uv_lock() -> None:
    done = _uv(*EXPORT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == LOCK.read_text(encoding="utf-8"), "run scripts/dev lock"


def test_every_pin_has_hashes() -> None:
    text = LOCK.read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n") if b and not b.startswith((" ", "#"))]
    assert blocks, "the lock is empty"
    for head in blocks:
        assert "==" in head, head
    entries = text.count("==")
    assert text.count("--hash=sha256:") >= entries


def test_the_tests_run_on_the_locked_versions() -> None:
    off = {name: v for name, v in installed_vs_locked().items() if v[0] != v[1]}
    assert off == {}, "scripts/dev setup installs the lock"
    assert {"pyside6-essentials", "bleak", "pyftms", "pytest"} <= set(locked_here())


def test_the_apps_dependencies_name_the_majors_they_support() -> None:
    """Each runtime range has an upper bound (the next major; 0.x: the next minor), so a new
    major of bleak or PySide6 is a decision, never an accident."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for text in project["dependencies"]:
        req = Requirement(text)
        assert any(spec.operator == "<" for spec in req.specifier), text
        assert any(spec.operator == ">=" for spec in req.specifier), text
        assert locked_here()[req.name.lower()] in req.specifier, text
