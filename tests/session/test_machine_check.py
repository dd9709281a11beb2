"""The guided machine check on the virtual treadmill: it finds what every shipped profile does,
never a wrong answer on random profiles, and it refuses or blocks what is dangerous."""

from __future__ import annotations

import asyncio
import dataclasses
import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from machine_check_rig import check_profile, unknown_keys, wrong_keys

from treadmill_ctl.ftms.model import TreadmillData
from treadmill_ctl.session.clock import new_speedup_loop
from treadmill_ctl.session.machine_check import (
    MAX_PROBE_KMH,
    OVERSPEED_KMH,
    TIME_BUDGET_S,
    CheckOutcome,
    MachineChecker,
    NotConfirmedError,
)
from treadmill_ctl.session.machine_quirks import (
    MachineBlockedError,
    session_settings,
)
from treadmill_ctl.sim import profiles as sp
from treadmill_ctl.sim.profiles import SimProfile, available_profiles, load_profile
from treadmill_ctl.units import SpeedUnit
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link


def run_fast(profile: SimProfile) -> CheckOutcome:
    """The whole check on a loop whose clock jumps to the next timer (loop time, not wall)."""
    with asyncio.Runner(loop_factory=lambda: new_speedup_loop(math.inf)) as runner:
        return runner.run(check_profile(profile))


@pytest.mark.parametrize("name", available_profiles())
def test_the_check_finds_what_each_shipped_profile_does(name: str) -> None:
    profile = load_profile(name)
    outcome = run_fast(profile)
    check = outcome.check
    assert outcome.completed
    assert wrong_keys(profile, check.quirks) == {}
    assert unknown_keys(check.quirks) == []
    assert check.dangers == ()
    assert not check.blocked
    # slow and short: never above 3 km/h, well under 2 minutes of loop time
    assert outcome.max_commanded_kmh <= MAX_PROBE_KMH
    assert check.max_speed_kmh <= MAX_PROBE_KMH + 0.01
    assert check.duration_s < 120


@pytest.mark.looptime(noop_cycles=4)
async def test_nothing_is_sent_without_the_users_confirmation() -> None:
    link, device = await open_simulated_link("ideal")
    writes = len(device.control_writes)
    try:
        with pytest.raises(NotConfirmedError):
            await MachineChecker(link, confirmed=False).run()
        assert len(device.control_writes) == writes
    finally:
        await close_simulated_link(link, device)


def test_a_console_that_speeds_up_on_stop_is_a_danger_and_blocks_sessions() -> None:
    profile = dataclasses.replace(load_profile("ideal"), stop_speeds_up=True)
    outcome = run_fast(profile)
    check = outcome.check
    assert check.quirks.stop_speeds_up is True
    assert check.blocked
    assert any("sped up after Stop" in d for d in check.dangers)
    assert check.max_speed_kmh < OVERSPEED_KMH + 1.0  # paused at once, not stopped again
    with pytest.raises(MachineBlockedError, match="--unblock"):
        session_settings(check)


def test_a_target_unit_that_cannot_be_decided_is_a_danger() -> None:
    # Its minimum, 2.0, is 3.2 km/h if the console reads mph: the check may not press Start.
    profile = dataclasses.replace(load_profile("ideal"), speed_min=2.0)
    outcome = run_fast(profile)
    check = outcome.check
    assert check.quirks.speed_unit is None
    assert check.blocked
    assert any("unit cannot be decided" in d for d in check.dangers)
    assert check.max_speed_kmh == 0.0  # the belt never moved
    with pytest.raises(MachineBlockedError):
        session_settings(check)


@pytest.mark.looptime(noop_cycles=4)
async def test_stop_now_stops_the_belt_at_once() -> None:
    link, device = await open_simulated_link("slow-ramp")
    checker = MachineChecker(link, confirmed=True)
    moving = asyncio.Event()
    link.add_listener(
        lambda u: (
            moving.set() if isinstance(u, TreadmillData) and (u.speed_kmh or 0) > 1.0 else None
        )
    )
    try:
        task = asyncio.get_running_loop().create_task(checker.run())
        await moving.wait()
        writes = len(device.control_writes)
        checker.stop_now()
        outcome = await task
        assert device.control_writes[writes][1] == b"\x08\x01"  # STOP is the next write
        assert outcome.stopped_by_user
        assert not outcome.completed
        await asyncio.sleep(10)
        assert device.belt_speed_kmh == 0.0
    finally:
        await close_simulated_link(link, device)


# ---- random profiles: the right value or "unknown", never a wrong one ---------------------------

_SIZE = int(os.environ.get("TREADMILL_CTL_CHECK_EXAMPLES", "12"))
"""Examples of the property test: CI size by default; e.g. 300 for the long run."""


@st.composite
def random_profiles(draw: st.DrawFn) -> SimProfile:
    step = draw(st.sampled_from([0.05, 0.1, 0.2, 0.5, 1.0]))
    lo = draw(st.sampled_from([0.1, 0.3, 0.5, 0.8, 1.0, 1.5]))
    return dataclasses.replace(
        load_profile("ideal"),
        speed_unit=draw(st.sampled_from(list(SpeedUnit))),
        speed_min=lo,
        speed_max=draw(st.sampled_from([lo, 3.0, 6.0, 12.0, 20.0])),
        speed_step=step,
        off_step=draw(st.sampled_from(list(sp.OffStep))),
        out_of_range=draw(st.sampled_from(list(sp.OutOfRange))),
        speed_when_stopped=draw(st.sampled_from(list(sp.SpeedWhenStopped))),
        start_while_running=draw(st.sampled_from(list(sp.StartWhileRunning))),
        control=draw(st.sampled_from(list(sp.ControlPolicy))),
        repeat_request_control=draw(st.sampled_from(list(sp.RepeatRequestControl))),
        repeated_stop=draw(st.sampled_from(list(sp.RepeatedStop))),
        status_order=draw(st.sampled_from(list(sp.StatusOrder))),
        busy_writes=draw(st.sampled_from(list(sp.BusyWrites))),
        start_delay_s=draw(st.sampled_from([0.0, 0.5, 1.0, 2.5, 4.0])),
        accel_kmh_s=draw(st.sampled_from([0.3, 0.5, 1.0, 2.0, 4.0])),
        decel_kmh_s=draw(st.sampled_from([0.3, 0.8, 1.5, 3.0])),
        stop_decel_kmh_s=draw(st.sampled_from([0.2, 0.5, 1.5, 3.0])),
        data_interval_s=draw(st.sampled_from([0.1, 0.2, 0.25, 0.5, 1.0])),
        indication_delay_s=draw(st.sampled_from([0.0, 0.03, 0.5, 2.5])),
        idle_records=draw(st.sampled_from(list(sp.IdleRecords))),
    )


@settings(
    max_examples=_SIZE,
    deadline=None,
    derandomize=_SIZE <= 12,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(profile=random_profiles())
@pytest.mark.timeout(60 + 10 * _SIZE)
def test_on_random_profiles_the_check_is_never_wrong(profile: SimProfile) -> None:
    outcome = run_fast(profile)
    check = outcome.check
    assert wrong_keys(profile, check.quirks) == {}, profile
    assert outcome.max_commanded_kmh <= MAX_PROBE_KMH
    assert check.max_speed_kmh <= MAX_PROBE_KMH + 0.01
    assert check.duration_s <= TIME_BUDGET_S + 10
    if outcome.completed and not check.blocked:
        assert check.quirks.speed_unit is profile.speed_unit
