"""``treadmill-ctl`` with no subcommand: the desktop app (``--simulate [--sim-profile NAME]``
for the virtual treadmill)."""

from __future__ import annotations

import argparse
import gc


def run_gui(args: argparse.Namespace) -> int:
    """Open the app; Qt is imported only now, so the other subcommands start without it."""
    # Starting makes a great many objects that live as long as the app (modules, classes,
    # enums); the cyclic garbage collector would walk them again and again while they are made
    # (~15 ms before the window shows). main() turns it back on once the app has loaded.
    gc.disable()
    from treadmill_ctl.app.main import main  # noqa: PLC0415 - keep Qt out of other commands

    return main(simulate=bool(args.simulate), sim_profile=str(args.sim_profile))


def register_default(parser: argparse.ArgumentParser) -> None:
    """The app is what ``treadmill-ctl`` runs when no subcommand is given (``cli.py`` reads
    ``default_func``)."""
    parser.set_defaults(default_func=run_gui)
