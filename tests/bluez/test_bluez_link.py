"""The app's real Bluetooth path over BlueZ: ``TreadmillLink`` with ``BluetoothConnection``
(bleak's BlueZ backend and bleak-retry-connector) as the GUI builds it
(``app.treadmill_source.bluetooth_source()``), against the fake BlueZ on a real dbus-daemon.
Real time: each test takes a fraction of a second."""

from __future__ import annotations

import asyncio

import pytest
from bluez_air import CHOSEN, NEIGHBOUR, Watch, air
from fake_bluez import (
    ABORT_BY_LOCAL,
    ADAPTER,
    UNREACHABLE_MESSAGE,
    FakeBlueZ,
    bleak_heard,
    bus_connections,
    run_until,
)
from private_bus import PrivateBus

from treadmill_ctl.app.treadmill_source import bluetooth_source
from treadmill_ctl.errors import LinkError
from treadmill_ctl.ftms.model import LinkEvent, LinkState, Result


async def test_the_app_lists_both_treadmills_and_connects_only_the_chosen_one(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus) as (bluez, chosen, neighbour):
        source = bluetooth_source()
        found = await source.scan(0.6)
        by_address = {d.address: d for d in found}
        assert by_address[CHOSEN].advertises_ftms
        assert by_address[NEIGHBOUR].advertises_ftms
        assert found[0].address == NEIGHBOUR  # the louder one first, still not picked
        link = source.open_link(CHOSEN)
        watch = Watch(link)
        caps = await link.connect()
        assert caps.address == CHOSEN
        assert caps.name == "Virtual Treadmill"
        assert caps.can_set_speed
        assert watch.outcomes[0].result is Result.SUCCESS  # control requested
        assert chosen.has_control
        assert bluez.connect_calls() == [bluez.path_of(CHOSEN)]
        assert not neighbour.connected
        started = await link.start()
        assert started.result is Result.SUCCESS
        assert (await link.set_speed(3.0)).result is Result.SUCCESS
        await run_until(lambda: chosen.belt_speed_kmh > 0.5, 10, "the belt moving")
        stop = await link.stop()
        assert stop.confirmed
        await link.disconnect()
        assert watch.states() == [LinkState.CONNECTING, LinkState.CONNECTED, LinkState.DISCONNECTED]
        assert not chosen.connected
        assert bluez.gatt_objects(CHOSEN) == []


@pytest.mark.parametrize("keep_gatt", [False, True], ids=["gatt-removed", "gatt-kept"])
async def test_disconnect_and_connect_again_whether_bluez_keeps_the_gatt_objects(
    bluez_bus: PrivateBus, keep_gatt: bool
) -> None:
    async with air(bluez_bus, keep_gatt_on_disconnect=keep_gatt) as (bluez, chosen, _):
        link = bluetooth_source().open_link(CHOSEN)
        await link.connect()
        objects = bluez.gatt_objects(CHOSEN)
        assert objects
        await link.disconnect()
        assert bluez.gatt_objects(CHOSEN) == (objects if keep_gatt else [])
        await link.connect()
        assert bluez.gatt_objects(CHOSEN) == objects
        assert (await link.start()).result is Result.SUCCESS
        await run_until(lambda: chosen.belt_speed_kmh > 0, 10, "the belt moving")
        assert (await link.stop()).confirmed
        await link.disconnect()


async def test_le_connection_abort_by_local_is_retried_and_is_not_a_link_loss(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus) as (bluez, chosen, _):
        bluez.fail_next_connect(CHOSEN, ABORT_BY_LOCAL)
        link = bluetooth_source().open_link(CHOSEN)
        watch = Watch(link)
        await link.connect()
        assert bluez.connect_calls() == [bluez.path_of(CHOSEN)] * 2
        assert watch.states() == [LinkState.CONNECTING, LinkState.CONNECTED]
        assert chosen.has_control
        await link.disconnect()


async def test_connect_failures_are_retried_by_bleak_retry_connector(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus) as (bluez, chosen, _):
        bluez.fail_next_connect(CHOSEN, UNREACHABLE_MESSAGE, times=2)
        link = bluetooth_source().open_link(CHOSEN)
        await link.connect()
        assert bluez.connect_calls() == [bluez.path_of(CHOSEN)] * 3
        assert chosen.connected
        await link.disconnect()


async def test_a_treadmill_that_never_answers_fails_with_a_clear_error(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus, connect_timeout_s=0.05) as (bluez, chosen, _):
        chosen.drop_link(back_after_s=None)  # advertises, but connections fail
        link = bluetooth_source().open_link(CHOSEN)
        watch = Watch(link)
        with pytest.raises(LinkError, match="Could not connect to Virtual Treadmill"):
            await link.connect()
        assert len(bluez.connect_calls()) >= 2  # retried first
        assert watch.states() == [LinkState.CONNECTING, LinkState.DISCONNECTED]


