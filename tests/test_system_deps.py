"""scripts/system_deps.py: the Debian packages for the libraries Qt's plugins need, read with ldd
and named by Debian's rule for library packages, checked against dpkg on this machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.fixture(scope="module")
def system_deps() -> Iterator[ModuleType]:
    sys.path.insert(0, str(SCRIPTS))
    try:
        import system_deps

        yield system_deps
    finally:
        sys.path.remove(str(SCRIPTS))


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libgcc_s.so.1", "libgcc-s1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libz.so.1", "zlib1g"),
    ],
)
def test_library_names_map_to_debian_packages(
    system_deps: ModuleType, soname: str, package: str
) -> None:
    assert system_deps.deb_package(soname) == package


def _linked_system_libraries(system_deps: ModuleType) -> dict[str, str]:
    """soname -> path of every system library the app's Qt plugins link."""
    found: dict[str, str] = {}
    for plugin in system_deps.qt_files():
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False)
        for line in out.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[1] == "=>" and "/PySide6/" not in parts[2]:
                found[parts[0]] = parts[2]
    return found


def test_the_rule_names_the_package_dpkg_says_owns_each_library(system_deps: ModuleType) -> None:
    """On a Debian system: for each system library the plugins link (about fifty), the package
    that installed it is the one the rule names, so the missing ones are named right too."""
    if shutil.which("dpkg") is None or shutil.which("ldd") is None:
        pytest.skip("not a Debian system")
    libraries = _linked_system_libraries(system_deps)
    assert len(libraries) > 20
    versioned = {so: os.path.realpath(p) for so, p in libraries.items() if ".so." in so}
    # (A private library without a version comes with its parent's package.)
    owners = subprocess.run(
        ["dpkg", "-S", *versioned.values()], capture_output=True, text=True, check=False
    ).stdout
    package_of = {}
    for line in owners.splitlines():  # "libxcb1:amd64: /usr/lib/x86_64-linux-gnu/libxcb.so.1.1.0"
        package, _, path = line.partition(": ")
        package_of[path.strip()] = package.split(":")[0]
    wrong = {}
    for soname, path in versioned.items():
        if path not in package_of:
            continue  # not installed from a package (a library built by hand)
        if package_of[path] != system_deps.deb_package(soname):
            wrong[soname] = (package_of[path], system_deps.deb_package(soname))
    assert len(package_of) > 20
    assert wrong == {}
