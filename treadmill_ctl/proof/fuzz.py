"""Property-based fuzzing of every parser that reads what a machine or a user hands the app.

Each ``FuzzTarget`` pairs a hypothesis strategy (random bytes, bytes shaped like the real
thing, and bytes that are *almost* right) with a check that states the contract:

- a decoder never raises: it returns a typed value or a ``BadPacket`` with a reason, and the
  typed value agrees with the spec (an independent field table below, from ftms.md);
- through the real link (pyftms + the seam + bleak over the virtual treadmill), a notification
  never breaks the link: nothing is logged as an exception, the link stays connected, and a
  packet the codec calls bad reaches the listeners as a ``BadPacket``;
- the heart-rate strap counts and logs each bad packet;
- a preset text, however mangled, is either a valid preset (that survives a write/read round
  trip) or a list of ``FileFormatError`` naming the file, and the line wherever the text has
  one; a bad file in the library is left byte for byte as it was and the built-ins still load;
- hostile TOML (arrays nested a thousand deep, dotted keys of twenty thousand parts, thousands
  of keys, files over the size limit) in a preset, a settings file or a sim profile is a located
  error within ``MAX_PARSE_S``: no RecursionError, no minute-long stall;
- a hostile settings file (values out of every range, NaN, control characters, key bindings
  that take STOP's keys away or give a clicker button a speed-up) gives settings whose every
  value is in range and whose bindings keep STOP on Space, Escape and the clicker's stop
  buttons, with no clicker button able to start, resume or speed up.

``run_target`` runs one target for a number of generated inputs and returns a ``FuzzTally``
(inputs, typed, bad, failures and the first failing inputs). ``benchmarks/fuzz.py`` runs all of
them for >= 100 000 inputs; ``tests/proof/test_fuzz_parsers.py`` runs a few hundred each.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import enum
import json
import logging
import math
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Final

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.ftms import codec
from treadmill_ctl.ftms.model import (
    BadPacket,
    LinkState,
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
from treadmill_ctl.session.clock import SpeedupEventLoop
from treadmill_ctl.session.presets import (
    PresetLibrary,
    builtin_presets_dir,
    check_preset_text,
    preset_to_toml,
)
from treadmill_ctl.settings import (
    ALWAYS_STOP_KEYS,
    CLICKER_KEYS,
    CLICKER_SAFE_ACTION_NAMES,
    CLICKER_STOP_KEYS,
    DEFAULT_KEY_BINDINGS,
    WINDOW_POS_RANGE,
    WINDOW_SIZE_RANGE,
    Settings,
    key_identity,
    settings_from_text,
)
from treadmill_ctl.sim.profiles import SimProfile, profile_from_toml, profile_problem

__all__ = [
    "FUZZ_TARGETS",
    "ContractBroken",
    "FuzzTally",
    "FuzzTarget",
    "Verdict",
    "run_target",
    "target_named",
]


class Verdict(enum.StrEnum):
    """What one input turned into."""

    TYPED = "typed"  # decoded into a typed value (or a valid preset)
    BAD = "bad"  # reported: BadPacket / located FileFormatError
    HELD = "held"  # the first packet of a split record: kept for the next one


class ContractBroken(AssertionError):
    """A check found a broken contract (not an exception escaping the code under test)."""


@dataclass
class FuzzTally:
    """What running one target did."""

    target: str
    inputs: int = 0
    typed: int = 0
    bad: int = 0
    held: int = 0
    failures: int = 0
    examples: list[str] = field(default_factory=list)  # the first failing inputs
    kinds: Counter[str] = field(default_factory=Counter)  # failures by what broke

    MAX_EXAMPLES: ClassVar[int] = 5

    def count(self, verdict: Verdict) -> None:
        self.inputs += 1
        match verdict:
            case Verdict.TYPED:
                self.typed += 1
            case Verdict.BAD:
                self.bad += 1
            case Verdict.HELD:
                self.held += 1

    def fail(self, value: object, problem: str) -> None:
        self.inputs += 1
        self.failures += 1
        self.kinds[problem.split(":", 1)[0]] += 1
        if len(self.examples) < self.MAX_EXAMPLES:
            self.examples.append(f"{_show(value)} -> {problem}")


type Check[T] = Callable[[T], Verdict]
type Harness[T] = Callable[[FuzzTally], contextlib.AbstractContextManager[Check[T]]]


@dataclass(frozen=True)
class FuzzTarget[T]:
    """One parser (or parser path) under fuzzing. ``harness`` sets up what the check needs (an
    event loop and a link, a temporary directory) and yields the check; ``share`` is its part
    of the benchmark's total number of inputs."""

    name: str
    what: str
    strategy: st.SearchStrategy[T]
    harness: Harness[T]
    share: float = 1.0


