"""The presets screen in the app's window: the list, the selected preset's details, delete and
undo with the buttons, and Enter to use the preset. Any QML warning fails these tests."""

from __future__ import annotations

from screen_items import click, item, shown
from window_rig import WindowRig

from treadmill_ctl.session.presets import user_presets_dir


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
