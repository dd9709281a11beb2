"""The preset editor: checked as the user types, refuses values above the caps with the reason
next to the field, saves atomically through the real preset library."""

from __future__ import annotations

from pathlib import Path

import pytest
from bridge_world import World, make_world

from treadmill_ctl.app.preset_editor_bridge import EditorBridge
from treadmill_ctl.app.presets_bridge import PresetsBridge
from treadmill_ctl.session.presets import PresetLibrary, builtin_presets_dir, user_presets_dir
from treadmill_ctl.settings import Settings
from treadmill_ctl.units import SpeedUnit

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    return make_world(tmp_path, monkeypatch)


def new_editor(world: World) -> tuple[PresetsBridge, EditorBridge]:
    presets = PresetsBridge(world.context)
    presets.create()
    return presets, presets.editor


def steps(editor: EditorBridge) -> list[dict[str, object]]:
    return list(editor.property("steps"))


def test_a_new_preset_starts_valid_with_its_totals(world: World) -> None:
    _, editor = new_editor(world)
    assert world.screens == ["editor"]
    assert editor.property("title") == "New preset"
    assert editor.property("valid") is True
    # warm-up 5:00, 2 × (0:30 backward + 1:30 recovery), cool-down 3:00
    assert (editor.property("total"), editor.property("backward")) == ("12:00", "1:00")
    shape = [(s["isRepeat"], [p["kind"] for p in s["phases"]]) for s in steps(editor)]
    assert shape == [(False, ["warmup"]), (True, ["backward", "recovery"]), (False, ["cooldown"])]


def test_a_backward_speed_above_the_cap_is_refused_with_the_reason_at_its_field(
    world: World,
) -> None:
    _, editor = new_editor(world)
    editor.setPhaseField(1, 0, "speed", "6.5")
    errors = editor.property("errors")
    assert errors == {
        "1.0.speed": "Backward speed 6.5 km/h is above your backward cap of 6.0 km/h "
        "(change it in Settings)"
    }
    assert editor.property("valid") is False
    assert editor.property("total") == "–:––"
    assert editor.save() is False
    assert not user_presets_dir().exists()
    editor.setPhaseField(1, 0, "speed", "3.5")
    assert editor.property("errors") == {}
    assert editor.property("valid") is True


def test_the_hard_ceiling_holds_even_with_the_cap_raised_to_it(world: World) -> None:
    world.context.settings = Settings(backward_cap_kmh=8.0)
    _, editor = new_editor(world)
    editor.setPhaseField(1, 0, "speed", "8.5")
    assert "above the hard ceiling of 8.0 km/h" in editor.property("errors")["1.0.speed"]
    editor.setPhaseField(1, 0, "speed", "8")
    assert editor.property("valid") is True


def test_problems_land_on_the_field_that_has_them(world: World) -> None:
    _, editor = new_editor(world)
    editor.setPhaseField(0, 0, "duration", "five minutes")
    editor.setPhaseField(2, 0, "speed", "")
    editor.setRepeat(1, "0")
    editor.setHeader("name", "  ")
    errors = editor.property("errors")
    assert errors["0.0.duration"] == "Type a time, like 30 (seconds) or 1:30"
    assert errors["2.0.speed"] == "Needs a speed (only backward phases can use the default)"
    assert "from 1 to 100" in errors["1.repeat"]
    assert errors["name"] == "Give the preset a name"
    assert editor.property("errorCount") == 4


def test_a_backward_phase_may_leave_its_speed_to_the_default(world: World) -> None:
    _, editor = new_editor(world)
    editor.setPhaseField(1, 0, "speed", "")
    assert editor.property("valid") is True


def test_typing_does_not_rebuild_the_rows_but_structure_changes_do(world: World) -> None:
    _, editor = new_editor(world)
    rebuilt: list[int] = []
    editor.stepsChanged.connect(lambda: rebuilt.append(1))
    for text in ("4", "4.", "4.5"):
        editor.setPhaseField(0, 0, "speed", text)
    assert rebuilt == []  # the field being typed in is never recreated
    editor.addRepeat()
    editor.moveStep(3, -1)
    editor.removePhase(0, 0)
    assert len(rebuilt) == 3
    kinds = [[p["kind"] for p in s["phases"]] for s in steps(editor)]
    assert kinds == [["backward", "recovery"], ["backward", "recovery"], ["cooldown"]]


def test_save_writes_a_user_preset_that_the_library_reads_back(world: World) -> None:
    presets, editor = new_editor(world)
    editor.setHeader("name", "Three by forty")
    editor.setHeader("description", "Short and gentle.")
    editor.setRepeat(1, "3")
    editor.setPhaseField(1, 0, "duration", "0:40")
    editor.setHeader("turningStyle", "walk")
    editor.setHeader("turningWalk", "1.2")
    assert editor.save() is True
    assert world.screens[-1] == "presets"
    saved = PresetLibrary(Settings()).find("three-by-forty")
    assert saved is not None
    assert not saved.builtin
    assert saved.description == "Short and gentle."
    assert saved.to_plan().backward_blocks == 3
    assert saved.to_plan().longest_backward_s() == 40.0
    assert (str(saved.turning_style), saved.turning_walk_kmh) == ("walk", 1.2)
    assert presets.property("selectedId") == "three-by-forty"
    assert [p.name for p in user_presets_dir().iterdir()] == ["three-by-forty.toml"]


