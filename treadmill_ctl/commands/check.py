"""``treadmill-ctl check``: the guided machine check ("Check this treadmill").

    treadmill-ctl check [ADDRESS] [--simulate [--sim-profile NAME|FILE]] [--json]
                        [--yes-nobody-on-the-belt] [--no-save] [--speedup N|max]
    treadmill-ctl check --unblock ADDRESS

Connects to the treadmill at ADDRESS (default: the remembered one; with ``--simulate`` the
virtual treadmill), asks for the confirmation that nobody is on the belt and the safety key is
in (``--yes-nobody-on-the-belt`` for scripts), runs the short, slow probe (never above 3 km/h;
any key stops the belt) and saves what it learned in the config folder. ``--json`` prints one
object whose quirk keys are the virtual treadmill's profile keys. A check that found a danger
blocks sessions on that treadmill until ``--unblock ADDRESS``.

Exit status: 0 checked (nothing dangerous), 1 could not connect or run, 2 bad arguments or
no confirmation, 3 stopped by the user, 4 a danger was found (sessions refused).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from typing import Final, TextIO

from treadmill_ctl.commands import add_simulation_options
from treadmill_ctl.errors import FileFormatError, TreadmillError
from treadmill_ctl.ftms.connection import BluetoothConnection
from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.session.clock import new_speedup_loop, parse_speedup
from treadmill_ctl.session.machine_check import CONFIRM_PROMPT, CheckOutcome, MachineChecker
from treadmill_ctl.session.machine_quirks import save_check, unblock
from treadmill_ctl.settings import load_settings
from treadmill_ctl.sim.bleak_backend import SimAir, SimConnection
from treadmill_ctl.virtual_link import make_virtual_treadmill

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2
EXIT_STOPPED: Final = 3
EXIT_DANGER: Final = 4


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check``."""
    parser = subparsers.add_parser(
        "check",
        help="check a treadmill's quirks (nobody on the belt!)",
        description="The guided machine check: a short, slow probe (at most 3 km/h, about a "
        "minute, any key stops the belt) that learns the treadmill's target unit, steps, "
        "timing and quirks, and saves them for its sessions. NOBODY MAY STAND ON THE BELT. "
        "Exit status: 0 checked, 1 failed, 2 bad arguments or not confirmed, 3 stopped by "
        "the user, 4 a danger was found (sessions on it are refused until --unblock).",
    )
    parser.add_argument(
        "address", nargs="?", default=None, help="treadmill address (default: the remembered)"
    )
    add_simulation_options(parser, simulate_help="check the virtual treadmill")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.add_argument(
        "--yes-nobody-on-the-belt",
        action="store_true",
        dest="confirmed",
        help="confirm without a prompt that nobody is on the belt and the safety key is in",
    )
    parser.add_argument("--no-save", action="store_true", help="do not save the result")
    parser.add_argument(
        "--unblock",
        metavar="ADDRESS",
        default=None,
        help="you have dealt with the danger a check found: allow sessions on ADDRESS again",
    )
    parser.add_argument(
        "--speedup",
        default="1",
        metavar="N|max",
        help="with --simulate: run the virtual clock N times faster (default 1)",
    )
    parser.set_defaults(func=run_check_command)


def run_check_command(args: argparse.Namespace) -> int:
    """Run the check (or clear a block) and report."""
    out: TextIO = sys.stdout
    if args.unblock:
        try:
            check = unblock(args.unblock)
        except FileFormatError as exc:
            sys.stderr.write(f"treadmill-ctl check: {exc}\n")
            return EXIT_FAILED
        out.write(f"Sessions on {check.name or check.address} are allowed again.\n")
        return EXIT_OK
    simulate = bool(getattr(args, "simulate", False))
    try:
        speedup = parse_speedup(args.speedup) if simulate else 1.0
    except ValueError as exc:
        sys.stderr.write(f"treadmill-ctl check: {exc}\n")
        return EXIT_USAGE
    address = args.address
    if not simulate and not address:
        address = load_settings().settings.treadmill_address
        if not address:
            sys.stderr.write(
                "treadmill-ctl check: which treadmill? Give its address (treadmill-ctl scan), "
                "or connect to it once in the app.\n"
            )
            return EXIT_USAGE
    if not args.confirmed and not _confirm_on_terminal():
        sys.stderr.write(
            "treadmill-ctl check: not confirmed. The check runs only when nobody is on the "
            "belt (confirm on a terminal, or --yes-nobody-on-the-belt).\n"
        )
        return EXIT_USAGE
    try:
        with asyncio.Runner(loop_factory=lambda: new_speedup_loop(speedup)) as runner:
            outcome = runner.run(_check(args, simulate, address, out))
    except TreadmillError as exc:
        sys.stderr.write(f"treadmill-ctl check: {exc}\n")
        return EXIT_FAILED
    check = outcome.check
    saved = None
    if not args.no_save and not outcome.stopped_by_user:
        try:
            saved = save_check(check)
        except OSError as exc:
            sys.stderr.write(f"treadmill-ctl check: result not saved: {exc}\n")
    if args.json:
        out.write(json.dumps(check.to_json()) + "\n")
    else:
        out.write(check.summary() + "\n")
        for key, value in check.quirks.to_json().items():
            out.write(f"  {key:24} {'unknown' if value is None else value}\n")
        if saved is not None:
            out.write(f"Saved to {saved}\n")
    if outcome.stopped_by_user:
        return EXIT_STOPPED
    if check.blocked:
        sys.stderr.write(
            "DANGER: " + "; ".join(check.dangers) + ". Sessions on this treadmill are "
            f"refused until you run 'treadmill-ctl check --unblock {check.address}'.\n"
        )
        return EXIT_DANGER
    return EXIT_OK


def _confirm_on_terminal() -> bool:
    if not sys.stdin.isatty():
        return False
    sys.stderr.write(CONFIRM_PROMPT + "\nType 'yes' to start: ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() == "yes"


async def _check(
    args: argparse.Namespace, simulate: bool, address: str | None, out: TextIO
) -> CheckOutcome:
    def progress(text: str) -> None:
        if not args.json:
            out.write(f"… {text}\n")
            out.flush()

    if simulate:
        device = make_virtual_treadmill(getattr(args, "sim_profile", "ideal"))
        air = SimAir()
        air.add(device)
        link = TreadmillLink(device.address, connection=SimConnection(air), name=device.name)
    else:
        device = None
        link = TreadmillLink(str(address), connection=BluetoothConnection())
    try:
        await link.connect()
        checker = MachineChecker(link, confirmed=True, on_progress=progress)
        with _any_key_stops(checker):
            return await checker.run()
    finally:
        with contextlib.suppress(TreadmillError):
            await link.disconnect()
        if device is not None:
            await device.close()


@contextlib.contextmanager
def _any_key_stops(checker: MachineChecker) -> Iterator[None]:
    """On a terminal, any key stops the belt (the terminal is read key by key meanwhile)."""
    if not sys.stdin.isatty() or os.name != "posix":
        yield
        return
    import termios  # noqa: PLC0415 - POSIX terminals only
    import tty  # noqa: PLC0415

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    loop = asyncio.get_running_loop()

    def key() -> None:
        os.read(fd, 64)
        checker.stop_now()

    tty.setcbreak(fd)
    loop.add_reader(fd, key)
    try:
        yield
    finally:
        loop.remove_reader(fd)
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


__all__ = ["register", "run_check_command"]
