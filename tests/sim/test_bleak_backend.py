"""The virtual treadmill as a bleak backend: bleak's own BleakScanner and BleakClient on top."""

from __future__ import annotations

import asyncio

import pytest
from bleak import BleakClient, BleakScanner
from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.backends.service import BleakGATTServiceCollection
from bleak.exc import BleakDeviceNotFoundError, BleakError, BleakGATTProtocolError
from bleak_retry_connector import ble_device_description
from bleak_retry_connector.bluez import path_from_ble_device

from treadmill_ctl.ftms.model import FTMS_SERVICE_UUID, uuid16
from treadmill_ctl.sim.bleak_backend import (
    SimAir,
    SimBleakClient,
    SimBleakScanner,
    is_simulated,
    simulated_ble_device,
)
from treadmill_ctl.sim.profiles import load_profile
from treadmill_ctl.sim.treadmill import VirtualTreadmill

pytestmark = pytest.mark.looptime

CP = uuid16(0x2AD9)
DATA = uuid16(0x2ACD)


@pytest.fixture
async def on_air() -> tuple[SimAir, VirtualTreadmill]:  # type: ignore[misc]
    device = VirtualTreadmill(load_profile("cs-wp8"), name="CS-WP8")
    air = SimAir()
    air.add(device)
    yield air, device
    await device.close()


async def test_scanner_hears_the_virtual_treadmill(on_air: tuple[SimAir, VirtualTreadmill]) -> None:
    air, device = on_air
    found = await BleakScanner.discover(
        timeout=1.0, return_adv=True, backend=SimBleakScanner, sim_air=air
    )
    ble_device, adv = found[device.address]
    assert ble_device.name == "CS-WP8"
    assert adv.service_data[FTMS_SERVICE_UUID] == bytes.fromhex("010100")
    assert FTMS_SERVICE_UUID in adv.service_uuids
    assert adv.rssi == device.profile.rssi
    assert is_simulated(ble_device)


async def test_scanner_filters_on_service_uuids(on_air: tuple[SimAir, VirtualTreadmill]) -> None:
    air, _ = on_air
    heart_rate_only = await BleakScanner.discover(
        timeout=0.5, service_uuids=[uuid16(0x180D)], backend=SimBleakScanner, sim_air=air
    )
    assert heart_rate_only == []


async def test_advertisement_stream_keeps_coming(on_air: tuple[SimAir, VirtualTreadmill]) -> None:
    air, device = on_air
    seen = 0
    async with BleakScanner(backend=SimBleakScanner, sim_air=air) as scanner:
        async for ble_device, _adv in scanner.advertisement_data():
            assert ble_device.address == device.address
            seen += 1
            if seen == 3:
                break
    assert seen == 3


async def test_simulated_device_never_looks_like_bluez(
    on_air: tuple[SimAir, VirtualTreadmill],
) -> None:
    air, device = on_air
    ble_device = await BleakScanner.find_device_by_address(
        device.address, timeout=1.0, backend=SimBleakScanner, sim_air=air
    )
    assert ble_device is not None
    assert ble_device.details == {"simulated": True}
    assert path_from_ble_device(ble_device) is None
    assert "/org/bluez" not in ble_device_description(ble_device)


async def test_client_sees_real_gatt_objects_and_mtu_23(
    on_air: tuple[SimAir, VirtualTreadmill],
) -> None:
    air, device = on_air
    async with BleakClient(
        simulated_ble_device(device), backend=SimBleakClient, sim_air=air
    ) as client:
        assert client.is_connected
        assert client.mtu_size == 23
        assert isinstance(client.services, BleakGATTServiceCollection)
        cp = client.services.get_characteristic("2ad9")
        assert isinstance(cp, BleakGATTCharacteristic)
        assert cp.properties == ["write", "indicate"]
        assert cp.max_write_without_response_size == 20
        assert client.services.get_service("1826") is not None
        assert client.services.get_service("180a") is not None
        assert await client.read_gatt_char("2ad4") == bytes.fromhex("640058023200")
        assert await client.read_gatt_char("2a29") == b"CITYSPORTS"
    assert not device.connected


