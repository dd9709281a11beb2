"""The session engine over the real link and the virtual treadmill (looptime: the loop's clock
is fast-forwarded, no real waiting). Each test is one behaviour a runner would notice."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from session_safety import check_all
from session_world import run_looptime, small_plan, world

from treadmill_ctl.session.engine import TRANSITIONS, EngineEvent, SessionEngine
from treadmill_ctl.session.events import (
    AlertEvent,
    AlertLevel,
    EndReason,
    SessionEvent,
    SessionState,
    StateEvent,
)
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES, SimProfile
from treadmill_ctl.units import Direction, SpeedUnit
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link

pytestmark = pytest.mark.looptime

S = SessionState


def moving_writes(writes: list[tuple[float, str, float | None]], after: float) -> list[str]:
    return [op for t, op, _ in writes if t > after and op in ("start", "set_speed")]


async def test_nothing_moves_before_an_explicit_start_then_a_countdown_comes_first() -> None:
    async with world(small_plan()) as w:
        await w.run_for(120)
        assert w.engine.state is S.IDLE
        assert moving_writes(w.record.writes(), 0) == []
        assert w.engine.snapshot().waiting_for == "start"
        t_start = w.engine.snapshot().t
        w.engine.user_start()
        await w.until_state(S.RUNNING_PHASE)
        rec = w.record
        countdown = [c for c in rec.of("countdown") if c["t"] >= t_start]
        assert [c["remaining_s"] for c in countdown] == [5, 4, 3, 2, 1]
        assert {c["reason"] for c in countdown} == {"start"}
        first_move = next(t for t, op, _ in rec.writes() if op == "start")
        assert first_move >= countdown[-1]["t"] + 1.0 - 1e-6
        first_speed = next(v for _, op, v in rec.writes() if op == "set_speed")
        assert first_speed is not None
        assert first_speed <= 5.0  # not above the warm-up speed
        assert rec.cues("direction_forward")[0]["t"] <= countdown[0]["t"]


async def test_stop_preempts_and_nothing_restarts_without_a_new_start() -> None:
    async with world(small_plan()) as w:
        w.engine.user_start()
        await w.until_state(S.RUNNING_PHASE)
        t_stop = w.engine.snapshot().t
        w.engine.user_stop()
        await w.until_state(S.STOPPED, 10)
        stop_writes = [t for t, op, _ in w.record.writes() if op == "stop" and t >= t_stop]
        assert stop_writes
        assert stop_writes[0] - t_stop < 0.5
        assert w.engine.snapshot().waiting_for == "start"
        for nudge in (
            w.engine.user_resume,
            w.engine.user_skip,
            lambda: w.engine.user_speed_delta(1),
        ):
            nudge()
        await w.run_for(300)
        assert moving_writes(w.record.writes(), t_stop) == []
        assert w.device.belt_speed_kmh == 0.0
        t_restart = w.engine.snapshot().t
        w.engine.user_start()
        await w.until_state(S.RUNNING_PHASE)
        # event times are rounded to the millisecond
        reasons = [c["reason"] for c in w.record.of("countdown") if c["t"] >= t_restart - 1e-3]
        assert reasons == ["start"] * 5


async def test_turn_around_slows_to_the_turning_speed_then_counts_down_then_ramps() -> None:
    async with world(small_plan()) as w:
        w.engine.user_start()
        await w.until(lambda: w.engine.snapshot().facing is Direction.BACKWARD)
        await w.until_state(S.RUNNING_PHASE)
        rec = w.record
        turn = [c for c in rec.of("countdown") if c["reason"] == "turn"]
        assert [c["remaining_s"] for c in turn] == [5, 4, 3, 2, 1]
        slowing = next(e["t"] for e in rec.of("state") if e["state"] == "slowing_to_turn")
        assert rec.cues("turn_around")[0]["t"] < slowing  # announced before the slow-down
        pause_t = next(t for t, op, _ in rec.writes() if op == "pause")
        assert pause_t < turn[0]["t"]
        check_all(rec, w.engine.plan, Settings())


async def test_stop_during_the_turn_countdown_holds_it() -> None:
    async with world(small_plan()) as w:
        w.engine.user_start()
        await w.until_state(S.TURN_COUNTDOWN)
        await w.run_for(2)
        t_stop = w.engine.snapshot().t
        w.engine.user_stop()
        await w.until_state(S.STOPPED, 10)
        await w.run_for(60)
        assert moving_writes(w.record.writes(), t_stop) == []
        assert w.engine.snapshot().countdown_remaining_s is None


async def test_pause_at_a_turn_resumes_with_the_turn_countdown_and_keeps_phase_time() -> None:
    async with world(small_plan()) as w:
        w.engine.user_start()
        await w.until_state(S.TURN_COUNTDOWN)
        w.engine.user_pause()
        await w.until_state(S.PAUSED, 10)
        await w.run_for(30)
        t_resume = w.engine.snapshot().t
        w.engine.user_resume()
        await w.until_state(S.RUNNING_PHASE)
        rec = w.record
        reasons = [c["reason"] for c in rec.of("countdown") if c["t"] >= t_resume]
        assert reasons == ["turn"] * 5
        assert w.engine.snapshot().facing is Direction.BACKWARD
        # pause in the middle of a phase: the phase clock holds, a resume countdown follows
        await w.run_for(10)
        left = w.engine.snapshot().phase_remaining_s
        w.engine.user_pause()
        await w.until_state(S.PAUSED, 10)
        await w.run_for(45)
        assert w.engine.snapshot().phase_remaining_s == pytest.approx(left, abs=0.6)
        t_resume = w.engine.snapshot().t
        w.engine.user_resume()
        await w.until_state(S.RUNNING_PHASE)
        reasons = [c["reason"] for c in w.record.of("countdown") if c["t"] >= t_resume]
        assert reasons == ["resume"] * 5
        check_all(w.record, w.engine.plan, Settings())


async def test_skip_extend_and_speed_changes_stay_within_the_caps() -> None:
    settings = Settings(backward_cap_kmh=4.0)
    async with world(small_plan(backward_kmh=3.0), settings=settings) as w:
        w.engine.user_start()
        await w.until_state(S.RUNNING_PHASE)
        w.engine.user_extend(30)
        assert w.engine.snapshot().phase_remaining_s > 40
        w.engine.user_skip()  # the warm-up ends now: a turn-around follows
        await w.until_state(S.SLOWING_TO_TURN, 10)
        await w.until(lambda: w.engine.snapshot().facing is Direction.BACKWARD)
        await w.until_state(S.RUNNING_PHASE)
        w.engine.user_speed_delta(+0.5)
        w.engine.user_speed_delta(+0.5)
        w.engine.user_speed_delta(+0.5)
        snap = w.engine.snapshot()
        assert snap.target_speed_kmh == 4.0  # the backward cap, not 4.5
        assert "backward cap" in (snap.last_alert.message if snap.last_alert else "")
        await w.run_for(8)
        assert w.device.belt_speed_kmh == pytest.approx(4.0, abs=0.05)
        await w.until(lambda: w.engine.snapshot().facing is Direction.FORWARD)
        await w.until(
            lambda: (
                w.engine.snapshot().facing is Direction.BACKWARD
                and w.engine.state is S.RUNNING_PHASE
            )
        )
        assert w.engine.snapshot().target_speed_kmh == 3.0  # the change held for one phase
        check_all(w.record, w.engine.plan, settings)


async def test_safety_key_stops_the_session_and_it_stays_stopped() -> None:
    record = await run_looptime(small_plan(), injects=["safety-key@70", "resume@90"])
    assert record.reason is EndReason.STOPPED_BY_MACHINE
    assert record.alerts("safety_key_stop")[0]["level"] == "danger"
    assert moving_writes(record.writes(), 70) == []
    assert record.of("end")[0]["reason"] == "stopped_by_machine"


async def test_console_stop_and_pause_are_followed_not_fought() -> None:
    stopped = await run_looptime(small_plan(), injects=["console-stop@30"])
    assert stopped.reason is EndReason.STOPPED_BY_MACHINE
    assert moving_writes(stopped.writes(), 30) == []
    assert "stopped" in stopped.states()
    # a console stop is its own alert, never taken for the safety key (nor by its words)
    assert [a["level"] for a in stopped.alerts("console_stop")] == ["warning"]
    assert stopped.alerts("safety_key_stop") == []
    paused = await run_looptime(small_plan(), injects=["console-pause@30", "resume@50"])
    assert paused.reason is EndReason.FINISHED
    assert "paused" in paused.states()
    # the console's remembered target is lowered to the start speed, then Start
    assert moving_writes(paused.writes(), 30)[:2] == ["set_speed", "start"]
    first_after = next(t for t, op, _ in paused.writes() if t > 30 and op == "start")
    assert first_after > 50


async def test_console_speed_change_is_reflected_for_the_phase() -> None:
    async with world(small_plan()) as w:
        w.engine.user_start()
        await w.until_state(S.RUNNING_PHASE)
        t = w.engine.snapshot().t
        w.device.console_set_speed(6.5)
        await w.run_for(15)
        rec = w.record
        assert [op for t_, op, _ in rec.writes() if t_ > t] == []  # not fought
        assert w.device.belt_speed_kmh == pytest.approx(6.5, abs=0.05)
        assert rec.alerts("console_speed")
        assert w.engine.state is S.RUNNING_PHASE


async def test_link_loss_alarms_reconnects_sends_stop_first_and_waits() -> None:
    async with world(small_plan()) as w:
        w.engine.user_start()
        await w.until_state(S.RUNNING_PHASE)
        t_drop = w.engine.snapshot().t
        w.device.drop_link(back_after_s=5.0)
        await w.until_state(S.LINK_LOST, 2)
        alert = w.record.alerts("link_lost")[0]
        assert alert["level"] == "danger"
        assert "may still be running" in alert["message"]
        assert w.record.cues("alarm")
        await w.until_state(S.PAUSED, 60)
        after = [(t, op) for t, op, _ in w.record.writes() if t > t_drop]
        belt_ops = [op for _, op in after if op != "request_control"]
        assert belt_ops == ["stop"]  # STOP first, and nothing else on its own
        await w.run_for(120)
        assert moving_writes(w.record.writes(), t_drop) == []
        w.engine.user_resume()
        await w.until_state(S.RUNNING_PHASE)


async def test_lost_control_is_requested_again_and_the_session_goes_on() -> None:
    record = await run_looptime(small_plan(blocks=1), injects=["control-lost@60"])
    assert record.reason is EndReason.FINISHED
    assert record.alerts("control_lost")
    after = [op for t, op, _ in record.writes() if t > 60]
    assert "request_control" in after


async def test_an_unanswered_command_is_reported_not_pretended() -> None:
    async with world(small_plan()) as w:
        w.engine.user_start()
        await w.until(lambda: any(e["op"] == "start" for e in w.record.of("command")), 30)
        w.device.swallow_next_command()  # a set-point of the ramp
        await w.until(lambda: any(e["result"] == "timeout" for e in w.record.of("command")), 30)
        await w.until(lambda: bool(w.record.alerts("command_failed")), 10)
        assert "no answer" in w.record.alerts("command_failed")[0]["message"]
        await w.until_state(S.RUNNING_PHASE, 60)


def reaching(engine: SessionEngine, state: SessionState) -> asyncio.Event:
    """An event set when the engine enters ``state``."""
    reached = asyncio.Event()

    def on_event(event: SessionEvent) -> None:
        if isinstance(event, StateEvent) and event.state is state:
            reached.set()

    engine.add_listener(on_event)
    return reached


async def test_a_console_reading_mph_is_caught_and_stopped() -> None:
    plan = Plan.from_steps("mph", [Phase(PhaseKind.WARMUP, 120, 5.0)])
    link, device = await open_simulated_link("mph", connect=False, target_unit=SpeedUnit.KMH)
    events: list[SessionEvent] = []
    engine = SessionEngine(link, plan, Settings(), listener=events.append)
    stopped = reaching(engine, S.STOPPED)
    engine.user_start()
    task = asyncio.get_running_loop().create_task(engine.run())
    async with asyncio.timeout(300):
        await stopped.wait()
    await asyncio.sleep(30)  # the belt runs down at the machine's own rate
    assert device.belt_speed_kmh == 0.0
    engine.user_end()
    assert await task is EndReason.STOPPED_BY_MACHINE
    await close_simulated_link(link, device)
    alerts = [e for e in events if isinstance(e, AlertEvent)]
    assert any(a.code == "overspeed" and a.level is AlertLevel.DANGER for a in alerts)


async def test_heart_rate_above_the_cap_slows_a_backward_block_never_speeds_up() -> None:
    async with world(small_plan(backward_kmh=4.0), settings=Settings(hr_cap_bpm=150)) as w:
        w.engine.user_start()
        await w.until(lambda: w.engine.snapshot().facing is Direction.BACKWARD)
        await w.until_state(S.RUNNING_PHASE)
        # One spike (a dry strap) is not enough: the block goes on at its speed.
        w.engine.report_heart_rate(171)
        await w.run_for(1)
        w.engine.report_heart_rate(140)
        await w.run_for(5)
        assert not w.record.alerts("hr_cap")
        assert w.engine.snapshot().target_speed_kmh == 4.0
        # Above the cap for two readings in a row (a strap sends one a second): slower.
        w.engine.report_heart_rate(170)
        await w.run_for(1)
        w.engine.report_heart_rate(172)
        await w.run_for(10)
        assert w.record.alerts("hr_cap")
        assert w.engine.snapshot().target_speed_kmh is not None
        assert w.engine.snapshot().target_speed_kmh < 4.0  # type: ignore[operator]
        assert w.device.belt_speed_kmh < 4.0


async def test_cancelling_the_run_stops_the_belt() -> None:
    link, device = await open_simulated_link("ideal", connect=False)
    engine = SessionEngine(link, small_plan(), Settings())
    engine.user_start()
    running = reaching(engine, S.RUNNING_PHASE)
    task = asyncio.get_running_loop().create_task(engine.run())
    async with asyncio.timeout(300):
        await running.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.sleep(10)
    assert device.belt_speed_kmh == 0.0
    await close_simulated_link(link, device)


def test_the_state_table_is_complete_and_stop_is_never_refused() -> None:
    states = set(SessionState)
    reachable = {S.IDLE} | set(TRANSITIONS.values())
    assert reachable == states
    for state in states - {S.FINISHED, S.STOPPING}:
        if state is not S.LINK_LOST:
            assert TRANSITIONS[(state, EngineEvent.USER_STOP)] is S.STOPPING
    assert not any(s is S.FINISHED for (s, _) in TRANSITIONS)  # terminal


def console_with_heart_rate() -> SimProfile:
    """A treadmill whose Treadmill Data carries the console's heart rate (hand grips)."""
    ideal = BUILTIN_PROFILES["ideal"]
    return dataclasses.replace(ideal, data_fields=(*ideal.data_fields, "hr"))


