"""Connecting: only to the chosen address, what the machine can do, link events, the raw
traffic log; and responses that do not match their command."""

from __future__ import annotations

import asyncio
import dataclasses
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bleak import BleakClient
from bleak.backends.device import BLEDevice
from link_harness import open_air, open_link, running, wait_until

from treadmill_ctl.errors import DeviceNotFoundError, LinkError
from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.ftms.model import LinkEvent, LinkState, Result, SettingRange
from treadmill_ctl.ftms.scan import scan
from treadmill_ctl.ftms.traffic import parse_traffic_line
from treadmill_ctl.sim.bleak_backend import SimAir, SimConnection
from treadmill_ctl.sim.profiles import AdvertVariant, SimProfile, load_profile
from treadmill_ctl.sim.treadmill import VirtualTreadmill

pytestmark = pytest.mark.looptime


async def test_connects_only_to_the_chosen_address(backend: str) -> None:
    nearby = VirtualTreadmill(name="Gym treadmill 1", address="5A:11:00:00:00:0A")
    chosen = VirtualTreadmill(name="Gym treadmill 2", address="5A:11:00:00:00:0B")
    async with open_air(backend) as air:
        await air.add(nearby)
        link = await air.open_link(chosen)
        try:
            await link.connect()
            assert chosen.connected
            assert not nearby.connected
            assert link.name == "Gym treadmill 2"
        finally:
            await air.close_link(link, chosen)
            await nearby.close()


async def test_unknown_address_is_not_found_and_nothing_else_is_picked(backend: str) -> None:
    loop = asyncio.get_running_loop()
    other = VirtualTreadmill(address="5A:11:00:00:00:0A")
    async with open_air(backend) as air:
        await air.add(other)
        link = TreadmillLink("5A:11:00:00:00:FF", scan_timeout_s=3.0, connection=air.connection())
        events: list[LinkEvent] = []
        link.add_listener(lambda u: events.append(u) if isinstance(u, LinkEvent) else None)
        t0 = loop.time()
        with pytest.raises(DeviceNotFoundError, match="5A:11:00:00:00:FF"):
            await link.connect()
        assert loop.time() - t0 == pytest.approx(3.0, abs=0.01)
        assert not other.connected
        assert [e.state for e in events] == [LinkState.CONNECTING, LinkState.DISCONNECTED]
        assert link.state is LinkState.DISCONNECTED
    await other.close()


async def test_link_down_at_connect_is_a_link_error(backend: str) -> None:
    device = VirtualTreadmill()
    async with open_air(backend) as air:
        await air.add(device)
        device.drop_link(back_after_s=None)
        link = TreadmillLink(device.address, connection=air.connection())
        with pytest.raises(LinkError, match="Could not connect"):
            await link.connect()
        assert link.state is LinkState.DISCONNECTED
    await device.close()


async def test_a_connection_refused_while_connecting_is_not_reported_lost(backend: str) -> None:
    """No "lost the link, the belt may still be moving" alarm for a link that never came up.
    Over a real host stack the treadmill's refusal ends a connection the controller had made:
    bleak's disconnected callback runs during connect(), and the link takes it for a loss."""
    device = VirtualTreadmill()
    async with open_air(backend) as air:
        await air.add(device)
        device.drop_link(back_after_s=None)
        link = TreadmillLink(device.address, connection=air.connection())
        events: list[LinkEvent] = []
        link.add_listener(lambda u: events.append(u) if isinstance(u, LinkEvent) else None)
        with pytest.raises(LinkError):
            await link.connect()
        assert [e.state for e in events] == [LinkState.CONNECTING, LinkState.DISCONNECTED]
    await device.close()


async def test_capabilities_and_events_of_a_cs_wp8(backend: str) -> None:
    async with open_link(backend, "cs-wp8") as r:
        caps = r.link.capabilities
        assert caps is not None
        assert caps.speed == SettingRange(1.0, 6.0, 0.5)
        assert caps.incline is None
        assert (caps.can_set_speed, caps.can_set_incline) == (True, False)
        assert (caps.machine_features, caps.target_features) == (0x1244, 0x01)
        assert (caps.manufacturer, caps.model) == ("CITYSPORTS", "CS-WP8")
        assert caps.address == r.device.address
        await r.link.disconnect()
        events = [u.state for u in r.heard.of(LinkEvent)]
        assert events == [LinkState.CONNECTING, LinkState.CONNECTED, LinkState.DISCONNECTED]
        assert not r.device.connected


