""" "Check this treadmill" on the Treadmill screen, in the app's window over the virtual
treadmill, with real clicks and key presses: the suggestion for a treadmill never checked, the
explicit confirmation before anything moves, STOP on any key, the progress and the result line,
and the next session taking the saved check. Any QML warning fails these tests."""

from __future__ import annotations

from screen_items import click, item, shown
from window_rig import WindowRig

from treadmill_ctl.app.check_bridge import CONFIRM_TEXT, NOT_CHECKED_TEXT
from treadmill_ctl.session.machine_check import CONFIRM_PROMPT
from treadmill_ctl.session.machine_quirks import check_path, load_check, session_settings
from treadmill_ctl.sim import gatt

CHECK_WAIT_MS = 30_000  # the whole check: under 2 minutes of loop time, 20x faster here


def connect_and_come_back(window: WindowRig) -> str:
    window.wait(lambda: window.running.bridge.connect.property("devices"))
    address = window.treadmill.address
    click(window, f"connect_{address}")
    window.wait(lambda: window.running.bridge.property("screen") == "presets")
    click(window, "nav_connect")
    window.wait(lambda: shown(window, "checkButton"))
    return address


def press_button(window: WindowRig, name: str) -> None:
    """Click ``name`` once it is shown and drawn where it now is: the overlay lays its column
    out again when its step changes, on the next frame."""
    window.wait(lambda: shown(window, name))
    with window.qtbot.waitSignal(window.running.window.frameSwapped, timeout=5_000):
        window.running.window.update()
    click(window, name)


def belt_ops(window: WindowRig) -> list[int]:
    return [op for op in window.control_ops() if op != gatt.OP_REQUEST_CONTROL]


def test_the_confirmation_text_is_the_checks_own() -> None:
    assert CONFIRM_TEXT == CONFIRM_PROMPT


def test_a_treadmill_never_checked_suggests_the_check(window: WindowRig) -> None:
    connect_and_come_back(window)
    window.wait(lambda: item(window, "checkSummary").property("text") == NOT_CHECKED_TEXT)
    assert shown(window, "checkSummary")
    assert window.running.context.machine_timing is None  # sessions: the safe defaults


def test_nothing_moves_before_the_explicit_confirmation(window: WindowRig) -> None:
    connect_and_come_back(window)
    before = list(belt_ops(window))
    press_button(window, "checkButton")
    window.wait(lambda: shown(window, "checkPrompt"))
    assert item(window, "checkPrompt").property("text") == CONFIRM_PROMPT
    assert shown(window, "checkConfirmButton")
    # Enter (which connects a treadmill on this screen) confirms nothing.
    window.press("Return")
    window.qtbot.wait(200)  # 4 s of loop time: nothing may move
    assert shown(window, "checkPrompt")
    assert belt_ops(window) == before
    assert window.treadmill.belt_speed_kmh == 0
    press_button(window, "checkCancelButton")
    window.wait(lambda: not shown(window, "checkOverlay"))
    assert belt_ops(window) == before
    assert window.treadmill.connected  # "not now" leaves the treadmill as it was


def test_any_key_stops_the_belt_during_the_check_and_nothing_is_saved(
    window: WindowRig,
) -> None:
    address = connect_and_come_back(window)
    press_button(window, "checkButton")
    press_button(window, "checkConfirmButton")
    window.wait(lambda: shown(window, "checkStopButton"))
    window.wait(lambda: window.treadmill.belt_speed_kmh > 0.3, CHECK_WAIT_MS)
    assert item(window, "checkProgress").property("text") != ""
    window.press("N")  # any key
    window.wait(lambda: window.treadmill.belt_speed_kmh == 0, CHECK_WAIT_MS)
    window.wait(lambda: shown(window, "checkResult"))
    assert item(window, "checkResult").property("text").startswith("Check stopped by you")
    assert gatt.OP_STOP_PAUSE in window.control_ops()
    assert load_check(address).check is None
    assert not check_path(address).exists()


def test_a_full_check_shows_its_result_and_the_next_session_uses_it(window: WindowRig) -> None:
    address = connect_and_come_back(window)
    press_button(window, "checkButton")
    press_button(window, "checkConfirmButton")
    window.wait(lambda: shown(window, "checkProgressBar"))
    window.wait(lambda: shown(window, "checkResult"), CHECK_WAIT_MS)
    result = item(window, "checkResult").property("text")
    assert result.startswith("Checked on "), result
    assert window.treadmill.belt_speed_kmh == 0
    saved = load_check(address).check
    assert saved is not None
    assert saved.quirks.speed_unit is not None
    press_button(window, "checkCloseButton")
    window.wait(lambda: not shown(window, "checkOverlay"))
    # The result line stays on the Treadmill screen.
    assert item(window, "checkSummary").property("text") == saved.summary()
    # The check left the treadmill disconnected; the next connect takes the saved check.
    assert window.running.bridge.connect.property("isConnected") is False
    assert window.running.context.link is None
    window.wait(lambda: shown(window, "connectRememberedButton"))
    press_button(window, "connectRememberedButton")
    window.wait(lambda: window.running.bridge.property("screen") == "presets")
    timing = window.running.context.machine_timing
    assert timing is not None
    assert timing.checked
    assert timing == session_settings(saved)


def test_a_check_that_cannot_connect_says_so_and_can_be_tried_again(window: WindowRig) -> None:
    connect_and_come_back(window)
    press_button(window, "checkButton")
    window.treadmill.drop_link(back_after_s=None)  # switched off before the check connects
    press_button(window, "checkConfirmButton")
    window.wait(lambda: shown(window, "checkResult"), CHECK_WAIT_MS)
    assert item(window, "checkResult").property("text").startswith("The check could not connect")
    press_button(window, "checkCloseButton")
    window.wait(lambda: not shown(window, "checkOverlay"))
    # Not stuck in the check: it can be started again.
    assert window.running.bridge.check.property("phase") == "idle"
    press_button(window, "checkButton")
    window.wait(lambda: shown(window, "checkPrompt"))
