"""The connect screen uses the treadmill's saved machine check: a never-checked treadmill gets
the hint to check it, a checked mph console gets its unit, a blocked one is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bridge_world import World, make_world

from treadmill_ctl.app.connect_bridge import ConnectBridge
from treadmill_ctl.app.context import NoticeLevel
from treadmill_ctl.session.machine_quirks import (
    NOT_CHECKED_HINT,
    MachineCheck,
    MachineQuirks,
    save_check,
)
from treadmill_ctl.units import SpeedUnit

pytestmark = [pytest.mark.looptime, pytest.mark.usefixtures("qapp")]

ADDRESS = "5A:11:00:00:00:02"
WHEN = dt.datetime(2026, 12, 3, 8, 50, tzinfo=dt.UTC)


@pytest.fixture
async def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    w = make_world(tmp_path, monkeypatch)
    yield w
    await w.close()


async def connect(world: World) -> ConnectBridge:
    world.add_treadmill(name="Mine", address=ADDRESS)
    bridge = ConnectBridge(world.context)
    bridge.scan()
    await world.settle()
    bridge.connectTo(ADDRESS)
    await world.settle()
    return bridge


async def test_a_treadmill_never_checked_connects_with_defaults_and_suggests_the_check(
    world: World,
) -> None:
    bridge = await connect(world)
    assert bridge.property("isConnected") is True
    assert (NoticeLevel.INFO, NOT_CHECKED_HINT) in world.notices
    assert world.context.settings.treadmill_speed_unit is SpeedUnit.KMH
    assert world.context.machine_timing is None  # the session's safe defaults


async def test_a_checked_mph_console_gets_targets_in_mph(world: World) -> None:
    quirks = MachineQuirks(speed_unit=SpeedUnit.MPH, start_delay_s=12.0, data_interval_s=1.0)
    save_check(MachineCheck(ADDRESS, quirks, WHEN))
    bridge = await connect(world)
    assert bridge.property("isConnected") is True
    assert world.context.settings.treadmill_speed_unit is SpeedUnit.MPH
    # ... and the session's waits and staleness threshold come from the same check.
    timing = world.context.machine_timing
    assert timing is not None
    assert timing.start_timeout_s == 17.0
    assert timing.stale_after_s == 3.0
    assert all(msg != NOT_CHECKED_HINT for _, msg in world.notices)


async def test_a_blocked_treadmill_is_refused_with_how_to_unblock(world: World) -> None:
    save_check(
        MachineCheck(
            ADDRESS,
            MachineQuirks(stop_speeds_up=True),
            WHEN,
            dangers=("the belt sped up after Stop",),
            blocked=True,
        )
    )
    bridge = await connect(world)
    assert bridge.property("isConnected") is False
    assert world.links == []
    assert bridge.property("problem") == "Sessions on this treadmill are refused"
    assert "--unblock 5A:11:00:00:00:02" in bridge.property("problemAdvice")


async def test_a_bad_check_file_is_reported_and_the_defaults_used(world: World) -> None:
    from treadmill_ctl.session.machine_quirks import check_path

    path = check_path(ADDRESS)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("schema = [\n")
    bridge = await connect(world)
    assert bridge.property("isConnected") is True
    warnings = [m for level, m in world.notices if level is NoticeLevel.WARNING]
    assert any(str(path) in m and "safe defaults" in m for m in warnings)
