"""A treadmill link to the virtual treadmill, for tests, ``--simulate`` runs and the GUI.

The link is the real one (pyftms + our seam + bleak); only the radio is virtual: the device is
put "on the air" of a ``SimAir`` and the link is given that air's connection method
(``SimConnection``). This module assembles the two, so it sits above both ``ftms`` and ``sim``,
neither of which imports the other's link or devices.

    link, device = await open_simulated_link("cs-wp8")
    try:
        await link.start()
        await link.set_speed(3.0)
        ...
    finally:
        await close_simulated_link(link, device)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.sim.bleak_backend import SimAir, SimConnection
from treadmill_ctl.sim.profiles import SimProfile, load_profile
from treadmill_ctl.sim.treadmill import VirtualTreadmill


def make_virtual_treadmill(profile: SimProfile | str | Path | None = None) -> VirtualTreadmill:
    """A VirtualTreadmill with ``profile`` (a SimProfile, a built-in name or a TOML path;
    None: ``ideal``). Raises FileFormatError for an unknown name or a bad file."""
    if profile is None or isinstance(profile, SimProfile):
        return VirtualTreadmill(profile)
    return VirtualTreadmill(load_profile(profile))


async def open_simulated_link(
    profile: SimProfile | str | Path | None = None,
    *,
    device: VirtualTreadmill | None = None,
    air: SimAir | None = None,
    connect: bool = True,
    **link_options: Any,
) -> tuple[TreadmillLink, VirtualTreadmill]:
    """Put a virtual treadmill on the air and make a TreadmillLink to its address.

    ``device``: use this VirtualTreadmill instead of making one from ``profile``. ``air``: the
    SimAir to use (default: a fresh one, so that several links never see each other's devices).
    ``connect``: connect (and request control) before returning. ``link_options`` go to
    TreadmillLink (``command_timeout_s``, ``stop_window_s``, ``target_unit``, ``traffic``...)."""
    treadmill = device if device is not None else make_virtual_treadmill(profile)
    air = air if air is not None else SimAir()
    air.add(treadmill)
    link = TreadmillLink(
        treadmill.address, connection=SimConnection(air), name=treadmill.name, **link_options
    )
    if connect:
        await link.connect()
    return link, treadmill


async def close_simulated_link(link: TreadmillLink, device: VirtualTreadmill) -> None:
    """Disconnect the link and switch the virtual treadmill off."""
    await link.disconnect()
    await device.close()
