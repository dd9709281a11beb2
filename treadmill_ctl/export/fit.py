"""FIT activity export with Garmin's official ``garmin-fit-sdk`` Encoder.

What the file says, so backward blocks show up in Garmin Connect, Strava and intervals.icu:
- a running activity, sub-sport treadmill (no GPS: distance and speed come from the belt);
- one record per stored sample (time, speed, distance, heart rate, incline as grade);
- one lap per phase. A backward block is an ``active`` lap (the work interval); forward
  phases between blocks are ``recovery`` laps, warm-up and cool-down are ``warmup`` and
  ``cooldown``. Every lap points (``wkt_step_index``) at a workout step whose name says the
  direction ("Backward block 2 3.0 km/h"), and carries developer fields ``direction``
  ("forward"/"backward"), ``phase_kind`` and ``outcome`` ("done", "skipped", "cut short");
  its moving time and distance are the session statistics' (``statistics.py``);
- session and activity messages with the session's statistics: total time, time moving,
  distance, and developer fields ``blocks`` ("1 of 2 done") and ``ending`` ("complete", or
  "ended early: " and why);
- a session that is still running or was interrupted is exported as far as it was recorded,
  with the developer field ``recording`` = "in_progress"/"interrupted" on the session and an
  ``activity``/``stop`` event marking where the record stops short.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from garmin_fit_sdk import Encoder, Profile
from garmin_fit_sdk.fit import BASE_TYPE

from treadmill_ctl import __version__ as APP_VERSION
from treadmill_ctl.export.laps import (
    Lap,
    build_laps,
    cumulative_distances,
    outcome_words,
    wall_time,
)
from treadmill_ctl.history.model import SessionDetail
from treadmill_ctl.history.totals import statistics_of
from treadmill_ctl.storage import atomic_write_bytes
from treadmill_ctl.units import Direction

_MESG: Final[dict[str, int]] = Profile["mesg_num"]

# A fixed identity for treadmill-ctl's developer fields (application_id, 16 bytes).
APPLICATION_ID: Final = uuid.UUID("6d2f1f8e-1b7a-4c55-9a43-7e0b6a1d2b31")

DIRECTION_FIELD_KEY: Final = 0
RECORDING_FIELD_KEY: Final = 1
PHASE_KIND_FIELD_KEY: Final = 2
OUTCOME_FIELD_KEY: Final = 3
BLOCKS_FIELD_KEY: Final = 4
ENDING_FIELD_KEY: Final = 5

_INTENSITY: Final[dict[str, str]] = {
    "warmup": "warmup",
    "cooldown": "cooldown",
    "backward": "active",
    "recovery": "recovery",
    "forward": "recovery",
    "walk": "recovery",
}


def _intensity(lap: Lap) -> str:
    if lap.direction is Direction.BACKWARD:
        return "active"  # every backward phase is the work of the session
    return _INTENSITY.get(lap.kind, "recovery")


def _developer_fields() -> dict[int, dict[str, Any]]:
    data_id: dict[str, Any] = {
        "mesg_num": _MESG["DEVELOPER_DATA_ID"],
        "developer_data_index": 0,
        "application_id": list(APPLICATION_ID.bytes),
        "application_version": _version_number(),
    }

    def describe(number: int, name: str, native: int) -> dict[str, Any]:
        return {
            "mesg_num": _MESG["FIELD_DESCRIPTION"],
            "developer_data_index": 0,
            "field_definition_number": number,
            "fit_base_type_id": BASE_TYPE["STRING"],
            "field_name": name,
            "native_mesg_num": native,
        }

    return {
        DIRECTION_FIELD_KEY: {
            "developer_data_id_mesg": data_id,
            "field_description_mesg": describe(DIRECTION_FIELD_KEY, "direction", _MESG["LAP"]),
        },
        RECORDING_FIELD_KEY: {
            "developer_data_id_mesg": data_id,
            "field_description_mesg": describe(RECORDING_FIELD_KEY, "recording", _MESG["SESSION"]),
        },
        PHASE_KIND_FIELD_KEY: {
            "developer_data_id_mesg": data_id,
            "field_description_mesg": describe(PHASE_KIND_FIELD_KEY, "phase_kind", _MESG["LAP"]),
        },
        OUTCOME_FIELD_KEY: {
            "developer_data_id_mesg": data_id,
            "field_description_mesg": describe(OUTCOME_FIELD_KEY, "outcome", _MESG["LAP"]),
        },
        BLOCKS_FIELD_KEY: {
            "developer_data_id_mesg": data_id,
            "field_description_mesg": describe(BLOCKS_FIELD_KEY, "blocks", _MESG["SESSION"]),
        },
        ENDING_FIELD_KEY: {
            "developer_data_id_mesg": data_id,
            "field_description_mesg": describe(ENDING_FIELD_KEY, "ending", _MESG["SESSION"]),
        },
    }


def _version_number() -> int:
    parts = [int(p) for p in APP_VERSION.split(".")[:3] if p.isdigit()]
    parts += [0] * (3 - len(parts))
    return parts[0] * 10000 + parts[1] * 100 + parts[2]


def _mps(kmh: float | None) -> float | None:
    return None if kmh is None else kmh / 3.6


def encode_fit(detail: SessionDetail) -> bytes:
    """The FIT activity file of a recorded session (as far as it was recorded)."""
    summary = detail.summary
    stats = statistics_of(detail)
    start = summary.started_at
    end = wall_time(detail, stats.end_t)
    laps = build_laps(detail, stats)
    dev_fields = _developer_fields()
    enc = Encoder(dev_fields)

    enc.write_mesg(
        {
            "mesg_num": _MESG["FILE_ID"],
            "type": "activity",
            "manufacturer": "development",
            "product": 0,
            "serial_number": max(1, summary.id),
            "time_created": start,
            "product_name": "treadmill-ctl",
        }
    )
    data_id = dev_fields[DIRECTION_FIELD_KEY]["developer_data_id_mesg"]
    enc.write_mesg(data_id)
    for key in sorted(dev_fields):
        enc.write_mesg(dev_fields[key]["field_description_mesg"])
    enc.write_mesg(
        {
            "mesg_num": _MESG["DEVICE_INFO"],
            "timestamp": start,
            "device_index": "creator",
            "manufacturer": "development",
            "product": 0,
            "product_name": "treadmill-ctl",
            "software_version": _version_number() // 100,
            "descriptor": fit_text(summary.device or "treadmill"),
        }
    )
    _write_workout(enc, detail, laps)
    enc.write_mesg(
        {
            "mesg_num": _MESG["EVENT"],
            "timestamp": start,
            "event": "timer",
            "event_type": "start",
            "timer_trigger": "manual",
        }
    )
    distances = dict(zip(detail.samples, cumulative_distances(detail.samples), strict=True))
    for lap in laps:
        for sample in lap.samples:
            enc.write_mesg(
                {
                    "mesg_num": _MESG["RECORD"],
                    "timestamp": wall_time(detail, sample.t),
                    "distance": distances[sample],
                    "speed": _mps(sample.speed_kmh),
                    "enhanced_speed": _mps(sample.speed_kmh),
                    "heart_rate": sample.hr_bpm,
                    "grade": sample.incline_pct,
                }
            )
        _write_lap(enc, detail, lap, last=lap is laps[-1])
    if summary.ended.incomplete:
        enc.write_mesg(
            {
                "mesg_num": _MESG["EVENT"],
                "timestamp": end,
                "event": "activity",
                "event_type": "stop",
                "data": 0,
            }
        )
    enc.write_mesg(
        {
            "mesg_num": _MESG["EVENT"],
            "timestamp": end,
            "event": "timer",
            "event_type": "stop_all",
            "timer_trigger": "manual",
        }
    )
    moving = stats.moving_s
    ending = "complete" if stats.complete else f"ended early: {stats.why_text}"
    enc.write_mesg(
        {
            "mesg_num": _MESG["SESSION"],
            "message_index": 0,
            "timestamp": end,
            "event": "session",
            "event_type": "stop",
            "start_time": start,
            "sport": "running",
            "sub_sport": "treadmill",
            "total_elapsed_time": stats.total_s,
            "total_timer_time": stats.total_s,
            "total_moving_time": moving,
            "total_distance": stats.distance_m,
            "avg_speed": stats.distance_m / moving if moving > 0 else 0.0,
            "enhanced_avg_speed": stats.distance_m / moving if moving > 0 else 0.0,
            "max_speed": summary.max_speed_kmh / 3.6,
            "enhanced_max_speed": summary.max_speed_kmh / 3.6,
            "avg_heart_rate": summary.avg_hr_bpm,
            "max_heart_rate": summary.max_hr_bpm,
            "first_lap_index": 0,
            "num_laps": len(laps),
            "trigger": "activity_end",
            "developer_fields": {
                RECORDING_FIELD_KEY: _recording_state(detail),
                BLOCKS_FIELD_KEY: f"{stats.blocks_done} of {stats.blocks_planned} done",
                ENDING_FIELD_KEY: fit_text(ending),
            },
        }
    )
    enc.write_mesg(
        {
            "mesg_num": _MESG["ACTIVITY"],
            "timestamp": end,
            "total_timer_time": stats.total_s,
            "num_sessions": 1,
            "type": "manual",
            "event": "activity",
            "event_type": "stop",
            "local_timestamp": _local_timestamp(end),
        }
    )
    return enc.close()


MAX_STRING_BYTES: Final = 254
"""A FIT string field holds at most 255 bytes with its terminating zero."""


def fit_text(text: str) -> str:
    """``text`` cut (at a character) to what a FIT string field holds: a name read from the
    history may be of any length."""
    raw = text.encode("utf-8")
    if len(raw) <= MAX_STRING_BYTES:
        return text
    return raw[:MAX_STRING_BYTES].decode("utf-8", "ignore")


def _recording_state(detail: SessionDetail) -> str:
    ended = detail.summary.ended
    return ended.value if ended.incomplete else "complete"


def _local_timestamp(when: datetime) -> int:
    # FIT local_date_time: seconds since the FIT epoch in local time (UTC + offset).
    offset = when.utcoffset()
    shift = int(offset.total_seconds()) if offset is not None else 0
    return int(when.timestamp()) + shift - 631065600


def _write_workout(enc: Encoder, detail: SessionDetail, laps: list[Lap]) -> None:
    enc.write_mesg(
        {
            "mesg_num": _MESG["WORKOUT"],
            "wkt_name": fit_text(detail.summary.preset or "treadmill session"),
            "sport": "running",
            "sub_sport": "treadmill",
            "num_valid_steps": len(laps),
        }
    )
    for i, lap in enumerate(laps):
        planned = lap.phase.planned_s if lap.phase and lap.phase.planned_s else None
        enc.write_mesg(
            {
                "mesg_num": _MESG["WORKOUT_STEP"],
                "message_index": i,
                "wkt_step_name": fit_text(lap.name or "Session"),
                "duration_type": "time" if planned else "open",
                "duration_value": round(planned * 1000) if planned else None,
                "target_type": "open",
                "intensity": _intensity(lap),
                "notes": f"direction: {lap.direction.value}",
            }
        )


def _write_lap(enc: Encoder, detail: SessionDetail, lap: Lap, *, last: bool) -> None:
    enc.write_mesg(
        {
            "mesg_num": _MESG["LAP"],
            "message_index": lap.number - 1,
            "timestamp": wall_time(detail, lap.end_t),
            "event": "lap",
            "event_type": "stop",
            "start_time": wall_time(detail, lap.start_t),
            "total_elapsed_time": lap.elapsed_s,
            "total_timer_time": lap.elapsed_s,
            "total_moving_time": lap.moving_s,
            "total_distance": lap.distance_m,
            "avg_speed": lap.avg_speed_kmh / 3.6,
            "enhanced_avg_speed": lap.avg_speed_kmh / 3.6,
            "max_speed": lap.max_speed_kmh / 3.6,
            "enhanced_max_speed": lap.max_speed_kmh / 3.6,
            "avg_heart_rate": lap.avg_hr_bpm,
            "max_heart_rate": lap.max_hr_bpm,
            "intensity": _intensity(lap),
            "lap_trigger": "session_end" if last else "time",
            "sport": "running",
            "sub_sport": "treadmill",
            "wkt_step_index": lap.number - 1,
            "developer_fields": {
                DIRECTION_FIELD_KEY: lap.direction.value,
                PHASE_KIND_FIELD_KEY: fit_text(lap.kind),
                OUTCOME_FIELD_KEY: outcome_words(lap.outcome),
            },
        }
    )


def write_fit(detail: SessionDetail, path: Path) -> None:
    """Write the FIT file of ``detail`` to ``path`` atomically."""
    atomic_write_bytes(path, encode_fit(detail))
