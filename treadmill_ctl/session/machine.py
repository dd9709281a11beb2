"""The session machine: a plan run on a treadmill as a pure, synchronous state machine.

    machine = SessionMachine(plan, settings)
    effects = machine.feed(User(t, UserAction.START))   # -> [Emit(...), Send(...), WakeAt(...)]

No asyncio, no I/O, no clock: every input (``machine_io``) carries its loop time ``t``; every
output is an effect for the runner (``session.runner``) to carry out, whose outcome comes back
as an input. What the machine does in a state is decided by its tables only: ``TRANSITIONS``
and ``REACTIONS`` (``session.transitions``) for the session's states, ``WAKES`` and the step
handlers (``session.flow``) for the flow inside the moving states. Every set-point is asked of
the ``SafetyPolicy`` and checked by it right before it is written, by the one ramp (``_ramp``).
Only STOP bypasses it.
"""

from __future__ import annotations

import logging
import math
from collections import deque
from collections.abc import Callable
from typing import Any, Final

from treadmill_ctl.ftms.model import CommandOutcome, LinkState, MachineStatusKind, Result
from treadmill_ctl.hr.cap import HeartRateCap
from treadmill_ctl.hr.source import HeartRateSource
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import (
    AlertEvent,
    AlertLevel,
    CommandEvent,
    CountdownEvent,
    CountdownReason,
    CueEvent,
    CueKind,
    DataEvent,
    EndEvent,
    EndReason,
    HeartRateEvent,
    SessionEvent,
    SessionState,
    StateEvent,
)
from treadmill_ctl.session.flow import WAKES, Belt, Signal, Step
from treadmill_ctl.session.plan import Direction, Plan
from treadmill_ctl.session.policy import SafetyPolicy, SafetyViolation
from treadmill_ctl.session.position import PlanPosition, SessionSnapshot, result_words
from treadmill_ctl.session.transitions import (
    BELT_MAY_MOVE,
    COUNTING,
    END_HOW,
    LOST_WHILE_STOPPING,
    MOVING,
    REACTIONS,
    TRANSITIONS,
    WAITING_FOR,
    EndHow,
    EngineEvent,
)
from treadmill_ctl.settings import Settings

__all__ = ["SessionMachine"]

log = logging.getLogger(__name__)

S = SessionState
E = EngineEvent

# How long the machine waits for the treadmill before it says so (s).
BELT_START_TIMEOUT_S: Final = 10.0  # Start -> belt moving (CS-WP8 takes ~3 s)
BELT_STOP_TIMEOUT_S: Final = 45.0  # pause/stop -> belt still (some decelerate at 0.3 km/h/s)
RAMP_STALL_S: Final = 60.0  # no set-point allowed for this long while short of the target
REACH_TIMEOUT_S: Final = 8.0  # last set-point -> reported speed there (plus the distance)
RECONNECT_DELAYS_S: Final = (1.0, 2.0, 3.0, 5.0, 10.0)
RECONNECT_WINDOW_S: Final = 60.0  # headless: give up reconnecting after this long
USER_POLL_S: Final = 1.0  # headless: how often "is a user action still coming?" is asked
ECHO_WINDOW_S: Final = 10.0  # a status caused by our own command arrives within this time
ECHO_SETTLE_S: Final = 1.0  # ... or this long after the command's answer
MAX_SETPOINT_FAILURES: Final = 3
STILL_KMH: Final = 0.05  # a reported speed at or below this is a still belt
STILL_MOVING_GRACE_S: Final = 5.0  # paused/stopped and the belt not slowing for this long
EXTRA_SAFETY_KMH: Final = 0.3  # belt above the cap by more than this (not by our doing): STOP
KMH_PER_MPH: Final = 1.609344
OVERSPEED_RATIO: Final = 1.25  # at a phase's speed, belt above set-point x this ...
OVERSPEED_MARGIN_KMH: Final = 0.5  # ... and above it by this much ...
OVERSPEED_GRACE_S: Final = 2.0  # ... for this long: the machine does not obey, STOP
_MAX_STEPS_PER_INPUT: Final = 10_000  # a flow that never waits is a bug: never spin

_USER_EVENTS: Final = {
    io.UserAction.START: E.USER_START,
    io.UserAction.STOP: E.USER_STOP,
    io.UserAction.PAUSE: E.USER_PAUSE,
    io.UserAction.SKIP: E.USER_SKIP,
    io.UserAction.EXTEND: E.USER_EXTEND,
    io.UserAction.SPEED: E.USER_SPEED,
    io.UserAction.END: E.USER_END,
}


