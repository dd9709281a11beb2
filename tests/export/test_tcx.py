"""TCX export: valid against Garmin's TrainingCenterDatabase v2 rules, laps per phase,
trackpoints with time, distance, heart rate and speed, incomplete sessions marked."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from tcx_rules import AX, TCX, check

from treadmill_ctl.export.tcx import encode_tcx, write_tcx
from treadmill_ctl.history import HistoryStore, SessionDetail, SessionHeader
from treadmill_ctl.history.recorder import record_events
from treadmill_ctl.proof.sample_sessions import FOUR_BY_THIRTY, plan_json, sample_events

START = datetime.fromisoformat("2026-03-02T18:30:00+01:00")
HEADER = SessionHeader(START, "four-by-thirty", "Four by thirty", plan_json(FOUR_BY_THIRTY))
NS = {"t": TCX, "ax": AX}

XSD_CANDIDATES = (
    os.environ.get("TREADMILL_CTL_TCX_XSD", ""),
    str(Path(__file__).parent.parent / "data" / ".cache" / "TrainingCenterDatabasev2.xsd"),
    "/usr/share/pytrainer/schemas/GarminTrainingCenterDatabase_v2.xsd",
)


def record(store: HistoryStore, **kwargs: object) -> SessionDetail:
    events = sample_events(FOUR_BY_THIRTY, **kwargs)  # type: ignore[arg-type]
    return store.get_session(record_events(store, HEADER, events).session_id)


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(text.encode("utf-8"))


def test_follows_the_schema_rules(store: HistoryStore) -> None:
    root = parse(encode_tcx(record(store)))
    assert check(root) == []


def test_the_rule_checker_catches_what_the_schema_forbids(store: HistoryStore) -> None:
    """The checker is only worth something if it fails on broken files."""
    root = parse(encode_tcx(record(store)))
    lap = root.find("t:Activities/t:Activity/t:Lap", NS)
    assert lap is not None
    intensity = lap.find("t:Intensity", NS)
    trigger = lap.find("t:TriggerMethod", NS)
    assert intensity is not None
    assert trigger is not None
    intensity.text = "Backward"  # not in the enumeration
    lap.remove(trigger)  # required
    del lap.attrib["StartTime"]  # required attribute
    problems = check(root)
    assert any("Intensity" in p and "Intensity_t" in p for p in problems)
    assert any("TriggerMethod" in p for p in problems)
    assert any("StartTime" in p for p in problems)
    # order: Notes before Track is wrong
    root = parse(encode_tcx(record(store)))
    lap = root.find("t:Activities/t:Activity/t:Lap", NS)
    assert lap is not None
    notes = lap.find("t:Notes", NS)
    assert notes is not None
    lap.remove(notes)
    lap.insert(0, notes)
    assert any("not allowed here" in p for p in check(root))


def test_validates_against_garmins_xsd(store: HistoryStore) -> None:
    xsd = next((Path(p) for p in XSD_CANDIDATES if p and Path(p).is_file()), None)
    if xsd is None:
        pytest.skip(
            "Garmin's TrainingCenterDatabasev2.xsd is not on this machine (not shipped: no "
            "licence statement); run tests/data/fetch-tcx-xsd.sh. The schema's rules are "
            "checked by test_follows_the_schema_rules anyway."
        )
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema(str(xsd))
    for kwargs in ({}, {"end_reason": None, "stop_at_t": 400}):
        schema.validate(encode_tcx(record(store, **kwargs)))


def test_one_lap_per_phase_with_direction_and_trackpoints(store: HistoryStore) -> None:
    detail = record(store)
    root = parse(encode_tcx(detail))
    activity = root.find("t:Activities/t:Activity", NS)
    assert activity is not None
    assert activity.get("Sport") == "Running"
    assert activity.findtext("t:Id", namespaces=NS) == "2026-03-02T17:30:00Z"
    laps = activity.findall("t:Lap", NS)
    assert len(laps) == len(FOUR_BY_THIRTY)
    for lap, phase in zip(laps, FOUR_BY_THIRTY, strict=True):
        expected = "Active" if phase.direction == "backward" else "Resting"
        assert lap.findtext("t:Intensity", namespaces=NS) == expected
        notes = lap.findtext("t:Notes", namespaces=NS) or ""
        assert f"direction: {phase.direction}" in notes
    points = root.findall(".//t:Trackpoint", NS)
    assert len(points) == len(detail.samples)
    first = points[0]
    assert first.findtext("t:Time", namespaces=NS) == "2026-03-02T17:30:00Z"
    speeds = [
        float(p.findtext("t:Extensions/ax:TPX/ax:Speed", namespaces=NS) or "nan") for p in points
    ]
    assert max(speeds) == pytest.approx(5.5 / 3.6, abs=0.001)
    hrs = [int(p.findtext("t:HeartRateBpm/t:Value", namespaces=NS) or 0) for p in points]
    assert min(hrs) > 40
    distances = [float(p.findtext("t:DistanceMeters", namespaces=NS) or "nan") for p in points]
    assert distances == sorted(distances)
    total = sum(float(lap.findtext("t:DistanceMeters", namespaces=NS) or 0) for lap in laps)
    assert total == pytest.approx(detail.summary.distance_m, abs=0.5)


def test_interrupted_session_is_marked_in_the_notes(store: HistoryStore, tmp_path: Path) -> None:
    detail = record(store, end_reason=None, stop_at_t=400)
    out = tmp_path / "cut.tcx"
    write_tcx(detail, out)
    root = parse(out.read_text(encoding="utf-8"))
    assert check(root) == []
    notes = root.findtext("t:Activities/t:Activity/t:Notes", namespaces=NS) or ""
    assert "INTERRUPTED" in notes
    assert len(root.findall(".//t:Lap", NS)) == 3
    finished_notes = parse(encode_tcx(record(store))).findtext(
        ".//t:Activity/t:Notes", namespaces=NS
    )
    assert "INTERRUPTED" not in (finished_notes or "")
