"""Heart Rate Measurement (0x2A37) bytes <-> values. Pure, tolerant: a bad packet is returned as
a ``BadPacket`` (counted and logged by the caller), never raised.

Layout (Bluetooth SIG Heart Rate Service 1.0), little-endian:

| flags bit | meaning |
|---|---|
| 0 | heart rate value is u16 (else u8) |
| 1 | sensor contact detected (meaningful only when bit 2 is set) |
| 2 | sensor contact feature supported |
| 3 | Energy Expended present (u16, kJ) |
| 4 | RR intervals present (u16 each, 1/1024 s), as many as fit |
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final

from treadmill_ctl.ftms.model import BadPacket, uuid16

HEART_RATE_SERVICE_UUID: Final = uuid16(0x180D)
HEART_RATE_MEASUREMENT_UUID: Final = uuid16(0x2A37)
BODY_SENSOR_LOCATION_UUID: Final = uuid16(0x2A38)

HEART_RATE_MEASUREMENT_UUID16: Final = 0x2A37

_FLAG_U16: Final = 0x01
_FLAG_CONTACT_DETECTED: Final = 0x02
_FLAG_CONTACT_SUPPORTED: Final = 0x04
_FLAG_ENERGY: Final = 0x08
_FLAG_RR: Final = 0x10

RR_UNITS_PER_S: Final = 1024

# Plausible human heart rates; anything else is a sensor artefact, kept out of the record.
MIN_PLAUSIBLE_BPM: Final = 25
MAX_PLAUSIBLE_BPM: Final = 250


class SensorContact(enum.StrEnum):
    """What the strap says about skin contact."""

    NOT_SUPPORTED = "not_supported"  # the strap cannot tell: its value is taken as is
    NOT_DETECTED = "not_detected"  # the strap is loose or dry: its value is not trusted
    DETECTED = "detected"


class BodySensorLocation(enum.IntEnum):
    """Body Sensor Location (0x2A38) values."""

    OTHER = 0
    CHEST = 1
    WRIST = 2
    FINGER = 3
    HAND = 4
    EAR_LOBE = 5
    FOOT = 6


@dataclass(frozen=True, slots=True)
class HeartRateMeasurement:
    """One decoded 0x2A37 notification.

    ``bpm`` is ``None`` when the strap reports no usable value: 0 (what straps send without
    contact), a value outside 25..250, or contact supported but not detected."""

    bpm: int | None
    raw_bpm: int
    contact: SensorContact
    energy_kj: int | None = None
    rr_intervals_s: tuple[float, ...] = ()

    @property
    def contact_lost(self) -> bool:
        """True when the strap says it has no skin contact."""
        return self.contact is SensorContact.NOT_DETECTED


def parse_heart_rate_measurement(data: bytes | bytearray) -> HeartRateMeasurement | BadPacket:
    """Decode one Heart Rate Measurement notification; a malformed one becomes a BadPacket.

    Tolerances (seen on real straps): reserved flag bits are ignored; an odd trailing byte in
    the RR list is dropped; a missing Energy Expended field that the flags promise makes the
    packet bad (the value would otherwise be misread as an RR interval)."""
    raw = bytes(data)
    if not raw:
        return BadPacket(HEART_RATE_MEASUREMENT_UUID16, raw.hex(), "empty packet")
    flags = raw[0]
    pos = 1
    if flags & _FLAG_U16:
        if len(raw) < pos + 2:
            return BadPacket(HEART_RATE_MEASUREMENT_UUID16, raw.hex(), "16-bit heart rate cut off")
        raw_bpm = int.from_bytes(raw[pos : pos + 2], "little")
        pos += 2
    else:
        if len(raw) < pos + 1:
            return BadPacket(HEART_RATE_MEASUREMENT_UUID16, raw.hex(), "heart rate value missing")
        raw_bpm = raw[pos]
        pos += 1
    if flags & _FLAG_CONTACT_SUPPORTED:
        contact = (
            SensorContact.DETECTED if flags & _FLAG_CONTACT_DETECTED else SensorContact.NOT_DETECTED
        )
    else:
        contact = SensorContact.NOT_SUPPORTED
    energy: int | None = None
    if flags & _FLAG_ENERGY:
        if len(raw) < pos + 2:
            return BadPacket(
                HEART_RATE_MEASUREMENT_UUID16, raw.hex(), "energy expended promised but cut off"
            )
        energy = int.from_bytes(raw[pos : pos + 2], "little")
        pos += 2
    rr: list[float] = []
    if flags & _FLAG_RR:
        while pos + 2 <= len(raw):
            units = int.from_bytes(raw[pos : pos + 2], "little")
            pos += 2
            if units:  # 0 is no interval at all, not an infinitely fast beat
                rr.append(units / RR_UNITS_PER_S)
    usable = (
        MIN_PLAUSIBLE_BPM <= raw_bpm <= MAX_PLAUSIBLE_BPM
        and contact is not SensorContact.NOT_DETECTED
    )
    return HeartRateMeasurement(
        bpm=raw_bpm if usable else None,
        raw_bpm=raw_bpm,
        contact=contact,
        energy_kj=energy,
        rr_intervals_s=tuple(rr),
    )


def encode_heart_rate_measurement(
    bpm: int,
    *,
    contact: SensorContact = SensorContact.DETECTED,
    energy_kj: int | None = None,
    rr_intervals_s: tuple[float, ...] = (),
    force_u16: bool = False,
) -> bytes:
    """Bytes of a Heart Rate Measurement notification (what a strap sends); used by the
    virtual strap and by tests. Values above 255 bpm use the 16-bit form automatically."""
    flags = 0
    use_u16 = force_u16 or bpm > 0xFF
    if use_u16:
        flags |= _FLAG_U16
    if contact is not SensorContact.NOT_SUPPORTED:
        flags |= _FLAG_CONTACT_SUPPORTED
        if contact is SensorContact.DETECTED:
            flags |= _FLAG_CONTACT_DETECTED
    if energy_kj is not None:
        flags |= _FLAG_ENERGY
    if rr_intervals_s:
        flags |= _FLAG_RR
    out = bytearray([flags])
    value = max(0, min(bpm, 0xFFFF))
    out += value.to_bytes(2 if use_u16 else 1, "little")
    if energy_kj is not None:
        out += max(0, min(energy_kj, 0xFFFF)).to_bytes(2, "little")
    for rr in rr_intervals_s:
        out += max(0, min(round(rr * RR_UNITS_PER_S), 0xFFFF)).to_bytes(2, "little")
    return bytes(out)


def parse_body_sensor_location(data: bytes | bytearray) -> BodySensorLocation | None:
    """Decode a Body Sensor Location (0x2A38) read; unknown or empty -> None."""
    if not data:
        return None
    try:
        return BodySensorLocation(data[0])
    except ValueError:
        return None
