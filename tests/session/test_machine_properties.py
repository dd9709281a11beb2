"""Safety properties of the pure session machine, checked on the effects it emits while
hypothesis drives it with random sequences of user actions, belt speeds, machine statuses,
command outcomes, link losses and the passing of time (no event loop: thousands of steps per
second).

CI size by default (50 examples of 60 steps: a few seconds). A long search:
``HYPOTHESIS_PROFILE=long`` (400 examples of 150 steps each); ``MACHINE_PROPERTY_EXAMPLES`` and
``MACHINE_PROPERTY_STEPS`` set the number of examples and of steps per example.

Each rule below is a safety.md rule; the checker (``Rules``) reads only what the machine emitted
(effects) and what it was told (inputs)."""

from __future__ import annotations

import itertools
import os
import statistics
from dataclasses import dataclass, field

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule
from machine_bench import Bench

from treadmill_ctl.ftms.model import MachineStatusKind, Result
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import (
    AlertEvent,
    CountdownEvent,
    CueEvent,
    CueKind,
    PhaseEvent,
    SessionState,
    StateEvent,
)
from treadmill_ctl.settings import BACKWARD_HARD_CEILING_KMH, Settings
from treadmill_ctl.units import Direction

S = SessionState
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
STEPS = int(os.environ.get("MACHINE_PROPERTY_STEPS", "150" if LONG else "60"))
EXAMPLES = int(os.environ.get("MACHINE_PROPERTY_EXAMPLES", "400" if LONG else "50"))
TOL = 1e-6
_TOKEN_GIVERS = frozenset({S.STARTING_COUNTDOWN, S.RESUME_COUNTDOWN, S.TURN_COUNTDOWN})
_TOKEN_TAKERS = frozenset({S.PAUSED, S.STOPPING, S.STOPPED, S.IDLE, S.FINISHED, S.LINK_LOST})
_USER_ACTIONS = [a for a in io.UserAction if a is not io.UserAction.SPEED]
_MOVING_STATES = frozenset({S.RAMPING, S.RUNNING_PHASE, S.SLOWING_TO_TURN})
_AFTER_STOP = frozenset({S.STOPPING, S.STOPPED, S.LINK_LOST, S.FINISHED, S.STARTING_COUNTDOWN})
SILENCE_STOP_S = 5.0  # safety.md: still silent this long after the data went stale: STOP


