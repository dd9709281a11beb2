"""Spec-exact, tolerant FTMS byte codecs for treadmills.

Every decoder here takes the raw bytes of one GATT value and returns the typed values of
``ftms.model``; none raises on bad input: what cannot be understood comes back as a
``BadPacket`` with the reason, and whatever *could* be understood is kept (a truncated
Treadmill Data record still yields its complete fields). Encoders round set-points to the
machine's nearest step and clamp them to its range: nothing is ever truncated.

Reference: Bluetooth SIG Fitness Machine Service 1.0; /work/shared/docs/ftms.md.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Final

from treadmill_ctl.ftms.model import (
    BadPacket,
    MachineStatus,
    MachineStatusKind,
    Op,
    Result,
    SettingRange,
    TrainingStatus,
    TreadmillData,
)

# 16-bit UUIDs of the FTMS characteristics (service 0x1826).
FEATURE: Final = 0x2ACC
TREADMILL_DATA: Final = 0x2ACD
TRAINING_STATUS: Final = 0x2AD3
SPEED_RANGE: Final = 0x2AD4
INCLINATION_RANGE: Final = 0x2AD5
CONTROL_POINT: Final = 0x2AD9
MACHINE_STATUS: Final = 0x2ADA
FTMS_SERVICE: Final = 0x1826

# Target Setting Features (second u32 of 2ACC).
TARGET_SPEED_BIT: Final = 1 << 0
TARGET_INCLINE_BIT: Final = 1 << 1

RESPONSE_OP: Final = 0x80


def hexstr(data: bytes | bytearray) -> str:
    """Bytes as spaced lower-case hex, the form used in logs and events (``02 96 00``)."""
    return bytes(data).hex(" ")


# --------------------------------------------------------------------------------------------
# Treadmill Data (2ACD)


@dataclass(frozen=True, slots=True)
class _Field:
    name: str  # TreadmillData attribute
    size: int  # bytes
    signed: bool = False
    scale: float = 1.0  # value = raw * scale
    digits: int = 0  # rounding of the scaled value
    not_available: frozenset[int] = frozenset()


def _na(*raw: int) -> frozenset[int]:
    return frozenset(raw)


# 0x7FFF is in the set of unsigned 16-bit fields too: real machines send it there to mean
# "not available" (ftms.md, "What real treadmills do"), and no treadmill reports 327 km/h.
_U16_NA: Final = _na(0xFFFF, 0x7FFF)

# The field groups of Treadmill Data, in flag-bit order. Bit 0 is special (inverted: 0 means
# Instantaneous Speed is present); bit 13 is the Urevo / CITYSPORTS vendor step count; bits 14
# and 15 are reserved and ignored.
_GROUPS: Final[tuple[tuple[int, tuple[_Field, ...]], ...]] = (
    (0, (_Field("speed_kmh", 2, scale=0.01, digits=2, not_available=_U16_NA),)),
    (1, (_Field("avg_speed_kmh", 2, scale=0.01, digits=2, not_available=_U16_NA),)),
    (2, (_Field("distance_m", 3, not_available=_na(0xFFFFFF)),)),
    (
        3,
        (
            _Field("incline_pct", 2, signed=True, scale=0.1, digits=1, not_available=_na(0x7FFF)),
            _Field("ramp_angle_deg", 2, True, 0.1, 1, _na(0x7FFF)),
        ),
    ),
    (
        4,
        (
            _Field("elevation_gain_m", 2, scale=0.1, digits=1, not_available=_U16_NA),
            _Field("elevation_loss_m", 2, scale=0.1, digits=1, not_available=_U16_NA),
        ),
    ),
    (5, (_Field("inst_pace_kmmin", 1, scale=0.1, digits=1, not_available=_na(0xFF)),)),
    (6, (_Field("avg_pace_kmmin", 1, scale=0.1, digits=1, not_available=_na(0xFF)),)),
    (
        7,
        (
            _Field("energy_kcal", 2, not_available=_U16_NA),
            _Field("energy_per_hour_kcal", 2, not_available=_U16_NA),
            _Field("energy_per_min_kcal", 1, not_available=_na(0xFF)),
        ),
    ),
    # 0 bpm is what treadmills without a pulse sensor (or without hand contact) send.
    (8, (_Field("hr_bpm", 1, not_available=_na(0x00, 0xFF)),)),
    (9, (_Field("met", 1, scale=0.1, digits=1, not_available=_na(0xFF)),)),
    (10, (_Field("elapsed_s", 2, not_available=_na(0xFFFF)),)),
    (11, (_Field("remaining_s", 2, not_available=_na(0xFFFF)),)),
    (
        12,
        (
            _Field("force_n", 2, signed=True, not_available=_na(0x7FFF)),
            _Field("power_w", 2, signed=True, not_available=_na(0x7FFF)),
        ),
    ),
    (13, (_Field("steps", 3, not_available=_na(0xFFFFFF)),)),
)

MORE_DATA_BIT: Final = 0x0001
_KNOWN_FLAGS: Final = (1 << 14) - 1


@dataclass(frozen=True, slots=True)
class DataPacket:
    """One Treadmill Data packet: the fields it carried (None = sent as "not available"),
    whether more packets of the same record follow, and the fields its flags promised but its
    bytes did not hold."""

    flags: int
    values: Mapping[str, float | int | None]
    more_data: bool
    missing: tuple[str, ...] = ()


def _read_field(data: bytes, offset: int, f: _Field) -> float | int | None:
    raw = int.from_bytes(data[offset : offset + f.size], "little", signed=False)
    if raw in f.not_available:
        return None
    if f.signed:
        raw = int.from_bytes(data[offset : offset + f.size], "little", signed=True)
    if f.scale == 1.0:
        return raw
    return round(raw * f.scale, f.digits)


def parse_treadmill_data(data: bytes | bytearray) -> DataPacket | BadPacket:
    """Decode one Treadmill Data packet. Complete fields are kept even when the packet is
    shorter than its flags promise (``missing`` names the rest); reserved flag bits and trailing
    bytes are ignored."""
    data = bytes(data)
    if len(data) < 2:
        return BadPacket(TREADMILL_DATA, hexstr(data), "Treadmill Data shorter than its flags")
    flags = int.from_bytes(data[:2], "little")
    present = (flags ^ MORE_DATA_BIT) & _KNOWN_FLAGS  # bit 0 is inverted
    values: dict[str, float | int | None] = {}
    missing: list[str] = []
    offset = 2
    for bit, group in _GROUPS:
        if not present & (1 << bit):
            continue
        for f in group:
            if offset + f.size <= len(data):
                values[f.name] = _read_field(data, offset, f)
            else:
                missing.append(f.name)
            offset += f.size
    return DataPacket(flags, values, bool(flags & MORE_DATA_BIT), tuple(missing))


_DATA_FIELDS: Final = frozenset(f.name for f in fields(TreadmillData))


class TreadmillDataAssembler:
    """Assembles Treadmill Data records split over several packets (More Data) and turns each
    packet into what the app should hear: complete records and reports of bad packets.

    A record ends with the packet whose More Data bit is 0. A machine that starts a new record
    before closing the previous one (a field seen twice) gets the previous one emitted as is.
    Call ``reset()`` on link loss: a partial record is dropped, as the spec says."""

    def __init__(self) -> None:
        self._partial: dict[str, float | int | None] = {}

    def reset(self) -> None:
        """Drop a partially received record (link lost)."""
        self._partial.clear()

    def feed(self, data: bytes | bytearray) -> list[TreadmillData | BadPacket]:
        """Take one notification; return the records it completes and any problem with it."""
        packet = parse_treadmill_data(data)
        if isinstance(packet, BadPacket):
            return [packet]
        out: list[TreadmillData | BadPacket] = []
        if not packet.values and packet.missing:
            # Not one complete field: nothing to show; the record in progress is kept.
            return [self._truncated(data, packet)]
        if self._partial and not self._partial.keys().isdisjoint(packet.values.keys()):
            out.append(self._emit())
        self._partial.update(packet.values)
        if not packet.more_data:
            out.append(self._emit())
        if packet.missing:
            out.append(self._truncated(data, packet))
        return out

    @staticmethod
    def _truncated(data: bytes | bytearray, packet: DataPacket) -> BadPacket:
        return BadPacket(
            TREADMILL_DATA,
            hexstr(data),
            f"truncated: flags 0x{packet.flags:04x} promise {', '.join(packet.missing)} "
            f"but the packet ends at {len(data)} bytes",
        )

    def _emit(self) -> TreadmillData:
        values = {k: v for k, v in self._partial.items() if k in _DATA_FIELDS}
        self._partial.clear()
        return TreadmillData(**values)  # type: ignore[arg-type]


def encode_treadmill_data(record: TreadmillData, *, more_data: bool = False) -> bytes:
    """Encode a record (the fields that are not None) the way a conformant machine does; used
    by tests and the replay tool's round trips. ``more_data`` sets bit 0 (speed omitted)."""
    flags = MORE_DATA_BIT if more_data or record.speed_kmh is None else 0
    body = bytearray()
    for bit, group in _GROUPS:
        group_values = [getattr(record, f.name) for f in group]
        if bit == 0:
            if flags & MORE_DATA_BIT:
                continue
        elif all(v is None for v in group_values):
            continue
        else:
            flags |= 1 << bit
        for f, v in zip(group, group_values, strict=True):
            if v is None:
                raw = max(f.not_available) if f.not_available else 0
                body += raw.to_bytes(f.size, "little")
            else:
                raw = round(v / f.scale)
                body += raw.to_bytes(f.size, "little", signed=f.signed)
    return flags.to_bytes(2, "little") + bytes(body)


