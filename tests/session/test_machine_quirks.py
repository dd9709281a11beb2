"""The saved check: a hand-readable, versioned file per treadmill; what a session takes from it
(an mph console without any "speed unit" setting); a bad file reported, a block cleared only by
the user."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from treadmill_ctl.session.clock import new_speedup_loop
from treadmill_ctl.session.machine_check import MachineChecker
from treadmill_ctl.session.machine_quirks import (
    MachineBlockedError,
    MachineCheck,
    MachineQuirks,
    check_path,
    load_check,
    save_check,
    session_settings,
    unblock,
)
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES
from treadmill_ctl.units import SpeedUnit
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link

WHEN = dt.datetime(2026, 12, 3, 8, 50, tzinfo=dt.UTC)


def run(coro):  # type: ignore[no-untyped-def]
    with asyncio.Runner(loop_factory=lambda: new_speedup_loop(math.inf)) as runner:
        return runner.run(coro)


async def _check_then_drive_mph() -> tuple[MachineCheck, float]:
    link, device = await open_simulated_link("mph")
    try:
        outcome = await MachineChecker(link, confirmed=True).run()
    finally:
        await close_simulated_link(link, device)
    save_check(outcome.check)
    # A later session on the same treadmill: the link is assembled from the saved check.
    loaded = load_check(device.address)
    assert loaded.check is not None
    options = session_settings(loaded.check)  # no hand-set speed unit anywhere
    link, device = await open_simulated_link("mph", target_unit=options.target_unit)
    try:
        await link.start()
        await link.set_speed(2.0)
        await asyncio.sleep(10)
        return outcome.check, device.belt_speed_kmh
    finally:
        await close_simulated_link(link, device)


def test_after_the_check_an_mph_console_runs_at_the_speeds_asked_for() -> None:
    check, belt = run(_check_then_drive_mph())
    assert check.quirks.speed_unit is SpeedUnit.MPH
    assert belt == pytest.approx(2.0, abs=0.1)  # not 3.2 km/h (2.0 read as mph)


def test_never_checked_uses_the_safe_defaults_and_the_hand_set_unit() -> None:
    assert load_check("AA:BB:CC:DD:EE:FF").check is None
    options = session_settings(None)
    assert not options.checked
    assert options.target_unit is SpeedUnit.KMH
    assert options.stale_after_s == 2.0


def test_the_file_round_trips_and_is_hand_readable(tmp_path: Path) -> None:
    quirks = MachineQuirks(speed_unit=SpeedUnit.MPH, speed_step=0.1, data_interval_s=1.0)
    check = MachineCheck("AA:BB:CC:DD:EE:FF", quirks, WHEN, name="Pad")
    path = save_check(check)
    assert path == check_path("AA:BB:CC:DD:EE:FF")
    text = path.read_text()
    assert "schema = 1" in text
    assert 'speed_unit = "mph"' in text
    assert "# not determined:" in text
    assert load_check("aa:bb:cc:dd:ee:ff").check == check
    options = session_settings(check)
    assert options.stale_after_s == 3.0  # 3 x a record every second
    assert options.speed_step_kmh == pytest.approx(0.161)
    assert "mph console" in check.summary()


def test_a_bad_file_is_reported_with_its_line_and_the_defaults_used() -> None:
    path = check_path("AA:BB:CC:DD:EE:FF")
    path.parent.mkdir(parents=True)
    path.write_text(
        'schema = 1\naddress = "AA:BB:CC:DD:EE:FF"\nchecked_at = "2026-12-03T08:50:00Z"\n'
        '[quirks]\nspeed_unit = "furlongs"\n'
    )
    loaded = load_check("AA:BB:CC:DD:EE:FF")
    assert loaded.check is None
    assert loaded.problem is not None
    assert loaded.problem.path == str(path)
    assert loaded.problem.line == 5
    assert "speed_unit must be one of kmh, mph" in str(loaded.problem)
    assert path.read_text().endswith('"furlongs"\n')  # left untouched


def test_a_blocked_check_refuses_sessions_until_the_user_unblocks_it() -> None:
    check = MachineCheck(
        "AA:BB:CC:DD:EE:FF",
        MachineQuirks(stop_speeds_up=True),
        WHEN,
        dangers=("the belt sped up after Stop",),
        blocked=True,
    )
    save_check(check)
    loaded = load_check(check.address).check
    assert loaded is not None
    with pytest.raises(MachineBlockedError, match="sped up after Stop"):
        session_settings(loaded)
    assert "blocked = true" in check_path(check.address).read_text()
    unblocked = unblock(check.address)
    assert not unblocked.blocked
    assert unblocked.dangers == check.dangers  # still listed
    session_settings(load_check(check.address).check)


@pytest.mark.parametrize("name", ["mph", "picky"])
def test_check_json_on_the_command_line_matches_the_profile(name: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "treadmill_ctl.cli",
            "check",
            "--simulate",
            "--sim-profile",
            name,
            "--json",
            "--speedup",
            "max",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2  # no terminal, no flag: not confirmed, nothing runs
    assert "not confirmed" in result.stderr
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "treadmill_ctl.cli",
            "check",
            "--simulate",
            "--sim-profile",
            name,
            "--json",
            "--speedup",
            "max",
            "--yes-nobody-on-the-belt",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    profile = BUILTIN_PROFILES[name]
    for key in ("speed_unit", "control", "start_while_running", "speed_when_stopped"):
        assert found[key] == getattr(profile, key).value
    assert found["speed_min"] == profile.speed_min
    assert found["blocked"] is False
