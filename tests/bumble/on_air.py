"""Putting a virtual treadmill on a bumble air inside a test's body (see conftest.py), for the
ATT-level tests. The app's link over bumble is ``link_harness.open_link("bumble", ...)``, shared
with the link's own tests in tests/ftms."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from bumble_backend import (
    BumbleAir,
    BumblePeripheral,
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
