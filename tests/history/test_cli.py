"""`treadmill-ctl history ...` on a history recorded in the test's data directory."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from garmin_fit_sdk import Decoder, Stream

from treadmill_ctl.cli import main
from treadmill_ctl.history import HistoryStore, SessionHeader
from treadmill_ctl.history.recorder import record_events
from treadmill_ctl.proof.sample_sessions import (
    FOUR_BY_THIRTY,
    plan_json,
    record_sample_history,
    sample_events,
)

NOW = datetime.fromisoformat("2026-03-22T19:00:00+01:00")


@pytest.fixture
def ids(store: HistoryStore) -> list[int]:
    return record_sample_history(store, now=NOW)


def test_list_json_newest_first_with_the_promised_fields(
    ids: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in listed] == list(reversed(ids))
    for s in listed:
        assert {
            "id",
            "started_at",
            "preset",
            "duration_s",
            "backward_s",
            "distance_m",
            "ended",
        } <= s.keys()
    assert listed[0]["preset"] == "Six by sixty"
    assert {s["ended"] for s in listed} == {"finished", "stopped_by_user", "interrupted"}
    assert listed[0]["backward_s"] >= 6 * 60


def test_list_table(ids: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 + len(ids)
    assert "interrupted" in "\n".join(out)


@pytest.mark.parametrize("fmt", ["fit", "tcx"])
def test_export(
    ids: list[int], tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"s.{fmt}"
    assert main(["history", "export", str(ids[-1]), "--format", fmt, "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    data = out.read_bytes()
    if fmt == "fit":
        assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
    else:
        assert b"TrainingCenterDatabase" in data


def test_export_refuses_to_overwrite_without_force(
    ids: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine.fit"
    out.write_bytes(b"a file the user keeps")
    args = ["history", "export", str(ids[-1]), "--format", "fit", "-o", str(out)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert str(out) in err
    assert "--force" in err
    assert out.read_bytes() == b"a file the user keeps"
    assert main([*args, "--force"]) == 0
    assert Decoder(Stream.from_byte_array(bytearray(out.read_bytes()))).check_integrity()


def test_export_without_a_file_goes_to_the_documents_folder_by_date_and_preset(
    ids: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "show", str(ids[-1]), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    started = datetime.fromisoformat(shown["started_at"])
    assert main(["history", "export", str(ids[-1]), "--format", "tcx"]) == 0
    [written] = (tmp_path / "documents").iterdir()
    assert shown["preset"] == "Six by sixty"
    assert written.name == f"{started:%Y-%m-%d_%H%M}_six-by-sixty.tcx"
    assert str(written) in capsys.readouterr().out
    assert b"TrainingCenterDatabase" in written.read_bytes()


def test_export_unknown_session_fails_clearly(
    store: HistoryStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "export", "42", "--format", "fit", "-o", str(tmp_path / "x")]) == 1
    assert "No session 42" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_show_weeks_delete_restore(ids: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "show", str(ids[0]), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [p["direction"] for p in shown["phases"]].count("backward") == 2
    assert main(["history", "weeks", "--json"]) == 0
    weeks = json.loads(capsys.readouterr().out)
    assert sum(w["sessions"] for w in weeks) == len(ids)
    assert main(["history", "delete", str(ids[0])]) == 0
    assert main(["history", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out.split("\n", 1)[1])) == len(ids) - 1
    assert main(["history", "restore", str(ids[0])]) == 0


def test_import_an_events_file(
    store: HistoryStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "run.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in sample_events()))
    assert main(["history", "import", str(path), "--preset", "Four by thirty"]) == 0
    [summary] = store.list_sessions()
    assert summary.preset == "Four by thirty"
    assert summary.blocks_done == 4


def test_weeks_do_not_count_sessions_that_never_started(
    store: HistoryStore, capsys: pytest.CaptureFixture[str]
) -> None:
    # One real session, and two phantoms: END pressed on a ready screen (no START), and a
    # session started with a belt that never moved.
    def header() -> SessionHeader:
        return SessionHeader(NOW, preset_name="Four by thirty", plan=plan_json(FOUR_BY_THIRTY))

    record_events(store, header(), sample_events())
    never_started = [
        {"t": 0.0, "type": "state", "state": "idle"},
        {"t": 4.0, "type": "end", "reason": "stopped_by_user"},
    ]
    record_events(store, header(), never_started)
    never_moved = [
        {"t": 0.0, "type": "state", "state": "starting_countdown"},
        {"t": 1.0, "type": "data", "speed_kmh": 0.0, "distance_m": 0},
        {"t": 2.0, "type": "state", "state": "stopped"},
        {"t": 2.0, "type": "end", "reason": "stopped_by_user"},
    ]
    record_events(store, header(), never_moved)
    assert main(["history", "weeks", "--json"]) == 0
    (week,) = json.loads(capsys.readouterr().out)
    assert week["sessions"] == 1
    assert week["backward_blocks"] == 4
    assert main(["history", "weeks"]) == 0
    line = capsys.readouterr().out.strip()
    assert "1 session " in line
    assert line.endswith("4 blocks")
    assert "(s)" not in line


def test_show_says_what_was_done_skipped_and_why_it_ended_early(
    store: HistoryStore, capsys: pytest.CaptureFixture[str]
) -> None:
    events = sample_events(end_reason="stopped_by_user", stop_at_t=400)
    header = SessionHeader(NOW, preset_name="Four by thirty", plan=plan_json(FOUR_BY_THIRTY))
    session_id = record_events(store, header, events).session_id
    assert main(["history", "show", str(session_id), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    stats = shown["statistics"]
    assert stats["blocks_planned"] == 4
    assert stats["blocks_done"] == shown["blocks_done"]
    assert stats["ended_early"] is True
    assert stats["why"] == ["stopped by you"]
    assert shown["phases"][-1]["outcome"] == "cut_short"
    assert main(["history", "show", str(session_id)]) == 0
    text = capsys.readouterr().out
    assert f"{stats['blocks_done']} of 4 blocks done; ended early: Stopped by you" in text
    assert "block(s)" not in text


def _skipped_then_finished() -> list[dict[str, object]]:
    """A backward block skipped 29.5 s into its 30 s, then the recovery to the plan's end."""

    def at(t: float, type_: str, **more: object) -> dict[str, object]:
        return {"t": t, "type": type_, **more}

    def belt(t0: int, t1: int, kmh: float) -> list[dict[str, object]]:
        return [at(t / 4, "data", speed_kmh=kmh, distance_m=None) for t in range(4 * t0, 4 * t1)]

    def phase(t: float, index: int, kind: str, seconds: float) -> dict[str, object]:
        way = "backward" if kind == "backward" else "forward"
        return at(t, "phase", index=index, kind=kind, direction=way, duration_s=seconds)

    return [
        at(0, "state", state="idle"),
        at(0, "state", state="starting_countdown"),
        at(5, "state", state="ramping"),
        phase(5, 0, "backward", 30),
        *belt(5, 11, 1.5),
        at(11, "state", state="running_phase"),
        *belt(11, 40, 3.0),
        at(40.5, "state", state="ramping"),
        phase(40.5, 1, "recovery", 10),
        at(41, "state", state="running_phase"),
        *belt(41, 51, 3.0),
        at(51, "state", state="finished"),
        at(51, "end", reason="finished"),
    ]


def test_a_finished_session_with_a_skip_ended_early_in_list_and_show(
    store: HistoryStore, capsys: pytest.CaptureFixture[str]
) -> None:
    # The engine "finished" the plan, but a block was skipped: the summary says "Ended early"
    # (statistics.py), and so do the list and the detail (the list said "finished").
    header = SessionHeader(NOW, "skip", "Skipped one", None, "sim")
    session = record_events(store, header, _skipped_then_finished()).session_id
    store.commit()
    assert main(["history", "list"]) == 0
    (row,) = capsys.readouterr().out.splitlines()[1:]
    assert row.endswith("ended early"), row
    assert main(["history", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["ended"] == "finished"  # the engine's end reason, as before
    assert listed["complete"] is False
    assert listed["phases_skipped"] == 1
    assert main(["history", "show", str(session)]) == 0
    first, second = capsys.readouterr().out.splitlines()[:2]
    assert first.endswith("ended early"), first
    assert second.endswith("ended early: 1 phase skipped"), second
