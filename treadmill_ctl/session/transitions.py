"""The session machine's tables: every state change and every in-state reaction, by state.

``TRANSITIONS`` maps ``(state, event) -> next state``. ``REACTIONS`` lists the events that act
within a state without leaving it (a skip, a speed change, a watchdog). A pair in neither table
does not apply in that state: it is ignored (a user action gets an ``info`` alert). The flow
inside the moving states has its own table of steps (``session.flow``). Nothing else in the
machine asks which state it is in.
"""

from __future__ import annotations

import enum
from typing import Final

from treadmill_ctl.session.events import EndReason, SessionState

__all__ = [
    "BELT_MAY_MOVE",
    "COUNTING",
    "DATA_WATCHED",
    "ENDS_SESSION",
    "END_HOW",
    "LINK_BACK_EVENT",
    "MOVING",
    "NOT_UNDER_CONSOLE",
    "REACTIONS",
    "STOP_CAUSES",
    "TRANSITIONS",
    "WAITING_FOR",
    "EndHow",
    "EngineEvent",
    "Owed",
    "SpeedBy",
    "next_owed",
    "next_speed_by",
]


class EngineEvent(enum.StrEnum):
    """What drives the machine: user actions, the clock, the plan and the machine. One event
    per cause."""

    USER_START = "user_start"
    USER_STOP = "user_stop"
    USER_PAUSE = "user_pause"
    USER_RESUME = "user_resume"  # resume within a phase
    USER_RESUME_AT_TURN = "user_resume_at_turn"  # resume where a turn-around is due
    USER_SKIP = "user_skip"
    USER_EXTEND = "user_extend"
    USER_SPEED = "user_speed"
    USER_END = "user_end"
    COUNTDOWN_DONE = "countdown_done"
    TARGET_REACHED = "target_reached"  # reported speed at the phase's: its clock starts
    PHASE_DONE_SAME_DIRECTION = "phase_done_same_direction"  # time up (or skipped)
    PHASE_DONE_TURN = "phase_done_turn"  # time up, next phase faces the other way
    PLAN_DONE = "plan_done"
    BELT_AT_TURNING_SPEED = "belt_at_turning_speed"  # *reported* speed at or below it
    STOP_CONFIRMED = "stop_confirmed"
    STOP_NOT_CONFIRMED = "stop_not_confirmed"
    MACHINE_STOPPED = "machine_stopped"  # safety key, console stop, reset
    MACHINE_PAUSED = "machine_paused"  # console pause
    COMMAND_REFUSED = "command_refused"  # the machine refused a start or set-points
    BELT_NOT_FOLLOWING = "belt_not_following"  # the belt did not slow down / the ramp stalled
    OVERSPEED = "overspeed"  # the belt runs clearly faster than asked or allowed
    BELT_AHEAD = "belt_ahead"  # the belt runs ahead of the ramp (e.g. a remembered target)
    POLICY_REFUSED = "policy_refused"  # the safety policy refused a set-point (a bug)
    STILL_MOVING = "still_moving"  # paused/stopped, yet the belt keeps running
    DATA_LOST = "data_lost"  # no Treadmill Data for long while the belt should move
    CONSOLE_SPEED = "console_speed"  # the runner changed the speed on the console
    CONSOLE_START = "console_start"  # the runner started the belt on the console
    HR_READING = "hr_reading"  # a heart-rate reading to judge against the cap
    HR_SLOW_DOWN = "hr_slow_down"  # the heart-rate cap's slow-down, cued earlier, is due
    HR_FOLLOW_STEP = "hr_follow_step"  # a step of a phase that follows the heart rate is due
    TEXT_CUE = "text_cue"  # a data record: a preset's text cue may be due (phase clock)
    SPEED_WATCH = "speed_watch"  # a data record to judge against the caps (overspeed)
    SETPOINT_WATCH = "setpoint_watch"  # ... and against the set-point (at a phase's speed)
    RAMP_WATCH = "ramp_watch"  # ... and against the ramp (from the Start to the phase's speed)
    LINK_LOST = "link_lost"
    LINK_BACK = "link_back"  # reconnected, STOP sent: paused, waits for the user
    LINK_BACK_STOPPED = "link_back_stopped"  # ... the session was stopped before
    LINK_BACK_NOT_STARTED = "link_back_not_started"  # ... the session never started


