"""Reading the history's rows as checked values.

SQLite stores whatever a column is given (any type in any column, and a damaged file or another
tool can hold NULL where the schema says NOT NULL), so nothing read back is trusted: every value
is checked for its type and range here, and a bad one is a ``ValueError`` (or ``TypeError``)
naming ``table.column`` and the value (cut short). ``store.py`` turns that into a damaged list
line (``read_summary``'s caller) or a ``HistoryError`` for the session's detail.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final

from treadmill_ctl.history.model import (
    AlertRecord,
    CommandRecord,
    Ending,
    PhaseRecord,
    SampleRecord,
    SessionSummary,
    StateRecord,
)
from treadmill_ctl.statistics import total_time_s
from treadmill_ctl.units import Direction

MAX_SECONDS: Final = 1e7  # 115 days: no session lasts longer
MAX_DISTANCE_M: Final = 1e7
MAX_SPEED_KMH: Final = 100.0
MAX_INCLINE_PCT: Final = 100.0
MAX_COMMAND_VALUE: Final = 1e6
MAX_HR_BPM: Final = 300
MAX_COUNT: Final = 10**9
MAX_TEXT_CHARS: Final = 2000
"""A name, device or message longer than this is cut (it is shown, never trusted)."""
MAX_PLAN_CHARS: Final = 1_000_000
FIRST_YEAR: Final = 1970
LAST_YEAR: Final = 2200
"""A date outside these years is not one a session was recorded at (and its weeks, end or
export time would run off the calendar)."""

_SHOWN_CHARS: Final = 40


def shown(value: object) -> str:
    """``repr(value)``, cut short (a giant string is named, never printed whole)."""
    text = repr(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "..."


def real(
    row: dict[str, Any],
    name: str,
    limit: float = MAX_SECONDS,
    *,
    table: str = "sessions",
    low: float = 0.0,
) -> float:
    """A number column: NULL, text, NaN or out of ``low``..``limit`` is an error naming it."""
    value = row[name]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{table}.{name} = {shown(value)} is not a number")
    f = float(value)
    if not (math.isfinite(f) and low <= f <= limit):
        raise ValueError(f"{table}.{name} = {shown(value)} is out of range")
    return f


def maybe_real(
    row: dict[str, Any],
    name: str,
    limit: float = MAX_SECONDS,
    *,
    table: str,
    low: float = 0.0,
) -> float | None:
    """``real``, or None for NULL."""
    return None if row[name] is None else real(row, name, limit, table=table, low=low)


def whole(
    row: dict[str, Any], name: str, limit: int = MAX_COUNT, *, table: str = "sessions"
) -> int:
    """A count column (0..``limit``)."""
    value = row[name]
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        raise ValueError(f"{table}.{name} = {shown(value)} is not a count")
    return value


def maybe_whole(
    row: dict[str, Any], name: str, limit: int = MAX_COUNT, *, table: str
) -> int | None:
    """``whole``, or None for NULL."""
    return None if row[name] is None else whole(row, name, limit, table=table)


def text(row: dict[str, Any], name: str, *, table: str = "sessions") -> str:
    """A text column, cut to ``MAX_TEXT_CHARS``."""
    value = row[name]
    if not isinstance(value, str):
        raise TypeError(f"{table}.{name} = {shown(value)} is not text")
    return value if len(value) <= MAX_TEXT_CHARS else value[:MAX_TEXT_CHARS] + "…"


def parse_when(value: object) -> datetime | None:
    """A stored wall-clock time (ISO 8601, local when it has no offset) between
    ``FIRST_YEAR`` and ``LAST_YEAR``; None when it is not one."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        when = datetime.fromisoformat(value)
        when = when if when.tzinfo is not None else when.astimezone()
    except (ValueError, OverflowError, OSError):
        return None
    return when if FIRST_YEAR <= when.year <= LAST_YEAR else None


