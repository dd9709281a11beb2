"""ZWO running workouts become presets: targets scaled by the runner's threshold pace, ramps
as stages, text events as cues, every unmapped or unsafe step named with its line, and an
XML file never able to expand entities or reach outside itself."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from workout_rows import SAMPLES

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.session.plan import PhaseCue, PhaseKind, Repeat
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings
from treadmill_ctl.workouts.importing import (
    WorkoutFormat,
    import_workout,
    read_workout_data,
    read_workout_file,
)
from treadmill_ctl.workouts.zwo import read_zwo

HEAD = "<workout_file><name>W</name><sportType>run</sportType><workout>\n"
TAIL = "\n</workout></workout_file>\n"


def zwo(steps: str, settings: Settings | None = None) -> object:
    return read_zwo((HEAD + steps + TAIL).encode(), "w.zwo", settings=settings or Settings())


def test_sample_run_workout_imports_with_its_cues_and_notes() -> None:
    result = read_workout_file(SAMPLES / "tempo-run.zwo", settings=Settings())
    assert result.errors == ()
    preset = result.preset
    assert preset is not None
    assert preset.name == "Tempo run with strides"
    phases = preset.phases
    # Warm-up ramp 60 %→80 % of the mile pace (pace="0": 112 % of 10 km/h, Riegel) over 10 min:
    # ten one-minute stages 6.8…8.8 km/h.
    assert [p.speed_kmh for p in phases[:10]] == [6.8, 7.0, 7.3, 7.5, 7.7, 7.9, 8.1, 8.4, 8.6, 8.8]
    assert {p.kind for p in phases[:10]} == {PhaseKind.WARMUP}
    steady = phases[10]
    assert (steady.kind, steady.duration_s, steady.speed_kmh) == (PhaseKind.FORWARD, 300, 8.5)
    assert steady.cues == (PhaseCue(0, "Settle into tempo"), PhaseCue(240, "One minute to go"))
    group = preset.steps[11]
    assert isinstance(group, Repeat)
    assert group.times == 5
    on, off = group.phases
    assert (on.kind, on.duration_s, on.speed_kmh, on.cues) == (
        PhaseKind.FORWARD,
        60,
        10.5,
        (PhaseCue(10, "Quick feet"),),
    )
    assert (off.kind, off.duration_s, off.speed_kmh) == (PhaseKind.RECOVERY, 90, 7.0)
    assert preset.total_s == 600 + 300 + 5 * 150 + 120 + 300 + 300
    notes = [str(n) for n in result.notes]
    sample = str(SAMPLES / "tempo-run.zwo")
    assert f"{sample}:10: step 1 <Warmup>: a ramp 6.7→8.9 km/h runs as 10 steady stages" in notes
    # pace="2" is the 10 km pace: with a 10 km/h threshold (a 10 km hour), the same speed.
    assert (
        f"{sample}:11: step 2 <SteadyState>: pace 2 (10 km pace) approximated as 100% of your "
        "threshold pace (Riegel's race-time formula)"
    ) in notes
    assert any(
        n.startswith(f"{sample}:19: step 5 <FreeRide>: a free run has no target") for n in notes
    )
    assert (
        f"{sample}:15: step 3 <IntervalsT>: ignored (nothing on a treadmill uses it): Cadence"
        in notes
    )


def test_threshold_pace_setting_scales_every_target() -> None:
    slow = zwo('<SteadyState Duration="60" Power="0.8"/>', Settings(threshold_speed_kmh=10))
    fast = zwo('<SteadyState Duration="60" Power="0.8"/>', Settings(threshold_speed_kmh=12.5))
    assert slow.preset.phases[0].speed_kmh == 8.0  # type: ignore[attr-defined]
    assert fast.preset.phases[0].speed_kmh == 10.0  # type: ignore[attr-defined]


def test_a_speed_over_the_forward_cap_refuses_the_workout_naming_the_step(
    tmp_path: Path, library: PresetLibrary
) -> None:
    path = tmp_path / "hard.zwo"
    path.write_text(
        HEAD
        + '<Warmup Duration="300" PowerLow="0.5" PowerHigh="0.6"/>\n'
        + '<SteadyState Duration="60" Power="1.3"/>\n'
        + '<SteadyState Duration="60" Power="0.7" treadmillKind="backward"/>'
        + TAIL,
        encoding="utf-8",
    )
    with pytest.raises(
        FileFormatError, match=r"forward speed 13\.0 km/h is above your forward cap"
    ) as err:
        import_workout(library, path)
    text = str(err.value)
    assert f"{path}:3: step 2 <SteadyState>: forward speed 13.0 km/h" in text
    assert (
        f"{path}:4: step 3 <SteadyState>: backward speed 7.0 km/h"
        " is above your backward cap of 6.0 km/h" in text
    )
    assert not library.user_dir.exists() or not list(library.user_dir.iterdir())
    assert all(p.builtin for p in library.presets)


def test_backward_only_when_the_file_says_treadmillKind() -> None:
    result = zwo(
        '<SteadyState Duration="30" Power="0.3" treadmillKind="backward"/>\n'
        '<SteadyState Duration="30" Power="0.3"><textevent timeoffset="0" message="Backward"/>'
        "</SteadyState>"
    )
    kinds = [p.kind for p in result.preset.phases]  # type: ignore[attr-defined]
    assert kinds == [PhaseKind.BACKWARD, PhaseKind.FORWARD]  # a cue's words never turn the belt


def test_every_unmappable_step_is_reported_and_nothing_half_imported() -> None:
    result = zwo(
        '<SteadyState Duration="60" Power="0.7"/>\n'
        '<MaxEffort Duration="20"/>\n'
        '<SteadyState Power="0.7"/>\n'
        '<SteadyState Duration="ten" Power="0.7"/>\n'
        '<IntervalsT Repeat="x" OnDuration="30" OffDuration="30" OnPower="1" OffPower="0.5"/>\n'
        '<SteadyState Duration="60"/>'
    )
    assert result.preset is None  # type: ignore[attr-defined]
    problems = [str(e) for e in result.errors]  # type: ignore[attr-defined]
    assert problems == [
        "w.zwo:3: step 2 <MaxEffort>: a <MaxEffort> step cannot be mapped (known: Warmup, "
        "Cooldown, SteadyState, Ramp, IntervalsT, FreeRide)",
        "w.zwo:4: step 3 <SteadyState>: missing Duration",
        "w.zwo:5: step 4 <SteadyState>: Duration must be a number, not 'ten'",
        "w.zwo:6: step 5 <IntervalsT>: Repeat must be a whole number, not 'x'",
        "w.zwo:7: step 6 <SteadyState>: no target: give Power (a fraction of threshold pace)",
    ]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
            b'"&lol;&lol;&lol;&lol;">]>\n<workout_file>&lol2;</workout_file>',
            "w.zwo:2: a DOCTYPE is not allowed",
        ),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<workout_file>&x;</workout_file>",
            "w.zwo:2: a DOCTYPE is not allowed",
        ),
        (b"<workout_file><name>x</name>", "w.zwo:1: not valid XML: no element found"),
        (b"<workout_file>" + b"<a>" * 40, "w.zwo:1: elements nested more than 16 deep"),
        (b"\xff\xfe<", "w.zwo:1: not valid XML"),
        (
            b"<workout_file><sportType>bike</sportType><workout/></workout_file>",
            "w.zwo:1: <sportType>: sportType 'bike': only running workouts",
        ),
        (
            b"<workout_file><workout><SteadyState Duration='60' Power='0.5'/></workout>"
            b"</workout_file>",
            "no sportType (Zwift reads it as a ride)",
        ),
        (b"<plan/>", "w.zwo:1: <plan>: not a ZWO file"),
        # Found by the fuzzer: a codec name from the file was looked up (LookupError escaped).
        (b'<?xml version="1.0" encoding="UTF-."?>\n<workout_file/>', "no sportType"),
        (b'<?xml version="1.0" encoding="UTF-7"?>\n<workout_file/>', "no sportType"),
    ],
)
def test_hostile_or_foreign_xml_is_a_located_error(body: bytes, reason: str) -> None:
    result = read_zwo(body, "w.zwo", settings=Settings())
    assert result.preset is None
    assert any(str(e).startswith(reason) or reason in str(e) for e in result.errors), result.errors


def test_billion_laughs_is_refused_at_once() -> None:
    entities = "".join(
        f'<!ENTITY l{i} "{"".join(f"&l{i - 1};" for _ in range(10))}">' for i in range(1, 10)
    )
    body = f'<!DOCTYPE w [<!ENTITY l0 "ha">{entities}]><workout_file>&l9;</workout_file>'
    started = time.perf_counter()
    result = read_zwo(body.encode(), "w.zwo", settings=Settings())
    assert time.perf_counter() - started < 0.5
    assert result.preset is None
    assert "DOCTYPE is not allowed" in str(result.errors[0])


def test_oversize_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.zwo"
    path.write_bytes(b"<workout_file>" + b" " * 600_000 + b"</workout_file>")
    result = read_workout_file(path, settings=Settings())
    assert result.preset is None
    assert str(result.errors[0]).startswith(f"{path}: too big")


def test_a_fifo_named_zwo_is_refused_without_waiting(tmp_path: Path) -> None:
    import os

    path = tmp_path / "pipe.zwo"
    os.mkfifo(path)
    result = read_workout_file(path, settings=Settings())
    assert str(result.errors[0]) == f"{path}: not a regular file"


def test_imported_workout_is_saved_as_a_preset_that_loads_again(
    tmp_path: Path, library: PresetLibrary
) -> None:
    preset, _ = import_workout(library, SAMPLES / "tempo-run.zwo")
    assert preset.path is not None
    assert preset.path.parent == library.user_dir
    assert preset.id == "tempo-run-with-strides"
    library.reload()
    again = library.find(preset.id)
    assert again is not None
    assert again.phases == preset.phases  # cues included
    assert 'cue = [{ at_s = 0, text = "Settle into tempo" }' in preset.path.read_text()
    data = read_workout_data(b"", WorkoutFormat.ZWO, "empty.zwo", settings=Settings())
    assert data.preset is None


@pytest.mark.parametrize(
    ("pace", "distance", "words"),
    [("0", 1.609344, "1 mile"), ("1", 5.0, "5 km"), ("3", 21.0975, "half marathon")],
)
def test_the_pace_attribute_picks_the_race_pace_and_says_so_per_step(
    pace: str, distance: float, words: str
) -> None:
    # Zwift's run workouts: pace="1" means the fractions are of the 5 km pace. It was noted as
    # "ignored" and the step ran at the threshold pace.
    result = zwo(
        f'<SteadyState Duration="60" Power="1.0" pace="{pace}"/>\n'
        '<SteadyState Duration="60" Power="1.0"/>',
        Settings(threshold_speed_kmh=10),
    )
    with_pace, without = result.preset.phases  # type: ignore[attr-defined]
    # Riegel: a race of D km takes 60 min × (D / 10) ** 1.06, so its speed is
    # 10 km/h × (D / 10) ** -0.06.
    assert with_pace.speed_kmh == round(10 * (distance / 10) ** -0.06, 1)
    assert without.speed_kmh == 10.0
    notes = [str(n) for n in result.notes]  # type: ignore[attr-defined]
    percent = f"{(distance / 10) ** -0.06:.0%}"
    assert notes == [
        f"w.zwo:2: step 1 <SteadyState>: pace {pace} ({words} pace) approximated as {percent} "
        "of your threshold pace (Riegel's race-time formula)"
    ]


def test_an_unknown_pace_value_is_reported_as_approximated() -> None:
    result = zwo('<SteadyState Duration="60" Power="0.8" pace="8268"/>')
    assert result.preset.phases[0].speed_kmh == 8.0  # type: ignore[attr-defined]
    assert [str(n) for n in result.notes] == [  # type: ignore[attr-defined]
        "w.zwo:2: step 1 <SteadyState>: pace '8268' is not one of Zwift's run paces (0 mile, "
        "1 5 km, 2 10 km, 3 half marathon, 4 marathon): approximated by your threshold pace"
    ]