# --------------------------------------------------------------------------------------------
# Fitness Machine Status (2ADA)

_STATUS_KIND: Final[dict[int, MachineStatusKind]] = {
    0x01: MachineStatusKind.RESET,
    0x03: MachineStatusKind.STOPPED_BY_SAFETY_KEY,
    0x04: MachineStatusKind.STARTED_BY_USER,
    0xFF: MachineStatusKind.CONTROL_LOST,
}


def decode_machine_status(data: bytes | bytearray) -> MachineStatus | BadPacket:
    """Decode one Fitness Machine Status notification. Trailing bytes are ignored (real
    machines send ``04 00 00``); an unknown op code is reported as OTHER, never dropped."""
    data = bytes(data)
    raw = hexstr(data)
    if not data:
        return BadPacket(MACHINE_STATUS, raw, "empty Machine Status")
    op = data[0]
    if op == 0x02:
        # Stopped or paused by the user: a missing or unknown parameter is taken as a stop,
        # the state a runner is safest in.
        if len(data) >= 2 and data[1] == 0x02:
            return MachineStatus(MachineStatusKind.PAUSED_BY_USER, None, raw)
        return MachineStatus(MachineStatusKind.STOPPED_BY_USER, None, raw)
    if op in (0x05, 0x06) and len(data) < 3:
        return BadPacket(MACHINE_STATUS, raw, f"status {op:02x} without its 2-byte value")
    if op == 0x05:
        speed = int.from_bytes(data[1:3], "little") / 100
        return MachineStatus(MachineStatusKind.TARGET_SPEED_CHANGED, speed, raw)
    if op == 0x06:
        incline = int.from_bytes(data[1:3], "little", signed=True) / 10
        return MachineStatus(MachineStatusKind.TARGET_INCLINE_CHANGED, incline, raw)
    return MachineStatus(_STATUS_KIND.get(op, MachineStatusKind.OTHER), None, raw)


