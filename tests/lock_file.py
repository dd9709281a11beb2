"""The lock as the tests read it: requirements-lock.txt (exported from uv.lock)."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path
from typing import Final

from packaging.markers import Marker

LOCK: Final = Path(__file__).resolve().parents[1] / "requirements-lock.txt"
_PIN: Final = re.compile(
    r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+)(?:\s*;\s*(?P<marker>.+?))?\s*\\?$"
)


def locked_here() -> dict[str, str]:
    """Each package the lock pins for this platform and Python: normalised name -> version."""
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = _PIN.match(line)
        if m is None:
            continue
        if m["marker"] and not Marker(m["marker"]).evaluate():
            continue
        pins[_normal(m["name"])] = m["version"]
    return pins


def installed_vs_locked() -> dict[str, tuple[str, str]]:
    """For every locked package: (installed version or "missing", locked version)."""
    out = {}
    for name, version in locked_here().items():
        try:
            have = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            have = "missing"
        out[name] = (have, version)
    return out


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
