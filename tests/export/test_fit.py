"""FIT export: decodes cleanly with Garmin's own SDK Decoder, one lap per phase with the right
direction, and the history's totals."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from garmin_fit_sdk import Decoder, Stream

from treadmill_ctl.export.fit import encode_fit, write_fit
from treadmill_ctl.history import HistoryStore, SessionDetail, SessionHeader, SessionRecorder
from treadmill_ctl.history.recorder import record_events
from treadmill_ctl.proof.sample_sessions import FOUR_BY_THIRTY, plan_json, sample_events

START = datetime.fromisoformat("2026-03-02T18:30:00+01:00")
HEADER = SessionHeader(
    START, "four-by-thirty", "Four by thirty", plan_json(FOUR_BY_THIRTY), "Virtual Treadmill"
)


def decode(data: bytes) -> dict[str, list[dict[str, Any]]]:
    assert Decoder(Stream.from_byte_array(bytearray(data))).is_fit()
    assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    return messages


def finished(store: HistoryStore) -> SessionDetail:
    session_id = record_events(store, HEADER, sample_events(FOUR_BY_THIRTY)).session_id
    return store.get_session(session_id)


def test_running_treadmill_activity_with_one_lap_per_phase(store: HistoryStore) -> None:
    detail = finished(store)
    msgs = decode(encode_fit(detail))
    assert msgs["file_id_mesgs"][0]["type"] == "activity"
    [session] = msgs["session_mesgs"]
    assert (session["sport"], session["sub_sport"]) == ("running", "treadmill")
    laps = msgs["lap_mesgs"]
    assert len(laps) == len(detail.phases) == len(FOUR_BY_THIRTY)
    assert session["num_laps"] == len(laps)
    for lap, phase in zip(laps, FOUR_BY_THIRTY, strict=True):
        assert lap["developer_fields"][0] == phase.direction
        assert lap["sport"] == "running"
        expected = {"warmup": "warmup", "cooldown": "cooldown", "backward": "active"}
        assert lap["intensity"] == expected.get(phase.kind, "recovery")
    steps = msgs["workout_step_mesgs"]
    names = [steps[lap["wkt_step_index"]]["wkt_step_name"] for lap in laps]
    assert [n for n in names if n.startswith("Backward block")] == [
        f"Backward block {i} 3.0 km/h" for i in (1, 2, 3, 4)
    ]
    assert msgs["workout_mesgs"][0]["wkt_name"] == "Four by thirty"


def test_totals_match_the_history(store: HistoryStore) -> None:
    detail = finished(store)
    s = detail.summary
    msgs = decode(encode_fit(detail))
    [session] = msgs["session_mesgs"]
    laps = msgs["lap_mesgs"]
    assert session["total_elapsed_time"] == pytest.approx(s.duration_s, abs=0.001)
    assert session["total_moving_time"] == pytest.approx(s.forward_s + s.backward_s, abs=0.001)
    assert session["total_distance"] == pytest.approx(s.distance_m, abs=0.01)
    assert sum(lap["total_distance"] for lap in laps) == pytest.approx(s.distance_m, abs=0.1)
    assert sum(lap["total_elapsed_time"] for lap in laps) == pytest.approx(s.duration_s, abs=0.01)
    backward = [lap for lap in laps if lap["developer_fields"][0] == "backward"]
    assert sum(lap["total_moving_time"] for lap in backward) == pytest.approx(s.backward_s, 0.01)
    assert session["max_heart_rate"] == s.max_hr_bpm
    assert session["avg_heart_rate"] == s.avg_hr_bpm
    assert session["start_time"] == START
    assert msgs["activity_mesgs"][0]["num_sessions"] == 1
    assert session["developer_fields"][1] == "complete"


def test_records_carry_time_speed_distance_and_heart_rate(store: HistoryStore) -> None:
    detail = finished(store)
    records = decode(encode_fit(detail))["record_mesgs"]
    assert len(records) == len(detail.samples)
    times = [r["timestamp"] for r in records]
    assert times == sorted(times)
    assert len(set(times)) == len(times)
    distances = [r["distance"] for r in records]
    assert distances == sorted(distances)
    assert distances[-1] == pytest.approx(detail.summary.distance_m, abs=1.0)
    assert all(40 <= r["heart_rate"] <= 200 for r in records)
    speeds = [round(r["speed"] * 3.6, 1) for r in records]
    assert speeds == [round(s.speed_kmh or 0, 1) for s in detail.samples]


def test_interrupted_session_exports_what_exists_and_says_so(store: HistoryStore) -> None:
    events = sample_events(FOUR_BY_THIRTY, end_reason=None, stop_at_t=400)
    session_id = record_events(store, HEADER, events).session_id
    detail = store.get_session(session_id)
    msgs = decode(encode_fit(detail))
    [session] = msgs["session_mesgs"]
    assert session["developer_fields"][1] == "interrupted"
    assert len(msgs["lap_mesgs"]) == len(detail.phases) == 3
    assert msgs["lap_mesgs"][-1]["lap_trigger"] == "session_end"
    marks = [e for e in msgs["event_mesgs"] if e["event"] == "activity"]
    assert marks
    assert marks[0]["event_type"] == "stop"
    assert session["total_elapsed_time"] == pytest.approx(400, abs=1)


def test_session_in_progress_exports_too(store: HistoryStore, tmp_path: Path) -> None:
    recorder = SessionRecorder.open(store, HEADER)
    for event in sample_events(FOUR_BY_THIRTY, end_reason=None, stop_at_t=200):
        recorder.on_event(event)
    out = tmp_path / "now.fit"
    write_fit(store.get_session(recorder.session_id), out)
    recorder.close()
    [session] = decode(out.read_bytes())["session_mesgs"]
    assert session["developer_fields"][1] == "in_progress"


def test_session_with_no_phase_yet_still_makes_a_valid_file(store: HistoryStore) -> None:
    events = sample_events(FOUR_BY_THIRTY, end_reason=None, stop_at_t=3)  # in the countdown
    session_id = record_events(store, HEADER, events).session_id
    msgs = decode(encode_fit(store.get_session(session_id)))
    assert len(msgs["lap_mesgs"]) == 1
