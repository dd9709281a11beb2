"""``treadmill-ctl install-desktop``: on Linux, a desktop entry and icon so that the app opens
from the desktop's application menu (freedesktop.org Desktop Entry and Icon Theme specs).

    treadmill-ctl install-desktop [--remove]

Writes ``applications/treadmill-ctl.desktop`` and ``icons/hicolor/scalable/apps/
treadmill-ctl.svg`` under the user's data folder ($XDG_DATA_HOME, by default ~/.local/share).
The entry starts the ``treadmill-ctl`` this command was run with, so run it again after
moving the install (``pipx upgrade`` keeps the path). Exit status: 0 done, 1 a file could not
be written or removed, 2 not on Linux.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Final

from treadmill_ctl import shipped, storage

APP_ID: Final = "treadmill-ctl"
EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_UNSUPPORTED: Final = 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``install-desktop``."""
    parser = subparsers.add_parser(
        "install-desktop",
        help="add the app to the desktop's application menu (Linux)",
        description="Add a desktop entry and icon for this user so that the app opens from "
        "the application menu (Linux desktops).",
    )
    parser.add_argument("--remove", action="store_true", help="remove them again")
    parser.set_defaults(func=install_desktop)


def data_home() -> Path:
    """The user's data folder of the XDG base directory spec ($XDG_DATA_HOME)."""
    import platformdirs  # noqa: PLC0415 - only this command needs it

    return Path(platformdirs.user_data_dir())


def desktop_file(home: Path) -> Path:
    """Where the desktop entry goes."""
    return home / "applications" / f"{APP_ID}.desktop"


def icon_target(home: Path) -> Path:
    """Where the icon goes (the hicolor theme every desktop falls back to)."""
    return home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def launcher_command() -> list[str]:
    """The command that starts this install of the app: the ``treadmill-ctl`` script it was
    started from (a pipx or venv ``bin/``), else this Python with ``-m``."""
    script = Path(sys.argv[0])
    if script.name == APP_ID and script.is_file():
        return [str(script.absolute())]
    return [sys.executable, "-m", "treadmill_ctl.cli"]


def _exec_quote(arg: str) -> str:
    """One argument of an Exec key, quoted as the Desktop Entry spec says."""
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return '"' + escaped.replace("%", "%%") + '"'


def desktop_entry(command: list[str]) -> str:
    """The desktop entry's text for ``command``."""
    exec_line = " ".join(_exec_quote(a) for a in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=treadmill-ctl\n"
        "GenericName=Treadmill intervals\n"
        "Comment=Backward-running interval sessions on a Bluetooth FTMS treadmill\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "Categories=Utility;\n"
        "Keywords=treadmill;running;backward;interval;FTMS;Bluetooth;\n"
        f"StartupWMClass={APP_ID}\n"
        "Actions=simulate;\n"
        "\n"
        "[Desktop Action simulate]\n"
        "Name=Virtual treadmill (nothing real moves)\n"
        f"Exec={exec_line} --simulate\n"
    )


def install_desktop(args: argparse.Namespace) -> int:
    """Write (or with ``--remove`` delete) the desktop entry and the icon."""
    if not sys.platform.startswith("linux"):
        sys.stderr.write("treadmill-ctl install-desktop: only for Linux desktops\n")
        return EXIT_UNSUPPORTED
    home = data_home()
    entry, icon = desktop_file(home), icon_target(home)
    try:
        if args.remove:
            for path in (entry, icon):
                path.unlink(missing_ok=True)
                sys.stdout.write(f"removed {path}\n")
            return EXIT_OK
        storage.atomic_write_bytes(icon, shipped.icon_file().read_bytes())
        storage.atomic_write_text(entry, desktop_entry(launcher_command()))
    except OSError as exc:
        sys.stderr.write(f"treadmill-ctl install-desktop: {exc}\n")
        return EXIT_FAILED
    sys.stdout.write(f"wrote {entry}\nwrote {icon}\n")
    return EXIT_OK