class SessionMachine(PlanPosition):
    """One plan on one treadmill, as a pure state machine (see the module docstring)."""

    def __init__(self, plan: Plan, settings: Settings, *, watch_user: bool = False) -> None:
        """``watch_user``: whenever the session waits for a user, ask (effect ``Ask``) whether
        one will act; a ``UserGone`` answer ends the session (headless runs)."""
        if not plan.phases:
            raise ValueError("a plan needs at least one phase")
        super().__init__(plan, settings, SafetyPolicy(settings, None))
        self._watch_user = watch_user
        self._out: list[io.Effect] = []
        self._t0: float | None = None
        self._serial = 0
        self._end_reason: EndReason | None = None
        self._end_requested = False
        self._stop_cause = EndReason.STOPPED_BY_USER
        self._last_alert: AlertEvent | None = None
        self._countdown: tuple[int, CountdownReason] | None = None
        self._belt = Belt.STILL
        self._started_once = False
        self._first_motion_t: float | None = None

        # the flow
        self._step = Step.NONE
        self._wake_on: frozenset[Signal] = frozenset()
        self._flow_wake: float | None = None
        self._flow_cmd: int | None = None  # the command whose answer the flow waits for
        self._after_send = Step.NONE  # where the flow goes on after a set-point's answer
        self._cd_reason = CountdownReason.START
        self._cd_next = 0
        self._wait_limit = 0.0
        self._wait_deadline = 0.0
        self._wait_why = ""
        self._wait_then = Step.NONE
        self._ramp_down_kmh = 0.0
        self._ramp_down_then = Step.NONE
        self._reached_at: float | None = None
        self._backoff_until = 0.0
        self._sent_value = 0.0  # the last set-point or incline written
        self._announced = False
        self._skip = False

        # commands
        self._next_cmd = 0
        self._pause_cmds: set[int] = set()  # user pauses awaiting their answer
        self._stop_kinds: dict[int, io.StopKind] = {}
        self._session_stop: int | None = None
        self._quiet_stop: int | None = None
        self._setpoint_failures = 0
        self._recent_setpoints: deque[float] = deque(maxlen=6)
        self._expected_echo: deque[tuple[MachineStatusKind, float]] = deque()

        # the machine's data
        self._actual_kmh: float | None = None
        self._incline: float | None = None
        self._hr = HeartRateSource()
        self._distance_m = 0.0
        self._last_machine_distance: int | None = None
        self._overspeed_since: float | None = None
        self._still_moving: tuple[float, float] | None = None  # (since, speed)
        self._console_started = False
        self._control_lost_alert_t = -math.inf
        self._incline_warned = False
        cap_bpm = plan.hr_cap_bpm or settings.hr_cap_bpm
        self._hr_cap = HeartRateCap(cap_bpm) if cap_bpm is not None else None
        self._hr_slow_at: float | None = None
        self._hr_slow: tuple[int, float] = (0, 0.0)  # (phase index, speed)

        # waiting for a user, the link
        self._ask_at: float | None = None
        self._reconnect_at: float | None = None
        self._reconnect_since = 0.0
        self._reconnect_attempts = 0
        self._stop_requested_while_lost = False
        self._lost_from = S.IDLE
        self._link_up = True
        self._last_wake: float | None = None

    # ---- reading -----------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def step(self) -> Step:
        """Where the flow is (``NONE`` outside the moving and countdown states)."""
        return self._step

    @property
    def belt(self) -> Belt:
        return self._belt

    @property
    def policy(self) -> SafetyPolicy:
        return self._policy

    @property
    def end_reason(self) -> EndReason | None:
        return self._end_reason

    @property
    def started_at(self) -> float | None:
        """Loop time of session time 0 (``Begin``), ``None`` before."""
        return self._t0

    @property
    def facing(self) -> Direction | None:
        return self._facing

    def snapshot(self, t: float, link_state: LinkState) -> SessionSnapshot:
        """The session as the screen shows it at loop time ``t``."""
        now = self._now(t)
        phase = self._phase_info(self._index)
        running = not self._plan_complete()
        current_done = self._phase_elapsed(now) if running else 0.0
        backward = self._completed_s[Direction.BACKWARD]
        forward = self._completed_s[Direction.FORWARD]
        if phase is not None:
            if phase.direction is Direction.BACKWARD:
                backward += current_done
            else:
                forward += current_done
        setpoint, _ = self._policy.last_setpoint
        waiting = WAITING_FOR.get(self._state) if self._end_reason is None else None
        cd = self._countdown
        hr, hr_source = self._hr.current(t)
        return SessionSnapshot(
            t=now,
            state=self._state,
            phase=phase,
            phase_count=len(self._plan.phases),
            phase_elapsed_s=current_done,
            phase_remaining_s=self._phase_remaining(now) if phase is not None else 0.0,
            next_phase=self._phase_info(self._index + 1),
            target_speed_kmh=self._target_kmh() if running else None,
            setpoint_kmh=setpoint if self._belt is Belt.RUNNING else None,
            actual_speed_kmh=self._actual_kmh,
            incline_pct=self._incline,
            distance_m=self._distance_m,
            hr_bpm=hr,
            elapsed_s=0.0 if self._first_motion_t is None else now - self._first_motion_t,
            total_s=self._plan.total_s + self._phase_extra_s,
            done_s=sum(self._completed_s.values()) + current_done,
            backward_s=backward,
            forward_s=forward,
            blocks_done=self._blocks_done,
            blocks_total=self._plan.backward_blocks,
            countdown_remaining_s=cd[0] if cd else None,
            countdown_reason=cd[1] if cd else None,
            facing=self._facing,
            link_state=link_state,
            last_alert=self._last_alert,
            waiting_for=waiting,
            end_reason=self._end_reason,
            hr_source=str(hr_source),
        )

    # ---- the one entry -----------------------------------------------------------------

    def feed(self, inp: io.Input) -> list[io.Effect]:
        """Take one input; return the effects to carry out, in order."""
        self._out = []
        _HANDLERS[type(inp)](self, inp)
        wake = self._next_wake()
        if wake != self._last_wake:
            self._last_wake = wake
            self._out.append(io.WakeAt(wake))
        out, self._out = self._out, []
        return out

    def _next_wake(self) -> float | None:
        times = [
            w
            for w in (self._flow_wake, self._hr_slow_at, self._ask_at, self._reconnect_at)
            if w is not None
        ]
        return min(times) if times else None

    # ---- inputs ------------------------------------------------------------------------

    def _on_opening(self, inp: io.Opening) -> None:
        self._emit(StateEvent(0.0, self._state))

    def _on_begin(self, inp: io.Begin) -> None:
        if inp.error is not None:
            self._alert(
                inp.t, AlertLevel.DANGER, f"Cannot connect to the treadmill: {inp.error}", "connect"
            )
            self._end(EndReason.ERROR)
        self._t0 = inp.t
        self._policy.update_capabilities(inp.capabilities)
        self._check_plan_against_machine(inp.t)
        if self._end_reason is None:
            self._watch_for_user(inp.t)

    def _on_user(self, inp: io.User) -> None:
        if self._end_reason is not None:
            return
        t, action = inp.t, inp.action
        if action is io.UserAction.TOGGLE_PAUSE:
            resume = (self._state, E.USER_RESUME) in TRANSITIONS
            action = io.UserAction.RESUME if resume else io.UserAction.PAUSE
        if action is io.UserAction.RESUME:
            self._user_resume(t)
            return
        event = _USER_EVENTS[action]
        if event in (E.USER_START, E.USER_PAUSE):
            if self._fire(event, t, user=True):
                self._stop_cause = EndReason.STOPPED_BY_USER
                _AFTER_USER[event](self, t)
            return
        if event is E.USER_STOP:
            self._user_stop(t)
            return
        if (self._state, event) not in REACTIONS:
            self._info(t, _NOT_NOW[event])
            return
        match event:
            case E.USER_SKIP:
                self._skip = True
                self._poke(t)
            case E.USER_EXTEND:
                if not inp.value > 0:
                    self._info(t, _NOT_NOW[event])
                    return
                self._phase_extra_s += inp.value
                self._poke(t)
            case E.USER_SPEED:
                self._user_speed(t, inp.value)
            case _:
                self._user_end(t)

    def _on_data(self, inp: io.Data) -> None:
        t, data = inp.t, inp.data
        if data.speed_kmh is not None:
            self._actual_kmh = data.speed_kmh
        if data.incline_pct is not None:
            self._incline = data.incline_pct
        if data.hr_bpm is not None:
            self._hr.treadmill(t, data.hr_bpm)
        if data.distance_m is not None:
            last = self._last_machine_distance
            if last is not None and self._started_once and data.distance_m >= last:
                self._distance_m += data.distance_m - last
            self._last_machine_distance = data.distance_m
        self._emit(
            DataEvent(
                self._now(t),
                data.speed_kmh,
                data.distance_m,
                data.incline_pct,
                data.hr_bpm,
                data.elapsed_s,
                data.energy_kcal,
                data.steps,
            )
        )
        self._run_flow(t, Signal.DATA)
        self._watch_speed(t)
        self._watch_still_moving(t)
        if data.hr_bpm is not None and not self._hr.strap_is_fresh(t):
            self._check_hr_cap(t)  # the treadmill's is the heart rate in use

    def _on_status(self, inp: io.Status) -> None:
        t, status = inp.t, inp.status
        if self._is_echo(status.kind, t):
            return
        match status.kind:
            case MachineStatusKind.STOPPED_BY_SAFETY_KEY:
                self._machine_stopped(
                    t, "Safety key pulled: the treadmill stopped.", AlertLevel.DANGER
                )
            case MachineStatusKind.STOPPED_BY_USER:
                self._machine_stopped(
                    t, "Stopped from the treadmill's console.", AlertLevel.WARNING
                )
            case MachineStatusKind.RESET:
                self._machine_stopped(t, "The treadmill was reset.", AlertLevel.WARNING)
            case MachineStatusKind.PAUSED_BY_USER:
                self._machine_paused(t)
            case MachineStatusKind.TARGET_SPEED_CHANGED:
                self._console_speed(t, status.value)
            case MachineStatusKind.CONTROL_LOST:
                if self._now(t) - self._control_lost_alert_t > 30.0:
                    self._control_lost_alert_t = self._now(t)
                    self._alert(
                        t,
                        AlertLevel.WARNING,
                        "The treadmill took back control; asking for it again.",
                        "control_lost",
                    )
            case MachineStatusKind.STARTED_BY_USER:
                if (self._state, E.CONSOLE_START) in REACTIONS:
                    self._console_started = True  # the runner took over: not fought
                    self._info(t, "The belt was started from the treadmill's console.")
            case _:
                pass

    def _on_command_done(self, inp: io.CommandDone) -> None:
        t, cmd, outcome = inp.t, inp.cmd, inp.outcome
        if cmd in self._pause_cmds:
            self._pause_cmds.discard(cmd)
            self._paused(t, outcome, in_flow=False)
            return
        if cmd != self._flow_cmd:
            return  # the flow that sent it is gone (paused, stopped...)
        self._flow_cmd = None
        self._link_up = inp.link_up
        _ANSWERS[self._step](self, t, outcome)
        self._run_flow(t, None)

    def _on_stop_done(self, inp: io.StopDone) -> None:
        t, outcome = inp.t, inp.outcome
        kind = self._stop_kinds.pop(inp.cmd, None)
        confirmed = outcome is not None and outcome.confirmed
        match kind:
            case io.StopKind.SESSION if inp.cmd == self._session_stop:
                self._session_stop = None
                self._stopped(t, confirmed)
            case io.StopKind.FINISH if inp.cmd == self._flow_cmd:
                self._flow_cmd = None
                self._step = Step.NONE
                self._stopped(t, confirmed)
            case io.StopKind.QUIET:
                self._quiet_stop = None
                self._unconfirmed(t, confirmed)
            case io.StopKind.PAUSE_REFUSED:
                self._unconfirmed(t, confirmed)
                if inp.cmd == self._flow_cmd:
                    self._flow_cmd = None
                    log.info("turning with the belt stopped (pause refused)")
                    self._enter_wait_turning(t)
                    self._run_flow(t, None)
            case io.StopKind.RECONNECTED:
                self._reconnected(t, confirmed)
            case io.StopKind.FINAL:
                self._unconfirmed(t, confirmed)
                self._belt = Belt.STILL
            case _:
                pass  # a STOP whose session step is gone (link lost, cancelled flow)

    def _on_command_report(self, inp: io.CommandReport) -> None:
        o = inp.outcome
        self._emit(
            CommandEvent(self._now(inp.t), str(o.op), o.value, o.wire, str(o.result), o.detail)
        )

    def _on_link_lost(self, inp: io.LinkLost) -> None:
        t = inp.t
        if self._end_reason is not None or (self._state, E.LINK_LOST) not in TRANSITIONS:
            return
        before = self._state
        self._cancel_flow()
        if self._session_stop is not None:
            self._session_stop = None  # its outcome is of a link that is gone
            self._stop_requested_while_lost = True
        moving = self._belt is Belt.RUNNING or before in MOVING
        speed = self._actual_kmh or 0.0
        self._belt_stopped()
        if before in LOST_WHILE_STOPPING:
            self._stop_requested_while_lost = True
        self._lost_from = before
        self._cue(t, CueKind.ALARM, "Connection lost!")
        belt = (
            f"The belt may still be running at {speed:.1f} km/h: use the console or pull the "
            "safety key. "
            if moving
            else ""
        )
        self._alert(
            t,
            AlertLevel.DANGER,
            f"Connection to the treadmill lost. {belt}Reconnecting…",
            "link_lost",
        )
        self._fire(E.LINK_LOST, t)
        self._reconnect_since = self._now(t)
        self._reconnect_attempts = 0
        self._reconnect_at = t + RECONNECT_DELAYS_S[0]

    def _on_link_back(self, inp: io.LinkBack) -> None:
        if self._end_reason is not None:
            return
        # STOP is the first command after a reconnect, whatever the session was doing.
        self._policy.update_capabilities(inp.capabilities)
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER, inp.t)
        self._stop(io.StopKind.RECONNECTED)

    def _on_connect_failed(self, inp: io.ConnectFailed) -> None:
        t = inp.t
        if self._end_reason is not None:
            return
        log.info("reconnect attempt %d failed: %s", self._reconnect_attempts, inp.error)
        if self._now(t) - self._reconnect_since > RECONNECT_WINDOW_S and not inp.user_can_act:
            self._alert(t, AlertLevel.DANGER, "Could not reconnect to the treadmill.", "link_lost")
            self._end(EndReason.LINK_LOST)
            return
        delay = RECONNECT_DELAYS_S[min(self._reconnect_attempts, len(RECONNECT_DELAYS_S) - 1)]
        self._reconnect_at = t + delay

    def _on_heart_rate(self, inp: io.HeartRate) -> None:
        self._hr.strap(inp.t, inp.bpm)
        if self._t0 is not None and self._end_reason is None:
            self._emit(HeartRateEvent(self._now(inp.t), inp.bpm))
        if inp.bpm is not None:
            self._check_hr_cap(inp.t)

    def _on_tick(self, inp: io.Tick) -> None:
        t = inp.t
        if self._reconnect_at is not None and t >= self._reconnect_at - 1e-9:
            self._reconnect_at = None
            self._reconnect_attempts += 1
            self._out.append(io.Connect())
        if self._ask_at is not None and t >= self._ask_at - 1e-9:
            self._ask_at = t + USER_POLL_S
            self._out.append(io.Ask(self._serial))
        if self._hr_slow_at is not None and t >= self._hr_slow_at - 1e-9:
            self._hr_slow_at = None
            self._hr_slow_down(t)
        if self._flow_wake is not None and t >= self._flow_wake - 1e-9:
            self._run_flow(t, Signal.TIME)

    def _on_user_gone(self, inp: io.UserGone) -> None:
        if inp.serial != self._serial or self._end_reason is not None:
            return
        reason = self._stop_cause
        if not self._started_once and self._state is S.IDLE:
            reason = EndReason.STOPPED_BY_USER
        self._end(reason)

    def _on_fatal(self, inp: io.Fatal) -> None:
        if self._end_reason is not None:
            return
        self._alert(
            inp.t, AlertLevel.DANGER, f"The session stopped on an {inp.message}.", "error"
        )
        self._stop_cause = EndReason.ERROR
        self._end_requested = True
        self._cancel_flow()
        self._end(EndReason.ERROR)

    def _on_cancelled(self, inp: io.Cancelled) -> None:
        self._end(EndReason.STOPPED_BY_USER)

    def _on_closing(self, inp: io.Closing) -> None:
        self._cancel_flow()
        self._reconnect_at = self._ask_at = self._hr_slow_at = None
        may_move = self._belt is Belt.RUNNING or self._state in BELT_MAY_MOVE
        if may_move and inp.link_up:
            self._stop(io.StopKind.FINAL)

    def _on_closed(self, inp: io.Closed) -> None:
        self._emit(EndEvent(self._now(inp.t), self._end_reason or EndReason.ERROR))

    # ---- the state table ---------------------------------------------------------------

    def _fire(self, event: EngineEvent, t: float, *, user: bool = False) -> bool:
        """Take the transition for ``event`` (False: it does not apply in this state)."""
        new = TRANSITIONS.get((self._state, event))
        if new is None:
            if user:
                self._info(t, f"'{event.value.removeprefix('user_')}' does not apply now.")
            else:
                log.debug("event %s ignored in state %s", event, self._state)
            return False
        now = self._now(t)
        old = self._state
        if old is S.RUNNING_PHASE and new is not S.RUNNING_PHASE:
            self._phase_done_s += now - (self._phase_clock_since or now)
            self._phase_clock_since = None
        if new is S.RUNNING_PHASE and old is not S.RUNNING_PHASE:
            self._phase_clock_since = now
        if new not in COUNTING:
            self._countdown = None
        self._state = new
        self._serial += 1
        self._console_started = False
        if new is not old:
            self._emit(StateEvent(now, new))
        if new in WAITING_FOR and self._end_reason is None:
            if self._end_requested and new is S.STOPPED:
                self._end(self._stop_cause)
            else:
                self._watch_for_user(t)
        else:
            self._ask_at = None
        if new is S.FINISHED:
            self._end(EndReason.FINISHED)
        return True

    # ---- user actions ------------------------------------------------------------------

    def _after_start(self, t: float) -> None:
        self._new_flow(t, CountdownReason.START)

    def _after_pause(self, t: float) -> None:
        self._cancel_flow()
        self._cue(t, CueKind.PAUSED, "Pausing")
        if self._belt is Belt.RUNNING:
            self._pause_cmds.add(self._pause(t))

    def _user_resume(self, t: float) -> None:
        event = E.USER_RESUME_AT_TURN if self._turn_pending() else E.USER_RESUME
        if (self._state, event) not in TRANSITIONS:
            self._info(t, "Resume only works while paused.")
            return
        self._fire(event, t)
        reason = CountdownReason.TURN if event is E.USER_RESUME_AT_TURN else CountdownReason.RESUME
        self._new_flow(t, reason)

    def _user_stop(self, t: float) -> None:
        new = TRANSITIONS.get((self._state, E.USER_STOP))
        if new is None:
            return  # stopping already, or over
        self._stop_cause = EndReason.STOPPED_BY_USER
        if new is S.LINK_LOST:
            self._stop_requested_while_lost = True
            self._alert(
                t,
                AlertLevel.WARNING,
                "STOP will be sent the moment the treadmill is reachable again. "
                "If the belt moves, pull the safety key.",
                "stop_pending",
            )
            self._fire(E.USER_STOP, t)
            return
        self._fire(E.USER_STOP, t)
        self._start_stop(t, "Stopping")

    def _user_speed(self, t: float, delta_kmh: float) -> None:
        phase = self._plan.phases[self._index]
        if self._facing is None or phase.direction is not self._facing:
            self._info(t, _NOT_NOW[E.USER_SPEED])
            return
        decision = self._policy.allowed_target(phase.direction, self._target_kmh() + delta_kmh)
        if decision.limited_by:
            self._info(t, f"Limited by the {decision.limited_by}.")
        self._override_kmh = decision.kmh
        self._hold_machine_speed = False
        self._poke(t)

    def _user_end(self, t: float) -> None:
        self._end_requested = True
        how = END_HOW[self._state]
        if how is EndHow.AT_ONCE and self._belt is Belt.STILL:
            self._end(self._stop_cause)
        elif how is EndHow.LINK_LOST:
            self._end(EndReason.LINK_LOST)  # nothing can be stopped now
        elif how is not EndHow.WAIT:
            self._user_stop(t)

    # ---- the flow ----------------------------------------------------------------------

    def _new_flow(self, t: float, reason: CountdownReason) -> None:
        """A countdown (start, resume, or a turn resumed after a pause), then the plan from
        the current phase on."""
        self._cancel_flow()
        self._skip = False
        if self._plan_complete():
            self._end(EndReason.FINISHED)
            return
        self._cd_reason = reason
        self._enter_wait(t, 0.0, "Waiting for the belt to stop", Step.WAIT_STILL)
        self._run_flow(t, None)

    def _cancel_flow(self) -> None:
        self._step = Step.NONE
        self._flow_cmd = None
        self._flow_wake = None
        self._wake_on = frozenset()

    def _goto(self, step: Step) -> bool:
        self._step = step
        self._flow_wake = None
        self._wake_on = frozenset()
        return True

    def _wait(self, until: float | None, on: frozenset[Signal]) -> bool:
        self._flow_wake = until
        self._wake_on = on
        return False

    def _run_flow(self, t: float, signal: Signal | None) -> None:
        """Move the flow on: ``signal`` wakes a waiting step (``None``: the step was just
        entered, or its command answered)."""
        if signal is not None and signal not in self._wake_on:
            return
        self._flow_wake = None
        self._wake_on = frozenset()
        for _ in range(_MAX_STEPS_PER_INPUT):
            handler = _STEPS.get(self._step)
            if handler is None or not handler(self, t):
                return
        raise RuntimeError(f"the session flow does not wait (step {self._step})")

    def _poke(self, t: float) -> None:
        self._run_flow(t, Signal.POKE)

    def _enter_wait(self, t: float, kmh: float, why: str, step: Step) -> None:
        """Wait (``step``) until the reported belt speed is at or below ``kmh`` (at most 45 s)."""
        self._wait_limit = max(kmh, 0.0) + (STILL_KMH if kmh <= 0 else 0.01)
        self._wait_deadline = t + BELT_STOP_TIMEOUT_S
        self._wait_why = why
        self._goto(step)

    def _enter_wait_turning(self, t: float) -> None:
        self._enter_wait(
            t, self._turning_speed(), "Waiting for the belt to slow down", Step.WAIT_TURNING
        )

    def _belt_at_most(self, t: float) -> bool | None:
        """The wait for the belt: True when it is there, None while waiting, False when it
        did not follow (the session stops)."""
        if (self._actual_kmh or 0.0) <= self._wait_limit:
            return True
        if t >= self._wait_deadline - 1e-9:
            self._belt_not_following(
                t,
                f"{self._wait_why}: the belt still runs at {self._actual_kmh or 0:.1f} km/h after "
                f"{BELT_STOP_TIMEOUT_S:g} s.",
            )
            return False
        return self._wait(self._wait_deadline, WAKES[self._step]) or None

    def _s_wait_still(self, t: float) -> bool:
        if not self._belt_at_most(t):
            return False
        self._begin_countdown(t)
        return self._goto(Step.COUNTDOWN)

    def _s_wait_turning(self, t: float) -> bool:
        if not self._belt_at_most(t):
            return False
        self._fire(E.BELT_AT_TURNING_SPEED, t)
        self._cd_reason = CountdownReason.TURN
        self._begin_countdown(t)
        return self._goto(Step.COUNTDOWN)

    def _begin_countdown(self, t: float) -> None:
        reason = self._cd_reason
        phase = self._plan.phases[self._index]
        lead = self._countdown_s(start=reason is CountdownReason.START)
        self._direction_cue(t, phase, lead, starting=reason is not CountdownReason.TURN)
        self._cd_next = lead

    def _s_countdown(self, t: float) -> bool:
        if self._cd_next >= 1:
            n, reason = self._cd_next, self._cd_reason
            self._countdown = (n, reason)
            self._emit(CountdownEvent(self._now(t), n, reason))
            self._emit(CueEvent(self._now(t), str(n), CueKind.COUNTDOWN, n))
            self._cd_next -= 1
            return self._wait(t + 1.0, WAKES[Step.COUNTDOWN])
        self._countdown = None
        self._cue(t, CueKind.GO, "Go")
        self._facing = self._plan.phases[self._index].direction
        self._fire(E.COUNTDOWN_DONE, t)
        return self._goto(Step.PLAN)

    def _s_plan(self, t: float) -> bool:
        self._announce_phase(t)
        if self._belt is Belt.RUNNING:
            return self._goto(Step.INCLINE)
        self._expect_echo(MachineStatusKind.STARTED_BY_USER, t)
        self._flow_cmd = self._send(io.Cmd.START)
        return not self._goto(Step.STARTING_BELT)

    def _a_start(self, t: float, outcome: CommandOutcome) -> None:
        self._settle_echo(MachineStatusKind.STARTED_BY_USER, t)
        if not outcome.ok:
            self._command_refused(t, f"The treadmill did not start ({result_words(outcome)}).")
            return
        self._belt = Belt.RUNNING
        self._started_once = True
        self._wait_deadline = t + BELT_START_TIMEOUT_S
        self._goto(Step.WAIT_MOVING)

    def _s_wait_moving(self, t: float) -> bool:
        moving = (self._actual_kmh or 0.0) > STILL_KMH
        if not moving and t < self._wait_deadline - 1e-9:
            return self._wait(self._wait_deadline, WAKES[Step.WAIT_MOVING])
        if not moving:
            self._alert(
                t,
                AlertLevel.WARNING,
                "The belt has not started moving yet; ramping up from the treadmill's minimum.",
                "slow_start",
            )
        if self._first_motion_t is None:
            self._first_motion_t = self._now(t)
        self._policy.motion_started(t, self._actual_kmh)
        # Some machines resume at their previous target: pin it down to where the belt is now.
        reference, _ = self._policy.last_setpoint
        if reference <= self._policy.cap_kmh(self._direction()):
            self._send_setpoint(t, reference, Step.INCLINE)
            return False
        return self._goto(Step.INCLINE)

    def _s_incline(self, t: float) -> bool:
        self._reached_at = None
        phase = self._plan.phases[self._index]
        if phase.incline_pct is None:
            return self._goto(Step.RAMP)
        caps = self._policy.capabilities
        if caps is None or caps.incline is None or not caps.can_set_incline:
            if phase.incline_pct != 0 and not self._incline_warned:
                self._incline_warned = True
                self._alert(
                    t,
                    AlertLevel.INFO,
                    "This treadmill cannot set an incline: running flat.",
                    "incline",
                )
            return self._goto(Step.RAMP)
        value = caps.incline.clamp_to_step(phase.incline_pct)
        self._sent_value = value
        self._flow_cmd = self._send(io.Cmd.SET_INCLINE, value)
        return not self._goto(Step.SETTING_INCLINE)

    def _a_incline(self, t: float, outcome: CommandOutcome) -> None:
        if not outcome.ok:
            self._alert(
                t,
                AlertLevel.WARNING,
                f"Incline {self._sent_value:g} %: {result_words(outcome)}.",
                "command_failed",
            )
        self._reached_at = None
        self._goto(Step.RAMP)

    def _s_ramp(self, t: float) -> bool:
        """Set-points to the phase's target, then the *reported* speed there."""
        if self._skip:
            return self._goto(Step.PHASE_OVER)
        if self._hold_machine_speed:
            return self._goto(Step.REACHED)
        target = self._target_kmh()
        wait = self._ramp(t, target, Step.RAMP)
        if wait is None:
            self._reached_at = None
            return False
        if wait > 0:
            _, last_t = self._policy.last_setpoint
            if last_t is not None and t - last_t > RAMP_STALL_S:
                # The policy allows no further step (it should always): never spin here.
                self._belt_not_following(t, f"The ramp to {target:.1f} km/h stalled.")
                return False
            return self._wait(t + wait, frozenset({Signal.TIME, Signal.POKE}))
        if self._speed_reached(target, self._actual_kmh):
            return self._goto(Step.REACHED)
        if self._reached_at is None:
            self._reached_at = t
        gap = abs((self._actual_kmh or 0.0) - target)
        if t - self._reached_at > REACH_TIMEOUT_S + gap / 0.3:
            self._alert(
                t,
                AlertLevel.WARNING,
                f"The belt runs at {self._actual_kmh or 0:.1f} km/h instead of "
                f"{target:.1f} km/h; the phase starts anyway.",
                "speed_not_reached",
            )
            return self._goto(Step.REACHED)
        return self._wait(t + 0.5, WAKES[Step.RAMP])

    def _s_reached(self, t: float) -> bool:
        self._fire(E.TARGET_REACHED, t)
        self._announced = False
        return self._goto(Step.CLOCK)

    def _s_clock(self, t: float) -> bool:
        """The phase's time at speed, with the cue for what comes next ahead of it; follows
        speed changes (user ±, the heart-rate cap) with the ramp."""
        lead = float(self._settings.cue_lead_s)
        remaining = self._phase_remaining(self._now(t))
        if self._skip or remaining <= 1e-6:
            if not self._announced:
                self._announce_next(t, 0.0)
            return self._goto(Step.PHASE_OVER)
        if self._announced and remaining > lead + 1.0:
            self._announced = False  # extended after the cue: cue again later
        if not self._announced and remaining <= lead + 1e-6:
            self._announce_next(t, remaining)
            self._announced = True
        wait = remaining if self._announced else remaining - lead
        if not self._hold_machine_speed:
            step_wait = self._ramp(t, self._target_kmh(), Step.CLOCK)
            if step_wait is None:
                return False
            if step_wait > 0:
                wait = min(wait, step_wait)
        if wait <= 0:
            return True  # again, at once
        return self._wait(t + wait, WAKES[Step.CLOCK])

    def _s_phase_over(self, t: float) -> bool:
        self._complete_phase(t, skipped=self._skip)
        self._skip = False
        if self._plan_complete():
            self._fire(E.PLAN_DONE, t)
            return self._goto(Step.FINISH)
        if self._plan.phases[self._index].direction is self._facing:
            self._fire(E.PHASE_DONE_SAME_DIRECTION, t)
            return self._goto(Step.PLAN)
        self._fire(E.PHASE_DONE_TURN, t)
        return self._goto(Step.SLOW_TO_TURN)

    def _s_slow_to_turn(self, t: float) -> bool:
        """Down to the turning speed (a walk, or the machine's minimum then a pause)."""
        turning = self._turning_speed()
        if self._belt is Belt.STILL:
            self._enter_wait_turning(t)
            return True
        self._ramp_down_kmh = turning if turning > 0 else self._policy.machine_min_kmh
        self._ramp_down_then = Step.PAUSE_FOR_TURN if turning <= 0 else Step.WAIT_TURNING
        return self._goto(Step.RAMP_DOWN)

    def _s_ramp_down(self, t: float) -> bool:
        """Set-points down to the turning or finishing speed, not waiting for the belt."""
        wait: float | None = 0.0
        if self._belt is Belt.RUNNING:
            wait = self._ramp(t, self._ramp_down_kmh, Step.RAMP_DOWN)
        if wait is None:
            return False
        if wait > 0:
            return self._wait(t + wait, WAKES[Step.RAMP_DOWN])
        if self._ramp_down_then is Step.WAIT_TURNING:
            self._enter_wait_turning(t)
            return True
        return self._goto(self._ramp_down_then)

    def _s_pause_for_turn(self, t: float) -> bool:
        self._flow_cmd = self._pause(t)
        return not self._goto(Step.PAUSING_FOR_TURN)

    def _a_pause_for_turn(self, t: float, outcome: CommandOutcome) -> None:
        if self._paused(t, outcome, in_flow=True):
            self._enter_wait_turning(t)

    def _s_finish(self, t: float) -> bool:
        """The end of the plan: down to the machine's minimum, then STOP."""
        self._cue(t, CueKind.SESSION_DONE, "Session done. Stopping the belt.")
        self._ramp_down_kmh = max(self._policy.machine_min_kmh, 0.0)
        self._ramp_down_then = Step.FINISH_STOP
        return self._goto(Step.RAMP_DOWN)

    def _s_finish_stop(self, t: float) -> bool:
        self._stop_cause = EndReason.FINISHED
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER, t)
        self._flow_cmd = self._stop(io.StopKind.FINISH)
        return not self._goto(Step.FINISH_STOPPING)

    def _s_backoff(self, t: float) -> bool:
        if t < self._backoff_until - 1e-9:
            return self._wait(self._backoff_until, WAKES[Step.BACKOFF])
        return self._goto(self._after_send)

    # ---- commands ----------------------------------------------------------------------

    def _ramp(self, t: float, target_kmh: float, then: Step) -> float | None:
        """The one ramp. Write the next set-point towards ``target_kmh`` that the policy
        allows (``None``: written; the flow goes on at ``then`` once it is answered), or say how
        long until the next one may go (0.0: the last set-point is the target)."""
        direction = self._direction()
        step = self._policy.next_setpoint(direction, target_kmh, t)
        if step is not None:
            self._send_setpoint(t, step, then)
            return None
        target = self._policy.allowed_target(direction, target_kmh).kmh
        last, _ = self._policy.last_setpoint
        if abs(last - target) <= 1e-6:
            return 0.0
        return self._policy.seconds_until_next_step(target)

    def _send_setpoint(self, t: float, kmh: float, then: Step) -> None:
        """Every set-point goes out here, checked by the policy right before it is written."""
        try:
            self._policy.check(self._direction(), kmh, t)
        except SafetyViolation as exc:
            log.error("safety policy refused a set-point: %s", exc)  # noqa: TRY400 - expected
            self._alert(t, AlertLevel.DANGER, f"Safety check failed ({exc}). Stopping.", "safety")
            self._stop_cause = EndReason.ERROR
            self._cause_stop(t, E.POLICY_REFUSED)
            return
        self._policy.record(kmh, t)
        self._recent_setpoints.append(kmh)
        self._sent_value = kmh
        self._flow_cmd = self._send(io.Cmd.SET_SPEED, kmh)
        self._after_send = then
        self._goto(Step.SETPOINT_SENT)

    def _a_setpoint(self, t: float, outcome: CommandOutcome) -> None:
        if outcome.ok:
            self._setpoint_failures = 0
            self._goto(self._after_send)
            return
        self._setpoint_failures += 1
        if outcome.result is Result.NOT_PERMITTED:
            self._command_refused(
                t,
                "The treadmill does not accept commands any more (control not permitted). "
                "Use its console or the safety key.",
            )
            return
        self._alert(
            t,
            AlertLevel.WARNING,
            f"Speed {self._sent_value:.1f} km/h: {result_words(outcome)}.",
            "command_failed",
        )
        if self._setpoint_failures >= MAX_SETPOINT_FAILURES:
            self._command_refused(t, "The treadmill keeps refusing speed changes.")
            return
        self._backoff_until = t + 1.0
        self._goto(Step.BACKOFF)

    def _send(self, op: io.Cmd, value: float | None = None) -> int:
        self._next_cmd += 1
        self._out.append(io.Send(self._next_cmd, op, value))
        return self._next_cmd

    def _stop(self, kind: io.StopKind) -> int:
        self._next_cmd += 1
        self._stop_kinds[self._next_cmd] = kind
        self._out.append(io.SendStop(self._next_cmd, kind))
        return self._next_cmd

    def _pause(self, t: float) -> int:
        self._expect_echo(MachineStatusKind.PAUSED_BY_USER, t)
        return self._send(io.Cmd.PAUSE)

    def _paused(self, t: float, outcome: CommandOutcome, *, in_flow: bool) -> bool:
        """A pause was answered; a refused one must still stop the belt: STOP instead. True
        when the flow may go on at once."""
        self._settle_echo(MachineStatusKind.PAUSED_BY_USER, t)
        self._belt_stopped()
        if outcome.ok:
            return True
        self._alert(
            t,
            AlertLevel.WARNING,
            f"Pause: {result_words(outcome)}; stopping the belt instead.",
            "command_failed",
        )
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER, t)
        cmd = self._stop(io.StopKind.PAUSE_REFUSED)
        if in_flow:
            self._flow_cmd = cmd
            self._goto(Step.STOPPING_FOR_TURN)
        return False

    def _start_stop(self, t: float, cue_text: str) -> None:
        """STOP now: the flow ends, STOP is written (pre-empting), then STOPPED."""
        self._cancel_flow()
        self._cue(t, CueKind.STOPPED, cue_text)
        if self._session_stop is not None:
            return  # one STOP at a time: that one's outcome moves the session on
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER, t)
        self._session_stop = self._stop(io.StopKind.SESSION)

    def _stopped(self, t: float, confirmed: bool) -> None:
        self._belt_stopped()
        if confirmed:
            self._fire(E.STOP_CONFIRMED, t)
        else:
            self._stop_not_confirmed_alarm(t)
            self._fire(E.STOP_NOT_CONFIRMED, t)
        if self._plan_complete() and self._end_reason is None:
            self._end(EndReason.FINISHED)  # stopped during the final slow-down: plan done

    def _unconfirmed(self, t: float, confirmed: bool) -> None:
        if not confirmed:
            self._stop_not_confirmed_alarm(t)

    def _cause_stop(self, t: float, event: EngineEvent) -> None:
        """A cause that stops the session (its alert said why): STOPPING, STOP written."""
        self._cancel_flow()
        if self._fire(event, t):
            self._start_stop(t, "Stopping")

    def _command_refused(self, t: float, why: str) -> None:
        if not self._link_up:
            self._cancel_flow()  # the link-loss input takes over
            return
        self._alert(t, AlertLevel.DANGER, f"{why} Stopping the session.", "command_refused")
        self._stop_cause = EndReason.STOPPED_BY_MACHINE
        self._cause_stop(t, E.COMMAND_REFUSED)

    def _belt_not_following(self, t: float, why: str) -> None:
        self._alert(t, AlertLevel.DANGER, f"{why} Stopping.", "belt_not_following")
        self._stop_cause = EndReason.ERROR
        self._cause_stop(t, E.BELT_NOT_FOLLOWING)

    def _stop_not_confirmed_alarm(self, t: float) -> None:
        self._cue(t, CueKind.ALARM, "STOP not confirmed. Pull the safety key!")
        self._alert(
            t,
            AlertLevel.DANGER,
            "The treadmill did not confirm STOP. Pull the safety key now!",
            "stop_not_confirmed",
        )

    def _belt_stopped(self) -> None:
        self._belt = Belt.STILL
        self._policy.motion_stopped()

    def _reconnected(self, t: float, confirmed: bool) -> None:
        self._unconfirmed(t, confirmed)
        self._belt_stopped()
        if self._stop_requested_while_lost or self._lost_from in LOST_WHILE_STOPPING:
            event = E.LINK_BACK_STOPPED
        elif not self._started_once:
            event = E.LINK_BACK_NOT_STARTED
        else:
            event = E.LINK_BACK
            self._stop_cause = EndReason.LINK_LOST
        self._stop_requested_while_lost = False
        if self._plan_complete():
            self._fire(E.LINK_BACK_STOPPED, t)
            self._end(EndReason.FINISHED)
            return
        self._alert(
            t,
            AlertLevel.INFO,
            "Reconnected. The belt was stopped; press "
            + ("resume" if event is E.LINK_BACK else "start")
            + " when you are ready.",
            "reconnected",
        )
        self._fire(event, t)

    # ---- the machine's own changes -----------------------------------------------------

    def _machine_stopped(self, t: float, message: str, level: AlertLevel) -> None:
        was_running = self._belt is Belt.RUNNING or self._state in BELT_MAY_MOVE
        self._belt_stopped()
        self._machine_event(t, E.MACHINE_STOPPED, message, level, cue=was_running)

    def _machine_paused(self, t: float) -> None:
        self._belt_stopped()
        message = "Paused from the treadmill's console."
        self._machine_event(t, E.MACHINE_PAUSED, message, AlertLevel.WARNING, cue=True)

    def _machine_event(
        self, t: float, event: EngineEvent, message: str, level: AlertLevel, *, cue: bool
    ) -> None:
        """The machine stopped or paused by itself: followed, never fought."""
        new = TRANSITIONS.get((self._state, event))
        if new is None or new is self._state:
            return  # not moving anyway
        self._cancel_flow()
        if new is S.FINISHED:
            self._fire(event, t)  # it stopped during the final slow-down
            return
        self._stop_cause = EndReason.STOPPED_BY_MACHINE
        if event is E.MACHINE_PAUSED:
            self._cue(t, CueKind.PAUSED, message)
            self._alert(t, level, message + " Resume when ready.", "machine_paused")
        else:
            if cue:
                self._cue(t, CueKind.STOPPED, message)
            self._alert(t, level, message + " Press start when you are ready.", "machine_stopped")
        self._fire(event, t)

    def _console_speed(self, t: float, value: float | None) -> None:
        if value is None or (self._state, E.CONSOLE_SPEED) not in REACTIONS:
            return
        # Our own set-point coming back (in mph on a console that reads mph) is not news.
        if any(
            abs(value - sp) < 0.06 or abs(value - sp / KMH_PER_MPH) < 0.06
            for sp in self._recent_setpoints
        ):
            return
        # The runner changed the speed on the console: reflect it, never fight it.
        self._hold_machine_speed = True
        self._policy.record(value, t)
        direction = self._direction()
        cap = self._policy.cap_kmh(direction)
        level = AlertLevel.WARNING if value > cap + 1e-6 else AlertLevel.INFO
        extra = (
            f" (above your {direction} cap {cap:.1f} km/h)" if level is AlertLevel.WARNING else ""
        )
        self._alert(
            t,
            level,
            f"Speed set to {value:.1f} km/h on the console{extra}: kept for this phase.",
            "console_speed",
        )

    # ---- safety watchdogs --------------------------------------------------------------

    def _watch_speed(self, t: float) -> None:
        """STOP when the machine is not doing what it is told (not a console change we
        reflect): the belt clearly above the direction's cap, or, at a phase's speed, well
        above the set-point (e.g. a console that reads set-points in mph)."""
        facing = self._facing
        if (
            (self._state, E.SPEED_WATCH) not in REACTIONS
            or self._hold_machine_speed
            or facing is None
        ):
            self._overspeed_since = None
            return
        now = self._now(t)
        actual = self._actual_kmh or 0.0
        cap = self._policy.cap_kmh(facing)
        setpoint, _ = self._policy.last_setpoint
        above_cap = actual > cap + EXTRA_SAFETY_KMH
        above_setpoint = self._state is S.RUNNING_PHASE and actual > max(
            setpoint * OVERSPEED_RATIO, setpoint + OVERSPEED_MARGIN_KMH
        )
        if not (above_cap or above_setpoint):
            self._overspeed_since = None
            return
        if self._overspeed_since is None:
            self._overspeed_since = now
            return
        if now - self._overspeed_since < OVERSPEED_GRACE_S:
            return
        self._overspeed_since = None
        what = (
            f"above your {facing} cap {cap:.1f} km/h"
            if above_cap
            else f"instead of {setpoint:.1f} km/h (does its console read speeds in mph?)"
        )
        self._alert(
            t,
            AlertLevel.DANGER,
            f"The belt runs at {actual:.1f} km/h, {what}. Stopping.",
            "overspeed",
        )
        self._stop_cause = EndReason.STOPPED_BY_MACHINE
        self._cause_stop(t, E.OVERSPEED)

    def _watch_still_moving(self, t: float) -> None:
        """Paused or stopped, yet the belt keeps running (not slowing down, not started from
        the console): STOP it. E.g. a console pause that crossed our own start."""
        now = self._now(t)
        speed = self._actual_kmh or 0.0
        if (
            (self._state, E.STILL_MOVING) not in REACTIONS
            or self._console_started
            or self._session_stop is not None
            or self._quiet_stop is not None
            or speed <= STILL_KMH
        ):
            self._still_moving = None
            return
        if self._still_moving is None or speed < self._still_moving[1] - 0.1:
            self._still_moving = (now, speed)  # first seen, or still slowing down
            return
        if now - self._still_moving[0] < STILL_MOVING_GRACE_S:
            return
        self._still_moving = None
        self._alert(
            t,
            AlertLevel.WARNING,
            f"The belt still runs at {speed:.1f} km/h while the session is "
            f"{self._state.value}: stopping it.",
            "still_moving",
        )
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER, t)
        self._quiet_stop = self._stop(io.StopKind.QUIET)

    def _check_hr_cap(self, t: float) -> None:
        """A new reading of the heart rate in use. The cap policy (hr.cap) wants it above the
        cap for a second of readings in a backward block, so that one spike does not break
        the block. The slow-down is cued ``cue_lead_s`` before it starts, as every automatic
        change is."""
        cap = self._hr_cap
        if cap is None or cap.triggered or (self._state, E.HR_READING) not in REACTIONS:
            return
        if self._plan_complete():
            return
        phase = self._plan.phases[self._index]
        hr, _source = self._hr.current(t)
        if not cap.check(hr, phase.direction.value, t).slows:
            return
        # Slow to the turning speed (never faster because of the heart rate).
        floor = max(self._turning_speed(), self._policy.machine_min_kmh)
        slower = min(floor, self._target_kmh())
        lead = float(self._settings.cue_lead_s)
        limit = cap.cap_bpm
        words = f"Heart rate above {limit}: slowing to {slower:.1f} in {lead:.0f}"
        self._cue(t, CueKind.SPEED, words, slower)
        self._alert(
            t,
            AlertLevel.WARNING,
            f"Heart rate {hr} is above your cap {limit} bpm: slowing to {slower:.1f} km/h "
            f"in {lead:.0f} s.",
            "hr_cap",
        )
        self._hr_slow = (self._index, slower)
        self._hr_slow_at = t + lead

    def _hr_slow_down(self, t: float) -> None:
        index, slower = self._hr_slow
        if self._index != index:
            return  # the block is over meanwhile
        if (self._state, E.HR_READING) not in REACTIONS:
            # Paused or stopped meanwhile: judge the heart rate afresh once moving again.
            if self._hr_cap is not None:
                self._hr_cap.reset()
            return
        self._override_kmh = min(self._target_kmh(), slower)
        self._hold_machine_speed = False
        self._poke(t)

    # ---- helpers -----------------------------------------------------------------------

    def _complete_phase(self, t: float, *, skipped: bool) -> None:
        super()._complete_phase(t, skipped=skipped)
        if self._hr_cap is not None:
            self._hr_cap.reset()  # a new block is judged on its own readings
        self._hr_slow_at = None

    def _expect_echo(self, kind: MachineStatusKind, t: float) -> None:
        """Our next command will make the machine notify ``kind``: that one is not news."""
        self._expected_echo.append((kind, t + ECHO_WINDOW_S))

    def _settle_echo(self, kind: MachineStatusKind, t: float) -> None:
        """The command was answered: its status comes now or never (shortly after at most).
        Not for STOP: the link may report it confirmed (by the speed) before the machine's
        answer and status arrive."""
        soon = t + ECHO_SETTLE_S
        self._expected_echo = deque(
            (k, min(expiry, soon) if k is kind else expiry) for k, expiry in self._expected_echo
        )

    def _is_echo(self, kind: MachineStatusKind, t: float) -> bool:
        while self._expected_echo and self._expected_echo[0][1] < t:
            self._expected_echo.popleft()
        for i, (k, _) in enumerate(self._expected_echo):
            if k is kind:
                del self._expected_echo[i]
                return True
        return False

    def _watch_for_user(self, t: float) -> None:
        if self._watch_user:
            self._ask_at = t

    def _end(self, reason: EndReason) -> None:
        if self._end_reason is not None:
            return
        self._end_reason = reason
        self._hr_slow_at = None
        self._ask_at = None
        self._out.append(io.End(reason))

    def _now(self, t: float) -> float:
        return 0.0 if self._t0 is None else t - self._t0

    def _emit(self, event: SessionEvent) -> None:
        if isinstance(event, AlertEvent):
            self._last_alert = event
        self._out.append(io.Emit(event))

    def _cue(self, t: float, kind: CueKind, text: str, value: float | str | None = None) -> None:
        self._emit(CueEvent(self._now(t), text, kind, value))

    def _alert(self, t: float, level: AlertLevel, message: str, code: str = "") -> None:
        (log.warning if level is not AlertLevel.INFO else log.info)("%s", message)
        self._emit(AlertEvent(self._now(t), level, message, code))

    def _info(self, t: float, message: str) -> None:
        self._alert(t, AlertLevel.INFO, message, "ignored")


