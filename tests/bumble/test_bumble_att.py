"""bleak over real ATT: the virtual treadmill behind bumble's GATT server, the app's bleak client
over bumble's GATT client, two virtual controllers on an in-process link.

What each test checks is what a real adapter would show: the MTU the treadmill answers, the
CCCD writes that subscribe, the confirmation of every indication, ATT error responses, and the
HCI reason of a lost link.
"""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("bumble")

from bleak import BleakClient, BleakScanner
from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.exc import BleakError, BleakGATTProtocolError
from bumble import hci
from bumble_backend import (
    BumbleAir,
    BumbleBleakClient,
    BumbleBleakScanner,
    Sender,
)
from on_air import ADDRESS, treadmill_on_air

from treadmill_ctl.ftms.model import FTMS_SERVICE_UUID, uuid16
from treadmill_ctl.sim import gatt

pytestmark = pytest.mark.looptime

CP = gatt.CONTROL_POINT
CCCD = uuid16(0x2902)
CONNECTION_TIMEOUT = hci.HCI_ErrorCode.CONNECTION_TIMEOUT_ERROR
ATTRIBUTE_NOT_FOUND = 0x0A


class Received:
    """Notifications and indications as the app's bleak callbacks got them."""

    def __init__(self) -> None:
        self.packets: list[tuple[str, bytes]] = []

    def __call__(self, char: BleakGATTCharacteristic, data: bytearray) -> None:
        self.packets.append((char.uuid, bytes(data)))

    def of(self, uuid: str) -> list[bytes]:
        return [data for u, data in self.packets if u == uuid]


def procedure_errors(air: BumbleAir) -> list[tuple[int | None, int | None]]:
    """(characteristic, ATT error code) of every error response but discovery's
    "attribute not found" (which ends each discovery procedure)."""
    return [
        (r.uuid16, r.code)
        for r in air.air_log.of("ATT_ERROR_RESPONSE")
        if r.code != ATTRIBUTE_NOT_FOUND
    ]


async def connected(air: BumbleAir) -> BleakClient:
    client = BleakClient(air.ble_device(ADDRESS), backend=BumbleBleakClient)
    await client.connect()
    return client


async def test_scan_hears_the_ftms_advertisement() -> None:
    async with treadmill_on_air("ideal") as on:
        air = on.air
        found = await BleakScanner.discover(
            timeout=0.5, return_adv=True, backend=BumbleBleakScanner, bumble_air=air
        )
        device, adv = found["5A:11:00:00:00:01"]
        assert adv.local_name == "Virtual Treadmill"
        assert adv.service_data == {FTMS_SERVICE_UUID: bytes.fromhex("010100")}
        assert FTMS_SERVICE_UUID in adv.service_uuids
        assert "path" not in device.details  # never mistaken for a BlueZ device


async def test_connect_negotiates_mtu_23_and_discovers_the_ftms_table() -> None:
    async with treadmill_on_air("ideal") as on:
        treadmill = on.treadmill
        peripheral = on.peripheral
        air = on.air
        client = await connected(air)
        assert client.mtu_size == 23
        exchange = air.air_log.of("ATT_EXCHANGE_MTU_RESPONSE")
        assert [r.sender for r in exchange] == [Sender.TREADMILL]
        ftms = client.services.get_service(FTMS_SERVICE_UUID)
        assert ftms is not None
        chars = {c.uuid: c for c in ftms.characteristics}
        assert set(chars) == {
            c.uuid
            for s in treadmill.services()
            for c in s.characteristics
            if s.uuid == FTMS_SERVICE_UUID
        }
        assert chars[CP].properties == ["write", "indicate"]
        assert [d.uuid for d in chars[CP].descriptors] == [CCCD]  # a real CCCD to write
        assert chars[CP].max_write_without_response_size == 20
        # Reads go over ATT to the treadmill: the Feature bytes are the device's own.
        assert await client.read_gatt_char(gatt.FEATURE) == await treadmill.read(gatt.FEATURE)
        await client.disconnect()
        await peripheral.wait_disconnected()
        assert not treadmill.connected


async def test_subscribing_writes_the_cccd_and_every_indication_is_confirmed() -> None:
    async with treadmill_on_air("ideal") as on:
        air = on.air
        client = await connected(air)
        got = Received()
        for uuid in (CP, gatt.MACHINE_STATUS, gatt.TRAINING_STATUS):
            await client.start_notify(uuid, got)
        log = air.air_log
        assert log.cccd_writes() == {0x2AD9: b"\x02\x00", 0x2ADA: b"\x01\x00", 0x2AD3: b"\x01\x00"}

        await client.write_gatt_char(CP, b"\x00", response=True)
        await asyncio.sleep(0.2)  # one procedure at a time: wait for its indication
        await client.write_gatt_char(CP, bytes.fromhex("022c01"), response=True)
        await asyncio.sleep(0.2)
        assert got.of(CP) == [bytes.fromhex("800001"), bytes.fromhex("800201")]
        assert got.of(gatt.MACHINE_STATUS) == [bytes.fromhex("052c01")]
        indications = log.of("ATT_HANDLE_VALUE_INDICATION", uuid16=0x2AD9)
        confirmations = log.of("ATT_HANDLE_VALUE_CONFIRMATION")
        assert [r.value.hex() for r in indications] == ["800001", "800201"]
        assert len(confirmations) == 2
        assert all(c.sender is Sender.CENTRAL for c in confirmations)
        for ind, conf in zip(indications, confirmations, strict=True):
            assert ind.t <= conf.t
        # Machine Status goes as a notification: nothing to confirm.
        assert log.of("ATT_HANDLE_VALUE_NOTIFICATION", uuid16=0x2ADA)
        await client.disconnect()


