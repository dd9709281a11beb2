"""What a session tells the world: typed events, one per line of the events file.

Every event is a frozen dataclass with ``to_json()`` returning exactly the object written to the
events file (``treadmill-ctl run --events OUT.jsonl``), recorded by the history and used by the
GUI (cue events are what it plays). ``t`` is session time in seconds on the event loop's clock,
counted from the moment the engine's ``run()`` started.

Objects (extra keys beyond the issue's minimum are marked "+"):

- ``{"t", "type": "command", "op", "value", "wire", "result"}`` (+ ``"detail"`` when not empty)
- ``{"t", "type": "data", "speed_kmh", "distance_m", "incline_pct", "hr_bpm"}``
  (+ ``"elapsed_s", "energy_kcal", "steps"``): what the machine reported, ``null`` when not sent
- ``{"t", "type": "phase", "index", "kind", "direction", "target_speed_kmh", "duration_s"}``
  (+ ``"name", "incline_pct", "count"``)
- ``{"t", "type": "countdown", "remaining_s", "reason": "start|turn|resume"}``
- ``{"t", "type": "state", "state"}``
- ``{"t", "type": "cue", "text", "cue", "value"}``: ``cue`` is a ``CueKind`` for sound/voice
- ``{"t", "type": "alert", "level": "info|warning|danger", "message"}`` (+ ``"code"``: an
  ``alerts.AlertCode``; + ``"params"``: the message as data, ``texts.to_data``, so it can be
  shown in another language and unit; absent for a message that is not translatable)
- ``{"t", "type": "end", "reason": "finished|stopped_by_user|stopped_by_machine|link_lost|error"}``
- ``{"t", "type": "hr", "bpm"}``: a heart-rate strap's reading (``null``: no contact, or the
  strap was lost); the treadmill's own heart rate is in ``data``
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from treadmill_ctl.session.plan import PhaseKind
from treadmill_ctl.texts import to_data
from treadmill_ctl.units import Direction


class SessionState(enum.StrEnum):
    """States of the session engine (the transition table is ``engine.TRANSITIONS``)."""

    IDLE = "idle"  # plan loaded, waiting for the user's start
    STARTING_COUNTDOWN = "starting_countdown"  # user pressed start; belt still stopped
    RAMPING = "ramping"  # set-points stepping towards the phase speed; phase clock not running
    RUNNING_PHASE = "running_phase"  # at the phase speed; phase clock running
    SLOWING_TO_TURN = "slowing_to_turn"  # ramping down to the turning speed, waiting for the belt
    TURN_COUNTDOWN = "turn_countdown"  # belt at/below the turning speed, audible countdown
    PAUSED = "paused"  # belt paused (by the user, the console, or after a reconnect)
    RESUME_COUNTDOWN = "resume_countdown"  # user resumed; countdown before the belt moves again
    STOPPING = "stopping"  # STOP sent, waiting for the machine to confirm
    FINISHING = "finishing"  # plan done: slowing down, then STOP
    STOPPED = "stopped"  # stopped; only a new user start moves the belt again
    FINISHED = "finished"  # plan done, belt stopped
    LINK_LOST = "link_lost"  # link dropped: alarm, reconnecting to the same address


class EndReason(enum.StrEnum):
    """How a session ended (the ``end`` event; ``run`` maps it to an exit status)."""

    FINISHED = "finished"
    STOPPED_BY_USER = "stopped_by_user"
    STOPPED_BY_MACHINE = "stopped_by_machine"
    LINK_LOST = "link_lost"
    ERROR = "error"


class CountdownReason(enum.StrEnum):
    """Why the engine counts down before the belt moves."""

    START = "start"
    TURN = "turn"
    RESUME = "resume"


class CueKind(enum.StrEnum):
    """Machine-readable cue kinds: the GUI chooses a sound or a voice clip from these."""

    COUNTDOWN = "countdown"  # value: seconds left (5, 4, 3, 2, 1)
    GO = "go"  # the belt is about to move (end of a countdown)
    # A turn-around in two cues: TURN_AROUND before the slow-down ("Slowing down in 5: keep
    # running forward"; value: seconds until the slow-down), BELT_STOPPED once the treadmill
    # reports the turning speed ("Belt stopped. Turn around"; value: that speed, 0: stopped).
    TURN_AROUND = "turn_around"
    BELT_STOPPED = "belt_stopped"
    DIRECTION_BACKWARD = "direction_backward"  # value: seconds until it applies
    DIRECTION_FORWARD = "direction_forward"  # value: seconds until it applies
    SPEED = "speed"  # value: the new target speed in km/h, announced before the ramp
    LAST_BLOCK = "last_block"  # the next backward block is the last one
    SESSION_DONE = "session_done"  # the plan is over; the belt is being stopped
    PAUSED = "paused"  # the belt is pausing (user or console)
    STOPPED = "stopped"  # the belt is stopping (STOP, safety key, console)
    ALARM = "alarm"  # link lost, STOP not confirmed: loud
    TEXT = "text"  # a preset's text cue (phase_cues.py): shown, and said by system speech
    NO_DATA = "no_data"  # the treadmill stopped sending its speed: everything automatic waits


class AlertLevel(enum.StrEnum):
    """How loudly an alert must be shown."""

    INFO = "info"
    WARNING = "warning"
    DANGER = "danger"


def _round_t(t: float) -> float:
    return round(t, 3)


@dataclass(frozen=True, slots=True)
class CommandEvent:
    """A control-point command and its checked result (never a pretended success)."""

    t: float
    op: str
    value: float | None
    wire: str
    result: str
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "t": _round_t(self.t),
            "type": "command",
            "op": self.op,
            "value": self.value,
            "wire": self.wire,
            "result": self.result,
        }
        if self.detail:
            out["detail"] = self.detail
        return out


@dataclass(frozen=True, slots=True)
class DataEvent:
    """One Treadmill Data record as the machine reported it (``None``: not sent)."""

    t: float
    speed_kmh: float | None
    distance_m: int | None
    incline_pct: float | None
    hr_bpm: int | None
    elapsed_s: int | None = None
    energy_kcal: int | None = None
    steps: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "t": _round_t(self.t),
            "type": "data",
            "speed_kmh": self.speed_kmh,
            "distance_m": self.distance_m,
            "incline_pct": self.incline_pct,
            "hr_bpm": self.hr_bpm,
            "elapsed_s": self.elapsed_s,
            "energy_kcal": self.energy_kcal,
            "steps": self.steps,
        }


@dataclass(frozen=True, slots=True)
class PhaseEvent:
    """A phase of the plan begins (emitted when the engine starts moving towards it)."""

    t: float
    index: int
    kind: PhaseKind
    direction: Direction
    target_speed_kmh: float
    duration_s: float
    name: str = ""
    incline_pct: float | None = None
    count: int = 0  # number of phases in the plan

    def to_json(self) -> dict[str, Any]:
        return {
            "t": _round_t(self.t),
            "type": "phase",
            "index": self.index,
            "kind": str(self.kind),
            "direction": str(self.direction),
            "target_speed_kmh": self.target_speed_kmh,
            "duration_s": self.duration_s,
            "name": self.name,
            "incline_pct": self.incline_pct,
            "count": self.count,
        }


@dataclass(frozen=True, slots=True)
class CountdownEvent:
    """One second of a countdown before the belt moves (``remaining_s`` = 5, 4, ... 1)."""

    t: float
    remaining_s: int
    reason: CountdownReason

    def to_json(self) -> dict[str, Any]:
        return {
            "t": _round_t(self.t),
            "type": "countdown",
            "remaining_s": self.remaining_s,
            "reason": str(self.reason),
        }


@dataclass(frozen=True, slots=True)
class StateEvent:
    """The engine entered ``state``."""

    t: float
    state: SessionState

    def to_json(self) -> dict[str, Any]:
        return {"t": _round_t(self.t), "type": "state", "state": str(self.state)}


@dataclass(frozen=True, slots=True)
class CueEvent:
    """Something the runner must hear *before* it happens (see ``CueKind``)."""

    t: float
    text: str
    cue: CueKind
    value: float | int | str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "t": _round_t(self.t),
            "type": "cue",
            "text": self.text,
            "cue": str(self.cue),
            "value": self.value,
        }


@dataclass(frozen=True, slots=True)
class AlertEvent:
    """Something the user must see: ``code`` says what for the GUI (e.g. ``link_lost``)."""

    t: float
    level: AlertLevel
    message: str
    code: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "t": _round_t(self.t),
            "type": "alert",
            "level": str(self.level),
            "message": self.message,
            "code": str(self.code),
        }
        params = to_data(self.message)
        if params is not None:
            out["params"] = params
        return out


@dataclass(frozen=True, slots=True)
class EndEvent:
    """The session is over; always the last event of a run."""

    t: float
    reason: EndReason

    def to_json(self) -> dict[str, Any]:
        return {"t": _round_t(self.t), "type": "end", "reason": str(self.reason)}


@dataclass(frozen=True, slots=True)
class HeartRateEvent:
    """A heart-rate strap's reading (``bpm`` None: no contact, or the strap was lost)."""

    t: float
    bpm: int | None

    def to_json(self) -> dict[str, Any]:
        return {"t": _round_t(self.t), "type": "hr", "bpm": self.bpm}


type SessionEvent = (
    CommandEvent
    | DataEvent
    | PhaseEvent
    | CountdownEvent
    | StateEvent
    | CueEvent
    | AlertEvent
    | EndEvent
    | HeartRateEvent
)
