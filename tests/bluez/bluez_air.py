"""What the BlueZ tests of the app's path share: the air (the chosen treadmill, a louder
neighbour and a strap on the fake BlueZ) and a watch on what a link told its listeners."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Final

from fake_bluez import FakeBlueZ, release_bleak
from private_bus import PrivateBus

from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.ftms.model import CommandOutcome, LinkEvent, LinkState, LinkUpdate
from treadmill_ctl.sim.hr_strap import VirtualHeartRateStrap
from treadmill_ctl.sim.profiles import SimProfile
from treadmill_ctl.sim.treadmill import VirtualTreadmill

CHOSEN: Final = "5A:11:00:00:00:01"
NEIGHBOUR: Final = "5A:11:00:00:00:99"
STRAP: Final = "5A:11:00:00:48:52"


class Watch:
    """What a link told its listeners."""

    def __init__(self, link: TreadmillLink) -> None:
        self.updates: list[LinkUpdate] = []
        self.outcomes: list[CommandOutcome] = []
        link.add_listener(self.updates.append)
        link.add_command_listener(self.outcomes.append)

    def states(self) -> list[LinkState]:
        return [u.state for u in self.updates if isinstance(u, LinkEvent)]


@asynccontextmanager
async def air(
    bus: PrivateBus, profile: SimProfile | None = None, **bluez_options: object
) -> AsyncIterator[tuple[FakeBlueZ, VirtualTreadmill, VirtualTreadmill]]:
    """The chosen treadmill (with ``profile``), another FTMS treadmill nearby (louder), and a
    strap, on BlueZ."""
    chosen = VirtualTreadmill(profile, address=CHOSEN)
    neighbour = VirtualTreadmill(name="Neighbour's Treadmill", address=NEIGHBOUR)
    strap = VirtualHeartRateStrap(chosen)
    async with FakeBlueZ(bus.address, **bluez_options) as bluez:  # type: ignore[arg-type]
        bluez.add(chosen, rssi=-70)
        bluez.add(neighbour, rssi=-40)
        bluez.add(strap)
        try:
            yield bluez, chosen, neighbour
        finally:
            await release_bleak()
            await chosen.close()
            await neighbour.close()
            await strap.close()
