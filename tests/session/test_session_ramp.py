"""Every change of speed ramps, from what the belt really does (issue 11): the resume on a
console that remembers its target, a belt that starts late, no front-loaded ramp after a
steady phase, a console stop racing our Start. Real link, virtual treadmill, loop time."""

from __future__ import annotations

import dataclasses

import pytest
from machine_bench import Bench
from session_safety import check_all
from session_world import Record, World, small_plan, world

from treadmill_ctl.ftms.model import MachineStatusKind
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import SessionState
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import (
    BUILTIN_PROFILES,
    RememberTarget,
    SpeedWhenStopped,
    load_profile,
)
from treadmill_ctl.sim.treadmill import BeltState

pytestmark = pytest.mark.looptime

S = SessionState


def speeds(record: Record, after: float, until: float = float("inf")) -> list[tuple[float, float]]:
    return [
        (d["t"], d["speed_kmh"] or 0.0)
        for d in record.of("data")
        if after <= d["t"] <= until and d["speed_kmh"] is not None
    ]


def first_write(record: Record, op: str, after: float) -> float:
    return next(t for t, o, _ in record.writes() if o == op and t > after)


async def pause_then_resume(w: World, *, pause_at_s: float = 30.0) -> float:
    """Start, run the warm-up at 5.0 km/h, pause at ``pause_at_s``, resume 20 s later; the
    session time of the resume's Start."""
    w.engine.user_start()
    await w.until(lambda: w.engine.snapshot().t >= pause_at_s)
    w.engine.user_pause()
    await w.until_state(S.PAUSED)
    await w.run_for(20)
    w.engine.user_resume()
    t_resume = w.engine.snapshot().t
    await w.until(lambda: any(t > t_resume and op == "start" for t, op, _ in w.record.writes()))
    return first_write(w.record, "start", t_resume)


async def test_a_resume_lowers_the_remembered_target_before_start() -> None:
    # The slow console remembers 5.0 km/h across the pause. Before: Start alone, and the belt
    # headed back to 5.0 unramped (0 -> 4.7 km/h in 4.8 s) and the app adopted it.
    plan = Plan.from_steps("resume", [Phase(PhaseKind.WARMUP, 120, 5.0)])
    async with world(plan, profile="laggy") as w:
        t_start = await pause_then_resume(w)
        before_start = [(t, v) for t, op, v in w.record.writes() if op == "set_speed"]
        assert any(t_start - 5 < t < t_start and v == 0.5 for t, v in before_start)
        await w.run_for(8)
        early = speeds(w.record, t_start, t_start + 6)
        assert max(v for _, v in early) <= 1.6, early  # the ramp's pace, not 4.7 km/h
        await w.until_state(S.RUNNING_PHASE, 60)
        check_all(w.record, plan, Settings())


async def test_a_belt_that_runs_ahead_of_the_ramp_is_stopped_and_the_user_told() -> None:
    # A slow console that takes no speed while paused (it needs Start first) and resumes at
    # the speed it had: the low target can only follow Start's late answer, by then the belt
    # runs ahead. It is stopped, with its own alert, never adopted.
    profile = dataclasses.replace(
        BUILTIN_PROFILES["laggy"],
        speed_when_paused=SpeedWhenStopped.REJECT,
        speed_when_stopped=SpeedWhenStopped.REJECT,
        remember_target=RememberTarget.ALWAYS,
    )
    plan = Plan.from_steps("resume", [Phase(PhaseKind.WARMUP, 120, 5.0)])
    async with world(plan, profile=profile) as w:
        t_start = await pause_then_resume(w)
        await w.until_state(S.STOPPED, 30)
        (alert,) = w.record.alerts("belt_ahead")
        assert alert["level"] == "danger"
        assert "faster than the ramp" in alert["message"]
        assert "Stopping" in alert["message"]
        stop = first_write(w.record, "stop", t_start)
        assert stop - t_start < 3.0
        assert max(v for _, v in speeds(w.record, t_start)) < 2.0  # not 5.0
        # Not a false alarm: the belt ran ahead honestly. Start's answer was still on its way
        # (2.5 s late) and the only set-point since it asked 0.5 km/h (refused while paused);
        # the belt was at well over twice that and still speeding up, towards the 5.0 km/h it
        # remembered (a slow console that follows the ramp is not stopped: the next test).
        asked = [
            v or 0.0 for t, op, v in w.record.writes() if op == "set_speed" and t >= t_start - 5
        ]
        before = speeds(w.record, t_start, stop)
        assert max(asked) <= 0.5
        assert before[-1][1] > 2 * max(asked)
        assert before[-1][1] > before[-3][1] > before[-5][1]  # still speeding up at the STOP
        await w.run_for(10)
        assert w.device.belt_speed_kmh == 0.0


async def test_a_slow_console_that_remembers_its_target_follows_the_ramp_unstopped() -> None:
    # The slow home treadmill (0.4 km/h/s, 2 s from Start to motion) remembers 5.0 km/h and
    # takes no speed while paused: its target can be lowered only after Start, and Start is
    # answered at once, before the belt moves. So the belt follows the ramp, slowly (the ramp
    # waits for it), and no belt-ahead STOP comes: only a late answer (above) lets it run ahead.
    profile = dataclasses.replace(
        load_profile("slow-ramp"),
        speed_when_paused=SpeedWhenStopped.REJECT,
        speed_when_stopped=SpeedWhenStopped.REJECT,
        remember_target=RememberTarget.ALWAYS,
    )
    plan = Plan.from_steps("resume", [Phase(PhaseKind.WARMUP, 120, 5.0)])
    async with world(plan, profile=profile) as w:
        t_start = await pause_then_resume(w)
        await w.until_state(S.RUNNING_PHASE, 60)
        assert not w.record.alerts("belt_ahead")
        assert w.engine.state is S.RUNNING_PHASE
        early = speeds(w.record, t_start, t_start + 5)
        assert max(v for _, v in early) <= 1.5, early  # the ramp's pace, not towards 5.0
        check_all(w.record, plan, Settings())


