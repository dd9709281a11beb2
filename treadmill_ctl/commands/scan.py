"""``treadmill-ctl scan``: list the FTMS devices in range (name, address, machine type, RSSI).

    treadmill-ctl scan [--simulate [--sim-profile NAME|FILE]] [--timeout S] [--name NAME ...]
                       [--all-named] [--json]

``--simulate`` lists the virtual treadmill instead of what the Bluetooth adapter hears.
``--name`` also lists a device with that name that does not advertise FTMS (a treadmill that
does not say it is one); ``--all-named`` lists every device with a name. Exit status 0 (also
when nothing was found), 1 when scanning failed (Bluetooth off, no permission).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Final

from treadmill_ctl.commands import add_simulation_options
from treadmill_ctl.commands.terminal_text import plain
from treadmill_ctl.errors import TreadmillError
from treadmill_ctl.ftms.connection import BluetoothConnection
from treadmill_ctl.ftms.model import DiscoveredDevice
from treadmill_ctl.ftms.scan import DEFAULT_SCAN_TIMEOUT_S, scan
from treadmill_ctl.sim.bleak_backend import SimAir, SimConnection
from treadmill_ctl.virtual_link import make_virtual_treadmill

SIMULATED_SCAN_S: Final = 0.5
"""The virtual treadmill advertises every 0.1 s: half a second hears it."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``scan``."""
    parser = subparsers.add_parser(
        "scan",
        help="list FTMS treadmills in range",
        description="List the FTMS devices in range: name, address, machine type, RSSI.",
    )
    add_simulation_options(parser, simulate_help="list the virtual treadmill")
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="S",
        help=f"listen this long (default {DEFAULT_SCAN_TIMEOUT_S:g} s; {SIMULATED_SCAN_S:g} s "
        "with --simulate)",
    )
    parser.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="NAME",
        help="also list the device with this name although it does not advertise FTMS",
    )
    parser.add_argument("--all-named", action="store_true", help="list every device with a name")
    parser.add_argument("--json", action="store_true", help="one JSON object per device")
    parser.set_defaults(func=run_scan)


def format_table(devices: list[DiscoveredDevice]) -> str:
    """The devices as an aligned text table."""
    rows = [("NAME", "ADDRESS", "TYPE", "RSSI")]
    for d in devices:
        kind = d.machine_type if d.advertises_ftms else f"{d.machine_type} (no FTMS advert)"
        rows.append((d.name or "?", d.address, kind, "" if d.rssi is None else str(d.rssi)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


async def _scan(args: argparse.Namespace) -> list[DiscoveredDevice]:
    if not getattr(args, "simulate", False):
        timeout = args.timeout if args.timeout is not None else DEFAULT_SCAN_TIMEOUT_S
        return await scan(
            timeout, connection=BluetoothConnection(), names=args.name, all_named=args.all_named
        )
    device = make_virtual_treadmill(getattr(args, "sim_profile", "ideal"))
    air = SimAir()
    air.add(device)
    try:
        timeout = args.timeout if args.timeout is not None else SIMULATED_SCAN_S
        return await scan(
            timeout, connection=SimConnection(air), names=args.name, all_named=args.all_named
        )
    finally:
        await device.close()


def run_scan(args: argparse.Namespace) -> int:
    """Scan and print what was heard."""
    try:
        devices = asyncio.run(_scan(args))
    except TreadmillError as exc:
        sys.stderr.write(f"treadmill-ctl scan: {exc}\n")
        return 1
    if args.json:
        for d in devices:
            row = {
                "name": d.name,
                "address": d.address,
                "machine_type": d.machine_type,
                "rssi": d.rssi,
                "advertises_ftms": d.advertises_ftms,
            }
            sys.stdout.write(json.dumps(row) + "\n")
    elif devices:
        sys.stdout.write(plain(format_table(devices), keep_newlines=True) + "\n")
    else:
        sys.stdout.write(
            "No FTMS devices found. Is the treadmill on, and not connected to another app?\n"
        )
    return 0
