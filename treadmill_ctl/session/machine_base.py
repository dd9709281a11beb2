"""The session machine's base: its data, its outputs (events, commands, STOPs) and its state
table's entry. ``SessionMachine`` (session.machine) is built on it, through the flow
(session.flow)."""

from __future__ import annotations

import logging
import math
from collections import deque
from typing import Final

from treadmill_ctl.ftms.model import CommandOutcome, MachineStatusKind
from treadmill_ctl.hr.cap import HeartRateCap
from treadmill_ctl.hr.source import STRAP_FRESH_S, HeartRateSource
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import (
    AlertEvent,
    AlertLevel,
    CountdownReason,
    CueEvent,
    CueKind,
    EndReason,
    SessionEvent,
    SessionState,
    StateEvent,
)
from treadmill_ctl.session.hr_follow import PhaseFollowing
from treadmill_ctl.session.machine_quirks import MachineSessionSettings
from treadmill_ctl.session.phase_cues import CueClock
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.session.policy import SafetyPolicy
from treadmill_ctl.session.position import PlanPosition, result_words
from treadmill_ctl.session.steps import Belt, Signal, Step
from treadmill_ctl.session.transitions import (
    COUNTING,
    ENDS_SESSION,
    NOT_UNDER_CONSOLE,
    REACTIONS,
    STOP_CAUSES,
    TRANSITIONS,
    WAITING_FOR,
    EngineEvent,
    Owed,
    SpeedBy,
    next_owed,
    next_speed_by,
)
from treadmill_ctl.session.watchdog import DataWatchdog
from treadmill_ctl.settings import Settings
from treadmill_ctl.texts import tr

__all__ = ["MachineBase"]

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
OVERSPEED_RATIO: Final = 1.25  # at a phase's speed, belt above set-point x this ...
OVERSPEED_MARGIN_KMH: Final = 0.5  # ... and above it by this much ...
OVERSPEED_GRACE_S: Final = 2.0  # ... for this long: the machine does not obey, STOP