class Owed(enum.IntEnum):
    """The machine's third region (beside its state and ``steps.Belt``): what the user asked
    for that the session still owes. Ordered: a debt only grows until it is settled."""

    NOTHING = 0
    STOP = 1  # a STOP asked for (or under way) when the link was lost: the link comes back STOPPED
    END = 2  # the user's END while the belt may move: the session ends once it is STOPPED


class SpeedBy(enum.StrEnum):
    """The machine's fourth region: who sets the belt's speed in the current phase."""

    PLAN = "plan"  # the plan, the user's ± or the heart rate, through the ramp
    CONSOLE = "console"  # the runner set it on the console: followed, not fought, this phase


S = SessionState
E = EngineEvent

_MOVING: Final = (S.RAMPING, S.RUNNING_PHASE, S.SLOWING_TO_TURN)
_COUNTDOWNS: Final = (S.STARTING_COUNTDOWN, S.TURN_COUNTDOWN, S.RESUME_COUNTDOWN)
_ACTIVE: Final = (*_MOVING, *_COUNTDOWNS)
_NOT_ENDED: Final = tuple(s for s in SessionState if s is not S.FINISHED)
_PHASE_RUNS: Final = (S.RAMPING, S.RUNNING_PHASE)


def _build_transitions() -> dict[tuple[SessionState, EngineEvent], SessionState]:
    t: dict[tuple[SessionState, EngineEvent], SessionState] = {
        # start: explicit user start, then a countdown before the belt moves
        (S.IDLE, E.USER_START): S.STARTING_COUNTDOWN,
        (S.STOPPED, E.USER_START): S.STARTING_COUNTDOWN,
        (S.STARTING_COUNTDOWN, E.COUNTDOWN_DONE): S.RAMPING,
        # a phase: ramp to its speed, then its clock runs
        (S.RAMPING, E.TARGET_REACHED): S.RUNNING_PHASE,
        (S.RUNNING_PHASE, E.PHASE_DONE_SAME_DIRECTION): S.RAMPING,
        (S.RAMPING, E.PHASE_DONE_SAME_DIRECTION): S.RAMPING,  # skipped while ramping
        # turn-around: slow down, *reported* speed at the turning speed, countdown, ramp
        (S.RUNNING_PHASE, E.PHASE_DONE_TURN): S.SLOWING_TO_TURN,
        (S.RAMPING, E.PHASE_DONE_TURN): S.SLOWING_TO_TURN,
        (S.SLOWING_TO_TURN, E.BELT_AT_TURNING_SPEED): S.TURN_COUNTDOWN,
        (S.TURN_COUNTDOWN, E.COUNTDOWN_DONE): S.RAMPING,
        # the end of the plan
        (S.RUNNING_PHASE, E.PLAN_DONE): S.FINISHING,
        (S.RAMPING, E.PLAN_DONE): S.FINISHING,
        (S.FINISHING, E.STOP_CONFIRMED): S.FINISHED,
        (S.FINISHING, E.STOP_NOT_CONFIRMED): S.FINISHED,
        (S.FINISHING, E.MACHINE_STOPPED): S.FINISHED,
        (S.FINISHING, E.MACHINE_PAUSED): S.FINISHED,
        # pause / resume (a resume counts down again; at a turn it is the turn's countdown)
        (S.PAUSED, E.USER_RESUME): S.RESUME_COUNTDOWN,
        (S.PAUSED, E.USER_RESUME_AT_TURN): S.TURN_COUNTDOWN,
        (S.RESUME_COUNTDOWN, E.COUNTDOWN_DONE): S.RAMPING,
        # STOP: from anywhere, confirmed or not; nothing but a new user start leaves STOPPED
        (S.STOPPING, E.STOP_CONFIRMED): S.STOPPED,
        (S.STOPPING, E.STOP_NOT_CONFIRMED): S.STOPPED,
        (S.LINK_LOST, E.USER_STOP): S.LINK_LOST,  # sent as soon as the link is back
        # link loss: alarm, reconnect, STOP first, then wait for the user
        (S.LINK_LOST, E.LINK_BACK): S.PAUSED,
        (S.LINK_LOST, E.LINK_BACK_STOPPED): S.STOPPED,
        (S.LINK_LOST, E.LINK_BACK_NOT_STARTED): S.IDLE,
    }
    for s in _ACTIVE:
        t[(s, E.USER_PAUSE)] = S.PAUSED
        t[(s, E.MACHINE_PAUSED)] = S.PAUSED
    for s in (*_ACTIVE, S.PAUSED, S.STOPPING):
        t[(s, E.MACHINE_STOPPED)] = S.STOPPED
    t[(S.STOPPED, E.MACHINE_STOPPED)] = S.STOPPED
    t[(S.IDLE, E.MACHINE_STOPPED)] = S.IDLE
    for s in (*_ACTIVE, S.PAUSED, S.FINISHING):
        # each cause its own event, each one STOPs the belt
        t[(s, E.COMMAND_REFUSED)] = S.STOPPING
        t[(s, E.BELT_NOT_FOLLOWING)] = S.STOPPING
        t[(s, E.POLICY_REFUSED)] = S.STOPPING
    for s in _MOVING:
        t[(s, E.OVERSPEED)] = S.STOPPING
    for s in (*_ACTIVE, S.FINISHING):
        t[(s, E.DATA_LOST)] = S.STOPPING
    for s in _MOVING:
        t[(s, E.BELT_AHEAD)] = S.STOPPING
    for s in (S.IDLE, *_ACTIVE, S.PAUSED, S.STOPPED, S.FINISHING):
        t[(s, E.USER_STOP)] = S.STOPPING
    for s in _NOT_ENDED:
        if s is not S.LINK_LOST:
            t[(s, E.LINK_LOST)] = S.LINK_LOST
    return t


