"""Heart Rate Measurement (0x2A37) parsing on packets in the formats real straps send."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treadmill_ctl.ftms.model import BadPacket
from treadmill_ctl.hr.codec import (
    BodySensorLocation,
    HeartRateMeasurement,
    SensorContact,
    encode_heart_rate_measurement,
    parse_body_sensor_location,
    parse_heart_rate_measurement,
)


def _parse(hex_bytes: str) -> HeartRateMeasurement:
    parsed = parse_heart_rate_measurement(bytes.fromhex(hex_bytes))
    assert isinstance(parsed, HeartRateMeasurement), parsed
    return parsed


def test_chest_strap_8bit_with_contact_and_one_rr_interval() -> None:
    # Polar H7/H10 style: flags 0x16 = RR present, contact supported and detected.
    m = _parse("16 3c 7b 03")
    assert m.bpm == 60
    assert m.contact is SensorContact.DETECTED
    assert m.rr_intervals_s == pytest.approx((891 / 1024,))
    assert m.energy_kj is None


def test_16bit_value() -> None:
    m = _parse("01 a0 00")
    assert m.bpm == 160
    assert m.contact is SensorContact.NOT_SUPPORTED


def test_contact_not_supported_keeps_the_value() -> None:
    m = _parse("00 50")
    assert m.bpm == 80
    assert m.contact is SensorContact.NOT_SUPPORTED
    assert not m.contact_lost


def test_contact_supported_but_not_detected_gives_no_heart_rate() -> None:
    # What a strap sends when it slips: contact bit clear, value 0 (or a stale value).
    for packet in ("04 00", "04 48"):
        m = _parse(packet)
        assert m.bpm is None
        assert m.contact_lost


def test_energy_expended_then_several_rr_intervals() -> None:
    # flags 0x1e: RR + energy + contact detected; HR 100; 10000 kJ; RR 1.0 s and 0.8 s.
    m = _parse("1e 64 10 27 00 04 33 03")
    assert m.bpm == 100
    assert m.energy_kj == 10000
    assert m.rr_intervals_s == pytest.approx((1.0, 819 / 1024))


def test_16bit_value_with_rr_intervals() -> None:
    m = _parse("17 b4 00 55 02 50 02")
    assert m.bpm == 180
    assert m.rr_intervals_s == pytest.approx((597 / 1024, 592 / 1024))


def test_zero_and_implausible_values_are_not_heart_rates() -> None:
    assert _parse("00 00").bpm is None
    m = _parse("01 2c 01")  # 300 bpm
    assert m.bpm is None
    assert m.raw_bpm == 300


def test_odd_trailing_rr_byte_is_dropped_not_fatal() -> None:
    m = _parse("16 48 0e 03 01")
    assert m.bpm == 72
    assert m.rr_intervals_s == pytest.approx((782 / 1024,))


@pytest.mark.parametrize(
    ("packet", "reason"),
    [
        ("", "empty"),
        ("00", "missing"),
        ("01 50", "16-bit"),
        ("08 50 10", "energy"),
    ],
)
def test_bad_packets_are_reported_not_raised(packet: str, reason: str) -> None:
    parsed = parse_heart_rate_measurement(bytes.fromhex(packet))
    assert isinstance(parsed, BadPacket)
    assert parsed.uuid16 == 0x2A37
    assert reason in parsed.reason


def test_reserved_flag_bits_are_ignored() -> None:
    m = _parse("e6 5a")  # bits 5-7 set, contact detected, 8-bit 90
    assert m.bpm == 90
    assert m.contact is SensorContact.DETECTED


@given(st.binary(max_size=24))
def test_any_bytes_parse_without_raising(data: bytes) -> None:
    parsed = parse_heart_rate_measurement(data)
    assert isinstance(parsed, HeartRateMeasurement | BadPacket)


@given(
    bpm=st.integers(25, 250),
    contact=st.sampled_from([SensorContact.DETECTED, SensorContact.NOT_SUPPORTED]),
    energy=st.none() | st.integers(0, 0xFFFF),
    rr=st.lists(st.integers(1, 0xFFFF), max_size=7),
    force_u16=st.booleans(),
)
def test_encode_then_parse_round_trips(
    bpm: int, contact: SensorContact, energy: int | None, rr: list[int], force_u16: bool
) -> None:
    rr_s = tuple(units / 1024 for units in rr)
    packet = encode_heart_rate_measurement(
        bpm, contact=contact, energy_kj=energy, rr_intervals_s=rr_s, force_u16=force_u16
    )
    m = parse_heart_rate_measurement(packet)
    assert isinstance(m, HeartRateMeasurement)
    assert m.bpm == bpm
    assert m.contact is contact
    assert m.energy_kj == energy
    assert m.rr_intervals_s == pytest.approx(rr_s)


def test_body_sensor_location() -> None:
    assert parse_body_sensor_location(b"\x01") is BodySensorLocation.CHEST
    assert parse_body_sensor_location(b"") is None
    assert parse_body_sensor_location(b"\x42") is None
