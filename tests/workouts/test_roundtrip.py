"""Every built-in preset goes out as ZWO and as a FIT workout and comes back as the same session:
the same phases in order (kind, direction, name), the same durations (to the second: both
formats count whole seconds or milliseconds) and the same speeds (to 0.05 km/h: imported
speeds are rounded to 0.1 km/h; the built-ins' speeds are all on that grid, so exactly)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from garmin_fit_sdk import Decoder, Stream
from workout_rows import SAMPLES, phase_rows

from treadmill_ctl.session.plan import PhaseKind
from treadmill_ctl.session.presets import PresetLibrary, check_preset_text
from treadmill_ctl.settings import Settings
from treadmill_ctl.workouts.importing import (
    WorkoutFormat,
    read_workout_data,
    read_workout_file,
    workout_bytes,
)

BUILTINS = [p.id for p in PresetLibrary(Settings(), user_dir=Path("/nonexistent")).presets]


@pytest.mark.parametrize("fmt", list(WorkoutFormat))
@pytest.mark.parametrize("preset_id", BUILTINS)
def test_every_builtin_round_trips(preset_id: str, fmt: WorkoutFormat) -> None:
    settings = Settings()
    library = PresetLibrary(settings, user_dir=Path("/nonexistent"))
    preset = library.find(preset_id)
    assert preset is not None
    data = workout_bytes(preset, fmt, settings, created=datetime(2026, 12, 3, tzinfo=UTC))
    back = read_workout_data(data, fmt, f"{preset_id}.{fmt}", settings=settings)
    assert back.errors == ()
    assert back.notes == ()  # nothing approximated: every phase is said exactly
    assert back.preset is not None
    assert back.preset.name == preset.name
    assert phase_rows(back.preset, settings) == phase_rows(preset, settings)
    assert back.preset.backward_s == preset.backward_s


def test_round_trip_keeps_repeat_groups_in_fit() -> None:
    settings = Settings()
    preset = PresetLibrary(settings, user_dir=Path("/nonexistent")).find("six-by-ninety")
    assert preset is not None
    back = read_workout_data(
        workout_bytes(preset, WorkoutFormat.FIT, settings),
        WorkoutFormat.FIT,
        "x.fit",
        settings=settings,
    )
    assert back.preset is not None
    assert [type(s).__name__ for s in back.preset.steps] == [type(s).__name__ for s in preset.steps]


@pytest.mark.parametrize("name", ["tempo-run.zwo", "garmin-style-intervals.fit"])
def test_imported_samples_round_trip_through_both_formats(name: str) -> None:
    """A third-party-shaped workout, once imported, survives export to either format."""
    settings = Settings()
    first = read_workout_file(SAMPLES / name, settings=settings).preset
    assert first is not None
    for fmt in WorkoutFormat:
        again = read_workout_data(
            workout_bytes(first, fmt, settings), fmt, f"again.{fmt}", settings=settings
        )
        assert again.preset is not None, again.errors
        assert phase_rows(again.preset, settings) == phase_rows(first, settings)
        if fmt is WorkoutFormat.ZWO:  # ZWO carries the text cues; FIT has no place for them
            assert [p.cues for p in again.preset.phases] == [p.cues for p in first.phases]


def test_fit_export_names_backward_blocks_as_a_watch_shows_them() -> None:
    from garmin_fit_sdk import Decoder, Stream

    settings = Settings()
    preset = PresetLibrary(settings, user_dir=Path("/nonexistent")).find("four-by-thirty")
    assert preset is not None
    data = workout_bytes(preset, WorkoutFormat.FIT, settings)
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    assert messages["file_id_mesgs"][0]["type"] == "workout"
    names = [m.get("wkt_step_name") for m in messages["workout_step_mesgs"]]
    assert "Backward 0:30" in names
    assert names[0] == "Brisk walk 5:00"
    repeat = messages["workout_step_mesgs"][4]
    assert repeat["duration_type"] == "repeat_until_steps_cmplt"
    assert (repeat["duration_step"], repeat["repeat_steps"]) == (2, 4)


def test_zwo_export_is_a_run_workout_with_threshold_fractions() -> None:
    settings = Settings(threshold_speed_kmh=12.0)
    preset = PresetLibrary(settings, user_dir=Path("/nonexistent")).find("four-by-thirty")
    assert preset is not None
    text = workout_bytes(preset, WorkoutFormat.ZWO, settings).decode()
    assert "<sportType>run</sportType>" in text
    # 3.0 km/h backward of a 12 km/h threshold pace is a quarter of it.
    assert 'OnPower="0.2500"' in text
    assert 'treadmillOnKind="backward"' in text


CUES_AND_HR = """schema = 1
name = "Cues and heart rate"

