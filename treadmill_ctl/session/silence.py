"""The session's answer to a treadmill that goes quiet (Treadmill Data stops, the link stays
up): a firmware that hangs, a subscription the Bluetooth stack lost.

Data older than ``max(2 s, 3 × the measured record interval)`` while the belt should move
(``session.watchdog``; or while the flow waits for a belt last reported moving to slow down):
a warning with its sound, the values shown as stale, every automatic change held (a speed
increase, a turn-around, a start: ``FlowMachine`` asks ``holding``), and one re-subscription
to the data (``machine_io.Resubscribe``). Still silent ``GIVE_UP_AFTER_S`` later: STOP, and
the session says why; the user decides what next. Data that comes back before that ends the
warning and the flow goes on from where it held. STOP is never held.
"""

from __future__ import annotations

from typing import Final

from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import AlertLevel, CueKind
from treadmill_ctl.session.flow import FlowMachine
from treadmill_ctl.session.machine_base import OVERSPEED_MARGIN_KMH, STILL_KMH
from treadmill_ctl.session.steps import Belt, Step
from treadmill_ctl.session.transitions import DATA_WATCHED, EngineEvent
from treadmill_ctl.session.watchdog import GIVE_UP_AFTER_S, Verdict
from treadmill_ctl.texts import Speed, tr

__all__ = ["NO_DATA_STOP_MESSAGE", "SilenceMachine"]

NO_DATA_STOP_MESSAGE: Final = "The treadmill stopped sending its speed"

RAN_AHEAD_KMH: Final = OVERSPEED_MARGIN_KMH  # data back, belt above what was asked by this: STOP

_WAITS_FOR_BELT: Final = frozenset({Step.WAIT_STILL, Step.WAIT_TURNING})
"""Steps that wait for the reported belt to slow down: while it was last reported moving, its
data must keep coming (a stale speed would make them wait for ever)."""


class SilenceMachine(FlowMachine):
    """The data watchdog's side of ``SessionMachine`` (see the module docstring)."""

    def _data_seen(self, t: float) -> None:
        """A Treadmill Data record came (before the flow looks at it)."""
        if self._data_watch.seen(t) and self._end_reason is None:
            if self._ran_ahead_unseen(t):
                return
            self._alert(
                t,
                AlertLevel.INFO,
                tr("The treadmill sends its speed again: the session goes on."),
                "data_back",
            )
            self._poke(t)  # a held ramp or turn goes on now

    def _ran_ahead_unseen(self, t: float) -> bool:
        """The data is back and the belt runs faster than the session let it (a console that
        went on to a remembered speed while nobody could see it): STOP, never adopt it."""
        asked = max(self._policy.last_setpoint[0], self._policy.machine_min_kmh)
        actual = self._actual_kmh or 0.0
        if (
            self._state not in DATA_WATCHED
            or actual <= asked + RAN_AHEAD_KMH + self._policy.step_kmh
        ):
            return False
        message = tr(
            "The belt runs at {actual} after the treadmill was silent (the session "
            "asked for {asked}): stopping.",
            actual=Speed(actual),
            asked=Speed(asked),
        )
        self._stop_for(t, EngineEvent.DATA_LOST, message, "data_lost")
        return True

    def _watch_data(self, t: float) -> None:
        """After every input: is the data still fresh while the belt should move?"""
        if self._end_reason is not None:
            return
        waits_for_belt = self._step in _WAITS_FOR_BELT and (self._actual_kmh or 0.0) > STILL_KMH
        should_move = self._state in DATA_WATCHED and (
            self._belt is Belt.RUNNING or self._data_watch.holding or waits_for_belt
        )
        match self._data_watch.watch(t, belt_should_move=should_move):
            case Verdict.STALE:
                self._data_stale(t)
            case Verdict.GIVE_UP:
                self._data_lost(t)
            case Verdict.LET_GO | Verdict.NONE:
                pass

    def _data_stale(self, t: float) -> None:
        silent = self._data_watch.silent_s(t)
        self._cue(t, CueKind.NO_DATA, tr("No speed from the treadmill"))
        self._alert(
            t,
            AlertLevel.WARNING,
            tr(
                "No speed from the treadmill for {silent} s: holding every automatic change "
                "and asking it again. The session stops in {give_up} s unless it answers.",
                silent=f"{silent:.0f}",
                give_up=f"{GIVE_UP_AFTER_S:.0f}",
            ),
            "data_stale",
        )
        self._out.append(io.Resubscribe())

    def _data_lost(self, t: float) -> None:
        silent = self._data_watch.silent_s(t)
        message = tr(
            "The treadmill stopped sending its speed ({silent} s without data): stopping. "
            "Check the treadmill, then press start to go on or END to finish.",
            silent=f"{silent:.0f}",
        )
        self._stop_for(t, EngineEvent.DATA_LOST, message, "data_lost")
