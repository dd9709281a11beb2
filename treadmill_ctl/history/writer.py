"""The history writer: a worker thread that owns its own SQLite connection, fed by a queue.

Recording a session must never hold up the event loop: another process (a database browser,
a ``sqlite3`` shell left in a transaction) may hold the database's write lock for minutes,
and SQLite then waits up to its busy timeout on every write. Whoever records hands batches
of writes to ``HistoryWriter.submit`` (which never blocks); the worker writes each batch as
one transaction, so a batch written is as durable as a commit was before.

While the database is busy the worker keeps every batch, retries every ``RETRY_S``, and
writes all it holds in one transaction once the lock is gone: a busy database is a warning
(``BUSY_MESSAGE``), never a lost session; so is any other error that may pass (a full disk, a
read-only file). A database that turns out to be damaged (SQLite says corrupt, or not a
database) is never written into again: the writer says so
(``WriterState.DAMAGED``) and keeps what it was given; ``HistoryStore.open`` moves a damaged
file aside the next time the history is opened (see ``store.check_and_repair``).

State changes are reported to ``on_state(state, message)``: on the event loop that made the
writer when there is one (``call_soon_threadsafe``), else from the worker thread.
"""

from __future__ import annotations

import asyncio
import atexit
import enum
import logging
import queue
import sqlite3
import threading
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

BUSY_TIMEOUT_S: Final = 0.25
"""How long one attempt waits for another process's lock (SQLite's busy timeout)."""

EXIT_FLUSH_S: Final = 10.0
"""At interpreter exit, how long what is still queued may take to be written."""

BUSY_MESSAGE: Final = "history is busy; this session is kept and saved when it is free"
SAVED_MESSAGE: Final = "history is free again; this session is saved"

type WriteOp = Callable[[HistoryStore], None]
"""One write, applied to the worker's own store (inside the batch's transaction)."""


class WriterState(enum.StrEnum):
    """What the writer can say about the database."""

    OK = "ok"
    BUSY = "busy"  # another process holds the write lock: batches are kept and retried
    DAMAGED = "damaged"  # SQLite reported damage: nothing more is written into this file


type StateListener = Callable[[WriterState, str], None]

_LIVE: weakref.WeakSet[HistoryWriter] = weakref.WeakSet()


