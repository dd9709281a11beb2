"""The preset file format: hand-editable, versioned TOML session plans (``Preset``), their
checks (every problem located: file, line, reason) and the TOML a preset is saved as. The
library that holds them (folders, saves, imports) is ``session.presets``.

A preset file (full example in docs/presets.md)::

    schema = 1
    name = "Four by thirty"
    description = "..."
    track = "backward-run"      # optional: the progression ladder it belongs to
    level = 2                   # optional: its rung on that ladder
    # optional overrides of the settings for this preset:
    # countdown_s, turning_style ("stop" | "walk"), turning_walk_kmh, hr_cap_bpm

    [[step]]                    # a single phase
    kind = "warmup"             # warmup | forward | backward | recovery | cooldown | walk
    duration_s = 300
    speed_kmh = 5.0
    incline_pct = 1.0           # optional
    name = "Brisk walk"         # optional

    [[step]]                    # a repeat group: its phases run `repeat` times
    repeat = 4
    [[step.phase]]
    kind = "backward"
    duration_s = 30
    speed_kmh = 3.0             # optional for backward phases: default backward speed
    [[step.phase]]
    kind = "recovery"
    duration_s = 90
    speed_kmh = 5.0

Built-ins ship in ``resources/presets/``; user presets live in ``config_dir()/presets``. A bad
file is reported (file, line, problem) and left exactly as it is; the others still load.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from treadmill_ctl import shipped, storage
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.ftms.model import Capabilities
from treadmill_ctl.session.builtin_texts import translatable
from treadmill_ctl.session.phase_cues import cue_lines, read_cues
from treadmill_ctl.session.phase_hr import HR_FOLLOW_KEYS, hr_follow_items, read_hr_follow
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan, Repeat, Step, expand_steps
from treadmill_ctl.settings import (
    BACKWARD_HARD_CEILING_KMH,
    FORWARD_HARD_CEILING_KMH,
    TURNING_WALK_MAX_KMH,
    Settings,
)
from treadmill_ctl.toml_document import (
    DocumentChecker,
    KeyPath,
    Migration,
    ParsedDocument,
    migrate,
    parse_document,
    toml_lines,
)
from treadmill_ctl.toml_limits import read_toml_file
from treadmill_ctl.units import Direction, TurningStyle, speed_in, speed_words

log = logging.getLogger(__name__)

PRESET_SCHEMA: Final = 1
# Older schemas -> next schema. Empty while schema 1 is the only one ever written.
PRESET_MIGRATIONS: Final[dict[int, Migration]] = {}

MAX_PHASE_S: Final = 4 * 3600.0
MAX_REPEAT: Final = 100
INCLINE_LIMITS_PCT: Final = (-10.0, 25.0)

_TOP_KEYS: Final = frozenset(
    {
        "schema",
        "name",
        "description",
        "track",
        "level",
        "countdown_s",
        "turning_style",
        "turning_walk_kmh",
        "hr_cap_bpm",
        "step",
    }
)
_PHASE_KEYS: Final = frozenset(
    {"kind", "duration_s", "speed_kmh", "incline_pct", "name", "cue", *HR_FOLLOW_KEYS}
)
_REPEAT_KEYS: Final = frozenset({"repeat", "phase", "name"})


def user_presets_dir() -> Path:
    """Where user presets live: ``storage.config_dir() / "presets"``."""
    return storage.config_dir() / "presets"


def builtin_presets_dir() -> Path:
    """The presets shipped with the app: ``resources/presets``."""
    return shipped.presets_dir()


LADDER_TRACK: Final = "backward-run"  # the built-in progression a new runner starts on


def library_order(preset: Preset) -> tuple[bool, int, str, int, str]:
    """Sort key of the learning order every list of presets shows (the app's Presets screen,
    ``treadmill-ctl presets list``): built-ins first, the backward-running ladder at the top in
    rung order, then the other tracks; the user's presets by name."""
    return (
        not preset.builtin,
        0 if preset.track == LADDER_TRACK else 1,
        preset.track,
        preset.level or 0,
        preset.name.casefold(),
    )


