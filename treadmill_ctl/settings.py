"""User settings: one versioned, hand-editable TOML file in ``storage.config_dir()``.

Loading never fails and never touches the file: a file that is not valid TOML is reported
(file, line, reason) and the defaults are used; a single bad value is reported and that field
keeps its default. Saving is atomic (``storage.atomic_write_text``).

Fields may be added (additively) by other parts of the app; each needs a default, a checker
and a line in ``docs/session-engine.md``.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from treadmill_ctl import storage
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.toml_document import (
    Migration,
    ParsedDocument,
    migrate,
    parse_document,
    suggest_key,
    toml_key,
    toml_lines,
    toml_value,
)
from treadmill_ctl.toml_limits import read_toml_file
from treadmill_ctl.units import SpeedUnit, TurningStyle

log = logging.getLogger(__name__)

SETTINGS_SCHEMA: Final = 1
SETTINGS_FILE: Final = "settings.toml"

BACKWARD_HARD_CEILING_KMH: Final = 8.0  # no setting can raise a backward block above this
BACKWARD_DEFAULT_CAP_KMH: Final = 6.0
TURNING_WALK_MAX_KMH: Final = 1.5
FORWARD_HARD_CEILING_KMH: Final = 25.0

# Older schemas -> next schema. Empty while schema 1 is the only one ever written.
SETTINGS_MIGRATIONS: Final[dict[int, Migration]] = {}


class DistanceUnit(enum.StrEnum):
    METRIC = "metric"
    IMPERIAL = "imperial"


class Theme(enum.StrEnum):
    DARK = "dark"
    LIGHT = "light"
    HIGH_CONTRAST = "high_contrast"  # black, white and yellow; thicker focus frames


class Language(enum.StrEnum):
    """The app's language (docs/translations.md); SYSTEM follows the system's locale."""

    SYSTEM = "system"
    ENGLISH = "en"
    GERMAN = "de"
    SPANISH = "es"
    FRENCH = "fr"


# Action -> keys (Qt key-sequence names). Shown in the GUI's "?" overlay and in the README.
DEFAULT_KEY_BINDINGS: Final[dict[str, tuple[str, ...]]] = {
    "stop": ("Space", "Escape"),
    "pause_resume": ("P",),
    "start_confirm": ("Return", "Enter"),
    "skip": ("N",),
    "extend": ("E",),
    "speed_up_small": ("Up",),
    "speed_down_small": ("Down",),
    "speed_up_big": ("Shift+Up",),
    "speed_down_big": ("Shift+Down",),
    "fullscreen": ("F11",),
    "help": ("?",),
}

# Presenter clicker keys (used when clicker_mode is on): any of them can stop, none can start
# the belt or raise the speed. "pause" only pauses (never resumes).
DEFAULT_CLICKER_BINDINGS: Final[dict[str, tuple[str, ...]]] = {
    "stop": ("Escape", "B", "Period", "F5", "Shift+F5"),
    "pause": ("PageUp",),
    "speed_down_small": ("PageDown",),
}

# STOP can gain keys, never lose these: Space and Escape always stop, and so does every stop
# button of a presenter clicker. A settings file that takes them away, gives them to another
# action, or lets a clicker button start, resume or speed up is reported and corrected.
ALWAYS_STOP_KEYS: Final = ("Space", "Escape")
CLICKER_STOP_KEYS: Final = DEFAULT_CLICKER_BINDINGS["stop"]
CLICKER_KEYS: Final = tuple(k for keys in DEFAULT_CLICKER_BINDINGS.values() for k in keys)
# What a clicker button may do (keys.CLICKER_SAFE_ACTIONS says the same for the key filter).
CLICKER_SAFE_ACTION_NAMES: Final = frozenset(
    {"stop", "pause", "speed_down_small", "speed_down_big"}
)
MAX_KEYS_PER_ACTION: Final = 16
MAX_TEXT_CHARS: Final = 1_000  # names, addresses, folders
# Window geometry the screen can have (Qt keeps it in 32-bit ints; 3 000 000 000 overflowed).
WINDOW_SIZE_RANGE: Final = (200, 16_384)
WINDOW_POS_RANGE: Final = (-16_384, 16_384)

# Key names as the settings file may spell them -> one spelling (Qt's parser is in app/keys.py;
# this is the Qt-free check, keys.KeyMap checks the parsed keys again).
_KEY_NAME_ALIASES: Final = {
    ".": "period",
    ",": "comma",
    " ": "space",
    "esc": "escape",
    "pgup": "pageup",
    "pgdown": "pagedown",
    "page up": "pageup",
    "page down": "pagedown",
    "?": "question",
}


def key_identity(name: str) -> str:
    """One spelling for a key name: "Shift+Period", "shift+." and "SHIFT+period" are the same
    key."""
    *mods, last = name.split("+") if name.strip() != "+" else ["+"]
    if not last and mods:  # "Shift++": the plus key
        mods, last = mods[:-1], "+"
    key = last.strip().casefold()
    key = _KEY_NAME_ALIASES.get(key, key)
    return "+".join([*sorted(m.strip().casefold() for m in mods if m.strip()), key])


@dataclass(frozen=True, slots=True)
class WindowState:
    """Last window geometry (the GUI saves it on close)."""

    width: int = 1280
    height: int = 720
    x: int | None = None
    y: int | None = None
    maximized: bool = False
    fullscreen: bool = False


@dataclass(frozen=True, slots=True)
class Settings:
    """Every user setting, with its default. Change with ``dataclasses.replace`` (or
    ``with_changes``, which checks the new values) and persist with ``save_settings``."""

    schema: int = SETTINGS_SCHEMA
    # Safety
    backward_cap_kmh: float = BACKWARD_DEFAULT_CAP_KMH
    backward_default_kmh: float = 3.0
    forward_cap_kmh: float = 12.0
    ramp_kmh_per_s: float = 0.5
    turning_style: TurningStyle = TurningStyle.STOP
    turning_walk_kmh: float = 1.0
    countdown_s: int = 5
    start_countdown_s: int = 5
    cue_lead_s: int = 5  # how long before an automatic change its cue is given
    hr_cap_bpm: int | None = None
    # Training plans: the gate after each session's debrief (docs/plans.md, "The gate")
    plan_pain_ok_max: int = 2  # knee pain (0-10) at most this: the plan may move on
    plan_pain_high: int = 5  # at least this: the plan steps back
    plan_effort_max: int = 7  # effort (RPE 0-10) above this: the same session again
    plan_high_pain_sessions: int = 2  # high pain this many sessions in a row: see a professional
    # Imported workouts (ZWO, FIT): their targets are fractions of the runner's threshold pace,
    # given as a speed (10 km/h = 6:00 per km). Low on purpose: a workout written for a faster
    # runner comes out slower, never faster, and every speed still meets the caps.
    threshold_speed_kmh: float = 10.0
    # Display and sound
    speed_unit: SpeedUnit = SpeedUnit.KMH
    distance_unit: DistanceUnit = DistanceUnit.METRIC
    theme: Theme = Theme.DARK
    language: Language = Language.SYSTEM
    sound_on: bool = True
    voice_on: bool = True
    volume: float = 0.8
    # Keys
    clicker_mode: bool = True
    key_bindings: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_KEY_BINDINGS)
    )
    clicker_bindings: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_CLICKER_BINDINGS)
    )
    # Devices and diagnostics
    treadmill_address: str | None = None
    treadmill_name: str | None = None
    # The unit the treadmill's console reads speed set-points in (FTMS says km/h; some read
    # mph): give it to the link (units.SpeedUnit) when connecting.
    treadmill_speed_unit: SpeedUnit = SpeedUnit.KMH
    hr_strap_address: str | None = None
    hr_strap_name: str | None = None
    debug_traffic_log: bool = False
    traffic_log_dir: str = ""  # empty: storage.data_dir() / "traffic"
    window: WindowState = field(default_factory=WindowState)

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; raises ValueError naming the first bad value."""
        new = dataclasses.replace(self, **changes)
        problems = new.problems()
        if problems:
            raise ValueError(problems[0])
        return new

    def problems(self) -> list[str]:
        """Every value outside its allowed range, in user words (empty when all is well)."""
        out: list[str] = []
        for f in dataclasses.fields(self):
            check = _CHECKS.get(f.name)
            if check is None:
                continue
            reason = check(getattr(self, f.name))
            if reason:
                out.append(f"{f.name}: {reason}")
        if not _bindings(self.key_bindings) and not _bindings(self.clicker_bindings):
            _, _, unsafe = safe_key_bindings(self.key_bindings, self.clicker_bindings)
            out += [f"{table}.{action}: {reason}" for table, action, reason in unsafe]
        if self.backward_default_kmh > self.backward_cap_kmh:
            out.append(
                f"backward_default_kmh: {self.backward_default_kmh} km/h is above the backward "
                f"cap {self.backward_cap_kmh} km/h"
            )
        return out

    def effective_traffic_log_dir(self) -> Path:
        return (
            Path(self.traffic_log_dir) if self.traffic_log_dir else storage.data_dir() / "traffic"
        )

    def to_toml(self) -> str:
        """The settings as a readable TOML document (what ``save_settings`` writes)."""
        scalars: dict[str, object] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in ("key_bindings", "clicker_bindings", "window"):
                continue
            scalars[f.name] = str(value) if isinstance(value, enum.Enum) else value
        lines = [
            "# treadmill-ctl settings. Hand-editable; a bad value is reported and ignored.",
            *toml_lines(scalars),
        ]
        for table in ("key_bindings", "clicker_bindings"):
            lines += ["", f"[{table}]"]
            bindings: Mapping[str, tuple[str, ...]] = getattr(self, table)
            lines += [f"{toml_key(k)} = {toml_value(list(v))}" for k, v in bindings.items()]
        lines += ["", "[window]", *toml_lines(dataclasses.asdict(self.window))]
        return "\n".join(lines) + "\n"


