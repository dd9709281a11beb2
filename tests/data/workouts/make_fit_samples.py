"""Writes garmin-style-intervals.fit, the FIT workout sample the tests read.

Run from the repository root: ``.venv/bin/python tests/data/workouts/make_fit_samples.py``.
It is written with Garmin's FIT SDK (garmin-fit-sdk's Encoder) the way Garmin Connect writes a
running workout, *not* with treadmill-ctl's own exporter, so the import is tested on a file
shaped by someone else: an open-target warm-up, a distance step with a speed range, a repeat
group with a rest step, and an open-target cool-down.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from garmin_fit_sdk import Encoder, Profile

MESG = Profile["mesg_num"]
HERE = Path(__file__).parent


def step(index: int, **fields: object) -> dict[str, object]:
    return {"mesg_num": MESG["WORKOUT_STEP"], "message_index": index, **fields}


def garmin_style() -> bytes:
    enc = Encoder()
    enc.write_mesg(
        {
            "mesg_num": MESG["FILE_ID"],
            "type": "workout",
            "manufacturer": "garmin",
            "product": 65534,
            "serial_number": 123456,
            "time_created": datetime(2026, 11, 2, 7, 30, tzinfo=UTC),
        }
    )
    enc.write_mesg(
        {
            "mesg_num": MESG["WORKOUT"],
            "wkt_name": "Speed intervals",
            "sport": "running",
            "sub_sport": "generic",
            "num_valid_steps": 6,
        }
    )
    kmh = 1000 / 3.6  # mm/s per km/h
    enc.write_mesg(
        step(
            0, duration_type="time", duration_value=600_000, target_type="open", intensity="warmup"
        )
    )
    enc.write_mesg(
        step(
            1,
            wkt_step_name="Steady km",
            duration_type="distance",
            duration_value=100_000,
            target_type="speed",
            target_value=0,
            custom_target_value_low=round(8.0 * kmh),
            custom_target_value_high=round(9.0 * kmh),
            intensity="active",
        )
    )
    enc.write_mesg(
        step(
            2,
            wkt_step_name="Fast",
            duration_type="time",
            duration_value=60_000,
            target_type="speed",
            target_value=0,
            custom_target_value_low=round(11.0 * kmh),
            custom_target_value_high=round(11.0 * kmh),
            intensity="active",
        )
    )
    enc.write_mesg(
        step(
            3,
            duration_type="time",
            duration_value=90_000,
            target_type="speed",
            target_value=0,
            custom_target_value_low=round(5.0 * kmh),
            custom_target_value_high=round(5.0 * kmh),
            intensity="rest",
        )
    )
    enc.write_mesg(
        step(
            4,
            duration_type="repeat_until_steps_cmplt",
            duration_value=2,
            target_value=4,
            intensity="active",
        )
    )
    enc.write_mesg(
        step(
            5,
            duration_type="time",
            duration_value=300_000,
            target_type="open",
            intensity="cooldown",
        )
    )
    return bytes(enc.close())


if __name__ == "__main__":
    (HERE / "garmin-style-intervals.fit").write_bytes(garmin_style())