def test_editing_a_built_in_never_changes_its_file(world: World) -> None:
    original = (builtin_presets_dir() / "four-by-thirty.toml").read_text()
    presets = PresetsBridge(world.context)
    presets.edit("four-by-thirty")
    editor = presets.editor
    editor.setRepeat(2, "5")
    assert editor.save() is True
    assert (builtin_presets_dir() / "four-by-thirty.toml").read_text() == original
    copy = PresetLibrary(Settings()).find("Four by thirty (copy)")
    assert copy is not None
    assert copy.to_plan().backward_blocks == 5


def test_editing_a_user_preset_overwrites_its_own_file(world: World) -> None:
    presets = PresetsBridge(world.context)
    presets.duplicate("first-steps")
    presets.edit("first-steps-copy")
    editor = presets.editor
    assert editor.property("title") == "Edit “First steps (copy)”"
    editor.setPhaseField(0, 0, "duration", "4:00")
    assert editor.save() is True
    assert [p.name for p in user_presets_dir().iterdir()] == ["first-steps-copy.toml"]
    saved = PresetLibrary(Settings()).find("first-steps-copy")
    assert saved is not None
    assert saved.phases[0].duration_s == 240.0


def test_speeds_are_typed_in_mph_when_the_user_chose_mph(world: World) -> None:
    world.context.settings = Settings(speed_unit=SpeedUnit.MPH)
    _, editor = new_editor(world)
    assert editor.property("speedUnit") == "mph"
    assert steps(editor)[1]["phases"][0]["speed"] == "1.86"  # 3.0 km/h
    editor.setPhaseField(1, 0, "speed", "4")  # 6.44 km/h: above the 6 km/h cap
    assert "above your backward cap" in editor.property("errors")["1.0.speed"]
    editor.setPhaseField(1, 0, "speed", "2")
    editor.setHeader("name", "Miles")
    assert editor.save() is True
    saved = PresetLibrary(Settings()).find("miles")
    assert saved is not None
    assert saved.phases[1].speed_kmh == 3.22


def all_texts(editor: EditorBridge) -> str:
    """Every hint, error and warning the editor shows."""
    parts = [
        str(editor.property("capsText")),
        str(editor.property("speedUnit")),
        *map(str, editor.property("errors").values()),
        *map(str, editor.property("warnings").values()),
        *map(str, editor.property("generalErrors") or []),
    ]
    return "\n".join(parts)


def test_in_mph_every_hint_and_error_is_in_mph_and_typed_limits_are_the_limits(
    world: World,
) -> None:
    """With mph chosen and the backward cap raised to the hard ceiling (8.0 km/h, read as
    "5.0 mph"): 9.0 mph is refused in mph words, 5.0 mph is the ceiling itself (it was "5.0
    mph is above the ceiling of 5.0 mph"), and no text of the form says km/h."""
    world.context.settings = Settings(speed_unit=SpeedUnit.MPH, backward_cap_kmh=8.0)
    _, editor = new_editor(world)
    editor.setPhaseField(1, 0, "speed", "9.0")
    assert editor.property("errors")["1.0.speed"] == (
        "Backward speed 9.0 mph is above the hard ceiling of 5.0 mph"
    )
    assert "km/h" not in all_texts(editor)
    assert "Backward up to 5.0 mph" in editor.property("capsText")
    editor.setPhaseField(1, 0, "speed", "5.0")
    assert editor.property("errors") == {}
    assert editor.property("valid") is True
    assert editor.save() is True
    library = PresetLibrary(Settings(backward_cap_kmh=8.0))
    [saved] = [p for p in library.presets if not p.builtin]
    backward = [p.speed_kmh for p in saved.phases if p.direction.value == "backward"]
    assert backward == [8.0, 8.0]  # the ceiling itself, never 8.05


def test_in_mph_the_forward_cap_is_in_mph_too(world: World) -> None:
    world.context.settings = Settings(speed_unit=SpeedUnit.MPH, forward_cap_kmh=12.0)
    _, editor = new_editor(world)
    editor.setPhaseField(0, 0, "speed", "8")  # 12.87 km/h
    assert editor.property("errors")["0.0.speed"] == (
        "Forward speed 8.0 mph is above your forward cap of 7.5 mph (change it in Settings)"
    )
    editor.setPhaseField(0, 0, "speed", "7.5")  # the cap as it reads: the cap
    assert editor.property("errors") == {}
    assert "km/h" not in all_texts(editor)
