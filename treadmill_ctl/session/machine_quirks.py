"""What the guided machine check learned about one treadmill, saved per treadmill.

A :class:`MachineQuirks` holds one value per quirk, named and valued exactly like the virtual
treadmill's profile options (``sim.profiles.SimProfile``), so a check of a virtual treadmill
can be compared with its profile key by key. ``None`` always means "the check could not tell":
nothing is guessed.

A :class:`MachineCheck` is one check of one treadmill (its address, when, the quirks, the
dangers found). It is saved as a hand-readable, versioned TOML file in the config folder
(``treadmills/<address>.toml``, written atomically). A check that found a danger *blocks*
sessions on that treadmill until the user clears the flag (``treadmill-ctl check --unblock
ADDRESS``, or ``blocked = false`` in the file).

:func:`session_settings` turns a check (or its absence) into the settings today's link and
engine take: the unit of the targets, the staleness threshold, the step and the waits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from treadmill_ctl import storage
from treadmill_ctl.errors import FileFormatError, TreadmillError
from treadmill_ctl.sim.profiles import (
    ControlPolicy,
    OffStep,
    OutOfRange,
    RepeatedStop,
    RepeatRequestControl,
    SpeedWhenStopped,
    StartWhileRunning,
)
from treadmill_ctl.texts import Day, join, tr
from treadmill_ctl.toml_document import ParsedDocument, migrate, parse_document, toml_lines
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit

CHECK_SCHEMA: Final = 1
"""Schema of the saved check files."""
MAX_FILE_BYTES: Final = 64 * 1024
"""A check file is a few hundred bytes; anything much larger is not one (and is not read)."""

DEFAULT_STALE_AFTER_S: Final = 2.0
"""Treadmill Data older than max(this, 3 x the record interval) is stale (safety.md)."""
DEFAULT_START_TIMEOUT_S: Final = 10.0
DEFAULT_STOP_TIMEOUT_S: Final = 45.0
DEFAULT_REACH_RATE_KMH_S: Final = 0.3
"""The slowest speed change assumed when waiting for the belt to reach a set-point."""


class MachineBlockedError(TreadmillError):
    """Sessions on this treadmill are refused: its check found a danger the user has not
    accepted yet."""


# The quirk keys, in the order they are written and printed (``--json``).
_ENUM_KEYS: Final[dict[str, type[Any]]] = {
    "speed_unit": SpeedUnit,
    "off_step": OffStep,
    "out_of_range": OutOfRange,
    "speed_when_stopped": SpeedWhenStopped,
    "start_while_running": StartWhileRunning,
    "control": ControlPolicy,
    "repeat_request_control": RepeatRequestControl,
    "repeated_stop": RepeatedStop,
}
_FLOAT_KEYS: Final = (
    "speed_min",
    "speed_max",
    "speed_step",
    "start_delay_s",
    "accel_kmh_s",
    "decel_kmh_s",
    "stop_decel_kmh_s",
    "data_interval_s",
)
_BOOL_KEYS: Final = ("stop_speeds_up",)


@dataclass(frozen=True, slots=True)
class MachineQuirks:
    """One treadmill's quirks as the check saw them (``None``: could not tell).

    Keys and values are those of ``sim.profiles.SimProfile``. ``speed_min``/``speed_max``/
    ``speed_step`` are the Supported Speed Range as sent, in the console's unit (like the
    profile's); rates are km/h per s of the reported belt speed; times in s."""

    speed_unit: SpeedUnit | None = None
    speed_min: float | None = None
    speed_max: float | None = None
    speed_step: float | None = None
    off_step: OffStep | None = None
    out_of_range: OutOfRange | None = None
    speed_when_stopped: SpeedWhenStopped | None = None
    start_while_running: StartWhileRunning | None = None
    control: ControlPolicy | None = None
    repeat_request_control: RepeatRequestControl | None = None
    repeated_stop: RepeatedStop | None = None
    start_delay_s: float | None = None
    accel_kmh_s: float | None = None
    decel_kmh_s: float | None = None
    stop_decel_kmh_s: float | None = None
    data_interval_s: float | None = None
    stop_speeds_up: bool | None = None

    def to_json(self) -> dict[str, object]:
        """Every key, enum values as their profile strings, unknowns as None (JSON null)."""
        out: dict[str, object] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name] = value.value if hasattr(value, "value") else value
        return out

    @property
    def speed_factor(self) -> float | None:
        """km/h per console unit (1.0 or 1.609), None when the unit is not known."""
        if self.speed_unit is None:
            return None
        return KMH_PER_MPH if self.speed_unit is SpeedUnit.MPH else 1.0


QUIRK_KEYS: Final = tuple(f.name for f in dataclasses.fields(MachineQuirks))


