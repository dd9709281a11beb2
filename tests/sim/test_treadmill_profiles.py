"""Each built-in profile reproduces its real machines' quirks, byte for byte."""

from __future__ import annotations

import asyncio
import dataclasses
import struct

import pytest
from treadmill_client import CP, DeviceClient

from treadmill_ctl.sim import gatt
from treadmill_ctl.sim.att import SimAttError
from treadmill_ctl.sim.profiles import (
    BUILTIN_PROFILES,
    AdvertVariant,
    IdleRecords,
    OffStep,
    OutOfRange,
    SimProfile,
    SpeedWhenStopped,
    SplitRecords,
    StatusOrder,
)
from treadmill_ctl.sim.treadmill import BeltState, VirtualTreadmill

pytestmark = pytest.mark.looptime


async def device_for(profile: str | SimProfile) -> tuple[VirtualTreadmill, DeviceClient]:
    p = BUILTIN_PROFILES[profile] if isinstance(profile, str) else profile
    device = VirtualTreadmill(p)
    client = DeviceClient(device)
    await client.connect()
    return device, client


def ideal(**changes: object) -> SimProfile:
    return dataclasses.replace(BUILTIN_PROFILES["ideal"], **changes)  # type: ignore[arg-type]


# ---- cs-wp8 -----------------------------------------------------------------------------------


async def test_cs_wp8_ranges_features_and_no_incline() -> None:
    device, client = await device_for("cs-wp8")
    assert await device.read("2ad4") == bytes.fromhex("640058023200")
    assert await device.read("2acc") == bytes.fromhex("4412000001000000")
    assert await device.read("2ad3") == bytes.fromhex("0101")
    uuids = {c.uuid for s in device.services() for c in s.characteristics}
    assert gatt.INCLINE_RANGE not in uuids
    assert await client.command("03ecff") == bytes.fromhex("800302")
    await device.close()


async def test_cs_wp8_session_matches_the_capture() -> None:
    device, client = await device_for("cs-wp8")
    await client.ok("07")  # no Request Control needed
    await client.ok("00")  # but accepted
    await client.ok("0801")
    await asyncio.sleep(1)
    mark = len(client.got)
    await client.ok("07", wait=0.5)
    assert client.events(mark) == ["S 040000", "T 010e", "I 800701"]
    assert device.belt_speed_kmh == 0.0  # about 3 s before the belt moves
    await asyncio.sleep(2.0)
    assert device.belt_speed_kmh == 0.0
    assert client.events(mark)[-1] == "I 800701"
    await asyncio.sleep(1.0)
    assert client.events(mark)[-1] == "T 010d"
    await asyncio.sleep(1.0)
    assert device.belt_speed_kmh == pytest.approx(1.0)
    mark = len(client.got)
    await client.ok("029600")  # 1.50 km/h
    assert client.events(mark) == ["S 059600", "I 800201"]
    await asyncio.sleep(20)
    mark = len(client.got)
    await client.ok("0801")
    assert client.events(mark) == ["T 010f", "S 020100", "I 800801"]
    speed = device.belt_speed_kmh
    await asyncio.sleep(1.0)
    assert speed - device.belt_speed_kmh == pytest.approx(0.3, abs=0.01)
    await device.close()


async def test_cs_wp8_treadmill_data_layout() -> None:
    device, client = await device_for("cs-wp8")
    await client.ok("07")
    await client.ok("02c800")  # 2.00 km/h
    await asyncio.sleep(20)
    record = client.data_packets()[-1]
    assert record[:2] == bytes.fromhex("8424")  # speed, distance, energy, elapsed, steps
    assert len(record) == 17
    assert struct.unpack_from("<H", record, 2)[0] == 200
    assert record[9:12] == b"\xff\xff\xff"  # energy per hour / minute not available
    elapsed = struct.unpack_from("<H", record, 12)[0]
    steps = int.from_bytes(record[14:17], "little")
    distance = int.from_bytes(record[4:7], "little")
    assert 15 <= elapsed <= 17
    assert steps == pytest.approx(distance / 0.45, abs=3)
    await device.close()


