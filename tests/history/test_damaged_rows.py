"""What the history-row fuzzer (proof/fuzz_history.py) found, pinned down: a NULL in a NOT NULL
column is one damaged session (not a damaged file moved aside); a bad value in a session's
phases, samples, commands, alerts or states is named by ``show`` and ``export`` instead of
printing NaN JSON or crashing; a bad deletion mark is shown, never a hidden session; a date
off the calendar is damage; a giant name still exports."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from treadmill_ctl.cli import main
from treadmill_ctl.history import Ending, HistoryStore
from treadmill_ctl.history.store import default_path
from treadmill_ctl.proof.fuzz_history import RowDamage, _write_damage
from treadmill_ctl.proof.sample_sessions import record_sample_history


def _strict(text: str) -> object:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in the JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def ids() -> list[int]:
    with HistoryStore.open() as store:
        return record_sample_history(store)


def _damage(ids: list[int], table: str, column: str, value: object, row: int = 0) -> int:
    victim = ids[1]
    assert _write_damage(default_path(), RowDamage(table, column, 1, row, value), ids)
    return victim


def test_a_null_in_a_not_null_column_is_one_damaged_session_not_a_damaged_file(
    ids: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    victim = _damage(ids, "sessions", "backward_s", None)
    with HistoryStore.open() as store:
        assert store.notice == ""  # not moved aside
        listed = store.list_sessions()
    assert sorted(s.id for s in listed) == sorted(ids)
    [bad] = [s for s in listed if s.ended is Ending.DAMAGED]
    assert bad.id == victim
    assert "sessions.backward_s" in bad.damage
    assert main(["history", "list"]) == 0
    line = next(
        x for x in capsys.readouterr().out.splitlines() if x.lstrip().startswith(f"{victim} ")
    )
    assert "sessions.backward_s = None is not a number" in line
    assert not list(default_path().parent.glob("*.damaged-*"))


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("phases", "distance_m", "9" * 400),  # read back as 1e400: Infinity in the JSON
        ("phases", "end_t", -5.0),  # a negative time
        ("phases", "direction", "sideways"),
        ("samples", "speed_kmh", 1e300),
        ("samples", "t", "soon"),
        ("commands", "value", float("inf")),
        ("commands", "op", b"\x00\xff"),
        ("states", "t", None),
    ],
)
def test_a_bad_value_in_a_sessions_rows_is_named_by_show_and_export(  # noqa: PLR0917
    ids: list[int],
    table: str,
    column: str,
    value: object,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    victim = _damage(ids, table, column, value)
    for args in (
        ["show", str(victim)],
        ["show", str(victim), "--json"],
        ["export", str(victim), "--format", "fit", "-o", str(tmp_path / "s.fit")],
        ["export", str(victim), "--format", "tcx", "-o", str(tmp_path / "s.tcx")],
    ):
        assert main(["history", *args]) == 1, args
        err = capsys.readouterr().err
        assert f"Session {victim}" in err, err
        assert f"{table}.{column}" in err, err
    assert main(["history", "show", str(ids[0]), "--json"]) == 0  # the others read as ever
    _strict(capsys.readouterr().out)
    assert main(["history", "list", "--json"]) == 0
    assert len(_strict(capsys.readouterr().out)) == len(ids)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [5, "soon", b"\x01"])
def test_a_deletion_mark_that_is_no_date_shows_the_session_as_damaged(
    ids: list[int], value: object
) -> None:
    victim = _damage(ids, "sessions", "deleted_at", value)
    with HistoryStore.open() as store:
        listed = {s.id: s for s in store.list_sessions()}
    assert set(listed) == set(ids)
    assert "sessions.deleted_at" in listed[victim].damage


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"])
def test_a_date_off_the_calendar_is_damage_and_weeks_stay_short(
    ids: list[int], value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = _damage(ids, "sessions", "started_at", value)
    with HistoryStore.open() as store:
        listed = {s.id: s for s in store.list_sessions()}
        weeks = store.weekly_totals()
    assert "sessions.started_at" in listed[victim].damage
    assert len(weeks) < 10
    assert main(["history", "weeks", "--json"]) == 0
    _strict(capsys.readouterr().out)


def test_a_giant_preset_name_or_device_still_exports_as_fit(ids: list[int], tmp_path: Path) -> None:
    conn = sqlite3.connect(default_path())
    with conn:
        conn.execute(
            "UPDATE sessions SET preset_name = ?, device = ?, ended_reason = ? WHERE id = ?",
            ("é" * 300_000, "\u202e" * 5000, "x" * 3000, ids[0]),
        )
    conn.close()
    out = tmp_path / "giant.fit"
    assert main(["history", "export", str(ids[0]), "--format", "fit", "-o", str(out)]) == 0
    assert out.stat().st_size > 0
