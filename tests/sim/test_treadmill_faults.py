"""Injected faults: link drops, the safety key, lost control, the console, lost and malformed
packets, and scheduling them on the loop clock."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from treadmill_client import CP, DATA, DeviceClient

from treadmill_ctl.sim.att import SimLinkDown
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES
from treadmill_ctl.sim.treadmill import BeltState, VirtualTreadmill

pytestmark = pytest.mark.looptime


async def running(
    profile: str = "ideal", kmh_hex: str = "022c01"
) -> tuple[VirtualTreadmill, DeviceClient]:
    device = VirtualTreadmill(BUILTIN_PROFILES[profile])
    client = DeviceClient(device)
    await client.connect()
    await client.ok("00")
    await client.ok(kmh_hex)
    await client.ok("07", wait=5)
    return device, client


async def test_link_drop_keeps_the_belt_running_and_refuses_connect_until_back() -> None:
    device, client = await running()
    dropped: list[float] = []
    loop = asyncio.get_running_loop()
    device.set_disconnect_callback(lambda: dropped.append(loop.time()))
    t_drop = loop.time()
    device.drop_link(back_after_s=5.0)
    assert dropped == [t_drop]
    assert not device.connected
    assert not device.has_control
    with pytest.raises(SimLinkDown):
        await device.connect()
    with pytest.raises(SimLinkDown):
        await device.write(CP, b"\x00")
    packets = len(client.data_packets())
    await asyncio.sleep(4)
    assert len(client.data_packets()) == packets  # nothing arrives while down
    assert device.belt_speed_kmh == pytest.approx(3.0)  # the machine runs on
    await asyncio.sleep(1.5)
    await client.connect()  # back; subscriptions and control start from scratch
    assert await client.command("0801") == bytes.fromhex("800805")
    await client.ok("00")
    await client.ok("0801")
    await device.close()


async def test_client_disconnect_does_not_call_the_drop_callback() -> None:
    device, client = await running()
    calls: list[int] = []
    device.set_disconnect_callback(lambda: calls.append(1))
    await device.disconnect()
    assert calls == []
    assert not device.has_control
    await client.connect()
    assert device.connected
    await device.close()


async def test_link_drop_loses_a_partial_split_record() -> None:
    device = VirtualTreadmill(BUILTIN_PROFILES["laggy"])
    client = DeviceClient(device)
    await client.connect()
    got: list[bytes] = []
    device.set_subscriber(DATA, got.append)
    await asyncio.sleep(0.26)  # first packet of a record has arrived, the tail is 0.05 s behind
    assert len(got) == 1
    assert got[0][0] & 0x01  # More Data
    device.drop_link(back_after_s=0.01)
    await asyncio.sleep(1)
    assert len(got) == 1  # the tail never comes
    await device.close()


async def test_drop_link_without_return_until_restored() -> None:
    device, _ = await running()
    device.drop_link(back_after_s=None)
    await asyncio.sleep(600)
    with pytest.raises(SimLinkDown):
        await device.connect()
    device.restore_link()
    await device.connect()
    assert device.connected
    await device.close()


async def test_safety_key_stops_hard_and_blocks_start_until_back() -> None:
    device, client = await running("ideal", "02e803")  # 10 km/h
    await asyncio.sleep(10)
    mark = len(client.got)
    device.pull_safety_key()
    await asyncio.sleep(0.1)
    assert client.events(mark) == ["S 03", "T 000f"]
    await asyncio.sleep(2)
    assert device.belt_speed_kmh == 0.0  # 6 km/h/s: 10 km/h gone in under 2 s
    assert device.state is BeltState.STOPPED
    assert not device.safety_key_in
    assert await client.command("07") == bytes.fromhex("800704")
    device.insert_safety_key()
    await client.ok("07")
    await device.close()


async def test_revoked_control_answers_05_until_requested_again() -> None:
    device, client = await running("cs-wp8", "029600")  # even where control is not needed
    mark = len(client.got)
    device.revoke_control()
    await asyncio.sleep(0.1)
    assert client.events(mark) == ["S ff"]
    assert await client.command("02c800") == bytes.fromhex("800205")
    await client.ok("00")
    await client.ok("02c800")
    await device.close()


async def test_console_stop_pause_and_speed() -> None:
    device, client = await running()
    mark = len(client.got)
    device.console_set_speed(4.0)
    await asyncio.sleep(3)
    assert client.events(mark) == ["S 059001"]
    assert device.belt_speed_kmh == pytest.approx(4.0)
    mark = len(client.got)
    device.console_pause()
    await asyncio.sleep(5)
    assert client.events(mark) == ["S 0202"]
    assert device.state is BeltState.PAUSED
    assert device.belt_speed_kmh == 0.0
    device.console_start()
    await asyncio.sleep(5)
    assert device.belt_speed_kmh == pytest.approx(4.0)
    mark = len(client.got)
    device.console_stop()
    await asyncio.sleep(0.1)
    assert client.events(mark) == ["T 000f", "S 0201"]
    await asyncio.sleep(5)
    assert device.state is BeltState.STOPPED
    await device.close()


async def test_swallowed_command_gets_no_indication_and_is_lost() -> None:
    device, client = await running()
    device.swallow_next_command()
    assert await client.command("02c800", wait=5) is None
    assert device.target_speed_kmh == pytest.approx(3.0)
    await client.ok("02c800")  # the next one is answered (nothing left in progress)
    assert device.target_speed_kmh == pytest.approx(2.0)
    await device.close()


async def test_swallowed_command_can_still_be_obeyed() -> None:
    device, client = await running()
    device.swallow_next_command(apply=True)
    assert await client.command("0801", wait=5) is None
    assert device.state is BeltState.STOPPED
    await device.close()


async def test_malformed_notifications() -> None:
    device, client = await running()
    mark = len(client.got)
    device.send_malformed()
    device.send_malformed("2ada")
    device.send_malformed("2ada", b"\x04\x00\x00\x00\x00")
    await asyncio.sleep(0.01)
    got = [f"{r.what} {r.data.hex()}" for r in client.got[mark:]]
    assert "D 8424c8" in got  # flags promise speed, distance, ... then 1 byte
    assert [g for g in got if g.startswith("S")] == ["S 0596", "S 0400000000"]
    await device.close()


async def test_faults_scheduled_on_the_loop_clock() -> None:
    device, _ = await running()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    device.schedule("console_set_speed", t0 + 10, kmh=5.0)
    device.schedule("drop_link", t0 + 20, back_after_s=3.0)
    cancelled = device.schedule("pull_safety_key", t0 + 15)
    cancelled.cancel()
    await asyncio.sleep(9)
    assert device.target_speed_kmh == pytest.approx(3.0)
    await asyncio.sleep(2)
    assert device.target_speed_kmh == pytest.approx(5.0)
    await asyncio.sleep(10)
    assert not device.connected
    assert device.safety_key_in
    with pytest.raises(ValueError, match="unknown fault"):
        device.schedule("explode", t0 + 30)
    await device.close()


@pytest.mark.looptime(noop_cycles=4)  # long run: see test_one_hour_runs_fast
async def test_profile_drops_the_link_after_a_while_connected() -> None:
    profile = dataclasses.replace(BUILTIN_PROFILES["ideal"], link_drop_after_s=900.0)
    device = VirtualTreadmill(profile)
    client = DeviceClient(device)
    drops: list[float] = []
    loop = asyncio.get_running_loop()
    device.set_disconnect_callback(lambda: drops.append(loop.time()))
    t0 = loop.time()
    await client.connect(data=False)
    await asyncio.sleep(1000)
    assert [round(t - t0) for t in drops] == [900]
    await device.close()


@pytest.mark.looptime(noop_cycles=4)  # long run: see test_one_hour_runs_fast
async def test_profile_drops_an_idle_link() -> None:
    device = VirtualTreadmill(BUILTIN_PROFILES["sloppy"])  # idle drop after 10 minutes
    client = DeviceClient(device)
    drops: list[float] = []
    loop = asyncio.get_running_loop()
    device.set_disconnect_callback(lambda: drops.append(loop.time()))
    t0 = loop.time()
    await client.connect(data=False)
    await asyncio.sleep(300)
    await client.ok("00")  # activity restarts the idle clock
    await asyncio.sleep(400)
    assert drops == []
    await asyncio.sleep(300)
    assert [round(t - t0) for t in drops] == [900]
    await device.close()


async def test_stop_data_silences_treadmill_data_while_the_belt_runs_on() -> None:
    device, client = await running()
    loop = asyncio.get_running_loop()
    await asyncio.sleep(3)
    device.stop_data(for_s=8.0)
    t_stop = loop.time()
    await asyncio.sleep(6)
    # The link is up, the belt runs at its speed, yet no record came; commands still work.
    assert [r for r in client.got if r.what == "D" and r.t > t_stop + 1e-6] == []
    assert device.connected
    assert device.belt_speed_kmh == pytest.approx(3.0)
    await client.ok("02f401")  # 5.0 km/h: obeyed while silent
    await asyncio.sleep(3)
    assert device.belt_speed_kmh == pytest.approx(5.0)
    data = [r for r in client.got if r.what == "D" and r.t > t_stop + 1e-6]
    assert data
    assert data[0].t == pytest.approx(t_stop + 8.0, abs=0.3)  # back after 8 s
    await device.close()


async def test_stop_data_until_resumed_and_re_subscribing_does_not_bring_it_back() -> None:
    device, client = await running()
    loop = asyncio.get_running_loop()
    device.stop_data(for_s=None)
    t_stop = loop.time()
    device.set_subscriber(DATA, None)
    device.set_subscriber(DATA, client._make_cb(DATA))
    await asyncio.sleep(20)
    assert [r for r in client.got if r.what == "D" and r.t > t_stop + 1e-6] == []
    device.resume_data()
    await asyncio.sleep(1)
    assert [r for r in client.got if r.what == "D" and r.t > t_stop + 1e-6]
    await device.close()


async def test_a_lost_data_subscription_comes_back_only_when_the_client_subscribes() -> None:
    device, client = await running()
    loop = asyncio.get_running_loop()
    device.lose_data_subscription()
    t_lost = loop.time()
    await asyncio.sleep(10)
    assert [r for r in client.got if r.what == "D" and r.t > t_lost + 1e-6] == []
    assert device.connected
    assert device.belt_speed_kmh == pytest.approx(3.0)
    assert await client.command("0801") == bytes.fromhex("800801")  # statuses, indications go on
    device.set_subscriber(DATA, client._make_cb(DATA))
    t_back = loop.time()
    await asyncio.sleep(1)
    assert [r for r in client.got if r.what == "D" and r.t > t_back]
    await device.close()


async def test_data_silence_faults_can_be_scheduled() -> None:
    device, client = await running()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    device.schedule("stop_data", t0 + 2, for_s=3.0)
    device.schedule("lose_data_subscription", t0 + 10)
    await asyncio.sleep(12)
    times = [r.t - t0 for r in client.got if r.what == "D" and r.t > t0]
    assert not [t for t in times if 2.0 + 1e-6 < t < 5.0 - 1e-6]  # silent for 3 s
    assert [t for t in times if 5.0 <= t < 10.0]  # then back
    assert not [t for t in times if t > 10.0 + 1e-6]  # then lost for good
    await device.close()
