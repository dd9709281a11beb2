"""The app's link (pyftms + our seam + bleak) over real ATT: the same scenarios as the in-process
link tests, with bumble's hosts and two virtual controllers between the link and the treadmill.

What only this layer can show: the link subscribes by writing each CCCD, every control-point
response indication is confirmed by the app's host, a control-point write while a procedure is
in progress meets ATT error 0xFE on the wire and the link gets through it, and a lost link is a
supervision timeout (HCI reason 0x08) that the link reports as LOST.
"""

from __future__ import annotations

import asyncio
import struct

import pytest

pytest.importorskip("bumble")

from bumble import hci
from on_air import LinkRig, link_over_air, treadmill_on_air, wait_until

from treadmill_ctl.ftms.link import scan
from treadmill_ctl.ftms.model import (
    LinkState,
    MachineStatus,
    MachineStatusKind,
    Result,
    TreadmillData,
)
from treadmill_ctl.sim.bumble_backend import SUPERVISION_TIMEOUT_S, BumbleBleakScanner, Sender

pytestmark = pytest.mark.looptime

CONNECTION_TIMEOUT = hci.HCI_ErrorCode.CONNECTION_TIMEOUT_ERROR
ATTRIBUTE_NOT_FOUND = 0x0A
CONTROL_POINT, MACHINE_STATUS, TRAINING_STATUS, TREADMILL_DATA = 0x2AD9, 0x2ADA, 0x2AD3, 0x2ACD


def grid(lo: float, hi: float, step: float) -> list[float]:
    """Every set-point on a machine's grid, lo..hi."""
    return [round(lo + i * step, 2) for i in range(round((hi - lo) / step) + 1)]


def speed_wire(kmh: float) -> str:
    return "02 " + struct.pack("<H", round(kmh * 100)).hex(" ")


def procedure_errors(r: LinkRig) -> list[tuple[int | None, int | None]]:
    """(characteristic, ATT error code) of every error response on the air, but discovery's
    "attribute not found" (the normal end of each discovery procedure)."""
    return [
        (e.uuid16, e.code)
        for e in r.air.air_log.of("ATT_ERROR_RESPONSE")
        if e.code != ATTRIBUTE_NOT_FOUND
    ]


async def running(r: LinkRig) -> None:
    outcome = await r.link.start()
    assert outcome.ok, outcome
    await wait_until(lambda: (r.link.last_speed_kmh or 0.0) > 0.3)


async def test_the_link_scan_lists_the_treadmill_from_its_advertising_pdus() -> None:
    async with treadmill_on_air("cs-wp8") as on:
        found = await scan(0.5, scanner_args={"backend": BumbleBleakScanner, "bumble_air": on.air})
        [seen] = found
        assert (seen.name, seen.address) == ("Virtual Treadmill", on.treadmill.address)
        assert (seen.machine_type, seen.advertises_ftms) == ("treadmill", True)
        assert seen.details["simulated"] is True


@pytest.mark.parametrize(
    ("profile", "speeds"),
    [("ideal", grid(0.5, 16.0, 0.1)), ("cs-wp8", grid(1.0, 6.0, 0.5))],
)
async def test_a_session_over_real_att_every_wire_value_exact(
    profile: str, speeds: list[float]
) -> None:
    async with link_over_air(profile) as r:
        log = r.air.air_log
        p = r.device.profile
        caps = r.link.capabilities
        assert caps is not None
        assert (caps.speed.minimum, caps.speed.maximum, caps.speed.step) == (
            p.speed_min,
            p.speed_max,
            p.speed_step,
        )
        # pyftms subscribed the way a real client does: by writing each CCCD.
        assert log.cccd_writes() == {
            CONTROL_POINT: b"\x02\x00",  # indications
            MACHINE_STATUS: b"\x01\x00",
            TRAINING_STATUS: b"\x01\x00",
            TREADMILL_DATA: b"\x01\x00",
        }
        await running(r)
        for kmh in speeds:
            outcome = await r.link.set_speed(kmh)
            assert (outcome.result, outcome.wire) == (Result.SUCCESS, speed_wire(kmh)), kmh
            assert r.writes()[-1] == speed_wire(kmh)
        await wait_until(lambda: r.device.belt_speed_kmh == pytest.approx(speeds[-1]), 60)
        await wait_until(
            lambda: r.heard.of(TreadmillData)[-1].speed_kmh == pytest.approx(speeds[-1])
        )
        stop = await r.link.stop()
        assert stop.confirmed, stop
        await wait_until(lambda: r.device.belt_speed_kmh == 0.0)

        # What went over the air: each command one ATT Write Request, the same bytes the
        # device got; each response an indication the app's host confirmed.
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
    async with link_over_air("ideal") as r:  # the spec's behaviour: a busy write is refused
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


