"""Questions before something is lost, in the app's window with real clicks: closing the window
during a session asks first and quitting STOPs the belt; leaving the preset editor with unsaved
changes asks first. Any QML warning fails these tests."""

from __future__ import annotations

from screen_items import click, item, prop, shown, type_into
from test_session_window import OP_STOP_PAUSE, start_running
from window_rig import WindowRig

from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings


def wait_for_question(window: WindowRig, name: str) -> None:
    """The question band is shown and the screen below has moved down to make room for it
    (the window lays out on its next frame; a click before that lands on the screen)."""
    window.wait(lambda: shown(window, name))
    band = item(window, name)
    loader = item(window, "screenLoader")
    window.wait(
        lambda: (
            loader.mapToScene(loader.boundingRect().topLeft()).y()
            >= band.mapToScene(band.boundingRect().bottomLeft()).y()
        )
    )


def test_closing_during_a_session_asks_and_quitting_stops_the_belt(window: WindowRig) -> None:
    start_running(window)
    writes = len(window.treadmill.control_writes)
    window.running.window.close()  # the window manager's close button
    wait_for_question(window, "quitQuestion")
    assert window.running.window.isVisible()
    assert "STOP" in prop(window, "quitQuestionText", "text")
    assert shown(window, "stopButton")  # the question never covers STOP
    click(window, "quitCancelButton")  # keep running
    window.wait(lambda: not shown(window, "quitQuestion"))
    assert window.session("state") == "running_phase"
    assert OP_STOP_PAUSE not in window.control_ops()[writes:]
    window.running.window.close()
    wait_for_question(window, "quitQuestion")
    click(window, "quitConfirmButton")  # STOP and quit
    window.wait(lambda: OP_STOP_PAUSE in window.control_ops()[writes:])
    window.wait(lambda: not window.running.window.isVisible())
    window.wait(lambda: window.treadmill.belt_speed_kmh == 0.0)


def test_closing_with_no_session_does_not_ask(window: WindowRig) -> None:
    window.running.window.close()
    window.wait(lambda: not window.running.window.isVisible())


def open_new_preset(window: WindowRig) -> None:
    window.running.bridge.setProperty("screen", "presets")
    click(window, "newPresetButton")
    window.wait(lambda: window.running.bridge.property("screen") == "editor")
    item(window, "stepList")


def test_leaving_the_editor_with_unsaved_changes_asks_first(window: WindowRig) -> None:
    open_new_preset(window)
    type_into(window, "presetName", "half typed")
    click(window, "nav_history")
    wait_for_question(window, "leaveEditorQuestion")
    assert window.running.bridge.property("screen") == "editor"
    click(window, "leaveEditorCancelButton")  # keep editing: nothing lost
    window.wait(lambda: not shown(window, "leaveEditorQuestion"))
    assert prop(window, "presetName", "text") == "half typed"
    click(window, "nav_history")
    wait_for_question(window, "leaveEditorQuestion")
    click(window, "leaveEditorConfirmButton")  # discard
    window.wait(lambda: window.running.bridge.property("screen") == "history")
    assert not shown(window, "leaveEditorQuestion")
    assert PresetLibrary(Settings()).find("half-typed") is None


def test_leaving_an_unchanged_editor_or_after_save_does_not_ask(window: WindowRig) -> None:
    open_new_preset(window)
    click(window, "cancelButton")
    window.wait(lambda: window.running.bridge.property("screen") == "presets")
    open_new_preset(window)
    type_into(window, "presetName", "kept")
    click(window, "saveButton")
    window.wait(lambda: window.running.bridge.property("screen") == "presets")
    assert not shown(window, "leaveEditorQuestion")
