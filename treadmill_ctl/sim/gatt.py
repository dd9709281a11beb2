"""The virtual treadmill's GATT table and the FTMS bytes it speaks (server side).

Pure functions and constants: the device model (:mod:`treadmill_ctl.sim.treadmill`,
:mod:`~treadmill_ctl.sim.workout`, :mod:`~treadmill_ctl.sim.control_point`) decides *what* to
say, this module says it in the spec's bytes.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from typing import Final

from treadmill_ctl.ftms.model import uuid16
from treadmill_ctl.sim.profiles import AdvertVariant, SimProfile, SplitRecords

FTMS_SERVICE: Final = uuid16(0x1826)
DEVICE_INFORMATION_SERVICE: Final = uuid16(0x180A)

FEATURE: Final = uuid16(0x2ACC)
TREADMILL_DATA: Final = uuid16(0x2ACD)
TRAINING_STATUS: Final = uuid16(0x2AD3)
SPEED_RANGE: Final = uuid16(0x2AD4)
INCLINE_RANGE: Final = uuid16(0x2AD5)
CONTROL_POINT: Final = uuid16(0x2AD9)
MACHINE_STATUS: Final = uuid16(0x2ADA)

MANUFACTURER_NAME: Final = uuid16(0x2A29)
MODEL_NUMBER: Final = uuid16(0x2A24)
SERIAL_NUMBER: Final = uuid16(0x2A25)
FIRMWARE_REVISION: Final = uuid16(0x2A26)


# Control point op codes (FTMS 4.16) and result codes.
OP_REQUEST_CONTROL: Final = 0x00
OP_RESET: Final = 0x01
OP_SET_SPEED: Final = 0x02
OP_SET_INCLINE: Final = 0x03
OP_START: Final = 0x07
OP_STOP_PAUSE: Final = 0x08
OP_RESPONSE: Final = 0x80

RESULT_SUCCESS: Final = 0x01
RESULT_NOT_SUPPORTED: Final = 0x02
RESULT_INVALID_PARAMETER: Final = 0x03
RESULT_FAILED: Final = 0x04
RESULT_NOT_PERMITTED: Final = 0x05

# Machine Status (2ADA) op codes.
STATUS_RESET: Final = 0x01
STATUS_STOPPED_OR_PAUSED: Final = 0x02
STATUS_SAFETY_KEY: Final = 0x03
STATUS_STARTED: Final = 0x04
STATUS_TARGET_SPEED: Final = 0x05
STATUS_TARGET_INCLINE: Final = 0x06
STATUS_CONTROL_LOST: Final = 0xFF

# Training Status (2AD3) codes.
TRAINING_IDLE: Final = 0x01
TRAINING_MANUAL: Final = 0x0D
TRAINING_PRE_WORKOUT: Final = 0x0E
TRAINING_POST_WORKOUT: Final = 0x0F

type Packet = tuple[str, bytes]
"""One notification or indication: (characteristic uuid, payload)."""


@dataclass(frozen=True)
class SimCharacteristic:
    """One characteristic of the virtual device."""

    uuid: str  # 128-bit, lower case
    properties: tuple[str, ...]  # subset of read, write, write-without-response, notify, indicate
    handle: int


@dataclass(frozen=True)
class SimService:
    """One primary service of the virtual device."""

    uuid: str
    handle: int
    characteristics: tuple[SimCharacteristic, ...]


@dataclass(frozen=True)
class SimAdvertisement:
    """What the virtual device advertises (the scanner turns it into bleak's AdvertisementData)."""

    local_name: str | None
    service_uuids: list[str]
    service_data: dict[str, bytes]
    manufacturer_data: dict[int, bytes]
    rssi: int
    tx_power: int | None


def normalize_uuid(uuid: str) -> str:
    """Full lower-case 128-bit form of "2ad9", "0x2AD9" or a full UUID."""
    u = uuid.lower().removeprefix("0x")
    if len(u) <= 4:
        return uuid16(int(u, 16))
    return u


def build_services(profile: SimProfile) -> tuple[SimService, ...]:
    """The GATT table for ``profile``: FTMS (without 2AD5 when incline cannot be set) and
    Device Information."""
    ftms_chars: list[tuple[str, tuple[str, ...]]] = [
        (FEATURE, ("read",)),
        (TREADMILL_DATA, ("notify",)),
        (TRAINING_STATUS, ("read", "notify")),
        (SPEED_RANGE, ("read",)),
    ]
    if profile.incline_supported:
        ftms_chars.append((INCLINE_RANGE, ("read",)))
    ftms_chars += [
        (CONTROL_POINT, ("write", "indicate")),
        (MACHINE_STATUS, ("notify",)),
    ]
    dis_chars: list[tuple[str, tuple[str, ...]]] = [
        (MANUFACTURER_NAME, ("read",)),
        (MODEL_NUMBER, ("read",)),
        (SERIAL_NUMBER, ("read",)),
        (FIRMWARE_REVISION, ("read",)),
    ]
    services: list[SimService] = []
    handle = 0x0010
    for service_uuid, chars in (
        (FTMS_SERVICE, ftms_chars),
        (DEVICE_INFORMATION_SERVICE, dis_chars),
    ):
        service_handle = handle
        built = []
        for char_uuid, props in chars:
            # declaration, value (the handle reported), then a CCCD for notify/indicate
            built.append(SimCharacteristic(char_uuid, props, handle + 2))
            handle += 3 if ("notify" in props or "indicate" in props) else 2
        services.append(SimService(service_uuid, service_handle, tuple(built)))
        handle += 1
    return tuple(services)


def build_advertisement(profile: SimProfile, name: str) -> SimAdvertisement:
    """The advertisement of a device with ``profile``: FTMS service data per its variant."""
    data: dict[str, bytes] = {}
    uuids = [FTMS_SERVICE]
    match profile.advert:
        case AdvertVariant.CONFORMANT:
            data[FTMS_SERVICE] = bytes([0x01, 0x01, 0x00])
        case AdvertVariant.REVERSED:
            data[FTMS_SERVICE] = bytes([0x01, 0x00, 0x01])
        case AdvertVariant.ONE_BYTE:
            data[FTMS_SERVICE] = bytes([0x01, 0x01])
        case AdvertVariant.NONE:
            pass
        case AdvertVariant.NAME_ONLY:
            uuids = []
    return SimAdvertisement(
        local_name=name,
        service_uuids=uuids,
        service_data=data,
        manufacturer_data={},
        rssi=profile.rssi,
        tx_power=None,
    )


# ---- Feature (2ACC) -----------------------------------------------------------------------

_FEATURE_BITS: Final[dict[str, tuple[int, ...]]] = {
    "avg_speed": (0,),
    "distance": (2,),
    "incline": (3,),
    "elevation": (4,),
    "inst_pace": (5,),
    "avg_pace": (5,),
    "steps": (6,),
    "energy": (9,),
    "hr": (10,),
    "met": (11,),
    "elapsed": (12,),
    "remaining": (13,),
    "force_power": (14, 15),
}


def feature_bytes(profile: SimProfile) -> bytes:
    """Fitness Machine Feature: machine features u32 + target setting features u32."""
    machine = profile.machine_features
    if machine is None:
        machine = 0
        for name in profile.data_fields:
            for bit in _FEATURE_BITS[name]:
                machine |= 1 << bit
    target = profile.target_features
    if target is None:
        target = 0x01 | (0x02 if profile.incline_supported else 0)
    return struct.pack("<II", machine, target)


def speed_range_bytes(profile: SimProfile) -> bytes:
    """Supported Speed Range: min, max, step as u16 in 0.01 (of the console's unit)."""
    return struct.pack(
        "<HHH",
        round(profile.speed_min * 100),
        round(profile.speed_max * 100),
        round(profile.speed_step * 100),
    )


def incline_range_bytes(profile: SimProfile) -> bytes:
    """Supported Inclination Range: min s16, max s16, step u16 in 0.1 %."""
    return struct.pack(
        "<hhH",
        round(profile.incline_min * 10),
        round(profile.incline_max * 10),
        round(profile.incline_step * 10),
    )


def training_status_bytes(profile: SimProfile, code: int) -> bytes:
    """Training Status: flags (per profile; CS-WP8 claims a string and sends none) + code."""
    return bytes([profile.training_status_flags & 0xFF, code])


def machine_status_bytes(profile: SimProfile, op: int, param: bytes = b"") -> bytes:
    """Machine Status packet; trailing zero bytes on start/stop/pause for profiles that add them."""
    packet = bytes([op]) + param
    if profile.status_trailing_bytes:
        if op == STATUS_STARTED:
            packet += b"\x00\x00"
        elif op == STATUS_STOPPED_OR_PAUSED:
            packet += b"\x00"
    return packet


def read_value(profile: SimProfile, training: int, uuid: str) -> bytes | None:
    """What a read of the characteristic ``uuid`` returns (``training``: the Training Status
    code); None for one that is not read."""
    if uuid == FEATURE:
        return feature_bytes(profile)
    if uuid == SPEED_RANGE:
        return speed_range_bytes(profile)
    if uuid == INCLINE_RANGE:
        return incline_range_bytes(profile)
    if uuid == TRAINING_STATUS:
        return training_status_bytes(profile, training)
    texts = {
        MANUFACTURER_NAME: profile.manufacturer,
        MODEL_NUMBER: profile.model,
        SERIAL_NUMBER: profile.serial,
        FIRMWARE_REVISION: profile.firmware,
    }
    text = texts.get(uuid)
    return None if text is None else text.encode()


# ---- Treadmill Data (2ACD) ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DataSnapshot:
    """Values for one Treadmill Data record (SI-ish units as in the model)."""

    speed_kmh: float = 0.0
    avg_speed_kmh: float = 0.0
    distance_m: float = 0.0
    incline_pct: float = 0.0
    elevation_gain_m: float = 0.0
    elevation_loss_m: float = 0.0
    energy_kcal: float = 0.0
    energy_per_hour_kcal: float = 0.0
    hr_bpm: int = 0
    met: float = 0.0
    elapsed_s: float = 0.0
    remaining_s: float = 0.0
    power_w: float = 0.0
    steps: int = 0


_FLAG_BITS: Final[dict[str, int]] = {
    "avg_speed": 1,
    "distance": 2,
    "incline": 3,
    "elevation": 4,
    "inst_pace": 5,
    "avg_pace": 6,
    "energy": 7,
    "hr": 8,
    "met": 9,
    "elapsed": 10,
    "remaining": 11,
    "force_power": 12,
    "steps": 13,
}
MORE_DATA: Final = 0x0001


def _u8(v: float) -> bytes:
    return bytes([max(0, min(0xFE, round(v)))])


def _u16(v: float) -> bytes:
    return struct.pack("<H", max(0, min(0xFFFE, round(v))))


def _s16(v: float) -> bytes:
    return struct.pack("<h", max(-0x8000, min(0x7FFE, round(v))))


def _u24(v: float) -> bytes:
    return max(0, min(0xFFFFFE, math.floor(v))).to_bytes(3, "little")


def _field_bytes(name: str, s: DataSnapshot, profile: SimProfile, unavailable: bool) -> bytes:
    """Encoded value of one optional field (``unavailable``: its "not available" pattern)."""
    na16 = struct.pack("<H", profile.unsigned_unavailable & 0xFFFF)
    match name:
        case "avg_speed":
            return na16 if unavailable else _u16(s.avg_speed_kmh * 100)
        case "distance":
            return b"\xff\xff\xff" if unavailable else _u24(s.distance_m)
        case "incline":
            if unavailable:
                return b"\xff\x7f\xff\x7f"
            angle = math.degrees(math.atan(s.incline_pct / 100))
            return _s16(s.incline_pct * 10) + _s16(angle * 10)
        case "elevation":
            if unavailable:
                return na16 + na16
            return _u16(s.elevation_gain_m * 10) + _u16(s.elevation_loss_m * 10)
        case "inst_pace" | "avg_pace":
            if unavailable:
                return b"\xff"
            kmh = s.speed_kmh if name == "inst_pace" else s.avg_speed_kmh
            return _u8(kmh / 60 * 10)  # 0.1 km/min, as the spec defines it
        case "energy":
            if unavailable:
                return b"\xff\xff\xff\xff\xff"
            if not profile.energy_rates_available:
                return _u16(math.floor(s.energy_kcal)) + b"\xff\xff\xff"
            return (
                _u16(math.floor(s.energy_kcal))
                + _u16(s.energy_per_hour_kcal)
                + _u8(s.energy_per_hour_kcal / 60)
            )
        case "hr":
            return b"\x00" if unavailable else _u8(s.hr_bpm)
        case "met":
            return b"\xff" if unavailable else _u8(s.met * 10)
        case "elapsed":
            return na16 if unavailable else _u16(math.floor(s.elapsed_s))
        case "remaining":
            return na16 if unavailable else _u16(s.remaining_s)
        case "force_power":
            if unavailable:
                return b"\xff\x7f\xff\x7f"
            return _s16(0) + _s16(s.power_w)
        case "steps":
            return b"\xff\xff\xff" if unavailable else _u24(s.steps)
    raise ValueError(f"unknown Treadmill Data field {name!r}")  # pragma: no cover


def treadmill_data_packets(
    s: DataSnapshot, profile: SimProfile, *, omit: tuple[str, ...] = ()
) -> list[bytes]:
    """One Treadmill Data record as the notifications that carry it (split, truncated and
    flagged per profile). Every packet but the last has More Data set; the last carries speed."""
    chunks: list[tuple[int, bytes]] = []
    # Fields go on the wire in flag-bit order whatever order a profile lists them in (a
    # TOML profile that lists "hr" last must not put it after "elapsed").
    for name in sorted(profile.data_fields, key=_FLAG_BITS.__getitem__):
        if name in omit:
            continue
        unavailable = name in profile.unavailable_fields
        chunks.append((1 << _FLAG_BITS[name], _field_bytes(name, s, profile, unavailable)))
    reserved = profile.reserved_flag_bits & 0xFFFF
    speed = _u16(s.speed_kmh * 100)
    whole = 2 + len(speed) + sum(len(b) for _, b in chunks)
    payload = profile.att_payload

    if profile.truncate_records or (
        whole <= payload and not (profile.split_records is SplitRecords.ALWAYS and chunks)
    ):
        flags = reserved
        for bit, _ in chunks:
            flags |= bit
        packet = struct.pack("<H", flags) + speed + b"".join(b for _, b in chunks)
        return [packet[:payload] if profile.truncate_records else packet]

    # Split: the last packet holds speed and as many trailing fields as fit, the rest go in
    # front in packets flagged More Data.
    tail: list[tuple[int, bytes]] = []
    room = payload - 2 - len(speed)
    rest = list(chunks)
    while rest and len(rest[-1][1]) <= room:
        bit, b = rest.pop()
        tail.insert(0, (bit, b))
        room -= len(b)
    if not rest:  # everything fits: split anyway (SplitRecords.ALWAYS), half in front
        cut = max(1, len(tail) // 2)
        rest, tail = tail[:cut], tail[cut:]
    packets: list[bytes] = []
    current: list[tuple[int, bytes]] = []
    for bit, b in rest:
        if current and 2 + sum(len(x) for _, x in current) + len(b) > payload:
            packets.append(_packet(current, reserved | MORE_DATA))
            current = []
        current.append((bit, b))
    if current:
        packets.append(_packet(current, reserved | MORE_DATA))
    tail_flags = reserved
    for bit, _ in tail:
        tail_flags |= bit
    packets.append(struct.pack("<H", tail_flags) + speed + b"".join(b for _, b in tail))
    return packets


def _packet(chunks: list[tuple[int, bytes]], flags: int) -> bytes:
    for bit, _ in chunks:
        flags |= bit
    return struct.pack("<H", flags) + b"".join(b for _, b in chunks)


def all_zero_packets(profile: SimProfile) -> list[bytes]:
    """A record with the profile's flags and every value byte zero (what some consoles send at
    rest, "not available" patterns included)."""
    return [p[:2] + bytes(len(p) - 2) for p in treadmill_data_packets(DataSnapshot(), profile)]
