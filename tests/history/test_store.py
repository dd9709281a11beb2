"""The history store and recorder: what a runner sees in the list and the detail view."""

from __future__ import annotations

import itertools
import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from treadmill_ctl.errors import HistoryError
from treadmill_ctl.history import Ending, HistoryStore, SessionHeader, SessionRecorder
from treadmill_ctl.history.recorder import read_events_file, record_events
from treadmill_ctl.history.schema import SCHEMA_VERSION
from treadmill_ctl.history.totals import statistics_of
from treadmill_ctl.proof.sample_sessions import (
    FOUR_BY_THIRTY,
    SamplePhase,
    blocks_plan,
    plan_json,
    record_sample_history,
    sample_events,
)
from treadmill_ctl.units import Direction

START = datetime.fromisoformat("2026-03-02T18:30:00+01:00")  # a Monday evening


def header(started: datetime = START, name: str = "Four by thirty") -> SessionHeader:
    return SessionHeader(
        started, "four-by-thirty", name, plan_json(FOUR_BY_THIRTY), "Virtual Treadmill", "ideal"
    )


def test_a_recorded_session_reads_back_with_its_phases_samples_and_totals(
    store: HistoryStore,
) -> None:
    events = list(sample_events(FOUR_BY_THIRTY))
    session_id = record_events(store, header(), events).session_id

    [summary] = store.list_sessions()
    assert summary.id == session_id
    assert summary.ended is Ending.FINISHED
    assert summary.preset == "Four by thirty"
    assert summary.started_at == START
    assert summary.duration_s == events[-1]["t"]
    last_distance = [e for e in events if e["type"] == "data"][-1]["distance_m"]
    assert summary.distance_m == pytest.approx(last_distance)
    # 4 blocks of 30 s at speed, plus the ramps up and down (6 s each at 0.5 km/h/s)
    assert 4 * 30 <= summary.backward_s <= 4 * (30 + 6 + 6 + 1)
    assert summary.backward_m == pytest.approx(4 * (30 * 3.0 / 3.6 + 2 * 6 * 1.5 / 3.6), abs=12)
    assert summary.blocks_done == 4
    assert summary.avg_hr_bpm is not None
    assert summary.max_hr_bpm is not None
    assert summary.max_hr_bpm > summary.avg_hr_bpm

    detail = store.get_session(session_id)
    assert [p.kind for p in detail.phases] == [p.kind for p in FOUR_BY_THIRTY]
    assert [p.direction.value for p in detail.phases] == [p.direction for p in FOUR_BY_THIRTY]
    assert all(p.done for p in statistics_of(detail).phases)
    assert detail.plan == plan_json(FOUR_BY_THIRTY)
    assert len(detail.commands) == sum(1 for e in events if e["type"] == "command")
    assert [s.state for s in detail.states][-1] == "finished"
    assert sum(p.distance_m for p in detail.phases) == pytest.approx(summary.distance_m)
    backward_samples = [s for s in detail.samples if s.direction is Direction.BACKWARD]
    assert backward_samples
    assert max(s.speed_kmh or 0 for s in backward_samples) == 3.0


def test_samples_are_downsampled_to_one_per_second_without_gaps(store: HistoryStore) -> None:
    events = list(sample_events(FOUR_BY_THIRTY, rate_hz=4.0))
    session_id = record_events(store, header(), events).session_id
    samples = store.get_session(session_id).samples
    seconds = [int(s.t) for s in samples]
    assert len(seconds) == len(set(seconds))  # at most one a second
    gaps = [b.t - a.t for a, b in itertools.pairwise(samples)]
    assert max(gaps) <= 1.0 + 1e-6  # at least one a second
    data_seconds = {int(e["t"]) for e in events if e["type"] == "data"}
    assert len(samples) == len(data_seconds)


def test_list_is_newest_first(store: HistoryStore) -> None:
    short = [SamplePhase("warmup", "forward", 4.0, 20)]
    for days in (3, 1, 2):
        record_events(store, header(START + timedelta(days=days)), sample_events(short))
    starts = [s.started_at for s in store.list_sessions()]
    assert starts == sorted(starts, reverse=True)