@dataclass(frozen=True, slots=True)
class MachineCheck:
    """One check of one treadmill: who, when, what was learned, what is dangerous.

    ``dangers``: what makes sessions unsafe on this machine (user words). ``blocked``: sessions
    are refused until the user clears it (set when a danger was found)."""

    address: str
    quirks: MachineQuirks
    checked_at: dt.datetime
    name: str = ""
    dangers: tuple[str, ...] = ()
    blocked: bool = False
    max_speed_kmh: float = 0.0  # the fastest the belt was reported during the check
    duration_s: float = 0.0  # the check's length (loop time)
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, object]:
        """The quirks (profile keys at the top level) plus the check's facts."""
        return {
            **self.quirks.to_json(),
            "address": self.address,
            "name": self.name,
            "checked_at": _iso(self.checked_at),
            "dangers": list(self.dangers),
            "blocked": self.blocked,
            "max_speed_kmh": round(self.max_speed_kmh, 2),
            "duration_s": round(self.duration_s, 1),
            "notes": list(self.notes),
        }

    def summary(self) -> str:
        """One line for the Treadmill screen: ``Checked on 3 Dec 2026: mph console, ...`` (a
        ``Text``: the screen says it in the user's language, the date in its words)."""
        q = self.quirks
        parts: list[str] = []
        if q.speed_unit is not None:
            parts.append(tr("mph console") if q.speed_unit is SpeedUnit.MPH else tr("km/h console"))
        else:
            parts.append(tr("target unit unknown"))
        factor = q.speed_factor
        if q.speed_step is not None and factor is not None:
            parts.append(tr("{step} km/h steps", step=f"{q.speed_step * factor:.2g}"))
        if q.start_delay_s is not None:
            parts.append(tr("belt moves {seconds} s after Start", seconds=f"{q.start_delay_s:g}"))
        if q.accel_kmh_s is not None:
            parts.append(tr("speeds up {rate} km/h/s", rate=f"{q.accel_kmh_s:g}"))
        if q.data_interval_s is not None:
            parts.append(tr("data every {seconds} s", seconds=f"{q.data_interval_s:g}"))
        unknown = sum(1 for k in QUIRK_KEYS if getattr(q, k) is None)
        if unknown == 1:
            parts.append(tr("1 quirk not determined"))
        elif unknown:
            parts.append(tr("{n} quirks not determined", n=unknown))
        day = Day(self.checked_at.date())
        found = join(parts, ", ")
        if self.blocked:
            # The dangers are the check's own findings, in English (docs/translations.md).
            return tr(
                "Checked on {date}: {found}. SESSIONS REFUSED: {dangers}",
                date=day,
                found=found,
                dangers="; ".join(self.dangers),
            )
        return tr("Checked on {date}: {found}", date=day, found=found)


# ---- what a session takes from a check --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MachineSessionSettings:
    """What the link and the session engine take from a check (or the safe defaults without
    one).

    ``target_unit`` goes to ``TreadmillLink(target_unit=...)``; the session machine waits
    ``start_timeout_s`` for the belt after Start, ``stop_timeout_s`` for a still belt after
    Stop or pause, and allows ``reach_rate_kmh_s`` (the machine's slower of accelerating and
    decelerating) for the belt to reach a set-point; ``stale_after_s`` is the staleness
    threshold of Treadmill Data (``MachineBase.timing``; docs/machine-check.md)."""

    target_unit: SpeedUnit = SpeedUnit.KMH
    stale_after_s: float = DEFAULT_STALE_AFTER_S
    speed_step_kmh: float | None = None
    start_timeout_s: float = DEFAULT_START_TIMEOUT_S
    stop_timeout_s: float = DEFAULT_STOP_TIMEOUT_S
    reach_rate_kmh_s: float = DEFAULT_REACH_RATE_KMH_S
    speed_before_start: bool | None = None  # None: unknown, send it before and after Start
    start_toggles_pause: bool | None = None
    checked: bool = False


