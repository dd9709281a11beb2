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

Here: the inputs, each to its handler (``_HANDLERS``), and what the treadmill and the link do
by themselves (its stops and pauses, link loss and reconnection). The user's actions are in
``session.user_actions``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Final

from treadmill_ctl.alerts import AlertCode
from treadmill_ctl.ftms.model import LinkState, MachineStatusKind
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import (
    AlertLevel,
    CommandEvent,
    CueKind,
    DataEvent,
    EndEvent,
    EndReason,
    HeartRateEvent,
    SessionState,
    StateEvent,
)
from treadmill_ctl.session.machine_base import (
    RECONNECT_DELAYS_S,
    RECONNECT_WINDOW_S,
    USER_POLL_S,
)
from treadmill_ctl.session.policy import SafetyPolicy
from treadmill_ctl.session.position import SessionSnapshot
from treadmill_ctl.session.steps import Belt, Signal, Step
from treadmill_ctl.session.transitions import (
    BELT_MAY_MOVE,
    LINK_BACK_EVENT,
    MOVING,
    TRANSITIONS,
    WAITING_FOR,
    EngineEvent,
)
from treadmill_ctl.session.user_actions import UserActionMachine
from treadmill_ctl.texts import Speed, tr
from treadmill_ctl.units import Direction

__all__ = ["SessionMachine"]

log = logging.getLogger(__name__)

S = SessionState
E = EngineEvent