_NOT_NOW: Final = {
    E.USER_SKIP: "Skip works while a phase runs (not during a turn-around or a pause).",
    E.USER_EXTEND: "Extend works while a phase runs.",
    E.USER_SPEED: "Speed changes work while a phase runs.",
    E.USER_END: "The session is over.",
}

_AFTER_USER: Final[dict[EngineEvent, Callable[[SessionMachine, float], None]]] = {
    E.USER_START: SessionMachine._after_start,
    E.USER_PAUSE: SessionMachine._after_pause,
}

_HANDLERS: Final[dict[type, Callable[[SessionMachine, Any], None]]] = {
    io.Opening: SessionMachine._on_opening,
    io.Begin: SessionMachine._on_begin,
    io.User: SessionMachine._on_user,
    io.Data: SessionMachine._on_data,
    io.Status: SessionMachine._on_status,
    io.CommandDone: SessionMachine._on_command_done,
    io.StopDone: SessionMachine._on_stop_done,
    io.CommandReport: SessionMachine._on_command_report,
    io.LinkLost: SessionMachine._on_link_lost,
    io.LinkBack: SessionMachine._on_link_back,
    io.ConnectFailed: SessionMachine._on_connect_failed,
    io.HeartRate: SessionMachine._on_heart_rate,
    io.Tick: SessionMachine._on_tick,
    io.UserGone: SessionMachine._on_user_gone,
    io.Fatal: SessionMachine._on_fatal,
    io.Cancelled: SessionMachine._on_cancelled,
    io.Closing: SessionMachine._on_closing,
    io.Closed: SessionMachine._on_closed,
}

