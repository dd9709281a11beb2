"""What the app's link does on the air, over real ATT: only what the air log can show.

The link's scenarios themselves (a session with every wire value, STOP, faults, link loss,
reconnecting, scanning) run over bumble as the "bumble" variant of every test in tests/ftms that
takes the ``backend`` fixture. Here: the link subscribes by writing each CCCD, every
control-point command is one ATT Write Request and every response an indication the app's host
confirms, a STOP during a pending procedure meets ATT error 0xFE on the wire, and the treadmill's
notifications leave in the order it produced them.
"""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("bumble")

from bumble_backend import Sender
from link_harness import Rig, open_link, running, wait_until

from treadmill_ctl.ftms.model import MachineStatus, MachineStatusKind, Result, TreadmillData

pytestmark = pytest.mark.looptime

ATTRIBUTE_NOT_FOUND = 0x0A
CONTROL_POINT, MACHINE_STATUS, TRAINING_STATUS, TREADMILL_DATA = 0x2AD9, 0x2ADA, 0x2AD3, 0x2ACD


def procedure_errors(r: Rig) -> list[tuple[int | None, int | None]]:
    """(characteristic, ATT error code) of every error response on the air, but discovery's
    "attribute not found" (the normal end of each discovery procedure)."""
    return [
        (e.uuid16, e.code)
        for e in r.air.air_log.of("ATT_ERROR_RESPONSE")
        if e.code != ATTRIBUTE_NOT_FOUND
    ]


@pytest.mark.parametrize(("profile", "speeds"), [("ideal", [2.3, 8.0]), ("cs-wp8", [1.5, 6.0])])
async def test_commands_are_write_requests_and_responses_confirmed_indications(
    profile: str, speeds: list[float]
) -> None:
    async with open_link("bumble", profile) as r:
        log = r.air.air_log
        # pyftms subscribed the way a real client does: by writing each CCCD.
        assert log.cccd_writes() == {
            CONTROL_POINT: b"\x02\x00",  # indications
            MACHINE_STATUS: b"\x01\x00",
            TRAINING_STATUS: b"\x01\x00",
            TREADMILL_DATA: b"\x01\x00",
        }
        await running(r)
        for kmh in speeds:
            assert (await r.link.set_speed(kmh)).result is Result.SUCCESS
        stop = await r.link.stop()
        assert stop.confirmed, stop
        await wait_until(lambda: r.device.belt_speed_kmh == 0.0)

        # Each command one ATT Write Request, the same bytes the device got; each response an
        # indication the app's host confirmed.
        on_air = [
            w.value.hex(" ") for w in log.of("ATT_WRITE_REQUEST", uuid16=CONTROL_POINT, cccd=False)
        ]
        assert on_air == r.writes()
        indications = log.of("ATT_HANDLE_VALUE_INDICATION", uuid16=CONTROL_POINT)
        confirmations = log.of("ATT_HANDLE_VALUE_CONFIRMATION")
        assert len(indications) == len(r.writes())
        assert len(confirmations) == len(indications)
        assert {c.sender for c in confirmations} == {Sender.CENTRAL}
        assert all(c.t >= i.t for i, c in zip(indications, confirmations, strict=True))
        assert procedure_errors(r) == []
        # Notifications fit the MTU: no payload over 20 bytes went out.
        assert max(len(n.value) for n in log.of("ATT_HANDLE_VALUE_NOTIFICATION")) <= 20


async def test_stop_during_a_pending_command_meets_0xfe_on_the_wire_and_is_confirmed() -> None:
    async with open_link("bumble", "ideal") as r:  # the spec's behaviour: a busy write is refused
        await running(r)
        speed_written = asyncio.Event()
        r.device.on_control_write = lambda _t, data: (
            speed_written.set() if data[:1] == b"\x02" else None
        )
        pending = asyncio.create_task(r.link.set_speed(4.0))
        await speed_written.wait()
        # The Set Speed's response indication is not out yet: STOP goes to the wire at once.
        stop = await r.link.stop()
        assert stop.confirmed, stop
        assert (CONTROL_POINT, 0xFE) in procedure_errors(r)
        # The device refused the STOP while the Set Speed was in progress, then took it.
        after = r.writes()[r.writes().index("02 90 01") + 1 :]
        assert len(after) >= 2
        assert set(after) == {"08 01"}
        await pending
        await wait_until(lambda: r.device.belt_speed_kmh == 0.0)


async def test_statuses_arrive_as_notifications_in_the_device_order() -> None:
    async with open_link("bumble", "cs-wp8") as r:  # Machine Status before the indication
        await running(r)
        assert (await r.link.set_speed(1.5)).ok
        log = r.air.air_log
        sent = [
            (rec.pdu, rec.uuid16, rec.value.hex())
            for rec in log.records
            if rec.sender is Sender.TREADMILL
            and rec.uuid16 in (CONTROL_POINT, MACHINE_STATUS)
            and rec.pdu != "ATT_WRITE_RESPONSE"
        ]
        assert sent[-2:] == [
            ("ATT_HANDLE_VALUE_NOTIFICATION", MACHINE_STATUS, "059600"),
            ("ATT_HANDLE_VALUE_INDICATION", CONTROL_POINT, "800201"),
        ]
        changed = [
            s for s in r.heard.of(MachineStatus) if s.kind is MachineStatusKind.TARGET_SPEED_CHANGED
        ]
        assert changed[-1].value == pytest.approx(1.5)


async def test_a_lost_data_subscription_is_restored_by_writing_its_cccd_again() -> None:
    """The data watchdog's re-subscribe over real ATT: the Treadmill Data CCCD written off,
    then on; the notifications come again and the link stays up."""
    async with open_link("bumble", "ideal") as r:
        await running(r)
        r.device.lose_data_subscription()
        await asyncio.sleep(0.5)  # anything already sent is in (looptime: no wall time)
        quiet = len(r.heard.of(TreadmillData))
        await asyncio.sleep(3.0)
        assert len(r.heard.of(TreadmillData)) == quiet  # the treadmill went quiet
        assert r.device.belt_speed_kmh > 0.2  # the belt goes on
        before = len(r.air.air_log.of("ATT_WRITE_REQUEST", uuid16=TREADMILL_DATA, cccd=True))

        assert await r.link.resubscribe_data() is True
        await wait_until(lambda: len(r.heard.of(TreadmillData)) > quiet + 1)
        cccd = r.air.air_log.of("ATT_WRITE_REQUEST", uuid16=TREADMILL_DATA, cccd=True)
        assert [w.value for w in cccd[before:]] == [b"\x00\x00", b"\x01\x00"]
        assert (await r.link.stop()).confirmed
