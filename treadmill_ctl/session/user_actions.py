"""The user's actions in the session machine: start, stop, pause, resume, skip, extend, a
speed change and end, each looked up in the tables (``TRANSITIONS`` for those that change the
state, ``REACTIONS`` for the others) and refused in words when it does not apply now. A base of
``SessionMachine``; pure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import (
    AlertLevel,
    CountdownReason,
    CueKind,
    EndReason,
    SessionState,
)
from treadmill_ctl.session.steps import Belt
from treadmill_ctl.session.transitions import END_HOW, TRANSITIONS, EndHow, EngineEvent
from treadmill_ctl.session.watches import WatchMachine
from treadmill_ctl.texts import tr

__all__ = ["UserActionMachine"]

S = SessionState
E = EngineEvent

_USER_EVENTS: Final = {
    io.UserAction.START: E.USER_START,
    io.UserAction.STOP: E.USER_STOP,
    io.UserAction.PAUSE: E.USER_PAUSE,
    io.UserAction.SKIP: E.USER_SKIP,
    io.UserAction.EXTEND: E.USER_EXTEND,
    io.UserAction.SPEED: E.USER_SPEED,
    io.UserAction.END: E.USER_END,
}


class UserActionMachine(WatchMachine):
    """The user's actions (see the module docstring)."""

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
        if not self._reacts(event):
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

    def _after_start(self, t: float) -> None:
        self._new_flow(t, CountdownReason.START)

    def _after_pause(self, t: float) -> None:
        self._cancel_flow()
        self._cue(t, CueKind.PAUSED, tr("Pausing"))
        if self._belt is Belt.RUNNING:
            self._pause_cmds.add(self._pause(t))

    def _user_resume(self, t: float) -> None:
        event = E.USER_RESUME_AT_TURN if self._turn_pending() else E.USER_RESUME
        if (self._state, event) not in TRANSITIONS:
            self._info(t, tr("Resume only works while paused."))
            return
        self._fire(event, t)
        reason = CountdownReason.TURN if event is E.USER_RESUME_AT_TURN else CountdownReason.RESUME
        self._new_flow(t, reason)

    def _user_stop(self, t: float) -> None:
        new = TRANSITIONS.get((self._state, E.USER_STOP))
        if new is None:
            return  # stopping already, or over
        self._stop_cause = EndReason.STOPPED_BY_USER
        if new is S.LINK_LOST:  # owed (transitions.Owed.STOP): written once the link is back
            self._alert(
                t,
                AlertLevel.WARNING,
                tr(
                    "STOP will be sent the moment the treadmill is reachable again. "
                    "If the belt moves, pull the safety key."
                ),
                "stop_pending",
            )
            self._fire(E.USER_STOP, t)
            return
        self._fire(E.USER_STOP, t)
        self._start_stop(t, tr("Stopping"))

    def _user_speed(self, t: float, delta_kmh: float) -> None:
        phase = self._plan.phases[self._index]
        if self._facing is None or phase.direction is not self._facing:
            self._info(t, _NOT_NOW[E.USER_SPEED])
            return
        decision = self._policy.allowed_target(phase.direction, self._target_kmh() + delta_kmh)
        if decision.limited_by:
            self._info(t, tr("Limited by the {limit}.", limit=decision.limited_by))
        self._override_kmh = decision.kmh
        self._speed_from(E.USER_SPEED)
        self._poke(t)

    def _user_end(self, t: float) -> None:
        how = END_HOW[self._state]
        self._owe(E.USER_END)  # STOP first: the session ends once it is STOPPED
        if how is EndHow.AT_ONCE and self._belt is not Belt.RUNNING:
            self._end(self._stop_cause)
        elif how is EndHow.LINK_LOST:
            self._end(EndReason.LINK_LOST)  # nothing can be stopped now
        elif how is not EndHow.WAIT:
            self._user_stop(t)


_NOT_NOW: Final = {
    E.USER_SKIP: tr("Skip works while a phase runs (not during a turn-around or a pause)."),
    E.USER_EXTEND: tr("Extend works while a phase runs."),
    E.USER_SPEED: tr("Speed changes work while a phase runs."),
    E.USER_END: tr("The session is over."),
}

_AFTER_USER: Final[dict[EngineEvent, Callable[[UserActionMachine, float], None]]] = {
    E.USER_START: UserActionMachine._after_start,
    E.USER_PAUSE: UserActionMachine._after_pause,
}
