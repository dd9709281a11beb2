"""The session machine's logic, driven directly: inputs in, effects out, no event loop (each
test runs in milliseconds). The same behaviours over the real link and the virtual treadmill
are in test_session_engine.py."""

from __future__ import annotations

import itertools

import pytest
from machine_bench import Bench

from treadmill_ctl.ftms.model import MachineStatusKind, Result, TreadmillData
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import CueKind, SessionState
from treadmill_ctl.session.policy import SafetyPolicy
from treadmill_ctl.session.steps import Step
from treadmill_ctl.session.transitions import REACTIONS, TRANSITIONS, EngineEvent
from treadmill_ctl.settings import Settings
from treadmill_ctl.units import Direction

S = SessionState


def started(seconds: float = 0.0, settings: Settings | None = None) -> Bench:
    bench = Bench(settings=settings or Settings())
    bench.user(io.UserAction.START)
    bench.run_normally(seconds)
    return bench


def until(bench: Bench, state: SessionState, within_s: float = 120.0) -> None:
    end = bench.t + within_s
    while bench.state is not state:
        assert bench.t < end, f"not {state} in {within_s} s (is {bench.state})"
        bench.run_normally(0.25)


def test_nothing_moves_before_a_start_then_a_countdown_then_the_warm_up_speed() -> None:
    bench = Bench()
    bench.run_normally(60)
    assert bench.sends() == []
    assert bench.state is S.IDLE
    t_start = bench.t
    bench.user(io.UserAction.START)
    until(bench, S.RUNNING_PHASE)
    countdown = bench.countdowns()
    assert [c.remaining_s for c in countdown] == [5, 4, 3, 2, 1]
    assert [c.t for c in countdown] == pytest.approx([t_start - 100 + i for i in range(5)])
    (t_go, _start), *_ = bench.sends(io.Cmd.START)
    assert t_go == pytest.approx(t_start + 5)
    first = bench.sends(io.Cmd.SET_SPEED)[0][1].value
    assert first is not None
    assert first <= 3.0  # the warm-up's speed at most


def test_the_one_ramp_steps_half_a_kmh_a_second() -> None:
    bench = started()
    until(bench, S.RUNNING_PHASE)
    speeds = [(t, s.value) for t, s in bench.sends(io.Cmd.SET_SPEED)]
    assert speeds[-1][1] == pytest.approx(3.0)
    for (t0, v0), (t1, v1) in itertools.pairwise(speeds):
        assert v1 is not None
        assert v0 is not None
        assert abs(v1 - v0) <= 0.5 * min(t1 - t0, 1.0) + 0.1 + 1e-6


@pytest.mark.parametrize(
    "state",
    [
        S.IDLE,
        S.STARTING_COUNTDOWN,
        S.RAMPING,
        S.RUNNING_PHASE,
        S.SLOWING_TO_TURN,
        S.TURN_COUNTDOWN,
        S.PAUSED,
        S.RESUME_COUNTDOWN,
        S.STOPPED,
        S.FINISHING,
    ],
)
def test_a_user_stop_writes_stop_at_once_in_every_state(state: SessionState) -> None:
    bench = Bench()
    if state is not S.IDLE:
        bench.user(io.UserAction.START)
        if state in (S.PAUSED, S.RESUME_COUNTDOWN):
            until(bench, S.RUNNING_PHASE)
            bench.user(io.UserAction.PAUSE)
            bench.run_normally(5)
            if state is S.RESUME_COUNTDOWN:
                bench.user(io.UserAction.RESUME)
                until(bench, S.RESUME_COUNTDOWN)
        elif state is S.STOPPED:
            bench.run_normally(8)
            bench.user(io.UserAction.STOP)
            bench.run_normally(1)
        else:
            until(bench, state, 200)
    assert bench.state is state
    bench.answer_all()
    effects = bench.user(io.UserAction.STOP)
    assert any(isinstance(e, io.SendStop) for e in effects)
    assert bench.state is S.STOPPING


def test_a_stop_while_the_link_is_down_is_the_first_command_when_it_is_back() -> None:
    bench = started(8)
    bench.lose_link()
    assert not any(isinstance(e, io.SendStop) for e in bench.user(io.UserAction.STOP))
    assert bench.alerts("stop_pending")
    bench.move(1.5)
    assert bench.connecting
    effects = bench.connect()
    assert isinstance(next(e for e in effects if isinstance(e, io.Send | io.SendStop)), io.SendStop)
    bench.answer_all()
    assert bench.state is S.STOPPED


def test_after_stop_only_a_new_start_moves_the_belt() -> None:
    bench = started(10)
    bench.user(io.UserAction.STOP)
    bench.run_normally(2)
    assert bench.state is S.STOPPED
    moving = len(bench.sends())
    for action in (io.UserAction.RESUME, io.UserAction.SKIP, io.UserAction.SPEED):
        bench.user(action, 1.0)
    bench.run_normally(60)
    assert len(bench.sends()) == moving
    bench.user(io.UserAction.START)
    until(bench, S.RAMPING)
    assert bench.sends(io.Cmd.START)[-1][0] == pytest.approx(bench.t)


