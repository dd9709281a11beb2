"""The history writer: batches of history writes that never wait for another program's lock.

Recording a session must never hold up the event loop: another process (a database browser,
a ``sqlite3`` shell left in a transaction) may hold the database's write lock for minutes,
and SQLite then waits up to its busy timeout on every write (10 s each: a STOP pressed then
reached the treadmill 10-40 s late). Whoever records hands batches of writes to
``HistoryWriter.submit``. The writer has its own connection with **no busy timeout**: a free
database takes the batch at once, as one transaction (as durable as a commit was before); a
locked one answers "busy" at once, and the writer keeps the batch (and every later one) in
memory, tries again every ``RETRY_S`` on the loop's timer, and writes everything it holds,
in transactions of at most ``CHUNK_BATCHES`` batches per turn of the loop, once the lock is
gone. A busy database is a warning (``BUSY_MESSAGE``), never a lost session; so is any other
error that may pass (a full disk, a read-only file). A database that turns out to be damaged
(SQLite says corrupt, or not a database) is never written into again: the writer says so
(``WriterState.DAMAGED``); ``HistoryStore.open`` moves a damaged file aside the next time the
history is opened (see ``store.check_and_repair``).

Why not a worker thread: the app is a PySide6 app, and Python runs its garbage collector in
whichever thread happens to allocate; a collection in a worker thread that frees Qt objects
crashed the app's window tests (a segmentation fault in 2 runs of 2, none with the collector
off). Writes to a free database take well under a millisecond (a few with an fsync), as
they always did on the loop; what could take seconds was only ever the wait for a lock.

Without a running event loop (scripts, tests, the app's exit) ``wait`` retries a busy
database itself, sleeping ``RETRY_S`` between tries.
"""

from __future__ import annotations

import asyncio
import atexit
import enum
import logging
import sqlite3
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Final

from treadmill_ctl.history.store import (
    Durability,
    HistoryStore,
    is_busy_error,
    is_damage_error,
)

_LOGGER = logging.getLogger(__name__)

RETRY_S: Final = 0.5
"""How often a busy database is tried again."""

CHUNK_BATCHES: Final = 100
"""A backlog is written this many batches per transaction, one transaction per loop turn."""

EXIT_FLUSH_S: Final = 10.0
"""At interpreter exit, how long what is still held may take to be written."""

BUSY_MESSAGE: Final = "history is busy; this session is kept and saved when it is free"
SAVED_MESSAGE: Final = "history is free again; this session is saved"

type WriteOp = Callable[[HistoryStore], None]
"""One write, applied to the writer's own store (inside the batch's transaction)."""


class WriterState(enum.StrEnum):
    """What the writer can say about the database."""

    OK = "ok"
    BUSY = "busy"  # another process holds the write lock: batches are kept and retried
    DAMAGED = "damaged"  # SQLite reported damage: nothing more is written into this file


type StateListener = Callable[[WriterState, str], None]

_LIVE: weakref.WeakSet[HistoryWriter] = weakref.WeakSet()