def _pure[T](check: Check[T]) -> Harness[T]:
    def harness(_: FuzzTally) -> contextlib.AbstractContextManager[Check[T]]:
        return contextlib.nullcontext(check)

    return harness


def _show(value: object) -> str:
    if isinstance(value, bytes | bytearray):
        return bytes(value).hex(" ") or "(empty)"
    if isinstance(value, tuple):
        return "(" + ", ".join(_show(v) for v in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    text = repr(value)
    return text if len(text) <= 300 else text[:300] + "..."


def run_target[T](target: FuzzTarget[T], examples: int, *, rng_seed: int = 0) -> FuzzTally:
    """Run ``target`` on ``examples`` generated inputs (hypothesis, no example database, no
    shrinking: every failing input is counted, the first few kept)."""
    tally = FuzzTally(target.name)
    with target.harness(tally) as check:

        @seed(rng_seed)
        @settings(
            max_examples=examples,
            database=None,
            deadline=None,
            derandomize=False,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(target.strategy)
        def body(value: T) -> None:
            try:
                verdict = check(value)
            except ContractBroken as exc:
                tally.fail(value, str(exc))
            except Exception as exc:  # noqa: BLE001 - the point: nothing may escape
                tally.fail(value, f"exception escaped: {type(exc).__name__}: {exc}")
            else:
                tally.count(verdict)

        body()
    return tally


def _require(condition: bool, problem: str) -> None:
    if not condition:
        raise ContractBroken(problem)


# ---- byte strategies ---------------------------------------------------------------------

_u8 = st.integers(0, 0xFF)
_u16 = st.integers(0, 0xFFFF)


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


# ---- the link: notifications through pyftms + the seam + bleak, on the virtual treadmill ---

_LINK_CHARS: Final = {
    "treadmill_data": codec.TREADMILL_DATA,
    "machine_status": codec.MACHINE_STATUS,
    "training_status": codec.TRAINING_STATUS,
    "control_point": codec.CONTROL_POINT,
}


class _ErrorLog(logging.Handler):
    """Collects log records that carry an exception (something escaped to a boundary)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info is not None or record.levelno >= logging.ERROR:
            self.records.append(record)


@contextlib.contextmanager
def _captured_errors() -> Iterator[_ErrorLog]:
    handler = _ErrorLog()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


def _link_notification_strategy() -> st.SearchStrategy[tuple[str, bytes]]:
    shaped = {
        "treadmill_data": _packets(_shaped_data_packet(), 30),
        "machine_status": _packets(_shaped_status(), 6),
        "training_status": _packets(st.binary(min_size=2, max_size=8), 6),
        "control_point": _packets(_shaped_indication(), 6),
    }
    return st.one_of(*(st.tuples(st.just(name), s) for name, s in shaped.items()))


def _expected_bad(name: str, data: bytes) -> bool:
    """Whether the link must report ``data`` as a BadPacket (the codec's own verdict)."""
    match name:
        case "treadmill_data":
            packet = codec.parse_treadmill_data(data)
            return isinstance(packet, BadPacket) or bool(packet.missing)
        case "machine_status":
            return isinstance(codec.decode_machine_status(data), BadPacket)
        case "training_status":
            return isinstance(codec.decode_training_status(data), BadPacket)
        case _:
            # A well-formed response to no pending command is logged (info), not an alarm.
            return isinstance(codec.decode_indication(data), BadPacket)


@contextlib.contextmanager
def _link_harness(tally: FuzzTally) -> Iterator[Check[tuple[str, bytes]]]:
    """A connected link to a quiet virtual treadmill (no data ticks) on a fast-forwarded
    loop; each input is sent by the device as a notification and must arrive as the codec
    says, without breaking the link."""
    from treadmill_ctl.sim.profiles import SimProfile  # noqa: PLC0415
    from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link  # noqa: PLC0415 - heavy

    profile = dataclasses.replace(SimProfile(), name="fuzz-quiet", data_interval_s=3600.0)
    updates: list[object] = []
    with (
        asyncio.Runner(loop_factory=lambda: SpeedupEventLoop(math.inf)) as runner,
        _captured_errors() as errors,
    ):
        link, device = runner.run(open_simulated_link(profile))
        link.add_listener(updates.append)

        def check(value: tuple[str, bytes]) -> Verdict:
            name, data = value
            updates.clear()
            errors.records.clear()
            device.send_malformed(f"{_LINK_CHARS[name]:04x}", data)
            runner.run(asyncio.sleep(0.05))
            escaped = [r.getMessage() for r in errors.records]
            _require(not escaped, f"logged with an exception: {escaped[:2]}")
            _require(link.state is LinkState.CONNECTED, f"link {link.state} after a packet")
            bad = [u for u in updates if isinstance(u, BadPacket)]
            typed = [u for u in updates if not isinstance(u, BadPacket)]
            if _expected_bad(name, data):
                _require(
                    any(b.raw == codec.hexstr(data) for b in bad),
                    f"no BadPacket reached the listeners (got {updates})",
                )
                return Verdict.BAD
            _require(not bad, f"a good packet reported bad: {bad}")
            if name == "treadmill_data" and not typed:
                return Verdict.HELD  # More Data: the record goes on in the next packet
            if name == "control_point":
                return Verdict.TYPED  # understood; nobody waits for it (logged)
            _require(bool(typed), "nothing reached the listeners")
            return Verdict.TYPED

        try:
            yield check
            # After all that garbage the link must still drive the machine.
            outcome = runner.run(link.request_control())
            if not outcome.ok:
                tally.fail("(after the run)", f"request control failed: {outcome}")
        finally:
            runner.run(close_simulated_link(link, device))


# ---- the heart-rate strap's notification callback ----------------------------------------


@contextlib.contextmanager
def _strap_harness(_: FuzzTally) -> Iterator[Check[bytes]]:
    """The strap object's notification callback (what bleak calls): a bad packet is counted in
    ``bad_packets``, logged, and handed to the listeners."""
    from treadmill_ctl.hr.strap import HeartRateStrap  # noqa: PLC0415 - imports bleak

    strap = HeartRateStrap("00:00:00:00:00:01", reconnect=False)
    heard: list[object] = []
    strap.add_listener(heard.append)

    async def feed(data: bytes) -> None:
        strap._on_notification(None, bytearray(data))  # bleak calls this on a notification

    class _Warnings(logging.Handler):
        def __init__(self) -> None:
            super().__init__(logging.WARNING)
            self.count = 0

        def emit(self, record: logging.LogRecord) -> None:
            self.count += 1

    warnings = _Warnings()
    strap_log = logging.getLogger("treadmill_ctl.hr.strap")
    strap_log.addHandler(warnings)
    try:
        with asyncio.Runner() as runner:

            def check(data: bytes) -> Verdict:
                heard.clear()
                before, logged = strap.bad_packets, warnings.count
                runner.run(feed(data))
                if isinstance(parse_heart_rate_measurement(data), BadPacket):
                    _require(strap.bad_packets == before + 1, "bad packet not counted")
                    _require(warnings.count == logged + 1, "bad packet not logged")
                    _require(any(isinstance(h, BadPacket) for h in heard), "not passed on")
                    return Verdict.BAD
                _require(strap.bad_packets == before, "a good packet counted as bad")
                _require(strap.last_reading is not None and bool(heard), "reading lost")
                return Verdict.TYPED

            yield check
    finally:
        strap_log.removeHandler(warnings)


# ---- presets: mangled TOML text -----------------------------------------------------------

_TOKENS: Final = (
    '"',
    "'",
    "[",
    "]",
    "[[step]]",
    "[[step.phase]]",
    "[step]",
    "=",
    "\n",
    "#",
    ",",
    "{",
    "}",
    '"""',
    "-1",
    "0",
    "1e309",
    "nan",
    "inf",
    "-inf",
    "99999999999999999999",
    "true",
    "1979-05-27",
    "\x00",
    "é",
    "\t",
    'kind = "backward"',
    'kind = "sideways"',
    # a phase's cues and heart-rate zone (session/phase_cues.py, session/phase_hr.py)
    'cue = [{ at_s = 10, text = "Relax" }]',
    'cue = [{ at_s = 1e9, text = "" }, 3]',
    "hr_zone_bpm = [130, 145]",
    "hr_zone_bpm = [145, 130]",
    'hr_zone_bpm = ["a", 1.5]',
    "hr_max_kmh = 30",
    "speed_kmh = 9.5",
    "speed_kmh = -3",
    "duration_s = -30",
    "duration_s = 0",
    "duration_s = 1e9",
    "repeat = 0",
    "repeat = 1000",
    "schema = 2",
    'schema = "1"',
    "incline_pct = 40",
    'turning_style = "jump"',
    "turning_walk_kmh = 3",
    "countdown_s = 1",
    "hr_cap_bpm = 400",
    "speed = 3",
    'name = ""',
    "name = 5",
    "step = 1",
    "step.phase = []",
)


def builtin_preset_texts() -> tuple[str, ...]:
    """The text of every built-in preset (the seeds the mutations start from)."""
    return tuple(
        p.read_text(encoding="utf-8") for p in sorted(builtin_presets_dir().glob("*.toml"))
    )


@st.composite
def _mutated_preset(draw: st.DrawFn, seeds: tuple[str, ...]) -> str:
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(("delete", "insert", "number", "swap", "dup", "drop")))
        lines = text.split("\n")
        if how == "delete" and text:
            i = draw(st.integers(0, len(text) - 1))
            text = text[:i] + text[i + draw(st.integers(1, 12)) :]
        elif how == "insert":
            i = draw(st.integers(0, len(text)))
            token = draw(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=3)))
            text = text[:i] + token + text[i:]
        elif how == "number":
            digits = [i for i, ch in enumerate(text) if ch.isdigit()]
            if digits:
                i = draw(st.sampled_from(digits))
                new = draw(st.sampled_from(("0", "-", "9", "99", ".", "e5", "_", "-0.5")))
                text = text[:i] + new + text[i + 1 :]
        elif how == "swap" and len(lines) > 1:
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif how == "dup" and lines:
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif how == "drop" and lines:
            del lines[draw(st.integers(0, len(lines) - 1))]
            text = "\n".join(lines)
    return text


