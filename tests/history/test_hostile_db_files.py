"""The history file in a state nobody planned for: a folder or a FIFO where the database goes,
or a database another program holds with an exclusive lock while the user exports. Each is a
clear error naming the file, at once; never a crash, never a wait of the full busy timeout."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from treadmill_ctl.cli import main
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.history import HistoryStore
from treadmill_ctl.history.store import default_path
from treadmill_ctl.proof.sample_sessions import record_sample_history


def _folder(path: Path) -> None:
    path.mkdir(parents=True)


def _fifo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


@pytest.mark.parametrize("make", [_folder, _fifo], ids=["folder", "fifo"])
@pytest.mark.parametrize("command", [["list"], ["weeks"], ["show", "1"]])
def test_a_folder_or_fifo_in_place_of_the_database_is_refused_by_name(
    make: object, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = default_path()
    make(path)  # type: ignore[operator]
    assert main(["history", *command]) == 1
    err = capsys.readouterr().err
    assert str(path) in err
    assert "not a regular file" in err
    with pytest.raises(HistoryError, match="not a regular file"):
        HistoryStore.open()
    assert path.exists()  # left as it was


@pytest.fixture
def locked() -> Iterator[list[int]]:
    """Another program holds the database with an exclusive lock (a sqlite3 shell in
    ``PRAGMA locking_mode = EXCLUSIVE`` with a transaction open)."""
    with HistoryStore.open() as store:
        ids = record_sample_history(store)
    other = sqlite3.connect(default_path(), isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE sessions SET device = device")
    try:
        yield ids
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.parametrize("fmt", ["fit", "tcx"])
def test_exporting_from_a_locked_history_says_busy_at_once(
    locked: list[int], fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"s.{fmt}"
    t0 = time.monotonic()
    code = main(["history", "export", str(locked[0]), "--format", fmt, "-o", str(out)])
    elapsed = time.monotonic() - t0
    assert code == 1
    err = capsys.readouterr().err
    assert str(default_path()) in err
    assert "busy" in err
    assert not out.exists()
    assert elapsed < 5.0  # was the full 10 s busy timeout (and more)