[[step]]
kind = "warmup"
duration_s = 120
speed_kmh = 5.0
cue = [{ at_s = 10, text = "Relax the shoulders" }, { at_s = 90, text = "Tall; light feet" }]

[[step]]
kind = "backward"
duration_s = 30
speed_kmh = 3.0
cue = [{ at_s = 15, text = "Halfway" }]

[[step]]
kind = "recovery"
duration_s = 180
speed_kmh = 5.5
hr_zone_bpm = [130, 145]
hr_max_kmh = 7.0
cue = [{ at_s = 60, text = "Easy breathing" }]

[[step]]
kind = "cooldown"
duration_s = 120
speed_kmh = 4.5
hr_zone_bpm = [100, 120]
"""


@pytest.mark.parametrize("fmt", list(WorkoutFormat))
def test_cues_and_heart_rate_zones_round_trip(fmt: WorkoutFormat) -> None:
    # FIT dropped the cues and wrote a heart-rate phase as a fixed speed; ZWO dropped the zone.
    settings = Settings()
    checked = check_preset_text(CUES_AND_HR, source="c.toml", preset_id="c", settings=settings)
    preset = checked.preset
    assert preset is not None, checked.errors
    data = workout_bytes(preset, fmt, settings, created=datetime(2026, 12, 3, tzinfo=UTC))
    back = read_workout_data(data, fmt, f"c.{fmt}", settings=settings)
    assert back.errors == ()
    assert back.notes == ()
    assert back.preset is not None
    assert [p.cues for p in back.preset.phases] == [p.cues for p in preset.phases]
    assert [(p.hr_zone_bpm, p.hr_max_kmh) for p in back.preset.phases] == [
        (None, None),
        (None, None),
        ((130, 145), 7.0),
        ((100, 120), None),
    ]
    assert phase_rows(back.preset, settings) == phase_rows(preset, settings)


def test_fit_heart_rate_steps_are_custom_bpm_targets_and_cues_are_step_notes() -> None:
    settings = Settings()
    preset = check_preset_text(CUES_AND_HR, source="c.toml", preset_id="c", settings=settings)
    assert preset.preset is not None
    data = workout_bytes(preset.preset, WorkoutFormat.FIT, settings)
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert not errors
    steps = messages["workout_step_mesgs"]
    recovery = steps[2]
    assert recovery["target_type"] == "heart_rate"
    # FIT counts heart-rate targets above 100 as bpm + 100.
    assert recovery["custom_target_heart_rate_low"] == 230
    assert recovery["custom_target_heart_rate_high"] == 245
    assert recovery["notes"] == (
        "direction: forward; speed: 5.5 km/h; max: 7 km/h\nat 1:00: Easy breathing"
    )
    assert steps[0]["notes"] == (
        "direction: forward\nat 0:10: Relax the shoulders\nat 1:30: Tall; light feet"
    )
    assert all(len(s.get("notes", "").encode()) <= 254 for s in steps)


def test_a_cue_saying_backward_never_turns_the_belt_after_a_fit_round_trip() -> None:
    settings = Settings()
    text = CUES_AND_HR.replace("Relax the shoulders", "direction: backward; incline: 9 %")
    preset = check_preset_text(text, source="c.toml", preset_id="c", settings=settings).preset
    assert preset is not None
    back = read_workout_data(
        workout_bytes(preset, WorkoutFormat.FIT, settings), WorkoutFormat.FIT, "c.fit",
        settings=settings,
    )  # fmt: skip
    assert back.preset is not None
    warm = back.preset.phases[0]
    assert (warm.kind, warm.incline_pct) == (PhaseKind.WARMUP, None)
    assert warm.cues[0].text == "direction: backward; incline: 9 %"