TRANSITIONS: Final[dict[tuple[SessionState, EngineEvent], SessionState]] = _build_transitions()
"""The state machine: ``(state, event) -> next state``. A pair not in the table (nor in
``REACTIONS``) is an event that does not apply in that state."""


def _build_reactions() -> frozenset[tuple[SessionState, EngineEvent]]:
    r: set[tuple[SessionState, EngineEvent]] = set()
    for s in _PHASE_RUNS:
        r |= {(s, E.USER_SKIP), (s, E.USER_EXTEND), (s, E.USER_SPEED), (s, E.CONSOLE_SPEED)}
    for s in _MOVING:
        r |= {(s, E.HR_READING), (s, E.HR_SLOW_DOWN), (s, E.HR_FOLLOW_STEP), (s, E.SPEED_WATCH)}
    r.add((S.RUNNING_PHASE, E.SETPOINT_WATCH))
    r.add((S.RUNNING_PHASE, E.TEXT_CUE))
    r.add((S.RAMPING, E.RAMP_WATCH))
    for s in (S.PAUSED, S.STOPPED):
        r.add((s, E.STILL_MOVING))
    for s in (S.IDLE, S.STOPPED, S.PAUSED, S.STOPPING, S.FINISHING, S.LINK_LOST):
        r.add((s, E.CONSOLE_START))
    for s in _NOT_ENDED:
        r.add((s, E.USER_END))
    return frozenset(r)


REACTIONS: Final[frozenset[tuple[SessionState, EngineEvent]]] = _build_reactions()
"""Events that act within a state (no state change)."""

WAITING_FOR: Final[dict[SessionState, str]] = {
    S.IDLE: "start",
    S.STOPPED: "start",
    S.PAUSED: "resume",
}
"""The user action a state waits for (the screen's hint; headless asks whether it comes)."""

BELT_MAY_MOVE: Final[frozenset[SessionState]] = frozenset((*_MOVING, S.PAUSED, S.FINISHING))
"""States in which the belt may still move when the session ends (run() stops it then)."""

MOVING: Final[frozenset[SessionState]] = frozenset(_MOVING)
"""States in which the session moves the belt."""

DATA_WATCHED: Final[frozenset[SessionState]] = frozenset({*_MOVING, *_COUNTDOWNS, S.FINISHING})
"""States in which the session changes what the belt does on its own: it needs live data
(session.silence)."""

COUNTING: Final[frozenset[SessionState]] = frozenset(_COUNTDOWNS)
"""States that count down (the countdown shown is cleared on leaving them)."""


class EndHow(enum.StrEnum):
    """What the user's END does in a state."""

    AT_ONCE = "at_once"  # nothing moves: the session ends now (else: STOP first)
    LINK_LOST = "link_lost"  # nothing can be sent: the session ends, link lost
    STOP = "stop"  # STOP first; the session ends once the belt is stopped
    WAIT = "wait"  # STOP is under way: the session ends when it is done