class SessionMachine(UserActionMachine):
    """One plan on one treadmill, as a pure state machine (see the module docstring)."""

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
            total_s=self._plan.total_s + self._phase_extra_s,
            done_s=self._completed_s + current_done,
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
            data_age_s=self._data_watch.age_s(t),
            data_stale=self._data_watch.stale(t),
        )

    def feed(self, inp: io.Input) -> list[io.Effect]:
        """Take one input; return the effects to carry out, in order."""
        self._out = []
        self._watch_data(inp.t)  # a deadline first: nothing automatic on stale data
        _HANDLERS[type(inp)](self, inp)
        self._watch_data(inp.t)  # ... and a belt just set moving is watched from now
        wake = self._next_wake()
        if wake != self._last_wake:
            self._last_wake = wake
            self._out.append(io.WakeAt(wake))
        out, self._out = self._out, []
        return out

    def _next_wake(self) -> float | None:
        times = [
            w
            for w in (
                self._flow_wake,
                self._hr_slow_at,
                self._ask_at,
                self._reconnect_at,
                self._hr_follow.wake_at,
                self._data_watch.wake_at(),
            )
            if w is not None
        ]
        return min(times) if times else None

    def _on_opening(self, inp: io.Opening) -> None:
        self._emit(StateEvent(0.0, self._state))

    def _on_begin(self, inp: io.Begin) -> None:
        if inp.error is not None:
            self._alert(
                inp.t,
                AlertLevel.DANGER,
                tr("Cannot connect to the treadmill: {error}", error=inp.error),
                "connect",
            )
            self._end(EndReason.ERROR)
        self._t0 = inp.t
        self._policy.update_capabilities(inp.capabilities)
        self._check_plan_against_machine(inp.t)
        if self._end_reason is None:
            self._watch_for_user(inp.t)

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
        self._data_seen(t)
        self._run_flow(t, Signal.DATA)
        self._say_text_cues(t)
        self._watch_speed(t)
        self._watch_ramp_ahead(t)
        self._watch_still_moving(t)
        if data.hr_bpm is not None and not self._hr.strap_is_fresh(t):
            self._check_hr_cap(t)  # the treadmill's is the heart rate in use
            self._follow_hr(t)

    def _on_status(self, inp: io.Status) -> None:
        t, status = inp.t, inp.status
        if self._is_echo(status.kind, t):
            return
        match status.kind:
            case MachineStatusKind.STOPPED_BY_SAFETY_KEY:
                self._machine_stopped(
                    t,
                    tr("Safety key pulled: the treadmill stopped."),
                    AlertLevel.DANGER,
                    AlertCode.SAFETY_KEY_STOP,
                )
            case MachineStatusKind.STOPPED_BY_USER:
                self._machine_stopped(
                    t,
                    tr("Stopped from the treadmill's console."),
                    AlertLevel.WARNING,
                    AlertCode.CONSOLE_STOP,
                )
            case MachineStatusKind.RESET:
                self._machine_stopped(
                    t, tr("The treadmill was reset."), AlertLevel.WARNING, AlertCode.MACHINE_RESET
                )
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
                        tr("The treadmill took back control; asking for it again."),
                        "control_lost",
                    )
            case MachineStatusKind.STARTED_BY_USER:
                if self._reacts(E.CONSOLE_START):
                    self._belt = Belt.CONSOLE  # the runner took over: not fought
                    self._info(t, tr("The belt was started from the treadmill's console."))
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
        if not outcome.ok and not inp.link_up:
            self._cancel_flow()  # failed as the link went: the link-loss input takes over
            return
        self._answer(t, outcome)

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
        self._session_stop = None  # its outcome (if any) is of a link that is gone
        moving = self._belt is Belt.RUNNING or before in MOVING
        speed = self._actual_kmh or 0.0
        self._belt_stopped()
        self._cue(t, CueKind.ALARM, tr("Connection lost!"))
        message = (
            tr(
                "Connection to the treadmill lost. The belt may still be running at {speed}: "
                "use the console or pull the safety key. Reconnecting…",
                speed=Speed(speed),
            )
            if moving
            else tr("Connection to the treadmill lost. Reconnecting…")
        )
        self._alert(t, AlertLevel.DANGER, message, "link_lost")
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
            self._alert(
                t, AlertLevel.DANGER, tr("Could not reconnect to the treadmill."), "link_lost"
            )
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
        self._follow_hr(inp.t)

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
        if (w := self._hr_follow.wake_at) is not None and t >= w - 1e-9:
            self._hr_follow_due(t)
        if self._flow_wake is not None and t >= self._flow_wake - 1e-9:
            self._run_flow(t, Signal.TIME)

    def _on_user_gone(self, inp: io.UserGone) -> None:
        if inp.serial != self._serial or self._end_reason is not None:
            return
        self._end(self._stop_cause)

    def _on_fatal(self, inp: io.Fatal) -> None:
        if self._end_reason is not None:
            return
        self._alert(
            inp.t,
            AlertLevel.DANGER,
            tr("The session stopped on an {error}.", error=inp.message),
            "error",
        )
        self._stop_cause = EndReason.ERROR
        self._cancel_flow()
        self._end(EndReason.ERROR)

    def _on_cancelled(self, inp: io.Cancelled) -> None:
        self._end(EndReason.STOPPED_BY_USER)

    def _on_closing(self, inp: io.Closing) -> None:
        self._cancel_flow()
        self._reconnect_at = self._ask_at = self._hr_slow_at = None
        self._hr_follow.reset()
        may_move = self._belt is Belt.RUNNING or self._state in BELT_MAY_MOVE
        if may_move and inp.link_up:
            self._stop(io.StopKind.FINAL)

    def _on_closed(self, inp: io.Closed) -> None:
        self._emit(EndEvent(self._now(inp.t), self._end_reason or EndReason.ERROR))

    def _reconnected(self, t: float, confirmed: bool) -> None:
        self._unconfirmed(t, confirmed)
        self._belt_stopped()
        if self._owed in LINK_BACK_EVENT:
            event = LINK_BACK_EVENT[self._owed]
        elif not self._started_once:
            event = E.LINK_BACK_NOT_STARTED
            self._stop_cause = EndReason.STOPPED_BY_USER  # nothing ran: no one else's end
        else:
            event = E.LINK_BACK
            self._stop_cause = EndReason.LINK_LOST
        if self._plan_complete():
            self._fire(E.LINK_BACK_STOPPED, t)
            self._end(EndReason.FINISHED)
            return
        self._alert(
            t,
            AlertLevel.INFO,
            tr("Reconnected. The belt was stopped; press resume when you are ready.")
            if event is E.LINK_BACK
            else tr("Reconnected. The belt was stopped; press start when you are ready."),
            "reconnected",
        )
        self._fire(event, t)

    def _machine_stopped(self, t: float, message: str, level: AlertLevel, code: str) -> None:
        was_running = self._belt is Belt.RUNNING or self._state in BELT_MAY_MOVE
        crossed = self._start_in_flight()
        self._belt_stopped()
        self._machine_event(t, E.MACHINE_STOPPED, message, level, cue=was_running, code=code)
        if crossed:
            self._stop_crossed_start(t)

    def _machine_paused(self, t: float) -> None:
        crossed = self._start_in_flight()
        self._belt_stopped()
        message = tr("Paused from the treadmill's console.")
        self._machine_event(
            t, E.MACHINE_PAUSED, message, AlertLevel.WARNING, cue=True, code="machine_paused"
        )
        if crossed:
            self._stop_crossed_start(t)

    def _machine_event(
        self,
        t: float,
        event: EngineEvent,
        message: str,
        level: AlertLevel,
        *,
        cue: bool,
        code: str,
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
            self._alert(t, level, tr("{what} Resume when ready.", what=message), code)
        else:
            if cue:
                self._cue(t, CueKind.STOPPED, message)
            self._alert(
                t,
                level,
                tr("{what} Press start when you are ready.", what=message),
                code,
            )
        self._fire(event, t)


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