class HistoryWriter:
    """Writes batches of history writes, at once when the database is free, later when it is
    busy (see the module docstring). ``submit`` and ``close`` never wait for a lock."""

    def __init__(
        self,
        path: Path,
        durability: Durability = Durability.FULL,
        *,
        on_state: StateListener | None = None,
        name: str = "history-writer",
    ) -> None:
        self._path = path
        self._durability = durability
        self._on_state = on_state
        self.name = name
        self._held: list[list[WriteOp]] = []
        self._store: HistoryStore | None = None
        self._retry: asyncio.Handle | None = None
        self._closing = False
        self._finished = False
        self._then: Callable[[], None] | None = None
        self.state = WriterState.OK
        self.message = ""
        _LIVE.add(self)

    @property
    def path(self) -> Path:
        """The database file written."""
        return self._path

    @property
    def damaged(self) -> bool:
        """SQLite said the file is damaged: nothing more is written into it."""
        return self.state is WriterState.DAMAGED

    @property
    def pending(self) -> int:
        """Batches submitted and not yet written."""
        return len(self._held)

    def submit(self, batch: list[WriteOp]) -> None:
        """Write one batch (one transaction) now if the database is free, else keep it."""
        if self._finished or not batch:
            return
        self._held.append(batch)
        if self._retry is None:  # no backlog waiting for its turn: try now
            self._flush()

    def close(self, then: Callable[[], None] | None = None) -> None:
        """No more batches. Once what is held is written (now, or when the database is free)
        the writer's connection is closed and ``then`` called."""
        self._closing = True
        self._then = then
        if self._retry is None:
            self._flush()

    def wait(self, timeout: float | None = None, *, while_ok: bool = False) -> bool:
        """True once everything submitted is written. Off the event loop it keeps trying a
        busy database until ``timeout`` (with ``while_ok``, it gives up as soon as the database
        is found busy); on the loop's thread it only tries once, never waiting."""
        self._flush_now()
        if _loop_running():
            return not self._held
        end = None if timeout is None else time.monotonic() + timeout
        while self._held and self.state is not WriterState.DAMAGED:
            if while_ok and self.state is not WriterState.OK:
                break
            if end is not None and time.monotonic() >= end:
                break
            time.sleep(RETRY_S if end is None else max(0.0, min(RETRY_S, end - time.monotonic())))
            self._flush_now()
        return not self._held

    def join(self, timeout: float | None = None) -> bool:
        """``wait``, then True when the writer has finished (after ``close``)."""
        self.wait(timeout)
        return self._finished

    # -------------------------------------------------------------- writing

    def _flush_now(self) -> None:
        if self._retry is not None:
            self._retry.cancel()
            self._retry = None
        self._flush()

    def _flush(self) -> None:
        while self._held and not self.damaged:
            chunk = self._held[:CHUNK_BATCHES]
            if not self._write(chunk):
                if not self.damaged:
                    self._schedule_retry(RETRY_S)
                break
            del self._held[: len(chunk)]
            if self._held and _loop_running():
                self._schedule_retry(0.0)  # the rest of a backlog on the next loop turn
                return
        if self._closing and (not self._held or self.damaged):
            self._finish()

    def _schedule_retry(self, delay: float) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop: the next submit, wait or the exit hook tries again
        self._retry = loop.call_later(delay, self._on_retry)

    def _on_retry(self) -> None:
        self._retry = None
        self._flush()

    def _write(self, chunk: list[list[WriteOp]]) -> bool:
        try:
            if self._store is None:
                self._store = HistoryStore.connect(
                    self._path, durability=self._durability, busy_timeout_s=0.0
                )
            self._store.apply_batch([op for batch in chunk for op in batch])
        except sqlite3.Error as exc:
            if is_busy_error(exc):
                self._set_state(WriterState.BUSY, BUSY_MESSAGE)
                return False
            if not is_damage_error(exc):  # a full disk, a read-only file...: kept, retried
                self._set_state(
                    WriterState.BUSY,
                    f"cannot write the history now ({exc}); this session is kept and saved "
                    "when it can be",
                )
                return False
            self._close_store()
            self._set_state(
                WriterState.DAMAGED,
                f"{self._path}: the history database is damaged ({exc}); nothing more is "
                "written into it. It is moved aside and a new one started when the history "
                "is next opened.",
            )
            return False
        except Exception:  # a row that cannot be written at all: never retried for ever
            _LOGGER.exception("%s: history rows dropped", self._path)
            return True
        if self.state is WriterState.BUSY and len(chunk) == len(self._held):
            self._set_state(WriterState.OK, SAVED_MESSAGE)
        return True

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        if self._held:
            _LOGGER.error(
                "%s: %d history batch(es) not written (%s)",
                self._path,
                len(self._held),
                self.message or "the writer was closed",
            )
        self._close_store()
        then, self._then = self._then, None
        if then is not None:
            try:
                then()
            except Exception:
                _LOGGER.exception("history writer: the closing step failed")

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close_quietly()
            self._store = None

    def _set_state(self, state: WriterState, message: str) -> None:
        if state is self.state:
            return
        self.state = state
        self.message = message
        log = _LOGGER.error if state is WriterState.DAMAGED else _LOGGER.warning
        log("%s", message)
        if self._on_state is not None:
            try:
                self._on_state(state, message)
            except Exception:
                _LOGGER.exception("history writer state listener failed")


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def flush_all(timeout_s: float = EXIT_FLUSH_S) -> bool:
    """Try (up to ``timeout_s`` in all, off the loop) to write what every writer holds; True
    when nothing is left. On the loop's thread it only tries once."""
    end = time.monotonic() + timeout_s
    ok = True
    for writer in list(_LIVE):
        if not writer.wait(max(0.0, end - time.monotonic())):
            ok = False
    return ok


def _flush_at_exit() -> None:
    if any(w.pending for w in list(_LIVE)) and not flush_all():
        _LOGGER.error("the history was still busy at exit: the last session was not saved")


atexit.register(_flush_at_exit)