def _number(lo: float, hi: float, unit: str) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"must be a number ({unit})"
        if not math.isfinite(value) or not lo <= value <= hi:
            return f"{value} is outside {lo}–{hi} {unit}"
        return None

    return check


def _whole(lo: int, hi: int, unit: str) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"must be a whole number ({unit})"
        if isinstance(value, float) and not value.is_integer():
            return f"{value} is not a whole number ({unit})"
        if not lo <= value <= hi:
            return f"{value} is outside {lo}–{hi} {unit}"
        return None

    return check


def _optional(check: Callable[[object], str | None]) -> Callable[[object], str | None]:
    return lambda value: None if value is None else check(value)


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return "must be text"
    if len(value) > MAX_TEXT_CHARS:
        return f"is {len(value)} characters long (at most {MAX_TEXT_CHARS})"
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in value):
        return "contains control characters"
    return None


def _bindings(value: object) -> str | None:
    if not isinstance(value, Mapping):
        return "must be a table of action = [keys]"
    for action, keys in value.items():
        if not isinstance(keys, tuple | list) or not all(isinstance(k, str) for k in keys):
            return f"'{action}' must be a list of key names"
        if len(keys) > MAX_KEYS_PER_ACTION:
            return f"'{action}' has {len(keys)} keys (at most {MAX_KEYS_PER_ACTION})"
        if any(not k.strip() or len(k) > 40 for k in keys):
            return f"'{action}' has an empty or over-long key name"
    return None