def test_a_session_without_end_is_in_progress_while_recorded_then_interrupted(
    store: HistoryStore, tmp_path: Path
) -> None:
    recorder = SessionRecorder.open(store, header())
    for event in sample_events(FOUR_BY_THIRTY, end_reason=None, stop_at_t=400):
        recorder.on_event(event)
    # Another reader (the GUI) sees it as in progress while the recorder holds it...
    with HistoryStore.open(store.path) as reader:
        [live] = reader.list_sessions()
        assert live.ended is Ending.IN_PROGRESS
        assert live.duration_s == pytest.approx(400, abs=1)
    # ...and as interrupted once nobody records it and no end was written.
    recorder.close()
    [summary] = store.list_sessions()
    assert summary.ended is Ending.INTERRUPTED
    assert summary.ended.incomplete
    assert summary.blocks_done == 1  # block 2 had not started at t = 400 s
    detail = store.get_session(summary.id)
    assert detail.phases[-1].end_t is None


def test_close_with_a_reason_records_it_when_the_engine_sent_no_end(store: HistoryStore) -> None:
    recorder = SessionRecorder.open(store, header())
    for event in sample_events(FOUR_BY_THIRTY, end_reason=None, stop_at_t=120):
        recorder.on_event(event)
    recorder.close("stopped_by_user")
    assert store.list_sessions()[0].ended is Ending.STOPPED_BY_USER


@pytest.mark.parametrize(
    "reason", ["finished", "stopped_by_user", "stopped_by_machine", "link_lost", "error"]
)
def test_every_end_reason_is_shown(store: HistoryStore, reason: str) -> None:
    events = sample_events(FOUR_BY_THIRTY, end_reason=reason, stop_at_t=200)
    record_events(store, header(), events)
    assert store.list_sessions()[0].ended.value == reason


def test_weekly_totals_show_the_progression(store: HistoryStore) -> None:
    now = datetime.fromisoformat("2026-03-22T19:00:00+01:00")  # a Sunday
    record_sample_history(store, now=now)
    weeks = store.weekly_totals()
    assert [w.label for w in weeks] == ["2026-W10", "2026-W11", "2026-W12"]
    assert sum(w.sessions for w in weeks) == 7
    sessions = store.list_sessions()
    assert sum(w.backward_s for w in weeks) == pytest.approx(sum(s.backward_s for s in sessions))
    assert sum(w.backward_blocks for w in weeks) == sum(s.blocks_done for s in sessions)
    # the runner progressed: more backward minutes in the last full week than in the first
    assert weeks[-1].backward_min > weeks[0].backward_min
    assert weeks[0].week_start.isoformat() == "2026-03-02"


def test_weekly_totals_include_empty_weeks_between_sessions(store: HistoryStore) -> None:
    short = [SamplePhase("backward", "backward", 3.0, 30)]
    record_events(store, header(START), sample_events(short))
    record_events(store, header(START + timedelta(days=21)), sample_events(short))
    weeks = store.weekly_totals()
    assert [w.sessions for w in weeks] == [1, 0, 0, 1]
    assert weeks[1].backward_s == 0
    assert weeks[0].backward_blocks == 1


def test_delete_then_undo(store: HistoryStore) -> None:
    short = [SamplePhase("warmup", "forward", 4.0, 20)]
    keep = record_events(store, header(), sample_events(short)).session_id
    gone = record_events(store, header(START + timedelta(hours=2)), sample_events(short)).session_id
    store.delete_session(gone)
    assert [s.id for s in store.list_sessions()] == [keep]
    assert store.get_summary(gone).deleted
    store.restore_session(gone)
    assert {s.id for s in store.list_sessions()} == {keep, gone}
    store.delete_session(gone)
    assert store.purge_deleted() == 1
    with pytest.raises(HistoryError, match=f"No session {gone}"):
        store.get_session(gone)
    assert store.get_session(keep).samples  # the other one is untouched