_STEPS: Final[dict[Step, Callable[[SessionMachine, float], bool]]] = {
    Step.WAIT_STILL: SessionMachine._s_wait_still,
    Step.WAIT_TURNING: SessionMachine._s_wait_turning,
    Step.COUNTDOWN: SessionMachine._s_countdown,
    Step.PLAN: SessionMachine._s_plan,
    Step.WAIT_MOVING: SessionMachine._s_wait_moving,
    Step.INCLINE: SessionMachine._s_incline,
    Step.RAMP: SessionMachine._s_ramp,
    Step.REACHED: SessionMachine._s_reached,
    Step.CLOCK: SessionMachine._s_clock,
    Step.PHASE_OVER: SessionMachine._s_phase_over,
    Step.SLOW_TO_TURN: SessionMachine._s_slow_to_turn,
    Step.RAMP_DOWN: SessionMachine._s_ramp_down,
    Step.PAUSE_FOR_TURN: SessionMachine._s_pause_for_turn,
    Step.FINISH: SessionMachine._s_finish,
    Step.FINISH_STOP: SessionMachine._s_finish_stop,
    Step.BACKOFF: SessionMachine._s_backoff,
}
"""What each step does when the flow reaches it or it wakes (False: it waits now)."""

_ANSWERS: Final[dict[Step, Callable[[SessionMachine, float, CommandOutcome], None]]] = {
    Step.STARTING_BELT: SessionMachine._a_start,
    Step.SETTING_INCLINE: SessionMachine._a_incline,
    Step.SETPOINT_SENT: SessionMachine._a_setpoint,
    Step.PAUSING_FOR_TURN: SessionMachine._a_pause_for_turn,
}
"""What each step waiting for a command does with its answer."""