def when(row: dict[str, Any], name: str, *, table: str = "sessions") -> datetime:
    """A date column (see ``parse_when``)."""
    value = row[name]
    parsed = parse_when(value)
    if parsed is None:
        raise ValueError(f"{table}.{name} = {shown(value)} is not a date")
    return parsed


def _stored_json(value: object) -> Any:
    """A JSON column's value; None when it cannot be read (too big, too deep, not JSON)."""
    if not isinstance(value, str) or len(value) > MAX_PLAN_CHARS:
        return None
    try:
        return json.loads(value)
    except (ValueError, RecursionError):
        return None


def plan_of(value: object) -> Any:
    """A session's stored plan (JSON); None when it cannot be read: the session is shown
    without its planned counts."""
    return _stored_json(value)


def read_summary(row: dict[str, Any], recording: Callable[[int], bool]) -> SessionSummary:
    """The list line of a session row (with ``first_start_t``, see queries._SESSION_ROWS);
    ``recording(id)`` says whether a session with no end is being recorded right now."""
    session_id = row["id"]
    if isinstance(session_id, bool) or not isinstance(session_id, int):
        raise TypeError(f"sessions.id = {shown(session_id)} is not a number")
    reason = row["ended_reason"]
    if reason is not None:
        reason = text(row, "ended_reason")
        try:
            ended = Ending(reason)
        except ValueError:
            ended = Ending.ERROR
        end_t = real(row, "ended_t" if row["ended_t"] is not None else "last_t")
    else:
        when(row, "updated_at")
        ended = Ending.IN_PROGRESS if recording(session_id) else Ending.INTERRUPTED
        end_t = real(row, "last_t")
    first_start = row.get("first_start_t")
    if first_start is not None:
        try:
            start_t = real(row, "first_start_t", table="states")
        except ValueError as exc:
            raise ValueError(str(exc).replace("states.first_start_t", "states.t")) from None
        except TypeError as exc:
            raise TypeError(str(exc).replace("states.first_start_t", "states.t")) from None
    else:
        start_t = end_t
    hr_count = whole(row, "hr_count")
    deleted_at = row["deleted_at"]
    if deleted_at is not None and parse_when(deleted_at) is None:
        raise ValueError(f"sessions.deleted_at = {shown(deleted_at)} is not a date")
    return SessionSummary(
        id=session_id,
        started_at=when(row, "started_at"),
        preset_id=text(row, "preset_id"),
        preset_name=text(row, "preset_name"),
        device=text(row, "device"),
        profile=text(row, "profile"),
        ended=ended,
        ended_reason=reason,
        duration_s=total_time_s(
            start_t if first_start is not None else None,
            end_t,
            # states written out of order can make the sum negative: nothing waited
            0.0
            if row.get("waited_s") is None
            else max(0.0, real(row, "waited_s", table="states", low=-MAX_SECONDS)),
        ),
        forward_s=real(row, "forward_s"),
        backward_s=real(row, "backward_s"),
        forward_m=real(row, "forward_m", MAX_DISTANCE_M),
        backward_m=real(row, "backward_m", MAX_DISTANCE_M),
        blocks_done=whole(row, "blocks_done"),
        avg_hr_bpm=round(real(row, "hr_sum", math.inf) / hr_count) if hr_count else None,
        max_hr_bpm=maybe_whole(row, "hr_max", MAX_HR_BPM, table="sessions"),
        max_speed_kmh=real(row, "speed_max", MAX_SPEED_KMH),
        start_t=start_t,
        end_t=end_t,
        deleted=deleted_at is not None,
    )


