"""Record a session into the history as it runs, from the engine's event dicts.

The recorder consumes exactly the objects of the events file (``event.to_json()`` of the
session engine, or one parsed JSONL line): ``{"t": s, "type": "data"|"phase"|"command"|
"alert"|"state"|"end"|"countdown"|"cue", ...}``, plus one extra type the heart-rate strap glue
may send: ``{"t": s, "type": "hr", "bpm": n}`` (a strap's heart rate overrides the treadmill's
own while it is fresh, see ``hr.source.HeartRateSource``).

A live recorder never waits for the database: its writes go in batches (one per commit) to a
``HistoryWriter`` (history/writer.py) with its own connection and no busy timeout, so a
database that another process holds locked cannot hold up the event loop (and STOP); the
batches wait in memory until the database is free. The session's id is reserved at ``open``
without writing (``RecordingLock.reserve``), so ``session_id`` is known at once even while
the database is locked.

Writing policy (measured in tests/history/test_kill.py and benchmarks/history_write.py):
- samples are kept at 1 Hz of session time (the first data record in each second; a walking
  pad's 4 Hz records are downsampled), each committed at once with the running totals, which
  follow every record;
- every phase, command, alert, state and end is committed at once;
so a crash or a SIGKILL loses at most the data records of the last second.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import methodcaller
from pathlib import Path
from typing import Any, Final, Protocol

from treadmill_ctl.errors import HistoryError
from treadmill_ctl.history.liveness import RecordingLock
from treadmill_ctl.history.model import (
    AlertRecord,
    CommandRecord,
    PhaseRecord,
    SampleRecord,
    SessionHeader,
    StateRecord,
)
from treadmill_ctl.history.store import Durability, HistoryStore
from treadmill_ctl.history.writer import HistoryWriter, StateListener, WriteOp, WriterState
from treadmill_ctl.hr.source import HeartRateSource
from treadmill_ctl.statistics import SessionTally
from treadmill_ctl.statistics_totals import TotalsAccumulator
from treadmill_ctl.units import Direction

_LOGGER = logging.getLogger(__name__)

SAMPLE_INTERVAL_S: Final = 1.0

type EventDict = Mapping[str, Any]


class _Phase:
    __slots__ = ("direction", "index", "kind", "planned_s", "seq")

    def __init__(
        self, seq: int, index: int, kind: str, direction: Direction, planned_s: float | None
    ) -> None:
        self.seq = seq
        self.index = index
        self.kind = kind
        self.direction = direction
        self.planned_s = planned_s


class _QueuedWrites:
    """The store's write methods as the recorder calls them, queued for the history writer:
    ``commit`` hands what was queued since the last one over as one batch (one transaction).
    Outside a running event loop ``commit`` also waits until the batch is written."""

    def __init__(self, writer: HistoryWriter) -> None:
        self.writer = writer
        self._batch: list[WriteOp] = []

    def _queue(self, name: str, *args: object, **kwargs: object) -> None:
        self._batch.append(methodcaller(name, *args, **kwargs))

    def create_session(self, header: SessionHeader, session_id: int) -> None:
        self._queue("create_session", header, session_id, commit=False)

    def add_sample(self, session_id: int, sample: SampleRecord) -> None:
        self._queue("add_sample", session_id, sample)

    def add_command(self, session_id: int, command: CommandRecord) -> None:
        self._queue("add_command", session_id, command)

    def add_alert(self, session_id: int, alert: AlertRecord) -> None:
        self._queue("add_alert", session_id, alert)

    def add_state(self, session_id: int, state: StateRecord) -> None:
        self._queue("add_state", session_id, state)

    def add_phase(self, session_id: int, phase: PhaseRecord) -> None:
        self._queue("add_phase", session_id, phase)

    def end_phase(self, session_id: int, seq: int, end_t: float) -> None:
        self._queue("end_phase", session_id, seq, end_t)

    def finish_session(self, session_id: int, reason: str, t: float) -> None:
        self._queue("finish_session", session_id, reason, t)

    def save_progress(
        self,
        session_id: int,
        last_t: float,
        totals: TotalsAccumulator,
        blocks_done: int,
        phase_seqs: Iterable[int] = (),
    ) -> None:
        # The totals go on changing: the batch keeps them as they are now.
        snapshot = totals.snapshot()
        self._queue("save_progress", session_id, last_t, snapshot, blocks_done, tuple(phase_seqs))

    def commit(self) -> None:
        batch, self._batch = self._batch, []
        self.writer.submit(batch)  # written now if the database is free, never waits for it
        if not _on_a_running_loop():
            # Nothing to keep responsive: retry a busy database a while, as before.
            self.writer.wait(WRITE_THROUGH_S, while_ok=True)


WRITE_THROUGH_S: Final = 10.0
"""Off the loop, how long a commit retries a database that is not known to be busy."""


def _on_a_running_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class SessionRecorder:
    """Writes one session. ``SessionRecorder.open(store, header)``, then ``on_event(dict)`` for
    every engine event, then ``close(reason)``.

    ``on_event`` never raises (it is a listener on the engine): a row that cannot be written
    is logged and counted in ``errors``; the session goes on. A live recorder writes through
    its own ``HistoryWriter`` and never blocks on a running loop (see the module docstring);
    ``state`` and ``message`` say whether the database is busy or damaged, and ``on_state``
    (given to ``open``) hears each change, on the loop that opened the recorder."""

    def __init__(
        self,
        store: HistoryStore,
        session_id: int,
        lock: RecordingLock,
        *,
        close_store: bool = False,
        live: bool = True,
        writes: _QueuedWrites | None = None,
    ) -> None:
        self._store: HistoryStore | _QueuedWrites = writes if writes is not None else store
        self._reader = store
        self._writer = writes.writer if writes is not None else None
        self._close_store = close_store
        self._live = live
        self.detach: Callable[[], None] | None = None  # set by attach_to_engine
        self._id = session_id
        self._lock: RecordingLock | None = lock
        self._tally = SessionTally()  # the stored totals are the statistics' own
        self._phases: list[_Phase] = []
        self._dirty_phases: set[int] = set()
        self._last_bucket: int | None = None
        self._last_data_seq: int | None = None
        self._last_t = 0.0
        self._hr = HeartRateSource()
        self._ended = False
        self.errors = 0
        self.samples_written = 0
        self._handlers: dict[str, Callable[[float, EventDict], None]] = {
            "data": self._on_data,
            "phase": self._on_phase,
            "command": self._on_command,
            "alert": self._on_alert,
            "state": self._on_state,
            "end": self._on_end,
            "hr": self._on_hr,
        }

    @classmethod
    def open(
        cls,
        store: HistoryStore,
        header: SessionHeader,
        *,
        close_store: bool = False,
        live: bool = True,
        on_state: StateListener | None = None,
    ) -> SessionRecorder:
        """Start recording a new session; with ``close_store`` the store is closed with the
        recorder. A live recorder reserves the session's id and hands the session row to its
        writer (never waiting for the database on a running loop). ``live=False`` (importing
        a finished events file) writes everything into ``store`` in one transaction at
        ``close``. ``on_state(state, message)`` hears when the database is busy, free again
        or damaged."""
        if not live:
            session_id = store.create_session(header)
            lock = RecordingLock(store.path, session_id)
            return cls(store, session_id, lock, close_store=close_store, live=False)
        lock = RecordingLock.reserve(store.path, store.next_session_id)
        writes = _QueuedWrites(
            HistoryWriter(
                store.path,
                store.durability,
                on_state=on_state,
                name=f"history-writer-{lock.session_id}",
            )
        )
        writes.create_session(header, lock.session_id)
        writes.commit()
        return cls(store, lock.session_id, lock, close_store=close_store, writes=writes)

    @property
    def state(self) -> WriterState:
        """OK, BUSY (kept in memory, written when the database is free) or DAMAGED."""
        return self._writer.state if self._writer is not None else WriterState.OK

    @property
    def message(self) -> str:
        """What to tell the user about ``state`` ("" while all is well)."""
        return self._writer.message if self._writer is not None else ""

    @property
    def pending(self) -> int:
        """Batches of this session not yet in the database (0 when all is written)."""
        return self._writer.pending if self._writer is not None else 0

    def wait_written(self, timeout: float | None = None) -> bool:
        """True once everything recorded so far is in the database. Off the event loop it
        retries a busy database until ``timeout``; on the loop's thread it tries once."""
        return self._writer.wait(timeout) if self._writer is not None else True

    @property
    def session_id(self) -> int:
        """The id of the session in the history."""
        return self._id

    @property
    def closed(self) -> bool:
        """True after ``close``."""
        return self._lock is None

    def on_event(self, event: EventDict) -> None:
        """Record one engine event (a dict of the events file). Never raises."""
        if self._lock is None:
            return
        try:
            handler = self._handlers.get(str(event.get("type")))
            if handler is None:
                return  # countdown, cue and unknown types are not part of the record
            t = _number(event.get("t"))
            if t is None:
                self.errors += 1
                _LOGGER.warning("Session event without a time not recorded: %r", event)
                return
            handler(t, event)
            self._last_t = max(self._last_t, t)
        except Exception:
            self.errors += 1
            _LOGGER.exception("Could not record session event %r", event)

    def on_heart_rate(self, t: float, bpm: int | None) -> None:
        """A strap's heart rate at session time ``t`` (None: strap lost or no contact)."""
        self.on_event({"t": t, "type": "hr", "bpm": bpm})

    def close(self, reason: str | None = None) -> None:
        """Stop recording. ``reason`` (an engine end reason) is recorded unless the engine's
        ``end`` event already was; without either, the session stays "interrupted". Never
        waits for the database on a running loop: the writer finishes on its own (and keeps
        trying on the loop's timer while the database is busy); elsewhere it returns once all
        is written (or the database is found busy)."""
        if self._lock is None:
            return
        try:
            if self.detach is not None:
                self.detach()
                self.detach = None
            if reason is not None and not self._ended:
                self._end(self._last_t, reason)
            self._save_progress()
            self._store.commit()
        finally:
            lock, self._lock = self._lock, None
            writer = self._writer
            if writer is None:
                lock.release()
                if self._close_store:
                    self._store_close()
            else:
                writer.close(then=lock.release)  # the id stays claimed until its row is written
                if self._close_store:
                    self._store_close()
                if not _on_a_running_loop() and writer.wait(WRITE_THROUGH_S, while_ok=True):
                    writer.join(WRITE_THROUGH_S)  # it ends (and lets go of the id) at once

    def _store_close(self) -> None:
        self._reader.close()

    # ---------------------------------------------------------------- events

    def _on_data(self, t: float, event: EventDict) -> None:
        self._hr.treadmill(t, _int(event.get("hr_bpm")))
        hr, _source = self._hr.current(t)
        speed = _number(event.get("speed_kmh"))
        distance = _number(event.get("distance_m"))
        phase = self._phases[-1] if self._phases else None
        seq = phase.seq if phase else None
        # Totals follow every record (a 4 Hz pad gives 0.25 s precision at phase changes);
        # the interval that ends here belongs to the previous record's phase.
        direction = phase.direction if phase else Direction.FORWARD
        self._tally.data(t, speed_kmh=speed, distance_m=distance, hr_bpm=hr)
        self._dirty_phases.update(s for s in (self._last_data_seq, seq) if s is not None)
        self._last_data_seq = seq
        bucket = math.floor(t / SAMPLE_INTERVAL_S)
        if self._last_bucket is not None and bucket <= self._last_bucket:
            return  # downsampled: one stored sample per second of session time
        self._last_bucket = bucket
        incline = _number(event.get("incline_pct"))
        self._store.add_sample(
            self._id, SampleRecord(t, speed, distance, incline, hr, seq, direction)
        )
        self.samples_written += 1
        self._commit(t)

    def _on_phase(self, t: float, event: EventDict) -> None:
        index = _int(event.get("index"))
        kind = str(event.get("kind", ""))
        current = self._phases[-1] if self._phases else None
        direction = (
            Direction.BACKWARD if event.get("direction") == "backward" else Direction.FORWARD
        )
        seq = self._tally.phase(
            t,
            index=index or 0,
            kind=kind,
            direction=direction.value,
            planned_s=_number(event.get("duration_s")),
        )
        if seq is None:
            return  # the same phase again (resume after a pause): not a new lap
        if current is not None:
            self._store.end_phase(self._id, current.seq, t)
            self._dirty_phases.add(current.seq)
        phase = _Phase(seq, index or 0, kind, direction, _number(event.get("duration_s")))
        self._phases.append(phase)
        self._store.add_phase(
            self._id,
            PhaseRecord(
                seq=phase.seq,
                index=phase.index,
                kind=kind,
                direction=direction,
                target_speed_kmh=_number(event.get("target_speed_kmh")),
                planned_s=phase.planned_s,
                start_t=t,
                end_t=None,
                moving_s=0.0,
                distance_m=0.0,
            ),
        )
        self._commit(t)

    def _on_command(self, t: float, event: EventDict) -> None:
        command = CommandRecord(
            t,
            op=str(event.get("op", "")),
            value=_number(event.get("value")),
            wire=str(event.get("wire") or ""),
            result=str(event.get("result", "")),
        )
        self._store.add_command(self._id, command)
        self._commit(t)

    def _on_alert(self, t: float, event: EventDict) -> None:
        alert = AlertRecord(
            t,
            str(event.get("level", "info")),
            str(event.get("message", "")),
            str(event.get("code", "") or ""),
            params if isinstance(params := event.get("params"), dict) else None,
        )
        self._store.add_alert(self._id, alert)
        self._commit(t)

    def _on_state(self, t: float, event: EventDict) -> None:
        state = str(event.get("state", ""))
        self._tally.state(t, state)
        self._store.add_state(self._id, StateRecord(t, state))
        self._commit(t)

    def _on_end(self, t: float, event: EventDict) -> None:
        self._end(t, str(event.get("reason", "error")))
        self._commit(t)
        if self.detach is not None:  # attached to an engine: "end" is its last event
            self._last_t = max(self._last_t, t)
            self.close()

    def _on_hr(self, t: float, event: EventDict) -> None:
        self._hr.strap(t, _int(event.get("bpm")))

    # --------------------------------------------------------------- helpers

    def _end(self, t: float, reason: str) -> None:
        if self._phases and not self._ended:
            self._store.end_phase(self._id, self._phases[-1].seq, t)
        self._store.finish_session(self._id, reason, t)
        self._tally.end(t, reason)
        self._ended = True

    def _save_progress(self) -> None:
        self._store.save_progress(
            self._id, self._last_t, self._tally.totals, self._tally.blocks_done, self._dirty_phases
        )
        self._dirty_phases.clear()

    def _commit(self, t: float) -> None:
        self._last_t = max(self._last_t, t)
        if not self._live:
            return
        self._save_progress()
        self._store.commit()