type BindingTable = Mapping[str, tuple[str, ...]]


def safe_key_bindings(
    key_bindings: BindingTable, clicker_bindings: BindingTable
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], list[tuple[str, str, str]]]:
    """The bindings with STOP's keys kept: Space and Escape always stop, every clicker stop
    button always stops, and no clicker button starts, resumes or speeds up. Returns the safe
    tables and, for each change made, (table, action, reason)."""
    problems: list[tuple[str, str, str]] = []
    always = {key_identity(k) for k in ALWAYS_STOP_KEYS}
    clicker_stop = {key_identity(k) for k in CLICKER_STOP_KEYS}
    clicker_any = {key_identity(k) for k in CLICKER_KEYS} | {
        key_identity(k) for keys in clicker_bindings.values() for k in keys
    }

    def stops(k: str) -> bool:
        return key_identity(k) in always or key_identity(k) in clicker_stop

    def clicker_button(k: str) -> bool:
        return key_identity(k) in clicker_any

    def cleaned(table: BindingTable, name: str, *, clicker: bool) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for action, keys in table.items():
            if action == "stop":
                out[action] = tuple(keys)
                continue
            if clicker and action not in CLICKER_SAFE_ACTION_NAMES:
                if keys:
                    problems.append(
                        (name, action, "a clicker button may only stop, pause or slow down")
                    )
                out[action] = ()
                continue
            unsafe = action not in CLICKER_SAFE_ACTION_NAMES
            stoppers = [k for k in keys if stops(k)]
            clicker_keys = [k for k in keys if unsafe and not stops(k) and clicker_button(k)]
            kept = [k for k in keys if k not in stoppers and k not in clicker_keys]
            if stoppers:
                verb = "stops" if len(stoppers) == 1 else "stop"
                problems.append(
                    (name, action, f"{', '.join(stoppers)} always {verb} the belt, not {action}")
                )
            if clicker_keys:
                problems.append(
                    (
                        name,
                        action,
                        f"{', '.join(clicker_keys)}: a clicker button may only stop, "
                        f"pause or slow down, not {action}",
                    )
                )
            if not kept and (stoppers or clicker_keys):
                # The action keeps its default keys, where they are safe here.
                defaults = DEFAULT_CLICKER_BINDINGS if clicker else DEFAULT_KEY_BINDINGS
                kept = [
                    k
                    for k in defaults.get(action, ())
                    if not stops(k) and not (unsafe and clicker_button(k))
                ]
            out[action] = tuple(kept)
        stop = list(out.get("stop", ()))
        have = {key_identity(k) for k in stop}
        must = ALWAYS_STOP_KEYS if not clicker else CLICKER_STOP_KEYS
        missing = [k for k in must if key_identity(k) not in have]
        if missing:
            problems.append(
                (
                    name,
                    "stop",
                    f"STOP keeps {', '.join(missing)} (STOP can gain keys, never lose these)",
                )
            )
            stop = [*missing, *stop] if not clicker else [*stop, *missing]
        out["stop"] = tuple(stop)
        return out

    keys = cleaned(key_bindings, "key_bindings", clicker=False)
    clicker = cleaned(clicker_bindings, "clicker_bindings", clicker=True)
    return keys, clicker, problems