def test_schema_is_versioned_and_a_newer_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore.open(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(HistoryError, match="newer than this app"):
        HistoryStore.open(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_moved_aside_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    text = "not a database, just text " * 100
    path.write_text(text)
    with HistoryStore.open(path) as store:
        assert "damaged" in store.notice
        assert store.list_sessions() == []  # a new, empty history beside the old file
        record_events(store, header(), sample_events(blocks_plan(30, 1)))
    [aside] = tmp_path.glob("h.sqlite3.damaged-*")
    assert aside.name in store.notice
    assert aside.read_text() == text  # kept as it was, for the user or a recovery tool


def test_reopening_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with HistoryStore.open(path) as first:
        record_events(first, header(), sample_events(blocks_plan(30, 1)))
    with HistoryStore.open(path) as again:
        [summary] = again.list_sessions()
        assert summary.blocks_done == 1


def test_bad_events_are_counted_never_raised(store: HistoryStore) -> None:
    recorder = SessionRecorder.open(store, header())
    recorder.on_event({"type": "data", "speed_kmh": 3.0})  # no time
    recorder.on_event({"t": "soon", "type": "data"})  # time is not a number
    recorder.on_event({"t": 1.0, "type": "data", "speed_kmh": "fast", "distance_m": None})
    recorder.on_event({"t": 2.0, "type": "phase", "index": "x", "kind": None})
    recorder.on_event({"t": 3.0, "type": "no-such-type"})
    recorder.close()
    assert recorder.errors == 2
    detail = store.get_session(recorder.session_id)
    assert detail.samples[0].speed_kmh is None  # kept, with what could be read
    assert len(detail.phases) == 1


def test_the_same_phase_again_is_not_a_new_lap(store: HistoryStore) -> None:
    recorder = SessionRecorder.open(store, header())
    phase = {"type": "phase", "index": 1, "kind": "backward", "direction": "backward"}
    recorder.on_event({"t": 10.0, **phase, "duration_s": 30})
    recorder.on_event({"t": 25.0, "type": "state", "state": "paused"})
    recorder.on_event({"t": 40.0, **phase, "duration_s": 30})  # after resume
    recorder.close("finished")
    assert len(store.get_session(recorder.session_id).phases) == 1


def test_strap_heart_rate_replaces_the_treadmill_one_while_fresh(store: HistoryStore) -> None:
    recorder = SessionRecorder.open(store, header())
    recorder.on_event({"t": 0.0, "type": "data", "speed_kmh": 3.0, "hr_bpm": 90})
    recorder.on_heart_rate(0.5, 120)
    recorder.on_event({"t": 1.0, "type": "data", "speed_kmh": 3.0, "hr_bpm": 90})
    recorder.on_event({"t": 10.0, "type": "data", "speed_kmh": 3.0, "hr_bpm": 91})  # strap stale
    recorder.close("finished")
    hrs = [s.hr_bpm for s in store.get_session(recorder.session_id).samples]
    assert hrs == [90, 120, 91]


def test_an_events_file_of_a_killed_run_can_be_recorded(
    store: HistoryStore, tmp_path: Path
) -> None:
    events = list(sample_events(FOUR_BY_THIRTY, end_reason=None, stop_at_t=100))
    path = tmp_path / "run.jsonl"
    lines = [json.dumps(e) for e in events]
    path.write_text("\n".join(lines) + "\n" + lines[-1][:17])  # the kill cut the last line
    read = read_events_file(path)
    assert read == events
    recorder = record_events(store, header(), read)
    assert store.get_summary(recorder.session_id).ended is Ending.INTERRUPTED


def test_a_broken_line_in_the_middle_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    path.write_text('{"t": 0, "type": "state", "state": "idle"}\n{oops\n{"t": 1}\n')
    with pytest.raises(HistoryError, match=r"run\.jsonl:2"):
        read_events_file(path)