async def test_link_loss_is_reported_at_once_and_reconnect_works(bluez_bus: PrivateBus) -> None:
    async with air(bluez_bus) as (_bluez, chosen, _):
        link = bluetooth_source().open_link(CHOSEN)
        watch = Watch(link)
        await link.connect()
        connected = await bus_connections(bluez_bus.address)
        await link.start()
        await link.set_speed(4.0)
        await run_until(lambda: (link.last_speed_kmh or 0) > 1.0, 10, "the belt reported moving")
        chosen.drop_link(back_after_s=0.3)
        await run_until(lambda: link.state is LinkState.LOST, 2, "LOST")
        lost = next(
            u for u in watch.updates if isinstance(u, LinkEvent) and u.state is LinkState.LOST
        )
        assert "The belt may still be moving" in lost.message
        assert chosen.belt_speed_kmh > 0  # the machine goes on: that is the danger
        # The lost client's own D-Bus connection is released (bleak leaves that to its user).
        assert await _eventually_fewer(bluez_bus.address, connected)
        await run_until(lambda: chosen.link_up, 2, "the treadmill back")
        await link.reconnect()
        assert await bus_connections(bluez_bus.address) == connected
        assert (await link.stop()).confirmed
        await run_until(lambda: chosen.belt_speed_kmh == 0, 20, "the belt stopped")
        await link.disconnect()


async def _eventually_fewer(address: str, than: int) -> bool:
    async with asyncio.timeout(2):
        while await bus_connections(address) >= than:
            pass
    return True


async def test_an_indication_before_the_write_reply_answers_its_command(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus, write_reply_delay_s=0.15) as (_bluez, chosen, _):
        link = bluetooth_source().open_link(CHOSEN)
        watch = Watch(link)
        await link.connect()
        for kmh in (2.0, 2.5, 3.0):
            outcome = await link.set_speed(kmh)
            assert outcome.result is Result.SUCCESS, outcome
        assert (await link.start()).result is Result.SUCCESS
        assert (await link.pause()).result is Result.SUCCESS
        assert [o.result for o in watch.outcomes] == [Result.SUCCESS] * 6
        assert chosen.target_speed_kmh == pytest.approx(3.0)
        await link.disconnect()


async def test_the_adapter_switched_off_is_a_link_loss_and_scans_say_so(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus) as (bluez, chosen, _):
        source = bluetooth_source()
        link = source.open_link(CHOSEN)
        await link.connect()
        bluez.set_powered(False)
        await run_until(lambda: link.state is LinkState.LOST, 2, "LOST")
        with pytest.raises(LinkError, match="Is Bluetooth switched on") as scan_error:
            await source.scan(0.2)
        assert "(No powered Bluetooth adapters found. Turn on Bluetooth" in str(scan_error.value)
        with pytest.raises(LinkError) as connect_error:
            await link.reconnect()
        # bleak's reason in words, not the repr of its arguments
        assert str(connect_error.value) == (
            "Could not connect to Virtual Treadmill: No powered Bluetooth adapters found. "
            "Turn on Bluetooth and try again."
        )
        bluez.set_powered(True)
        await bleak_heard(lambda objects: objects[bluez.adapter_path][ADAPTER]["Powered"])
        await link.reconnect()
        assert chosen.has_control
        await link.disconnect()


async def test_bluetoothd_gone_with_the_bus_is_a_link_loss_not_a_hang(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus) as (_bluez, _chosen, _):
        link = bluetooth_source().open_link(CHOSEN)
        await link.connect()
        bluez_bus.kill()
        await run_until(lambda: link.state is LinkState.LOST, 5, "LOST")
        stop = await asyncio.wait_for(link.stop(), 5)
        assert not stop.confirmed
        with pytest.raises(LinkError):
            await asyncio.wait_for(link.reconnect(), 10)


async def test_bluetoothd_restarting_is_a_link_loss_and_the_link_reconnects(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus) as (bluez, chosen, _):
        link = bluetooth_source().open_link(CHOSEN)
        watch = Watch(link)
        await link.connect()
        await link.start()
        await bluez.crash()  # bluetoothd gone, the dbus-daemon still up
        # bleak hears no Connected change: without a watch on bluetoothd the link stayed
        # CONNECTED and every write failed.
        await run_until(lambda: link.state is LinkState.LOST, 2, "LOST")
        assert watch.states()[-1] is LinkState.LOST
        with pytest.raises(LinkError):
            await link.reconnect()  # nobody answers for org.bluez
        # systemd starts bluetoothd again: a new org.bluez, which knows no device yet.
        async with FakeBlueZ(bluez_bus.address) as again:
            again.add(chosen)
            await link.reconnect()
            assert again.connect_calls() == [again.path_of(CHOSEN)]
            assert chosen.has_control
            assert (await link.stop()).confirmed
            await link.disconnect()
