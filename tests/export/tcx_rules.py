"""The rules of Garmin's TrainingCenterDatabase v2 schema (and of ActivityExtension v2 for the
speed extension), written out for every element treadmill-ctl's TCX writer can produce: which
children, in which order, how many, of which type; required attributes; value types and
enumerations. ``check(root)`` returns the violations (empty = valid).

Transcribed from TrainingCenterDatabasev2.xsd (complex types TrainingCenterDatabase_t,
ActivityList_t, Activity_t, ActivityLap_t, Track_t, Trackpoint_t, HeartRateInBeatsPerMinute_t,
Device_t, Version_t, Extensions_t; simple types Sport_t, Intensity_t, TriggerMethod_t,
SensorState_t, CadenceValue_t, positiveByte) and ActivityExtensionv2.xsd (TPX, LX). Elements
the writer never produces are accepted only where the schema allows them and not descended
into ("skip").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Final

TCX: Final = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
AX: Final = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"
XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"

UNBOUNDED: Final = 10**9

# (child name, type, minOccurs, maxOccurs)
type Particle = tuple[str, str, int, int]

COMPLEX: Final[dict[str, tuple[list[Particle], dict[str, tuple[str, bool]]]]] = {
    "TrainingCenterDatabase_t": (
        [
            ("Folders", "skip", 0, 1),
            ("Activities", "ActivityList_t", 0, 1),
            ("Workouts", "skip", 0, 1),
            ("Courses", "skip", 0, 1),
            ("Author", "skip", 0, 1),
            ("Extensions", "Extensions_t", 0, 1),
        ],
        {},
    ),
    "ActivityList_t": (
        [
            ("Activity", "Activity_t", 0, UNBOUNDED),
            ("MultiSportSession", "skip", 0, UNBOUNDED),
        ],
        {},
    ),
    "Activity_t": (
        [
            ("Id", "dateTime", 1, 1),
            ("Lap", "ActivityLap_t", 1, UNBOUNDED),
            ("Notes", "string", 0, 1),
            ("Training", "skip", 0, 1),
            ("Creator", "AbstractSource_t", 0, 1),
            ("Extensions", "Extensions_t", 0, 1),
        ],
        {"Sport": ("Sport_t", True)},
    ),
    "ActivityLap_t": (
        [
            ("TotalTimeSeconds", "double", 1, 1),
            ("DistanceMeters", "double", 1, 1),
            ("MaximumSpeed", "double", 0, 1),
            ("Calories", "unsignedShort", 0, 1),
            ("AverageHeartRateBpm", "HeartRateInBeatsPerMinute_t", 0, 1),
            ("MaximumHeartRateBpm", "HeartRateInBeatsPerMinute_t", 0, 1),
            ("Intensity", "Intensity_t", 1, 1),
            ("Cadence", "CadenceValue_t", 0, 1),
            ("TriggerMethod", "TriggerMethod_t", 1, 1),
            ("Track", "Track_t", 0, UNBOUNDED),
            ("Notes", "string", 0, 1),
            ("Extensions", "Extensions_t", 0, 1),
        ],
        {"StartTime": ("dateTime", True)},
    ),
    "Track_t": ([("Trackpoint", "Trackpoint_t", 1, UNBOUNDED)], {}),
    "Trackpoint_t": (
        [
            ("Time", "dateTime", 1, 1),
            ("Position", "skip", 0, 1),
            ("AltitudeMeters", "double", 0, 1),
            ("DistanceMeters", "double", 0, 1),
            ("HeartRateBpm", "HeartRateInBeatsPerMinute_t", 0, 1),
            ("Cadence", "CadenceValue_t", 0, 1),
            ("SensorState", "SensorState_t", 0, 1),
            ("Extensions", "Extensions_t", 0, 1),
        ],
        {},
    ),
    "HeartRateInBeatsPerMinute_t": ([("Value", "positiveByte", 1, 1)], {}),
    "Device_t": (
        [
            ("Name", "Token_t", 1, 1),
            ("UnitId", "unsignedInt", 1, 1),
            ("ProductID", "unsignedShort", 1, 1),
            ("Version", "Version_t", 1, 1),
        ],
        {},
    ),
    "Version_t": (
        [
            ("VersionMajor", "unsignedShort", 1, 1),
            ("VersionMinor", "unsignedShort", 1, 1),
            ("BuildMajor", "unsignedShort", 0, 1),
            ("BuildMinor", "unsignedShort", 0, 1),
        ],
        {},
    ),
    # ActivityExtension v2 (namespace AX)
    "ActivityTrackpointExtension_t": (
        [
            ("Speed", "double", 0, 1),
            ("RunCadence", "CadenceValue_t", 0, 1),
            ("Watts", "unsignedShort", 0, 1),
            ("Extensions", "skip", 0, 1),
        ],
        {"CadenceSensor": ("CadenceSensorType_t", False)},
    ),
    "ActivityLapExtension_t": (
        [
            ("AvgSpeed", "double", 0, 1),
            ("MaxBikeCadence", "CadenceValue_t", 0, 1),
            ("AvgRunCadence", "CadenceValue_t", 0, 1),
            ("MaxRunCadence", "CadenceValue_t", 0, 1),
            ("Steps", "unsignedShort", 0, 1),
            ("AvgWatts", "unsignedShort", 0, 1),
            ("MaxWatts", "unsignedShort", 0, 1),
            ("Extensions", "skip", 0, 1),
        ],
        {},
    ),
}

# Global elements of ActivityExtension v2 that may appear inside Extensions_t.
AX_ELEMENTS: Final = {"TPX": "ActivityTrackpointExtension_t", "LX": "ActivityLapExtension_t"}

# Concrete types allowed for the abstract AbstractSource_t (through xsi:type).
ABSTRACT_SOURCE: Final = {"Device_t", "Application_t"}

_DATETIME: Final = re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")
_DOUBLE: Final = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN")


def _int_range(low: int, high: int) -> Callable[[str], bool]:
    return lambda v: re.fullmatch(r"[+]?\d+", v) is not None and low <= int(v) <= high


def _enum(*values: str) -> Callable[[str], bool]:
    return lambda v: " ".join(v.split()) in values


SIMPLE: Final[dict[str, Callable[[str], bool]]] = {
    "dateTime": lambda v: _DATETIME.fullmatch(v.strip()) is not None,
    "double": lambda v: _DOUBLE.fullmatch(v.strip()) is not None,
    "string": lambda v: True,
    "Token_t": lambda v: True,
    "unsignedInt": _int_range(0, 2**32 - 1),
    "unsignedShort": _int_range(0, 2**16 - 1),
    "positiveByte": _int_range(1, 255),
    "CadenceValue_t": _int_range(0, 254),
    "Sport_t": _enum("Running", "Biking", "Other"),
    "Intensity_t": _enum("Active", "Resting"),
    "TriggerMethod_t": _enum("Manual", "Distance", "Location", "Time", "HeartRate"),
    "SensorState_t": _enum("Present", "Absent"),
    "CadenceSensorType_t": _enum("Footpod", "Bike"),
}


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def check(root: ET.Element) -> list[str]:
    """Every violation of the schema's rules in the document rooted at ``root``."""
    problems: list[str] = []
    if root.tag != f"{{{TCX}}}TrainingCenterDatabase":
        return [f"root element is {root.tag}, not TrainingCenterDatabase"]
    _complex(root, "TrainingCenterDatabase_t", "/TrainingCenterDatabase", TCX, problems)
    return problems


