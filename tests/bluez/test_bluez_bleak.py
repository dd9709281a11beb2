"""bleak's own BlueZ backend (scanner, client, manager) against the fake BlueZ: what bleak calls
and expects, and the BlueZ behaviours the app's path meets. Real time on a real dbus-daemon."""

from __future__ import annotations

import asyncio

import pytest
from bleak import BleakClient, BleakScanner
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData
from bleak.exc import BleakGATTProtocolError
from fake_bluez import FakeBlueZ, run_until
from private_bus import PrivateBus

from treadmill_ctl.ftms.model import FTMS_SERVICE_UUID
from treadmill_ctl.sim import gatt
from treadmill_ctl.sim.treadmill import VirtualTreadmill

TREADMILL = "5A:11:00:00:00:01"
OTHER = "5A:11:00:00:00:07"


async def find(address: str, timeout_s: float = 3.0) -> BLEDevice:
    device = await BleakScanner.find_device_by_address(address, timeout=timeout_s)
    assert device is not None, f"{address} not heard"
    return device


async def test_a_scan_hears_the_treadmill_only_through_signals_while_discovering(
    bluez_bus: PrivateBus,
) -> None:
    treadmill = VirtualTreadmill()
    other = VirtualTreadmill(name="Other Treadmill", address=OTHER)
    async with FakeBlueZ(bluez_bus.address) as bluez:
        bluez.add(treadmill)
        heard: list[tuple[BLEDevice, AdvertisementData]] = []
        async with BleakScanner(
            lambda d, a: heard.append((d, a)) if d.address == TREADMILL else None
        ):
            await run_until(lambda: len(heard) >= 3, 3.0, "three adverts")
        device, adv = heard[0]
        assert device.address == TREADMILL
        assert device.details["path"] == "/org/bluez/hci0/dev_5A_11_00_00_00_01"
        assert adv.local_name == "Virtual Treadmill"
        assert FTMS_SERVICE_UUID in adv.service_data
        assert adv.rssi < 0
        # After the scan: known to BlueZ, but a new scanner hears nothing until it advertises
        # again (GetManagedObjects alone reports nothing).
        assert bluez.has_object(bluez.path_of(TREADMILL))
        bluez.take_off_air(treadmill)
        bluez.add(other)
        again: list[str] = []
        async with BleakScanner(lambda d, a: again.append(d.address)):
            # Listening for as long as it takes to hear another device three times (three
            # rounds of adverts), not for a guessed time.
            await run_until(lambda: again.count(OTHER) >= 3, 3.0, "the other treadmill")
        assert TREADMILL not in again
    await treadmill.close()
    await other.close()


async def test_connect_read_write_and_indications_through_bluez(bluez_bus: PrivateBus) -> None:
    treadmill = VirtualTreadmill()
    async with FakeBlueZ(bluez_bus.address) as bluez:
        bluez.add(treadmill)
        device = await find(TREADMILL)
        async with BleakClient(device) as client:
            assert client.is_connected
            feature = await client.read_gatt_char(gatt.FEATURE)
            assert len(feature) == 8
            got: asyncio.Queue[bytes] = asyncio.Queue()
            await client.start_notify(gatt.CONTROL_POINT, lambda _c, d: got.put_nowait(bytes(d)))
            await client.write_gatt_char(gatt.CONTROL_POINT, b"\x00", response=True)
            assert await asyncio.wait_for(got.get(), 2.0) == b"\x80\x00\x01"
            with pytest.raises(BleakGATTProtocolError) as err:
                await client.read_gatt_char(gatt.CONTROL_POINT)
            assert err.value.args[0] == 0x02
        assert bluez.gatt_objects(TREADMILL) == []
    await treadmill.close()
