"""Training plans in the history: the plan a runner follows (a *plan run*) and each session's
debrief (effort, knee pain, a note), with the plan step it was done for.

Schema version 2 (``schema._V2``) adds the two tables; nothing of version 1 changes. These
functions work on a ``HistoryStore`` (its own module: ``store.py`` is near its size limit).
The writes queue in the store's transaction; ``commit=False`` leaves the commit to a history
writer's batch (``HistoryWriter.submit([lambda s: save_debrief(s, rec, commit=False)])``),
which never waits for a locked database on the loop. Values read back are checked: a number
out of its range reads as "not answered", never as a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from treadmill_ctl.history.store import HistoryStore

SCALE: Final = range(11)  # 0-10
MAX_NOTE_CHARS: Final = 500


@dataclass(frozen=True, slots=True)
class PlanRun:
    """One runner following one plan, from ``started_at`` (``ended_at`` None: current)."""

    id: int
    plan_id: str
    plan_name: str
    started_at: datetime
    ended_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SessionDebrief:
    """A session's debrief and plan step (answers ``None`` until given)."""

    session_id: int
    completed: bool
    plan_run: int | None = None
    plan_step: int | None = None
    rpe: int | None = None
    pain_during: int | None = None
    pain_after: int | None = None
    note: str = ""
    answered_at: datetime | None = None
    session_started_at: datetime | None = None  # read back only


def clean_note(note: str) -> str:
    """A note as stored: plain text on one line, at most ``MAX_NOTE_CHARS``."""
    text = "".join(c if c.isprintable() else " " for c in note)
    return " ".join(text.split())[:MAX_NOTE_CHARS]


def _score(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        return None
    return value


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def start_plan_run(store: HistoryStore, plan_id: str, plan_name: str, at: datetime) -> PlanRun:
    """Follow ``plan_id`` from ``at``: the current plan run, if any, ends then. Committed."""
    store._execute(  # part of the store, in its own module
        "UPDATE plan_runs SET ended_at = ? WHERE ended_at IS NULL", (at.isoformat(),)
    )
    cur = store._execute(
        "INSERT INTO plan_runs (plan_id, plan_name, started_at) VALUES (?, ?, ?)",
        (plan_id, plan_name, at.isoformat()),
    )
    store.commit()
    return PlanRun(int(cur.lastrowid or 0), plan_id, plan_name, at)


def stop_plan_run(store: HistoryStore, at: datetime) -> PlanRun | None:
    """End the current plan run (the history keeps it); returns it, or None."""
    run = current_plan_run(store)
    if run is None:
        return None
    store._execute("UPDATE plan_runs SET ended_at = ? WHERE id = ?", (at.isoformat(), run.id))
    store.commit()
    return PlanRun(run.id, run.plan_id, run.plan_name, run.started_at, at)


def current_plan_run(store: HistoryStore) -> PlanRun | None:
    """The plan the runner follows now, or None."""
    rows = _query(
        store, "SELECT * FROM plan_runs WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1", ()
    )
    for row in rows:
        started = _when(row["started_at"])
        if started is not None and isinstance(row["plan_id"], str):
            return PlanRun(int(row["id"]), row["plan_id"], str(row["plan_name"] or ""), started)
    return None


def save_debrief(store: HistoryStore, debrief: SessionDebrief, *, commit: bool = True) -> None:
    """Write (or replace) a session's debrief."""
    answered = debrief.answered_at.isoformat() if debrief.answered_at else ""
    store._execute(
        "INSERT OR REPLACE INTO debriefs (session_id, plan_run, plan_step, completed, rpe, "
        "pain_during, pain_after, note, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            debrief.session_id,
            debrief.plan_run,
            debrief.plan_step,
            int(debrief.completed),
            _score(debrief.rpe),
            _score(debrief.pain_during),
            _score(debrief.pain_after),
            clean_note(debrief.note),
            answered,
        ),
    )
    if commit:
        store.commit()


def get_debrief(store: HistoryStore, session_id: int) -> SessionDebrief | None:
    """The debrief of one session, or None."""
    rows = _query(
        store,
        "SELECT d.*, s.started_at AS session_started_at FROM debriefs d "
        "JOIN sessions s ON s.id = d.session_id WHERE d.session_id = ?",
        (session_id,),
    )
    return next((_debrief(row) for row in rows), None)


def run_debriefs(store: HistoryStore, plan_run: int) -> list[SessionDebrief]:
    """Every session done on a plan run, oldest first (deleted sessions left out)."""
    rows = _query(
        store,
        "SELECT d.*, s.started_at AS session_started_at FROM debriefs d "
        "JOIN sessions s ON s.id = d.session_id "
        "WHERE d.plan_run = ? AND s.deleted_at IS NULL ORDER BY d.session_id",
        (plan_run,),
    )
    return [_debrief(row) for row in rows]


def _debrief(row: dict[str, Any]) -> SessionDebrief:
    step = row["plan_step"]
    run = row["plan_run"]
    return SessionDebrief(
        session_id=int(row["session_id"]),
        completed=row["completed"] == 1,
        plan_run=run if isinstance(run, int) else None,
        plan_step=step if isinstance(step, int) and not isinstance(step, bool) else None,
        rpe=_score(row["rpe"]),
        pain_during=_score(row["pain_during"]),
        pain_after=_score(row["pain_after"]),
        note=clean_note(row["note"]) if isinstance(row["note"], str) else "",
        answered_at=_when(row["answered_at"]),
        session_started_at=_when(row["session_started_at"]),
    )


def _query(store: HistoryStore, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    cur = store._conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
