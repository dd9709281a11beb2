"""Test harness: the real TreadmillLink (pyftms + our seam + bleak) over a virtual treadmill,
on either radio, with everything the link tells its listeners recorded on the loop clock.

Backends (``BACKENDS``; tests take them through the ``backend`` fixture in tests/ftms):

- ``"sim"``: the in-process bleak backend (``virtual_link.open_simulated_link``): bleak hands
  bytes straight to the VirtualTreadmill.
- ``"bumble"``: the real-ATT layer (``bumble_backend.open_bumble_link``): two bumble hosts
  and virtual controllers between bleak and the treadmill. Skipped only where bumble is not
  installed; a bumble that is installed but fails to import fails the test.

The one difference a test may see between them is when link loss is known: at once on the sim,
after the supervision timeout over a radio (``Air.loss_known_after_s``).

bumble's hosts must start inside the test function (looptime fast-forwards only its body), so
``open_link``/``open_air`` are context managers for the test body, never async fixtures.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.ftms.model import (
    CommandOutcome,
    LinkEvent,
    LinkState,
    LinkUpdate,
    MachineStatus,
    MachineStatusKind,
    TreadmillData,
)
from treadmill_ctl.ftms.traffic import TrafficKind, TrafficLog
from treadmill_ctl.sim.bleak_backend import SimAir, SimConnection
from treadmill_ctl.sim.profiles import SimProfile
from treadmill_ctl.sim.treadmill import VirtualTreadmill
from treadmill_ctl.virtual_link import (
    close_simulated_link,
    make_virtual_treadmill,
    open_simulated_link,
)

if TYPE_CHECKING:
    from bumble_backend import AirLog, BumbleAir

    from treadmill_ctl.ftms.connection import Connection

T = TypeVar("T")

ALL_PROFILES = ("ideal", "cs-wp8", "strict", "mph", "laggy", "sloppy", "picky")

BUMBLE_INSTALLED = find_spec("bumble") is not None
BACKENDS = (
    "sim",
    pytest.param(
        "bumble",
        marks=pytest.mark.skipif(
            not BUMBLE_INSTALLED, reason="bumble not installed: the real-ATT variant is skipped"
        ),
    ),
)

LOST_WITHIN_S = 1.0
"""What the user is promised on every radio: a lost link is reported within a second (a real
link's supervision timeout is shorter; ours is bumble's 0.72 s)."""


# ---- what the link told its listeners


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

    def link_events(self, state: LinkState) -> list[tuple[float, LinkEvent]]:
        """Every link event of ``state``, with the loop time it was heard."""
        return [(t, u) for t, u in self.updates if isinstance(u, LinkEvent) and u.state is state]


class TimedTraffic(TrafficLog):
    """The link's raw traffic log (a real ``TrafficLog``), each line also kept with the loop
    time the link recorded it: a write is recorded as the link hands it to bleak, before it
    reaches any radio."""

    def __init__(self) -> None:
        super().__init__()
        self.timed: list[tuple[float, TrafficKind | str, str, bytes]] = []

    def record(self, t: float, kind: TrafficKind | str, uuid: str | int, data: bytes) -> None:
        super().record(t, kind, uuid, data)
        self.timed.append((asyncio.get_running_loop().time(), kind, str(uuid), bytes(data)))

    def writes(self) -> list[tuple[float, str]]:
        """(loop time, hex) of every write the link made."""
        return [(t, d.hex(" ")) for t, k, _, d in self.timed if k == TrafficKind.WRITE]


# ---- one radio of either backend


class Air:
    """A virtual radio of one backend with virtual treadmills on it."""

    def __init__(self, backend: str, radio: SimAir | BumbleAir) -> None:
        self.backend = backend
        self.radio = radio

    @property
    def loss_known_after_s(self) -> float:
        """How long after the treadmill drops the link the app's side can know: at once on
        the in-process backend; after the supervision timeout over a radio."""
        if isinstance(self.radio, SimAir):
            return 0.0
        return self.radio.supervision_timeout_s

    @property
    def air_log(self) -> AirLog:
        """The ATT PDUs and link events on a bumble air (there is no air log on the sim)."""
        assert not isinstance(self.radio, SimAir), "the sim backend has no air log"
        return self.radio.air_log

    async def add(self, device: VirtualTreadmill) -> None:
        """Put ``device`` on the air (it advertises)."""
        if isinstance(self.radio, SimAir):
            self.radio.add(device)
        else:
            await self.radio.add(device)

    def connection(self) -> Connection:
        """The connection method that makes ``TreadmillLink(...)`` and ``ftms.scan.scan(...)``
        look on this air."""
        if isinstance(self.radio, SimAir):
            return SimConnection(self.radio)
        from bumble_backend import BumbleConnection

        return BumbleConnection(self.radio)

    async def open_link(self, device: VirtualTreadmill, **link_options: Any) -> TreadmillLink:
        """``device`` on the air and a TreadmillLink to it (not connected yet), through the
        backend's own opener."""
        if isinstance(self.radio, SimAir):
            link, _ = await open_simulated_link(
                device=device, air=self.radio, connect=False, **link_options
            )
            return link
        from bumble_backend import open_bumble_link

        link, _, _ = await open_bumble_link(
            device=device, air=self.radio, connect=False, **link_options
        )
        return link

    async def close_link(self, link: TreadmillLink, device: VirtualTreadmill) -> None:
        """The backend's own closer (over bumble it also switches the air's hosts off)."""
        if isinstance(self.radio, SimAir):
            await close_simulated_link(link, device)
            return
        from bumble_backend import close_bumble_link

        await close_bumble_link(link, device, self.radio)


