"""The session screen in its window, driven like a runner would: real key presses (whatever has
focus), real clicks, over the virtual treadmill. Any QML warning fails these tests
(``qt_log_level_fail``)."""

from __future__ import annotations

import pytest
import screen_items
from screen_items import click
from session_rig import short_plan
from test_window_sizes import resize
from window_rig import WindowRig

from treadmill_ctl.app.qt import QWindow

OP_START = 0x07
OP_STOP_PAUSE = 0x08
OP_SET_SPEED = 0x02

STOP_KEYS = ["Space", "Escape", "B", "Period", "F5", "Shift+F5"]


def start_running(window: WindowRig) -> None:
    """Connect, choose the short plan, press Enter, wait until the belt runs its phase."""
    window.connect()
    window.running.context.choose_plan(short_plan())
    window.wait_state("idle")
    assert window.running.bridge.property("screen") == "session"
    window.press("Return")
    window.wait_state("running_phase")


@pytest.mark.parametrize("key", STOP_KEYS)
def test_each_stop_key_stops_the_belt_while_a_control_has_focus(
    window: WindowRig, key: str
) -> None:
    start_running(window)
    pause = window.item("pauseButton")
    pause.forceActiveFocus()
    assert pause.hasActiveFocus()
    writes = len(window.treadmill.control_writes)
    window.press(key)
    window.wait_state("stopped")
    assert window.control_ops()[writes] == OP_STOP_PAUSE
    window.wait(lambda: window.treadmill.belt_speed_kmh == 0.0)
    assert window.item("headline").property("text") == "STOPPED"


def test_space_again_does_not_restart(window: WindowRig) -> None:
    start_running(window)
    window.press("Space")
    window.wait_state("stopped")
    window.wait(lambda: window.treadmill.belt_speed_kmh == 0.0)
    writes = len(window.treadmill.control_writes)
    for _ in range(3):
        window.press("Space")
    window.qtbot.wait(100)  # 2 s of loop time for anything the presses might have started
    later = window.control_ops()[writes:]
    assert OP_START not in later
    assert OP_SET_SPEED not in later
    assert window.session("state") == "stopped"
    assert window.treadmill.belt_speed_kmh == 0.0


def test_stop_button_click_works_while_another_control_has_focus(window: WindowRig) -> None:
    start_running(window)
    window.item("slowerButton").forceActiveFocus()
    window.click("stopButton")
    window.wait_state("stopped")


def test_turn_countdown_fills_the_screen_and_stop_stays_on_top(window: WindowRig) -> None:
    start_running(window)
    window.wait(lambda: window.session("countdownReason") == "turn")
    assert window.shown("countdownOverlay")
    assert window.item("countdownTitle").property("text") == "BELT STOPPED — TURN AROUND"
    assert int(window.item("countdownDigits").property("text")) in range(1, 6)
    assert window.shown("stopButton")
    # The overlay covers the screen; STOP is above it: a click on STOP stops the session.
    window.click("stopButton")
    window.wait_state("stopped")
    window.wait(lambda: not window.shown("countdownOverlay"))
    assert OP_START not in window.control_ops()[-3:]


def test_after_the_turn_the_screen_says_backward(window: WindowRig) -> None:
    start_running(window)
    window.wait(lambda: window.session("headline") == "BACKWARD")
    assert window.item("headline").property("text") == "BACKWARD"
    assert window.item("directionIcon").property("direction") == "backward"
    window.press("Escape")
    window.wait_state("stopped")


def test_pause_and_resume_with_p_and_with_the_button(window: WindowRig) -> None:
    start_running(window)
    window.press("P")
    window.wait_state("paused")
    assert window.item("headline").property("text") == "PAUSED"
    window.click("pauseButton")  # now RESUME
    window.wait(lambda: window.session("countdownReason") == "resume")
    window.wait_state("running_phase")
    window.click("pauseButton")
    window.wait_state("paused")
    window.press("Space")
    window.wait_state("stopped")


def test_link_loss_shows_the_danger_banner(window: WindowRig) -> None:
    start_running(window)
    assert not window.shown("linkLostBanner")
    window.treadmill.drop_link(back_after_s=None)
    window.wait(lambda: window.shown("linkLostBanner"))
    banner = window.item("linkLostBanner")
    assert "MAY STILL BE MOVING" in banner.property("title")
    assert "Last known speed" in banner.property("message")
    assert window.shown("stopButton")
    header_link = window.item("linkIndicator")
    assert header_link.isVisible()