END_HOW: Final[dict[SessionState, EndHow]] = {
    **{s: EndHow.STOP for s in SessionState},
    S.IDLE: EndHow.AT_ONCE,
    S.STOPPED: EndHow.AT_ONCE,
    S.LINK_LOST: EndHow.LINK_LOST,
    S.STOPPING: EndHow.WAIT,
}


STOP_CAUSES: Final[dict[EngineEvent, EndReason]] = {
    E.COMMAND_REFUSED: EndReason.STOPPED_BY_MACHINE,
    E.BELT_NOT_FOLLOWING: EndReason.ERROR,
    E.OVERSPEED: EndReason.STOPPED_BY_MACHINE,
    E.BELT_AHEAD: EndReason.STOPPED_BY_MACHINE,
    E.POLICY_REFUSED: EndReason.ERROR,
    E.DATA_LOST: EndReason.STOPPED_BY_MACHINE,
}
"""The causes that STOP the session on their own, and how a session that ends after one of
them ended (``SessionMachine._stop_for`` is the one path they take)."""

NOT_UNDER_CONSOLE: Final[frozenset[EngineEvent]] = frozenset(
    {E.SPEED_WATCH, E.SETPOINT_WATCH, E.RAMP_WATCH}
)
"""Reactions that do not apply while the console sets the speed (``SpeedBy.CONSOLE``): a belt
the runner sped up on the console is not overspeed, nor ahead of the ramp."""

_SPEED_BY: Final[dict[EngineEvent, SpeedBy]] = {
    E.CONSOLE_SPEED: SpeedBy.CONSOLE,
    E.USER_SPEED: SpeedBy.PLAN,
    E.HR_SLOW_DOWN: SpeedBy.PLAN,
    E.HR_FOLLOW_STEP: SpeedBy.PLAN,
    E.PHASE_DONE_SAME_DIRECTION: SpeedBy.PLAN,
    E.PHASE_DONE_TURN: SpeedBy.PLAN,
    E.PLAN_DONE: SpeedBy.PLAN,
}


def next_speed_by(speed_by: SpeedBy, event: EngineEvent) -> SpeedBy:
    """Who sets the speed after ``event``: the console from its change to the end of the
    phase, unless the user or the heart rate sets one since."""
    return _SPEED_BY.get(event, speed_by)


def _build_owes() -> dict[tuple[SessionState, EngineEvent], Owed]:
    owes = {
        (S.LINK_LOST, E.USER_STOP): Owed.STOP,  # sent as soon as the link is back
        (S.STOPPING, E.LINK_LOST): Owed.STOP,  # STOP was the last word
        (S.STOPPED, E.LINK_LOST): Owed.STOP,
    }
    for s, how in END_HOW.items():
        if how in (EndHow.STOP, EndHow.WAIT):
            owes[(s, E.USER_END)] = Owed.END
    return owes


_OWES: Final = _build_owes()
_SETTLES_STOP: Final = frozenset({E.LINK_BACK, E.LINK_BACK_STOPPED, E.LINK_BACK_NOT_STARTED})


def next_owed(owed: Owed, state: SessionState, event: EngineEvent) -> Owed:
    """What the session owes after ``event`` in ``state``: a debt only grows, and a STOP owed
    is settled by the reconnect's STOP (an END stays owed until the session ends)."""
    if event in _SETTLES_STOP and owed is Owed.STOP:
        return Owed.NOTHING
    return max(owed, _OWES.get((state, event), Owed.NOTHING))


LINK_BACK_EVENT: Final[dict[Owed, EngineEvent]] = {
    Owed.STOP: E.LINK_BACK_STOPPED,
    Owed.END: E.LINK_BACK_STOPPED,
}
"""A reconnect with a debt comes back STOPPED; without one it is ``LINK_BACK`` (paused), or
``LINK_BACK_NOT_STARTED`` when the belt was never started (an input: ``SessionMachine``)."""

ENDS_SESSION: Final[frozenset[tuple[Owed, SessionState]]] = frozenset({(Owed.END, S.STOPPED)})
"""Entering the state with this debt ends the session (the END asked for)."""