def session_settings(
    check: MachineCheck | None, *, fallback_unit: SpeedUnit = SpeedUnit.KMH
) -> MachineSessionSettings:
    """The settings for a session on a treadmill with this check (None: never checked: the safe
    defaults and ``fallback_unit``, the user's hand-set option). Raises MachineBlockedError
    when the check blocks sessions."""
    if check is None:
        return MachineSessionSettings(target_unit=fallback_unit)
    if check.blocked:
        dangers = "; ".join(check.dangers) or "a danger"
        raise MachineBlockedError(
            f"Sessions on {check.name or check.address} are refused: its check found {dangers}. "
            f"If you have dealt with it, clear the block with "
            f"'treadmill-ctl check --unblock {check.address}'."
        )
    q = check.quirks
    factor = q.speed_factor
    stale = DEFAULT_STALE_AFTER_S
    if q.data_interval_s is not None:
        stale = max(DEFAULT_STALE_AFTER_S, 3 * q.data_interval_s)
    start_timeout = DEFAULT_START_TIMEOUT_S
    if q.start_delay_s is not None:
        start_timeout = max(DEFAULT_START_TIMEOUT_S, q.start_delay_s + 5.0)
    stop_timeout = DEFAULT_STOP_TIMEOUT_S
    if q.stop_decel_kmh_s is not None and q.stop_decel_kmh_s > 0:
        # from the fastest forward speed (20 km/h) with a margin
        stop_timeout = max(DEFAULT_STOP_TIMEOUT_S, 20.0 / q.stop_decel_kmh_s * 1.5)
    step = None
    if q.speed_step is not None and factor is not None:
        step = round(q.speed_step * factor, 3)
    rates = [r for r in (q.accel_kmh_s, q.decel_kmh_s) if r is not None and r > 0]
    # Never more patient than the default's 0.3 km/h/s allows for a slow console, never less.
    reach = min(DEFAULT_REACH_RATE_KMH_S, *rates) if rates else DEFAULT_REACH_RATE_KMH_S
    before = None
    if q.speed_when_stopped is not None:
        before = q.speed_when_stopped is SpeedWhenStopped.PENDING
    toggles = None
    if q.start_while_running is not None:
        toggles = q.start_while_running is StartWhileRunning.TOGGLE_PAUSE
    return MachineSessionSettings(
        target_unit=q.speed_unit if q.speed_unit is not None else fallback_unit,
        stale_after_s=stale,
        speed_step_kmh=step,
        start_timeout_s=start_timeout,
        stop_timeout_s=stop_timeout,
        reach_rate_kmh_s=max(0.05, reach),
        speed_before_start=before,
        start_toggles_pause=toggles,
        checked=True,
    )


NOT_CHECKED_HINT: Final = (
    "This treadmill has not been checked yet: sessions use safe defaults. Run “Check this "
    "treadmill” (nobody on the belt) so the app learns its unit, steps and timing."
)


# ---- the saved file ---------------------------------------------------------------------------


def checks_dir() -> Path:
    """Where the check files are (``<config>/treadmills``)."""
    return storage.config_dir() / "treadmills"


def check_path(address: str) -> Path:
    """The file of the treadmill at ``address`` (``AA-BB-CC-DD-EE-FF.toml``)."""
    safe = re.sub(r"[^0-9A-Za-z]+", "-", address.strip()).strip("-").upper() or "unknown"
    return checks_dir() / f"{safe}.toml"


def dump_check(check: MachineCheck) -> str:
    """The check as a hand-readable TOML document."""
    q = check.quirks.to_json()
    known = {k: v for k, v in q.items() if v is not None}
    unknown = [k for k, v in q.items() if v is None]
    head = [
        f"# treadmill-ctl: what the machine check learned about {check.name or check.address}.",
        "# Values are what the check saw (same names as the virtual treadmill's profiles).",
        "# A quirk that is missing could not be told; sessions use safe defaults for it.",
        f"schema = {CHECK_SCHEMA}",
        *toml_lines(
            {
                "address": check.address,
                "name": check.name,
                "checked_at": _iso(check.checked_at),
                "max_speed_kmh": round(check.max_speed_kmh, 2),
                "duration_s": round(check.duration_s, 1),
            }
        ),
    ]
    if check.dangers or check.blocked:
        head += [
            "",
            "# The check found a danger: sessions on this treadmill are refused while",
            "# blocked = true. Clear it once you have dealt with it: 'treadmill-ctl check",
            f"# --unblock {check.address}' (or set blocked = false here).",
        ]
    head += toml_lines({"blocked": check.blocked, "dangers": list(check.dangers)})
    if check.notes:
        head += toml_lines({"notes": list(check.notes)})
    body = ["", "[quirks]", *toml_lines(known)]
    if unknown:
        body.append("# not determined: " + ", ".join(unknown))
    return "\n".join([*head, *body]) + "\n"


def save_check(check: MachineCheck, path: Path | None = None) -> Path:
    """Write the check atomically (to ``check_path(address)`` by default); returns the path."""
    target = path or check_path(check.address)
    storage.atomic_write_text(target, dump_check(check))
    return target