@dataclass(frozen=True, slots=True)
class Preset:
    """A named session plan as stored in a file (``steps`` keep the repeat groups)."""

    id: str
    name: str
    steps: tuple[Step, ...]
    description: str = ""
    builtin: bool = False
    path: Path | None = None
    track: str = ""
    level: int | None = None
    countdown_s: int | None = None
    turning_style: TurningStyle | None = None
    turning_walk_kmh: float | None = None
    hr_cap_bpm: int | None = None
    warnings: tuple[FileFormatError, ...] = field(default=(), compare=False)

    @property
    def phases(self) -> tuple[Phase, ...]:
        return expand_steps(self.steps)

    def to_plan(self) -> Plan:
        """The plan the engine runs."""
        return Plan.from_steps(
            self.name,
            self.steps,
            id=self.id,
            description=self.description,
            countdown_s=self.countdown_s,
            turning_style=self.turning_style,
            turning_walk_kmh=self.turning_walk_kmh,
            hr_cap_bpm=self.hr_cap_bpm,
        )

    @property
    def total_s(self) -> float:
        return self.to_plan().total_s

    @property
    def backward_s(self) -> float:
        return self.to_plan().backward_s

    def summary(self, backward_default_kmh: float) -> dict[str, Any]:
        """The object ``presets list --json`` prints for this preset."""
        plan = self.to_plan()
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "builtin": self.builtin,
            "total_s": _clean_number(plan.total_s),
            "backward_s": _clean_number(plan.backward_s),
            "backward_blocks": plan.backward_blocks,
            "max_backward_kmh": plan.max_backward_kmh(backward_default_kmh),
            "track": self.track,
            "level": self.level,
            "path": str(self.path) if self.path else None,
        }


