"""Helpers for session tests: run plans on the real link over the virtual treadmill and read
what happened, from the engine's events and from the control-point writes the device got."""

from __future__ import annotations

import asyncio
import math
import struct
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.session.clock import SpeedupEventLoop
from treadmill_ctl.session.engine import SessionEngine
from treadmill_ctl.session.events import EndReason, SessionEvent, SessionState
from treadmill_ctl.session.headless import (
    HeadlessRun,
    Inject,
    run_headless,
    target_unit_for,
)
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan, Repeat
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES, SimProfile
from treadmill_ctl.sim.treadmill import VirtualTreadmill
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link

OPS = {
    0x00: "request_control",
    0x01: "reset",
    0x02: "set_speed",
    0x03: "set_incline",
    0x07: "start",
}


def small_plan(backward_kmh: float = 3.0, forward_kmh: float = 5.0, blocks: int = 2) -> Plan:
    """Warm-up, N × (30 s backward + 30 s recovery), cool-down: a few minutes of session."""
    return Plan.from_steps(
        "test",
        [
            Phase(PhaseKind.WARMUP, 40, forward_kmh),
            Repeat(
                blocks,
                (
                    Phase(PhaseKind.BACKWARD, 30, backward_kmh),
                    Phase(PhaseKind.RECOVERY, 30, forward_kmh),
                ),
            ),
            Phase(PhaseKind.COOLDOWN, 20, 4.0),
        ],
    )


@dataclass(frozen=True)
class Action:
    """Something the user, the machine or the link did: when, and after how many of the
    machine's received control-point writes (so that order is known even at one instant)."""

    t: float
    name: str
    writes_before: int


@dataclass
class Record:
    """What one session did: the engine's events (as events-file dicts) and the device's
    control-point writes (session time, op name, value in km/h or None)."""

    events: list[dict[str, Any]]
    device: VirtualTreadmill
    origin: float
    reason: EndReason | None = None
    profile: SimProfile = field(default_factory=SimProfile)
    actions: list[Action] = field(default_factory=list)
    # The events by type, made once (the safety checks ask for one type thousands of times).
    _by_type: dict[str, list[dict[str, Any]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _indexed: int = field(default=-1, init=False, repr=False, compare=False)

    def of(self, kind: str) -> list[dict[str, Any]]:
        if self._indexed != len(self.events):
            self._by_type = {}
            for e in self.events:
                self._by_type.setdefault(e["type"], []).append(e)
            self._indexed = len(self.events)
        return list(self._by_type.get(kind, ()))

    def states(self) -> list[str]:
        return [e["state"] for e in self.of("state")]

    def writes(self) -> list[tuple[float, str, float | None]]:
        """Control-point writes as the machine received them."""
        out: list[tuple[float, str, float | None]] = []
        for t, data in self.device.control_writes:
            op = data[0]
            value: float | None = None
            if op == 0x02 and len(data) >= 3:
                value = struct.unpack("<H", data[1:3])[0] / 100
                if self.profile.speed_unit is SpeedUnit.MPH:
                    value = round(value * KMH_PER_MPH, 3)
            name = OPS.get(op, f"op{op:02x}")
            if op == 0x08:
                name = "stop" if data[1:2] == b"\x01" else "pause"
            out.append((t - self.origin, name, value))
        return out

    def alerts(self, code: str | None = None) -> list[dict[str, Any]]:
        return [a for a in self.of("alert") if code is None or a["code"] == code]

    def cues(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [c for c in self.of("cue") if kind is None or c["cue"] == kind]


def _record(events: list[SessionEvent], result: HeadlessRun, profile: SimProfile) -> Record:
    assert result.device is not None
    actions = [Action(f.inject.at_s, f.inject.event, f.writes_before) for f in result.fired]
    return Record(
        [e.to_json() for e in events],
        result.device,
        result.started_at,
        result.end_reason,
        profile,
        actions,
    )


def _profile(profile: SimProfile | str) -> SimProfile:
    return profile if isinstance(profile, SimProfile) else BUILTIN_PROFILES[profile]


def run_fast(
    plan: Plan,
    *,
    profile: SimProfile | str = "ideal",
    settings: Settings | None = None,
    injects: Sequence[str] = (),
) -> Record:
    """A whole headless session on the product's own as-fast-as-possible loop."""
    with asyncio.Runner(loop_factory=lambda: SpeedupEventLoop(math.inf)) as runner:
        return runner.run(run_looptime(plan, profile=profile, settings=settings, injects=injects))


async def run_looptime(
    plan: Plan,
    *,
    profile: SimProfile | str = "ideal",
    settings: Settings | None = None,
    injects: Sequence[str] = (),
) -> Record:
    """A whole headless session on the running loop (looptime's in async tests)."""
    events: list[SessionEvent] = []
    prof = _profile(profile)
    result = await run_headless(
        plan,
        settings or Settings(),
        profile=prof,
        injects=[Inject.parse(i) for i in injects],
        listeners=[events.append],
    )
    return _record(events, result, prof)


@dataclass
class World:
    """An engine driven by hand (no headless script): the user is always there."""

    engine: SessionEngine
    link: TreadmillLink
    device: VirtualTreadmill
    task: asyncio.Task[EndReason]
    raw: list[SessionEvent]

    @property
    def record(self) -> Record:
        origin = self.engine.started_at or 0.0
        return Record(
            [e.to_json() for e in self.raw], self.device, origin, None, self.device.profile
        )

    async def until(self, condition: Callable[[], bool], within_s: float = 600.0) -> None:
        """Let the session run (loop time) until ``condition()`` holds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within_s
        while not condition():
            assert loop.time() < deadline, f"not reached in {within_s} s; state {self.engine.state}"
            assert not self.task.done() or condition(), f"session ended: {self.task.result()}"
            await asyncio.sleep(0.1)

    async def until_state(self, state: SessionState, within_s: float = 600.0) -> None:
        await self.until(lambda: self.engine.state is state, within_s)

    async def run_for(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


@asynccontextmanager
async def world(
    plan: Plan, *, profile: SimProfile | str = "ideal", settings: Settings | None = None
) -> AsyncIterator[World]:
    prof = _profile(profile)
    link, device = await open_simulated_link(prof, connect=False, target_unit=target_unit_for(prof))
    raw: list[SessionEvent] = []
    engine = SessionEngine(link, plan, settings or Settings(), listener=raw.append)
    task = asyncio.get_running_loop().create_task(engine.run())
    await engine.wait_started()
    w = World(engine, link, device, task, raw)
    try:
        yield w
    finally:
        if not task.done():
            engine.user_end()
            try:
                async with asyncio.timeout(60):
                    await task
            except TimeoutError:
                task.cancel()
        await close_simulated_link(link, device)
