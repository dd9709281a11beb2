"""Virtual treadmill profiles: the spec-exact machine and real machines' quirks as switches.

A :class:`SimProfile` is a frozen set of options. Built-in profiles live in
:data:`BUILTIN_PROFILES`; :func:`load_profile` also reads TOML files (``base = "ideal"`` plus
overrides of any field below) from a path or from ``resources/sim_profiles/<name>.toml``.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from treadmill_ctl import shipped
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.toml_limits import load_toml, read_toml_file
from treadmill_ctl.units import SpeedUnit


class ControlPolicy(enum.StrEnum):
    """When a control-point op other than Request Control needs control permission."""

    ENFORCED = "enforced"  # spec: Request Control once, then until disconnect/Reset/FF
    NOT_NEEDED = "not-needed"  # Request Control accepted but never required
    EVERY_COMMAND = "every-command"  # each command uses up the permission: request before each


class RepeatRequestControl(enum.StrEnum):
    """Answer to Request Control from a client that already has control."""

    SUCCESS = "success"
    FAIL = "fail"  # 04: "others break if it is repeated"


class StartWhileRunning(enum.StrEnum):
    """Answer to Start (07) while the belt is already starting or running."""

    FAIL = "fail"  # 04, as the spec says
    SUCCESS = "success"  # 01, nothing changes
    TOGGLE_PAUSE = "toggle-pause"  # 01 and the belt pauses (some consoles' start key)


class RepeatedStop(enum.StrEnum):
    """Answer to Stop/Pause when the machine is already stopped/paused."""

    SUCCESS = "success"
    FAIL = "fail"  # 04


class SpeedWhenStopped(enum.StrEnum):
    """What Set Target Speed does while the belt is not running (idle, starting, stopped)."""

    PENDING = "pending"  # accepted; the belt starts at it (or runs to it once started)
    REJECT = "reject"  # 04: speed works only once the belt runs
    IGNORE = "ignore"  # 01 but forgotten: the belt starts at its minimum


class RememberTarget(enum.StrEnum):
    """Which target a Start (re)starts the belt at, when no set-point is pending."""

    PAUSE = "pause"  # after a pause, the target it had; after a stop, its minimum
    ALWAYS = "always"  # the last target, after a pause and after a stop alike
    NEVER = "never"  # always its minimum


class OutOfRange(enum.StrEnum):
    """What a set-point outside the supported range gets."""

    REJECT = "reject"  # 03 invalid parameter (spec)
    CLAMP = "clamp"  # 01, clamped to the range
    IGNORE = "ignore"  # 01, but nothing changes


class OffStep(enum.StrEnum):
    """What a set-point between two steps of the range gets."""

    ROUND = "round"  # 01, nearest step
    TRUNCATE = "truncate"  # 01, the step below
    EXACT = "exact"  # 01, taken as written
    REJECT = "reject"  # 03


class StatusOrder(enum.StrEnum):
    """Machine Status notifications caused by the commanding client's own op."""

    AFTER = "after"  # after the response indication
    BEFORE = "before"  # before the indication (CS-WP8)
    NONE = "none"  # only other clients would get it


class BusyWrites(enum.StrEnum):
    """A control-point write while an earlier procedure's indication is still outstanding."""

    REJECT = "reject"  # ATT error 0xFE "procedure already in progress" (spec)
    ACCEPT = "accept"  # processed; indications are delivered in order


class AdvertVariant(enum.StrEnum):
    """How the FTMS service data (flags u8 + machine type u16) is advertised."""

    CONFORMANT = "conformant"  # 01 01 00
    REVERSED = "reversed"  # 01 00 01: type bytes reversed
    ONE_BYTE = "one-byte"  # 01 01
    NONE = "none"  # FTMS UUID listed, no service data
    NAME_ONLY = "name-only"  # neither UUID nor service data: only a name


