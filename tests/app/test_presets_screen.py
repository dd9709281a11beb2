"""The presets screen in the app's window: the list, the selected preset's details, delete and
undo with the buttons, and Enter to use the preset. Any QML warning fails these tests."""

from __future__ import annotations

from pathlib import Path

from screen_items import click, item, shown
from window_rig import WindowRig

from treadmill_ctl.app.qt import QMetaObject, QObject, QUrl
from treadmill_ctl.session.presets import user_presets_dir

SAMPLES = Path(__file__).parent.parent / "data" / "workouts"


def show_presets(window: WindowRig) -> None:
    window.running.bridge.setProperty("screen", "presets")
    window.wait(lambda: shown(window, "presetList"))


def test_the_selected_preset_shows_its_timeline_and_times(window: WindowRig) -> None:
    show_presets(window)
    click(window, "preset_four-by-thirty")
    window.wait(lambda: item(window, "presetTitle").property("text") == "Four by thirty")
    # The whole session with its 8 turn-arounds (a simulated run takes 22:17), and the time
    # at speed that the plan is made of.
    assert item(window, "totalTile").property("value") == "≈ 22:20"
    assert item(window, "totalTile").property("detail") == "19:00 at speed"
    assert item(window, "backwardTile").property("value") == "2:00"
    blocks = item(window, "presetTimeline").property("blocks")
    assert [b["direction"] for b in blocks].count("backward") == 4


def test_duplicate_delete_and_undo_with_the_buttons(window: WindowRig) -> None:
    show_presets(window)
    click(window, "preset_first-steps")
    click(window, "duplicateButton")
    window.wait(lambda: shown(window, "preset_first-steps-copy"))
    assert item(window, "presetTitle").property("text") == "First steps (copy)"
    assert (user_presets_dir() / "first-steps-copy.toml").exists()
    click(window, "deleteButton")
    window.wait(lambda: shown(window, "undoBar"))
    assert not (user_presets_dir() / "first-steps-copy.toml").exists()
    assert not shown(window, "preset_first-steps-copy")
    click(window, "undoButton")
    window.wait(lambda: shown(window, "preset_first-steps-copy"))
    assert (user_presets_dir() / "first-steps-copy.toml").exists()
    assert not shown(window, "undoBar")


def test_a_built_in_offers_no_delete(window: WindowRig) -> None:
    show_presets(window)
    click(window, "preset_first-steps")
    assert not shown(window, "deleteButton")
    assert item(window, "editButton").property("text") == "Edit a copy"


def test_enter_uses_the_selected_preset_and_the_belt_does_not_move(window: WindowRig) -> None:
    window.connect()
    show_presets(window)
    click(window, "preset_four-by-forty-five")
    window.press("Return")
    window.wait(lambda: window.running.bridge.property("screen") == "session")
    window.wait(lambda: window.session("state") == "idle")
    assert window.running.context.plan.name == "Four by forty-five"
    assert window.treadmill.belt_speed_kmh == 0.0


def _dialog(window: WindowRig, name: str) -> QObject:
    """A dialog of the shown screen (a QObject child, not a visual item)."""
    found = window.running.window.findChild(QObject, name)
    assert found is not None, f"no {name}"
    return found


def test_import_button_takes_a_zwift_workout_into_the_list(window: WindowRig) -> None:
    show_presets(window)
    dialog = _dialog(window, "importDialog")
    assert any("*.zwo" in f and "*.fit" in f for f in dialog.property("nameFilters"))
    click(window, "importButton")
    window.wait(lambda: dialog.property("visible") is True)
    QMetaObject.invokeMethod(dialog, "reject")
    # The file a user would pick (an offscreen test cannot click in the dialog's own list).
    dialog.setProperty("selectedFile", QUrl.fromLocalFile(str(SAMPLES / "tempo-run.zwo")))
    QMetaObject.invokeMethod(dialog, "accepted")
    window.wait(lambda: shown(window, "preset_tempo-run-with-strides"))
    window.wait(lambda: item(window, "presetTitle").property("text") == "Tempo run with strides")
    assert (user_presets_dir() / "tempo-run-with-strides.toml").exists()