@asynccontextmanager
async def open_air(backend: str) -> AsyncIterator[Air]:
    """A fresh air of ``backend`` ("sim" or "bumble"), the app's host on; off after."""
    if backend == "sim":
        yield Air(backend, SimAir())
        return
    assert backend == "bumble", backend
    from bumble_backend import BumbleAir

    async with BumbleAir() as radio:
        yield Air(backend, radio)


# ---- the app's link to one treadmill


@dataclass
class Rig:
    """A connected TreadmillLink to one virtual treadmill, on ``air``."""

    link: TreadmillLink
    device: VirtualTreadmill
    heard: Heard
    air: Air

    def writes(self) -> list[str]:
        """Control-point writes that reached the device, as hex."""
        return [data.hex(" ") for _, data in self.device.control_writes]


@asynccontextmanager
async def open_link(
    backend: str,
    profile: str | SimProfile | Path = "ideal",
    *,
    device: VirtualTreadmill | None = None,
    **link_options: Any,
) -> AsyncIterator[Rig]:
    """A connected link to a virtual treadmill with ``profile`` (or ``device``) over
    ``backend``; everything closed after. ``link_options`` go to TreadmillLink."""
    loop = asyncio.get_running_loop()
    heard = Heard()
    treadmill = device if device is not None else make_virtual_treadmill(profile)
    async with AsyncExitStack() as stack:
        stack.push_async_callback(treadmill.close)  # also when opening fails; closing is idempotent
        air = await stack.enter_async_context(open_air(backend))
        link = await air.open_link(treadmill, **link_options)
        stack.push_async_callback(air.close_link, link, treadmill)
        link.add_listener(lambda u: heard.updates.append((loop.time(), u)))
        link.add_command_listener(lambda o: heard.outcomes.append((loop.time(), o)))
        await link.connect()
        yield Rig(link, treadmill, heard, air)


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


async def lost_at(r: Rig) -> tuple[float, LinkEvent]:
    """Wait (loop clock) until the link reports LOST; the loop time it did, and the event."""
    await wait_until(lambda: bool(r.heard.link_events(LinkState.LOST)), timeout_s=5.0)
    [(t, event)] = r.heard.link_events(LinkState.LOST)
    return t, event


def expected_wire(op: int, value: float, *, lo: float, hi: float, step: float, scale: int) -> str:
    """The bytes a set-point must go out as, computed independently of the codec: integer
    units of 1/scale, nearest step (half up) anchored at the minimum, clamped to the range."""
    exact = Decimal(str(value)) * scale
    ilo, ihi, istep = (round(x * scale) for x in (lo, hi, step))
    exact = min(max(exact, Decimal(ilo)), Decimal(ihi))
    n = int(((exact - ilo) / istep).to_integral_value(ROUND_HALF_UP))
    v = min(ilo + n * istep, ihi - (ihi - ilo) % istep)
    return f"{op:02x} " + v.to_bytes(2, "little", signed=True).hex(" ")
