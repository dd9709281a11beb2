"""FIT workout files (decoded with garmin-fit-sdk) become presets: time and distance steps,
speed targets, repeats; everything a treadmill cannot do is an error naming the step, and a
damaged or foreign FIT file is an error, never a crash."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from garmin_fit_sdk import Encoder, Profile
from workout_rows import SAMPLES

from treadmill_ctl.session.plan import PhaseKind, Repeat
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings
from treadmill_ctl.workouts.fit_workout import read_fit_workout
from treadmill_ctl.workouts.importing import read_workout_file

MESG = Profile["mesg_num"]
MM_PER_S = 1000 / 3.6


def fit(*steps: dict[str, Any], file_type: str = "workout", sport: str = "running") -> bytes:
    enc = Encoder()
    enc.write_mesg(
        {
            "mesg_num": MESG["FILE_ID"],
            "type": file_type,
            "manufacturer": "development",
            "product": 0,
            "serial_number": 7,
            "time_created": datetime(2026, 12, 1, tzinfo=UTC),
        }
    )
    enc.write_mesg({"mesg_num": MESG["WORKOUT"], "wkt_name": "T", "sport": sport})
    for i, step in enumerate(steps):
        enc.write_mesg({"mesg_num": MESG["WORKOUT_STEP"], "message_index": i, **step})
    return bytes(enc.close())


def timed(seconds: float, kmh: float, **more: Any) -> dict[str, Any]:
    mm = round(kmh * MM_PER_S)
    return {
        "duration_type": "time",
        "duration_value": round(seconds * 1000),
        "target_type": "speed",
        "target_value": 0,
        "custom_target_value_low": mm,
        "custom_target_value_high": mm,
        **more,
    }


def read(data: bytes, settings: Settings | None = None) -> Any:
    return read_fit_workout(data, "w.fit", settings=settings or Settings())


def test_garmin_style_sample_imports() -> None:
    result = read_workout_file(SAMPLES / "garmin-style-intervals.fit", settings=Settings())
    assert result.errors == ()
    preset = result.preset
    assert preset is not None
    assert preset.name == "Speed intervals"
    warm, steady, group, cool = preset.steps
    assert (warm.kind, warm.duration_s, warm.speed_kmh) == (PhaseKind.WARMUP, 600, 6.5)  # type: ignore[union-attr]
    # 1 km at the middle of 8–9 km/h: 8.5 km/h for 424 s.
    assert (steady.kind, steady.duration_s, steady.speed_kmh, steady.name) == (  # type: ignore[union-attr]
        PhaseKind.FORWARD,
        424,
        8.5,
        "Steady km",
    )
    assert isinstance(group, Repeat)
    assert group.times == 4
    assert [(p.kind, p.duration_s, p.speed_kmh) for p in group.phases] == [
        (PhaseKind.FORWARD, 60, 11.0),
        (PhaseKind.WALK, 90, 5.0),
    ]
    assert cool.kind is PhaseKind.COOLDOWN  # type: ignore[union-attr]
    notes = [str(n) for n in result.notes]
    sample = SAMPLES / "garmin-style-intervals.fit"
    assert f"{sample}: step 2 (Steady km): 1000 m at 8.5 km/h runs as 424 s" in notes
    assert f"{sample}: step 2 (Steady km): a speed range 8–9 km/h runs at its middle" in notes
    assert any(
        n.startswith(f"{sample}: step 1: no speed target: it runs at 6.5 km/h") for n in notes
    )


def test_backward_only_from_the_direction_note_and_within_the_backward_cap() -> None:
    ok = read(fit(timed(30, 3.0, notes="direction: backward", intensity="interval")))
    assert ok.preset.phases[0].kind is PhaseKind.BACKWARD
    named = read(fit(timed(30, 3.0, wkt_step_name="Backward 0:30")))
    assert named.preset.phases[0].kind is PhaseKind.FORWARD  # a name never turns the belt
    fast = read(fit(timed(30, 6.5, notes="direction: backward")))
    assert fast.preset is None
    assert str(fast.errors[0]) == (
        "w.fit: step 1: backward speed 6.5 km/h is above your backward cap of 6.0 km/h "
        "(settings: backward_cap_kmh)"
    )


def test_unmappable_steps_are_each_reported() -> None:
    result = read(
        fit(
            timed(60, 6.0),
            {"duration_type": "open", "target_type": "open", "wkt_step_name": "Lap"},
            {
                "duration_type": "time",
                "duration_value": 60_000,
                "target_type": "heart_rate",
                "target_value": 2,
            },
            {"duration_type": "calories", "duration_value": 100, "target_type": "open"},
            timed(60, 6.0, target_value=3),
            {"duration_type": "repeat_until_steps_cmplt", "duration_value": 9, "target_value": 2},
        )
    )
    assert result.preset is None
    assert [str(e) for e in result.errors] == [
        "w.fit: step 2 (Lap): an open step (it ends on the lap button): a preset step needs a time",
        "w.fit: step 3: a heart-rate zone of the watch (zone 2): the file gives no heart rate",
        "w.fit: step 4: a step that ends on calories cannot be mapped (time, distance, repeat)",
        "w.fit: step 5: a speed zone of the watch (zone 3): the file gives no speed",
        "w.fit: step 6: a repeat must go back to an earlier step (duration_step)",
    ]


def test_nested_repeats_are_written_out_inside_the_outer_group() -> None:
    result = read(
        fit(
            timed(30, 3.0, notes="direction: backward"),
            timed(60, 5.0, intensity="recovery"),
            {"duration_type": "repeat_until_steps_cmplt", "duration_value": 0, "target_value": 2},
            timed(120, 6.0),
            {"duration_type": "repeat_until_steps_cmplt", "duration_value": 0, "target_value": 3},
        )
    )
    assert result.errors == ()
    (outer,) = result.preset.steps
    assert outer.times == 3
    assert [p.duration_s for p in outer.phases] == [30, 60, 30, 60, 120]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "w.fit: not a FIT file"),
        (b"not a fit file at all", "w.fit: not a FIT file"),
        (fit(timed(60, 6.0))[:-1] + b"\x00", "w.fit: a damaged FIT file (its checksum is wrong)"),
        (fit(timed(60, 6.0), file_type="activity"), "w.fit: a recorded activity, not a workout"),
        (fit(timed(60, 6.0), sport="cycling"), "w.fit: a cycling workout: only running"),
        (fit(), "w.fit: no workout steps to import"),
    ],
)
def test_foreign_or_damaged_fit_is_a_located_error(data: bytes, reason: str) -> None:
    result = read(data)
    assert result.preset is None
    assert str(result.errors[0]).startswith(reason)


def test_truncated_file_is_an_error_not_a_crash() -> None:
    data = fit(timed(60, 6.0), timed(60, 7.0))
    for cut in range(0, len(data), 7):
        result = read(data[:cut])
        assert result.preset is None
        assert result.errors


def test_a_refused_fit_workout_writes_nothing(tmp_path: Path, library: PresetLibrary) -> None:
    from treadmill_ctl.errors import FileFormatError
    from treadmill_ctl.workouts.importing import import_workout

    path = tmp_path / "fast.fit"
    path.write_bytes(fit(timed(60, 6.0), timed(60, 14.0)))
    with pytest.raises(FileFormatError, match=r"step 2: forward speed 14\.0 km/h is above"):
        import_workout(library, path)
    assert not library.user_dir.exists() or not list(library.user_dir.iterdir())
