"""Test harness: the real TreadmillLink (pyftms + our seam + bleak) over a virtual treadmill,
with everything the link tells its listeners recorded on the loop clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.ftms.model import (
    CommandOutcome,
    LinkUpdate,
    MachineStatus,
    MachineStatusKind,
    TreadmillData,
)
from treadmill_ctl.ftms.simulated import close_simulated_link, open_simulated_link
from treadmill_ctl.sim.profiles import SimProfile
from treadmill_ctl.sim.treadmill import VirtualTreadmill

T = TypeVar("T")

ALL_PROFILES = ("ideal", "cs-wp8", "strict", "mph", "laggy", "sloppy", "picky")


@dataclass
class Heard:
    """What the link told its listeners, with loop times."""

    updates: list[tuple[float, LinkUpdate]] = field(default_factory=list)
    outcomes: list[tuple[float, CommandOutcome]] = field(default_factory=list)

    def of(self, kind: type[T]) -> list[T]:
        return [u for _, u in self.updates if isinstance(u, kind)]

    def statuses(self, kind: MachineStatusKind) -> list[MachineStatus]:
        return [s for s in self.of(MachineStatus) if s.kind is kind]

    def records(self) -> list[TreadmillData]:
        return self.of(TreadmillData)

    def wires(self) -> list[str]:
        return [o.wire for _, o in self.outcomes if o.wire]


@dataclass
class Rig:
    link: TreadmillLink
    device: VirtualTreadmill
    heard: Heard

    def writes(self) -> list[str]:
        """Control-point writes that reached the device, as hex."""
        return [data.hex(" ") for _, data in self.device.control_writes]


@asynccontextmanager
async def rig(profile: str | SimProfile = "ideal", **link_options: Any) -> AsyncIterator[Rig]:
    """A connected link to a virtual treadmill with ``profile``; closed after."""
    loop = asyncio.get_running_loop()
    heard = Heard()
    link, device = await open_simulated_link(profile, connect=False, **link_options)
    link.add_listener(lambda u: heard.updates.append((loop.time(), u)))
    link.add_command_listener(lambda o: heard.outcomes.append((loop.time(), o)))
    try:
        await link.connect()
        yield Rig(link, device, heard)
    finally:
        await close_simulated_link(link, device)


async def wait_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    """Poll ``condition`` on the loop clock (looptime makes the waiting free)."""
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - polls device state that has no event
            await asyncio.sleep(0.05)


async def running(r: Rig, min_kmh: float = 0.3) -> None:
    """Start the belt and wait until the machine reports it moving."""
    outcome = await r.link.start()
    assert outcome.ok, outcome
    await wait_until(lambda: (r.link.last_speed_kmh or 0.0) >= min_kmh)


def expected_wire(op: int, value: float, *, lo: float, hi: float, step: float, scale: int) -> str:
    """The bytes a set-point must go out as, computed independently of the codec: integer
    units of 1/scale, nearest step (half up) anchored at the minimum, clamped to the range."""
    exact = Decimal(str(value)) * scale
    ilo, ihi, istep = (round(x * scale) for x in (lo, hi, step))
    exact = min(max(exact, Decimal(ilo)), Decimal(ihi))
    n = int(((exact - ilo) / istep).to_integral_value(ROUND_HALF_UP))
    v = min(ilo + n * istep, ihi - (ihi - ilo) % istep)
    return f"{op:02x} " + v.to_bytes(2, "little", signed=True).hex(" ")