# --------------------------------------------------------------------------------------------
# Training Status (2AD3)


def decode_training_status(data: bytes | bytearray) -> TrainingStatus | BadPacket:
    """Decode Training Status: flags (bit 0: a string follows; other bits ignored), the status
    byte (kept as is, even when unknown) and the optional UTF-8 string."""
    data = bytes(data)
    if len(data) < 2:
        return BadPacket(TRAINING_STATUS, hexstr(data), "Training Status shorter than 2 bytes")
    flags, code = data[0], data[1]
    text = None
    if flags & 0x01 and len(data) > 2:
        text = data[2:].decode("utf-8", errors="replace")
    return TrainingStatus(code, text)


# --------------------------------------------------------------------------------------------
# Fitness Machine Control Point (2AD9)


class StopPause(enum.IntEnum):
    """Parameter of op 08."""

    STOP = 0x01
    PAUSE = 0x02


@dataclass(frozen=True, slots=True)
class ControlRequest:
    """Bytes to write to the control point, with what they ask for (the value after rounding
    and clamping, None for ops without a parameter)."""

    op: Op
    data: bytes
    value: float | None = None

    @property
    def op_code(self) -> int:
        return self.data[0]

    @property
    def wire(self) -> str:
        return hexstr(self.data)


def encode_request_control() -> ControlRequest:
    """``00``"""
    return ControlRequest(Op.REQUEST_CONTROL, b"\x00")


