"""Putting a virtual treadmill on a bumble air, and the app's link on top, inside a test's
body (see conftest.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.ftms.model import CommandOutcome, LinkEvent, LinkUpdate
from treadmill_ctl.sim.bumble_backend import (
    BumbleAir,
    BumblePeripheral,
    close_bumble_link,
    open_bumble_link,
)
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES
from treadmill_ctl.sim.treadmill import VirtualTreadmill

ADDRESS = "5A:11:00:00:00:01"


@dataclass(frozen=True)
class OnAir:
    """One virtual treadmill advertising on one bumble air."""

    air: BumbleAir
    treadmill: VirtualTreadmill
    peripheral: BumblePeripheral


@asynccontextmanager
async def treadmill_on_air(profile: str = "ideal", **air_options: Any) -> AsyncIterator[OnAir]:
    """A fresh air with the app's host on, and a ``profile`` treadmill advertising on it;
    everything is switched off on exit."""
    treadmill = VirtualTreadmill(BUILTIN_PROFILES[profile], address=ADDRESS)
    try:
        async with BumbleAir(**air_options) as air:
            yield OnAir(air, treadmill, await air.add(treadmill))
    finally:
        await treadmill.close()


@dataclass
class Heard:
    """What the link told its listeners, with loop times."""

    updates: list[tuple[float, LinkUpdate]] = field(default_factory=list)
    outcomes: list[tuple[float, CommandOutcome]] = field(default_factory=list)

    def of[T](self, kind: type[T]) -> list[T]:
        return [u for _, u in self.updates if isinstance(u, kind)]

    def link_events(self) -> list[tuple[float, LinkEvent]]:
        return [(t, u) for t, u in self.updates if isinstance(u, LinkEvent)]


@dataclass(frozen=True)
class LinkRig:
    """The app's TreadmillLink over real ATT to a virtual treadmill."""

    link: TreadmillLink
    device: VirtualTreadmill
    air: BumbleAir
    heard: Heard

    def writes(self) -> list[str]:
        """Control-point writes that reached the device, as hex."""
        return [data.hex(" ") for _, data in self.device.control_writes]


@asynccontextmanager
async def link_over_air(profile: str = "ideal", **link_options: Any) -> AsyncIterator[LinkRig]:
    """A connected TreadmillLink (pyftms + our seam + bleak + bumble) to a ``profile``
    treadmill; everything closed after."""
    loop = asyncio.get_running_loop()
    heard = Heard()
    link, device, air = await open_bumble_link(profile, connect=False, **link_options)
    link.add_listener(lambda u: heard.updates.append((loop.time(), u)))
    link.add_command_listener(lambda o: heard.outcomes.append((loop.time(), o)))
    try:
        await link.connect()
        yield LinkRig(link, device, air, heard)
    finally:
        await close_bumble_link(link, device, air)


async def wait_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    """Poll ``condition`` on the loop clock (looptime makes the waiting free)."""
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - polls device state that has no event
            await asyncio.sleep(0.05)