class IdleRecords(enum.StrEnum):
    """Treadmill Data while the belt stands."""

    NORMAL = "normal"
    ALL_ZERO = "all-zero"  # every field zero, counters included
    NONE = "none"  # no records while idle


class SplitRecords(enum.StrEnum):
    """When a Treadmill Data record goes out as several packets (More Data bit)."""

    AUTO = "auto"  # only when larger than the ATT payload
    ALWAYS = "always"  # always two packets


DATA_FIELDS: Final = (
    "avg_speed",
    "distance",
    "incline",
    "elevation",
    "inst_pace",
    "avg_pace",
    "energy",
    "hr",
    "met",
    "elapsed",
    "remaining",
    "force_power",
    "steps",
)
"""Optional Treadmill Data fields in flag order (bit 1 .. bit 13; steps is the vendor bit 13)."""


@dataclass(frozen=True)
class SimProfile:
    """Everything that makes one virtual treadmill behave like a particular machine.

    Speeds in km/h (or in the console's unit for set-point ranges, see ``speed_unit``),
    inclines in %, times in s, rates per s.
    """

    name: str = "ideal"
    description: str = "Spec-exact FTMS treadmill"
    # Device Information
    manufacturer: str = "treadmill-ctl"
    model: str = "Virtual Treadmill"
    serial: str = "SIM-0001"
    firmware: str = "1.0.0"
    # Supported ranges (2AD4 / 2AD5), in the console's speed unit
    speed_min: float = 0.5
    speed_max: float = 20.0
    speed_step: float = 0.1
    incline_supported: bool = True
    incline_min: float = -5.0
    incline_max: float = 15.0
    incline_step: float = 0.5
    # Feature (2ACC); None: derived from the fields and settable targets
    machine_features: int | None = None
    target_features: int | None = None
    # Physics
    accel_kmh_s: float = 1.0
    decel_kmh_s: float = 1.5
    stop_decel_kmh_s: float = 1.5  # after Stop/Pause/Reset
    safety_decel_kmh_s: float = 6.0  # safety key pulled
    incline_rate_pct_s: float = 0.5
    start_delay_s: float = 0.0  # Start to belt motion
    stride_m: float = 0.7
    kcal_per_km: float = 60.0
    # Timing of the link
    data_interval_s: float = 0.25
    att_delay_s: float = 0.0  # a read/write reaches the device and is acknowledged
    indication_delay_s: float = 0.03  # write acknowledged -> response indication
    # Control point semantics
    control: ControlPolicy = ControlPolicy.ENFORCED
    repeat_request_control: RepeatRequestControl = RepeatRequestControl.SUCCESS
    start_while_running: StartWhileRunning = StartWhileRunning.FAIL
    repeated_stop: RepeatedStop = RepeatedStop.SUCCESS
    speed_when_stopped: SpeedWhenStopped = SpeedWhenStopped.PENDING
    # Set Target Speed while paused: PENDING takes it as the target the belt resumes at;
    # REJECT / IGNORE as for a stopped belt (a console that needs Start first).
    speed_when_paused: SpeedWhenStopped = SpeedWhenStopped.PENDING
    remember_target: RememberTarget = RememberTarget.PAUSE
    speed_unit: SpeedUnit = SpeedUnit.KMH
    # A broken console (a hazard, seen in no capture): Stop while running is answered 01 but
    # the belt speeds up by 1 km/h instead. The machine check must catch it.
    stop_speeds_up: bool = False
    out_of_range: OutOfRange = OutOfRange.REJECT
    off_step: OffStep = OffStep.ROUND
    busy_writes: BusyWrites = BusyWrites.REJECT
    # Status packets
    status_order: StatusOrder = StatusOrder.AFTER
    status_trailing_bytes: bool = False  # 04 00 00, 02 01 00, 02 02 00
    training_status_flags: int = 0x00  # CS-WP8 sets bit 0 (string present) and sends no string
    # Treadmill Data
    data_fields: tuple[str, ...] = ("avg_speed", "distance", "incline", "energy", "elapsed")
    att_payload: int = 20  # bytes per notification (MTU 23)
    split_records: SplitRecords = SplitRecords.AUTO
    split_gap_s: float = 0.01  # between the packets of one split record
    truncate_records: bool = False  # cut at att_payload instead of splitting (flags lie)
    reserved_flag_bits: int = 0  # OR-ed into the flags (e.g. 0xC000)
    unavailable_fields: tuple[str, ...] = ()  # sent with a "not available" value
    unsigned_unavailable: int = 0xFFFF  # the "not available" value put in u16 fields (0x7FFF)
    vanishing_fields: tuple[str, ...] = ()  # missing from every other record
    idle_records: IdleRecords = IdleRecords.NORMAL
    energy_rates_available: bool = True  # False: per hour/per minute sent as FFFF/FF
    # Advertising
    advert: AdvertVariant = AdvertVariant.CONFORMANT
    rssi: int = -58
    # Link
    link_drop_after_s: float | None = None  # connected this long -> the device drops the link
    idle_drop_after_s: float | None = None  # belt still and no command this long -> drop
    link_back_after_s: float = 5.0  # after a profile-driven drop


