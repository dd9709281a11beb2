"""Where the app finds treadmills and heart-rate straps: the Bluetooth adapter, or the virtual
treadmill and the virtual strap its runner wears, "on the air" (``--simulate``). Plain Python:
gives the ``scan``, ``open_link``, ``scan_straps`` and ``open_strap`` functions of the
``AppContext``. None connects to anything by itself; the connect screen does, to the address
the user chose.

The Bluetooth stack (bleak, pyftms, and the virtual air, which is a bleak backend) is imported
on first use, not with this module: it takes longer to load than the window takes to show, so
the app shows its window first (see ``main.build_app``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.ftms.model import DiscoveredDevice
from treadmill_ctl.units import SpeedUnit

if TYPE_CHECKING:
    from treadmill_ctl.ftms.connection import Connection
    from treadmill_ctl.ftms.link import TreadmillLink
    from treadmill_ctl.hr.strap import DiscoveredStrap, HeartRateStrap
    from treadmill_ctl.sim.bleak_backend import SimAir
    from treadmill_ctl.sim.hr_strap import VirtualHeartRateStrap
    from treadmill_ctl.sim.profiles import SimProfile
    from treadmill_ctl.sim.treadmill import VirtualTreadmill

# The Bluetooth stack as ``load_in_steps`` imports it, one module per turn of the loop (each
# takes 10-40 ms; all at once, input would wait over 100 ms), in the order the link needs them.
_STACK: Final = ("bleak", "bleak_retry_connector", "pyftms", "treadmill_ctl.ftms.link")


@dataclass(slots=True)
class TreadmillSource:
    """Scan and open links, on Bluetooth (no ``air`` and no ``profile``) or on a virtual air.

    ``profile``: a virtual treadmill that is made, with its air, on first use (a scan, a link,
    ``treadmill`` or ``load()``)."""

    air: SimAir | None = None
    treadmills: list[VirtualTreadmill] = field(default_factory=list)
    profile: SimProfile | None = None
    # A profile named (built-in name or TOML file) but not read yet (``check_profile``).
    profile_name: str | None = None
    # The virtual strap worn on the virtual treadmill (made with it).
    straps: list[VirtualHeartRateStrap] = field(default_factory=list)

    def load(self) -> None:
        """Import the Bluetooth stack and make the virtual treadmill, if not done yet (the app
        does it once its window has shown; a scan or a link does it anyway)."""
        from treadmill_ctl.ftms import link  # noqa: PLC0415, F401 - see the module doc

        self._make_virtual()

    async def load_in_steps(self) -> None:
        """``load()``, the stack one module per turn of the loop (input is handled between)."""
        import asyncio  # noqa: PLC0415 - asyncio loads after the first frame (main.py)

        for module in _STACK:
            importlib.import_module(module)
            await asyncio.sleep(0)
        self.load()

    def _make_virtual(self) -> None:
        self.check_profile()
        if self.air is None and self.profile is not None:
            from treadmill_ctl.sim.bleak_backend import SimAir  # noqa: PLC0415 - see module doc
            from treadmill_ctl.sim.hr_strap import VirtualHeartRateStrap  # noqa: PLC0415
            from treadmill_ctl.sim.treadmill import VirtualTreadmill  # noqa: PLC0415

            air = SimAir()
            treadmill = VirtualTreadmill(self.profile)
            strap = VirtualHeartRateStrap(treadmill)
            air.add(treadmill)
            air.add(strap)
            self.air, self.treadmills, self.straps = air, [treadmill], [strap]

    async def scan(self, seconds: float) -> Sequence[DiscoveredDevice]:
        """Devices heard in ``seconds``: FTMS ones and every other named device (a treadmill
        may not advertise FTMS); the connect screen decides what to list and lets the user
        mark one as "my treadmill". Nothing here connects."""
        await self.load_in_steps()
        from treadmill_ctl.ftms.scan import scan  # noqa: PLC0415 - see module doc

        return await scan(seconds, connection=self.connection(), all_named=True)

    def open_link(self, address: str, settings: Any = None) -> TreadmillLink:
        """A link to ``address`` only (not connected yet); records the GATT traffic when the
        settings ask for the debug traffic log."""
        self.load()
        from treadmill_ctl.ftms.link import TreadmillLink  # noqa: PLC0415 - see module doc

        traffic_path = None
        if settings is not None and getattr(settings, "debug_traffic_log", False):
            folder = Path(settings.effective_traffic_log_dir())
            folder.mkdir(parents=True, exist_ok=True)
            traffic_path = folder / f"{address.replace(':', '')}.log"
        # The unit the console reads targets in: from its machine check (the connect screen
        # puts it in the settings), else the hand-set option; km/h without settings.
        unit = getattr(settings, "treadmill_speed_unit", None) or SpeedUnit.KMH
        return TreadmillLink(
            address, connection=self.connection(), traffic_path=traffic_path, target_unit=unit
        )

    def connection(self) -> Connection:
        """The treadmill link's connection method: the virtual air's when simulating, else the
        Bluetooth adapter (``ftms.connection``)."""
        self.load()
        if self.air is not None:
            from treadmill_ctl.sim.bleak_backend import SimConnection  # noqa: PLC0415

            return SimConnection(self.air)
        from treadmill_ctl.ftms.connection import BluetoothConnection  # noqa: PLC0415

        return BluetoothConnection()

    async def scan_straps(self, seconds: float) -> Sequence[DiscoveredStrap]:
        """Heart-rate straps heard in ``seconds`` (devices advertising the Heart Rate
        Service), strongest first. Nothing connects."""
        await self.load_in_steps()
        from treadmill_ctl.hr.strap import discover_straps  # noqa: PLC0415 - see module doc

        if self.air is None:
            return await discover_straps(seconds)
        from treadmill_ctl.sim.bleak_backend import SimBleakScanner  # noqa: PLC0415

        return await discover_straps(
            seconds, backend=SimBleakScanner, scanner_kwargs={"sim_air": self.air}
        )

    async def open_strap(self, address: str) -> HeartRateStrap:
        """A link to the strap at ``address`` only (not connected yet)."""
        await self.load_in_steps()
        from treadmill_ctl.hr.strap import HeartRateStrap  # noqa: PLC0415 - see module doc

        if self.air is None:
            return HeartRateStrap(address)
        from treadmill_ctl.sim.bleak_backend import SimBleakClient  # noqa: PLC0415

        return HeartRateStrap(address, backend=SimBleakClient, client_kwargs={"sim_air": self.air})

    def strap_direction(self, address: str) -> Callable[[str], None] | None:
        """How to tell the virtual strap at ``address`` which way the runner faces (the belt
        cannot know); None for a real strap, which measures the real runner."""
        self._make_virtual()
        strap = next((s for s in self.straps if s.address.upper() == address.upper()), None)
        return strap.face if strap is not None else None

    @property
    def treadmill(self) -> VirtualTreadmill | None:
        """The (first) virtual treadmill, when simulating."""
        self._make_virtual()
        return self.treadmills[0] if self.treadmills else None

    def check_profile(self) -> None:
        """Read the named profile, if not done yet (the app does it after its window's first
        frame). Raises FileFormatError for an unknown profile or a bad file."""
        if self.profile_name is not None:
            from treadmill_ctl.sim.profiles import load_profile  # noqa: PLC0415 - see module doc

            self.profile = load_profile(self.profile_name)
            self.profile_name = None


def bluetooth_source() -> TreadmillSource:
    """Real radio."""
    return TreadmillSource()


def simulated_source(profile: str = "ideal", *, check: bool = True) -> TreadmillSource:
    """One virtual treadmill with ``profile`` (a built-in name or a TOML file), advertising on
    its own air once made (on first use). Must be used with the app's loop set (the treadmill's
    clock is the loop's). Raises FileFormatError for an unknown profile: at once, or with
    ``check=False`` at ``check_profile`` (or first use)."""
    source = TreadmillSource(profile_name=profile)
    if check:
        source.check_profile()
    return source
