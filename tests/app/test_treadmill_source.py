"""Where the app finds treadmills: a treadmill that does not advertise FTMS must still be heard,
so that the user can say "this is my treadmill"."""

from __future__ import annotations

import dataclasses

import pytest

from treadmill_ctl.app.treadmill_source import TreadmillSource
from treadmill_ctl.ftms.connection import BluetoothConnection
from treadmill_ctl.sim.bleak_backend import SimAir, SimConnection
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES, AdvertVariant
from treadmill_ctl.sim.treadmill import VirtualTreadmill


@pytest.mark.looptime
async def test_a_named_treadmill_without_ftms_service_data_is_heard() -> None:
    quiet = dataclasses.replace(BUILTIN_PROFILES["ideal"], advert=AdvertVariant.NAME_ONLY)
    silent_pad = VirtualTreadmill(quiet, name="WalkPad Quiet", address="5A:11:00:00:00:07")
    conformant = VirtualTreadmill(name="Virtual Treadmill", address="5A:11:00:00:00:01")
    air = SimAir()
    air.add(silent_pad)
    air.add(conformant)
    source = TreadmillSource(air=air, treadmills=[conformant, silent_pad])
    try:
        found = {d.address: d for d in await source.scan(2.0)}
    finally:
        await silent_pad.close()
        await conformant.close()
    assert found["5A:11:00:00:00:01"].advertises_ftms
    assert found["5A:11:00:00:00:07"].name == "WalkPad Quiet"
    assert not found["5A:11:00:00:00:07"].advertises_ftms


def test_the_app_links_through_bluetooth_or_the_virtual_air_it_was_assembled_with() -> None:
    assert isinstance(TreadmillSource().connection(), BluetoothConnection)
    air = SimAir()
    connection = TreadmillSource(air=air).connection()
    assert isinstance(connection, SimConnection)
    assert connection.air is air
