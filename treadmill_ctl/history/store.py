"""The session history: one SQLite database in the app's data directory.

Durability: WAL journal; the recorder commits at least once per second of session time and at
every phase, command, alert and state change, so a crash or a kill loses at most the last
second. With ``Durability.FULL`` (the default) every commit is also fsynced, so a power cut
loses no more; ``Durability.NORMAL`` skips the fsync (still safe against a crash or a kill of
the app, used for sped-up headless runs where commits come hundreds of times a second).

Readers (the GUI, the CLI) and a recording process may share the file: WAL lets readers see
every committed row while a session is being written. The read queries, and the list lines
made of their rows, are ``queries.SessionReader``'s.
"""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import sqlite3
import stat
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self

from treadmill_ctl import storage
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.history import rows as checked
from treadmill_ctl.history.integrity import (
    QUICK_CHECK_BUDGET_S,
    check_and_repair,
    is_busy_error,
    is_damage_error,
)
from treadmill_ctl.history.model import (
    AlertRecord,
    CommandRecord,
    PhaseRecord,
    SampleRecord,
    SessionDetail,
    SessionHeader,
    SessionSummary,
    StateRecord,
    WeekTotals,
)
from treadmill_ctl.history.queries import SessionReader
from treadmill_ctl.history.schema import migrate
from treadmill_ctl.statistics import counts_in_totals
from treadmill_ctl.statistics_totals import TotalsAccumulator

__all__ = [
    "QUICK_CHECK_BUDGET_S",
    "Durability",
    "HistoryStore",
    "check_and_repair",
    "default_path",
    "is_busy_error",
    "is_damage_error",
]

_LOGGER = logging.getLogger(__name__)

DB_FILENAME: Final = "history.sqlite3"

PURGE_DELETED_AFTER: Final = timedelta(hours=1)
"""Deleted sessions stay restorable (undo) this long; opening the store removes older ones."""


class Durability(enum.StrEnum):
    """How hard each commit is pushed to the disk (SQLite ``synchronous``)."""

    FULL = "FULL"  # fsync on every commit: survives a power cut
    NORMAL = "NORMAL"  # no fsync in WAL mode: survives a crash or kill of the app


def default_path() -> Path:
    """``storage.data_dir()/history.sqlite3``."""
    return storage.data_dir() / DB_FILENAME


def _now() -> datetime:
    return datetime.now().astimezone()


