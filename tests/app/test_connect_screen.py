"""The connect screen in the app's window over the virtual treadmill: what the runner sees and
what a click does. Any QML warning fails these tests."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from screen_items import click, item, shown
from window_rig import WindowRig

from treadmill_ctl.app.main import build_app
from treadmill_ctl.settings import Settings


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


def test_the_arrow_keys_pick_a_row_and_enter_connects_it(window: WindowRig) -> None:
    # The screen's own keys reach it in the plain Qt Quick window (no Controls focus handling).
    window.wait(lambda: listed(window) == ["Virtual Treadmill"])
    address = window.treadmill.address
    window.wait(lambda: shown(window, f"connect_{address}"))
    assert item(window, f"connect_{address}").property("keyHint") == ""
    window.press("Down")
    window.wait(lambda: item(window, f"connect_{address}").property("keyHint") == "Enter")
    window.press("Return")
    window.wait(lambda: window.treadmill.connected)


def test_show_other_devices_switches_on_and_off_with_clicks(window: WindowRig) -> None:
    connect = window.running.bridge.connect
    assert connect.property("showAll") is False
    click(window, "showAllSwitch")
    window.wait(lambda: connect.property("showAll") is True)
    assert item(window, "showAllSwitch").property("checked") is True
    click(window, "showAllSwitch")
    window.wait(lambda: connect.property("showAll") is False)
    assert item(window, "showAllSwitch").property("checked") is False


def test_the_scan_status_and_the_signal_are_shown(window: WindowRig) -> None:
    window.wait(lambda: listed(window) == ["Virtual Treadmill"])
    window.wait(lambda: item(window, "statusLine").property("text") == "1 treadmill found.")
    assert not shown(window, "problemCard")


STRAP = "5A:11:00:00:48:52"  # the virtual strap the runner wears


def test_a_heart_rate_strap_is_found_and_used_with_clicks(window: WindowRig) -> None:
    assert shown(window, "strapCard")
    assert item(window, "strapName").property("text") == "None chosen"
    strap = window.running.bridge.strap_bridge
    window.wait(lambda: not strap.property("scanning"))
    click(window, "findStrapsButton")
    window.wait(lambda: shown(window, f"useStrap_{STRAP}"))
    assert strap.property("state") == "none"  # found, not connected
    click(window, f"useStrap_{STRAP}")
    window.wait(lambda: shown(window, "strapHeartRate"))
    assert item(window, "strapHeartRate").property("text").startswith("♥ ")
    assert item(window, "strapName").property("text") == "Virtual HR Strap"
    assert window.running.context.settings.hr_strap_address == STRAP
    assert shown(window, "disconnectStrapButton")
    click(window, "disconnectStrapButton")
    window.wait(lambda: strap.property("state") == "none")
    assert not shown(window, "strapHeartRate")
    assert shown(window, "connectStrapButton")  # remembered: one click to use it again


def test_the_remembered_strap_connects_as_the_app_opens(qtbot: QtBot, app_loop: object) -> None:
    settings = Settings(hr_strap_address=STRAP, hr_strap_name="My chest strap")
    running = build_app(simulate=True, settings=settings, save_settings=lambda s: None)
    rig = WindowRig(running, qtbot)
    try:
        qtbot.waitExposed(running.window)
        assert item(rig, "strapName").property("text") == "My chest strap"
        rig.wait(lambda: shown(rig, "strapHeartRate"))
        assert running.bridge.strap_bridge.property("state") == "connected"
    finally:
        rig.run(running.aclose())


def connect_with_a_click(window: WindowRig) -> str:
    window.wait(lambda: listed(window) == ["Virtual Treadmill"])
    address = window.treadmill.address
    click(window, f"connect_{address}")
    window.wait(lambda: window.treadmill.connected)
    window.wait(lambda: window.running.bridge.property("screen") == "presets")
    return address


def test_the_connected_treadmill_is_shown_as_connected_with_disconnect(
    window: WindowRig,
) -> None:
    address = connect_with_a_click(window)
    click(window, "nav_connect")
    window.wait(lambda: shown(window, "disconnectButton"))
    assert item(window, "treadmillState").property("text") == "CONNECTED"
    assert item(window, "rememberedName").property("text") == "Virtual Treadmill"
    assert item(window, f"connect_{address}").property("text") == "Connected"
    assert not shown(window, "connectRememberedButton")
    click(window, "disconnectButton")
    window.wait(lambda: not window.treadmill.connected)
    window.wait(lambda: item(window, "treadmillState").property("text") == "USED LAST TIME")
    assert window.running.context.link is None
    assert window.session("linkState") == "disconnected"
    assert shown(window, "connectRememberedButton")
    # And it connects again from the same card.
    window.qtbot.wait(50)  # a frame: the card's column places its new row of buttons
    click(window, "connectRememberedButton")
    window.wait(lambda: window.treadmill.connected)


def test_a_treadmill_connected_elsewhere_is_shown_as_connected_too(window: WindowRig) -> None:
    window.connect()  # what the presets' or the session's own paths do
    window.wait(lambda: shown(window, "disconnectButton"))
    assert item(window, "treadmillState").property("text") == "CONNECTED"


def test_disconnect_is_refused_while_a_session_is_under_way(window: WindowRig) -> None:
    from session_rig import short_plan

    window.connect()
    window.running.context.choose_plan(short_plan())
    window.wait_state("idle")
    window.press("Return")
    window.wait_state("running_phase")
    click(window, "nav_connect")
    window.wait(lambda: shown(window, "disconnectButton"))
    click(window, "disconnectButton")
    window.wait(lambda: shown(window, "problemCard"))
    assert item(window, "problemTitle").property("text") == "⚠ A session is under way"
    assert window.treadmill.connected
    assert window.session("state") == "running_phase"
