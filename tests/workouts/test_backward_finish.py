""" "Add N backward blocks of S seconds at the end" of an imported workout or a preset: the
blocks go before the cool-down, at the default backward speed, and the result is a preset
that passes every check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from workout_rows import SAMPLES

from treadmill_ctl.cli import main
from treadmill_ctl.session.plan import PhaseKind, Repeat
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings
from treadmill_ctl.workouts.backward_finish import BackwardFinish, parse_finish
from treadmill_ctl.workouts.importing import import_workout


def test_blocks_go_before_the_cool_down_of_an_imported_workout(library: PresetLibrary) -> None:
    preset, _ = import_workout(
        library, SAMPLES / "garmin-style-intervals.fit", finish=BackwardFinish(3, 30)
    )
    *_, group, cool = preset.steps
    assert isinstance(group, Repeat)
    assert group.times == 3
    block, recovery = group.phases
    assert (block.kind, block.duration_s, block.speed_kmh) == (PhaseKind.BACKWARD, 30, 3.0)
    assert recovery.kind is PhaseKind.RECOVERY
    assert cool.kind is PhaseKind.COOLDOWN  # type: ignore[union-attr]
    assert preset.to_plan().backward_blocks == 3
    library.reload()
    assert library.find(preset.id) is not None  # saved, and it loads


def test_the_default_backward_speed_is_used(tmp_path: Path) -> None:
    library = PresetLibrary(Settings(backward_default_kmh=2.5), user_dir=tmp_path / "p")
    preset, _ = import_workout(library, SAMPLES / "tempo-run.zwo", finish=BackwardFinish(2, 45))
    speeds = {p.speed_kmh for p in preset.phases if p.kind is PhaseKind.BACKWARD}
    assert speeds == {2.5}


@pytest.mark.parametrize(
    ("text", "expected"), [("3", BackwardFinish(3, 30)), ("4x45", BackwardFinish(4, 45))]
)
def test_spec(text: str, expected: BackwardFinish) -> None:
    assert parse_finish(text) == expected


@pytest.mark.parametrize("text", ["0", "3x5", "20x30", "three", "3x30x2"])
def test_bad_spec(text: str) -> None:
    with pytest.raises(ValueError, match=r"give N or NxS|1 to 10 blocks"):
        parse_finish(text)


def test_cli_adds_blocks_to_a_preset_file_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "easy.toml"
    source.write_text(
        'schema = 1\nname = "Easy run"\n\n[[step]]\nkind = "forward"\nduration_s = 1200\n'
        'speed_kmh = 8.0\n\n[[step]]\nkind = "cooldown"\nduration_s = 300\nspeed_kmh = 5.0\n',
        encoding="utf-8",
    )
    assert main(["presets", "import", str(source), "--add-backward", "2x30"]) == 0
    capsys.readouterr()
    assert main(["presets", "show", "easy-run", "--json"]) == 0
    kinds = [p["kind"] for p in json.loads(capsys.readouterr().out)["phases"]]
    assert kinds == ["forward", "backward", "recovery", "backward", "recovery", "cooldown"]
    assert main(["presets", "import", str(source), "--add-backward", "x"]) == 2
