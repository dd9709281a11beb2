"""Fuzz targets for what a treadmill or a strap sends: Treadmill Data, Machine and Training
Status, Control Point indications, features and ranges, service data, heart rate: the shaped
packets and the decoders' checks (``fuzz.py`` lists them; the contracts in its docstring). The
same packets through the real link and the strap's callback: ``fuzz_live.py``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from hypothesis import strategies as st

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
from treadmill_ctl.hr.codec import (
    MAX_PLAUSIBLE_BPM,
    MIN_PLAUSIBLE_BPM,
    BodySensorLocation,
    HeartRateMeasurement,
    parse_body_sensor_location,
    parse_heart_rate_measurement,
)
from treadmill_ctl.proof.fuzz_core import Check, Verdict, _require, _u8, _u16


def _le(value: int, size: int, *, signed: bool = False) -> bytes:
    return value.to_bytes(size, "little", signed=signed)


def _mutated(base: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """``base`` with a byte cut off, one added, or one flipped: the almost-right packets real
    consoles send."""

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(base))
        how = draw(st.sampled_from(("cut", "extend", "flip", "none")))
        if how == "cut" and data:
            del data[draw(st.integers(0, len(data) - 1)) :]
        elif how == "extend":
            data += draw(st.binary(min_size=1, max_size=4))
        elif how == "flip" and data:
            i = draw(st.integers(0, len(data) - 1))
            data[i] ^= 1 << draw(st.integers(0, 7))
        return bytes(data)

    return mutate()


def _packets(shaped: st.SearchStrategy[bytes], max_random: int = 24) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=max_random), shaped, _mutated(shaped))


# ---- Treadmill Data (2ACD): an independent field table, from ftms.md -----------------------


@dataclass(frozen=True, slots=True)
class _Spec:
    name: str
    size: int
    signed: bool
    scale: float
    digits: int
    not_available: frozenset[int]


def _spec(
    name: str, size: int, *na: int, signed: bool = False, scale: float = 1.0, digits: int = 0
) -> _Spec:
    return _Spec(name, size, signed, scale, digits, frozenset(na))


# Unsigned u16 fields also take 0x7FFF as "not available" (real consoles send it; documented in
# ftms/codec.py); a heart rate of 0 is "no pulse sensor".
_DATA_GROUPS: Final[tuple[tuple[int, tuple[_Spec, ...]], ...]] = (
    (0, (_spec("speed_kmh", 2, 0xFFFF, 0x7FFF, scale=0.01, digits=2),)),
    (1, (_spec("avg_speed_kmh", 2, 0xFFFF, 0x7FFF, scale=0.01, digits=2),)),
    (2, (_spec("distance_m", 3, 0xFFFFFF),)),
    (
        3,
        (
            _spec("incline_pct", 2, 0x7FFF, signed=True, scale=0.1, digits=1),
            _spec("ramp_angle_deg", 2, 0x7FFF, signed=True, scale=0.1, digits=1),
        ),
    ),
    (
        4,
        (
            _spec("elevation_gain_m", 2, 0xFFFF, 0x7FFF, scale=0.1, digits=1),
            _spec("elevation_loss_m", 2, 0xFFFF, 0x7FFF, scale=0.1, digits=1),
        ),
    ),
    (5, (_spec("inst_pace_kmmin", 1, 0xFF, scale=0.1, digits=1),)),
    (6, (_spec("avg_pace_kmmin", 1, 0xFF, scale=0.1, digits=1),)),
    (
        7,
        (
            _spec("energy_kcal", 2, 0xFFFF, 0x7FFF),
            _spec("energy_per_hour_kcal", 2, 0xFFFF, 0x7FFF),
            _spec("energy_per_min_kcal", 1, 0xFF),
        ),
    ),
    (8, (_spec("hr_bpm", 1, 0x00, 0xFF),)),
    (9, (_spec("met", 1, 0xFF, scale=0.1, digits=1),)),
    (10, (_spec("elapsed_s", 2, 0xFFFF),)),
    (11, (_spec("remaining_s", 2, 0xFFFF),)),
    (
        12,
        (_spec("force_n", 2, 0x7FFF, signed=True), _spec("power_w", 2, 0x7FFF, signed=True)),
    ),
    (13, (_spec("steps", 3, 0xFFFFFF),)),
)
_FIELD_NAMES: Final = frozenset(f.name for _, g in _DATA_GROUPS for f in g)


def _payload_size(flags: int) -> int:
    present = flags ^ 0x0001
    return sum(f.size for bit, group in _DATA_GROUPS if present & (1 << bit) for f in group)


@st.composite
def _shaped_data_packet(draw: st.DrawFn) -> bytes:
    """Flags, then about as many bytes as they promise (sometimes fewer or more)."""
    flags = draw(st.one_of(st.integers(0, 0x3FFF), _u16))
    size = _payload_size(flags) + draw(st.integers(-4, 3))
    return _le(flags, 2) + draw(st.binary(min_size=max(size, 0), max_size=max(size, 0)))


def _raw_for(spec: _Spec) -> st.SearchStrategy[int]:
    bits = spec.size * 8
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if spec.signed else (0, (1 << bits) - 1)
    na = spec.not_available
    return st.integers(lo, hi).filter(lambda r: (r & ((1 << bits) - 1)) not in na)


def _value(spec: _Spec, raw: int) -> float | int:
    return raw if spec.scale == 1.0 else round(raw * spec.scale, spec.digits)


@dataclass(frozen=True, slots=True)
class SplitRecord:
    """One Treadmill Data record and the packets a machine sent it in."""

    record: TreadmillData
    packets: tuple[bytes, ...]


@st.composite
def _split_records(draw: st.DrawFn) -> SplitRecord:
    """A record with random fields, encoded by the spec in 1-3 packets (all but the last with
    More Data set, the last carrying Instantaneous Speed), with reserved flag bits and trailing
    bytes as some consoles send them."""
    values: dict[str, float | int | None] = {}
    raws: dict[str, int] = {}
    groups: list[int] = []
    for bit, group in _DATA_GROUPS:
        if bit == 0:
            speed_na = draw(st.booleans()) and draw(st.booleans())
            raw = 0xFFFF if speed_na else draw(_raw_for(group[0]))
            raws[group[0].name] = raw
            values[group[0].name] = None if speed_na else _value(group[0], raw)
            continue
        if not draw(st.booleans()):
            continue
        groups.append(bit)
        for spec in group:
            na = draw(st.integers(0, 9)) == 0
            raw = max(spec.not_available) if na else draw(_raw_for(spec))
            raws[spec.name] = raw
            values[spec.name] = None if na else _value(spec, raw)
    n = draw(st.integers(1, min(3, len(groups) + 1)))
    owner = {bit: draw(st.integers(0, n - 1)) for bit in groups}
    packets: list[bytes] = []
    reserved = draw(st.sampled_from((0, 0x4000, 0x8000, 0xC000)))
    for i in range(n):
        last = i == n - 1
        flags = reserved | (0 if last else 0x0001)
        body = bytearray()
        for bit, group in _DATA_GROUPS:
            if bit == 0:
                if last:
                    body += _le(raws["speed_kmh"], 2)
                continue
            if owner.get(bit) != i:
                continue
            flags |= 1 << bit
            for spec in group:
                body += _le(raws[spec.name], spec.size, signed=spec.signed and raws[spec.name] < 0)
        if draw(st.integers(0, 4)) == 0:
            body += draw(st.binary(min_size=1, max_size=3))
        packets.append(_le(flags, 2) + bytes(body))
    return SplitRecord(TreadmillData(**values), tuple(packets))  # type: ignore[arg-type]


def _check_data_values(values: dict[str, Any] | Any) -> None:
    for name, value in dict(values).items():
        _require(name in _FIELD_NAMES, f"unknown field {name}")
        _require(
            value is None or (isinstance(value, int | float) and math.isfinite(value)),
            f"{name}={value!r} is not a finite number",
        )


def _check_treadmill_packet(data: bytes) -> Verdict:
    packet = codec.parse_treadmill_data(data)
    if isinstance(packet, BadPacket):
        _require(len(data) < 2, f"BadPacket for a packet with flags: {packet.reason}")
        _require(bool(packet.reason), "BadPacket without a reason")
        return Verdict.BAD
    flags = int.from_bytes(data[:2], "little")
    _require(packet.flags == flags, "flags changed")
    _require(packet.more_data == bool(flags & 1), "More Data bit misread")
    _check_data_values(packet.values)
    promised = _payload_size(flags & 0x3FFF)
    if len(data) - 2 >= promised:
        _require(not packet.missing, f"fields reported missing from a long enough packet: {packet}")
    else:
        _require(bool(packet.missing), "a short packet reported complete")
    # Spot-check the first field against the spec table.
    if not flags & 1 and len(data) >= 4:
        raw = int.from_bytes(data[2:4], "little")
        want = None if raw in (0xFFFF, 0x7FFF) else round(raw * 0.01, 2)
        _require(packet.values.get("speed_kmh") == want, f"speed {packet.values} != {want}")
    return Verdict.BAD if packet.missing else Verdict.TYPED


def _check_packet_stream(packets: Sequence[bytes]) -> Verdict:
    """A stream of packets through one assembler: only records and BadPackets come out."""
    assembler = codec.TreadmillDataAssembler()
    verdict = Verdict.HELD
    for data in packets:
        for item in assembler.feed(data):
            if isinstance(item, BadPacket):
                _require(bool(item.reason), "BadPacket without a reason")
                verdict = Verdict.BAD
            else:
                _require(isinstance(item, TreadmillData), f"unexpected {item!r}")
                _check_data_values(dataclasses.asdict(item))
                if verdict is Verdict.HELD:
                    verdict = Verdict.TYPED
    return verdict


def _check_split_record(split: SplitRecord) -> Verdict:
    assembler = codec.TreadmillDataAssembler()
    out: list[TreadmillData | BadPacket] = []
    for i, data in enumerate(split.packets):
        got = assembler.feed(data)
        if i < len(split.packets) - 1:
            _require(not got, f"packet {i} (More Data) produced {got}")
        out += got
    _require(len(out) == 1, f"expected one record, got {out}")
    _require(out[0] == split.record, f"decoded {out[0]} != sent {split.record}")
    return Verdict.TYPED


# ---- Machine Status, Training Status, control point, Feature, ranges, advert -------------


@st.composite
def _shaped_status(draw: st.DrawFn) -> bytes:
    op = draw(st.sampled_from((0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0xFF, 0x00, 0x80)))
    return bytes([op]) + draw(st.binary(max_size=4))


_STATUS_BY_OP: Final = {
    0x01: MachineStatusKind.RESET,
    0x03: MachineStatusKind.STOPPED_BY_SAFETY_KEY,
    0x04: MachineStatusKind.STARTED_BY_USER,
    0xFF: MachineStatusKind.CONTROL_LOST,
}


def _check_machine_status(data: bytes) -> Verdict:
    status = codec.decode_machine_status(data)
    if isinstance(status, BadPacket):
        _require(bool(status.reason), "BadPacket without a reason")
        _require(
            not data or (data[0] in (0x05, 0x06) and len(data) < 3),
            f"a well-formed status reported bad: {status.reason}",
        )
        return Verdict.BAD
    _require(isinstance(status, MachineStatus), f"unexpected {status!r}")
    op = data[0]
    if op == 0x02:
        paused = len(data) >= 2 and data[1] == 0x02
        want = MachineStatusKind.PAUSED_BY_USER if paused else MachineStatusKind.STOPPED_BY_USER
        _require(status.kind is want, f"02 {data[1:2].hex()} read as {status.kind}")
    elif op == 0x05:
        _require(status.kind is MachineStatusKind.TARGET_SPEED_CHANGED, f"05 as {status.kind}")
        _require(status.value == int.from_bytes(data[1:3], "little") / 100, "speed misread")
    elif op == 0x06:
        _require(status.kind is MachineStatusKind.TARGET_INCLINE_CHANGED, f"06 as {status.kind}")
        want_incline = int.from_bytes(data[1:3], "little", signed=True) / 10
        _require(status.value == want_incline, "incline misread")
    else:
        want_kind = _STATUS_BY_OP.get(op, MachineStatusKind.OTHER)
        _require(status.kind is want_kind, f"{op:02x} read as {status.kind}")
    return Verdict.TYPED


def _check_training_status(data: bytes) -> Verdict:
    status = codec.decode_training_status(data)
    if isinstance(status, BadPacket):
        _require(len(data) < 2, f"BadPacket for {len(data)} bytes: {status.reason}")
        return Verdict.BAD
    _require(isinstance(status, TrainingStatus), f"unexpected {status!r}")
    _require(status.code == data[1], "status code changed")
    has_text = bool(data[0] & 1) and len(data) > 2
    _require((status.text is not None) == has_text, f"string flag misread: {status}")
    return Verdict.TYPED


@st.composite
def _shaped_indication(draw: st.DrawFn) -> bytes:
    op = draw(st.sampled_from((0x00, 0x01, 0x02, 0x03, 0x07, 0x08, 0x80, 0x55)))
    code = draw(st.one_of(st.integers(0, 7), _u8))
    return b"\x80" + bytes([op, code]) + draw(st.binary(max_size=3))


_RESULTS: Final = {
    1: Result.SUCCESS,
    2: Result.NOT_SUPPORTED,
    3: Result.INVALID_PARAMETER,
    4: Result.FAILED,
    5: Result.NOT_PERMITTED,
}


def _check_indication(data: bytes) -> Verdict:
    ind = codec.decode_indication(data)
    if isinstance(ind, BadPacket):
        _require(len(data) < 3 or data[0] != 0x80, f"a response reported bad: {ind.reason}")
        return Verdict.BAD
    _require(ind.request_op == data[1] and ind.code == data[2], "op/result misread")
    _require(ind.result is _RESULTS.get(data[2], Result.ERROR), f"result {ind.result}")
    return Verdict.TYPED


def _check_features(data: bytes) -> Verdict:
    features = codec.decode_features(data)
    if isinstance(features, BadPacket):
        _require(len(data) < 4, f"BadPacket for {len(data)} bytes")
        return Verdict.BAD
    _require(features.machine == int.from_bytes(data[:4], "little"), "machine features")
    _require(features.target == int.from_bytes(data[4:8], "little"), "target features")
    _require(features.can_set_speed == bool(features.target & 1), "speed target bit")
    return Verdict.TYPED


def _range_check(
    decode: Callable[[bytes], SettingRange | BadPacket], signed: bool, scale: float
) -> Check[bytes]:
    def check(data: bytes) -> Verdict:
        rng = decode(data)
        if isinstance(rng, BadPacket):
            if len(data) >= 6:
                lo = int.from_bytes(data[0:2], "little", signed=signed)
                hi = int.from_bytes(data[2:4], "little", signed=signed)
                _require(lo > hi, f"a sane range reported bad: {rng.reason}")
            return Verdict.BAD
        _require(rng.minimum <= rng.maximum, f"min above max: {rng}")
        _require(rng.step >= 0, f"negative step: {rng}")
        minimum = int.from_bytes(data[0:2], "little", signed=signed) * scale
        _require(
            abs(rng.minimum - minimum) < scale / 2 + 1e-9, f"minimum {rng.minimum} != {minimum}"
        )
        return Verdict.TYPED

    return check


@st.composite
def _shaped_range(draw: st.DrawFn) -> bytes:
    lo, hi = sorted((draw(_u16), draw(_u16)))
    return _le(lo, 2) + _le(hi, 2) + _le(draw(_u16), 2)


def _check_service_data(data: bytes) -> Verdict:
    sd = codec.decode_service_data(data)
    _require(isinstance(sd, codec.ServiceData), f"unexpected {sd!r}")
    _require((sd.available is None) == (not data), "availability misread")
    if data and (data[0] & 1) and len(data) >= 2 and (data[1] & 1):
        _require(sd.machine_type is codec.MachineTypeName.TREADMILL, f"{sd}")
    return Verdict.TYPED if sd.machine_type is not codec.MachineTypeName.UNKNOWN else Verdict.BAD


# ---- heart rate ----------------------------------------------------------------------------


@st.composite
def _shaped_hr(draw: st.DrawFn) -> bytes:
    flags = draw(st.one_of(st.integers(0, 0x1F), _u8))
    size = 1 + (2 if flags & 1 else 1) + (2 if flags & 8 else 0)
    size += 2 * draw(st.integers(0, 4)) if flags & 0x10 else 0
    size += draw(st.integers(-2, 1))
    return bytes([flags]) + draw(st.binary(min_size=max(size - 1, 0), max_size=max(size - 1, 0)))


def _check_hr(data: bytes) -> Verdict:
    hr = parse_heart_rate_measurement(data)
    if isinstance(hr, BadPacket):
        _require(bool(hr.reason), "BadPacket without a reason")
        return Verdict.BAD
    _require(isinstance(hr, HeartRateMeasurement), f"unexpected {hr!r}")
    _require(
        hr.bpm is None or MIN_PLAUSIBLE_BPM <= hr.bpm <= MAX_PLAUSIBLE_BPM,
        f"implausible bpm {hr.bpm} passed on",
    )
    _require(all(rr > 0 and math.isfinite(rr) for rr in hr.rr_intervals_s), "bad RR interval")
    return Verdict.TYPED


def _check_body_location(data: bytes) -> Verdict:
    where = parse_body_sensor_location(data)
    _require(where is None or isinstance(where, BodySensorLocation), f"unexpected {where!r}")
    return Verdict.BAD if where is None else Verdict.TYPED
