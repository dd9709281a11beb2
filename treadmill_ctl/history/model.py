"""What the history holds, as plain frozen values: the API the GUI's History screen, the CLI and
the exporters read. No I/O here.

Times: ``t`` is session time in seconds (the engine's clock, 0 at the start of the session);
``started_at`` is the wall-clock start with its UTC offset, so ``started_at + t`` is the wall
time of anything in the session.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from treadmill_ctl.statistics import is_complete
from treadmill_ctl.texts import from_data
from treadmill_ctl.units import Direction


class Ending(enum.StrEnum):
    """How a session ended, as shown in the list. The first five are the engine's ``end``
    reasons; the last two are the history's own words for a session with no end recorded."""

    FINISHED = "finished"
    STOPPED_BY_USER = "stopped_by_user"
    STOPPED_BY_MACHINE = "stopped_by_machine"
    LINK_LOST = "link_lost"
    ERROR = "error"
    INTERRUPTED = "interrupted"  # no end recorded and nobody is recording it: crash, kill
    IN_PROGRESS = "in_progress"  # no end recorded yet, and it is being recorded right now
    DAMAGED = "damaged"  # the row holds values that cannot be read (see SessionSummary.damage)

    @property
    def incomplete(self) -> bool:
        """True when the record stops short of an end the engine reported."""
        return self in (Ending.INTERRUPTED, Ending.IN_PROGRESS, Ending.DAMAGED)


