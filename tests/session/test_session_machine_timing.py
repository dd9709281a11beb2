"""A session takes its waits from the treadmill's saved machine check (``timing``): a console
that takes 14 s from Start to belt motion gets a false "has not started" warning with the safe
defaults (10 s), and none once its check says so. On the virtual treadmill, loop time
fast-forwarded (looptime)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

import pytest

from treadmill_ctl.session.controller import SessionController
from treadmill_ctl.session.events import AlertEvent, SessionEvent, SessionState
from treadmill_ctl.session.machine_quirks import (
    DEFAULT_REACH_RATE_KMH_S,
    DEFAULT_START_TIMEOUT_S,
    MachineCheck,
    MachineQuirks,
    MachineSessionSettings,
    session_settings,
)
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import SimProfile
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link

pytestmark = pytest.mark.looptime

PLAN = Plan("Walk", (Phase(PhaseKind.WARMUP, 120, 3.0),), id="walk")
SLOW_START = dataclasses.replace(SimProfile(), start_delay_s=14.0)
WHEN = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


async def alerts_of_a_start(timing: MachineSessionSettings | None) -> list[str]:
    """Start a session on the slow-starting console; the alert codes until it runs."""
    link, device = await open_simulated_link(SLOW_START)
    events: list[SessionEvent] = []
    session = SessionController(link, PLAN, Settings(), listeners=(events.append,), timing=timing)
    session.launch()
    try:
        assert session.start()
        async with asyncio.timeout(120):
            while session.session_state() is not SessionState.RUNNING_PHASE:  # noqa: ASYNC110
                await asyncio.sleep(0.1)
        return [e.code for e in events if isinstance(e, AlertEvent)]
    finally:
        session.close()
        if session.task is not None:
            await asyncio.gather(session.task, return_exceptions=True)
        await close_simulated_link(link, device)


async def test_never_checked_the_safe_defaults_warn_of_a_slow_start() -> None:
    assert "slow_start" in await alerts_of_a_start(None)


async def test_the_checked_start_delay_is_waited_for() -> None:
    check = MachineCheck("5A:11:00:00:00:01", MachineQuirks(start_delay_s=14.0), WHEN)
    timing = session_settings(check)
    assert timing.start_timeout_s == pytest.approx(19.0)
    assert "slow_start" not in await alerts_of_a_start(timing)


def test_the_reach_wait_follows_the_checked_ramp_rates() -> None:
    assert session_settings(None).reach_rate_kmh_s == DEFAULT_REACH_RATE_KMH_S
    assert session_settings(None).start_timeout_s == DEFAULT_START_TIMEOUT_S
    slow = MachineCheck("AA", MachineQuirks(accel_kmh_s=0.2, decel_kmh_s=0.5), WHEN)
    assert session_settings(slow).reach_rate_kmh_s == pytest.approx(0.2)
    quick = MachineCheck("AA", MachineQuirks(accel_kmh_s=1.0, decel_kmh_s=1.2), WHEN)
    assert session_settings(quick).reach_rate_kmh_s == DEFAULT_REACH_RATE_KMH_S
