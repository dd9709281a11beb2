"""Bare pyftms on the virtual treadmill, for the canary tests (which show pyftms still has a
defect the seam works around) and the STOP latency benchmark (the link against pyftms alone).
Nothing in the app uses it."""

from __future__ import annotations

from typing import Any

from bleak import BleakClient
from bleak.backends.device import BLEDevice
from pyftms import Treadmill
from pyftms.client.properties import read_device_info, read_features

from treadmill_ctl.sim.bleak_backend import SimAir, SimBleakClient


async def open_bare_pyftms(
    device: BLEDevice, air: SimAir, treadmill: Any = None, *, pyftms_timeout_s: float = 2.0
) -> Any:
    """An UNMODIFIED pyftms ``Treadmill`` (``treadmill``, or a new one whose control timeout is
    ``pyftms_timeout_s``) connected to a virtual treadmill on ``air``.

    pyftms offers no way to choose a bleak backend, so its connection step is done here with
    the same calls its ``_connect`` makes, over ``SimBleakClient``; everything after (feature
    reading, subscriptions, the command path) is pyftms's own code."""
    if treadmill is None:
        treadmill = Treadmill(device, timeout=pyftms_timeout_s)
    cli = BleakClient(
        device,
        disconnected_callback=treadmill._on_disconnect,
        backend=SimBleakClient,
        sim_air=air,
    )
    await cli.connect()
    treadmill._cli = cli
    treadmill._need_connect = True
    treadmill._device_info = await read_device_info(cli)
    (
        treadmill._m_features,
        treadmill._m_settings,
        treadmill._settings_ranges,
    ) = await read_features(cli, treadmill._machine_type)
    await treadmill._controller.subscribe(cli)
    await treadmill._updater.subscribe(cli, treadmill._data_uuid)
    return treadmill