def damaged_summary(row: dict[str, Any], why: str) -> SessionSummary:
    """A list line for a row that cannot be read: shown as damaged, with its id."""
    started_at = parse_when(row.get("started_at")) or datetime.fromtimestamp(0).astimezone()
    raw_id = row.get("id")

    def name(key: str) -> str:
        value = row.get(key)
        return value[:MAX_TEXT_CHARS] if isinstance(value, str) else ""

    return SessionSummary(
        id=raw_id if isinstance(raw_id, int) else -1,
        started_at=started_at,
        preset_id=name("preset_id"),
        preset_name=name("preset_name"),
        device=name("device"),
        profile=name("profile"),
        ended=Ending.DAMAGED,
        ended_reason=None,
        duration_s=0.0,
        forward_s=0.0,
        backward_s=0.0,
        forward_m=0.0,
        backward_m=0.0,
        blocks_done=0,
        avg_hr_bpm=None,
        max_hr_bpm=None,
        max_speed_kmh=0.0,
        deleted=row.get("deleted_at") is not None,
        damage=why,
    )


def direction(row: dict[str, Any], name: str, *, table: str) -> Direction:
    """A direction column ("forward" or "backward")."""
    value = row[name]
    try:
        return Direction(value)
    except ValueError:
        raise ValueError(f"{table}.{name} = {shown(value)} is not a direction") from None


def phase_of(r: dict[str, Any]) -> PhaseRecord:
    """One row of ``phases``."""
    t = "phases"
    return PhaseRecord(
        seq=whole(r, "seq", table=t),
        index=whole(r, "plan_index", table=t),
        kind=text(r, "kind", table=t),
        direction=direction(r, "direction", table=t),
        target_speed_kmh=maybe_real(r, "target_speed_kmh", MAX_SPEED_KMH, table=t),
        planned_s=maybe_real(r, "planned_s", table=t),
        start_t=real(r, "start_t", table=t),
        end_t=maybe_real(r, "end_t", table=t),
        moving_s=real(r, "moving_s", table=t),
        distance_m=real(r, "distance_m", MAX_DISTANCE_M, table=t),
    )


def sample_of(r: dict[str, Any], direction_of: dict[int, Direction]) -> SampleRecord:
    """One row of ``samples`` (its direction: its phase's)."""
    t = "samples"
    phase_seq = maybe_whole(r, "phase_seq", table=t)
    return SampleRecord(
        t=real(r, "t", table=t),
        speed_kmh=maybe_real(r, "speed_kmh", MAX_SPEED_KMH, table=t),
        distance_m=maybe_real(r, "distance_m", MAX_DISTANCE_M, table=t),
        incline_pct=maybe_real(r, "incline_pct", MAX_INCLINE_PCT, table=t, low=-MAX_INCLINE_PCT),
        hr_bpm=maybe_whole(r, "hr_bpm", MAX_HR_BPM, table=t),
        phase_seq=phase_seq,
        direction=direction_of.get(phase_seq, Direction.FORWARD)
        if phase_seq is not None
        else Direction.FORWARD,
    )


def command_of(r: dict[str, Any]) -> CommandRecord:
    """One row of ``commands``."""
    t = "commands"
    return CommandRecord(
        real(r, "t", table=t),
        text(r, "op", table=t),
        maybe_real(r, "value", MAX_COMMAND_VALUE, table=t, low=-MAX_COMMAND_VALUE),
        text(r, "wire", table=t),
        text(r, "result", table=t),
    )


def alert_of(r: dict[str, Any]) -> AlertRecord:
    """One row of ``alerts``."""
    t = "alerts"
    return AlertRecord(
        real(r, "t", table=t),
        text(r, "level", table=t),
        text(r, "message", table=t),
        text(r, "code", table=t),
        params_of(r.get("params")),
    )


def params_of(value: object) -> dict[str, Any] | None:
    """An alert's stored ``params`` (JSON); None when absent, unreadable or not an object (a
    damaged value shows the alert's stored English words)."""
    data = _stored_json(value)
    return data if isinstance(data, dict) else None


def state_of(r: dict[str, Any]) -> StateRecord:
    """One row of ``states``."""
    return StateRecord(real(r, "t", table="states"), text(r, "state", table="states"))