def _preset_text_strategy() -> st.SearchStrategy[str]:
    seeds = builtin_preset_texts()
    toml_ish = st.text(
        alphabet=st.sampled_from("abcdekinprstu_=[].\"'#0123456789-+ \n\t{},"), max_size=120
    )
    tokens = st.lists(st.sampled_from(_TOKENS), max_size=12).map(" ".join)
    return st.one_of(_mutated_preset(seeds), _mutated_preset(seeds), toml_ish, tokens)


_SOURCE: Final = "fuzz.toml"


def _check_problems(problems: Sequence[FileFormatError], text: str, source: str) -> None:
    _require(bool(problems), "rejected without a reason")
    n_lines = max(1, text.count("\n") + 1)
    for p in problems:
        _require(isinstance(p, FileFormatError), f"not a FileFormatError: {p!r}")
        _require(p.path == source, f"names {p.path!r}, not the file")
        _require(bool(p.reason), "no reason")
        if p.line is not None:
            _require(1 <= p.line <= n_lines, f"line {p.line} outside the text ({n_lines} lines)")
        elif p.reason.startswith("not valid TOML"):
            # A syntax error is always somewhere; a missing key may be nowhere.
            raise ContractBroken(f"syntax error without a line: {p.reason!r}")


def _check_preset_text(text: str) -> Verdict:
    settings_ = Settings()
    result = check_preset_text(text, source=_SOURCE, preset_id="fuzz", settings=settings_)
    if result.preset is None:
        _check_problems(result.errors, text, _SOURCE)
        return Verdict.BAD
    preset = result.preset
    plan = preset.to_plan()
    _require(bool(plan.phases), "a preset without phases")
    for phase in plan.phases:
        _require(
            math.isfinite(phase.duration_s) and phase.duration_s > 0,
            f"duration {phase.duration_s}",
        )
        speed = plan.resolved_speed(phase, settings_.backward_default_kmh)
        _require(math.isfinite(speed) and speed > 0, f"speed {speed}")
    # What the app writes back must read back as the same preset.
    again = check_preset_text(
        preset_to_toml(preset), source=_SOURCE, preset_id="fuzz", settings=settings_
    )
    _require(again.preset is not None, f"its own TOML does not load: {again.errors}")
    assert again.preset is not None
    _require(again.preset.steps == preset.steps, "steps changed in a write/read round trip")
    return Verdict.TYPED