class EventSource(Protocol):
    """What ``attach_to_engine`` needs from the session engine (``SessionEngine``)."""

    def add_listener(self, listener: Callable[[Any], None]) -> Callable[[], None]: ...


def attach_to_engine(
    engine: EventSource,
    header: SessionHeader,
    store: HistoryStore | None = None,
    *,
    durability: Durability = Durability.FULL,
    on_state: StateListener | None = None,
) -> SessionRecorder:
    """Record everything ``engine`` emits from now on; the headless run and the GUI call this
    right before ``engine.run()``. Events may be objects with ``to_json()`` (the engine's) or
    plain dicts. The recorder closes itself on the engine's ``end`` event (the last one);
    ``recorder.close()`` in a ``finally`` is still right (it is idempotent) and keeps a run that
    dies without an ``end`` marked "interrupted". Without ``store`` the default history
    database is opened (with ``durability``) and closed with the recorder. ``on_state`` hears
    when the database is busy, free again or damaged (see ``SessionRecorder.open``)."""
    own_store = store is None
    if store is None:
        store = HistoryStore.open(durability=durability)
    try:
        recorder = SessionRecorder.open(store, header, close_store=own_store, on_state=on_state)
    except BaseException:
        if own_store:
            store.close()
        raise

    def listener(event: Any) -> None:
        recorder.on_event(event.to_json() if hasattr(event, "to_json") else event)

    recorder.detach = engine.add_listener(listener)
    return recorder


