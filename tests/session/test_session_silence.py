"""The treadmill goes quiet, over the real link (pyftms, bleak) and the virtual treadmill:
Treadmill Data stops while the link stays up (issue 11). looptime: no real waiting."""

from __future__ import annotations

import asyncio

import pytest
from session_safety import check_all
from session_world import run_looptime, small_plan, world

from treadmill_ctl.session.events import EndReason, SessionState
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.treadmill import BeltState

pytestmark = pytest.mark.looptime

S = SessionState


def data_times(record: object) -> list[float]:
    return [e["t"] for e in record.of("data")]  # type: ignore[attr-defined]


@pytest.mark.parametrize("profile", ["ideal", "laggy", "cs-wp8"])
async def test_a_treadmill_that_stops_sending_is_warned_about_then_stopped(profile: str) -> None:
    record = await run_looptime(small_plan(), profile=profile, injects=["data-stop@60"])
    last = max(t for t in data_times(record) if t <= 60.0 + 1e-6)
    (warning,) = record.alerts("data_stale")
    assert warning["t"] - last == pytest.approx(2.0, abs=0.3)  # max(2 s, 3 × interval)
    assert warning["level"] == "warning"
    assert [c["t"] for c in record.cues("no_data")] == [warning["t"]]  # with its sound
    (lost,) = record.alerts("data_lost")
    assert lost["message"].startswith("The treadmill stopped sending its speed")
    assert lost["t"] - warning["t"] == pytest.approx(5.0, abs=0.3)
    stops = [t for t, op, _ in record.writes() if op == "stop" and t > 60]
    assert stops
    assert stops[0] - lost["t"] < 0.25  # STOP is written at once
    # Nothing sped up, started or turned while the data was missing.
    during = [(t, op, v) for t, op, v in record.writes() if warning["t"] - 0.01 <= t]
    assert [op for _, op, _ in during if op == "start"] == []
    speeds = [v for _, op, v in during if op == "set_speed"]
    before = [v for t, op, v in record.writes() if t < warning["t"] - 0.01 and op == "set_speed"]
    assert all(v is not None and v <= before[-1] + 1e-6 for v in speeds), (before[-1], speeds)
    assert "stopped" in record.states()[-2:]
    assert record.reason is EndReason.STOPPED_BY_MACHINE  # headless: no user to go on
    assert record.device.state in (BeltState.STOPPED, BeltState.STOPPING, BeltState.IDLE)
    check_all(record, small_plan(), Settings())


async def test_a_lost_subscription_is_renewed_and_the_session_goes_on() -> None:
    record = await run_looptime(small_plan(), injects=["data-unsubscribed@60"])
    (warning,) = record.alerts("data_stale")
    (back,) = record.alerts("data_back")
    assert back["t"] - warning["t"] < 1.0  # re-subscribing brought it back at once
    assert record.alerts("data_lost") == []
    assert record.reason is EndReason.FINISHED
    check_all(record, small_plan(), Settings())


async def test_data_back_before_the_stop_clears_the_warning_and_the_plan_goes_on() -> None:
    # 4 s without data from the end of the warm-up's ramp on: the phase clock, the next ramp.
    record = await run_looptime(small_plan(), injects=["data-gap@38"])
    (warning,) = record.alerts("data_stale")
    (back,) = record.alerts("data_back")
    assert 1.5 < back["t"] - warning["t"] < 5.0
    assert record.alerts("data_lost") == []
    assert record.reason is EndReason.FINISHED
    assert "stopping" not in record.states()
    check_all(record, small_plan(), Settings())


async def test_the_screen_snapshot_says_the_speed_is_stale() -> None:
    async with world(small_plan()) as w:
        w.engine.user_start()
        await w.until_state(S.RUNNING_PHASE)
        snap = w.engine.snapshot()
        assert not snap.data_stale
        assert snap.data_age_s is not None
        assert snap.data_age_s < 0.5
        w.device.stop_data(for_s=None)
        await w.run_for(3.0)
        snap = w.engine.snapshot()
        assert snap.data_stale
        assert snap.data_age_s == pytest.approx(3.0, abs=0.3)
        w.device.resume_data()
        await w.run_for(0.5)
        assert not w.engine.snapshot().data_stale
        assert w.engine.state is S.RUNNING_PHASE


async def test_stop_during_the_warning_is_written_at_once() -> None:
    async with world(small_plan()) as w:
        w.engine.user_start()
        await w.until_state(S.RUNNING_PHASE)
        w.device.stop_data(for_s=None)
        await w.until(lambda: bool(w.record.alerts("data_stale")), 5)
        loop = asyncio.get_running_loop()
        pressed = loop.time()
        w.engine.user_stop()
        await w.until(lambda: any(d[:2] == b"\x08\x01" for _, d in w.device.control_writes), 2)
        (written, _), *_ = [(t, d) for t, d in w.device.control_writes if d[:2] == b"\x08\x01"]
        assert written - pressed <= 0.25  # STOP's budget, whatever the watchdog is doing