async def test_the_treadmill_heart_rate_is_used_without_a_strap_and_a_fresh_strap_wins() -> None:
    async with world(small_plan(), profile=console_with_heart_rate()) as w:
        w.device.heart_rate_bpm = 118
        w.engine.user_start()
        await w.until_state(S.RUNNING_PHASE)
        snap = w.engine.snapshot()
        assert (snap.hr_bpm, snap.hr_source) == (118, "treadmill")
        w.engine.report_heart_rate(96)  # a strap connects: its reading is preferred
        snap = w.engine.snapshot()
        assert (snap.hr_bpm, snap.hr_source) == (96, "strap")
        w.engine.report_heart_rate(None)  # no skin contact / lost: the treadmill's again
        assert (w.engine.snapshot().hr_bpm, w.engine.snapshot().hr_source) == (118, "treadmill")
        w.engine.report_heart_rate(97)
        await w.run_for(6)  # the strap went quiet without a word: stale after 5 s
        assert (w.engine.snapshot().hr_bpm, w.engine.snapshot().hr_source) == (118, "treadmill")
        w.device.heart_rate_bpm = 0  # hands off the grips: the console sends 0
        await w.run_for(6)
        assert (w.engine.snapshot().hr_bpm, w.engine.snapshot().hr_source) == (None, "none")