class HistoryWriter:
    """Writes batches of history writes on its own thread (see the module docstring).

    ``submit`` and ``close`` never block. ``wait`` blocks until everything submitted is
    written (or the timeout passes): for callers outside the event loop only."""

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
        try:
            self._loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            self._loop = None
        self._queue: queue.SimpleQueue[list[WriteOp] | None] = queue.SimpleQueue()
        self._cv = threading.Condition()
        self._submitted = 0
        self._written = 0
        self._finished = False
        self._then: Callable[[], None] | None = None
        self.state = WriterState.OK
        self.message = ""
        # A daemon thread: the app must be able to exit with the database still locked;
        # the exit hook below gives what is queued EXIT_FLUSH_S to be written first.
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        _LIVE.add(self)

    @property
    def path(self) -> Path:
        """The database file written."""
        return self._path

    @property
    def pending(self) -> int:
        """Batches submitted and not yet written."""
        with self._cv:
            return self._submitted - self._written

    def submit(self, batch: list[WriteOp]) -> None:
        """Queue one batch (one transaction). Never blocks."""
        if not batch:
            return
        with self._cv:
            self._submitted += 1
        self._queue.put(batch)

    def close(self, then: Callable[[], None] | None = None) -> None:
        """No more batches: the worker ends once it has written what it holds, and calls
        ``then`` (on its thread) as it ends. Never blocks."""
        self._then = then
        self._queue.put(None)

    def wait(self, timeout: float | None = None, *, while_ok: bool = False) -> bool:
        """Block until everything submitted is written; False if ``timeout`` ran out first (or
        the database is damaged; with ``while_ok``, as soon as it is found busy). Never call
        this on a real-time event loop."""
        with self._cv:
            self._cv.wait_for(
                lambda: (
                    self._written >= self._submitted
                    or self._finished
                    or (while_ok and self.state is not WriterState.OK)
                ),
                timeout,
            )
            return self._written >= self._submitted

    def join(self, timeout: float | None = None) -> bool:
        """Block until the worker has ended (after ``close``); False on timeout."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # ---------------------------------------------------------------- worker

    def _run(self) -> None:
        store: HistoryStore | None = None
        held: list[list[WriteOp]] = []
        closing = False
        try:
            while True:
                if not closing:
                    retrying = bool(held)
                    try:
                        item = self._queue.get(timeout=RETRY_S if retrying else None)
                    except queue.Empty:
                        item = []
                    closing = self._take(item, held)
                    while not closing:  # everything already queued joins this transaction
                        try:
                            closing = self._take(self._queue.get_nowait(), held)
                        except queue.Empty:
                            break
                if held and self.state is not WriterState.DAMAGED:
                    store = self._write(store, held)
                if closing and (not held or self.state is WriterState.DAMAGED):
                    break
                if closing and held:  # closed while busy: keep trying until written
                    threading.Event().wait(RETRY_S)
        finally:
            if store is not None:
                store.close_quietly()
            if held:
                _LOGGER.error(
                    "%s: %d history batch(es) could not be written (%s)",
                    self._path,
                    len(held),
                    self.message or "the writer ended",
                )
            then = self._then
            if then is not None:
                try:
                    then()
                except Exception:
                    _LOGGER.exception("history writer: the closing step failed")
            with self._cv:
                self._finished = True
                self._cv.notify_all()

    @staticmethod
    def _take(item: list[WriteOp] | None, held: list[list[WriteOp]]) -> bool:
        if item is None:
            return True
        if item:
            held.append(item)
        return False

    def _write(self, store: HistoryStore | None, held: list[list[WriteOp]]) -> HistoryStore | None:
        try:
            if store is None:
                store = HistoryStore.connect(
                    self._path, durability=self._durability, busy_timeout_s=BUSY_TIMEOUT_S
                )
            store.apply_batch([op for batch in held for op in batch])
        except sqlite3.Error as exc:
            if is_busy_error(exc):
                self._set_state(WriterState.BUSY, BUSY_MESSAGE)
                return store
            if not is_damage_error(exc):  # a full disk, a read-only file...: kept, retried
                self._set_state(
                    WriterState.BUSY,
                    f"cannot write the history now ({exc}); this session is kept and saved "
                    "when it can be",
                )
                return store
            if store is not None:
                store.close_quietly()
            self._set_state(
                WriterState.DAMAGED,
                f"{self._path}: the history database is damaged ({exc}); nothing more is "
                "written into it. It is moved aside and a new one started when the history "
                "is next opened.",
            )
            return None
        except Exception:  # a row that cannot be written at all: never retried for ever
            _LOGGER.exception("%s: history rows dropped", self._path)
            self._count_written(held)
            return store
        self._count_written(held)
        if self.state is WriterState.BUSY:
            self._set_state(WriterState.OK, SAVED_MESSAGE)
        return store

    def _count_written(self, held: list[list[WriteOp]]) -> None:
        with self._cv:
            self._written += len(held)
            self._cv.notify_all()
        held.clear()

    def _set_state(self, state: WriterState, message: str) -> None:
        if state is self.state:
            return
        with self._cv:
            self.state = state
            self.message = message
            self._cv.notify_all()
        log = _LOGGER.error if state is WriterState.DAMAGED else _LOGGER.warning
        log("%s", message)
        listener = self._on_state
        if listener is None:
            return
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(_call_listener, listener, state, message)
            except RuntimeError:  # the loop closed meanwhile
                _call_listener(listener, state, message)
        else:
            _call_listener(listener, state, message)


def _call_listener(listener: StateListener, state: WriterState, message: str) -> None:
    try:
        listener(state, message)
    except Exception:
        _LOGGER.exception("history writer state listener failed")


def flush_all(timeout_s: float = EXIT_FLUSH_S) -> bool:
    """Wait (up to ``timeout_s`` in all) for every live writer to write what it holds; True
    when nothing is left. Blocks: for the app's exit path and the interpreter's exit only."""
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