_CHECKS: Final[dict[str, Callable[[object], str | None]]] = {
    "backward_cap_kmh": _number(0.5, BACKWARD_HARD_CEILING_KMH, "km/h"),
    "backward_default_kmh": _number(0.5, BACKWARD_HARD_CEILING_KMH, "km/h"),
    "forward_cap_kmh": _number(0.5, FORWARD_HARD_CEILING_KMH, "km/h"),
    "ramp_kmh_per_s": _number(0.05, 2.0, "km/h per s"),
    "turning_walk_kmh": _number(0.1, TURNING_WALK_MAX_KMH, "km/h"),
    "countdown_s": _whole(3, 30, "s"),
    "start_countdown_s": _whole(3, 30, "s"),
    "cue_lead_s": _whole(2, 30, "s"),
    "threshold_speed_kmh": _number(4.0, FORWARD_HARD_CEILING_KMH, "km/h"),
    "hr_cap_bpm": _optional(_whole(60, 230, "bpm")),
    # Ranges that never overlap: "low enough to move on" is always below "high".
    "plan_pain_ok_max": _whole(0, 3, "of 10"),
    "plan_pain_high": _whole(4, 8, "of 10"),
    "plan_effort_max": _whole(3, 10, "of 10"),
    "plan_high_pain_sessions": _whole(1, 5, "sessions"),
    "volume": _number(0.0, 1.0, "(0 to 1)"),
    "key_bindings": _bindings,
    "clicker_bindings": _bindings,
    "treadmill_address": _optional(_text),
    "treadmill_name": _optional(_text),
    "hr_strap_address": _optional(_text),
    "hr_strap_name": _optional(_text),
    "traffic_log_dir": _text,
}

_ENUMS: Final[dict[str, type[enum.StrEnum]]] = {
    "turning_style": TurningStyle,
    "speed_unit": SpeedUnit,
    "treadmill_speed_unit": SpeedUnit,
    "distance_unit": DistanceUnit,
    "theme": Theme,
    "language": Language,
}


def settings_path() -> Path:
    """Where the settings live: ``storage.config_dir() / "settings.toml"``."""
    return storage.config_dir() / SETTINGS_FILE


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    """Settings as loaded, plus every problem found in the file (already logged)."""

    settings: Settings
    problems: tuple[FileFormatError, ...] = ()
    path: Path | None = None


def load_settings(path: Path | None = None) -> LoadedSettings:
    """Read the settings file; never raises for its content and never modifies it."""
    path = path or settings_path()
    try:
        text = read_toml_file(path)
    except FileNotFoundError:
        return LoadedSettings(Settings(), (), path)
    except FileFormatError as exc:
        log.warning("%s; using defaults", exc)
        return LoadedSettings(Settings(), (exc,), path)
    except OSError as exc:
        problem = FileFormatError(str(path), None, f"cannot read settings: {exc}")
        log.warning("%s; using defaults", problem)
        return LoadedSettings(Settings(), (problem,), path)
    settings, problems = settings_from_text(text, str(path))
    for problem in problems:
        log.warning("settings: %s", problem)
    return LoadedSettings(settings, tuple(problems), path)


def settings_from_text(text: str, source: str) -> tuple[Settings, list[FileFormatError]]:
    """Settings from TOML text; bad values keep their defaults and are reported."""
    try:
        doc = parse_document(text, source)
        data = migrate(
            doc, current=SETTINGS_SCHEMA, migrations=SETTINGS_MIGRATIONS, what="settings"
        )
    except FileFormatError as exc:
        return Settings(), [exc]
    return _from_mapping(doc, data)