def _complex(el: ET.Element, type_name: str, path: str, ns: str, problems: list[str]) -> None:
    if type_name == "skip":
        return
    if type_name == "Extensions_t":
        _extensions(el, path, problems)
        return
    if type_name == "AbstractSource_t":
        concrete = el.get(f"{{{XSI}}}type", "")
        concrete = concrete.split(":")[-1]
        if concrete not in ABSTRACT_SOURCE:
            problems.append(f"{path}: abstract type needs xsi:type Device_t or Application_t")
            return
        if concrete == "Application_t":
            return
        type_name = concrete
    particles, attributes = COMPLEX[type_name]
    for name, (attr_type, required) in attributes.items():
        value = el.get(name)
        if value is None:
            if required:
                problems.append(f"{path}: missing required attribute {name}")
        elif not SIMPLE[attr_type](value):
            problems.append(f"{path}/@{name}: {value!r} is not a valid {attr_type}")
    for attr in el.attrib:
        attr_ns, attr_name = _local(attr)
        if attr_ns != XSI and attr_name not in attributes:
            problems.append(f"{path}: attribute {attr} is not allowed")
    if (el.text or "").strip():
        problems.append(f"{path}: text {el.text!r} in an element with element content")
    children = list(el)
    i = 0
    for name, child_type, low, high in particles:
        count = 0
        while i < len(children) and children[i].tag == f"{{{ns}}}{name}":
            child = children[i]
            child_path = f"{path}/{name}"
            if child_type in SIMPLE:
                if len(child):
                    problems.append(f"{child_path}: simple type {child_type} has child elements")
                elif not SIMPLE[child_type](child.text or ""):
                    problems.append(f"{child_path}: {child.text!r} is not a valid {child_type}")
            else:
                _complex(child, child_type, child_path, ns, problems)
            count += 1
            i += 1
        if count < low:
            problems.append(f"{path}: needs at least {low} {name}, has {count}")
        if count > high:
            problems.append(f"{path}: at most {high} {name} allowed, has {count}")
    for extra in children[i:]:
        problems.append(f"{path}: element {extra.tag} not allowed here (order or name)")


def _extensions(el: ET.Element, path: str, problems: list[str]) -> None:
    for child in el:
        ns, name = _local(child.tag)
        if ns in (TCX, ""):
            problems.append(f"{path}: Extensions takes elements of another namespace only")
        elif ns == AX:
            if name not in AX_ELEMENTS:
                problems.append(f"{path}: {name} is not an ActivityExtension v2 element")
            else:
                _complex(child, AX_ELEMENTS[name], f"{path}/{name}", AX, problems)
        # other namespaces: processContents="lax", nothing to check