def _builtin() -> dict[str, SimProfile]:
    ideal = SimProfile()
    cs_wp8 = SimProfile(
        name="cs-wp8",
        description="CITYSPORTS CS-WP8 walking pad (as in its public btsnoop capture)",
        manufacturer="CITYSPORTS",
        model="CS-WP8",
        serial="WP8-000042",
        firmware="V1.3",
        speed_min=1.0,
        speed_max=6.0,
        speed_step=0.5,
        incline_supported=False,
        machine_features=0x00001244,
        target_features=0x00000001,
        stop_decel_kmh_s=0.3,
        start_delay_s=3.0,
        stride_m=0.45,  # 20 steps in 9 m in the capture
        data_interval_s=0.5,
        att_delay_s=0.015,
        indication_delay_s=0.06,
        control=ControlPolicy.NOT_NEEDED,
        start_while_running=StartWhileRunning.SUCCESS,
        busy_writes=BusyWrites.ACCEPT,
        status_order=StatusOrder.BEFORE,
        status_trailing_bytes=True,
        training_status_flags=0x01,
        data_fields=("distance", "energy", "elapsed", "steps"),
        energy_rates_available=False,
    )
    strict = SimProfile(
        name="strict",
        description="Spec to the letter and unforgiving: control enforced, repeated "
        "Start/Stop/Pause fail, off-step and out-of-range set-points are rejected",
        control=ControlPolicy.ENFORCED,
        repeat_request_control=RepeatRequestControl.SUCCESS,
        start_while_running=StartWhileRunning.FAIL,
        repeated_stop=RepeatedStop.FAIL,
        out_of_range=OutOfRange.REJECT,
        off_step=OffStep.REJECT,
    )
    mph = SimProfile(
        name="mph",
        description="Console reads speed targets in mph (a 1.00 km/h command gives 1.61 km/h)",
        speed_min=0.3,
        speed_max=12.0,
        speed_unit=SpeedUnit.MPH,
    )
    laggy = SimProfile(
        name="laggy",
        description="Slow console: indications 2.5 s late, every record split in two packets, "
        "reserved flag bits set",
        indication_delay_s=2.5,
        busy_writes=BusyWrites.ACCEPT,
        split_records=SplitRecords.ALWAYS,
        split_gap_s=0.05,
        reserved_flag_bits=0xC000,
        accel_kmh_s=0.6,
        decel_kmh_s=0.8,
        stop_decel_kmh_s=0.8,
    )
    sloppy = SimProfile(
        name="sloppy",
        description="Cheap console with bad data: records cut at 20 bytes, 0x7FFF in unsigned "
        "fields, fields that come and go, all-zero records at rest, drops when idle",
        data_fields=("avg_speed", "distance", "incline", "elevation", "energy", "hr", "elapsed"),
        truncate_records=True,
        unavailable_fields=("elevation",),
        unsigned_unavailable=0x7FFF,
        vanishing_fields=("distance", "energy"),
        idle_records=IdleRecords.ALL_ZERO,
        out_of_range=OutOfRange.CLAMP,
        off_step=OffStep.TRUNCATE,
        advert=AdvertVariant.REVERSED,
        idle_drop_after_s=600.0,
        data_interval_s=0.2,
    )
    picky = SimProfile(
        name="picky",
        description="Wants Request Control before every command, refuses a repeated one, "
        "start key toggles pause, speed only once the belt runs, one-byte advert",
        control=ControlPolicy.EVERY_COMMAND,
        repeat_request_control=RepeatRequestControl.FAIL,
        start_while_running=StartWhileRunning.TOGGLE_PAUSE,
        speed_when_stopped=SpeedWhenStopped.REJECT,
        start_delay_s=2.5,
        advert=AdvertVariant.ONE_BYTE,
    )
    return {p.name: p for p in (ideal, cs_wp8, strict, mph, laggy, sloppy, picky)}