def _from_mapping(
    doc: ParsedDocument, data: Mapping[str, Any]
) -> tuple[Settings, list[FileFormatError]]:
    problems: list[FileFormatError] = []
    defaults = Settings()
    known = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    raw_bindings: dict[str, Any] = {}  # the tables as written (for the lines of problems)
    for key, raw in data.items():
        if key not in known:
            problems.append(doc.error((key,), f"unknown setting '{key}'{suggest_key(key, known)}"))
            continue
        if key == "schema":
            continue
        value: Any = raw
        if key in _ENUMS:
            enum_type = _ENUMS[key]
            try:
                value = enum_type(raw)
            except ValueError:
                choices = ", ".join(m.value for m in enum_type)
                problems.append(doc.error((key,), f"{key} must be one of {choices}, not {raw!r}"))
                continue
        elif key in ("key_bindings", "clicker_bindings"):
            reason = _bindings(raw)
            if reason:
                problems.append(doc.error((key,), f"{key}: {reason}"))
                continue
            value = {**getattr(defaults, key), **{k: tuple(v) for k, v in raw.items()}}
            raw_bindings[key] = raw
        elif key == "window":
            window, window_problems = _window(doc, raw)
            problems += window_problems
            value = window
        else:
            default = getattr(defaults, key)
            reason = _CHECKS[key](raw) if key in _CHECKS else _same_type(default, raw)
            if reason:
                problems.append(doc.error((key,), f"{key}: {reason}"))
                continue
            if isinstance(default, float) and isinstance(raw, int):
                value = float(raw)
            elif (
                isinstance(default, int)
                and not isinstance(default, bool)
                and isinstance(raw, float)
            ):
                value = round(raw) if raw.is_integer() else raw
        values[key] = value
    settings = dataclasses.replace(defaults, **values)
    keys, clicker, unsafe = safe_key_bindings(settings.key_bindings, settings.clicker_bindings)
    for table, action, reason in unsafe:
        where = (table, action) if action in raw_bindings.get(table, {}) else (table,)
        problems.append(doc.error(where, f"{table}.{action}: {reason}; using the safe keys"))
    if unsafe:
        settings = dataclasses.replace(settings, key_bindings=keys, clicker_bindings=clicker)
    if settings.backward_default_kmh > settings.backward_cap_kmh:
        problems.append(
            doc.error(
                ("backward_default_kmh",),
                f"backward_default_kmh {settings.backward_default_kmh} km/h is above the backward "
                f"cap {settings.backward_cap_kmh} km/h; using the cap",
            )
        )
        settings = dataclasses.replace(settings, backward_default_kmh=settings.backward_cap_kmh)
    return settings, problems


def _same_type(default: object, raw: object) -> str | None:
    if default is None:  # optional strings
        return None if isinstance(raw, str) else "must be text"
    if isinstance(default, bool):
        return None if isinstance(raw, bool) else "must be true or false"
    if isinstance(default, str):
        return None if isinstance(raw, str) else "must be text"
    if isinstance(default, int | float):
        return (
            None
            if isinstance(raw, int | float) and not isinstance(raw, bool)
            else "must be a number"
        )
    return None


def _window(doc: ParsedDocument, raw: object) -> tuple[WindowState, list[FileFormatError]]:
    if not isinstance(raw, Mapping):
        return WindowState(), [doc.error(("window",), "window must be a table")]
    problems: list[FileFormatError] = []
    fields = {f.name: f for f in dataclasses.fields(WindowState)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in fields:
            problems.append(doc.error(("window", key), f"unknown window setting '{key}'"))
        elif key in ("maximized", "fullscreen"):
            if isinstance(value, bool):
                values[key] = value
            else:
                problems.append(doc.error(("window", key), f"window.{key} must be true or false"))
        elif isinstance(value, int) and not isinstance(value, bool):
            lo, hi = WINDOW_SIZE_RANGE if key in ("width", "height") else WINDOW_POS_RANGE
            if lo <= value <= hi:
                values[key] = value
            else:
                problems.append(
                    doc.error(
                        ("window", key),
                        f"window.{key} {value} is outside {lo}–{hi} pixels; using the default",
                    )
                )
        else:
            problems.append(doc.error(("window", key), f"window.{key} must be a whole number"))
    return WindowState(**values), problems


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write ``settings`` atomically; raises ValueError (and writes nothing) if a value is bad."""
    problems = settings.problems()
    if problems:
        raise ValueError("; ".join(problems))
    path = path or settings_path()
    storage.atomic_write_text(path, settings.to_toml())
    return path
