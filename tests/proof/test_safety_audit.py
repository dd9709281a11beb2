"""The safety audit catches each broken rule (and passes a session that keeps them): a checker
that never fails would prove nothing. Sessions here are written by hand, second by second,
as the engine and the machine would produce them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from treadmill_ctl.proof.audit_model import AuditLimits, ControlWrite, Rule, TimedAction
from treadmill_ctl.proof.safety_audit import audit_session

LIMITS = AuditLimits(machine_min_kmh=0.5, machine_max_kmh=20.0, machine_step_kmh=0.1)


def speed(kmh: float) -> bytes:
    return b"\x02" + round(kmh * 100).to_bytes(2, "little")


START, STOP, PAUSE = b"\x07", b"\x08\x01", b"\x08\x02"


@dataclass
class Session:
    """A session written as it happens: events, and the writes the machine received."""

    events: list[dict[str, Any]] = field(default_factory=list)
    writes: list[ControlWrite] = field(default_factory=list)
    t: float = 0.0
    belt: float = 0.0

    def event(self, type_: str, **fields: Any) -> None:
        self.events.append({"t": round(self.t, 3), "type": type_, **fields})

    def phase(self, index: int, kind: str, direction: str, target: float) -> None:
        self.event(
            "phase",
            index=index,
            kind=kind,
            direction=direction,
            target_speed_kmh=target,
            duration_s=30.0,
        )

    def data(self) -> None:
        self.event("data", speed_kmh=self.belt, distance_m=0, incline_pct=None, hr_bpm=None)

    def write(self, data: bytes, *, op: str, value: float | None = None, log: bool = True) -> None:
        self.writes.append(ControlWrite(self.t, data))
        if log:
            self.event("command", op=op, value=value, wire=data.hex(" "), result="success")

    def wait(self, seconds: float) -> None:
        """Time passes; the machine reports the belt four times a second."""
        end = self.t + seconds
        while self.t + 0.25 <= end + 1e-9:
            self.t += 0.25
            self.data()
        self.t = end

    def state(self, name: str) -> None:
        self.event("state", state=name)

    def countdown(self, reason: str, n: int = 5) -> None:
        for left in range(n, 0, -1):
            self.event("countdown", remaining_s=left, reason=reason)
            self.wait(1.0)

    def ramp(self, to: float, *, step: float = 0.1, every: float = 0.25) -> None:
        """Set-points towards ``to`` at the ramp; the belt follows."""
        while abs(self.belt - to) > 1e-9:
            self.belt = round(self.belt + (step if to > self.belt else -step), 2)
            self.write(speed(self.belt), op="set_speed", value=self.belt)
            self.wait(every)

    def start_belt(self) -> None:
        self.write(START, op="start")
        self.wait(0.5)
        self.belt = 0.5
        self.write(speed(0.5), op="set_speed", value=0.5)
        self.wait(0.25)

    def end(self, reason: str = "finished") -> None:
        self.write(STOP, op="stop")
        self.belt = 0.0
        self.wait(1.0)
        self.state("finished")
        self.event("end", reason=reason)


def forward_then_backward(*, turn_countdown: bool = True, backward_kmh: float = 3.0) -> Session:
    """Start, 3 km/h forward, turn (paused), 3 km/h backward, finish."""
    s = Session()
    s.state("idle")
    s.state("starting_countdown")
    s.event("cue", text="Starting: forward in 5", cue="direction_forward", value=5)
    s.countdown("start")
    s.state("ramping")
    s.phase(0, "warmup", "forward", 3.0)
    s.start_belt()
    s.ramp(3.0)
    s.state("running_phase")
    s.wait(30)
    s.state("slowing_to_turn")
    s.ramp(0.5)
    s.write(PAUSE, op="pause")
    s.belt = 0.0
    s.wait(1.0)
    s.state("turn_countdown")
    s.event("cue", text="Turn around: backward in 5", cue="direction_backward", value=5)
    if turn_countdown:
        s.countdown("turn")
    s.state("ramping")
    s.phase(1, "backward", "backward", backward_kmh)
    s.start_belt()
    s.ramp(backward_kmh)
    s.state("running_phase")
    s.wait(30)
    s.state("finishing")
    s.ramp(0.5)
    s.end()
    return s


USER_START = [TimedAction(0.0, "start")]


def rules(s: Session, actions: list[TimedAction] = USER_START, **kw: Any) -> set[Rule]:
    report = audit_session(s.events, LIMITS, actions=actions, writes=s.writes, **kw)
    return {v.rule for v in report.violations}


def test_a_session_that_keeps_the_rules_passes() -> None:
    s = forward_then_backward()
    report = audit_session(s.events, LIMITS, actions=USER_START, writes=s.writes)
    assert report.ok, report.violations
    assert report.turns == 1
    assert report.starts == 2
    assert report.setpoints > 40


def test_the_same_session_passes_from_its_events_alone() -> None:
    s = forward_then_backward()
    report = audit_session(s.events, LIMITS)
    assert report.ok, report.violations


def test_a_backward_setpoint_above_the_cap_is_caught() -> None:
    s = forward_then_backward(backward_kmh=6.5)
    assert rules(s) == {Rule.CAP}
    # ...while 6.5 km/h forward is fine.
    fwd = Session()
    fwd.phase(0, "forward", "forward", 6.5)
    fwd.start_belt()
    fwd.ramp(6.5)
    fwd.end()
    fwd.events.insert(0, {"t": 0.0, "type": "state", "state": "idle"})
    assert Rule.CAP not in rules(fwd)


def _console_above_the_cap(belt_on_console: float) -> Session:
    """Forward at 11.0 km/h (cap 12.0); the runner sets ``belt_on_console`` on the console;
    then the app ramps down to 8.0 km/h."""
    s = Session()
    s.event("state", state="idle")
    s.phase(0, "forward", "forward", 11.0)
    s.start_belt()
    s.ramp(11.0)
    s.belt = belt_on_console  # the console's own speed: no write of ours
    s.wait(3.0)
    s.ramp(8.0)
    s.end()
    return s


def test_above_the_cap_only_to_slow_a_belt_that_runs_faster_still() -> None:
    """The ramp down from a console speed of 13.0 km/h passes 12.9...12.1, above the cap 12.0,
    each below the belt's reported speed: it slows the belt, allowed. The same set-points
    with the belt reported slower are above the cap."""
    assert Rule.CAP not in rules(_console_above_the_cap(13.0))
    s = _console_above_the_cap(13.0)
    for e in s.events:  # the belt reported slower than the set-points: they would speed it up
        if e["type"] == "data" and e["speed_kmh"] > 12.0:
            e["speed_kmh"] = 12.0
    assert Rule.CAP in rules(s)


def test_a_setpoint_jump_is_caught() -> None:
    s = Session()
    s.countdown("start")
    s.phase(0, "forward", "forward", 3.0)
    s.start_belt()
    s.ramp(1.0)
    s.ramp(1.8, step=0.8)  # 1.0 -> 1.8 km/h in one set-point
    s.ramp(3.0)
    s.end()
    assert rules(s) == {Rule.RAMP}


def test_a_one_km_h_step_after_a_steady_phase_is_caught() -> None:
    s = Session()
    s.phase(0, "forward", "forward", 6.0)
    s.start_belt()
    s.ramp(5.0)
    s.wait(60)
    s.write(speed(6.0), op="set_speed", value=6.0)  # 5.0 -> 6.0 at once
    s.wait(1)
    s.end()
    assert Rule.RAMP in rules(s)
    # With a 2 s window (the engine's own reading of the ramp) it passes.
    loose = AuditLimits(machine_min_kmh=0.5, machine_step_kmh=0.1, ramp_window_s=2.0)
    report = audit_session(s.events, loose, actions=USER_START, writes=s.writes)
    assert Rule.RAMP not in {v.rule for v in report.violations}


def test_a_turn_without_its_countdown_is_caught() -> None:
    s = forward_then_backward(turn_countdown=False)
    assert Rule.TURN in rules(s)
    assert Rule.COUNTDOWN in rules(s)


def test_a_turn_while_the_belt_still_runs_is_caught() -> None:
    s = forward_then_backward()
    # The machine reports the belt still at 2 km/h during the turn's countdown.
    for e in s.events:
        if e["type"] == "data" and 36.5 <= e["t"] <= 60 and e["speed_kmh"] == 0.0:
            e["speed_kmh"] = 2.0
    assert Rule.TURN in rules(s)


def test_a_restart_after_the_users_stop_is_caught() -> None:
    s = forward_then_backward()
    stop_t = 20.0  # the user pressed STOP in the forward phase; the session went on anyway
    # the set-points written after it, and the belt moving again (STILL)
    assert rules(s, [*USER_START, TimedAction(stop_t, "stop")]) == {Rule.HOLD, Rule.STILL}


def test_a_restart_after_the_machine_stopped_needs_a_user_start() -> None:
    s = forward_then_backward()
    key = [*USER_START, TimedAction(20.0, "safety-key")]
    assert Rule.HOLD in rules(s, key)
    # A user start after it (and the countdowns the session has anyway) makes it right.
    assert Rule.HOLD not in rules(s, [*key, TimedAction(25.0, "start")])
    # A resume does not undo a stop.
    assert Rule.HOLD in rules(s, [*key, TimedAction(25.0, "resume")])


def test_the_engines_own_stopped_state_holds_the_belt_from_the_events_alone() -> None:
    s = forward_then_backward()
    s.events.insert(60, {"t": s.events[59]["t"], "type": "state", "state": "stopped"})
    report = audit_session(s.events, LIMITS)  # no actions, no writes: the record alone
    assert Rule.HOLD in {v.rule for v in report.violations}


def test_after_a_link_loss_the_first_command_must_be_stop() -> None:
    s = forward_then_backward()
    drop = [*USER_START, TimedAction(20.0, "link-drop")]
    broken = rules(s, drop)
    assert Rule.LINK in broken
    assert Rule.HOLD in broken


def test_a_record_without_its_end_is_caught() -> None:
    s = forward_then_backward()
    s.events.pop()
    assert rules(s) == {Rule.RECORD}


def test_events_after_the_end_are_caught() -> None:
    s = forward_then_backward()
    s.events.append({"t": s.t + 1, "type": "state", "state": "idle"})
    assert rules(s) == {Rule.RECORD}


def test_a_write_missing_from_the_record_is_caught() -> None:
    s = forward_then_backward()
    s.wait(10)
    s.t -= 10
    s.writes.insert(5, ControlWrite(s.writes[5].t, speed(0.6)))
    assert Rule.RECORD in rules(s)


@pytest.mark.parametrize(
    "broken",
    [
        {"t": 1.0, "type": "state"},
        {"t": 1.0, "type": "teleport"},
        {"t": "soon", "type": "state", "state": "idle"},
        {"t": 1.0, "type": "state", "state": "flying"},
    ],
)
def test_a_malformed_event_is_caught(broken: dict[str, Any]) -> None:
    s = forward_then_backward()
    s.events.insert(3, broken)
    assert Rule.RECORD in rules(s)


def test_the_belt_started_without_a_user_start_is_caught() -> None:
    s = forward_then_backward()
    assert Rule.START in rules(s, [])


def test_a_first_speed_above_the_warm_up_is_caught() -> None:
    s = forward_then_backward()
    i = next(i for i, e in enumerate(s.events) if e["type"] == "phase")
    s.events[i]["target_speed_kmh"] = 0.5
    assert Rule.START not in rules(s)  # 0.5 is the first set-point
    first = next(i for i, w in enumerate(s.writes) if w.data[0] == 0x02)
    s.writes[first] = ControlWrite(s.writes[first].t, speed(0.6))
    assert Rule.START in rules(s)


def running_session() -> Session:
    s = Session()
    s.state("idle")
    s.state("starting_countdown")
    s.countdown("start")
    s.state("ramping")
    s.phase(0, "warmup", "forward", 4.0)
    s.start_belt()
    s.ramp(2.0)
    return s


def quiet(s: Session, seconds: float) -> None:
    """The machine sends nothing for ``seconds`` (the belt runs on unseen)."""
    s.t += seconds


def test_a_speed_increase_on_stale_data_is_caught() -> None:
    s = running_session()
    quiet(s, 3.0)  # no data for 3 s: stale (the limit is 2 s at 4 records a second)
    s.write(speed(2.1), op="set_speed", value=2.1)
    s.wait(1)
    s.state("running_phase")
    s.end()
    assert rules(s) == {Rule.SILENCE}


def test_a_belt_left_running_silent_is_caught_and_a_timely_stop_passes() -> None:
    s = running_session()
    s.state("running_phase")
    quiet(s, 12)
    s.end()  # STOP 12 s after the last data: 5 s too late
    assert rules(s) == {Rule.SILENCE}
    s = running_session()
    s.state("running_phase")
    quiet(s, 6.9)
    s.state("stopping")
    s.end()  # STOP 2 + 5 s after the last data
    assert rules(s) == set()


def test_slowing_down_and_a_quiet_paused_belt_are_not_silence() -> None:
    s = running_session()
    quiet(s, 3)
    s.belt = 1.5
    s.write(speed(1.5), op="set_speed", value=1.5)  # lower: allowed without data
    s.write(PAUSE, op="pause")
    s.state("paused")
    quiet(s, 30)
    s.end()
    assert Rule.SILENCE not in rules(s)


def started_at(kmh: float) -> Session:
    """Started, ramped to ``kmh`` at the ramp, and steady there for 30 s."""
    s = Session()
    s.state("idle")
    s.state("starting_countdown")
    s.countdown("start")
    s.state("ramping")
    s.phase(0, "warmup", "forward", 5.0)
    s.start_belt()
    s.ramp(kmh)
    s.state("running_phase")
    s.wait(30)
    return s


def audit(s: Session, actions: list[TimedAction] | None = None) -> set[Rule]:
    s.end()
    report = audit_session(s.events, LIMITS, actions=actions or USER_START, writes=s.writes)
    return {v.rule for v in report.violations}


def test_a_front_loaded_ramp_after_a_steady_phase_breaks_the_window_rule() -> None:
    # One write adds 0.5 km/h after the steady phase, then the ramp goes on at full rate:
    # every consecutive pair is within the old rule, 0.8 km/h within one second is not.
    s = started_at(3.0)
    for kmh in (3.5, 3.6, 3.7, 3.8):
        s.belt = kmh
        s.write(speed(kmh), op="set_speed", value=kmh)
        s.wait(0.2)
    assert Rule.RAMP in audit(s)
    smooth = started_at(3.0)
    smooth.ramp(3.8)  # 0.1 every 0.25 s: at most 0.5 km/h in any second
    assert Rule.RAMP not in audit(smooth)


def test_set_points_that_run_away_from_a_belt_that_has_not_started_break_the_ramp() -> None:
    s = Session()
    s.state("ramping")
    s.phase(0, "warmup", "forward", 5.0)
    s.write(START, op="start")
    s.wait(10.5)  # the belt does not move
    for i in range(1, 9):  # the ramp goes on by the clock: 0.5 ... 2.5 km/h, belt at 0
        kmh = round(0.5 + 0.25 * i, 2)
        s.write(speed(kmh), op="set_speed", value=kmh)
        s.wait(0.5)
    assert Rule.RAMP in audit(s)


def test_a_belt_ahead_of_the_ramp_must_be_stopped() -> None:
    def resumed(*, stop_after: float | None) -> set[Rule]:
        s = Session()
        s.state("ramping")
        s.phase(0, "warmup", "forward", 5.0)
        s.write(speed(0.5), op="set_speed", value=0.5)
        s.write(START, op="start")
        for _ in range(16):  # the console heads back to its old 4.7 km/h
            s.belt = round(min(s.belt + 0.3, 4.7), 2)
            s.wait(0.25)
            if stop_after is not None and s.belt >= 1.5:
                s.wait(stop_after)
                s.write(STOP, op="stop")
                s.state("stopping")
                break
        return audit(s)

    assert Rule.AHEAD in resumed(stop_after=None)  # adopted, never stopped
    assert Rule.AHEAD not in resumed(stop_after=0.25)


def test_a_belt_that_moves_again_after_a_console_stop_is_caught() -> None:
    s = started_at(3.0)
    console = TimedAction(s.t, "console-stop")
    s.state("stopped")
    s.belt = 0.0
    s.wait(2.0)
    s.write(START, op="start", log=False)  # our Start crossed it: the belt runs at 0.5
    s.belt = 0.5
    s.wait(5.5)
    assert Rule.STILL in audit(s, [*USER_START, console])