BUILTIN_PROFILES: Final[dict[str, SimProfile]] = _builtin()
"""Built-in profiles by name."""


def profile_dir() -> Path:
    """The shipped TOML profiles (``resources/sim_profiles``)."""
    return shipped.sim_profiles_dir()


def available_profiles() -> list[str]:
    """Names :func:`load_profile` accepts without a path: built-ins, then shipped TOML files."""
    names = list(BUILTIN_PROFILES)
    d = profile_dir()
    if d.is_dir():
        names += sorted(p.stem for p in d.glob("*.toml") if p.stem not in BUILTIN_PROFILES)
    return names


def load_profile(name_or_path: str | Path) -> SimProfile:
    """A built-in profile by name, a shipped one (``resources/sim_profiles/<name>.toml``), or a
    TOML file. Raises FileFormatError (path, line, reason) for a bad file and
    FileFormatError(name, None, ...) for an unknown name."""
    key = str(name_or_path)
    if key in BUILTIN_PROFILES:
        return BUILTIN_PROFILES[key]
    path = Path(key)
    if path.suffix != ".toml" or not path.exists():
        shipped = profile_dir() / f"{key}.toml"
        if shipped.is_file():
            path = shipped
        elif not path.exists():
            known = ", ".join(available_profiles())
            raise FileFormatError(key, None, f"no such profile or file (known: {known})")
    return profile_from_toml(path)


def profile_from_toml(path: Path) -> SimProfile:
    """Read one TOML profile: ``base`` (a built-in name, default "ideal") plus field overrides.
    Only a regular file is read, within the TOML limits (``toml_document.check_limits``)."""
    try:
        text = read_toml_file(path)
    except OSError as e:
        raise FileFormatError(str(path), None, f"cannot read: {e.strerror or e}") from e
    doc = load_toml(text, str(path))
    return profile_from_mapping(doc, source=str(path), text=text, default_name=path.stem)


def profile_from_mapping(
    doc: dict[str, Any], *, source: str = "<profile>", text: str = "", default_name: str = ""
) -> SimProfile:
    """Build a profile from already-parsed TOML (keys may use dashes or underscores)."""
    base_name = doc.get("base", "ideal")
    if not isinstance(base_name, str) or base_name not in BUILTIN_PROFILES:
        known = ", ".join(BUILTIN_PROFILES)
        raise FileFormatError(
            source, _key_line(text, "base"), f"base must be a built-in profile ({known})"
        )
    base = BUILTIN_PROFILES[base_name]
    hints = typing.get_type_hints(SimProfile)
    fields = {f.name for f in dataclasses.fields(SimProfile)}
    changes: dict[str, object] = {"name": default_name or base.name}
    for raw_key, value in doc.items():
        if raw_key == "base":
            continue
        key = raw_key.replace("-", "_")
        line = _key_line(text, raw_key)
        if key not in fields:
            raise FileFormatError(source, line, f"unknown key {raw_key!r}")
        try:
            changes[key] = _coerce(hints[key], value)
        except ValueError as e:
            raise FileFormatError(source, line, f"bad value for {raw_key!r}: {e}") from e
    profile = dataclasses.replace(base, **changes)  # type: ignore[arg-type]
    problem = profile_problem(profile)
    if problem is not None:
        raise FileFormatError(source, _key_line(text, problem[0]), problem[1])
    return profile


