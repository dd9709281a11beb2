"""The history store's read queries: the session rows (with the session time of their first
START and the time they stood waiting since, which the totals need), one session's rows of a
table, and the list lines made of them: a row that cannot be read is a damaged line, a
session still being recorded is told from an interrupted one, and the skipped phases are
counted from the stored phases and state changes.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from treadmill_ctl.errors import HistoryError
from treadmill_ctl.history import rows as checked
from treadmill_ctl.history.liveness import is_recording
from treadmill_ctl.history.model import PhaseRecord, SessionSummary, StateRecord
from treadmill_ctl.history.totals import phases_skipped_of

_LOGGER = logging.getLogger(__name__)

# A session row with the session time of its first START (the first state change out of
# "idle"; NULL when it never started), from which its total time counts, and the time it
# stood waiting for a START since (each "stopped" or "idle" state after the first START, to the
# next state change or the end), which total time leaves out (statistics.total_time_s).
_FIRST_START: Final = (
    "(SELECT MIN(f.t) FROM states AS f WHERE f.session_id = sessions.id AND f.state != 'idle')"
)
_SESSION_ROWS: Final = (
    f"SELECT sessions.*, {_FIRST_START} AS first_start_t, "
    "(SELECT COALESCE(SUM(COALESCE((SELECT MIN(n.t) FROM states AS n "
    "WHERE n.session_id = w.session_id AND n.rowid > w.rowid), "
    "sessions.ended_t, sessions.last_t) - w.t), 0) FROM states AS w "
    "WHERE w.session_id = sessions.id AND w.state IN ('idle', 'stopped') "
    f"AND w.t >= {_FIRST_START}) AS waited_s FROM sessions"
)

HEARTBEAT_STALE_S: Final = 15.0
"""Only where file locks do not exist (see liveness.py): a session with no end whose last
commit is older than this (wall clock) is shown as interrupted."""


def _dicts(cur: sqlite3.Cursor) -> Iterable[dict[str, Any]]:
    """The rows of ``cur`` as dicts by column name."""
    names = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(names, row, strict=True))


class SessionReader:
    """The read queries of the history store on ``conn``, the database at ``path``."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path

    def session_rows(self) -> Iterable[dict[str, Any]]:
        """Every session row (deleted ones too), newest first."""
        return _dicts(self._conn.execute(f"{_SESSION_ROWS} ORDER BY started_at DESC, id DESC"))

    def row(self, session_id: int) -> dict[str, Any]:
        """The row of session ``session_id`` (deleted ones too); HistoryError when unknown."""
        cur = self._conn.execute(f"{_SESSION_ROWS} WHERE id = ?", (session_id,))
        rows = list(_dicts(cur))
        if not rows:
            raise HistoryError(f"No session {session_id} in the history")
        return rows[0]

    def rows_of(
        self, table: str, session_id: int, order: str = "t, rowid"
    ) -> Iterable[dict[str, Any]]:
        """The rows of ``table`` that belong to session ``session_id``, in ``order``."""
        # table and order are our own constants, never user input
        sql = f"SELECT * FROM {table} WHERE session_id = ? ORDER BY {order}"
        return _dicts(self._conn.execute(sql, (session_id,)))

    def summary(self, row: dict[str, Any]) -> SessionSummary:
        """The list line of a session row; a damaged line (naming what cannot be read) when
        the row cannot be read. Its skipped phases are not counted (``with_skips``)."""
        try:
            return checked.read_summary(row, lambda session_id: self._is_recording(row))
        except (TypeError, ValueError, OverflowError, KeyError) as exc:
            _LOGGER.warning("%s: session %r is damaged: %s", self._path, row.get("id"), exc)
            return checked.damaged_summary(row, str(exc))

    def with_skips(self, summaries: list[SessionSummary]) -> list[SessionSummary]:
        """The summaries with their skipped phases counted by statistics.py from the stored
        phases and state changes (a finished session with a skip "ended early"). Rows that
        cannot be read leave the counts as they are (the detail names the damage)."""
        ids = {s.id for s in summaries if not s.damage}
        if not ids:
            return summaries
        # One session: its rows; a list: every row at once (not one query per session).
        one, args = ("WHERE session_id = ?", (next(iter(ids)),)) if len(ids) == 1 else ("", ())
        phases: dict[int, list[PhaseRecord]] = {}
        states: dict[int, list[StateRecord]] = {}
        try:
            for r in _dicts(self._conn.execute(f"SELECT * FROM phases {one} ORDER BY seq", args)):
                phases.setdefault(int(r["session_id"]), []).append(checked.phase_of(r))
            sql = f"SELECT * FROM states {one} ORDER BY t, rowid"
            for r in _dicts(self._conn.execute(sql, args)):
                states.setdefault(int(r["session_id"]), []).append(checked.state_of(r))
            return [
                s
                if s.id not in ids
                else dataclasses.replace(
                    s,
                    phases_skipped=phases_skipped_of(s, phases.get(s.id, []), states.get(s.id, [])),
                )
                for s in summaries
            ]
        except (TypeError, ValueError, OverflowError, KeyError) as exc:
            _LOGGER.warning("%s: phases that cannot be read: %s", self._path, exc)
            return summaries

    def _is_recording(self, row: dict[str, Any]) -> bool:
        held = is_recording(self._path, int(row["id"]))
        if held is not None:
            return held
        age = datetime.now().astimezone() - checked.when(row, "updated_at")
        return age.total_seconds() < HEARTBEAT_STALE_S