async def test_link_loss_at_the_link_layer_is_reported_lost_and_nothing_resumes() -> None:
    loop = asyncio.get_running_loop()
    async with link_over_air("cs-wp8") as r:
        await running(r)
        assert (await r.link.set_speed(3.0)).ok
        writes = len(r.writes())
        t_silent = loop.time()
        await r.air.lose_link(r.device.address)
        [(t_lost, lost)] = [(t, e) for t, e in r.heard.link_events() if e.state is LinkState.LOST]
        # Reported at the supervision timeout: the moment the app's host can know.
        assert t_lost == pytest.approx(t_silent + SUPERVISION_TIMEOUT_S, abs=0.01)
        assert "may still be moving" in lost.message
        [down] = r.air.air_log.of("LINK_DISCONNECTED")
        assert down.code == CONNECTION_TIMEOUT

        outcome = await r.link.set_speed(2.0)
        assert (outcome.result, outcome.wire) == (Result.ERROR, "")
        await asyncio.sleep(10)
        assert r.link.state is LinkState.LOST  # nothing reconnected on its own
        assert len(r.writes()) == writes  # and nothing was sent
        assert r.device.belt_speed_kmh == pytest.approx(3.0)  # the belt ran on

        await r.link.reconnect()  # the caller's decision; it sends STOP first
        stop = await r.link.stop()
        assert stop.confirmed, stop
        assert [w[:2] for w in r.writes()[writes:]] == ["00", "08"]  # no speed re-applied


async def test_a_command_on_the_wire_when_the_air_goes_silent_fails_at_the_loss() -> None:
    loop = asyncio.get_running_loop()
    async with link_over_air("ideal") as r:
        await running(r)
        t_silent = loop.time()
        loss = asyncio.create_task(r.air.lose_link(r.device.address))
        await asyncio.sleep(0)  # the air is silent now: the write below is lost on it
        outcome = await r.link.set_speed(5.0)
        t_outcome = loop.time()
        await loss
        assert outcome.result is Result.ERROR, outcome
        # Ended by the loss, not by the 5 s command timeout.
        assert t_outcome == pytest.approx(t_silent + SUPERVISION_TIMEOUT_S, abs=0.01)
        assert r.device.target_speed_kmh != 5.0
        assert r.link.state is LinkState.LOST


async def test_a_treadmill_link_drop_is_a_supervision_timeout_then_it_can_be_reconnected() -> None:
    loop = asyncio.get_running_loop()
    async with link_over_air("laggy") as r:
        await running(r)
        t_drop = loop.time()
        r.device.drop_link(back_after_s=5.0)
        await wait_until(lambda: r.link.state is LinkState.LOST)
        assert loop.time() == pytest.approx(t_drop + SUPERVISION_TIMEOUT_S, abs=0.06)
        # Off the air while the fault lasts: the reconnect gets through only once it is back.
        await r.link.reconnect()
        assert loop.time() >= t_drop + 5.0
        assert r.link.state is LinkState.CONNECTED
        stop = await r.link.stop()
        assert stop.confirmed, stop


async def test_statuses_arrive_as_notifications_in_the_device_order() -> None:
    async with link_over_air("cs-wp8") as r:  # Machine Status before the indication
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
