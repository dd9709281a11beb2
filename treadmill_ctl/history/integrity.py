"""Checking the history database file at open: SQLite's quick check within a time budget, and
a damaged file moved aside (with its WAL) so that a new history starts beside it; telling a busy
database from a damaged one.

A row that breaks a NOT NULL constraint is not damage of the file: SQLite reads it, and the
readers (``rows.py``) show that one session as damaged while the rest stay listed. Only what
the quick check finds wrong with the file itself (pages, indexes) moves it aside.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import Final

from treadmill_ctl.errors import HistoryError
from treadmill_ctl.history.liveness import is_recording

_LOGGER = logging.getLogger(__name__)

QUICK_CHECK_BUDGET_S: Final = 2.0
"""The integrity check at open stops after this long (a huge file is then not checked whole)."""

_ROW_FINDINGS: Final = ("NULL value in ",)
"""What the quick check reports about one row's values, not about the file."""


def is_busy_error(exc: BaseException | None) -> bool:
    """True for SQLite's "database is locked/busy": another connection holds the lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)


def is_damage_error(exc: BaseException | None) -> bool:
    """True for SQLite's "database disk image is malformed" and "file is not a database"."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    text = str(exc)
    return "malformed" in text or "not a database" in text


def check_and_repair(path: Path, *, budget_s: float = QUICK_CHECK_BUDGET_S) -> str:
    """Check the database file at ``path`` (``PRAGMA quick_check``, stopped after
    ``budget_s`` so a huge file cannot hold its caller up) and move a damaged one aside,
    with its WAL, as ``<name>.damaged-<time>``; the next open starts a new database beside
    it. Returns what to tell the user ("" when all is well). A busy file, or one whose check
    ran out of time, counts as sound. A damaged file that a live recorder still holds is not
    moved: a HistoryError says so."""
    if not path.exists():
        return ""
    problem = _quick_check(path, budget_s)
    if not problem:
        return ""
    if _anyone_recording(path):
        raise HistoryError(
            f"{path}: the history database is damaged ({problem}) and another treadmill-ctl "
            "is still recording into it; close it and open the history again."
        )
    stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        for suffix in ("-wal", "-shm", ""):
            part = path.with_name(path.name + suffix)
            if part.exists():
                part.rename(aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise HistoryError(
            f"{path}: the history database is damaged ({problem}) and could not be moved "
            f"aside: {exc}"
        ) from exc
    message = (
        f"The history database was damaged ({problem}): it was moved to {aside.name} "
        f"and a new history was started beside it."
    )
    _LOGGER.error("%s: %s", path, message)
    return message


def _quick_check(path: Path, budget_s: float) -> str:
    """What ``PRAGMA quick_check`` finds wrong ("" when nothing, or when it cannot tell)."""
    deadline = time.monotonic() + budget_s
    try:
        conn = sqlite3.connect(path, timeout=0.5)
    except sqlite3.Error:
        return ""  # cannot even open it read-only: the real open reports why
    try:
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(100)")]
    except sqlite3.DatabaseError as exc:
        if is_busy_error(exc) or "interrupted" in str(exc):
            return ""
        return str(exc)
    finally:
        conn.close()
    found = [r for r in rows if r != "ok" and not r.startswith(_ROW_FINDINGS)]
    return "; ".join(found[:5])


def _anyone_recording(path: Path) -> bool:
    locks = path.with_name(path.name + ".locks")
    if not locks.is_dir():
        return False
    for lock in locks.glob("*.lock"):
        if lock.stem.isdigit() and is_recording(path, int(lock.stem)):
            return True
    return False
