"""The History screen with one damaged row in the database: every other session is still
listed (it said "No sessions yet"), and the damaged one is shown as such."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from bridge_world import World, make_world

from treadmill_ctl.app.history_bridge import HistoryBridge
from treadmill_ctl.history import Durability, HistoryStore
from treadmill_ctl.proof.sample_sessions import record_sample_history

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    w = make_world(tmp_path, monkeypatch)
    yield w
    if w.context.history is not None:
        w.context.history.close()


def test_one_bad_row_does_not_empty_the_history_screen(world: World) -> None:
    store = HistoryStore.open(durability=Durability.NORMAL)
    world.context.history = store
    ids = record_sample_history(store)
    conn = sqlite3.connect(store.path)
    with conn:
        conn.execute("UPDATE sessions SET started_at = 'not a date' WHERE id = ?", (ids[0],))
    conn.close()
    bridge = HistoryBridge(world.context)
    bridge.reload()
    rows = bridge.property("sessions")
    assert sorted(r["id"] for r in rows) == sorted(ids)
    assert [r["ended"] for r in rows if r["id"] == ids[0]] == ["Damaged record (cannot be read)"]
    assert bridge.property("problem") == ""
    assert bridge.property("weekSummary").startswith("This week")