@contextlib.contextmanager
def _library_harness(_: FuzzTally) -> Iterator[Check[str]]:
    """A user preset directory holding one mangled file next to the built-ins: the file is
    reported with its path (and line) and left as it was; every built-in still loads."""
    builtin_count = len(builtin_preset_texts())
    with tempfile.TemporaryDirectory(prefix="treadmill-ctl-fuzz-") as tmp:
        user_dir = Path(tmp)
        path = user_dir / "mangled.toml"

        def check(text: str) -> Verdict:
            raw = text.encode("utf-8", errors="surrogatepass")
            path.write_bytes(raw)
            library = PresetLibrary(Settings(), user_dir=user_dir)
            _require(path.read_bytes() == raw, "the bad file was modified")
            builtins = [p for p in library.presets if p.builtin]
            _require(len(builtins) == builtin_count, "a bad user file kept a built-in out")
            mine = [p for p in library.problems if Path(p.path) == path]
            if any(not p.builtin for p in library.presets):
                _require(not mine, f"loaded and reported: {mine}")
                return Verdict.TYPED
            _check_problems(mine, text, str(path))
            return Verdict.BAD

        yield check


# ---- hostile TOML: what crashed or stalled tomllib ------------------------------------------

# The 20 000-part key took about a minute; anything near this budget is a stall.
MAX_PARSE_S: Final = 5.0