async def test_cs_wp8_speed_range_rejects_and_rounds() -> None:
    device, client = await device_for("cs-wp8")
    await client.ok("07")
    assert await client.command("025e00") == bytes.fromhex("800203")  # 0.94: below 1.0
    assert await client.command("028602") == bytes.fromhex("800203")  # 6.46: above 6.0
    await client.ok("02a000")  # 1.60 -> nearest step 1.50
    assert device.target_speed_kmh == pytest.approx(1.5)
    await device.close()


# ---- strict -----------------------------------------------------------------------------------


async def test_strict_refuses_repeats_and_off_step_values() -> None:
    device, client = await device_for("strict")
    assert await client.command("07") == bytes.fromhex("800705")
    await client.ok("00")
    await client.ok("07")
    assert await client.command("07") == bytes.fromhex("800704")
    assert await client.command("022d01") == bytes.fromhex("800203")  # 3.01: off the 0.1 grid
    assert await client.command("02e100") == bytes.fromhex("800203")  # 2.25 (pyftms' 2.3 → 2.29)
    await client.ok("02e600")  # 2.30 exactly
    await client.ok("0802")
    assert await client.command("0802") == bytes.fromhex("800804")
    await client.ok("0801")
    assert await client.command("0801") == bytes.fromhex("800804")
    await device.close()


async def test_ideal_answers_a_repeated_stop_with_success() -> None:
    device, client = await device_for("ideal")
    await client.ok("00")
    await client.ok("0801")
    await client.ok("0801")
    await device.close()


# ---- mph --------------------------------------------------------------------------------------


async def test_mph_console_runs_faster_than_asked() -> None:
    device, client = await device_for("mph")
    assert await device.read("2ad4") == struct.pack("<HHH", 30, 1200, 10)
    await client.ok("00")
    mark = len(client.got)
    await client.ok("026400")  # "1.00 km/h"
    assert client.events(mark)[-1] == "S 056400"
    await client.ok("07")
    await asyncio.sleep(5)
    assert device.belt_speed_kmh == pytest.approx(1.61, abs=0.01)
    record = client.data_packets()[-1]
    assert struct.unpack_from("<H", record, 2)[0] == 161  # reported in km/h: what the belt does
    await device.close()


# ---- laggy ------------------------------------------------------------------------------------


async def test_laggy_indications_come_after_two_and_a_half_seconds() -> None:
    device, client = await device_for("laggy")
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await device.write(CP, b"\x00")
    await device.write(CP, bytes.fromhex("022c01"))  # accepted while the first is pending
    await asyncio.sleep(3)
    indications = [(r.t - t0, r.data.hex()) for r in client.got if r.what == "I"]
    assert [h for _, h in indications] == ["800001", "800201"]
    assert indications[0][0] == pytest.approx(2.5, abs=0.01)
    await device.close()


async def test_laggy_splits_every_record_with_reserved_bits() -> None:
    device, client = await device_for("laggy")
    await asyncio.sleep(2)
    packets = client.data_packets()
    assert len(packets) >= 14
    firsts, lasts = packets[0::2], packets[1::2]
    for first, last in zip(firsts, lasts, strict=False):
        f1 = struct.unpack_from("<H", first)[0]
        f2 = struct.unpack_from("<H", last)[0]
        assert f1 & 0x0001  # More Data: no speed here
        assert not f2 & 0x0001  # last packet carries the speed
        assert f1 & 0xC000 == 0xC000
        assert f2 & 0xC000 == 0xC000
        assert (f1 | f2) & 0x3FFE == 0x048E & 0x3FFE  # all the ideal fields, between them
    await device.close()


# ---- the other quirk switches -----------------------------------------------------------------


async def test_records_truncated_at_twenty_bytes_while_flags_promise_more() -> None:
    p = ideal(
        data_fields=("avg_speed", "distance", "incline", "elevation", "energy", "elapsed"),
        truncate_records=True,
    )
    device, client = await device_for(p)
    await asyncio.sleep(1)
    record = client.data_packets()[-1]
    assert len(record) == 20
    flags = struct.unpack_from("<H", record)[0]
    assert flags & (1 << 10)  # elapsed promised, cut off
    await device.close()