@dataclass
class Rules:
    """The checker: fed every input and the effects it caused, in order; raises
    ``AssertionError`` naming the rule a step broke."""

    settings: Settings
    machine_min: float
    machine_max: float
    step: float
    setpoints: list[tuple[float, float]] = field(default_factory=list)  # this motion's
    first_after_start: bool = False
    reported_kmh: float = 0.0
    direction: Direction | None = None
    may_move: bool = False  # a user start/resume since the last stop/pause
    # The speeds cued in this phase (shifted by the user's ±): a cue may announce a change
    # that comes later ("slowing to 1.0 in 5"), the phase's own speed still stands till then.
    cued_high: float | None = None
    cued_low: float | None = None
    announced_down: bool = False  # a turn-around or the end was cued: slowing down is due
    countdown: list[int] = field(default_factory=list)  # numbers of the countdown under way
    countdown_ok: bool = False  # the belt was reported at the turning speed at its start
    turn_ready: bool = False  # a complete countdown (belt low at its start) since a move
    direction_cued: set[Direction] = field(default_factory=set)
    stop_owed: bool = False  # a user STOP while the link was down
    link_back: bool = False  # the link came back: its first command must be STOP
    stops_open: int = 0
    # The data watchdog (safety.md, "The treadmill must keep talking").
    data_times: list[float] = field(default_factory=list)
    start_cmds: set[int] = field(default_factory=set)
    pause_cmds: set[int] = field(default_factory=set)
    belt_started_at: float | None = None  # a Start was answered; nothing stopped it since
    state: SessionState = S.IDLE
    # What the user asked for that the session owes (the machine's ``Owed`` region).
    end_asked: bool = False  # an END: the session ends at the latest once it is stopped
    stop_asked: bool = False  # a STOP (with no start since): never paused, never moving again
    console_held: bool = False  # the runner set the speed on the console: not fought
    hr_slowing: bool = False  # the heart-rate cap cued a slow-down in this phase
    ended: bool = False

    def stale_limit(self) -> float:
        """max(2 s, 3 × the measured record interval), as safety.md says."""
        gaps = [b - a for a, b in itertools.pairwise(self.data_times)][-9:]
        return max(2.0, 3 * statistics.median(gaps)) if gaps else 2.0

    def data_missed_since(self) -> float | None:
        """Since when the belt, started by the session, has gone without data."""
        if self.belt_started_at is None:
            return None
        return max(self.data_times[-1] if self.data_times else -1e9, self.belt_started_at)

    def caps(self, direction: Direction) -> float:
        if direction is Direction.BACKWARD:
            cap = min(self.settings.backward_cap_kmh, BACKWARD_HARD_CEILING_KMH)
        else:
            cap = self.settings.forward_cap_kmh
        return min(cap, self.machine_max)

    def turning_limit(self) -> float:
        return 0.05  # the default turning style: stopped

    def take(self, bench: Bench, inp: io.Input, effects: list[io.Effect]) -> None:
        t = bench.t
        if isinstance(inp, io.StopDone):
            self.stops_open = max(self.stops_open - 1, 0)
        if isinstance(inp, io.Data) and inp.data.speed_kmh is not None:
            self.reported_kmh = inp.data.speed_kmh
        self._watchdog_input(t, inp)
        if isinstance(inp, io.Status) and inp.status.kind is MachineStatusKind.TARGET_SPEED_CHANGED:
            self.setpoints = []  # the runner set a speed on the console: ramps from there
            self.first_after_start = False
        if isinstance(inp, io.User):
            self._user(inp, effects, bench)
        if isinstance(inp, io.LinkBack):
            self.link_back = True
        for effect in effects:
            self._effect(t, effect, user=isinstance(inp, io.User))
        if isinstance(inp, io.LinkBack) and not bench.ended:
            assert not self.link_back, "rule: the first command after a reconnect is STOP"
        self._silent_belt_is_stopped(t, bench)
        self._owed(inp, effects)

    def _owed(self, inp: io.Input, effects: list[io.Effect]) -> None:
        """A user's STOP and END are kept, whatever comes between (a lost link, a console
        stop, a reconnect): after STOP the session is stopped (never paused, so that a resume
        could move the belt); after END it ends once it is stopped."""
        states = [
            e.event.state
            for e in effects
            if isinstance(e, io.Emit) and isinstance(e.event, StateEvent)
        ]
        ended_now = any(isinstance(e, io.End) for e in effects)
        if not self.ended:
            if self.stop_asked:
                wrong = [s for s in states if s not in _AFTER_STOP]
                assert not wrong, f"rule: a user STOP, then {wrong[0]} without a user start"
            if self.end_asked and S.STOPPED in states:
                assert ended_now, "rule: END asked, the session stopped and did not end"
            if isinstance(inp, io.User) and inp.action is io.UserAction.STOP:
                self.stop_asked = True
            if isinstance(inp, io.User) and inp.action is io.UserAction.END:
                self.end_asked = self.stop_asked = True
            if S.STARTING_COUNTDOWN in states:
                self.stop_asked = False  # a new explicit start
        self.ended = self.ended or ended_now

    def _watchdog_input(self, t: float, inp: io.Input) -> None:
        match inp:
            case io.Data():
                self.data_times = [*self.data_times[-12:], t]
            case io.CommandDone(cmd=cmd, outcome=outcome) if cmd in self.start_cmds:
                self.start_cmds.discard(cmd)
                if outcome.result is Result.SUCCESS:
                    self.belt_started_at = t
            case io.CommandDone(cmd=cmd) if cmd in self.pause_cmds:
                self.pause_cmds.discard(cmd)
                self.belt_started_at = None
            case io.StopDone() | io.LinkLost():
                self.belt_started_at = None
            case io.Status(status=status) if status.kind in (
                MachineStatusKind.STOPPED_BY_SAFETY_KEY,
                MachineStatusKind.STOPPED_BY_USER,
                MachineStatusKind.RESET,
                MachineStatusKind.PAUSED_BY_USER,
            ):
                self.belt_started_at = None
            case _:
                pass

    def _silent_belt_is_stopped(self, t: float, bench: Bench) -> None:
        since = self.data_missed_since()
        if since is None or bench.ended or self.state not in _MOVING_STATES:
            return
        silent = t - since
        assert silent <= self.stale_limit() + SILENCE_STOP_S + 0.3, (
            f"rule: no data for {silent:.1f} s while the belt runs, and no STOP"
        )

    def _no_change_on_stale_data(self, t: float, what: str) -> None:
        since = self.data_missed_since()
        if since is None:
            return
        assert t - since < self.stale_limit() + TOL, (
            f"rule: {what} {t - since:.2f} s after the last data (stale: held)"
        )

    def _user(self, inp: io.User, effects: list[io.Effect], bench: Bench) -> None:
        if inp.action in (io.UserAction.STOP, io.UserAction.PAUSE, io.UserAction.END):
            self.may_move = False
        if inp.action in (io.UserAction.SPEED, io.UserAction.START, io.UserAction.RESUME):
            self.console_held = False  # the user sets a speed, or starts the belt again
        if inp.action in (io.UserAction.TOGGLE_PAUSE, io.UserAction.SKIP):
            self.console_held = False  # a new start, or the user ends the phase
        if inp.action is io.UserAction.SPEED and self.cued_high is not None:
            self.cued_high += max(inp.value, 0.0)
        if inp.action is io.UserAction.SPEED and self.cued_low is not None:
            self.cued_low += min(inp.value, 0.0)
        if inp.action is io.UserAction.SKIP:
            self.announced_down = True  # the user ends the phase: its slow-down is theirs
        if inp.action is io.UserAction.STOP and not bench.ended:
            if bench.link_up:
                stop_now = any(isinstance(e, io.SendStop) for e in effects)
                assert stop_now or self.stops_open > 0, "rule: a user STOP yields a Stop at once"
            else:
                self.stop_owed = True

    def _effect(self, t: float, effect: io.Effect, *, user: bool) -> None:
        match effect:
            case io.SendStop():
                self.setpoints = []
                self.stops_open += 1
                self.link_back = False
                self.stop_owed = False
            case io.Send(op=io.Cmd.START, cmd=cmd):
                self.start_cmds.add(cmd)
                assert not self.link_back, "rule: the first command after a reconnect is STOP"
                assert self.may_move, "rule: no Start without a user start/resume"
                assert not self.countdown, "rule: nothing moves during a countdown"
                self.setpoints = []
                self.first_after_start = True
            case io.Send(op=io.Cmd.PAUSE, cmd=cmd):
                self.pause_cmds.add(cmd)
                assert not self.link_back, "rule: the first command after a reconnect is STOP"
                self.setpoints = []
            case io.Send(op=io.Cmd.SET_SPEED, value=value):
                assert not self.link_back, "rule: the first command after a reconnect is STOP"
                assert value is not None
                assert not self.console_held or self.hr_slowing, (
                    f"rule: set-point {value} fights the speed set on the console"
                )
                self._setpoint(t, value)
            case io.Emit(event=event):
                self._event(t, event, user=user)
            case _:
                pass

    def _setpoint(self, t: float, v: float) -> None:
        assert self.may_move, f"rule: set-point {v} without a user start/resume"
        assert not self.countdown, "rule: nothing moves during a countdown"
        direction = self.direction or Direction.FORWARD
        assert v <= self.caps(direction) + TOL, f"rule: {v} km/h above the {direction} cap"
        assert v <= self.machine_max + TOL, f"rule: {v} km/h above the machine's maximum"
        rate = self.settings.ramp_kmh_per_s
        window = max(1.0, self.step / rate)
        if self.first_after_start and not self.setpoints:
            # the pin after a start: where the belt is (its start speed)
            assert v <= max(self.machine_min, self.reported_kmh) + self.step + TOL, (
                f"rule: first set-point {v} above the belt's {self.reported_kmh}"
            )
            self.setpoints.append((t, v))
            return
        if self.setpoints:
            _, v0 = self.setpoints[-1]
            assert abs(v - v0) <= rate * window + self.step + TOL, (
                f"rule: ramp: {v0} -> {v} km/h in one set-point"
            )
            # Over any one-second window: every set-point in effect at some instant of a
            # window that also holds this one (its successor came less than 1 s ago).
            successors = [t1 for t1, _ in self.setpoints[1:]] + [t]
            for (t1, v1), after in zip(self.setpoints, successors, strict=True):
                if t - after < 1.0 - TOL:
                    assert abs(v - v1) <= rate * 1.0 + self.step + TOL, (
                        f"rule: ramp: {v1} (set at {t1}) -> {v} at {t}: faster than the ramp "
                        "within one second"
                    )
            if self.first_after_start and v > v0 + TOL:
                assert v <= max(self.machine_min, self.reported_kmh) + rate + self.step + TOL, (
                    f"rule: set-point {v} chases a belt reported at {self.reported_kmh}"
                )
            self._cued(v0, v)
            if v > v0 + TOL:
                self._no_change_on_stale_data(t, f"speed up to {v}")
        self.setpoints.append((t, v))
        while len(self.setpoints) > 1 and t - self.setpoints[1][0] >= window + 1.0:
            self.setpoints.pop(0)  # in effect before a window that ended long ago

    def _cued(self, previous: float, v: float) -> None:
        """Every change the machine makes on its own was announced before."""
        if v > previous + TOL:
            assert self.cued_high is not None, f"rule: speed up to {v} not cued"
            assert v <= self.cued_high + self.step + TOL, (
                f"rule: speed up to {v} not cued (cued up to {self.cued_high})"
            )
        elif v < previous - TOL:
            lower_cued = self.cued_low is not None and v >= self.cued_low - self.step - TOL
            assert self.announced_down or lower_cued, (
                f"rule: slow down to {v} not cued (cued down to {self.cued_low})"
            )

    def _event(self, t: float, event: object, *, user: bool) -> None:
        match event:
            case StateEvent(state=state):
                self.state = state
                if state in _TOKEN_TAKERS:
                    self.may_move = False
                if user and state in _TOKEN_GIVERS:
                    self.may_move = True
                if state in _TOKEN_TAKERS:
                    self.countdown = []
            case AlertEvent(code="console_speed"):
                self.console_held = True
            case AlertEvent(code="hr_cap"):
                self.hr_slowing = True  # cued: it may slow a belt set on the console
            case CueEvent(cue=CueKind.SPEED, value=value) if isinstance(value, (int, float)):
                self.console_held = False  # a phase's speed, the heart rate's: cued first
                speed = float(value)
                self.cued_high = max(self.cued_high or speed, speed)
                self.cued_low = min(self.cued_low or speed, speed)
            case CueEvent(cue=CueKind.TURN_AROUND | CueKind.SESSION_DONE):
                self.announced_down = True
                self.console_held = False  # the phase is over: the plan slows the belt
            case CueEvent(cue=CueKind.DIRECTION_BACKWARD):
                self.direction_cued.add(Direction.BACKWARD)
            case CueEvent(cue=CueKind.DIRECTION_FORWARD):
                self.direction_cued.add(Direction.FORWARD)
            case CueEvent(cue=CueKind.GO):
                self.turn_ready = self.countdown_ok and self.countdown[-1:] == [1]
                self.countdown = []
            case CountdownEvent(remaining_s=n):
                if not self.countdown:
                    self.countdown_ok = self.reported_kmh <= self.turning_limit() + TOL
                else:
                    assert n == self.countdown[-1] - 1, "rule: a countdown counts down by one"
                self.countdown.append(n)
            case PhaseEvent(direction=direction):
                if self.direction is not None and direction is not self.direction:
                    assert self.turn_ready, (
                        "rule: a direction change only after a countdown with the belt "
                        "reported at the turning speed"
                    )
                    assert direction in self.direction_cued, "rule: a turn is cued before"
                self.direction = direction
                self.turn_ready = False
                self.cued_high = self.cued_low = None  # the phase's own cue follows
                self.announced_down = False
                self.hr_slowing = False
                self.direction_cued = set()
            case _:
                pass