class MachineBase(PlanPosition):
    """The machine's data and outputs; see ``SessionMachine``."""

    def __init__(
        self,
        plan: Plan,
        settings: Settings,
        *,
        watch_user: bool = False,
        timing: MachineSessionSettings | None = None,
    ) -> None:
        """``watch_user``: whenever the session waits for a user, ask (effect ``Ask``) whether
        one will act; a ``UserGone`` answer ends the session (headless runs). ``timing``: what
        this treadmill's machine check says of its waits (None: never checked, the safe
        defaults)."""
        if not plan.phases:
            raise ValueError("a plan needs at least one phase")
        super().__init__(plan, settings, SafetyPolicy(settings, None))
        self._watch_user = watch_user
        self.timing = timing if timing is not None else MachineSessionSettings()
        self._out: list[io.Effect] = []
        self._t0: float | None = None
        self._serial = 0
        self._end_reason: EndReason | None = None
        self._owed = Owed.NOTHING  # what the user asked for that is still owed (transitions)
        self._speed_by = SpeedBy.PLAN  # who sets the speed in this phase (transitions)
        self._stop_cause = EndReason.STOPPED_BY_USER
        self._last_alert: AlertEvent | None = None
        self._countdown: tuple[int, CountdownReason] | None = None
        self._belt = Belt.STILL
        self._started_once = False  # picks the reconnect's event (LINK_BACK_NOT_STARTED)

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
        self._ramp_down_kmh = 0.0
        self._ramp_down_then = Step.NONE
        self._reached_at: float | None = None
        self._backoff_until = 0.0
        self._sent_value = 0.0  # the last set-point or incline written
        self._skip = False
        self._preset_ok = False  # the start speed was taken as the target before Start
        self._ramp_held = False  # the ramp waits for the belt's reported speed

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
        # is the data still coming? (session.silence; its first limit from the check)
        self._data_watch = DataWatchdog(self.timing.stale_after_s)
        self._control_lost_alert_t = -math.inf
        self._incline_warned = False
        cap_bpm = plan.hr_cap_bpm or settings.hr_cap_bpm
        self._hr_cap = HeartRateCap(cap_bpm) if cap_bpm is not None else None
        self._hr_slow_at: float | None = None
        self._hr_slow: tuple[int, float] = (0, 0.0)  # (phase index, speed)
        self._text_cues = CueClock()  # a phase's text cues (phase_cues.py), each said once
        self._hr_follow = PhaseFollowing(
            forward_cap_kmh=settings.forward_cap_kmh,
            lead_s=float(settings.cue_lead_s),
            fresh_s=STRAP_FRESH_S,
        )

        # waiting for a user, the link
        self._ask_at: float | None = None
        self._reconnect_at: float | None = None
        self._reconnect_since = 0.0
        self._reconnect_attempts = 0
        self._last_wake: float | None = None

    def _fire(self, event: EngineEvent, t: float, *, user: bool = False) -> bool:
        """Take the transition for ``event`` (False: it does not apply in this state)."""
        new = TRANSITIONS.get((self._state, event))
        if new is not None:
            self._owe(event)
            self._speed_from(event)
        if new is None:
            if user:
                self._info(
                    t,
                    tr("'{action}' does not apply now.", action=event.value.removeprefix("user_")),
                )
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
        if new is not old:
            self._emit(StateEvent(now, new))
        if new in WAITING_FOR and self._end_reason is None:
            if (self._owed, new) in ENDS_SESSION:
                self._end(self._stop_cause)
            else:
                self._watch_for_user(t)
        else:
            self._ask_at = None
        if new is S.FINISHED:
            self._end(EndReason.FINISHED)
        return True

    def _reacts(self, event: EngineEvent) -> bool:
        """``event`` acts in this state (``REACTIONS``; a speed watch not while the console
        sets the speed: ``NOT_UNDER_CONSOLE``)."""
        if self._speed_by is SpeedBy.CONSOLE and event in NOT_UNDER_CONSOLE:
            return False
        return (self._state, event) in REACTIONS

    def _owe(self, event: EngineEvent) -> None:
        """The debt region takes ``event`` (transitions.next_owed)."""
        self._owed = next_owed(self._owed, self._state, event)

    def _speed_from(self, event: EngineEvent) -> None:
        """The speed region takes ``event`` (transitions.next_speed_by)."""
        self._speed_by = next_speed_by(self._speed_by, event)

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
            tr("Pause: {result}; stopping the belt instead.", result=result_words(outcome)),
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

    def _stop_for(self, t: float, event: EngineEvent, message: str, code: str) -> None:
        """The one path of a cause that STOPs the session on its own (``STOP_CAUSES``): the
        alert says why, the cause is kept for the end, the flow ends, STOPPING, STOP written."""
        self._alert(t, AlertLevel.DANGER, message, code)
        if (self._state, event) in TRANSITIONS:
            self._stop_cause = STOP_CAUSES[event]
        self._cancel_flow()
        if self._fire(event, t):
            self._start_stop(t, tr("Stopping"))

    def _command_refused(self, t: float, why: str) -> None:
        message = tr("{why} Stopping the session.", why=why)
        self._stop_for(t, E.COMMAND_REFUSED, message, "command_refused")

    def _belt_not_following(self, t: float, why: str) -> None:
        message = tr("{why} Stopping.", why=why)
        self._stop_for(t, E.BELT_NOT_FOLLOWING, message, "belt_not_following")

    def _stop_not_confirmed_alarm(self, t: float) -> None:
        self._cue(t, CueKind.ALARM, tr("STOP not confirmed. Pull the safety key!"))
        self._alert(
            t,
            AlertLevel.DANGER,
            tr("The treadmill did not confirm STOP. Pull the safety key now!"),
            "stop_not_confirmed",
        )

    def _belt_stopped(self) -> None:
        """Nobody moves the belt now (stopped, paused, lost)."""
        self._belt = Belt.STILL
        self._policy.motion_stopped()

    def _complete_phase(self, t: float, *, skipped: bool) -> None:
        super()._complete_phase(t, skipped=skipped)
        if self._hr_cap is not None:
            self._hr_cap.reset()  # a new block is judged on its own readings
        self._hr_slow_at = None
        self._hr_follow.reset()

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
        self._hr_follow.reset()
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
