"""A session rig for the app's tests: a real AppBridge (session bridge, keys, cue player) over
the real engine and link, talking to the virtual treadmill on its own air. No window: tests
that need QML use ``build_app`` (see test_session_window.py).

Works on any running loop: looptime's in async tests, the sped-up qasync loop in window tests.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from treadmill_ctl.app.app_bridge import AppBridge
from treadmill_ctl.app.context import AppContext
from treadmill_ctl.app.keys import KeyAction, parse_key
from treadmill_ctl.app.treadmill_source import TreadmillSource, simulated_source
from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.history import Durability, HistoryStore
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.treadmill import VirtualTreadmill


def short_plan() -> Plan:
    """Forward 20 s, backward 20 s, forward recovery 20 s: one turn each way."""
    return Plan(
        "Test turn",
        (
            Phase(PhaseKind.WARMUP, 20, 3.0),
            Phase(PhaseKind.BACKWARD, 20, None),
            Phase(PhaseKind.RECOVERY, 20, 3.0),
        ),
        id="test-turn",
    )


@dataclass
class Rig:
    """The bridge and what it drives."""

    bridge: AppBridge
    source: TreadmillSource
    saved: list[Settings] = field(default_factory=list)

    @property
    def context(self) -> AppContext:
        return self.bridge.context

    @property
    def treadmill(self) -> VirtualTreadmill:
        assert self.source.treadmill is not None
        return self.source.treadmill

    def prop(self, name: str) -> Any:
        """A session-bridge property, as QML reads it."""
        return self.bridge.session_bridge.property(name)

    def control_ops(self) -> list[int]:
        """Op codes written to the control point, in order."""
        return [data[0] for _t, data in self.treadmill.control_writes]

    def key(self, name: str) -> bool:
        """Press a key by its settings name, as the app's key filter would act on it."""
        chord = parse_key(name)
        assert chord is not None, name
        action = self.bridge.key_filter.keymap.lookup(chord)
        assert action is not None, f"{name} is not bound"
        return self.bridge.handle_key(action)

    def act(self, action: KeyAction) -> bool:
        return self.bridge.handle_key(action)

    async def connect(self) -> TreadmillLink:
        link = self.context.open_link(self.treadmill.address)
        assert isinstance(link, TreadmillLink)
        await link.connect()
        self.context.use_link(link)
        return link

    async def close(self) -> None:
        session = self.bridge.session_bridge
        session.shutdown()
        task = session.run_task
        if task is not None and not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        if self.context.link is not None:
            await self.context.link.disconnect()
        await self.bridge.strap_bridge.aclose()
        for strap in self.source.straps:
            await strap.close()
        self.bridge.cue_player.shutdown()
        session.close()
        if self.context.history is not None:
            self.context.history.close()


def make_rig(tmp_path: Path, settings: Settings | None = None, profile: str = "ideal") -> Rig:
    """A rig on the running loop (the caller sets the config/data dirs to ``tmp_path``)."""
    source = simulated_source(profile)
    saved: list[Settings] = []
    ctx = AppContext(
        settings=settings or Settings(),
        save_settings=saved.append,
        loop=asyncio.get_running_loop(),
        open_link=lambda address: source.open_link(address, ctx.settings),
        scan=source.scan,
        simulate=True,
        scan_straps=source.scan_straps,
        open_strap=source.open_strap,
        strap_direction=source.strap_direction,
    )
    # The history as the app opens it, without an fsync per commit (looptime runs a session's
    # once-a-second commits back to back).
    ctx.history = HistoryStore.open(durability=Durability.NORMAL)
    return Rig(AppBridge(ctx), source, saved)


async def until(check: Callable[[], bool], within: float = 120.0, step: float = 0.05) -> None:
    """Wait (loop time) until ``check()`` holds (polling: what is checked is screen state)."""
    async with asyncio.timeout(within):
        while not check():  # noqa: ASYNC110 - polls bridge properties, there is no event
            await asyncio.sleep(step)


@contextlib.asynccontextmanager
async def connected_rig(
    tmp_path: Path, plan: Plan | None = None, settings: Settings | None = None
) -> AsyncIterator[Rig]:
    """A rig connected to its virtual treadmill with ``plan`` chosen (default: short_plan).
    Enter it inside the test, not in a fixture: under looptime the clock starts with the
    test, and the virtual treadmill's physics must start on that clock."""
    rig = make_rig(tmp_path, settings)
    try:
        await rig.connect()
        rig.context.choose_plan(plan or short_plan())
        yield rig
    finally:
        await rig.close()
