"""BlueZ's D-Bus errors for ATT errors (``create_gatt_dbus_error`` in src/gatt-client.c) on the
app's path: what bleak makes of each and what the link then does. A real treadmill gets these
on a busy Control Point (0xFE), a console that refuses a write, a vendor's own error code."""

from __future__ import annotations

from bluez_air import CHOSEN, Watch, air
from fake_bluez import BlueZError, att_error
from private_bus import PrivateBus

from treadmill_ctl.app.treadmill_source import bluetooth_source
from treadmill_ctl.ftms.model import LinkState, Result
from treadmill_ctl.sim import gatt

SET_3_KMH = bytes([gatt.OP_SET_SPEED]) + (300).to_bytes(2, "little")


async def test_in_progress_is_retried_by_bleak_and_the_command_goes_out_once(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus) as (bluez, chosen, _):
        link = bluetooth_source().open_link(CHOSEN)
        watch = Watch(link)
        await link.connect()
        writes = bluez.gatt_calls("WriteValue", CHOSEN)
        bluez.fail_next_request(
            CHOSEN, gatt.CONTROL_POINT, BlueZError("InProgress", "In Progress"), times=2
        )
        outcome = await link.set_speed(3.0)
        assert outcome.result is Result.SUCCESS
        assert bluez.gatt_calls("WriteValue", CHOSEN) == writes + 3  # two refused, one through
        assert [data for _t, data in chosen.control_writes].count(SET_3_KMH) == 1
        assert chosen.target_speed_kmh == 3.0
        assert watch.outcomes[-1] == outcome
        await link.disconnect()


async def test_att_busy_0xfe_as_operation_failed_is_written_again_by_the_link(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus) as (bluez, chosen, _):
        link = bluetooth_source().open_link(CHOSEN)
        await link.connect()
        # BlueZ has no name for 0xFE: "org.bluez.Error.Failed: Operation failed with ATT
        # error: 0xfe", which bleak turns back into the code and the link's seam retries.
        bluez.fail_next_request(CHOSEN, gatt.CONTROL_POINT, att_error(0xFE))
        assert att_error(0xFE).text == "Operation failed with ATT error: 0xfe"
        outcome = await link.set_speed(3.0)
        assert outcome.result is Result.SUCCESS
        assert chosen.target_speed_kmh == 3.0
        await link.disconnect()


async def test_a_write_refused_by_the_console_is_an_error_the_user_sees_not_a_success(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus) as (bluez, chosen, _):
        link = bluetooth_source().open_link(CHOSEN)
        watch = Watch(link)
        await link.connect()
        bluez.fail_next_request(CHOSEN, gatt.CONTROL_POINT, att_error(0x03))  # NotPermitted
        refused = await link.set_speed(3.0)
        assert refused.result is Result.ERROR
        # In words, not the repr of bleak's arguments:
        assert refused.detail == "write failed: Write Not Permitted (ATT error 0x03)"
        bluez.fail_next_request(CHOSEN, gatt.CONTROL_POINT, att_error(0x80))  # a vendor's code
        vendor = await link.set_speed(3.0)
        assert vendor.result is Result.ERROR
        assert vendor.detail == "write failed: Application-specific Error 0x80 (ATT error 0x80)"
        assert watch.outcomes[-2:] == [refused, vendor]
        assert chosen.target_speed_kmh != 3.0  # nothing reached the machine
        # Neither is a link loss: the next command goes through.
        assert link.state is LinkState.CONNECTED
        assert (await link.set_speed(3.0)).result is Result.SUCCESS
        assert chosen.target_speed_kmh == 3.0
        await link.disconnect()