def encode_reset() -> ControlRequest:
    """``01``"""
    return ControlRequest(Op.RESET, b"\x01")


def encode_start() -> ControlRequest:
    """``07`` Start or Resume."""
    return ControlRequest(Op.START, b"\x07")


def encode_stop() -> ControlRequest:
    """``08 01``"""
    return ControlRequest(Op.STOP, bytes((0x08, StopPause.STOP)))


def encode_pause() -> ControlRequest:
    """``08 02``"""
    return ControlRequest(Op.PAUSE, bytes((0x08, StopPause.PAUSE)))


def _to_grid(value: float, rng: SettingRange | None, lo: float, hi: float) -> float:
    if rng is not None:
        return rng.clamp_to_step(value)
    return min(max(value, lo), hi)


def encode_set_speed(kmh: float, rng: SettingRange | None = None) -> ControlRequest:
    """``02`` + u16 in 0.01 km/h: the nearest value on the machine's step grid, clamped to its
    range (never truncated: 2.3 km/h is ``02 e6 00``)."""
    value = _to_grid(kmh, rng, 0.0, 655.35)
    raw = round(value * 100)
    return ControlRequest(Op.SET_SPEED, b"\x02" + raw.to_bytes(2, "little"), raw / 100)


def encode_set_incline(pct: float, rng: SettingRange | None = None) -> ControlRequest:
    """``03`` + s16 in 0.1 %: nearest step, clamped to the machine's range."""
    value = _to_grid(pct, rng, -3276.8, 3276.7)
    raw = round(value * 10)
    return ControlRequest(
        Op.SET_INCLINE, b"\x03" + raw.to_bytes(2, "little", signed=True), raw / 10
    )


_OP_NAMES: Final[dict[int, str]] = {
    0x00: "request control",
    0x01: "reset",
    0x02: "set speed",
    0x03: "set incline",
    0x07: "start",
    0x08: "stop/pause",
}


def op_name(op_code: int) -> str:
    """A control-point op code in words, for messages."""
    return _OP_NAMES.get(op_code, f"op 0x{op_code:02x}")


@dataclass(frozen=True, slots=True)
class Indication:
    """A control-point response ``80 <op> <result> [parameter]``. ``code`` is the raw result
    byte; codes the spec does not define map to Result.ERROR."""

    request_op: int
    code: int
    parameter: bytes = b""

    @property
    def result(self) -> Result:
        return Result.from_code(self.code)


def decode_indication(data: bytes | bytearray) -> Indication | BadPacket:
    """Decode a control-point indication; anything but ``80 op result ...`` is a BadPacket."""
    data = bytes(data)
    if len(data) < 3 or data[0] != RESPONSE_OP:
        return BadPacket(CONTROL_POINT, hexstr(data), "not a control-point response (80 op result)")
    return Indication(data[1], data[2], data[3:])


# --------------------------------------------------------------------------------------------
# Feature (2ACC) and ranges (2AD4, 2AD5)