async def test_unsigned_fields_can_carry_7fff_and_fields_can_vanish() -> None:
    p = ideal(
        data_fields=("distance", "elevation", "elapsed"),
        unavailable_fields=("elevation",),
        unsigned_unavailable=0x7FFF,
        vanishing_fields=("distance",),
    )
    device, client = await device_for(p)
    await asyncio.sleep(1.1)
    a, b = client.data_packets()[-2:]
    flags = [struct.unpack_from("<H", r)[0] for r in (a, b)]
    assert {f & 0x0004 for f in flags} == {0, 0x0004}  # distance there in one, not the next
    with_distance = a if flags[0] & 0x0004 else b
    assert with_distance[7:11] == bytes.fromhex("ff7fff7f")
    await device.close()


@pytest.mark.parametrize(
    ("policy", "records"),
    [(IdleRecords.ALL_ZERO, "zero"), (IdleRecords.NONE, "none"), (IdleRecords.NORMAL, "some")],
)
async def test_idle_records(policy: IdleRecords, records: str) -> None:
    device, client = await device_for(ideal(idle_records=policy, data_fields=("energy",)))
    await asyncio.sleep(1.1)
    packets = client.data_packets()
    if records == "none":
        assert packets == []
    elif records == "zero":
        assert packets[-1] == bytes.fromhex("8000") + bytes(7)
    else:
        assert packets[-1] == bytes.fromhex("8000") + bytes(4) + bytes.fromhex("000000")
    await device.close()


async def test_out_of_range_clamped_and_off_step_truncated() -> None:
    p = ideal(out_of_range=OutOfRange.CLAMP, off_step=OffStep.TRUNCATE)
    device, client = await device_for(p)
    await client.ok("00")
    mark = len(client.got)
    await client.ok("02c409")  # 25.00 km/h -> 20.00
    assert client.events(mark)[-1] == "S 05d007"
    await client.ok("023101")  # 3.05 -> 3.00
    assert device.target_speed_kmh == pytest.approx(3.0)
    await device.close()


async def test_out_of_range_ignored_is_a_lie() -> None:
    device, client = await device_for(ideal(out_of_range=OutOfRange.IGNORE))
    await client.ok("00")
    await client.ok("022c01")
    await client.ok("02c409")
    assert device.target_speed_kmh == pytest.approx(3.0)
    await device.close()


async def test_every_command_control_and_a_refused_repeat() -> None:
    device, client = await device_for("picky")
    await client.ok("00")
    assert await client.command("00") == bytes.fromhex("800004")
    await client.ok("07", wait=3)
    assert await client.command("0802") == bytes.fromhex("800805")  # used up by Start
    await client.ok("00")
    await client.ok("022c01")
    await device.close()


async def test_start_key_toggles_pause_and_speed_only_once_running() -> None:
    device, client = await device_for("picky")
    await client.ok("00")
    assert await client.command("022c01") == bytes.fromhex("800204")  # belt not running
    await client.ok("00")
    await client.ok("07", wait=3)
    assert device.state is BeltState.RUNNING
    await client.ok("00")
    await client.ok("07")
    assert device.state is BeltState.PAUSED
    assert client.statuses()[-1] == "0202"
    await device.close()


async def test_speed_before_start_ignored() -> None:
    device, client = await device_for(ideal(speed_when_stopped=SpeedWhenStopped.IGNORE))
    await client.ok("00")
    await client.ok("022c01")
    await client.ok("07", wait=5)
    assert device.belt_speed_kmh == pytest.approx(0.5)  # the minimum, not 3.0
    await device.close()


async def test_no_machine_status_to_the_commanding_client() -> None:
    device, client = await device_for(ideal(status_order=StatusOrder.NONE))
    await client.ok("00")
    await client.ok("07")
    await client.ok("022c01")
    assert client.statuses() == []
    assert client.statuses("T") == ["000e", "000d"]
    await device.close()