class HistoryStore:
    """Read and write the session history. Open with ``HistoryStore.open()``; close when done
    (or use it as a context manager). One instance per thread (sqlite3 connections are not
    shared across threads); every call is synchronous and short."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, durability: Durability = Durability.FULL
    ) -> None:
        self._conn = conn
        self._path = path
        self._durability = durability
        self._read = SessionReader(conn, path)
        self.notice = ""
        """Set by ``open`` when it had to move a damaged database aside (say it to the user)."""

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        durability: Durability = Durability.FULL,
        busy_timeout_s: float = 10.0,
        check_same_thread: bool = True,
        check_budget_s: float | None = None,
    ) -> HistoryStore:
        """Open (creating and migrating as needed) the history database.

        The file is checked first (``check_and_repair``): a damaged database is moved aside
        and a new one started beside it; ``notice`` then says so. ``busy_timeout_s`` is how
        long a write waits for another process's lock; ``check_budget_s`` bounds the check
        (the app, on its loop, gives it 50 ms). ``check_same_thread=False`` lets a store
        opened on one thread be used by another afterwards (never by two at once)."""
        path = path if path is not None else default_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(f"{path}: cannot open the history database: {exc}") from exc
        _require_regular_file(path)
        budget = QUICK_CHECK_BUDGET_S if check_budget_s is None else check_budget_s
        notice = check_and_repair(path, budget_s=budget)
        try:
            conn = sqlite3.connect(
                path,
                isolation_level=None,
                timeout=busy_timeout_s,
                check_same_thread=check_same_thread,
            )
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(f"{path}: cannot open the history database: {exc}") from exc
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA synchronous = {durability.value}")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, str(path))
            store = cls(conn, path, durability)
            store.notice = notice
            try:
                store.purge_deleted(older_than=PURGE_DELETED_AFTER)
            except HistoryError as exc:
                if not is_busy_error(exc.__cause__):
                    raise
                _LOGGER.info("deleted sessions not purged: the history is busy")
        except sqlite3.DatabaseError as exc:
            conn.close()
            if is_busy_error(exc):
                raise HistoryError(
                    f"{path}: the history database is busy (another program holds it): {exc}"
                ) from exc
            raise HistoryError(f"{path}: the history database is damaged: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def connect(cls, path: Path, *, durability: Durability, busy_timeout_s: float) -> HistoryStore:
        """A writing connection to a database ``open`` has already checked and migrated
        (the history writer's own, on its thread): no check, no migration, no purge. Raises
        sqlite3.Error as is (the writer tells busy from damaged)."""
        conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout_s)
        try:
            conn.execute(f"PRAGMA synchronous = {durability.value}")
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, durability)

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def durability(self) -> Durability:
        """How hard this store's commits are pushed to the disk."""
        return self._durability

    def close(self) -> None:
        """Commit anything pending and close the database."""
        if self._conn.in_transaction:
            self._conn.execute("COMMIT")
        self._conn.close()

    def close_quietly(self) -> None:
        """Close, dropping anything not committed (the writer's error path)."""
        with contextlib.suppress(sqlite3.Error):
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ----------------------------------------------------------------- reading

    def list_sessions(self, *, include_deleted: bool = False) -> list[SessionSummary]:
        """Every session, newest first (deleted ones only when asked). A row that cannot be
        read is listed as damaged (``Ending.DAMAGED``, ``damage`` says why); the rest are not
        affected."""
        return self._read.with_skips(
            [
                self._read.summary(row)
                for row in self._read.session_rows()
                # a deletion mark that is no date is damage, shown (not a hidden session)
                if include_deleted or checked.parse_when(row["deleted_at"]) is None
            ]
        )

    def get_summary(self, session_id: int) -> SessionSummary:
        """The list line of one session (deleted ones too); HistoryError when unknown."""
        row = self._read.row(session_id)
        return self._read.with_skips([self._read.summary(row)])[0]

    def get_session(self, session_id: int) -> SessionDetail:
        """Everything recorded about one session: phases, samples, commands, alerts, states."""
        row = self._read.row(session_id)
        summary = self._read.with_skips([self._read.summary(row)])[0]
        if summary.damage:
            raise HistoryError(f"Session {session_id} in the history is damaged: {summary.damage}")
        try:
            phases = tuple(
                checked.phase_of(r) for r in self._read.rows_of("phases", session_id, "seq")
            )
            direction_of = {p.seq: p.direction for p in phases}
            samples = tuple(
                checked.sample_of(r, direction_of)
                for r in self._read.rows_of("samples", session_id)
            )
            commands = tuple(
                checked.command_of(r) for r in self._read.rows_of("commands", session_id)
            )
            alerts = tuple(checked.alert_of(r) for r in self._read.rows_of("alerts", session_id))
            states = tuple(checked.state_of(r) for r in self._read.rows_of("states", session_id))
        except (TypeError, ValueError) as exc:
            _LOGGER.warning("%s: session %d is damaged: %s", self._path, session_id, exc)
            raise HistoryError(f"Session {session_id} in the history is damaged: {exc}") from exc
        plan = checked.plan_of(row["plan_json"])
        return SessionDetail(summary, plan, phases, samples, commands, alerts, states)

    def weekly_totals(self) -> list[WeekTotals]:
        """Backward minutes and blocks (and more) per ISO week, oldest first, from the first
        week with a session to the last, weeks without a session included as zeros. Only
        sessions in which the belt moved count (``statistics.counts_in_totals``)."""
        by_week: dict[tuple[int, int], list[SessionSummary]] = {}
        for s in self.list_sessions():
            if s.damage:
                continue  # its numbers cannot be trusted
            if not counts_in_totals(s.moving_s):
                continue  # never started, or the belt never moved: not a session done
            iso = s.started_at.isocalendar()
            by_week.setdefault((iso.year, iso.week), []).append(s)
        if not by_week:
            return []
        first, last = min(by_week), max(by_week)
        out: list[WeekTotals] = []
        monday = datetime.fromisocalendar(first[0], first[1], 1).date()
        while True:
            iso = monday.isocalendar()
            key = (iso.year, iso.week)
            week = by_week.get(key, [])
            out.append(
                WeekTotals(
                    iso_year=key[0],
                    iso_week=key[1],
                    sessions=len(week),
                    backward_s=sum(s.backward_s for s in week),
                    backward_blocks=sum(s.blocks_done for s in week),
                    forward_s=sum(s.forward_s for s in week),
                    distance_m=sum(s.distance_m for s in week),
                )
            )
            if key == last:
                return out
            monday += timedelta(days=7)

    # ------------------------------------------------------- delete and undo

    def delete_session(self, session_id: int) -> None:
        """Hide a session from the list; ``restore_session`` undoes it (for an hour at least:
        opening the store purges older deletions)."""
        self._read.row(session_id)
        self._write(
            "UPDATE sessions SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
            (_now().isoformat(), session_id),
        )

    def restore_session(self, session_id: int) -> None:
        """Undo ``delete_session``."""
        self._read.row(session_id)
        self._write("UPDATE sessions SET deleted_at = NULL WHERE id = ?", (session_id,))

    def purge_deleted(self, *, older_than: timedelta = timedelta(0)) -> int:
        """Remove deleted sessions for good (with their rows); returns how many."""
        cutoff = _now() - older_than
        ids = [
            int(r[0])
            for r in self._conn.execute(
                "SELECT id, deleted_at FROM sessions WHERE deleted_at IS NOT NULL"
            )
            if _deleted_before(r[1], cutoff)
        ]
        for session_id in ids:
            self._write("DELETE FROM sessions WHERE id = ?", (session_id,))
        return len(ids)

    # -------------------------------------------------- writing (the recorder)

    def next_session_id(self) -> int:
        """The id a new session would get (one more than the highest, deleted ones too)."""
        row = self._conn.execute("SELECT MAX(id) FROM sessions").fetchone()
        return int(row[0] or 0) + 1

    def create_session(
        self, header: SessionHeader, session_id: int | None = None, *, commit: bool = True
    ) -> int:
        """Insert a new session row and return its id (``session_id``: that one, reserved
        beforehand by the recorder). Committed at once unless ``commit`` is False."""
        plan_json = json.dumps(header.plan, separators=(",", ":"), default=str)
        cur = self._execute(
            "INSERT INTO sessions (id, started_at, preset_id, preset_name, plan_json, device, "
            "profile, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                header.started_at.isoformat(),
                header.preset_id,
                header.preset_name,
                plan_json,
                header.device,
                header.profile,
                _now().isoformat(),
            ),
        )
        if commit:
            self.commit()
        if cur.lastrowid is None:  # pragma: no cover - sqlite always sets it for INSERT
            raise HistoryError("the new session got no id")
        return cur.lastrowid

    def add_sample(self, session_id: int, sample: SampleRecord) -> None:
        """Queue one sample row (written at the next ``commit``)."""
        self._execute(
            "INSERT INTO samples VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                sample.t,
                sample.speed_kmh,
                sample.distance_m,
                sample.incline_pct,
                sample.hr_bpm,
                sample.phase_seq,
            ),
        )

    def add_command(self, session_id: int, command: CommandRecord) -> None:
        """Queue one command row."""
        c = command
        self._execute(
            "INSERT INTO commands VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, c.t, c.op, c.value, c.wire, c.result),
        )

    def add_alert(self, session_id: int, alert: AlertRecord) -> None:
        """Queue one alert row."""
        self._execute(
            "INSERT INTO alerts (session_id, t, level, message, code, params)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                session_id,
                alert.t,
                alert.level,
                alert.message,
                alert.code,
                None if alert.params is None else json.dumps(alert.params),
            ),
        )

    def add_state(self, session_id: int, state: StateRecord) -> None:
        """Queue one state-change row."""
        self._execute("INSERT INTO states VALUES (?, ?, ?)", (session_id, state.t, state.state))

    def add_phase(self, session_id: int, phase: PhaseRecord) -> None:
        """Queue the start of a phase (its end and totals come later)."""
        p = phase
        self._execute(
            "INSERT INTO phases (session_id, seq, plan_index, kind, direction, "
            "target_speed_kmh, planned_s, start_t, end_t) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                p.seq,
                p.index,
                p.kind,
                p.direction.value,
                p.target_speed_kmh,
                p.planned_s,
                p.start_t,
                p.end_t,
            ),
        )

    def end_phase(self, session_id: int, seq: int, end_t: float) -> None:
        """Queue the end of a phase."""
        self._execute(
            "UPDATE phases SET end_t = ? WHERE session_id = ? AND seq = ?",
            (end_t, session_id, seq),
        )

    def save_progress(
        self,
        session_id: int,
        last_t: float,
        totals: TotalsAccumulator,
        blocks_done: int,
        phase_seqs: Iterable[int] = (),
    ) -> None:
        """Queue the running totals of the session and of the given phases."""
        self._execute(
            "UPDATE sessions SET updated_at = ?, last_t = ?, forward_s = ?, backward_s = ?, "
            "forward_m = ?, backward_m = ?, blocks_done = ?, hr_sum = ?, hr_count = ?, "
            "hr_max = ?, speed_max = ? WHERE id = ?",
            (
                _now().isoformat(),
                last_t,
                totals.forward_s,
                totals.backward_s,
                totals.forward_m,
                totals.backward_m,
                blocks_done,
                totals.hr_sum,
                totals.hr_count,
                totals.hr_max,
                totals.speed_max,
                session_id,
            ),
        )
        for seq in phase_seqs:
            self._execute(
                "UPDATE phases SET moving_s = ?, distance_m = ? WHERE session_id = ? AND seq = ?",
                (
                    totals.phase_moving_s.get(seq, 0.0),
                    totals.phase_distance_m.get(seq, 0.0),
                    session_id,
                    seq,
                ),
            )

    def finish_session(self, session_id: int, reason: str, t: float) -> None:
        """Queue the end of a session (its reason and session time)."""
        self._execute(
            "UPDATE sessions SET ended_reason = ?, ended_t = ?, last_t = MAX(last_t, ?) "
            "WHERE id = ?",
            (reason, t, t, session_id),
        )

    def commit(self) -> None:
        """Make everything queued durable (one transaction)."""
        if self._conn.in_transaction:
            self._conn.execute("COMMIT")

    def apply_batch(self, ops: Iterable[Callable[[HistoryStore], object]]) -> None:
        """Run ``ops`` (calls of this store's write methods) as one transaction, taken with
        the write lock up front; all or nothing. Raises the sqlite3.Error as is (rolled back),
        so the history writer can tell a busy database from a damaged one."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            for op in ops:
                op(self)
            self._conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
            if isinstance(exc, HistoryError) and isinstance(exc.__cause__, sqlite3.Error):
                raise exc.__cause__ from None
            raise

    # ---------------------------------------------------------------- helpers

    def _execute(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        try:
            if not self._conn.in_transaction:
                self._conn.execute("BEGIN")
            return self._conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise HistoryError(f"{self._path}: cannot write the history: {exc}") from exc

    def _write(self, sql: str, params: tuple[Any, ...]) -> None:
        self._execute(sql, params)
        self.commit()


def _require_regular_file(path: Path) -> None:
    """A directory, FIFO or device where the database goes is refused at once, by name (SQLite
    would say "disk I/O error", or wait on a FIFO)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return  # a new history is created
    except OSError as exc:  # a symlink loop, no permission...
        raise HistoryError(f"{path}: cannot open the history database: {exc}") from exc
    if not stat.S_ISREG(mode):
        raise HistoryError(
            f"{path}: the history database is not a regular file (a folder, FIFO or device is "
            "in its place); move it away and the history starts anew"
        )


def _deleted_before(deleted_at: object, cutoff: datetime) -> bool:
    when = checked.parse_when(deleted_at)
    # a damaged mark: keep the row (it stays listed, as damaged)
    return when is not None and when <= cutoff