@dataclass(frozen=True, slots=True)
class Features:
    """Fitness Machine Features and Target Setting Features, every bit kept (bits >= 17 are
    reserved or newer; they are not an error)."""

    machine: int
    target: int

    @property
    def can_set_speed(self) -> bool:
        return bool(self.target & TARGET_SPEED_BIT)

    @property
    def can_set_incline(self) -> bool:
        return bool(self.target & TARGET_INCLINE_BIT)


def decode_features(data: bytes | bytearray) -> Features | BadPacket:
    """Decode 2ACC (two u32). A 4-byte value (no target features) is read as "sets nothing"."""
    data = bytes(data)
    if len(data) < 4:
        return BadPacket(FEATURE, hexstr(data), "Feature shorter than 4 bytes")
    return Features(int.from_bytes(data[0:4], "little"), int.from_bytes(data[4:8], "little"))


def _decode_range(
    data: bytes, uuid: int, scale: float, signed: bool, what: str
) -> SettingRange | BadPacket:
    if len(data) < 6:
        return BadPacket(uuid, hexstr(data), f"{what} range shorter than 6 bytes")
    lo = int.from_bytes(data[0:2], "little", signed=signed) * scale
    hi = int.from_bytes(data[2:4], "little", signed=signed) * scale
    step = int.from_bytes(data[4:6], "little") * scale
    if lo > hi:
        return BadPacket(uuid, hexstr(data), f"{what} range minimum above maximum")
    digits = 2 if scale < 0.1 else 1
    return SettingRange(round(lo, digits), round(hi, digits), round(step, digits))


def decode_speed_range(data: bytes | bytearray) -> SettingRange | BadPacket:
    """Supported Speed Range (2AD4): min, max, step in 0.01 km/h. Trailing bytes ignored."""
    return _decode_range(bytes(data), SPEED_RANGE, 0.01, False, "speed")


def decode_incline_range(data: bytes | bytearray) -> SettingRange | BadPacket:
    """Supported Inclination Range (2AD5): min s16, max s16, step u16 in 0.1 %."""
    return _decode_range(bytes(data), INCLINATION_RANGE, 0.1, True, "incline")


# --------------------------------------------------------------------------------------------
# Advertising


class MachineTypeName(enum.StrEnum):
    """Machine types of the FTMS service data, as shown by ``scan``."""

    TREADMILL = "treadmill"
    CROSS_TRAINER = "cross_trainer"
    STEP_CLIMBER = "step_climber"
    STAIR_CLIMBER = "stair_climber"
    ROWER = "rower"
    INDOOR_BIKE = "indoor_bike"
    UNKNOWN = "unknown"


_TYPE_BITS: Final[tuple[MachineTypeName, ...]] = (
    MachineTypeName.TREADMILL,
    MachineTypeName.CROSS_TRAINER,
    MachineTypeName.STEP_CLIMBER,
    MachineTypeName.STAIR_CLIMBER,
    MachineTypeName.ROWER,
    MachineTypeName.INDOOR_BIKE,
)


@dataclass(frozen=True, slots=True)
class ServiceData:
    """FTMS advertising service data, read tolerantly."""

    available: bool | None  # flags bit 0; None when there is no service data
    machine_type: MachineTypeName
    raw: str = field(default="")


def decode_service_data(data: bytes | bytearray | None) -> ServiceData:
    """Decode FTMS service data: conformant ``01 01 00``, machine-type bytes reversed
    (``01 00 01``), a one-byte type (``01 01``) or nothing at all (type "unknown": the user
    may still pick the device and say it is a treadmill)."""
    if not data:
        return ServiceData(None, MachineTypeName.UNKNOWN, "")
    data = bytes(data)
    available = bool(data[0] & 0x01)
    type_bytes = data[1:3]
    bits = 0
    for b in type_bytes:  # either byte order (or one byte): the known bits are all in one byte
        bits |= b
    for i, name in enumerate(_TYPE_BITS):
        if bits & (1 << i):
            return ServiceData(available, name, hexstr(data))
    return ServiceData(available, MachineTypeName.UNKNOWN, hexstr(data))