def test_a_console_pause_is_followed_and_only_the_user_resumes() -> None:
    bench = started()
    until(bench, S.RUNNING_PHASE)
    bench.running = False
    bench.status(MachineStatusKind.PAUSED_BY_USER)
    assert bench.state is S.PAUSED
    assert bench.alerts("machine_paused")
    starts = len(bench.sends(io.Cmd.START))
    bench.run_normally(120)
    assert len(bench.sends(io.Cmd.START)) == starts
    bench.user(io.UserAction.RESUME)
    until(bench, S.RAMPING)
    assert len(bench.sends(io.Cmd.START)) == starts + 1


def test_the_heart_rate_cap_is_cued_before_it_slows_the_block() -> None:
    bench = started(settings=Settings(hr_cap_bpm=150))
    while bench.machine.facing is not Direction.BACKWARD or bench.state is not S.RUNNING_PHASE:
        bench.run_normally(0.25)
    bench.feed(io.HeartRate(bench.t, 180))
    bench.run_normally(1.0)
    bench.feed(io.HeartRate(bench.t, 181))
    (cue,) = [c for c in bench.cues() if "Heart rate" in c.text]
    assert cue.cue is CueKind.SPEED
    cued_at = bench.t
    before = [s.value for t, s in bench.sends(io.Cmd.SET_SPEED) if t < cued_at + 5 - 1e-6]
    bench.run_normally(6)
    after = [s.value for t, s in bench.sends(io.Cmd.SET_SPEED) if t >= cued_at + 5 - 1e-6]
    assert before[-1] == pytest.approx(2.5)
    assert after
    assert after[-1] is not None
    assert after[-1] < 2.5


def test_user_speed_changes_stay_within_the_backward_cap() -> None:
    bench = started(settings=Settings(backward_cap_kmh=3.0))
    while bench.machine.facing is not Direction.BACKWARD or bench.state is not S.RUNNING_PHASE:
        bench.run_normally(0.25)
    bench.user(io.UserAction.SPEED, 6.0)
    assert bench.alerts()[-1].message == "Limited by the backward cap 3.0 km/h."
    bench.run_normally(3)
    backward = [s.value or 0 for _, s in bench.sends(io.Cmd.SET_SPEED)[-3:]]
    assert max(backward) == pytest.approx(3.0)


def test_each_cause_of_a_stop_is_its_own_event() -> None:
    # the machine refuses to start
    refused = Bench()
    refused.user(io.UserAction.START)
    refused.move(5.25)
    assert refused.commands[0].op is io.Cmd.SET_SPEED  # the start speed, before Start
    refused.answer()
    assert refused.commands[0].op is io.Cmd.START
    refused.answer(Result.FAILED)
    assert refused.alerts("command_refused")
    assert refused.state is S.STOPPING
    # the belt does not stop before a countdown
    belt = Bench()
    belt.feed(io.Data(belt.t, TreadmillData(speed_kmh=4.0)))  # e.g. started on its console
    belt.user(io.UserAction.START)
    for _ in range(50):
        belt.feed(io.Data(belt.t, TreadmillData(speed_kmh=4.0)))
        belt.t += 1.0
        belt.feed(io.Tick(belt.t))
    assert belt.alerts("belt_not_following")
    assert belt.state is S.STOPPING
    # the belt runs well above the set-point
    over = started()
    until(over, S.RUNNING_PHASE)
    for _ in range(12):  # 3 s at twice the set-point
        over.t += 0.25
        over.feed(io.Data(over.t, TreadmillData(speed_kmh=6.0)))
    assert over.alerts("overspeed")
    assert over.state in (S.STOPPING, S.STOPPED)


def test_a_set_point_the_policy_refuses_stops_the_session(monkeypatch: pytest.MonkeyPatch) -> None:
    bench = started(6.5)
    assert bench.state is S.RAMPING
    monkeypatch.setattr(SafetyPolicy, "next_setpoint", lambda self, d, k, t, b=None: 9.0)
    bench.run_normally(1)
    assert bench.alerts("safety")
    assert 9.0 not in [s.value for _, s in bench.sends(io.Cmd.SET_SPEED)]
    assert bench.state in (S.STOPPING, S.STOPPED)


def test_the_table_is_the_whole_machine() -> None:
    states = set(SessionState)
    assert {S.IDLE} | set(TRANSITIONS.values()) == states
    assert not any(s is S.FINISHED for (s, _) in TRANSITIONS)  # terminal
    for state in states - {S.FINISHED, S.STOPPING, S.LINK_LOST}:
        assert TRANSITIONS[(state, EngineEvent.USER_STOP)] is S.STOPPING
    # every cause of a stop is its own event, each one STOPs
    for cause in (
        EngineEvent.COMMAND_REFUSED,
        EngineEvent.BELT_NOT_FOLLOWING,
        EngineEvent.POLICY_REFUSED,
        EngineEvent.OVERSPEED,
    ):
        assert TRANSITIONS[(S.RAMPING, cause)] is S.STOPPING
    assert not (set(TRANSITIONS) & REACTIONS)  # a pair is a transition or a reaction