async def test_a_failing_notification_handler_is_logged_and_the_next_ones_still_come(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """As a real backend's event dispatcher: one bad handler does not stop the device."""
    async with treadmill_on_air("ideal") as on:
        client = await connected(on.air)
        got: list[bytes] = []

        def fails_first(_char: BleakGATTCharacteristic, data: bytearray) -> None:
            got.append(bytes(data))
            if len(got) == 1:
                raise RuntimeError("handler bug")

        await client.start_notify(gatt.TREADMILL_DATA, fails_first)
        await asyncio.sleep(1.0)  # 4 Hz data
        assert len(got) >= 3
        [failure] = [r for r in caplog.records if "notification callback" in r.getMessage()]
        assert gatt.TREADMILL_DATA in failure.getMessage()
        assert failure.exc_info is not None
        assert isinstance(failure.exc_info[1], RuntimeError)
        await client.disconnect()


async def test_control_point_write_without_indications_enabled_gets_0xfd() -> None:
    async with treadmill_on_air("ideal") as on:
        air = on.air
        client = await connected(air)
        with pytest.raises(BleakGATTProtocolError) as err:
            await client.write_gatt_char(CP, b"\x00", response=True)
        assert err.value.args[0] == 0xFD
        assert procedure_errors(air) == [(0x2AD9, 0xFD)]
        await client.disconnect()


async def test_a_write_while_a_procedure_is_in_progress_gets_0xfe() -> None:
    async with treadmill_on_air("ideal") as on:  # busy writes rejected, as the spec says
        air = on.air
        client = await connected(air)
        got = Received()
        await client.start_notify(CP, got)
        await client.write_gatt_char(CP, b"\x00", response=True)
        # The first write's response indication is not out yet: the second write is refused.
        with pytest.raises(BleakGATTProtocolError) as err:
            await client.write_gatt_char(CP, bytes.fromhex("022c01"), response=True)
        assert err.value.args[0] == 0xFE
        await asyncio.sleep(0.2)
        assert got.of(CP) == [bytes.fromhex("800001")]
        # Once the indication is confirmed the next procedure may start.
        await client.write_gatt_char(CP, bytes.fromhex("022c01"), response=True)
        await asyncio.sleep(0.2)
        assert got.of(CP)[-1] == bytes.fromhex("800201")
        assert procedure_errors(air) == [(0x2AD9, 0xFE)]
        await client.disconnect()


async def test_link_loss_is_a_supervision_timeout_seen_by_both_hosts() -> None:
    async with treadmill_on_air("ideal") as on:
        treadmill = on.treadmill
        air = on.air
        lost: list[float] = []
        loop = asyncio.get_running_loop()
        client = BleakClient(
            air.ble_device(treadmill.address),
            disconnected_callback=lambda _c: lost.append(loop.time()),
            backend=BumbleBleakClient,
        )
        await client.connect()
        got = Received()
        await client.start_notify(CP, got)
        t0 = loop.time()
        loss = asyncio.create_task(air.lose_link(treadmill.address))
        await asyncio.sleep(0)
        # The air is silent: the write goes nowhere and fails when the link is declared lost,
        # not after bumble's 30 s ATT timeout.
        with pytest.raises(BleakError, match="Disconnected"):
            await client.write_gatt_char(CP, b"\x00", response=True)
        await loss
        assert lost == [pytest.approx(t0 + 0.72, abs=0.01)]
        assert client._backend.disconnect_reason == CONNECTION_TIMEOUT  # type: ignore[attr-defined]
        assert not client.is_connected
        assert not treadmill.connected  # the treadmill's host noticed too
        [down] = air.air_log.of("LINK_DISCONNECTED")
        assert down.code == CONNECTION_TIMEOUT
        with pytest.raises(BleakError):
            await client.write_gatt_char(CP, b"\x00", response=True)


async def test_a_treadmill_link_drop_fault_is_link_loss_on_the_air_and_it_comes_back() -> None:
    async with treadmill_on_air("ideal") as on:
        treadmill = on.treadmill
        air = on.air
        lost = asyncio.Event()
        client = BleakClient(
            air.ble_device(treadmill.address),
            disconnected_callback=lambda _c: lost.set(),
            backend=BumbleBleakClient,
            timeout=1.0,
        )
        await client.connect()
        treadmill.drop_link(back_after_s=3.0)
        async with asyncio.timeout(1.0):
            await lost.wait()
        assert client._backend.disconnect_reason == CONNECTION_TIMEOUT  # type: ignore[attr-defined]
        # Off the air while the fault lasts: connecting times out.
        with pytest.raises(TimeoutError):
            await client.connect()
        await asyncio.sleep(2.5)
        await client.connect()
        assert client.is_connected
        assert treadmill.connected
        await client.disconnect()