@dataclass(frozen=True, slots=True)
class SessionHeader:
    """What is known when a session starts (the engine's events carry the rest).

    ``plan`` is any JSON-able value (the engine's plan as JSON); ``device`` the treadmill's
    name/address; ``profile`` the sim profile or "" on a real machine."""

    started_at: datetime
    preset_id: str = ""
    preset_name: str = ""
    plan: Any = None
    device: str = ""
    profile: str = ""

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            raise ValueError("SessionHeader.started_at must carry its UTC offset")

    @classmethod
    def now(
        cls,
        *,
        preset_id: str = "",
        preset_name: str = "",
        plan: Any = None,
        device: str = "",
        profile: str = "",
    ) -> SessionHeader:
        """A header stamped with the current local wall-clock time (whole seconds)."""
        started = datetime.now().astimezone().replace(microsecond=0)
        return cls(started, preset_id, preset_name, plan, device, profile)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One line of the history list, with the totals of the session."""

    id: int
    started_at: datetime
    preset_id: str
    preset_name: str
    device: str
    profile: str
    ended: Ending
    ended_reason: str | None  # the engine's words, None when no end was recorded
    duration_s: float  # total time: first START to the end (docs/statistics.md)
    forward_s: float  # time moving while facing forward, ramps included
    backward_s: float  # time moving while facing backward, ramps included
    forward_m: float
    backward_m: float
    blocks_done: int  # backward phases that ran their whole planned time at speed
    avg_hr_bpm: int | None
    max_hr_bpm: int | None
    max_speed_kmh: float
    start_t: float = 0.0  # session time of the first START
    end_t: float = 0.0  # session time of the end (or of the last thing recorded)
    deleted: bool = False
    damage: str = ""  # why the row could not be read (``ended`` is then DAMAGED)
    phases_skipped: int = 0  # phases left before their time at speed was up (statistics.py)

    @property
    def moving_s(self) -> float:
        """Time moving, both directions."""
        return self.forward_s + self.backward_s

    @property
    def distance_m(self) -> float:
        """Total distance, both directions."""
        return self.forward_m + self.backward_m

    @property
    def preset(self) -> str:
        """The name to show for the preset (its id when it had no name)."""
        return self.preset_name or self.preset_id

    @property
    def complete(self) -> bool:
        """Shown as "Session complete" (the rule of statistics.py): finished with nothing
        skipped; a finished session with a skipped phase ended early."""
        return is_complete(self.ended_reason, self.phases_skipped)

    @property
    def ended_at(self) -> datetime:
        """Wall-clock time of the last thing recorded."""
        return self.started_at + timedelta(seconds=self.duration_s)

    def to_json(self) -> dict[str, Any]:
        """The object printed by ``treadmill-ctl history list --json``."""
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "preset": self.preset,
            "preset_id": self.preset_id,
            "duration_s": round(self.duration_s, 1),
            "moving_s": round(self.moving_s, 1),
            "forward_s": round(self.forward_s, 1),
            "backward_s": round(self.backward_s, 1),
            "distance_m": round(self.distance_m, 1),
            "forward_distance_m": round(self.forward_m, 1),
            "backward_distance_m": round(self.backward_m, 1),
            "blocks_done": self.blocks_done,
            "avg_hr_bpm": self.avg_hr_bpm,
            "max_hr_bpm": self.max_hr_bpm,
            "ended": self.ended.value,
            "phases_skipped": self.phases_skipped,
            "complete": self.complete,
            "device": self.device,
            **({"damage": self.damage} if self.damage else {}),
        }


@dataclass(frozen=True, slots=True)
class PhaseRecord:
    """One phase as it happened. ``end_t`` is None for the phase that was running when the
    record stops (in progress or interrupted)."""

    seq: int
    index: int  # the engine's phase index in the plan
    kind: str  # warmup | forward | backward | recovery | cooldown | walk
    direction: Direction
    target_speed_kmh: float | None
    planned_s: float | None
    start_t: float
    end_t: float | None
    moving_s: float
    distance_m: float


@dataclass(frozen=True, slots=True)
class SampleRecord:
    """One stored sample (at most one per second of session time)."""

    t: float
    speed_kmh: float | None
    distance_m: float | None
    incline_pct: float | None
    hr_bpm: int | None
    phase_seq: int | None  # None before the first phase (start countdown)
    direction: Direction


@dataclass(frozen=True, slots=True)
class CommandRecord:
    """One control-point command and its result."""

    t: float
    op: str
    value: float | None
    wire: str
    result: str


@dataclass(frozen=True, slots=True)
class AlertRecord:
    """One alert shown to the runner."""

    t: float
    level: str
    message: str  # the English words, as the session said them
    code: str = ""  # the engine's alert code ("" in sessions recorded before schema 3)
    params: Mapping[str, Any] | None = None  # the message as data (None before schema 4)

    @property
    def text(self) -> str:
        """The message, translatable and in the user's unit when its data was stored
        (``texts.from_data``); else the stored English words."""
        return from_data(self.params) or self.message


@dataclass(frozen=True, slots=True)
class StateRecord:
    """One state change of the session engine."""

    t: float
    state: str


@dataclass(frozen=True, slots=True)
class SessionDetail:
    """Everything recorded about one session."""

    summary: SessionSummary
    plan: Any
    phases: tuple[PhaseRecord, ...] = ()
    samples: tuple[SampleRecord, ...] = ()
    commands: tuple[CommandRecord, ...] = ()
    alerts: tuple[AlertRecord, ...] = ()
    states: tuple[StateRecord, ...] = field(default_factory=tuple)

    def phase_end_t(self, phase: PhaseRecord) -> float:
        """When ``phase`` ended; the end of the record for the last, open phase."""
        return phase.end_t if phase.end_t is not None else self.summary.end_t


@dataclass(frozen=True, slots=True)
class WeekTotals:
    """Totals of one ISO week (Monday to Sunday, in the sessions' local time)."""

    iso_year: int
    iso_week: int
    sessions: int
    backward_s: float
    backward_blocks: int
    forward_s: float
    distance_m: float

    @property
    def week_start(self) -> date:
        """The Monday of this week."""
        return date.fromisocalendar(self.iso_year, self.iso_week, 1)

    @property
    def label(self) -> str:
        """ "2025-W07"."""
        return f"{self.iso_year}-W{self.iso_week:02d}"

    @property
    def backward_min(self) -> float:
        """Backward minutes, as the progression chart shows them."""
        return self.backward_s / 60.0