def profile_problem(p: SimProfile) -> tuple[str, str] | None:
    """(field, reason) for the first inconsistent setting, or None."""
    if not 0 < p.speed_min <= p.speed_max:
        return "speed_min", "need 0 < speed_min <= speed_max"
    if p.speed_step <= 0:
        return "speed_step", "speed_step must be > 0"
    if p.incline_min > p.incline_max:
        return "incline_min", "need incline_min <= incline_max"
    if p.incline_step <= 0:
        return "incline_step", "incline_step must be > 0"
    for name in ("accel_kmh_s", "decel_kmh_s", "stop_decel_kmh_s", "safety_decel_kmh_s"):
        if getattr(p, name) <= 0:
            return name, f"{name} must be > 0"
    if p.data_interval_s < 0.01:
        return "data_interval_s", "data_interval_s must be >= 0.01"
    if p.att_payload < 4:
        return "att_payload", "att_payload must be >= 4"
    for name in ("data_fields", "unavailable_fields", "vanishing_fields"):
        unknown = [f for f in getattr(p, name) if f not in DATA_FIELDS]
        if unknown:
            return name, f"unknown field(s) {unknown}; known: {', '.join(DATA_FIELDS)}"
    for name in ("att_delay_s", "indication_delay_s", "start_delay_s", "split_gap_s"):
        if getattr(p, name) < 0:
            return name, f"{name} must be >= 0"
    return None


def _coerce(hint: object, value: object) -> object:
    """Check/convert a TOML value against a SimProfile field type."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is False:  # TOML has no null: false switches an optional setting off
            return None
        return _coerce(args[0], value)
    if origin is tuple:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of strings")
        return tuple(value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        allowed = [m.value for m in hint]
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of {', '.join(map(str, allowed))}")
        return hint(value)
    if hint is bool:
        if not isinstance(value, bool):
            raise ValueError("expected true or false")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("expected an integer")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("expected a number")
        if not math.isfinite(value):
            raise ValueError(f"{value} is not a finite number")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise ValueError("expected a string")
        return value
    raise ValueError(f"unsupported setting type {hint!r}")  # pragma: no cover


def _key_line(text: str, key: str) -> int | None:
    """1-based line where ``key`` (dashes or underscores) is assigned, if it can be found."""
    alternatives = {key, key.replace("_", "-"), key.replace("-", "_")}
    pattern = re.compile(
        r"^[ \t]*(?:" + "|".join(re.escape(k) for k in alternatives) + r")[ \t]*=", re.MULTILINE
    )
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


__all__ = [
    "BUILTIN_PROFILES",
    "DATA_FIELDS",
    "AdvertVariant",
    "BusyWrites",
    "ControlPolicy",
    "IdleRecords",
    "OffStep",
    "OutOfRange",
    "RememberTarget",
    "RepeatRequestControl",
    "RepeatedStop",
    "SimProfile",
    "SpeedUnit",
    "SpeedWhenStopped",
    "SplitRecords",
    "StartWhileRunning",
    "StatusOrder",
    "available_profiles",
    "load_profile",
    "profile_dir",
    "profile_from_mapping",
    "profile_from_toml",
    "profile_problem",
]
