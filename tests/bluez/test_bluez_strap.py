"""The heart-rate strap link as the GUI builds it (``TreadmillSource.open_strap``: bleak's
BlueZ backend, no simulator under bleak) against the fake BlueZ on a real dbus-daemon."""

from __future__ import annotations

import pytest
from fake_bluez import ABORT_BY_LOCAL, FakeBlueZ, bus_connections, release_bleak, run_until
from private_bus import PrivateBus

from treadmill_ctl.app.treadmill_source import bluetooth_source
from treadmill_ctl.hr import strap as strap_module
from treadmill_ctl.hr.strap import HeartRateReading, HeartRateStrap, StrapEvent, StrapState
from treadmill_ctl.sim.hr_strap import VirtualHeartRateStrap

STRAP = "5A:11:00:00:48:52"


class StrapWatch:
    """What the strap link told its listeners (the strap card shows these)."""

    def __init__(self, strap: HeartRateStrap) -> None:
        self.updates: list[object] = []
        strap.add_listener(self.updates.append)

    def states(self) -> list[StrapState]:
        return [u.state for u in self.updates if isinstance(u, StrapEvent)]

    def readings(self) -> list[HeartRateReading]:
        return [u for u in self.updates if isinstance(u, HeartRateReading)]


@pytest.fixture(autouse=True)
def quick_reconnects(monkeypatch: pytest.MonkeyPatch) -> None:
    """The strap tries again after 50 ms instead of 2 s: these tests run in real time."""
    monkeypatch.setattr(strap_module, "RECONNECT_DELAYS_S", (0.05,))


async def test_a_connect_bleak_retried_after_abort_by_local_is_not_a_lost_strap(
    bluez_bus: PrivateBus,
) -> None:
    virtual = VirtualHeartRateStrap()
    async with FakeBlueZ(bluez_bus.address) as bluez:
        bluez.add(virtual)
        bluez.fail_next_connect(STRAP, ABORT_BY_LOCAL)
        source = bluetooth_source()
        found = await source.scan_straps(0.4)
        assert [s.address for s in found] == [STRAP]
        strap = await source.open_strap(STRAP)
        watch = StrapWatch(strap)
        try:
            await strap.connect()
            # bleak retried the Connect itself (the link was up and down once on the way):
            assert bluez.connect_calls() == [bluez.path_of(STRAP)] * 2
            # ... which is no loss: the card never said LOST, and nothing reconnects behind
            # the connected strap's back.
            assert watch.states() == [StrapState.CONNECTING, StrapState.CONNECTED]
            await run_until(lambda: len(watch.readings()) >= 1, 3, "a heart-rate reading")
            assert bluez.connect_calls() == [bluez.path_of(STRAP)] * 2
            assert strap.state is StrapState.CONNECTED
            connections = await bus_connections(bluez_bus.address)
            # A real drop afterwards is a loss, and the strap comes back on its own.
            virtual.drop_link(back_after_s=0.1)
            await run_until(lambda: strap.state is StrapState.LOST, 2, "LOST")
            await run_until(lambda: strap.state is StrapState.CONNECTED, 3, "the strap back")
            assert watch.states() == [
                StrapState.CONNECTING,
                StrapState.CONNECTED,
                StrapState.LOST,
                StrapState.CONNECTED,
            ]
            # The lost client's own D-Bus connection was released (bleak leaves that to its
            # user): one connection per strap, however often it is lost.
            assert await bus_connections(bluez_bus.address) == connections
            before = len(watch.readings())
            await run_until(lambda: len(watch.readings()) > before, 3, "readings again")
        finally:
            await strap.disconnect()
            await release_bleak()
            await virtual.close()
