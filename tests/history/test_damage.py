"""A history with a bad row, a corrupt page, or a file that is not a database at all: one bad
row is shown as damaged and the rest still listed; a damaged file is found at open, moved
aside, and a new history started beside it; nothing is ever written into a file known to be
damaged."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from treadmill_ctl.cli import main
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.history import Ending, HistoryStore, SessionHeader
from treadmill_ctl.history.recorder import record_events
from treadmill_ctl.history.schema import MIGRATIONS, SCHEMA_VERSION
from treadmill_ctl.history.store import default_path
from treadmill_ctl.history.writer import HistoryWriter, WriterState
from treadmill_ctl.proof.sample_sessions import FOUR_BY_THIRTY, record_sample_history
from treadmill_ctl.proof.sample_sessions import sample_events as events_of

BAD_VALUES = [
    ("started_at", "'not a date'"),
    ("forward_s", "'fast'"),
    ("backward_m", "1e308"),
    ("blocks_done", "9223372036854775807"),
    ("hr_count", "-3"),
    ("started_at", "x'00ff'"),  # a blob
]


def spoil(path: Path, session_id: int, column: str, sql_value: str) -> None:
    """Change one value by hand, as a database browser would."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"UPDATE sessions SET {column} = {sql_value} WHERE id = ?", (session_id,))
    conn.close()


@pytest.mark.parametrize(("column", "value"), BAD_VALUES)
def test_one_bad_row_is_listed_as_damaged_and_the_others_still_are(
    column: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with HistoryStore.open() as store:
        ids = record_sample_history(store)
    bad = ids[1]
    spoil(default_path(), bad, column, value)

    with HistoryStore.open() as store:
        listed = store.list_sessions()
        weeks = store.weekly_totals()
        with pytest.raises(HistoryError, match=f"Session {bad} .*damaged.*{column}"):
            store.get_session(bad)
        store.get_session(ids[0])  # the others read as ever
    assert sorted(s.id for s in listed) == sorted(ids)
    [damaged] = [s for s in listed if s.ended is Ending.DAMAGED]
    assert damaged.id == bad
    assert column in damaged.damage
    assert all(not s.damage for s in listed if s.id != bad)
    assert sum(w.sessions for w in weeks) == len(ids) - 1  # its numbers are not counted

    assert main(["history", "list"]) == 0
    out = capsys.readouterr().out
    assert "damaged" in out
    assert len(out.splitlines()) == 1 + len(ids)  # the heading and every session
    assert main(["history", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["ended"] for r in rows].count("damaged") == 1


def test_a_null_where_a_number_goes_in_a_hand_made_file(tmp_path: Path) -> None:
    """A file made by another tool, with the same tables but none of the NOT NULLs."""
    path = tmp_path / "hand-made.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(re.sub(r"NOT NULL", "", MIGRATIONS[0]))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute(
        "INSERT INTO sessions (id, started_at, updated_at, last_t, forward_s, backward_s, "
        "forward_m, backward_m, blocks_done, hr_sum, hr_count, speed_max) "
        "VALUES (7, '2026-03-01T10:00:00+00:00', '2026-03-01T10:30:00+00:00', 1800, NULL, "
        "60, 100, 10, 1, 0, 0, 5)"
    )
    conn.commit()
    conn.close()
    with HistoryStore.open(path) as store:
        record_events(store, _header(), events_of(FOUR_BY_THIRTY))
        listed = store.list_sessions()
    assert len(listed) == 2
    [damaged] = [s for s in listed if s.ended is Ending.DAMAGED]
    assert (damaged.id, "forward_s" in damaged.damage) == (7, True)


def _header() -> SessionHeader:
    return SessionHeader(datetime.now().astimezone(), "four-by-thirty", "Four by thirty")


def corrupt_a_page(path: Path, page: int) -> None:
    """Overwrite one page of the file with garbage (a bad sector, a half-synced copy)."""
    conn = sqlite3.connect(path)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    assert len(data) >= (page + 1) * size, "the file is smaller than that"
    data[page * size : (page + 1) * size] = bytes([0x5A]) * size
    path.write_bytes(bytes(data))


def test_a_corrupt_page_is_found_at_open_moved_aside_and_a_new_history_started(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with HistoryStore.open() as store:
        record_sample_history(store)
    path = default_path()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything into the main file
    conn.close()
    corrupt_a_page(path, 3)
    spoiled = path.read_bytes()

    with HistoryStore.open() as store:
        assert "damaged" in store.notice
        assert store.list_sessions() == []
        record_events(store, _header(), events_of(FOUR_BY_THIRTY))  # the new one works
        assert len(store.list_sessions()) == 1
    [aside] = path.parent.glob(f"{path.name}.damaged-*")
    assert aside.name in store.notice
    assert aside.read_bytes() == spoiled  # kept untouched, never written into
    assert any("damaged" in r.message for r in caplog.records)


def test_the_writer_never_writes_into_a_file_it_found_damaged(tmp_path: Path) -> None:
    """Damage found while recording (the check at open could not see it): the writer says so
    and stops writing into that file, whatever it is given afterwards."""
    path = tmp_path / "h.sqlite3"
    garbage = b"SQLite format 3\x00" + bytes(range(256)) * 64
    path.write_bytes(garbage)
    heard: list[tuple[WriterState, str]] = []
    writer = HistoryWriter(path, on_state=lambda state, message: heard.append((state, message)))
    calls: list[str] = []
    writer.submit([lambda store: calls.append("first")])
    assert not writer.wait(timeout=10)
    assert writer.state is WriterState.DAMAGED
    writer.submit([lambda store: calls.append("second")])
    writer.close()
    assert writer.join(timeout=10)
    assert heard
    assert heard[0][0] is WriterState.DAMAGED
    assert "damaged" in heard[0][1]
    assert "second" not in calls
    assert path.read_bytes() == garbage
