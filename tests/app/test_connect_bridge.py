"""The connect screen's bridge over the virtual treadmill: what the runner sees in the list,
what connects (only what they chose), and the messages when Bluetooth is not usable."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from bleak.exc import (
    BleakBluetoothNotAvailableError,
    BleakBluetoothNotAvailableReason,
    BleakDBusError,
    BleakDeviceNotFoundError,
)
from bridge_world import World, make_world

from treadmill_ctl.app.connect_bridge import ConnectBridge
from treadmill_ctl.app.radio_problems import describe_bluetooth_error, signal_bars
from treadmill_ctl.errors import DeviceNotFoundError, LinkError
from treadmill_ctl.session.engine import SessionEngine
from treadmill_ctl.session.events import SessionState
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import AdvertVariant

pytestmark = [pytest.mark.looptime, pytest.mark.usefixtures("qapp")]


@pytest.fixture
async def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    w = make_world(tmp_path, monkeypatch)
    yield w
    await w.close()


async def scanned(world: World) -> ConnectBridge:
    bridge = ConnectBridge(world.context)
    bridge.scan()
    assert bridge.property("scanning") is True
    await world.settle()
    return bridge


async def test_scan_lists_the_virtual_treadmill_with_name_address_and_signal(world: World) -> None:
    world.add_treadmill(name="Virtual Treadmill", address="5A:11:00:00:00:01", rssi=-58)
    bridge = await scanned(world)
    rows = bridge.property("devices")
    assert [(r["name"], r["address"]) for r in rows] == [("Virtual Treadmill", "5A:11:00:00:00:01")]
    assert rows[0]["signal"] == "strong (-58 dBm)"
    assert rows[0]["bars"] == 4
    assert bridge.property("status") == "1 treadmill found."
    assert bridge.property("scanning") is False


async def test_a_scan_asked_for_before_the_loop_runs_shows_at_once_and_runs_once_it_does(
    world: World,
) -> None:
    # The app's window draws its first frame (with the connect screen, which scans as it
    # opens) before the app's event loop exists.
    world.add_treadmill(name="Virtual Treadmill", address="5A:11:00:00:00:01")
    loop, world.context.loop = world.context.loop, None
    assert loop is not None
    bridge = ConnectBridge(world.context)
    bridge.scan()
    assert bridge.property("scanning") is True  # drawn in the first frame
    assert bridge.property("status") == "Scanning for treadmills…"
    assert world.context.tasks == set()
    world.context.start(loop)
    await asyncio.sleep(0)
    assert len(world.context.tasks) == 1
    await world.settle()
    assert [r["name"] for r in bridge.property("devices")] == ["Virtual Treadmill"]
    assert bridge.property("scanning") is False


async def test_a_scan_never_connects_to_anything(world: World) -> None:
    treadmill = world.add_treadmill()
    await scanned(world)
    assert world.links == []
    assert world.opened == []
    assert not treadmill.connected


async def test_connects_only_to_the_device_the_user_chose(world: World) -> None:
    near = world.add_treadmill(name="Gym treadmill 1", address="5A:11:00:00:00:01", rssi=-40)
    mine = world.add_treadmill(name="Gym treadmill 2", address="5A:11:00:00:00:02", rssi=-75)
    bridge = await scanned(world)
    # The strongest comes first, but the user picks the other one.
    assert [r["name"] for r in bridge.property("devices")] == ["Gym treadmill 1", "Gym treadmill 2"]
    bridge.connectTo("5A:11:00:00:00:02")
    assert bridge.property("connecting") is True
    assert bridge.property("connectingAddress") == "5A:11:00:00:00:02"
    await world.settle()
    assert mine.connected
    assert not near.connected
    assert [link.address for link in world.links] == ["5A:11:00:00:00:02"]
    assert world.screens == ["presets"]
    assert bridge.property("isConnected") is True


async def test_the_chosen_treadmill_is_remembered_and_listed_first_next_time(
    world: World,
) -> None:
    world.add_treadmill(name="Strong one", address="5A:11:00:00:00:01", rssi=-40)
    world.add_treadmill(name="My treadmill", address="5A:11:00:00:00:02", rssi=-80)
    bridge = await scanned(world)
    bridge.connectTo("5A:11:00:00:00:02")
    await world.settle()
    saved = world.saved_settings()
    assert (saved.treadmill_address, saved.treadmill_name) == ("5A:11:00:00:00:02", "My treadmill")

    # Next start of the app: a new bridge over the saved settings.
    world.context.settings = saved
    again = ConnectBridge(world.context)
    assert again.property("rememberedName") == "My treadmill"
    again.scan()
    await world.settle()
    rows = again.property("devices")
    assert rows[0]["name"] == "My treadmill"
    assert rows[0]["remembered"] is True


async def test_the_remembered_treadmill_connects_with_one_action_without_a_scan(
    world: World,
) -> None:
    mine = world.add_treadmill(name="My treadmill", address="5A:11:00:00:00:02")
    world.context.settings = Settings(treadmill_address=mine.address, treadmill_name="My treadmill")
    bridge = ConnectBridge(world.context)
    bridge.connectRemembered()
    await world.settle()
    assert mine.connected
    assert world.screens == ["presets"]


async def test_a_connect_asked_for_before_the_loop_exists_makes_the_loop_and_connects(
    world: World,
) -> None:
    # Input handled just after the window's first frame, before main() made the loop: the
    # first task makes it (AppContext.make_loop) and runs once it runs.
    mine = world.add_treadmill(name="My treadmill", address="5A:11:00:00:00:02")
    world.context.settings = Settings(treadmill_address=mine.address, treadmill_name="My treadmill")
    loop, world.context.loop = world.context.loop, None
    assert loop is not None
    made: list[object] = []

    def make_loop() -> asyncio.AbstractEventLoop:
        made.append(loop)
        return loop

    world.context.make_loop = make_loop
    bridge = ConnectBridge(world.context)
    bridge.connectRemembered()
    assert made == [loop]
    assert world.context.loop is loop
    assert bridge.property("connecting") is True
    await world.settle()
    assert mine.connected
    assert world.screens == ["presets"]


async def test_a_device_without_ftms_is_offered_only_after_the_user_says_it_is_a_treadmill(
    world: World,
) -> None:
    odd = world.add_treadmill(
        name="WALKINGPAD", address="5A:11:00:00:00:07", advert=AdvertVariant.NAME_ONLY
    )
    bridge = await scanned(world)
    assert bridge.property("devices") == []
    assert "No treadmill found" in bridge.property("status")

    bridge.setProperty("showAll", True)
    [row] = bridge.property("devices")
    assert (row["name"], row["ftms"], row["connectable"]) == ("WALKINGPAD", False, False)

    bridge.connectTo(odd.address)  # not allowed yet: it does not say it is a fitness machine
    await world.settle()
    assert not odd.connected
    assert bridge.property("problem") == "Not a treadmill"

    bridge.markAsTreadmill(odd.address)
    [row] = bridge.property("devices")
    assert row["connectable"] is True
    assert not odd.connected  # marking never connects
    bridge.connectTo(odd.address)
    await world.settle()
    assert odd.connected
    assert bridge.property("problem") == ""


async def test_a_remembered_treadmill_that_is_off_says_not_found(world: World) -> None:
    world.context.settings = Settings(treadmill_address="5A:11:00:00:00:09", treadmill_name="Mine")
    bridge = ConnectBridge(world.context)
    bridge.connectRemembered()
    await world.settle()
    assert bridge.property("problem") == "Treadmill not found"
    assert "switched on" in bridge.property("problemAdvice")
    assert bridge.property("connecting") is False
    assert world.links == []


async def test_bluetooth_off_during_a_scan_is_said_in_user_words(world: World) -> None:
    async def radio_off(seconds: float) -> list[object]:
        raise BleakBluetoothNotAvailableError(
            "Bluetooth device is turned off", BleakBluetoothNotAvailableReason.POWERED_OFF
        )

    world.add_treadmill()
    bridge = await scanned(world)
    assert len(bridge.property("devices")) == 1
    world.context.scan = radio_off  # what bleak raises when the adapter is powered off
    bridge.scan()
    await world.settle()
    assert bridge.property("devices") == []  # nothing stale from the scan before
    assert bridge.property("problem") == "Bluetooth is off"
    assert bridge.property("problemKind") == "bluetooth_off"
    assert "Turn Bluetooth on" in bridge.property("problemAdvice")
    assert bridge.property("scanning") is False


@pytest.mark.parametrize(
    ("error", "title"),
    [
        (
            BleakBluetoothNotAvailableError("off", BleakBluetoothNotAvailableReason.POWERED_OFF),
            "Bluetooth is off",
        ),
        (BleakDBusError("org.bluez.Error.NotReady", ["Resource Not Ready"]), "Bluetooth is off"),
        (
            BleakBluetoothNotAvailableError("no", BleakBluetoothNotAvailableReason.DENIED_BY_USER),
            "No permission to use Bluetooth",
        ),
        (
            BleakDBusError("org.freedesktop.DBus.Error.AccessDenied", ["Rejected"]),
            "No permission to use Bluetooth",
        ),
        (PermissionError(13, "Permission denied"), "No permission to use Bluetooth"),
        (
            BleakDBusError("org.bluez.Error.InProgress", ["Operation already in progress"]),
            "The treadmill is busy",
        ),
        (BleakDeviceNotFoundError("AA:BB", "Device not found"), "Treadmill not found"),
        (DeviceNotFoundError("AA:BB"), "Treadmill not found"),
        (
            BleakBluetoothNotAvailableError("none", BleakBluetoothNotAvailableReason.NO_BLUETOOTH),
            "No Bluetooth on this computer",
        ),
    ],
)
def test_bluetooth_errors_map_to_what_the_user_can_do(error: BaseException, title: str) -> None:
    assert describe_bluetooth_error(error).title == title


def test_a_link_error_is_classified_by_the_bleak_error_it_wraps() -> None:
    outer = LinkError("Could not connect to Treadmill: [org.bluez.Error.InProgress]")
    outer.__cause__ = BleakDBusError("org.bluez.Error.InProgress", ["Operation in progress"])
    problem = describe_bluetooth_error(outer)
    assert problem.title == "The treadmill is busy"
    assert "Close other fitness apps" in problem.advice


def test_an_unknown_error_keeps_its_message() -> None:
    problem = describe_bluetooth_error(LinkError("GATT services changed"))
    assert problem.title == "Could not connect"
    assert "GATT services changed" in problem.advice


def test_signal_bars() -> None:
    assert [signal_bars(r) for r in (None, -50, -65, -75, -85, -95)] == [0, 4, 3, 2, 1, 0]


async def test_choosing_another_treadmill_disconnects_the_first(world: World) -> None:
    first = world.add_treadmill(name="Treadmill A", address="5A:11:00:00:00:01")
    second = world.add_treadmill(name="Treadmill B", address="5A:11:00:00:00:02")
    bridge = await scanned(world)
    bridge.connectTo(first.address)
    await world.settle()
    world.context.link = world.links[-1]
    bridge.connectTo(second.address)
    await world.settle()
    assert second.connected
    assert not first.connected  # one treadmill at a time


async def test_no_other_treadmill_while_a_session_is_under_way(world: World) -> None:
    first = world.add_treadmill(name="Treadmill A", address="5A:11:00:00:00:01")
    second = world.add_treadmill(name="Treadmill B", address="5A:11:00:00:00:02")
    bridge = await scanned(world)
    bridge.connectTo(first.address)
    await world.settle()
    link = world.links[-1]
    world.context.link = link
    plan = Plan("Walk", (Phase(PhaseKind.WARMUP, 60, 3.0),))
    engine = SessionEngine(link, plan, Settings())
    world.context.engine = engine
    running = asyncio.Event()
    engine.add_listener(
        lambda event: running.set() if engine.state is SessionState.RUNNING_PHASE else None
    )
    run = asyncio.create_task(engine.run())
    engine.user_start()
    await running.wait()
    bridge.connectTo(second.address)
    await world.settle()
    assert bridge.property("problem") == "A session is under way"
    assert first.connected
    assert not second.connected
    assert first.belt_speed_kmh > 0  # the session was not disturbed
    engine.user_stop()
    engine.user_end()
    await run
