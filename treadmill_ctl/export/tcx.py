"""TCX (Garmin TrainingCenterDatabase v2) export.

One ``Lap`` per phase; trackpoints with time, distance, heart rate and the belt speed in the
ActivityExtension v2 ``TPX/Speed`` element (TCX has no speed field of its own). TCX knows only
two lap intensities: a backward block is ``Active``, everything forward is ``Resting``; each
lap's ``Notes`` names the phase, its direction and whether it was done. A lap's
``TotalTimeSeconds`` is its time moving (the timer time of a watch that pauses itself), its
``DistanceMeters`` the distance covered: the session statistics' (``statistics.py``), as the
summary and the history show them. An interrupted or still running session is exported as far
as it was recorded, and the activity's ``Notes`` say so.

Element order and types follow the TrainingCenterDatabase v2 schema (Garmin's
TrainingCenterDatabasev2.xsd); tests/export/test_tcx.py checks them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from treadmill_ctl import __version__ as APP_VERSION
from treadmill_ctl.export.laps import (
    Lap,
    build_laps,
    cumulative_distances,
    outcome_words,
    wall_time,
)
from treadmill_ctl.history.model import Ending, SampleRecord, SessionDetail
from treadmill_ctl.history.totals import statistics_of
from treadmill_ctl.statistics import SessionStatistics, clock_text, plural
from treadmill_ctl.storage import atomic_write_text
from treadmill_ctl.units import Direction

TCX_NS: Final = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
AX_NS: Final = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"
XSI_NS: Final = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION: Final = (
    f"{TCX_NS} http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd "
    f"{AX_NS} http://www.garmin.com/xmlschemas/ActivityExtensionv2.xsd"
)

_INCOMPLETE_NOTE: Final[dict[Ending, str]] = {
    Ending.INTERRUPTED: "INTERRUPTED: the recording stopped without an end (the app was closed "
    "or crashed); this file holds what was recorded up to {stop}.",
    Ending.IN_PROGRESS: "IN PROGRESS: exported while the session was still running; this file "
    "holds what was recorded up to {stop}.",
}


def _t(name: str) -> str:
    return f"{{{TCX_NS}}}{name}"


def _ax(name: str) -> str:
    return f"{{{AX_NS}}}{name}"


def _sub(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, _t(name))
    if text is not None:
        element.text = text
    return element


def _time(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _num(value: float, digits: int = 2) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _hr(parent: ET.Element, name: str, bpm: int | None) -> None:
    if bpm is not None and 1 <= bpm <= 255:
        _sub(_sub(parent, name), "Value", str(bpm))


def encode_tcx(detail: SessionDetail) -> str:
    """The TCX document of a recorded session (as far as it was recorded)."""
    ET.register_namespace("", TCX_NS)
    ET.register_namespace("ax", AX_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(_t("TrainingCenterDatabase"))
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    activity = _sub(_sub(root, "Activities"), "Activity")
    activity.set("Sport", "Running")
    _sub(activity, "Id", _time(detail.summary.started_at))
    distances = dict(zip(detail.samples, cumulative_distances(detail.samples), strict=True))
    stats = statistics_of(detail)
    for lap in build_laps(detail, stats):
        _write_lap(activity, detail, lap, distances)
    _sub(activity, "Notes", _activity_notes(detail, stats))
    _write_creator(activity)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", xml_declaration=False)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _write_lap(
    activity: ET.Element, detail: SessionDetail, lap: Lap, distances: dict[SampleRecord, float]
) -> None:
    element = _sub(activity, "Lap")
    element.set("StartTime", _time(wall_time(detail, lap.start_t)))
    _sub(element, "TotalTimeSeconds", _num(lap.moving_s, 1))
    _sub(element, "DistanceMeters", _num(lap.distance_m, 1))
    _sub(element, "MaximumSpeed", _num(lap.max_speed_kmh / 3.6, 3))
    _hr(element, "AverageHeartRateBpm", lap.avg_hr_bpm)
    _hr(element, "MaximumHeartRateBpm", lap.max_hr_bpm)
    _sub(element, "Intensity", "Active" if lap.direction is Direction.BACKWARD else "Resting")
    _sub(element, "TriggerMethod", "Time")
    if lap.samples:
        track = _sub(element, "Track")
        for sample in lap.samples:
            point = _sub(track, "Trackpoint")
            _sub(point, "Time", _time(wall_time(detail, sample.t)))
            _sub(point, "DistanceMeters", _num(distances[sample], 1))
            _hr(point, "HeartRateBpm", sample.hr_bpm)
            if sample.speed_kmh is not None:
                tpx = ET.SubElement(_sub(point, "Extensions"), _ax("TPX"))
                ET.SubElement(tpx, _ax("Speed")).text = _num(sample.speed_kmh / 3.6, 3)
    outcome = outcome_words(lap.outcome)
    _sub(
        element,
        "Notes",
        f"{lap.name} — direction: {lap.direction.value}" + (f" — {outcome}" if outcome else ""),
    )
    lx = ET.SubElement(_sub(element, "Extensions"), _ax("LX"))
    ET.SubElement(lx, _ax("AvgSpeed")).text = _num(lap.avg_speed_kmh / 3.6, 3)


def _activity_notes(detail: SessionDetail, stats: SessionStatistics) -> str:
    s = detail.summary
    lines = [
        f"{s.preset or 'Treadmill session'} — treadmill-ctl backward-running intervals.",
        f"Backward: {clock_text(stats.backward_s)} moving, {stats.backward_m:.0f} m, "
        f"{stats.blocks_done} of {plural(stats.blocks_planned, 'block')} done. "
        f"Forward: {clock_text(stats.forward_s)} moving, {stats.forward_m:.0f} m.",
        f"Total time {clock_text(stats.total_s)}. "
        + ("Session complete." if stats.complete else f"Ended early: {stats.why_text}."),
    ]
    template = _INCOMPLETE_NOTE.get(s.ended)
    if template is not None:
        lines.append(template.format(stop=_time(s.ended_at)))
    return "\n".join(lines)


def _write_creator(activity: ET.Element) -> None:
    creator = _sub(activity, "Creator")
    creator.set(f"{{{XSI_NS}}}type", "Device_t")
    _sub(creator, "Name", "treadmill-ctl")
    _sub(creator, "UnitId", "0")
    _sub(creator, "ProductID", "0")
    version = _sub(creator, "Version")
    parts = [p for p in APP_VERSION.split(".") if p.isdigit()] + ["0", "0", "0"]
    _sub(version, "VersionMajor", parts[0])
    _sub(version, "VersionMinor", parts[1])
    _sub(version, "BuildMajor", parts[2])
    _sub(version, "BuildMinor", "0")


def write_tcx(detail: SessionDetail, path: Path) -> None:
    """Write the TCX file of ``detail`` to ``path`` atomically."""
    atomic_write_text(path, encode_tcx(detail))
