"""The FTMS codec on real bytes: what real treadmills send, decoded as the app must see it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from link_harness import expected_wire

from treadmill_ctl.ftms import codec
from treadmill_ctl.ftms.model import (
    BadPacket,
    MachineStatus,
    MachineStatusKind,
    Result,
    SettingRange,
    TrainingStatus,
    TreadmillData,
)

CS_WP8_RECORD = bytes.fromhex("84 24 c8 00 09 00 00 00 00 ff ff ff 12 00 14 00 00")


def feed(*packets: bytes) -> list[TreadmillData | BadPacket]:
    assembler = codec.TreadmillDataAssembler()
    out: list[TreadmillData | BadPacket] = []
    for p in packets:
        out += assembler.feed(p)
    return out


# ---- Treadmill Data


def test_cs_wp8_record_decodes_to_the_values_of_the_capture() -> None:
    (record,) = feed(CS_WP8_RECORD)
    assert record == TreadmillData(
        speed_kmh=2.0, distance_m=9, energy_kcal=0, elapsed_s=18, steps=20
    )  # energy per hour / per minute were FFFF / FF: not available -> None


def test_every_field_in_flag_order() -> None:
    data = bytes.fromhex(
        "fe3f"  # flags: bits 1..13, speed present
        "2c01"  # speed 3.00
        "1801"  # avg speed 2.80
        "e80300"  # distance 1000
        "1400"
        "0b00"  # incline 2.0 %, ramp 1.1 deg
        "7c00"
        "0500"  # elevation +12.4 m, -0.5 m
        "05"
        "04"  # pace 0.5 / 0.4 km/min
        "2a00"
        "b400"
        "03"  # energy 42, 180/h, 3/min
        "78"  # HR 120
        "23"  # MET 3.5
        "5802"
        "2c01"  # elapsed 600 s, remaining 300 s
        "0a00"
        "3200"  # force 10 N, power 50 W
        "e80300"  # steps 1000
    )
    (record,) = feed(data)
    assert record == TreadmillData(
        speed_kmh=3.0,
        avg_speed_kmh=2.8,
        distance_m=1000,
        incline_pct=2.0,
        ramp_angle_deg=1.1,
        elevation_gain_m=12.4,
        elevation_loss_m=0.5,
        inst_pace_kmmin=0.5,
        avg_pace_kmmin=0.4,
        energy_kcal=42,
        energy_per_hour_kcal=180,
        energy_per_min_kcal=3,
        hr_bpm=120,
        met=3.5,
        elapsed_s=600,
        remaining_s=300,
        force_n=10,
        power_w=50,
        steps=1000,
    )


def test_negative_incline_and_elevation_as_float() -> None:
    (record,) = feed(bytes.fromhex("18000000ecffe7ff7c000000"))
    assert record.incline_pct == -2.0
    assert record.ramp_angle_deg == -2.5
    assert record.elevation_gain_m == 12.4
    assert isinstance(record.elevation_gain_m, float)


@pytest.mark.parametrize(
    ("hexdata", "field"),
    [
        ("08000000ff7fff7f", "incline_pct"),
        ("10000000ffffffff", "elevation_gain_m"),
        ("10000000ff7fff7f", "elevation_gain_m"),  # 0x7FFF in an unsigned field
        ("02000000ffff", "avg_speed_kmh"),
        ("02000000ff7f", "avg_speed_kmh"),
        ("80000000ffffffffff", "energy_kcal"),
        ("00100000ff7fff7f", "power_w"),
        ("0001000000", "hr_bpm"),  # no pulse sensor
    ],
)
def test_not_available_values_are_none(hexdata: str, field: str) -> None:
    (record,) = feed(bytes.fromhex(hexdata))
    assert record.speed_kmh == 0.0
    assert getattr(record, field) is None


def test_reserved_flag_bits_are_ignored() -> None:
    (record,) = feed(bytes.fromhex("04c0c800090000"))
    assert record == TreadmillData(speed_kmh=2.0, distance_m=9)


def test_trailing_bytes_after_the_fields_are_ignored() -> None:
    (record,) = feed(bytes.fromhex("0000c800deadbeef"))
    assert record == TreadmillData(speed_kmh=2.0)


def test_split_record_is_assembled_from_its_packets() -> None:
    first = bytes.fromhex("85040900002a00ffffff1200")  # more data; dist, energy, elapsed
    last = bytes.fromhex("0020c800140000")  # speed + steps
    assert feed(first) == []
    assert feed(first, last) == [
        TreadmillData(speed_kmh=2.0, distance_m=9, energy_kcal=42, elapsed_s=18, steps=20)
    ]


def test_record_restarted_before_its_last_packet_is_still_delivered() -> None:
    first = bytes.fromhex("0500090000")
    again = bytes.fromhex("05000a0000")
    last = bytes.fromhex("0000c800")
    assert feed(first, again, last) == [
        TreadmillData(distance_m=9),
        TreadmillData(speed_kmh=2.0, distance_m=10),
    ]


def test_partial_record_is_dropped_on_reset() -> None:
    assembler = codec.TreadmillDataAssembler()
    assert assembler.feed(bytes.fromhex("0500090000")) == []
    assembler.reset()
    assert assembler.feed(bytes.fromhex("0000c800")) == [TreadmillData(speed_kmh=2.0)]


def test_truncated_record_keeps_complete_fields_and_reports_the_rest() -> None:
    # A 20-byte packet whose flags promise more (elevation, energy, HR, elapsed).
    data = bytes.fromhex("9e052c011801e8030014000b007c0005002a00b4")
    assert len(data) == 20
    record, bad = feed(data)
    assert record == TreadmillData(
        speed_kmh=3.0,
        avg_speed_kmh=2.8,
        distance_m=1000,
        incline_pct=2.0,
        ramp_angle_deg=1.1,
        elevation_gain_m=12.4,
        elevation_loss_m=0.5,
        energy_kcal=42,
    )
    assert isinstance(bad, BadPacket)
    assert bad.uuid16 == 0x2ACD
    assert "energy_per_hour_kcal" in bad.reason
    assert "hr_bpm" in bad.reason
    assert "elapsed_s" in bad.reason


def test_packet_without_one_complete_field_is_only_reported() -> None:
    (bad,) = feed(bytes.fromhex("8424c8"))
    assert isinstance(bad, BadPacket)
    assert bad.raw == "84 24 c8"


@pytest.mark.parametrize("data", [b"", b"\x00"])
def test_packet_shorter_than_its_flags_is_bad(data: bytes) -> None:
    (bad,) = feed(data)
    assert isinstance(bad, BadPacket)


def test_all_zero_record_is_a_record() -> None:
    (record,) = feed(bytes.fromhex("8404000000000000000000000000"))
    assert record == TreadmillData(
        speed_kmh=0.0,
        distance_m=0,
        energy_kcal=0,
        energy_per_hour_kcal=0,
        energy_per_min_kcal=0,
        elapsed_s=0,
    )


def test_field_present_in_one_record_and_absent_in_the_next() -> None:
    a, b = feed(bytes.fromhex("0400c800090000"), bytes.fromhex("0000c800"))
    assert a == TreadmillData(speed_kmh=2.0, distance_m=9)
    assert b == TreadmillData(speed_kmh=2.0)


@given(
    st.builds(
        TreadmillData,
        speed_kmh=st.integers(0, 0x7FFE).map(lambda r: r / 100),
        distance_m=st.none() | st.integers(0, 0xFFFFFE),
        incline_pct=st.none() | st.integers(-300, 400).map(lambda r: r / 10),
        ramp_angle_deg=st.just(None),
        energy_kcal=st.none() | st.integers(0, 0x7FFE),
        elapsed_s=st.none() | st.integers(0, 0xFFFE),
        steps=st.none() | st.integers(0, 0xFFFFFE),
    )
)
def test_encode_then_decode_is_identity(record: TreadmillData) -> None:
    if record.incline_pct is not None:
        record = TreadmillData(**{**_asdict(record), "ramp_angle_deg": 0.0})
    if record.energy_kcal is not None:
        record = TreadmillData(
            **{**_asdict(record), "energy_per_hour_kcal": None, "energy_per_min_kcal": None}
        )
    assert feed(codec.encode_treadmill_data(record)) == [record]


def _asdict(record: TreadmillData) -> dict[str, object]:
    return {name: getattr(record, name) for name in TreadmillData.__slots__}


@given(st.binary(max_size=40))
def test_treadmill_data_never_raises(data: bytes) -> None:
    out = feed(data)
    assert all(isinstance(x, TreadmillData | BadPacket) for x in out)


# ---- Machine Status


@pytest.mark.parametrize(
    ("hexdata", "kind", "value"),
    [
        ("01", MachineStatusKind.RESET, None),
        ("0201", MachineStatusKind.STOPPED_BY_USER, None),
        ("020100", MachineStatusKind.STOPPED_BY_USER, None),  # CS-WP8 trailing byte
        ("0202", MachineStatusKind.PAUSED_BY_USER, None),
        ("02", MachineStatusKind.STOPPED_BY_USER, None),  # parameter missing: taken as a stop
        ("03", MachineStatusKind.STOPPED_BY_SAFETY_KEY, None),
        ("04", MachineStatusKind.STARTED_BY_USER, None),
        ("040000", MachineStatusKind.STARTED_BY_USER, None),  # CS-WP8 trailing bytes
        ("059600", MachineStatusKind.TARGET_SPEED_CHANGED, 1.5),
        ("06ecff", MachineStatusKind.TARGET_INCLINE_CHANGED, -2.0),
        ("ff", MachineStatusKind.CONTROL_LOST, None),
        ("ff00", MachineStatusKind.CONTROL_LOST, None),
        ("07", MachineStatusKind.OTHER, None),
        ("42abcd", MachineStatusKind.OTHER, None),
    ],
)
def test_machine_status(hexdata: str, kind: MachineStatusKind, value: float | None) -> None:
    status = codec.decode_machine_status(bytes.fromhex(hexdata))
    assert status == MachineStatus(kind, value, bytes.fromhex(hexdata).hex(" "))


@pytest.mark.parametrize("hexdata", ["", "0596", "06ec"])
def test_malformed_machine_status_is_a_bad_packet(hexdata: str) -> None:
    assert isinstance(codec.decode_machine_status(bytes.fromhex(hexdata)), BadPacket)


# ---- Training Status


@pytest.mark.parametrize(
    ("hexdata", "expected"),
    [
        ("0101", TrainingStatus(0x01)),  # CS-WP8: string flag set, no string follows
        ("010e", TrainingStatus(0x0E)),
        ("000d", TrainingStatus(0x0D)),
        ("0104576172", TrainingStatus(0x04, "War")),
        ("0401", TrainingStatus(0x01)),  # flags > 3
        ("ff01", TrainingStatus(0x01)),
        ("0042", TrainingStatus(0x42)),  # unknown code kept
    ],
)
def test_training_status(hexdata: str, expected: TrainingStatus) -> None:
    assert codec.decode_training_status(bytes.fromhex(hexdata)) == expected


@pytest.mark.parametrize("hexdata", ["", "01"])
def test_short_training_status_is_bad(hexdata: str) -> None:
    assert isinstance(codec.decode_training_status(bytes.fromhex(hexdata)), BadPacket)


# ---- Control point


def _expected_speed_wire(kmh: float, rng: SettingRange | None) -> str:
    if rng is None:
        return expected_wire(0x02, kmh, lo=0.0, hi=655.35, step=0.01, scale=100)
    return expected_wire(0x02, kmh, lo=rng.minimum, hi=rng.maximum, step=rng.step, scale=100)


@pytest.mark.parametrize("tenths", range(201))
def test_set_speed_0_to_20_kmh_is_exact_never_truncated(tenths: int) -> None:
    kmh = tenths / 10
    request = codec.encode_set_speed(kmh)
    assert request.wire == _expected_speed_wire(kmh, None)
    assert request.value == kmh


def test_set_speed_2_3_is_02_e6_00() -> None:
    assert codec.encode_set_speed(2.3).data == bytes.fromhex("02e600")
    assert codec.encode_set_speed(3.0).data == bytes.fromhex("022c01")


@pytest.mark.parametrize("tenths", range(0, 201))
def test_set_speed_snaps_to_the_cs_wp8_grid(tenths: int) -> None:
    rng = SettingRange(1.0, 6.0, 0.5)
    request = codec.encode_set_speed(tenths / 10, rng)
    assert request.wire == _expected_speed_wire(tenths / 10, rng)
    assert request.value is not None
    assert 1.0 <= request.value <= 6.0


@pytest.mark.parametrize("tenths", range(-50, 151))
def test_set_incline_minus_5_to_15_is_exact(tenths: int) -> None:
    request = codec.encode_set_incline(tenths / 10)
    assert request.data == b"\x03" + tenths.to_bytes(2, "little", signed=True)


def test_set_incline_clamps_and_rounds_to_the_machine() -> None:
    rng = SettingRange(-5.0, 15.0, 0.5)
    assert codec.encode_set_incline(-2.0, rng).wire == "03 ec ff"
    assert codec.encode_set_incline(2.3, rng).value == 2.5
    assert codec.encode_set_incline(40.0, rng).value == 15.0
    assert codec.encode_set_incline(-40.0, rng).value == -5.0


def test_op_encodings() -> None:
    assert codec.encode_request_control().wire == "00"
    assert codec.encode_start().wire == "07"
    assert codec.encode_stop().wire == "08 01"
    assert codec.encode_pause().wire == "08 02"
    assert codec.encode_reset().wire == "01"


@pytest.mark.parametrize(
    ("hexdata", "op", "result"),
    [
        ("800001", 0x00, Result.SUCCESS),
        ("800201", 0x02, Result.SUCCESS),
        ("800202", 0x02, Result.NOT_SUPPORTED),
        ("800203", 0x02, Result.INVALID_PARAMETER),
        ("800704", 0x07, Result.FAILED),
        ("800805", 0x08, Result.NOT_PERMITTED),
        ("800206", 0x02, Result.ERROR),  # result codes >= 06: an error, not an exception
        ("8002ff", 0x02, Result.ERROR),
        ("80020100", 0x02, Result.SUCCESS),  # parameter bytes
    ],
)
def test_indication(hexdata: str, op: int, result: Result) -> None:
    ind = codec.decode_indication(bytes.fromhex(hexdata))
    assert isinstance(ind, codec.Indication)
    assert (ind.request_op, ind.result) == (op, result)


@pytest.mark.parametrize("hexdata", ["", "80", "8002", "010201"])
def test_bad_indication(hexdata: str) -> None:
    assert isinstance(codec.decode_indication(bytes.fromhex(hexdata)), BadPacket)


# ---- Feature and ranges


def test_cs_wp8_feature() -> None:
    features = codec.decode_features(bytes.fromhex("4412000001000000"))
    assert features == codec.Features(0x1244, 0x01)
    assert isinstance(features, codec.Features)
    assert features.can_set_speed
    assert not features.can_set_incline


def test_feature_bits_above_16_are_kept() -> None:
    features = codec.decode_features(bytes.fromhex("ffff0f0003000600"))
    assert features == codec.Features(0x000FFFFF, 0x00060003)


def test_short_feature() -> None:
    assert codec.decode_features(bytes.fromhex("44120000")) == codec.Features(0x1244, 0)
    assert isinstance(codec.decode_features(b"\x44"), BadPacket)


def test_cs_wp8_speed_range() -> None:
    assert codec.decode_speed_range(bytes.fromhex("640058023200")) == SettingRange(1.0, 6.0, 0.5)
    assert codec.decode_speed_range(bytes.fromhex("64005802320000")) == SettingRange(1.0, 6.0, 0.5)


def test_incline_range() -> None:
    assert codec.decode_incline_range(bytes.fromhex("ceff96000500")) == SettingRange(
        -5.0, 15.0, 0.5
    )


@pytest.mark.parametrize("hexdata", ["6400", "580264003200"])
def test_bad_ranges(hexdata: str) -> None:
    assert isinstance(codec.decode_speed_range(bytes.fromhex(hexdata)), BadPacket)


# ---- Advertising


@pytest.mark.parametrize(
    ("data", "machine_type"),
    [
        (bytes.fromhex("010100"), "treadmill"),  # conformant
        (bytes.fromhex("010001"), "treadmill"),  # type bytes reversed
        (bytes.fromhex("0101"), "treadmill"),  # one type byte
        (bytes.fromhex("012000"), "indoor_bike"),
        (bytes.fromhex("010000"), "unknown"),
        (b"", "unknown"),
        (None, "unknown"),  # no service data at all
    ],
)
def test_service_data(data: bytes | None, machine_type: str) -> None:
    assert codec.decode_service_data(data).machine_type.value == machine_type
