"""The spec-exact virtual treadmill (profile ``ideal``), driven with real FTMS bytes."""

from __future__ import annotations

import asyncio
import struct
import time

import pytest
from treadmill_client import CP, DATA, DeviceClient

from treadmill_ctl.sim import gatt
from treadmill_ctl.sim.att import SimAttError, SimLinkDown
from treadmill_ctl.sim.treadmill import BeltState, VirtualTreadmill

pytestmark = pytest.mark.looptime


async def started(profile_name: str = "ideal") -> tuple[VirtualTreadmill, DeviceClient]:
    from treadmill_ctl.sim.profiles import load_profile

    device = VirtualTreadmill(load_profile(profile_name))
    client = DeviceClient(device)
    await client.connect()
    return device, client


async def test_gatt_table_has_ftms_and_device_information() -> None:
    device = VirtualTreadmill()
    table = {
        s.uuid: {c.uuid[4:8]: c.properties for c in s.characteristics} for s in device.services()
    }
    assert table[gatt.FTMS_SERVICE] == {
        "2acc": ("read",),
        "2acd": ("notify",),
        "2ad3": ("read", "notify"),
        "2ad4": ("read",),
        "2ad5": ("read",),
        "2ad9": ("write", "indicate"),
        "2ada": ("notify",),
    }
    assert set(table[gatt.DEVICE_INFORMATION_SERVICE]) == {"2a29", "2a24", "2a25", "2a26"}
    handles = [c.handle for s in device.services() for c in s.characteristics]
    assert len(set(handles)) == len(handles)
    await device.close()


async def test_advertises_ftms_treadmill_service_data() -> None:
    device = VirtualTreadmill(name="Sim 1")
    adv = device.advertisement()
    assert adv.local_name == "Sim 1"
    assert adv.service_uuids == [gatt.FTMS_SERVICE]
    assert adv.service_data == {gatt.FTMS_SERVICE: bytes.fromhex("010100")}
    await device.close()


async def test_reads_ranges_features_and_device_information() -> None:
    device, _ = await started()
    assert await device.read("2ad4") == bytes.fromhex("3200d0070a00")  # 0.50-20.00 step 0.10
    assert await device.read("2ad5") == struct.pack("<hhH", -50, 150, 5)  # -5..15 % step 0.5
    machine, target = struct.unpack("<II", await device.read(gatt.FEATURE))
    assert target & 0b11 == 0b11  # speed and incline can be set
    assert machine & (1 << 2)  # distance
    assert machine & (1 << 12)  # elapsed time
    assert await device.read("2a29") == b"treadmill-ctl"
    assert await device.read("2ad3") == bytes([0x00, 0x01])  # idle
    with pytest.raises(SimAttError) as err:
        await device.read("2ad9")
    assert err.value.code == 0x02
    await device.close()


async def test_request_control_start_set_speed_stop_sequence() -> None:
    device, client = await started()
    await client.ok("00")
    assert device.has_control
    mark = len(client.got)
    await client.ok("07")
    assert client.events(mark) == ["I 800701", "S 04", "T 000e", "T 000d"]
    mark = len(client.got)
    await client.ok("022c01")  # 3.00 km/h
    assert client.since(mark, "S") == ["S 052c01"]
    await asyncio.sleep(5)
    assert device.belt_speed_kmh == pytest.approx(3.0)
    assert device.state is BeltState.RUNNING
    mark = len(client.got)
    await client.ok("0801")
    assert client.since(mark, "S") == ["S 0201"]
    assert client.since(mark, "T") == ["T 000f"]
    await asyncio.sleep(3)
    assert device.belt_speed_kmh == 0.0
    assert device.state is BeltState.STOPPED
    await device.close()


async def test_every_speed_half_to_sixteen_in_tenths_is_accepted_exactly() -> None:
    device, client = await started()
    await client.ok("00")
    await client.ok("07")
    for raw in range(50, 1601, 10):
        response = await client.command("02" + struct.pack("<H", raw).hex(), wait=0.05)
        assert response == bytes.fromhex("800201"), raw
        assert device.target_speed_kmh == pytest.approx(raw / 100)
    sent = [data for _, data in device.control_writes if data[0] == 0x02]
    assert [struct.unpack("<H", d[1:])[0] for d in sent] == list(range(50, 1601, 10))
    await device.close()


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("0231", "800203"),  # truncated parameter
        ("02d007", "800201"),  # 20.00 km/h: the maximum
        ("02d107", "800203"),  # 20.01: out of range
        ("023100", "800203"),  # 0.49: out of range
        ("03ecff", "800301"),  # -2.0 %
        ("039700", "800303"),  # 15.1 %: out of range
        ("04", "800402"),  # resistance: not a treadmill op
        ("0803", "800803"),  # stop/pause with an unknown parameter
        ("0a", "800a02"),
        ("0001", "800003"),  # request control takes no parameter
    ],
)
async def test_result_codes(command: str, expected: str) -> None:
    device, client = await started()
    if command != "0001":
        await client.ok("00")
    assert await client.command(command) == bytes.fromhex(expected)
    await device.close()


async def test_every_op_but_request_control_needs_control() -> None:
    device, client = await started()
    for command in ("01", "022c01", "03ecff", "07", "0801", "0802"):
        response = await client.command(command)
        assert response == bytes([0x80, bytes.fromhex(command)[0], 0x05]), command
    assert device.state is BeltState.IDLE
    await device.close()


async def test_reset_releases_control_and_stops() -> None:
    device, client = await started()
    await client.ok("00")
    await client.ok("07")
    await asyncio.sleep(2)
    mark = len(client.got)
    await client.ok("01")
    assert client.since(mark, "S") == ["S 01"]
    assert client.since(mark, "T") == ["T 0001"]
    assert not device.has_control
    assert await client.command("07") == bytes.fromhex("800705")
    await asyncio.sleep(3)
    assert device.belt_speed_kmh == 0.0
    assert device.distance_m < 1.0  # counters reset
    await device.close()