@pytest.mark.parametrize(
    ("variant", "uuids", "data"),
    [
        (AdvertVariant.CONFORMANT, [gatt.FTMS_SERVICE], {gatt.FTMS_SERVICE: b"\x01\x01\x00"}),
        (AdvertVariant.REVERSED, [gatt.FTMS_SERVICE], {gatt.FTMS_SERVICE: b"\x01\x00\x01"}),
        (AdvertVariant.ONE_BYTE, [gatt.FTMS_SERVICE], {gatt.FTMS_SERVICE: b"\x01\x01"}),
        (AdvertVariant.NONE, [gatt.FTMS_SERVICE], {}),
        (AdvertVariant.NAME_ONLY, [], {}),
    ],
)
async def test_advert_variants(
    variant: AdvertVariant, uuids: list[str], data: dict[str, bytes]
) -> None:
    device = VirtualTreadmill(ideal(advert=variant), name="Pad")
    adv = device.advertisement()
    assert (adv.local_name, adv.service_uuids, adv.service_data) == ("Pad", uuids, data)
    await device.close()


async def test_extra_data_rate() -> None:
    device, client = await device_for(ideal(data_interval_s=0.1))
    await asyncio.sleep(1.05)
    assert len(client.data_packets()) == 10
    await device.close()


async def test_split_records_only_when_too_large_in_auto_mode() -> None:
    fields = ("avg_speed", "distance", "incline", "elevation", "energy", "elapsed", "steps")
    device, client = await device_for(ideal(data_fields=fields, split_records=SplitRecords.AUTO))
    await asyncio.sleep(1.1)
    packets = client.data_packets()
    assert all(len(p) <= 20 for p in packets)
    assert struct.unpack_from("<H", packets[0])[0] & 1 == 1
    await device.close()


async def test_profiles_all_run_a_start_speed_stop_cycle() -> None:
    for name, profile in BUILTIN_PROFILES.items():
        device, client = await device_for(profile)
        await client.ok("00", wait=3)
        await client.ok("07", wait=4)
        if profile.control.value == "every-command":
            await client.ok("00", wait=3)
        await client.ok("029600", wait=3)  # 1.50 (mph: 2.41 km/h)
        await asyncio.sleep(5)
        assert device.belt_speed_kmh > 1.0, name
        if profile.control.value == "every-command":
            await client.ok("00", wait=3)
        await client.ok("0801", wait=3)
        await asyncio.sleep(10)
        assert device.belt_speed_kmh == 0.0, name
        await device.close()


async def test_write_with_unknown_uuid_or_without_response_permission() -> None:
    device, _ = await device_for("ideal")
    with pytest.raises(SimAttError) as err:
        await device.write("2a00", b"x")
    assert err.value.code == 0x0A
    with pytest.raises(SimAttError) as err:
        await device.write("2ad4", b"\x00")
    assert err.value.code == 0x03
    with pytest.raises(SimAttError) as err:
        await device.write(CP, b"\x00", response=False)
    assert err.value.code == 0x03
    await device.close()


def test_fields_go_on_the_wire_in_flag_order_whatever_order_a_profile_lists_them() -> None:
    from treadmill_ctl.ftms.codec import DataPacket, parse_treadmill_data

    ideal = BUILTIN_PROFILES["ideal"]
    listed_last = dataclasses.replace(ideal, data_fields=(*ideal.data_fields, "hr"), att_payload=64)
    snapshot = gatt.DataSnapshot(speed_kmh=6.0, distance_m=1234, elapsed_s=300, hr_bpm=131)
    (packet,) = gatt.treadmill_data_packets(snapshot, listed_last)
    parsed = parse_treadmill_data(packet)
    assert isinstance(parsed, DataPacket)
    assert parsed.values["hr_bpm"] == 131
    assert parsed.values["elapsed_s"] == 300
    assert parsed.values["distance_m"] == 1234