def parse_check(text: str, source: str) -> MachineCheck:
    """Read one check file's text; raises FileFormatError (file, line, reason)."""
    doc = parse_document(text, source)
    data = migrate(doc, current=CHECK_SCHEMA, migrations={}, what="machine check")
    address = data.get("address")
    if not isinstance(address, str) or not address:
        raise doc.error(("address",), "address must be the treadmill's address (a string)")
    checked_at = _read_time(doc, data.get("checked_at"))
    quirks_doc = data.get("quirks", {})
    if not isinstance(quirks_doc, dict):
        raise doc.error(("quirks",), "quirks must be a table")
    values: dict[str, Any] = {}
    for key, value in quirks_doc.items():
        values[key] = _read_quirk(doc, key, value)
    blocked = data.get("blocked", False)
    if not isinstance(blocked, bool):
        raise doc.error(("blocked",), "blocked must be true or false")
    dangers = _strings(doc, data, "dangers")
    notes = _strings(doc, data, "notes")
    name = data.get("name", "")
    return MachineCheck(
        address=address,
        name=name if isinstance(name, str) else "",
        quirks=MachineQuirks(**values),
        checked_at=checked_at,
        dangers=dangers,
        blocked=blocked,
        max_speed_kmh=_number(data.get("max_speed_kmh", 0.0)),
        duration_s=_number(data.get("duration_s", 0.0)),
        notes=notes,
    )


@dataclass(frozen=True, slots=True)
class LoadedCheck:
    """A treadmill's saved check, or why there is none: ``check`` None and ``problem`` set for
    a bad file (it is left untouched; sessions use the safe defaults)."""

    check: MachineCheck | None
    problem: FileFormatError | None = None
    path: Path | None = None


def load_check(address: str, path: Path | None = None) -> LoadedCheck:
    """The saved check of ``address`` (blocking file I/O: call it off the loop, e.g. with
    ``asyncio.to_thread``). A missing file is no check; a bad one is reported, not raised."""
    target = path or check_path(address)
    try:
        with target.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return LoadedCheck(None, None, target)
    except OSError as exc:
        problem = FileFormatError(str(target), None, f"cannot read: {exc.strerror or exc}")
        return LoadedCheck(None, problem, target)
    if len(raw) > MAX_FILE_BYTES:
        problem = FileFormatError(str(target), None, f"larger than {MAX_FILE_BYTES} bytes")
        return LoadedCheck(None, problem, target)
    try:
        check = parse_check(raw.decode("utf-8"), str(target))
    except UnicodeDecodeError:
        return LoadedCheck(None, FileFormatError(str(target), None, "not UTF-8 text"), target)
    except FileFormatError as exc:
        return LoadedCheck(None, exc, target)
    if check.address.upper() != address.upper():
        problem = FileFormatError(
            str(target), doc_line(raw, "address"), f"this file is for {check.address}"
        )
        return LoadedCheck(None, problem, target)
    return LoadedCheck(check, None, target)


def unblock(address: str) -> MachineCheck:
    """The user's explicit decision: clear the block of ``address``'s check (the dangers stay
    listed in the file). Raises FileFormatError when there is no readable check."""
    loaded = load_check(address)
    if loaded.problem is not None:
        raise loaded.problem
    if loaded.check is None:
        raise FileFormatError(str(check_path(address)), None, "no check saved for this address")
    check = dataclasses.replace(loaded.check, blocked=False)
    save_check(check, loaded.path)
    return check


def doc_line(raw: bytes, key: str) -> int | None:
    """The line of ``key = ...`` in a file's bytes, if found."""
    m = re.search(rb"^\s*" + re.escape(key.encode()) + rb"\s*=", raw, re.MULTILINE)
    return raw.count(b"\n", 0, m.start()) + 1 if m else None


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _read_time(doc: ParsedDocument, value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    raise doc.error(("checked_at",), "checked_at must be a date and time (2026-12-03T08:50:00Z)")


def _read_quirk(doc: ParsedDocument, key: str, value: object) -> object:
    path = ("quirks", key)
    if key in _ENUM_KEYS:
        kind = _ENUM_KEYS[key]
        allowed = [m.value for m in kind]
        if value not in allowed:
            raise doc.error(path, f"{key} must be one of {', '.join(allowed)}")
        return kind(value)
    if key in _FLOAT_KEYS:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise doc.error(path, f"{key} must be a number, 0 or more")
        return float(value)
    if key in _BOOL_KEYS:
        if not isinstance(value, bool):
            raise doc.error(path, f"{key} must be true or false")
        return value
    from treadmill_ctl.toml_document import suggest_key  # noqa: PLC0415 - only for typos

    raise doc.error(path, f"unknown quirk {key!r}{suggest_key(key, set(QUIRK_KEYS))}")


def _strings(doc: ParsedDocument, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise doc.error((key,), f"{key} must be a list of strings")
    return tuple(value)


def _number(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return 0.0


__all__ = [
    "CHECK_SCHEMA",
    "NOT_CHECKED_HINT",
    "QUIRK_KEYS",
    "LoadedCheck",
    "MachineBlockedError",
    "MachineCheck",
    "MachineQuirks",
    "MachineSessionSettings",
    "check_path",
    "checks_dir",
    "dump_check",
    "load_check",
    "parse_check",
    "save_check",
    "session_settings",
    "unblock",
]