async def test_writes_indications_and_att_errors(on_air: tuple[SimAir, VirtualTreadmill]) -> None:
    air, device = on_air
    got: list[bytes] = []
    async with BleakClient(
        simulated_ble_device(device), backend=SimBleakClient, sim_air=air
    ) as client:
        with pytest.raises(BleakGATTProtocolError) as refused:  # indications not enabled
            await client.write_gatt_char(CP, b"\x00", response=True)
        assert refused.value.code == 0xFD
        await client.start_notify(CP, lambda _c, data: got.append(bytes(data)))
        await client.write_gatt_char(CP, b"\x00", response=True)
        await asyncio.sleep(0.5)
        assert got == [bytes.fromhex("800001")]
        with pytest.raises(BleakError):
            await client.write_gatt_char(CP, bytes(21), response=False)


async def test_notifications_arrive_through_the_callback(
    on_air: tuple[SimAir, VirtualTreadmill],
) -> None:
    air, device = on_air
    records: list[bytes] = []
    async with BleakClient(
        simulated_ble_device(device), backend=SimBleakClient, sim_air=air
    ) as client:
        await client.start_notify(DATA, lambda _c, data: records.append(bytes(data)))
        await asyncio.sleep(2.0)
        await client.stop_notify(DATA)
        count = len(records)
        await asyncio.sleep(2.0)
    assert count >= 3  # every 0.5 s on the CS-WP8
    assert len(records) == count
    assert all(len(r) <= 20 for r in records)


async def test_a_failing_callback_does_not_stop_the_device(
    on_air: tuple[SimAir, VirtualTreadmill],
) -> None:
    air, device = on_air
    calls = 0

    def broken(_c: BleakGATTCharacteristic, _data: bytearray) -> None:
        nonlocal calls
        calls += 1
        raise RuntimeError("handler bug")

    async with BleakClient(
        simulated_ble_device(device), backend=SimBleakClient, sim_air=air
    ) as client:
        await client.start_notify(DATA, broken)
        await asyncio.sleep(2.0)
        assert client.is_connected
    assert calls >= 3


async def test_device_side_drop_calls_the_disconnected_callback(
    on_air: tuple[SimAir, VirtualTreadmill],
) -> None:
    air, device = on_air
    dropped: list[BleakClient] = []
    client = BleakClient(
        simulated_ble_device(device),
        disconnected_callback=dropped.append,
        backend=SimBleakClient,
        sim_air=air,
    )
    await client.connect()
    device.drop_link(back_after_s=2.0)
    assert dropped == [client]
    assert not client.is_connected
    with pytest.raises(BleakError):
        await client.read_gatt_char("2acc")
    with pytest.raises(BleakError):  # the device does not answer while the link is down
        await client.connect()
    await asyncio.sleep(2.5)
    await client.connect()  # back
    assert client.is_connected
    await client.disconnect()


async def test_unknown_address_is_not_found() -> None:
    client = BleakClient("5A:11:00:00:00:FF", backend=SimBleakClient, sim_air=SimAir())
    with pytest.raises(BleakDeviceNotFoundError):
        await client.connect()


def test_no_air_given_is_refused_rather_than_a_process_wide_one() -> None:
    # Two runs in one process (tests, the app and a headless run) never share devices.
    with pytest.raises(BleakError, match="sim_air"):
        BleakClient("5A:11:00:00:00:01", backend=SimBleakClient)


async def test_air_registry() -> None:
    air = SimAir()
    a = VirtualTreadmill(address="5A:11:00:00:00:0A")
    b = VirtualTreadmill(address="5A:11:00:00:00:0B")
    air.add(a)
    air.add(b)
    assert air.lookup("5a:11:00:00:00:0a") is a
    air.remove(a)
    assert air.devices() == [b]
    air.clear()
    assert air.lookup(b.address) is None
    await a.close()
    await b.close()