async def test_speed_set_before_start_is_where_the_belt_goes() -> None:
    device, client = await started()
    await client.ok("00")
    await client.ok("02c800")  # 2.00 km/h while idle
    assert device.belt_speed_kmh == 0.0
    await client.ok("07")
    await asyncio.sleep(4)
    assert device.belt_speed_kmh == pytest.approx(2.0)
    await device.close()


async def test_pause_holds_counters_and_start_resumes_at_the_old_speed() -> None:
    device, client = await started()
    await client.ok("00")
    await client.ok("07")
    await client.ok("022c01")
    await asyncio.sleep(5)
    assert await client.command("07") == bytes.fromhex("800704")  # already running
    mark = len(client.got)
    await client.ok("0802")
    assert client.since(mark, "S") == ["S 0202"]
    await asyncio.sleep(5)
    assert device.state is BeltState.PAUSED
    assert device.belt_speed_kmh == 0.0
    elapsed, distance = device.elapsed_s, device.distance_m
    await asyncio.sleep(10)
    assert (device.elapsed_s, device.distance_m) == (elapsed, distance)
    await client.ok("07")
    await asyncio.sleep(5)
    assert device.belt_speed_kmh == pytest.approx(3.0)
    assert device.distance_m > distance
    await device.close()


async def test_incline_moves_at_a_limited_rate() -> None:
    device, client = await started()
    await client.ok("00")
    await client.ok("036400")  # 10.0 %
    assert client.statuses() == ["066400"]
    await asyncio.sleep(4)
    assert device.incline_pct == pytest.approx(0.5 * 4.5, abs=0.3)
    await asyncio.sleep(30)
    assert device.incline_pct == pytest.approx(10.0)
    await device.close()


async def test_write_needs_indications_enabled() -> None:
    device = VirtualTreadmill()
    await device.connect()
    with pytest.raises(SimAttError) as err:
        await device.write(CP, b"\x00")
    assert err.value.code == 0xFD
    await device.close()


async def test_write_while_a_procedure_is_pending_is_refused() -> None:
    device, client = await started()
    await device.write(CP, b"\x00")
    with pytest.raises(SimAttError) as err:
        await device.write(CP, b"\x07")
    assert err.value.code == 0xFE
    await asyncio.sleep(0.1)
    await client.ok("07")
    await device.close()


async def test_read_and_write_need_a_link() -> None:
    device = VirtualTreadmill()
    with pytest.raises(SimLinkDown):
        await device.read("2ad4")
    with pytest.raises(SimLinkDown):
        await device.write(CP, b"\x00")
    await device.close()


async def test_treadmill_data_at_four_hertz_with_integrated_distance() -> None:
    device, client = await started()
    await client.ok("00")
    await client.ok("02e803")  # 10.00 km/h
    await client.ok("07")
    mark = len(client.data_packets())
    await asyncio.sleep(60)
    packets = client.data_packets()[mark:]
    assert 238 <= len(packets) <= 242
    last = packets[-1]
    flags = struct.unpack_from("<H", last)[0]
    assert flags & 1 == 0
    speed = struct.unpack_from("<H", last, 2)[0]
    assert speed == 1000
    distance = int.from_bytes(last[6:9], "little")
    # 60 s at 10 km/h (166.7 m) minus the ramp from 0.5 (9.5 s at 1 km/h/s loses 12.5 m)
    assert 152 <= distance <= 156
    assert device.distance_m == pytest.approx(distance, abs=2.0)
    await device.close()


async def test_acceleration_and_deceleration_are_limited() -> None:
    device, client = await started()
    await client.ok("00")
    await client.ok("02e803")  # 10 km/h
    await client.ok("07")
    await asyncio.sleep(2.0)
    assert device.belt_speed_kmh == pytest.approx(0.5 + 1.0 * 2.0, abs=0.6)
    await asyncio.sleep(10)
    assert device.belt_speed_kmh == pytest.approx(10.0)
    await client.ok("02c800")  # 2 km/h: down at 1.5 km/h/s
    await asyncio.sleep(2.0)
    assert device.belt_speed_kmh == pytest.approx(10.0 - 1.5 * 2.0, abs=1.0)
    await device.close()


# looptime spends 42 no-op loop cycles on every time jump by default: ~2.5 s of wall time for
# the 14 400 records of an hour, against ~0.6 s for the device itself. Long runs lower it.
@pytest.mark.looptime(noop_cycles=4)
async def test_one_hour_runs_fast_in_loop_time() -> None:
    device, client = await started()
    await client.ok("00")
    await client.ok("02f401")  # 5 km/h
    await client.ok("07")
    wall_start = time.perf_counter()
    await asyncio.sleep(3600)
    assert device.distance_m == pytest.approx(5000, rel=0.01)
    assert device.elapsed_s == pytest.approx(3600, abs=2)
    assert device.steps == pytest.approx(5000 / 0.7, rel=0.01)
    assert len(client.data_packets()) > 14_000
    assert time.perf_counter() - wall_start < 5.0  # measured ~1 s on 2 busy cores
    await device.close()


async def test_data_notifications_only_while_subscribed() -> None:
    device = VirtualTreadmill()
    client = DeviceClient(device)
    await client.connect(data=False)
    await asyncio.sleep(2)
    assert client.data_packets() == []
    got: list[bytes] = []
    device.set_subscriber(DATA, got.append)
    await asyncio.sleep(1.1)
    assert len(got) == 4
    device.set_subscriber(DATA, None)
    await asyncio.sleep(1)
    assert len(got) == 4
    await device.close()