@contextlib.contextmanager
def history_observer(
    *,
    preset_id: str,
    preset_name: str,
    plan: object = None,
    device: str = "Virtual Treadmill",
    profile: str = "",
    durability: Durability = Durability.NORMAL,
    on_state: StateListener | None = None,
) -> Iterator[Callable[[Any], None]]:
    """Record one run into the default history: a context manager yielding the event listener
    (events with ``to_json()`` or dicts). This is what ``treadmill-ctl run`` plugs into its
    ``session_observers`` hook. ``plan`` may be a dataclass (the engine's Plan: stored with
    ``dataclasses.asdict``) or any JSON-able value. Headless runs drive the virtual treadmill
    only, so ``Durability.NORMAL`` (no fsync; still safe against a crash or kill) is the
    default. If the history cannot be opened, the run goes on unrecorded (logged)."""
    header = SessionHeader.now(
        preset_id=preset_id,
        preset_name=preset_name,
        plan=_jsonable(plan),
        device=device,
        profile=profile,
    )
    try:
        store = HistoryStore.open(durability=durability)
        recorder = SessionRecorder.open(store, header, close_store=True, on_state=on_state)
    except (HistoryError, OSError):
        _LOGGER.warning("This run is not recorded in the history", exc_info=True)
        yield lambda _event: None
        return

    def listener(event: Any) -> None:
        recorder.on_event(event.to_json() if hasattr(event, "to_json") else event)

    try:
        yield listener
    finally:
        recorder.close()


