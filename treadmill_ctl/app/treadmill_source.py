"""Where the app finds treadmills: the Bluetooth adapter, or the virtual treadmill "on the air"
(``--simulate``). Plain Python: gives the ``scan`` and ``open_link`` functions of the
``AppContext``. Neither connects to anything by itself; the connect screen does, to the address
the user chose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from treadmill_ctl.ftms.link import TreadmillLink, scan
from treadmill_ctl.ftms.model import DiscoveredDevice
from treadmill_ctl.sim.bleak_backend import SimAir
from treadmill_ctl.sim.profiles import load_profile
from treadmill_ctl.sim.treadmill import VirtualTreadmill


@dataclass(slots=True)
class TreadmillSource:
    """Scan and open links, on Bluetooth (``air is None``) or on a virtual air."""

    air: SimAir | None = None
    treadmills: list[VirtualTreadmill] = field(default_factory=list)

    async def scan(self, seconds: float) -> Sequence[DiscoveredDevice]:
        """Devices heard in ``seconds``: FTMS ones and every other named device (a treadmill
        may not advertise FTMS); the connect screen decides what to list and lets the user
        mark one as "my treadmill". Nothing here connects."""
        return await scan(seconds, sim_air=self.air, all_named=True)

    def open_link(self, address: str, settings: Any = None) -> TreadmillLink:
        """A link to ``address`` only (not connected yet); records the GATT traffic when the
        settings ask for the debug traffic log."""
        traffic_path = None
        if settings is not None and getattr(settings, "debug_traffic_log", False):
            folder = Path(settings.effective_traffic_log_dir())
            folder.mkdir(parents=True, exist_ok=True)
            traffic_path = folder / f"{address.replace(':', '')}.log"
        return TreadmillLink(address, sim_air=self.air, traffic_path=traffic_path)

    @property
    def treadmill(self) -> VirtualTreadmill | None:
        """The (first) virtual treadmill, when simulating."""
        return self.treadmills[0] if self.treadmills else None


def bluetooth_source() -> TreadmillSource:
    """Real radio."""
    return TreadmillSource()


def simulated_source(profile: str = "ideal") -> TreadmillSource:
    """One virtual treadmill with ``profile`` (a built-in name or a TOML file), advertising on
    its own air. Must be called with the app's loop set (the treadmill's clock is the loop's).
    Raises FileFormatError for an unknown profile."""
    air = SimAir()
    treadmill = VirtualTreadmill(load_profile(profile))
    air.add(treadmill)
    return TreadmillSource(air=air, treadmills=[treadmill])