async def test_a_console_that_needs_start_first_gets_the_low_target_at_once_after_it() -> None:
    # Starts 2.5 s after Start, refuses speeds while paused or starting, remembers 5.0.
    profile = dataclasses.replace(
        BUILTIN_PROFILES["picky"],
        speed_when_paused=SpeedWhenStopped.REJECT,
        remember_target=RememberTarget.ALWAYS,
    )
    plan = Plan.from_steps("resume", [Phase(PhaseKind.WARMUP, 120, 5.0)])
    async with world(plan, profile=profile) as w:
        t_start = await pause_then_resume(w)
        await w.run_for(6)
        after = [(t, op) for t, op, _ in w.record.writes() if t >= t_start]
        after = [(t, op) for t, op in after if op != "request_control"]
        assert [op for _, op in after][:2] == ["start", "set_speed"]
        assert after[1][0] - t_start < 0.5  # at once after Start, before the belt moves
        assert max(v for _, v in speeds(w.record, t_start, t_start + 3.5)) <= 1.2
        await w.until_state(S.RUNNING_PHASE, 60)
        assert not w.record.alerts("belt_ahead")
        check_all(w.record, plan, Settings())


async def test_a_belt_that_starts_late_is_waited_for_not_chased() -> None:
    # Start moves the belt only after 12 s (the session waits 10 s, then ramps). Before: the
    # set-points went on by the clock and the belt jumped 0.2 -> 3.9 km/h when it moved.
    profile = dataclasses.replace(BUILTIN_PROFILES["ideal"], start_delay_s=12.0)
    plan = Plan.from_steps("late", [Phase(PhaseKind.WARMUP, 60, 5.0)])
    async with world(plan, profile=profile) as w:
        w.engine.user_start()
        await w.until(lambda: w.device.state is BeltState.RUNNING, 60)
        t_moving = w.engine.snapshot().t
        assert w.record.alerts("slow_start")
        while_still = [v for t, op, v in w.record.writes() if op == "set_speed" and t < t_moving]
        assert max(v or 0.0 for v in while_still) <= 1.1  # not 3.9 km/h waiting for it
        await w.run_for(5)
        moved = speeds(w.record, t_moving, t_moving + 4.5)
        assert max(v for _, v in moved) <= 3.2, moved  # about 0.5 km/h per second from there
        await w.until_state(S.RUNNING_PHASE, 60)
        check_all(w.record, plan, Settings())


async def test_a_speed_change_after_a_steady_phase_ramps_without_a_jump() -> None:
    # After a steady phase one write added 0.5 km/h and the ramp went on at full rate:
    # 0.8 km/h in the first second. Now no one-second window holds more than the ramp's.
    plan = Plan.from_steps("steady", [Phase(PhaseKind.WARMUP, 120, 3.0)])
    async with world(plan) as w:
        w.engine.user_start()
        await w.until_state(S.RUNNING_PHASE, 60)
        await w.run_for(30)  # steady at 3.0
        t_change = w.engine.snapshot().t
        w.engine.user_speed_delta(2.0)
        await w.run_for(10)
        ramp = [(t, v or 0.0) for t, op, v in w.record.writes() if op == "set_speed"]
        up = [(t, v) for t, v in ramp if t >= t_change]
        assert up[-1][1] == 5.0
        for t0, _ in up:
            before = max((v for t, v in ramp if t < t0), default=3.0)
            inside = [v for t, v in up if t0 <= t < t0 + 1.0 - 1e-6]
            assert max(inside) - before <= 0.5 + 1e-6, (t0, up[:8])


async def test_a_console_stop_at_the_end_of_a_turn_countdown_wins() -> None:
    # The console's stop and our Start (the end of the turn's countdown) at the same instant,
    # the console's first. Before: the belt ran at 0.5 km/h for 5.5 s after the console stop.
    stopped_at: list[float] = []
    async with world(small_plan()) as w:
        w.engine.user_start()
        await w.until_state(S.SLOWING_TO_TURN, 120)
        w.device.console_stop_at_next_start(lambda: stopped_at.append(w.engine.snapshot().t))
        await w.until(lambda: bool(stopped_at), 60)
        await w.run_for(10)
        assert w.engine.state is S.STOPPED
        after = speeds(w.record, stopped_at[0] + 0.3)
        assert max(v for _, v in after) <= 0.2, after
        assert w.device.state in (BeltState.STOPPING, BeltState.STOPPED)
        assert w.device.belt_speed_kmh == 0.0


def test_a_machine_stop_while_our_start_is_in_flight_gets_a_stop_at_once() -> None:
    # The pure machine: the console's "stopped" arrives before our Start's answer (the
    # machine may take our Start after its own stop): STOP now, not after 5 s of belt.
    bench = Bench()
    bench.user(io.UserAction.START)
    bench.move(5.25)  # the start countdown
    while bench.commands[0].op is not io.Cmd.START:
        bench.answer()  # the start speed, before Start
    # Start is written, not answered yet
    effects = bench.status(MachineStatusKind.STOPPED_BY_USER)
    assert any(isinstance(e, io.SendStop) for e in effects)
    assert bench.state is S.STOPPED
