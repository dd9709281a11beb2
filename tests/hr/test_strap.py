"""The heart-rate strap link through real bleak on the sim backend, with the virtual strap
following the effort on a virtual treadmill (loop time, fast-forwarded)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from treadmill_ctl.errors import HeartRateStrapError
from treadmill_ctl.ftms.model import BadPacket
from treadmill_ctl.hr.cap import HeartRateCap
from treadmill_ctl.hr.codec import BodySensorLocation
from treadmill_ctl.hr.strap import (
    HeartRateReading,
    HeartRateStrap,
    StrapEvent,
    StrapState,
    StrapUpdate,
    discover_straps,
)
from treadmill_ctl.sim.bleak_backend import SimAir, SimBleakClient, SimBleakScanner
from treadmill_ctl.sim.hr_strap import VirtualHeartRateStrap, steady_state_bpm
from treadmill_ctl.sim.treadmill import VirtualTreadmill

pytestmark = pytest.mark.looptime


class Rig:
    """A treadmill, a strap worn on it, both on the air, and a strap link with its updates."""

    def __init__(self) -> None:
        self.air = SimAir()
        self.treadmill = VirtualTreadmill()
        self.strap = VirtualHeartRateStrap(self.treadmill, jitter_bpm=0.0)
        self.air.add(self.treadmill)
        self.air.add(self.strap)  # type: ignore[arg-type]  # see /tmp/team/notes-for-link.md
        self.link = HeartRateStrap(
            self.strap.address, backend=SimBleakClient, client_kwargs={"sim_air": self.air}
        )
        self.updates: list[StrapUpdate] = []
        self.link.add_listener(self.updates.append)

    def readings(self) -> list[HeartRateReading]:
        return [u for u in self.updates if isinstance(u, HeartRateReading)]

    def states(self) -> list[StrapState]:
        return [u.state for u in self.updates if isinstance(u, StrapEvent)]

    def belt(self, kmh: float) -> None:
        """The runner presses the console keys (the belt follows at the machine's ramp)."""
        self.treadmill.console_start()
        self.treadmill.console_set_speed(kmh)


@contextlib.asynccontextmanager
async def make_rig() -> AsyncIterator[Rig]:
    # Built inside the test, not in a fixture: looptime's clock starts with the test, and the
    # virtual devices bind to the loop's clock when they are created.
    r = Rig()
    try:
        yield r
    finally:
        await r.link.disconnect()
        await r.strap.close()
        await r.treadmill.close()


async def test_connects_by_address_and_reads_once_a_second() -> None:
    async with make_rig() as rig:
        await rig.link.connect()
        assert rig.link.state is StrapState.CONNECTED
        assert rig.link.body_location is BodySensorLocation.CHEST
        await asyncio.sleep(10.5)
        readings = rig.readings()
        assert 9 <= len(readings) <= 11
        assert all(r.bpm is not None and 55 <= r.bpm <= 70 for r in readings)  # resting
        assert all(r.measurement.rr_intervals_s for r in readings)


async def test_heart_rate_follows_effort_with_a_lag_and_backward_costs_more() -> None:
    treadmill = VirtualTreadmill()
    forward = VirtualHeartRateStrap(treadmill, jitter_bpm=0.0)
    backward = VirtualHeartRateStrap(treadmill, jitter_bpm=0.0)
    backward.direction = "backward"
    await forward.connect()
    await backward.connect()
    treadmill.console_start()
    treadmill.console_set_speed(6.0)
    try:
        await asyncio.sleep(10)  # the belt reaches 6 km/h
        start = forward.heart_rate_bpm
        assert start < 75  # still near resting: the heart lags behind the belt
        await asyncio.sleep(30)
        target = forward.target_bpm()
        reached = (forward.heart_rate_bpm - start) / (target - start)
        assert 0.5 < reached < 0.75  # about one time constant: 1 - 1/e = 63 %
        await asyncio.sleep(240)
        assert forward.heart_rate_bpm == pytest.approx(target, abs=2)
        assert backward.heart_rate_bpm > forward.heart_rate_bpm + 20
    finally:
        await forward.close()
        await backward.close()
        await treadmill.close()


def test_steady_state_model_orders_efforts_sensibly() -> None:
    def bpm(speed: float, incline: float = 0.0, *, back: bool = False) -> float:
        return steady_state_bpm(speed, incline, back, resting_bpm=60, max_bpm=190, vo2max=45)

    assert bpm(0) == 60
    assert bpm(3) < bpm(5) < bpm(10) < bpm(14) <= 190
    assert bpm(3, 8) > bpm(3)  # incline costs
    assert bpm(3, back=True) > bpm(3)  # backward costs
    assert bpm(25) == 190  # capped at max


async def test_strap_loss_is_reported_and_the_link_comes_back() -> None:
    async with make_rig() as rig:
        await rig.link.connect()
        await asyncio.sleep(3.5)
        rig.strap.drop_link(back_after_s=8.0)
        await asyncio.sleep(1)
        assert rig.link.state is StrapState.LOST
        lost = [u for u in rig.updates if isinstance(u, StrapEvent) and u.state is StrapState.LOST]
        assert "session goes on" in lost[0].message
        count = len(rig.readings())
        await asyncio.sleep(4)
        assert len(rig.readings()) == count  # nothing while it is away
        await asyncio.sleep(30)  # back after 8 s; the link retries on its own
        assert rig.link.state is StrapState.CONNECTED
        assert rig.states()[-1] is StrapState.CONNECTED
        assert len(rig.readings()) > count + 5


async def test_contact_lost_gives_no_heart_rate_but_keeps_the_link() -> None:
    async with make_rig() as rig:
        await rig.link.connect()
        await asyncio.sleep(3.5)
        rig.strap.lose_contact()
        await asyncio.sleep(3)
        last = rig.readings()[-1]
        assert last.bpm is None
        assert last.measurement.contact_lost
        assert rig.link.state is StrapState.CONNECTED
        rig.strap.restore_contact()
        await asyncio.sleep(2)
        assert rig.readings()[-1].bpm is not None


async def test_unknown_address_fails_with_a_user_message() -> None:
    air = SimAir()
    link = HeartRateStrap(
        "5A:11:00:00:99:99", backend=SimBleakClient, client_kwargs={"sim_air": air}
    )
    states: list[StrapUpdate] = []
    link.add_listener(states.append)
    with pytest.raises(HeartRateStrapError, match="could not be connected"):
        await link.connect()
    assert link.state is StrapState.DISCONNECTED


async def test_scan_lists_heart_rate_straps_only() -> None:
    async with make_rig() as rig:
        found = await discover_straps(
            1.0, backend=SimBleakScanner, scanner_kwargs={"sim_air": rig.air}
        )
        assert [s.address for s in found] == [rig.strap.address]
        assert found[0].name == "Virtual HR Strap"


async def test_bad_packet_is_counted_and_passed_on() -> None:
    async with make_rig() as rig:
        await rig.link.connect()
        await asyncio.sleep(1.5)
        rig.strap.send_raw(b"\x01\x50")  # 16-bit value promised, one byte sent
        await asyncio.sleep(0.1)
        assert rig.link.bad_packets == 1
        assert any(isinstance(u, BadPacket) for u in rig.updates)
        await asyncio.sleep(2)
        assert rig.readings()[-1].bpm is not None  # and it goes on


async def test_hr_cap_on_the_virtual_treadmill_slows_only_backward() -> None:
    """A runner going backward at 6 km/h crosses a 120 bpm cap: the policy asks to slow to the
    turning speed; the same heart rate going forward asks nothing."""
    async with make_rig() as rig:
        cap = HeartRateCap(120)
        decisions: list[tuple[str, bool]] = []

        def on_update(update: StrapUpdate) -> None:
            if isinstance(update, HeartRateReading):
                decisions.append(
                    (
                        rig.strap.direction,
                        cap.check(update.bpm, rig.strap.direction, update.loop_time).slows,
                    )
                )

        rig.link.add_listener(on_update)
        await rig.link.connect()
        rig.strap.on_session_event({"type": "phase", "direction": "backward"})
        rig.belt(6.0)
        await asyncio.sleep(120)
        slowed = [i for i, (_d, slows) in enumerate(decisions) if slows]
        assert slowed, "the cap never triggered"
        first = slowed[0]
        assert rig.readings()[first].bpm is not None
        assert rig.readings()[first].bpm > 120  # type: ignore[operator]
        assert all(bpm <= 120 for bpm in (r.bpm for r in rig.readings()[: first - 1]) if bpm)
        rig.strap.on_session_event({"type": "phase", "direction": "forward"})
        mark = len(decisions)
        await asyncio.sleep(20)
        assert not any(slows for _d, slows in decisions[mark:])
