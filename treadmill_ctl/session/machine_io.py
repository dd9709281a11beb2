"""What goes into the session machine (inputs) and what comes out of it (effects).

Every input carries ``t``: the event loop's time (s) when it happened; the machine reads no
clock of its own. Effects are plain data that the runner carries out (or, in the property
tests, that a test inspects): nothing here does any I/O.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from treadmill_ctl.ftms.model import (
    Capabilities,
    CommandOutcome,
    MachineStatus,
    StopOutcome,
    TreadmillData,
)
from treadmill_ctl.session.events import EndReason, SessionEvent

__all__ = [
    "Ask",
    "Begin",
    "Cancelled",
    "Closed",
    "Closing",
    "Cmd",
    "CommandDone",
    "CommandReport",
    "Connect",
    "ConnectFailed",
    "Data",
    "Effect",
    "Emit",
    "End",
    "Fatal",
    "HeartRate",
    "Input",
    "LinkBack",
    "LinkLost",
    "Opening",
    "Resubscribe",
    "Send",
    "SendStop",
    "Status",
    "StopDone",
    "StopKind",
    "Tick",
    "User",
    "UserAction",
    "UserGone",
    "WakeAt",
]


class UserAction(enum.StrEnum):
    """What a user can ask of a session (keys, buttons, a headless ``--inject``)."""

    START = "start"
    STOP = "stop"
    PAUSE = "pause"
    RESUME = "resume"
    TOGGLE_PAUSE = "toggle_pause"
    SKIP = "skip"
    EXTEND = "extend"
    SPEED = "speed"
    END = "end"


class Cmd(enum.StrEnum):
    """A normal (queued) command for the treadmill."""

    START = "start"
    PAUSE = "pause"
    SET_SPEED = "set_speed"
    SET_INCLINE = "set_incline"


class StopKind(enum.StrEnum):
    """Why a STOP is written (each kind's answer is handled its own way)."""

    SESSION = "session"  # the user's STOP, a refused command, overspeed...: -> STOPPED
    FINISH = "finish"  # the end of the plan: -> FINISHED
    QUIET = "quiet"  # the belt keeps moving while paused/stopped: no state change
    PAUSE_REFUSED = "pause_refused"  # a refused pause must still stop the belt
    RECONNECTED = "reconnected"  # the first command after a reconnect
    FINAL = "final"  # at the end of run(): the belt may still move


# ---- inputs -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Opening:
    """``run()`` began (before connecting)."""

    t: float


@dataclass(frozen=True, slots=True)
class Begin:
    """The treadmill is reachable (or known not to be: ``error``): session time 0 is ``t``."""

    t: float
    capabilities: Capabilities | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class User:
    """A user action; ``value``: seconds for EXTEND, km/h for SPEED."""

    t: float
    action: UserAction
    value: float = 0.0


@dataclass(frozen=True, slots=True)
class Data:
    """A Treadmill Data record."""

    t: float
    data: TreadmillData


@dataclass(frozen=True, slots=True)
class Status:
    """A Fitness Machine Status notification."""

    t: float
    status: MachineStatus


@dataclass(frozen=True, slots=True)
class CommandDone:
    """The answer to the machine's ``Send`` number ``cmd``; ``link_up``: the link was still
    connected when it came."""

    t: float
    cmd: int
    outcome: CommandOutcome
    link_up: bool = True


@dataclass(frozen=True, slots=True)
class StopDone:
    """The outcome of ``SendStop`` number ``cmd`` (``None``: the STOP raised)."""

    t: float
    cmd: int
    outcome: StopOutcome | None


@dataclass(frozen=True, slots=True)
class CommandReport:
    """Any command's outcome as the link reports it (for the ``command`` event)."""

    t: float
    outcome: CommandOutcome


@dataclass(frozen=True, slots=True)
class LinkLost:
    t: float


@dataclass(frozen=True, slots=True)
class LinkBack:
    """A reconnect succeeded."""

    t: float
    capabilities: Capabilities | None


@dataclass(frozen=True, slots=True)
class ConnectFailed:
    """A reconnect attempt failed; ``user_can_act``: a user action may still come."""

    t: float
    error: str
    user_can_act: bool = True


@dataclass(frozen=True, slots=True)
class HeartRate:
    """A strap's reading (``None``: no contact or lost)."""

    t: float
    bpm: int | None


@dataclass(frozen=True, slots=True)
class Tick:
    """The time asked for by ``WakeAt`` (or later) has come."""

    t: float


@dataclass(frozen=True, slots=True)
class UserGone:
    """The answer to ``Ask`` number ``serial``: no user action will come (headless)."""

    t: float
    serial: int


@dataclass(frozen=True, slots=True)
class Fatal:
    """An internal error outside the machine (a failed task): end the session."""

    t: float
    message: str


@dataclass(frozen=True, slots=True)
class Cancelled:
    """``run()`` was cancelled."""

    t: float


@dataclass(frozen=True, slots=True)
class Closing:
    """The session has ended and its pending STOP is answered: stop the belt if it may move
    (``link_up``: the link is connected)."""

    t: float
    link_up: bool


@dataclass(frozen=True, slots=True)
class Closed:
    """Everything is done: the end event."""

    t: float


type Input = (
    Opening
    | Begin
    | User
    | Data
    | Status
    | CommandDone
    | StopDone
    | CommandReport
    | LinkLost
    | LinkBack
    | ConnectFailed
    | HeartRate
    | Tick
    | UserGone
    | Fatal
    | Cancelled
    | Closing
    | Closed
)


# ---- effects ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Send:
    """Write a normal command (one at a time, in order); answer with ``CommandDone``."""

    cmd: int
    op: Cmd
    value: float | None = None


@dataclass(frozen=True, slots=True)
class SendStop:
    """Write STOP now, whatever is pending; answer with ``StopDone``."""

    cmd: int
    kind: StopKind


@dataclass(frozen=True, slots=True)
class Connect:
    """Try to reconnect (same address); answer with ``LinkBack`` or ``ConnectFailed``."""


@dataclass(frozen=True, slots=True)
class Emit:
    """Tell the listeners."""

    event: SessionEvent


@dataclass(frozen=True, slots=True)
class End:
    """The session is over: ``run()`` returns ``reason`` (after ``Closing``/``Closed``)."""

    reason: EndReason


@dataclass(frozen=True, slots=True)
class WakeAt:
    """Send a ``Tick`` at loop time ``t`` (replaces any earlier ``WakeAt``; ``None``: none)."""

    t: float | None


@dataclass(frozen=True, slots=True)
class Ask:
    """Headless: ask whether a user action may still come; if not, answer ``UserGone``."""

    serial: int


@dataclass(frozen=True, slots=True)
class Resubscribe:
    """Subscribe to Treadmill Data again (the link is up, the data stopped); no answer: the
    data coming back is the answer."""


type Effect = Send | SendStop | Connect | Emit | End | WakeAt | Ask | Resubscribe
