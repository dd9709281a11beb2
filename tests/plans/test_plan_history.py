"""Debriefs and plan runs in the history: the schema-2 migration of an existing database, and
what is read back."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from treadmill_ctl.history import HistoryStore, SessionHeader
from treadmill_ctl.history.debriefs import (
    SessionDebrief,
    current_plan_run,
    get_debrief,
    run_debriefs,
    save_debrief,
    start_plan_run,
    stop_plan_run,
)
from treadmill_ctl.history.schema import MIGRATIONS, SCHEMA_VERSION, _statements

WHEN = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)


def version_1_database(path: Path) -> None:
    """A database as the previous release left it: schema 1 with one session."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO sessions (id, started_at, preset_id, preset_name, updated_at, "
        "ended_reason, ended_t, blocks_done) VALUES (1, ?, 'first-steps', 'First steps', ?, "
        "'finished', 900, 2)",
        (WHEN.isoformat(), WHEN.isoformat()),
    )
    conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_an_existing_database_is_migrated_and_keeps_its_sessions(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    version_1_database(path)
    with HistoryStore.open(path) as store:
        (old,) = store.list_sessions()
        assert (old.id, old.preset_name, old.blocks_done) == (1, "First steps", 2)
        assert get_debrief(store, 1) is None
        save_debrief(store, SessionDebrief(1, True, rpe=4, pain_after=1, answered_at=WHEN))
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    conn.close()
    with HistoryStore.open(path) as store:
        got = get_debrief(store, 1)
    assert got is not None
    assert (got.rpe, got.pain_during, got.pain_after, got.completed) == (4, None, 1, True)
    assert got.session_started_at == WHEN


def test_a_plan_run_collects_its_sessions_and_forgets_deleted_ones(tmp_path: Path) -> None:
    with HistoryStore.open(tmp_path / "h.sqlite3") as store:
        run = start_plan_run(store, "learn-backward-running", "Learn backward running", WHEN)
        ids = [store.create_session(SessionHeader(WHEN)) for _ in range(3)]
        for i, sid in enumerate(ids):
            save_debrief(
                store,
                SessionDebrief(
                    sid, True, run.id, 0, rpe=i, note="ok\x1b[2J\nfine", answered_at=WHEN
                ),
            )
        store.create_session(SessionHeader(WHEN))  # a session not on the plan
        store.delete_session(ids[1])
        got = run_debriefs(store, run.id)
        assert [d.session_id for d in got] == [ids[0], ids[2]]
        assert got[0].note == "ok [2J fine"  # one plain line
        again = start_plan_run(store, "knee-friendly-backward-walking", "Knee", WHEN)
        current = current_plan_run(store)
        assert current is not None
        assert current.id == again.id
        assert run_debriefs(store, again.id) == []
        stop_plan_run(store, WHEN)
        assert current_plan_run(store) is None


def test_out_of_range_answers_read_back_as_not_answered(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with HistoryStore.open(path) as store:
        sid = store.create_session(SessionHeader(WHEN))
        save_debrief(store, SessionDebrief(sid, True, rpe=3, answered_at=WHEN))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE debriefs SET rpe = 99, pain_during = 'x'")
    conn.close()
    with HistoryStore.open(path) as store:
        got = get_debrief(store, sid)
    assert got is not None
    assert (got.rpe, got.pain_during) == (None, None)
