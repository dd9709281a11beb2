"""`treadmill-ctl` entry point. With no subcommand it opens the app (``--simulate`` for the
virtual treadmill); subcommands are registered from ``treadmill_ctl.commands``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import Final

from treadmill_ctl import __version__

# The exit status when the reader of our output went away (``history list | head``): what the
# shell reports for a program ended by SIGPIPE (128 + 13).
EXIT_BROKEN_PIPE: Final = 141


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--simulate", action="store_true", help="use the virtual treadmill instead of Bluetooth"
    )
    parser.add_argument(
        "--sim-profile", default="ideal", help="virtual treadmill profile name or TOML file"
    )
    parser.add_argument("--debug", action="store_true", help="debug logging")
    parser.add_argument("--version", action="version", version=f"treadmill-ctl {__version__}")


def build_parser() -> argparse.ArgumentParser:
    """The full parser: global options for the app plus every registered subcommand."""
    # Imported here: the app's start (``_app_only_args``) does without them.
    import importlib  # noqa: PLC0415
    import pkgutil  # noqa: PLC0415

    import treadmill_ctl.commands as commands_pkg  # noqa: PLC0415

    parser = argparse.ArgumentParser(
        prog="treadmill-ctl",
        description="Safe backward-running interval sessions on a Bluetooth FTMS treadmill.",
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands_pkg.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
        # A module may also set defaults on the main parser (the app sets ``default_func``).
        register_default = getattr(module, "register_default", None)
        if register_default is not None:
            register_default(parser)
    return parser


def _app_only_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when the command line holds only global options (the app), parsed
    without importing the subcommands' modules: they import the Bluetooth stack, the engine
    and the exporters, which would delay the app's window by a few hundred ms. None for
    anything else (a subcommand, ``-h``, an error): the full parser deals with it."""
    from treadmill_ctl.commands.gui import register_default  # noqa: PLC0415 - cheap, Qt-free

    quick = argparse.ArgumentParser(prog="treadmill-ctl", add_help=False, exit_on_error=False)
    _add_global_options(quick)
    register_default(quick)
    try:
        args, rest = quick.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run; returns the process exit status."""
    try:
        status = _run(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader closed the pipe (``treadmill-ctl history list | head``): nothing is wrong,
        # and nothing more can be said there. Point stdout at /dev/null so that the
        # interpreter's last flush at exit does not fail a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    return status


def _run(argv: Sequence[str] | None) -> int:
    parser: argparse.ArgumentParser | None = None
    args = _app_only_args(argv)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    func = getattr(args, "func", None)
    if func is None:
        # No subcommand: the desktop app (registered by treadmill_ctl.commands.gui).
        func = getattr(args, "default_func", None)
        if func is None:
            (parser or build_parser()).print_help()
            return 2
    status: int = func(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
