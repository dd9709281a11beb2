"""Every built-in preset goes out as ZWO and as a FIT workout and comes back as the same session:
the same phases in order (kind, direction, name), the same durations (to the second: both
formats count whole seconds or milliseconds) and the same speeds (to 0.05 km/h: imported
speeds are rounded to 0.1 km/h; the built-ins' speeds are all on that grid, so exactly)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from workout_rows import SAMPLES, phase_rows

from treadmill_ctl.session.presets import PresetLibrary
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