def _clean_number(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


# ---- parsing and validation -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PresetCheck:
    """Result of reading one preset: the preset (``None`` if it has errors) and every
    problem found. ``warnings`` do not stop a preset from loading (e.g. a speed the machine
    will clamp)."""

    preset: Preset | None
    errors: tuple[FileFormatError, ...] = ()
    warnings: tuple[FileFormatError, ...] = ()


class _Checker(DocumentChecker):
    """Collects located problems while building a preset from a parsed document."""

    def __init__(
        self, doc: ParsedDocument, settings: Settings, capabilities: Capabilities | None
    ) -> None:
        super().__init__(doc)
        self.settings = settings
        self.caps = capabilities
        self.warnings: list[FileFormatError] = []

    def warn(self, path: KeyPath, reason: str) -> None:
        self.warnings.append(self.doc.error(path, reason))

    def number(
        self, table: Mapping[str, Any], key: str, at: KeyPath, *, required: bool
    ) -> float | None:
        value = table.get(key)
        if value is None:
            if required:
                self.error(at, f"missing '{key}'")
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            self.error((*at, key), f"{key} must be a number, not {value!r}")
            return None
        return float(value)

    def phase(self, table: Any, at: KeyPath) -> Phase | None:
        if not isinstance(table, Mapping):
            self.error(at, "a phase must be a table ([[step]] or [[step.phase]])")
            return None
        self.unknown_keys(table, _PHASE_KEYS, at)
        raw_kind = table.get("kind")
        kind: PhaseKind | None = None
        if raw_kind is None:
            self.error(at, f"missing 'kind' ({', '.join(k.value for k in PhaseKind)})")
        else:
            try:
                kind = PhaseKind(raw_kind)
            except ValueError:
                choices = ", ".join(k.value for k in PhaseKind)
                self.error((*at, "kind"), f"kind must be one of {choices}, not {raw_kind!r}")
        duration = self.number(table, "duration_s", at, required=True)
        if duration is not None and duration <= 0:
            what = "negative" if duration < 0 else "zero"
            self.error((*at, "duration_s"), f"{what} duration {duration:g} s: must be above 0")
            duration = None
        elif duration is not None and duration > MAX_PHASE_S:
            self.error((*at, "duration_s"), f"duration {duration:g} s is longer than 4 hours")
            duration = None
        speed = self.number(
            table, "speed_kmh", at, required=kind is not None and kind is not PhaseKind.BACKWARD
        )
        if speed is not None and kind is not None:
            speed = self.check_speed(speed, kind.direction, (*at, "speed_kmh"))
        incline = self.number(table, "incline_pct", at, required=False)
        if incline is not None:
            incline = self.check_incline(incline, (*at, "incline_pct"))
        name = self.text(table, "name", at) or ""
        cues = read_cues(table.get("cue"), (*at, "cue"), duration, self.error)
        zone, hr_max = read_hr_follow(
            table, at, kind=kind, speed=speed, error=self.error, check_speed=self.check_speed
        )
        if kind is None or duration is None or (speed is None and kind is not PhaseKind.BACKWARD):
            return None
        return Phase(kind, duration, speed, incline, name, cues, zone, hr_max)

    def speed(self, kmh: float) -> str:
        """A speed in the user's unit, one decimal ("9.0 mph"): errors read like the screens."""
        return speed_words(kmh, self.settings.speed_unit)

    def check_speed(self, speed: float, direction: Direction, at: KeyPath) -> float | None:
        if speed <= 0:
            self.error(at, f"speed {self.speed(speed)} must be above 0")
            return None
        if direction is Direction.BACKWARD:
            cap = min(self.settings.backward_cap_kmh, BACKWARD_HARD_CEILING_KMH)
            if speed > BACKWARD_HARD_CEILING_KMH:
                self.error(
                    at,
                    f"backward speed {self.speed(speed)} is above the hard ceiling of "
                    f"{self.speed(BACKWARD_HARD_CEILING_KMH)}",
                )
                return None
            if speed > cap:
                self.error(
                    at,
                    f"backward speed {self.speed(speed)} is above your backward cap of "
                    f"{self.speed(cap)} (settings: backward_cap_kmh)",
                )
                return None
        else:
            cap = min(self.settings.forward_cap_kmh, FORWARD_HARD_CEILING_KMH)
            if speed > cap:
                self.error(
                    at,
                    f"forward speed {self.speed(speed)} is above your forward cap of "
                    f"{self.speed(cap)} (settings: forward_cap_kmh)",
                )
                return None
        if self.caps is not None:
            r = self.caps.speed
            if not r.minimum - 1e-9 <= speed <= r.maximum + 1e-9:
                unit = self.settings.speed_unit
                self.warn(
                    at,
                    f"speed {self.speed(speed)} is outside this treadmill's range "
                    f"{speed_in(r.minimum, unit):.1f}–{self.speed(r.maximum)}: it will run at "
                    f"{self.speed(r.clamp_to_step(speed))}",
                )
        return speed

    def check_incline(self, incline: float, at: KeyPath) -> float | None:
        lo, hi = INCLINE_LIMITS_PCT
        if not lo <= incline <= hi:
            self.error(at, f"incline {incline:g} % is outside {lo:g}…{hi:g} %")
            return None
        if self.caps is not None and incline != 0:
            r = self.caps.incline
            if r is None or not self.caps.can_set_incline:
                self.error(at, f"incline {incline:g} %: this treadmill cannot set an incline")
                return None
            if not r.minimum - 1e-9 <= incline <= r.maximum + 1e-9:
                self.error(
                    at,
                    f"incline {incline:g} % is outside this treadmill's range "
                    f"{r.minimum:g}…{r.maximum:g} %",
                )
                return None
        return incline

    def steps(self, raw: Any) -> tuple[Step, ...]:
        if raw is None:
            self.error((), "no phases: add at least one [[step]] with kind, duration_s, speed_kmh")
            return ()
        if not isinstance(raw, list) or not raw:
            self.error(("step",), "'step' must be a list of [[step]] tables")
            return ()
        out: list[Step] = []
        for i, item in enumerate(raw):
            at: KeyPath = ("step", i)
            if isinstance(item, Mapping) and "repeat" in item:
                group = self.repeat(item, at)
                if group is not None:
                    out.append(group)
            else:
                phase = self.phase(item, at)
                if phase is not None:
                    out.append(phase)
        return tuple(out)

    def repeat(self, item: Mapping[str, Any], at: KeyPath) -> Repeat | None:
        if "kind" in item:
            self.error(
                at,
                "a step is either a phase (kind = ...) or a repeat group (repeat = N with "
                "[[step.phase]] tables), not both",
            )
            return None
        self.unknown_keys(item, _REPEAT_KEYS, at)
        times = self.whole(item, "repeat", at, 1, MAX_REPEAT)
        raw_phases = item.get("phase")
        if not isinstance(raw_phases, list) or not raw_phases:
            self.error(at, "a repeat group needs its phases as [[step.phase]] tables")
            return None
        phases = [self.phase(p, (*at, "phase", j)) for j, p in enumerate(raw_phases)]
        if times is None or any(p is None for p in phases):
            return None
        return Repeat(times, tuple(p for p in phases if p is not None))


def check_preset_text(
    text: str,
    *,
    source: str,
    preset_id: str,
    settings: Settings,
    capabilities: Capabilities | None = None,
    builtin: bool = False,
    path: Path | None = None,
) -> PresetCheck:
    """Read and validate a preset document; never raises for its content."""
    try:
        doc = parse_document(text, source)
        data = migrate(doc, current=PRESET_SCHEMA, migrations=PRESET_MIGRATIONS, what="preset")
    except FileFormatError as exc:
        return PresetCheck(None, (exc,))
    c = _Checker(doc, settings, capabilities)
    c.unknown_keys(data, _TOP_KEYS, ())
    name = c.text(data, "name", ())
    if not name or not name.strip():
        c.error(("name",), "missing 'name' (the preset's name, in quotes)")
    description = c.text(data, "description", ()) or ""
    track = c.text(data, "track", ()) or ""
    level = c.whole(data, "level", (), 0, 1000)
    countdown = c.whole(data, "countdown_s", (), 3, 30)
    style: TurningStyle | None = None
    if (raw_style := data.get("turning_style")) is not None:
        try:
            style = TurningStyle(raw_style)
        except ValueError:
            c.error(
                ("turning_style",), f"turning_style must be 'stop' or 'walk', not {raw_style!r}"
            )
    walk = c.number(data, "turning_walk_kmh", (), required=False)
    if walk is not None and not 0 < walk <= TURNING_WALK_MAX_KMH:
        c.error(
            ("turning_walk_kmh",),
            f"turning_walk_kmh {c.speed(walk)} must be above 0 and at most "
            f"{c.speed(TURNING_WALK_MAX_KMH)}",
        )
        walk = None
    hr_cap = c.whole(data, "hr_cap_bpm", (), 60, 230)
    steps = c.steps(data.get("step"))
    if c.errors or not name:
        return PresetCheck(None, tuple(c.errors), tuple(c.warnings))
    preset = Preset(
        id=preset_id,
        name=name.strip(),
        steps=steps,
        description=description.strip(),
        builtin=builtin,
        path=path,
        track=track,
        level=level,
        countdown_s=countdown,
        turning_style=style,
        turning_walk_kmh=walk,
        hr_cap_bpm=hr_cap,
        warnings=tuple(c.warnings),
    )
    return PresetCheck(translatable(preset), (), tuple(c.warnings))


def check_preset_file(
    path: Path,
    *,
    settings: Settings,
    capabilities: Capabilities | None = None,
    builtin: bool = False,
    preset_id: str | None = None,
    read_file: Callable[[Path], str] = read_toml_file,
) -> PresetCheck:
    """Read and validate one preset file (never modifies it; a FIFO, device or folder is refused
    without waiting on it, a file over the TOML limits is refused unread)."""
    try:
        text = read_file(path)
    except FileFormatError as exc:
        return PresetCheck(None, (exc,))
    except OSError as exc:
        reason = f"cannot read: {exc.strerror or exc}"
        return PresetCheck(None, (FileFormatError(str(path), None, reason),))
    return check_preset_text(
        text,
        source=str(path),
        preset_id=preset_id or slugify(path.stem),
        settings=settings,
        capabilities=capabilities,
        builtin=builtin,
        path=path,
    )


# ---- writing ----------------------------------------------------------------------------


def _phase_lines(phase: Phase) -> list[str]:
    return toml_lines(
        {
            "kind": str(phase.kind),
            "name": phase.name or None,
            "duration_s": _clean_number(phase.duration_s),
            "speed_kmh": phase.speed_kmh,
            "incline_pct": phase.incline_pct,
            **hr_follow_items(phase),
        }
    ) + cue_lines(phase.cues)


def preset_to_toml(preset: Preset) -> str:
    """The preset as a readable TOML document (schema ``PRESET_SCHEMA``)."""
    head: dict[str, object] = {
        "schema": PRESET_SCHEMA,
        "name": preset.name,
        "description": preset.description or None,
        "track": preset.track or None,
        "level": preset.level,
        "countdown_s": preset.countdown_s,
        "turning_style": str(preset.turning_style) if preset.turning_style else None,
        "turning_walk_kmh": preset.turning_walk_kmh,
        "hr_cap_bpm": preset.hr_cap_bpm,
    }
    lines = toml_lines(head)
    for step in preset.steps:
        lines += ["", "[[step]]"]
        if isinstance(step, Repeat):
            lines.append(f"repeat = {step.times}")
            for phase in step.phases:
                lines += ["", "  [[step.phase]]", *(f"  {line}" for line in _phase_lines(phase))]
        else:
            lines += _phase_lines(step)
    return "\n".join(lines) + "\n"


_SLUG_BAD: Final = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """A preset id from a name or file stem: lower-case words joined by dashes."""
    slug = _SLUG_BAD.sub("-", name.casefold()).strip("-")
    return slug or "preset"
