"""The system packages the app needs on Debian/Ubuntu, read from what is installed.

Qt's plugins are shared libraries linked against system ones (the xcb platform plugin alone
needs about thirty: libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0, ...). Rather than keep a
list that drifts with every Qt release, this asks ``ldd`` which libraries the plugins the app
loads cannot find, and maps each library's file name (its soname) to the Debian package that
ships it by Debian's naming rule for library packages (``libxcb-icccm.so.4`` ->
``libxcb-icccm4``, ``libxkbcommon-x11.so.0`` -> ``libxkbcommon-x11-0``), checked with
``apt-cache``; a short table holds the few libraries Debian names otherwise.

    python scripts/system_deps.py --missing    what is missing (sonames and tools), one a line
    python scripts/system_deps.py --packages   the Debian packages to install, one a line

Beside the libraries: Xvfb (the CI opens a real X window once), dbus-daemon (the BlueZ test
bus) and libpulse0 (Qt Multimedia opens PulseAudio at run time, so ldd does not list it).
Exit status 0; 1 when a missing library maps to no known package (named on stderr).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Final

# The plugins and libraries the app loads (globs under PySide6/Qt).
QT_FILES: Final = (
    "plugins/platforms/libqxcb.so",
    "plugins/xcbglintegrations/*.so",
    "plugins/multimedia/*.so",
    "lib/libQt6Multimedia.so.6",
)

# Libraries whose Debian package does not follow the naming rule.
EXCEPTIONS: Final = {
    **dict.fromkeys(
        (
            "libglib-2.0.so.0",
            "libgobject-2.0.so.0",
            "libgio-2.0.so.0",
            "libgthread-2.0.so.0",
            "libgmodule-2.0.so.0",
        ),
        "libglib2.0-0",
    ),
    **dict.fromkeys(
        ("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2"),
        "libc6",
    ),
    **dict.fromkeys(
        ("libbrotlicommon.so.1", "libbrotlidec.so.1", "libbrotlienc.so.1"), "libbrotli1"
    ),
    "libGLdispatch.so.0": "libglvnd0",
    "libbz2.so.1": "libbz2-1.0",
    "libz.so.1": "zlib1g",
    "libvorbis.so.0": "libvorbis0a",
}

# Tools and libraries ldd cannot see: (package, how to tell it is there).
EXTRAS: Final = (
    ("xvfb", "bin:Xvfb"),
    ("dbus-daemon", "bin:dbus-daemon"),
    ("libpulse0", "lib:libpulse.so.0"),
)


def deb_package(soname: str) -> str:
    """The Debian package name for a library's soname, by Debian's policy for library
    packages: the name before ``.so``, lower-case, followed by the major version (after a
    hyphen when the name ends in a digit)."""
    if soname in EXCEPTIONS:
        return EXCEPTIONS[soname]
    m = re.fullmatch(r"(?P<base>.+?)\.so\.(?P<major>\d+)(?:\.\d+)*", soname)
    if m is None:
        raise ValueError(f"not a versioned library name: {soname}")
    base = m["base"].lower().replace("_", "-")
    sep = "-" if base[-1].isdigit() else ""
    return f"{base}{sep}{m['major']}"


def qt_files() -> list[Path]:
    """The installed PySide6 plugins and libraries the app loads."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    return sorted(p for pattern in QT_FILES for p in qt.glob(pattern))


def missing_sonames(files: list[Path]) -> list[str]:
    """The libraries ``ldd`` reports "not found" for any of ``files``."""
    missing: set[str] = set()
    for f in files:
        out = subprocess.run(["ldd", str(f)], capture_output=True, text=True, check=False).stdout
        missing.update(
            line.split()[0] for line in out.splitlines() if line.rstrip().endswith("not found")
        )
    return sorted(missing)


def _library_present(soname: str) -> bool:
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    return any(line.strip().startswith(soname + " ") for line in out.splitlines())


def missing_extras() -> list[str]:
    """The packages of EXTRAS that are not installed."""
    out = []
    for package, probe in EXTRAS:
        kind, _, name = probe.partition(":")
        present = shutil.which(name) is not None if kind == "bin" else _library_present(name)
        if not present:
            out.append(package)
    return out


def _known_to_apt(package: str) -> bool:
    shown = subprocess.run(
        ["apt-cache", "show", "--no-all-versions", package],
        capture_output=True,
        text=True,
        check=False,
    )
    return shown.returncode == 0 and "Package:" in shown.stdout


def apt_package(soname: str) -> str | None:
    """The package apt knows for ``soname`` (the rule's name, or its ``t64`` variant since
    Debian 13 and Ubuntu 24.04), or None."""
    name = deb_package(soname)
    for candidate in (name, f"{name}t64"):
        if _known_to_apt(candidate):
            return candidate
    return None


def main() -> int:
    """Print what is missing or the packages to install."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--missing", action="store_true", help="missing sonames and tools")
    what.add_argument("--packages", action="store_true", help="Debian packages to install")
    args = parser.parse_args()
    sonames = missing_sonames(qt_files())
    extras = missing_extras()
    if args.missing:
        for name in [*sonames, *extras]:
            print(name)
        return 0
    packages = set(extras)
    unknown = []
    for soname in sonames:
        package = apt_package(soname) if shutil.which("apt-cache") else deb_package(soname)
        if package is None:
            unknown.append(soname)
        else:
            packages.add(package)
    for name in sorted(packages):
        print(name)
    if unknown:
        print(f"no Debian package found for: {' '.join(unknown)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
