"""The data watchdog's "subscribe to the notifications once more", on bleak's real BlueZ
backend against the fake BlueZ: a Treadmill Data subscription the stack lost (the treadmill
goes quiet, the link stays up) is restored by ``resubscribe_data`` (its CCCD off, then on, over
D-Bus); the data flows again. Real time: a fraction of a second."""

from __future__ import annotations

import asyncio

from bluez_air import CHOSEN, Watch, air
from fake_bluez import run_until
from private_bus import PrivateBus

from treadmill_ctl.app.treadmill_source import bluetooth_source
from treadmill_ctl.ftms.model import Result, TreadmillData


def data_count(watch: Watch) -> int:
    return sum(isinstance(u, TreadmillData) for u in watch.updates)


async def test_a_lost_data_subscription_is_restored_over_bluez(bluez_bus: PrivateBus) -> None:
    async with air(bluez_bus) as (_bluez, chosen, _neighbour):
        link = bluetooth_source().open_link(CHOSEN)
        watch = Watch(link)
        await link.connect()
        assert (await link.start()).result is Result.SUCCESS
        assert (await link.set_speed(3.0)).result is Result.SUCCESS
        await run_until(lambda: data_count(watch) >= 3, 10, "Treadmill Data")

        chosen.lose_data_subscription()
        await asyncio.sleep(0.3)  # anything already sent is in
        quiet = data_count(watch)
        await asyncio.sleep(1.5)  # the record interval is 1 s: nothing comes
        assert data_count(watch) == quiet
        assert chosen.belt_speed_kmh > 0.5  # the belt goes on

        assert await link.resubscribe_data() is True
        await run_until(lambda: data_count(watch) > quiet + 1, 10, "Treadmill Data again")
        assert chosen.connected
        assert (await link.stop()).confirmed
        await link.disconnect()