def test_stop_is_in_the_header_on_other_screens_while_a_session_runs(
    window: WindowRig,
) -> None:
    start_running(window)
    window.running.bridge.setProperty("screen", "connect")
    window.wait(lambda: window.shown("headerStop"))
    window.click("headerStop")
    window.wait_state("stopped")
    window.wait(lambda: not window.shown("headerStop"))


def test_keys_work_on_other_screens_too(window: WindowRig) -> None:
    start_running(window)
    window.running.bridge.setProperty("screen", "connect")
    window.press("Space")
    window.wait_state("stopped")


def test_f11_toggles_full_screen_and_question_mark_shows_the_keys(window: WindowRig) -> None:
    win = window.running.window
    window.press("F11")
    window.wait(lambda: win.visibility() == QWindow.Visibility.FullScreen)
    window.press("F11")
    window.wait(lambda: win.visibility() != QWindow.Visibility.FullScreen)
    window.qtbot.keyClick(win, "?")
    window.wait(lambda: window.shown("keyHelpOverlay"))
    rows = window.running.bridge.property("keyHelp")
    assert [r["heading"] for r in rows if r["heading"]] == ["Keyboard", "Presenter clicker"]
    assert rows[1]["keys"] == "Space, Esc"
    assert rows[1]["stop"] is True
    window.press("Escape")  # STOP also closes the overlay
    window.wait(lambda: not window.shown("keyHelpOverlay"))


def test_p_during_the_turn_countdown_holds_it(window: WindowRig) -> None:
    start_running(window)
    window.wait(lambda: window.session("countdownReason") == "turn")
    assert window.item("pauseButton").isEnabled()
    window.press("P")
    window.wait_state("paused")
    window.wait(lambda: not window.shown("countdownOverlay"))
    assert window.treadmill.belt_speed_kmh == 0.0
    writes = len(window.treadmill.control_writes)
    window.qtbot.wait(200)  # 4 s of loop time: the held countdown does not run on
    assert window.session("state") == "paused"
    assert OP_START not in window.control_ops()[writes:]


def test_enter_after_end_starts_a_new_session_and_records_no_empty_one(
    window: WindowRig,
) -> None:
    start_running(window)
    window.press("Space")
    window.wait_state("stopped")
    window.wait(lambda: window.treadmill.belt_speed_kmh == 0.0)
    window.click("endButton")
    window.wait(lambda: window.running.bridge.property("screen") == "summary")
    screen_items.click(window, "nav_session")  # the header's Session tab
    window.wait(lambda: window.running.bridge.property("screen") == "session")
    history = window.running.context.history
    for _ in range(3):
        window.press("Return")
    window.qtbot.wait(20)  # 0.4 s of loop time: within the new session's countdown
    # Enter started a new session (its countdown runs): the history's new entry is a session
    # that really started, not an empty "in progress" one.
    assert window.session("state") == "starting_countdown"
    assert len(history.list_sessions()) == 2  # the one ended, the one just started
    window.wait_state("running_phase")
    window.press("Space")
    window.wait_state("stopped")
    window.wait(lambda: window.treadmill.belt_speed_kmh == 0.0)
    window.click("endButton")
    window.wait(lambda: window.running.bridge.property("screen") == "summary")
    window.qtbot.wait(50)
    sessions = history.list_sessions()
    assert [s.ended_reason for s in sessions] == ["stopped_by_user", "stopped_by_user"]


def test_the_key_list_scrolls_in_a_short_window_and_a_click_on_it_closes_it(
    window: WindowRig,
) -> None:
    """Where the list is taller than the window allows (German at 1280x720: its last line ran
    past the card's foot; the screenshots' layout audit in de/es/fr checks that) it scrolls
    inside its card, with how to close it in view at the foot; a click on the (scrollable)
    list still closes it, as that line says."""
    resize(window, 1024, 600)
    window.qtbot.keyClick(window.running.window, "?")
    window.wait(lambda: window.shown("keyHelpOverlay"))
    keys = window.item("keyHelpList")
    card = keys.parentItem()
    hint = window.item("keyHelpClose")
    bottom = hint.mapToScene(hint.boundingRect().bottomLeft()).y()
    assert bottom <= card.mapToScene(card.boundingRect().bottomLeft()).y() + 0.5
    assert keys.property("contentHeight") >= keys.height()  # the list fills its room
    click(window, "keyHelpList")
    window.wait(lambda: not window.shown("keyHelpOverlay"))
    assert window.session("state") != "stopped"  # a click is no STOP
