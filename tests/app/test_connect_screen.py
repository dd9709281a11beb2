"""The connect screen in the app's window over the virtual treadmill: what the runner sees and
what a click does. Any QML warning fails these tests."""

from __future__ import annotations

from screen_items import click, item, shown
from window_rig import WindowRig


def listed(window: WindowRig) -> list[str]:
    return [row["name"] for row in window.running.bridge.connect.property("devices")]


def test_the_virtual_treadmill_is_listed_and_connects_with_a_click(window: WindowRig) -> None:
    assert window.running.bridge.property("screen") == "connect"
    window.wait(lambda: listed(window) == ["Virtual Treadmill"])
    address = window.treadmill.address
    window.wait(lambda: shown(window, f"device_{address}"))
    assert not window.treadmill.connected  # listing never connects
    click(window, f"connect_{address}")
    window.wait(lambda: window.treadmill.connected)
    window.wait(lambda: window.running.bridge.property("screen") == "presets")
    assert window.running.context.link is not None
    assert window.running.context.link.address == address


def test_enter_connects_nothing_until_the_user_picks_a_treadmill(window: WindowRig) -> None:
    window.wait(lambda: listed(window) == ["Virtual Treadmill"])
    window.press("Return")
    window.qtbot.wait(200)  # 4 s of loop time: nothing may connect
    assert not window.treadmill.connected
    click(window, f"device_{window.treadmill.address}")  # select the row
    window.press("Return")
    window.wait(lambda: window.treadmill.connected)


def test_the_scan_status_and_the_signal_are_shown(window: WindowRig) -> None:
    window.wait(lambda: listed(window) == ["Virtual Treadmill"])
    window.wait(lambda: item(window, "statusLine").property("text") == "1 treadmill found.")
    assert not shown(window, "problemCard")