def test_an_ended_session_has_no_flow_left() -> None:
    bench = started(3)
    bench.user(io.UserAction.END)
    bench.run_normally(5)
    assert bench.ended
    assert bench.machine.step is Step.NONE
    assert bench.machine.end_reason == "stopped_by_user"


def test_a_speed_set_on_the_console_is_kept_for_the_rest_of_the_phase() -> None:
    """The runner's console speed is followed, not fought (the machine's ``SpeedBy`` region):
    no set-point for the rest of the phase, not even when the flow is woken (an extension),
    and no overspeed STOP for a belt above the set-point; the next phase ramps again."""
    bench = started(settings=Settings(forward_cap_kmh=8.0))
    until(bench, S.RUNNING_PHASE)  # the warm-up, 3.0 km/h
    bench.target_kmh = 4.5
    bench.status(MachineStatusKind.TARGET_SPEED_CHANGED, 4.5)
    assert bench.alerts("console_speed")
    changed_at = bench.t
    bench.user(io.UserAction.EXTEND, 5.0)  # wakes the flow: its ramp would aim at 3.0 again
    bench.run_normally(4)
    assert bench.state is S.RUNNING_PHASE
    assert not bench.alerts("overspeed")
    assert [s for t, s in bench.sends(io.Cmd.SET_SPEED) if t >= changed_at] == []
    until(bench, S.SLOWING_TO_TURN, 30)
    until(bench, S.RUNNING_PHASE, 60)  # the backward block, at its own speed
    assert bench.sends(io.Cmd.SET_SPEED)[-1][1].value == pytest.approx(2.5)


def test_an_end_while_the_belt_runs_ends_the_session_once_stopped_across_a_lost_link() -> None:
    """END is owed (``Owed.END``) until the belt is stopped: the link lost while stopping
    comes back STOPPED (STOP first), and the session ends then; it is never left paused."""
    bench = started(10)
    bench.user(io.UserAction.END)
    assert bench.state is S.STOPPING
    assert not bench.ended
    bench.stops.clear()  # the STOP's answer is lost with the link
    bench.lose_link()
    bench.move(1.5)
    effects = bench.connect()
    assert isinstance(next(e for e in effects if isinstance(e, io.Send | io.SendStop)), io.SendStop)
    bench.answer_all()
    assert bench.state is S.STOPPED
    assert bench.ended
    assert bench.machine.end_reason == "stopped_by_user"
    assert S.PAUSED not in bench.states()


def test_no_flag_outside_the_tables_decides_the_state() -> None:
    """The machine's regions are enums read through its tables; the booleans left are data
    (said once, a fact that picks an event), listed here so that a new one is a decision."""
    bench = started(10)
    flags = {name for name, value in vars(bench.machine).items() if isinstance(value, bool)}
    assert flags <= {
        "_watch_user",  # a headless run asks whether a user action is still to come
        "_started_once",  # picks LINK_BACK_NOT_STARTED; distance counts from the first start
        "_skip",  # a user's skip, taken at the flow's next step
        "_preset_ok",  # the start speed was accepted before Start
        "_ramp_held",  # the ramp waits for the belt's reported speed (its words)
        "_incline_warned",  # "cannot set an incline" said once
    }


def test_a_console_speed_above_the_cap_is_ramped_down_at_the_phase_end_never_stopped() -> None:
    """The runner set 6.0 km/h on the console, above the forward cap 5.0 (kept for this
    phase, with a warning). When the phase ends the ramp brings the belt down from 6.0: each
    set-point on the way (5.5 is still above the cap) is lower than the one before, which is
    safer, so the policy takes it; before, the first one was refused as "above the forward
    cap" and the session STOPped with "Safety check failed" instead of slowing down."""
    bench = started(settings=Settings(forward_cap_kmh=5.0))
    until(bench, S.RUNNING_PHASE)  # the warm-up, 3.0 km/h
    bench.target_kmh = 6.0
    bench.status(MachineStatusKind.TARGET_SPEED_CHANGED, 6.0)
    assert bench.alerts("console_speed")
    bench.run_normally(3)
    changed_at = bench.t
    until(bench, S.SLOWING_TO_TURN, 30)
    until(bench, S.RUNNING_PHASE, 60)  # the backward block, at its own speed
    assert not bench.alerts("safety"), [a.message for a in bench.alerts()]
    assert S.STOPPING not in bench.states()
    down = [s.value for t, s in bench.sends(io.Cmd.SET_SPEED) if t >= changed_at]
    above = [v for v in down if v is not None and v > 5.0]
    assert above, "the ramp down starts above the cap"
    assert above == sorted(above, reverse=True)
    assert above[0] <= 6.0
    assert bench.sends(io.Cmd.SET_SPEED)[-1][1].value == pytest.approx(2.5)
