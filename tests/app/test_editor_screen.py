"""The preset editor in the app's window, typed into with real key presses: the reason for a
refused value appears next to its field at once, Save stays off until it is fixed. Any QML
warning fails these tests."""

from __future__ import annotations

from screen_items import click, item, prop, shown, type_into
from test_leaving_questions import wait_for_question
from window_rig import WindowRig

from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings


def open_new_preset(window: WindowRig) -> None:
    window.running.bridge.setProperty("screen", "presets")
    click(window, "newPresetButton")
    window.wait(lambda: window.running.bridge.property("screen") == "editor")
    item(window, "stepList")


def test_typing_a_speed_above_the_cap_shows_the_reason_and_blocks_save(window: WindowRig) -> None:
    open_new_preset(window)
    type_into(window, "speed_1.0", "7.5")  # the backward phase of the repeat group
    window.wait(lambda: shown(window, "problems_1.0"))
    assert prop(window, "problems_1.0", "text") == (
        "Speed: Backward speed 7.5 km/h is above your backward cap of 6.0 km/h (change it in "
        "Settings)"
    )
    assert prop(window, "speed_1.0", "problem") != ""
    assert prop(window, "saveButton", "enabled") is False
    assert prop(window, "problemCount", "text") == "1 problem to fix"
    type_into(window, "speed_1.0", "3.5")
    window.wait(lambda: not shown(window, "problems_1.0"))
    assert prop(window, "saveButton", "enabled") is True


def test_a_new_preset_typed_and_saved_is_in_the_library(window: WindowRig) -> None:
    open_new_preset(window)
    type_into(window, "presetName", "lunch intervals")
    type_into(window, "repeat_1", "3")
    type_into(window, "duration_1.0", "0:45")
    window.wait(lambda: prop(window, "editorTotal", "text") == "14:45")
    assert prop(window, "editorBackward", "text") == "2:15"
    click(window, "saveButton")
    window.wait(lambda: window.running.bridge.property("screen") == "presets")
    saved = PresetLibrary(Settings()).find("lunch-intervals")
    assert saved is not None
    assert saved.to_plan().backward_blocks == 3
    assert saved.to_plan().backward_s == 135.0
    window.wait(lambda: prop(window, "presetTitle", "text") == "lunch intervals")


def test_cancel_leaves_the_editor_without_saving(window: WindowRig) -> None:
    open_new_preset(window)
    type_into(window, "presetName", "never saved")
    click(window, "cancelButton")
    wait_for_question(window, "leaveEditorQuestion")  # unsaved changes: asked first
    click(window, "leaveEditorConfirmButton")
    window.wait(lambda: window.running.bridge.property("screen") == "presets")
    assert PresetLibrary(Settings()).find("never-saved") is None