async def test_one_treadmill_heart_rate_spike_does_not_break_a_backward_block() -> None:
    settings = Settings(hr_cap_bpm=150)
    profile = console_with_heart_rate()
    async with world(small_plan(backward_kmh=4.0), profile=profile, settings=settings) as w:
        w.engine.user_start()
        await w.until(lambda: w.engine.snapshot().facing is Direction.BACKWARD)
        await w.until_state(S.RUNNING_PHASE)
        w.device.heart_rate_bpm = 120
        await w.run_for(2)
        w.device.heart_rate_bpm = 190  # a grip glitch: one 1 Hz value, in four 4 Hz records
        await w.run_for(0.8)
        w.device.heart_rate_bpm = 120
        await w.run_for(5)
        assert not w.record.alerts("hr_cap")
        assert w.engine.snapshot().target_speed_kmh == 4.0
        w.device.heart_rate_bpm = 175  # really above the cap
        await w.run_for(2)
        (alert,) = w.record.alerts("hr_cap")
        assert "in 5 s" in alert["message"]
        # Cued first: the belt keeps its speed until the cue's lead time has passed.
        assert w.engine.snapshot().target_speed_kmh == 4.0
        await w.run_for(6)
        assert w.engine.snapshot().target_speed_kmh is not None
        assert w.engine.snapshot().target_speed_kmh < 4.0  # type: ignore[operator]