async def test_scan_lists_ftms_devices_and_named_ones_the_user_insists_on(backend: str) -> None:
    ftms = VirtualTreadmill(name="FTMS pad", address="5A:11:00:00:00:01")
    quiet_profile = SimProfile(name="name-only", advert=AdvertVariant.NAME_ONLY)
    quiet = VirtualTreadmill(quiet_profile, name="WalkingPad X", address="5A:11:00:00:00:02")
    async with open_air(backend) as air:
        for d in (ftms, quiet):
            await air.add(d)
        found = await scan(1.0, connection=air.connection())
        assert [d.name for d in found] == ["FTMS pad"]
        assert found[0].machine_type == "treadmill"
        found = await scan(1.0, names=["walkingpad x"], connection=air.connection())
        named = next(d for d in found if d.name == "WalkingPad X")
        assert (named.machine_type, named.advertises_ftms) == ("unknown", False)
        assert named.address == quiet.address
        # and a link to it works: the user said it is a treadmill
        link = TreadmillLink(quiet.address, connection=air.connection())
        await link.connect()
        assert link.state is LinkState.CONNECTED
        await link.disconnect()
    for d in (ftms, quiet):
        await d.close()


async def test_reversed_and_one_byte_adverts_are_treadmills(backend: str) -> None:
    for name in ("sloppy", "picky"):  # 01 00 01 and 01 01
        device = VirtualTreadmill(load_profile(name))
        async with open_air(backend) as air:
            await air.add(device)
            (found,) = await scan(0.5, connection=air.connection())
            assert found.machine_type == "treadmill"
        await device.close()


async def test_traffic_log_file_in_the_virtual_treadmills_format(
    backend: str, tmp_path: Path
) -> None:
    path = tmp_path / "traffic.log"
    async with open_link(backend, "ideal", traffic_path=path) as r:
        await running(r)
        assert (await r.link.set_speed(2.3)).ok
    lines = path.read_text().splitlines()
    entries = [parse_traffic_line(line) for line in lines]  # every line parses
    writes = [e.data.hex(" ") for e in entries if e.kind == "W"]
    assert writes == r.writes()
    assert {e.kind.value for e in entries} == {"R", "W", "N", "I"}
    device_kinds = [line.split()[1:] for line in r.device.traffic.lines()]
    assert [line.split()[1:] for line in lines] == device_kinds  # same traffic, same format


async def test_response_to_another_command_is_an_error(backend: str) -> None:
    async with open_link(backend, "ideal") as r:
        await running(r)
        r.device.swallow_next_command(apply=True)
        pending = asyncio.create_task(r.link.set_speed(3.0))
        await wait_until(lambda: r.writes()[-1] == "02 2c 01")
        assert r.link.pyftms is not None
        r.link.pyftms.controller._on_indicate(None, bytearray.fromhex("800701"))
        outcome = await pending
        assert outcome.result is Result.ERROR
        assert outcome.detail == "response to start instead of set speed"


async def test_commands_without_a_connection_write_nothing() -> None:
    link = TreadmillLink("5A:11:00:00:00:01", connection=SimConnection(SimAir()))
    for outcome in (await link.start(), await link.set_speed(3.0), await link.pause()):
        assert (outcome.result, outcome.wire, outcome.detail) == (Result.ERROR, "", "not connected")


@dataclasses.dataclass
class _CountingConnection:
    """A connection method that records what the link asks of it (and is the only way the
    link can reach the virtual air here)."""

    inner: SimConnection
    scans: int = 0
    connects: list[tuple[str, type[BleakClient]]] = dataclasses.field(default_factory=list)

    def scanner_kwargs(self) -> dict[str, Any]:
        self.scans += 1
        return self.inner.scanner_kwargs()

    async def connect[C: BleakClient](
        self, device: BLEDevice, client_class: type[C], **kwargs: Any
    ) -> C:
        self.connects.append((device.address, client_class))
        return await self.inner.connect(device, client_class, **kwargs)


async def test_the_link_reaches_the_treadmill_only_through_the_connection_it_is_given() -> None:
    device = VirtualTreadmill(address="5A:11:00:00:00:0C")
    air = SimAir()
    air.add(device)
    connection = _CountingConnection(SimConnection(air))
    link = TreadmillLink(device.address, connection=connection)
    try:
        await link.connect()
        outcome = await link.set_speed(2.0)
        assert outcome.ok
        await wait_until(lambda: device.target_speed_kmh == 2.0)
    finally:
        await link.disconnect()
        await device.close()
    assert connection.scans == 1
    assert [address for address, _ in connection.connects] == [device.address]
    assert issubclass(connection.connects[0][1], BleakClient)


def test_the_production_links_load_no_simulator_and_no_test_code() -> None:
    # A fresh interpreter: what importing the links pulls in, whatever the tests imported.
    code = (
        "import sys, treadmill_ctl.ftms.link, treadmill_ctl.ftms.connection, "
        "treadmill_ctl.hr.strap\n"
        "bad = ('treadmill_ctl.sim', 'treadmill_ctl.virtual_link', 'treadmill_ctl.proof',"
        " 'hypothesis', 'bumble')\n"
        "print(sorted(m for m in sys.modules if m.startswith(bad)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