class MachineProperties(RuleBasedStateMachine):
    """Random sessions on the pure machine; the ``Rules`` checker on every step."""

    def __init__(self) -> None:
        super().__init__()
        # Low caps and a heart-rate cap, so that a few presses or readings reach them.
        self.bench = Bench(
            settings=Settings(backward_cap_kmh=3.0, forward_cap_kmh=5.0, hr_cap_bpm=150)
        )
        caps = self.bench.caps.speed
        self.rules = Rules(self.bench.settings, caps.minimum, caps.maximum, caps.step)
        self.bench.observers.append(self.rules.take)

    # ---- rules -------------------------------------------------------------------------

    @initialize(seconds=st.sampled_from([0.0, 3.0, 8.0, 14.0, 20.0, 27.0, 33.0, 40.0, 48.0]))
    def started_a_while_ago(self, seconds: float) -> None:
        """Most examples begin inside a session (anywhere in its plan), not before it."""
        if seconds:
            self.bench.user(io.UserAction.START)
            self.bench.run_normally(seconds)

    @rule(seconds=st.sampled_from([1.0, 3.0]))
    def goes_on(self, seconds: float) -> None:
        self.bench.run_normally(seconds)

    @rule(action=st.sampled_from(_USER_ACTIONS), value=st.sampled_from([5.0, 30.0]))
    def user(self, action: io.UserAction, value: float) -> None:
        self.bench.user(action, value)

    @rule(delta=st.sampled_from([-1.0, -0.5, 0.5, 1.0, 3.0, 6.0]))
    def speed(self, delta: float) -> None:
        self.bench.user(io.UserAction.SPEED, delta)

    @rule(seconds=st.sampled_from([0.5, 2.0, 6.0, 15.0]))
    def run_normally(self, seconds: float) -> None:
        self.bench.run_normally(seconds)

    @rule(seconds=st.sampled_from([0.25, 1.0, 5.0, 50.0]))
    def time_passes(self, seconds: float) -> None:
        self.bench.move(seconds)

    @precondition(lambda self: bool(self.bench.commands))
    @rule(result=st.sampled_from(list(Result)))
    def answer(self, result: Result) -> None:
        self.bench.answer(result)

    @precondition(lambda self: bool(self.bench.stops))
    @rule(confirmed=st.booleans())
    def answer_stop(self, confirmed: bool) -> None:
        self.bench.answer_stop(confirmed=confirmed)

    @rule(kmh=st.sampled_from([0.0, 0.5, 1.0, 3.0, 6.0, 9.5]))
    def belt_does_its_own_thing(self, kmh: float) -> None:
        self.bench.belt_kmh = kmh
        if self.bench.link_up and self.bench.sending:
            self.bench.data()

    @rule(
        kind=st.sampled_from(
            [
                MachineStatusKind.STOPPED_BY_SAFETY_KEY,
                MachineStatusKind.STOPPED_BY_USER,
                MachineStatusKind.RESET,
                MachineStatusKind.PAUSED_BY_USER,
            ]
        )
    )
    def console_stop(self, kind: MachineStatusKind) -> None:
        """The safety key, or the console's stop or pause: the belt stops."""
        if self.bench.link_up:
            self.bench.running = False
            self.bench.status(kind)

    @rule()
    def console_pause(self) -> None:
        if self.bench.link_up:
            self.bench.running = False
            self.bench.status(MachineStatusKind.PAUSED_BY_USER)

    @rule(kmh=st.sampled_from([2.0, 5.0, 7.5]))
    def console_speed(self, kmh: float) -> None:
        if self.bench.link_up:
            self.bench.target_kmh = kmh
            self.bench.status(MachineStatusKind.TARGET_SPEED_CHANGED, kmh)

    @rule(kind=st.sampled_from([MachineStatusKind.STARTED_BY_USER, MachineStatusKind.CONTROL_LOST]))
    def console_other(self, kind: MachineStatusKind) -> None:
        if self.bench.link_up:
            self.bench.running = self.bench.running or kind is MachineStatusKind.STARTED_BY_USER
            self.bench.status(kind)

    @precondition(lambda self: self.bench.link_up)
    @rule()
    def link_lost(self) -> None:
        self.bench.lose_link()

    @precondition(lambda self: self.bench.connecting)
    @rule(ok=st.booleans())
    def reconnect(self, ok: bool) -> None:
        self.bench.connect(ok=ok)

    @rule(seconds=st.sampled_from([0.0, 1.5, 3.0, 8.0]))
    def treadmill_goes_quiet(self, seconds: float) -> None:
        """Treadmill Data stops, the link stays up (until ``treadmill_talks_again``); the
        treadmill goes on doing what it is told for ``seconds``."""
        self.bench.sending = False
        self.bench.run_normally(seconds)

    @rule()
    def treadmill_talks_again(self) -> None:
        self.bench.sending = True

    @rule(bpm=st.sampled_from([None, 120, 190]))
    def heart_rate(self, bpm: int | None) -> None:
        self.bench.feed(io.HeartRate(self.bench.t, bpm))

    @rule()
    def heart_rate_stays_high(self) -> None:
        """Two strap readings above the cap a second apart: the cap acts (in a backward
        block)."""
        self.bench.feed(io.HeartRate(self.bench.t, 185))
        self.bench.run_normally(1.0)
        self.bench.feed(io.HeartRate(self.bench.t, 186))


TestMachineProperties = MachineProperties.TestCase
TestMachineProperties.settings = settings(
    max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None
)
