"""A real little world for the screens' bridges: an AppContext over the virtual treadmill (on its
own air), real settings and presets files in tmp dirs, and hooks that record what the bridges
asked the shell to do (switch screen, use a link, choose a plan, notify)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from treadmill_ctl.app.context import AppContext
from treadmill_ctl.ftms.api import TreadmillControl
from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.ftms.model import DiscoveredDevice
from treadmill_ctl.ftms.scan import scan
from treadmill_ctl.settings import Settings, load_settings, save_settings
from treadmill_ctl.sim.bleak_backend import SimAir, SimConnection
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES
from treadmill_ctl.sim.treadmill import VirtualTreadmill


@dataclass
class World:
    """What the bridges did, and the virtual devices they can see."""

    context: AppContext
    air: SimAir
    config_dir: Path
    screens: list[str] = field(default_factory=list)
    links: list[TreadmillControl] = field(default_factory=list)
    plans: list[Any] = field(default_factory=list)
    notices: list[tuple[str, str]] = field(default_factory=list)
    opened: list[TreadmillLink] = field(default_factory=list)

    def add_treadmill(self, **kw: Any) -> VirtualTreadmill:
        """Put a virtual treadmill on the air (kw: profile name via ``profile=``, name, address,
        and SimProfile fields such as ``advert`` and ``rssi``)."""
        import dataclasses

        profile = BUILTIN_PROFILES[kw.pop("profile", "ideal")]
        profile_changes = {
            k: kw.pop(k) for k in list(kw) if k not in ("name", "address") and hasattr(profile, k)
        }
        treadmill = VirtualTreadmill(dataclasses.replace(profile, **profile_changes), **kw)
        self.air.add(treadmill)
        return treadmill

    def saved_settings(self) -> Settings:
        """The settings as they are on disk."""
        return load_settings().settings

    async def settle(self) -> None:
        """Wait (loop time) until every task the bridges started is done."""
        while self.context.tasks:
            await asyncio.gather(*list(self.context.tasks), return_exceptions=True)

    async def close(self) -> None:
        for link in self.opened:
            await link.disconnect()


def _current_loop() -> asyncio.AbstractEventLoop:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:  # a sync test: the root conftest set a loop for it
        return asyncio.get_event_loop()


def make_world(tmp_path: Path, monkeypatch: Any, settings: Settings | None = None) -> World:
    """A world with empty config and data dirs (no treadmill on the air yet)."""
    config = tmp_path / "config"
    monkeypatch.setenv("TREADMILL_CTL_CONFIG_DIR", str(config))
    monkeypatch.setenv("TREADMILL_CTL_DATA_DIR", str(tmp_path / "data"))
    air = SimAir()
    world: World

    async def scan_air(seconds: float) -> Sequence[DiscoveredDevice]:
        return await scan(seconds, connection=SimConnection(air), all_named=True)

    def open_link(address: str) -> TreadmillLink:
        link = TreadmillLink(address, connection=SimConnection(air))
        world.opened.append(link)
        return link

    def persist(new: Settings) -> None:
        save_settings(new)
        world.context.settings = new

    context = AppContext(
        settings=settings or Settings(),
        save_settings=persist,
        loop=_current_loop(),
        open_link=open_link,
        scan=scan_air,
        simulate=True,
    )
    world = World(context, air, config)
    context.switch_screen = world.screens.append
    context.use_link = world.links.append
    context.choose_plan = world.plans.append
    context.notify = lambda level, message: world.notices.append((level, message))
    return world