@st.composite
def _hostile_toml(draw: st.DrawFn) -> str:
    """A TOML fragment of the shapes that broke tomllib: deep nesting, long dotted keys or
    headers, many keys, huge arrays, an oversize file; sometimes just inside the limits."""
    shape = draw(st.sampled_from(("arrays", "wide", "tables", "dotted", "header", "keys", "big")))
    if shape == "wide":
        n = draw(st.one_of(st.integers(1, 50), st.integers(9_000, 20_000)))
        return "x = [" + "1, " * n + "]"
    if shape == "arrays":
        depth = draw(st.one_of(st.integers(1, 20), st.integers(900, 3000)))
        return "x = " + "[" * depth + "]" * draw(st.sampled_from((depth, 0, depth // 2)))
    if shape == "tables":
        depth = draw(st.one_of(st.integers(1, 20), st.integers(500, 2000)))
        return "x = " + "{ a = " * depth + "1" + " }" * depth
    if shape == "dotted":
        parts = draw(st.one_of(st.integers(1, 20), st.integers(2_000, 20_000)))
        return ".".join(["k"] * parts) + " = 1"
    if shape == "header":
        parts = draw(st.one_of(st.integers(1, 20), st.integers(2_000, 20_000)))
        return "[[" + ".".join(["s"] * parts) + "]]"
    if shape == "keys":
        n = draw(st.one_of(st.integers(1, 50), st.integers(4_990, 8_000)))
        return "\n".join(f"k{i} = {i}" for i in range(n))
    n = draw(st.integers(200_000, 300_000))
    return "# " + "x" * n


@st.composite
def _preset_with_hostile_toml(draw: st.DrawFn) -> str:
    """A built-in preset with a hostile fragment put in at a line (or in a comment, where it
    is harmless text)."""
    text = draw(st.sampled_from(builtin_preset_texts()))
    lines = text.split("\n")
    fragment = draw(_hostile_toml())
    if draw(st.booleans()) and len(fragment) < 50_000:
        fragment = "# " + fragment.replace("\n", "\n# ")
    i = draw(st.integers(0, len(lines)))
    return "\n".join([*lines[:i], fragment, *lines[i:]])


def _timed[T](check: Check[T]) -> Check[T]:
    """``check`` within ``MAX_PARSE_S`` (a stall is a failure, not a slow pass)."""
    import time  # noqa: PLC0415 - only the timed targets need it

    def timed(value: T) -> Verdict:
        t0 = time.perf_counter()
        verdict = check(value)
        elapsed = time.perf_counter() - t0
        _require(elapsed <= MAX_PARSE_S, f"stall: {elapsed:.1f} s for one input")
        return verdict

    return timed


# ---- hostile settings files --------------------------------------------------------------

_ACTIONS: Final = (*DEFAULT_KEY_BINDINGS, "pause", "no_such_action")
_KEY_NAMES: Final = (
    *ALWAYS_STOP_KEYS,
    *CLICKER_KEYS,
    ".",
    "period",
    "esc",
    "ESCAPE",
    "pgdown",
    "PgUp",
    "shift+f5",
    "SPACE",
    " ",
    "F12",
    "Up",
    "Shift+Up",
    "X",
    "",
)
_SETTING_VALUES: Final = (
    "3000000000",
    "-99999999999",
    "1e309",
    "-1e309",
    "nan",
    "inf",
    "0",
    "-1",
    "5.5",
    "1e300",
    "true",
    '"text"',
    '"a\\u0000b"',
    '"\\u001b[2J"',
    "[1, 2]",
    "{ a = 1 }",
    "1979-05-27",
)
_SETTING_KEYS: Final = (
    *(f.name for f in dataclasses.fields(Settings)),
    "width",
    "height",
    "x",
    "y",
)


@st.composite
def _hostile_settings(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 8))):
        key = draw(st.sampled_from(_SETTING_KEYS))
        lines.append(f"{key} = {draw(st.sampled_from(_SETTING_VALUES))}")
    for table in draw(st.lists(st.sampled_from(("key_bindings", "clicker_bindings")), max_size=2)):
        lines.append(f"[{table}]")
        for action in draw(st.lists(st.sampled_from(_ACTIONS), max_size=6, unique=True)):
            keys = draw(st.lists(st.sampled_from(_KEY_NAMES), max_size=5))
            lines.append(f"{action} = [{', '.join(json.dumps(k) for k in keys)}]")
    if draw(st.booleans()):
        lines.append("[window]")
        for key in draw(st.lists(st.sampled_from(("width", "height", "x", "y")), max_size=4)):
            lines.append(f"{key} = {draw(st.sampled_from(_SETTING_VALUES))}")
    if draw(st.integers(0, 4)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(_hostile_toml()))
    return "\n".join(lines) + "\n"


def _check_settings_text(text: str) -> Verdict:
    loaded, problems = settings_from_text(text, _SOURCE)
    _require(not loaded.problems(), f"a value out of range was kept: {loaded.problems()}")
    w = loaded.window
    for name, (lo, hi) in (("width", WINDOW_SIZE_RANGE), ("height", WINDOW_SIZE_RANGE)):
        _require(lo <= getattr(w, name) <= hi, f"window.{name} {getattr(w, name)} kept")
    for name in ("x", "y"):
        v = getattr(w, name)
        _require(v is None or WINDOW_POS_RANGE[0] <= v <= WINDOW_POS_RANGE[1], f"window.{name}")
    _check_stop_keys(loaded)
    if problems:
        _check_problems(problems, text, _SOURCE)
        return Verdict.BAD
    return Verdict.TYPED


def _check_stop_keys(s: Settings) -> None:
    """STOP's keys, checked here independently of ``safe_key_bindings``."""
    keyboard = {a: {key_identity(k) for k in ks} for a, ks in s.key_bindings.items()}
    clicker = {a: {key_identity(k) for k in ks} for a, ks in s.clicker_bindings.items()}
    always = {key_identity(k) for k in ALWAYS_STOP_KEYS}
    clicker_stop = {key_identity(k) for k in CLICKER_STOP_KEYS}
    buttons = {key_identity(k) for k in CLICKER_KEYS}.union(*clicker.values())
    _require(always <= keyboard.get("stop", set()), "Space or Escape does not stop")
    _require(clicker_stop <= clicker.get("stop", set()), "a clicker stop button does not stop")
    for table in (keyboard, clicker):
        for action, idents in table.items():
            if action == "stop":
                continue
            _require(not idents & (always | clicker_stop), f"a STOP key is bound to {action}")
            if action not in CLICKER_SAFE_ACTION_NAMES:
                _require(not idents & buttons, f"a clicker button is bound to {action}")


# ---- sim profiles ------------------------------------------------------------------------

_PROFILE_LINES: Final = (
    'base = "cs-wp8"',
    'base = "nope"',
    "speed_max = 8.0",
    "speed_max = nan",
    "accel_kmh_s = inf",
    "start_delay_s = -inf",
    "data_interval_s = 0.001",
    "speed-min = 0.5",
    "att_payload = 99999999999999999999",
    "idle_drop_after_s = false",
    'data_fields = ["distance"]',
    'data_fields = ["nope"]',
    "unknown_key = 1",
    'speed_unit = "mph"',
)


@st.composite
def _profile_text(draw: st.DrawFn) -> str:
    lines = list(draw(st.lists(st.sampled_from(_PROFILE_LINES), max_size=6)))
    if draw(st.integers(0, 2)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(_hostile_toml()))
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def _profile_harness(_: FuzzTally) -> Iterator[Check[str]]:
    """A sim profile file: a consistent profile with finite numbers, or a located error."""
    with tempfile.TemporaryDirectory(prefix="treadmill-ctl-fuzz-") as tmp:
        path = Path(tmp) / "profile.toml"

        def check(text: str) -> Verdict:
            path.write_text(text, encoding="utf-8")
            try:
                profile = profile_from_toml(path)
            except FileFormatError as exc:
                _check_problems([exc], text, str(path))
                return Verdict.BAD
            _require(isinstance(profile, SimProfile), "not a profile")
            _require(profile_problem(profile) is None, "an inconsistent profile loaded")
            for f in dataclasses.fields(profile):
                v = getattr(profile, f.name)
                if isinstance(v, float):
                    _require(math.isfinite(v), f"{f.name} = {v} loaded")
            return Verdict.TYPED

        yield check


# ---- the catalogue -------------------------------------------------------------------------


def _targets() -> tuple[FuzzTarget[Any], ...]:
    from treadmill_ctl.proof import fuzz_workouts as wk  # noqa: PLC0415 - it imports this module

    return (
        FuzzTarget(
            "workouts.zwo",
            "ZWO workout files: mutated exports of the built-ins, XML-ish noise, entities",
            wk.zwo_strategy(),
            _pure(_timed(wk.check_zwo)),
            share=0.1,
        ),
        FuzzTarget(
            "workouts.fit",
            "FIT workout files: mutated exports (CRC repaired or not), random encoded steps",
            wk.fit_strategy(),
            _pure(_timed(wk.check_fit)),
            share=0.1,
        ),
        FuzzTarget(
            "ftms.treadmill_data",
            "Treadmill Data packets (2ACD): random, shaped by their flags, almost right",
            _packets(_shaped_data_packet(), 40),
            _pure(_check_treadmill_packet),
            share=2.0,
        ),
        FuzzTarget(
            "ftms.treadmill_data.stream",
            "Treadmill Data packet streams through the record assembler (split records)",
            st.lists(_packets(_shaped_data_packet(), 30), min_size=1, max_size=6),
            _pure(_check_packet_stream),
        ),
        FuzzTarget(
            "ftms.treadmill_data.split_records",
            "Records encoded by the spec in 1-3 packets: decoded exactly (round trip)",
            _split_records(),
            _pure(_check_split_record),
        ),
        FuzzTarget(
            "ftms.machine_status",
            "Fitness Machine Status (2ADA)",
            _packets(_shaped_status(), 8),
            _pure(_check_machine_status),
        ),
        FuzzTarget(
            "ftms.training_status",
            "Training Status (2AD3)",
            _packets(st.binary(min_size=2, max_size=12), 12),
            _pure(_check_training_status),
            share=0.5,
        ),
        FuzzTarget(
            "ftms.control_point",
            "Control-point response indications (2AD9)",
            _packets(_shaped_indication(), 8),
            _pure(_check_indication),
        ),
        FuzzTarget(
            "ftms.feature",
            "Fitness Machine Feature (2ACC)",
            _packets(st.binary(min_size=8, max_size=8), 12),
            _pure(_check_features),
            share=0.5,
        ),
        FuzzTarget(
            "ftms.speed_range",
            "Supported Speed Range (2AD4)",
            _packets(_shaped_range(), 10),
            _pure(_range_check(codec.decode_speed_range, signed=False, scale=0.01)),
            share=0.5,
        ),
        FuzzTarget(
            "ftms.incline_range",
            "Supported Inclination Range (2AD5)",
            _packets(_shaped_range(), 10),
            _pure(_range_check(codec.decode_incline_range, signed=True, scale=0.1)),
            share=0.5,
        ),
        FuzzTarget(
            "ftms.advert_service_data",
            "FTMS advertising service data (0x1826)",
            _packets(st.binary(min_size=3, max_size=3), 6),
            _pure(_check_service_data),
            share=0.5,
        ),
        FuzzTarget(
            "hr.measurement",
            "Heart Rate Measurement (2A37)",
            _packets(_shaped_hr(), 16),
            _pure(_check_hr),
        ),
        FuzzTarget(
            "hr.body_location",
            "Body Sensor Location (2A38)",
            st.binary(max_size=3),
            _pure(_check_body_location),
            share=0.1,
        ),
        FuzzTarget(
            "hr.strap_callback",
            "The strap's notification callback: bad packets counted and logged",
            _packets(_shaped_hr(), 16),
            _strap_harness,
            share=0.3,
        ),
        FuzzTarget(
            "presets.text",
            "Preset TOML: mutated built-ins, random TOML-ish text and token soup",
            _preset_text_strategy(),
            _pure(_check_preset_text),
            share=0.5,
        ),
        FuzzTarget(
            "presets.library",
            "A mangled user preset file in the library next to the built-ins",
            _preset_text_strategy(),
            _library_harness,
            share=0.02,
        ),
        FuzzTarget(
            "presets.hostile_toml",
            "Built-in presets with deep nesting, huge dotted keys, thousands of keys, 300 KB",
            _preset_with_hostile_toml(),
            _pure(_timed(_check_preset_text)),
            share=0.05,
        ),
        FuzzTarget(
            "settings.hostile",
            "Settings files: values out of range, NaN, control characters, unsafe key bindings",
            _hostile_settings(),
            _pure(_timed(_check_settings_text)),
            share=0.3,
        ),
        FuzzTarget(
            "sim.profile_toml",
            "Sim profile files: NaN and infinities, unknown keys, hostile TOML",
            _profile_text(),
            lambda tally: _timed_harness(_profile_harness(tally)),
            share=0.1,
        ),
        FuzzTarget(
            "link.notifications",
            "Notifications through bleak + pyftms + the seam to the link's listeners",
            _link_notification_strategy(),
            _link_harness,
            share=0.05,
        ),
    )


@contextlib.contextmanager
def _timed_harness[T](harness: contextlib.AbstractContextManager[Check[T]]) -> Iterator[Check[T]]:
    with harness as check:
        yield _timed(check)


FUZZ_TARGETS: Final[tuple[FuzzTarget[Any], ...]] = _targets()


def target_named(name: str) -> FuzzTarget[Any]:
    """The target called ``name`` (KeyError if there is none)."""
    for target in FUZZ_TARGETS:
        if target.name == name:
            return target
    raise KeyError(name)
