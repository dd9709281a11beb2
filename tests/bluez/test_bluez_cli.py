"""``treadmill-ctl scan`` (no ``--simulate``) in its own process, as a user runs it: bleak's
BlueZ backend finds the fake BlueZ through ``DBUS_SYSTEM_BUS_ADDRESS`` (set by the
``bluez_bus`` fixture, inherited by the child)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from bluez_air import CHOSEN, NEIGHBOUR, STRAP, air
from private_bus import PrivateBus

# The installed entry point next to this interpreter (the venv's), else the module's main().
_SCRIPT = Path(sys.executable).with_name("treadmill-ctl")
_ENTRY = (
    [str(_SCRIPT)]
    if _SCRIPT.exists()
    else [sys.executable, "-c", "import sys; from treadmill_ctl.cli import main; sys.exit(main())"]
)


async def treadmill_ctl(*args: str, timeout_s: float = 30.0) -> tuple[int, str, str]:
    """Run the command line without blocking this loop (the fake BlueZ answers on it)."""
    process = await asyncio.create_subprocess_exec(
        *_ENTRY,
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )
    async with asyncio.timeout(timeout_s):
        out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_scan_lists_the_treadmills_bluez_hears(bluez_bus: PrivateBus) -> None:
    async with air(bluez_bus):
        status, out, err = await treadmill_ctl("scan", "--timeout", "1", "--json")
        assert status == 0, err
        rows = [json.loads(line) for line in out.splitlines()]
        by_address = {r["address"]: r for r in rows}
        assert set(by_address) == {CHOSEN, NEIGHBOUR}  # FTMS only: the strap is not listed
        assert by_address[CHOSEN]["name"] == "Virtual Treadmill"
        assert by_address[CHOSEN]["advertises_ftms"] is True
        assert rows[0]["address"] == NEIGHBOUR  # louder first
        status, table, err = await treadmill_ctl("scan", "--timeout", "0.5")
        assert status == 0, err
        assert "Virtual Treadmill" in table
        assert CHOSEN in table
        assert STRAP not in table


async def test_scan_with_bluetooth_off_says_so_and_fails(bluez_bus: PrivateBus) -> None:
    async with air(bluez_bus) as (bluez, _chosen, _neighbour):
        bluez.set_powered(False)
        status, out, err = await treadmill_ctl("scan", "--timeout", "0.5")
        assert status == 1
        assert out == ""
        assert "Is Bluetooth switched on" in err
        assert "Traceback" not in err