def _jsonable(plan: object) -> Any:
    if dataclasses.is_dataclass(plan) and not isinstance(plan, type):
        plan = dataclasses.asdict(plan)
    return json.loads(json.dumps(plan, default=str))


def record_events(
    store: HistoryStore, header: SessionHeader, events: Iterable[EventDict]
) -> SessionRecorder:
    """Record a whole, already finished list of events (an events file); returns the closed
    recorder (its ``session_id`` names the new session)."""
    recorder = SessionRecorder.open(store, header, live=False)
    try:
        for event in events:
            recorder.on_event(event)
    finally:
        recorder.close()
    return recorder


def read_events_file(path: Path) -> list[dict[str, Any]]:
    """The events of a JSONL events file (``treadmill-ctl run --events``). A bad line is a
    HistoryError naming the file and the line; a cut-off last line (a killed run) is dropped."""
    events: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise HistoryError(f"{path}: cannot read events: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:
            if number == len(lines):
                _LOGGER.warning("%s:%d: cut-off last line dropped", path, number)
                break
            raise HistoryError(f"{path}:{number}: not a JSON object: {exc}") from exc
        if not isinstance(value, dict):
            raise HistoryError(f"{path}:{number}: not a JSON object")
        events.append(value)
    return events


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def _int(value: object) -> int | None:
    f = _number(value)
    return round(f) if f is not None else None
