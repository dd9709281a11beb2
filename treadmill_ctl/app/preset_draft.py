"""A preset being edited, as the user typed it (plain Python, no Qt).

The editor keeps every field as text so that a half-typed value ("3.", "1:") is never lost.
Validation is *not* repeated here: the draft is written out as a preset TOML document, one key
per line, and checked by ``session.presets.check_preset_text`` — the same rules as a file on
disk (caps, ceilings, the machine's range). Each problem comes back with a line number, and the
line says which field it belongs to, so the editor can show the reason next to the field.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Final

from treadmill_ctl.app.formatting import parse_number
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.ftms.model import Capabilities
from treadmill_ctl.session.phase_cues import cue_lines
from treadmill_ctl.session.phase_hr import hr_follow_items
from treadmill_ctl.session.plan import Phase, PhaseKind, Repeat, Step
from treadmill_ctl.session.presets import PRESET_SCHEMA, Preset, PresetCheck, check_preset_text
from treadmill_ctl.settings import (
    BACKWARD_HARD_CEILING_KMH,
    FORWARD_HARD_CEILING_KMH,
    TURNING_WALK_MAX_KMH,
    Settings,
)
from treadmill_ctl.toml_document import toml_lines
from treadmill_ctl.units import KMH_PER_MPH, Direction, TurningStyle, typed_speed_kmh

# The fields of a phase the editor shows, in order.
PHASE_FIELDS: Final = ("kind", "name", "duration", "speed", "incline")

_DURATION: Final = re.compile(r"^\s*(?:(\d+)\s*:\s*)?(?:(\d+)\s*:\s*)?(\d+(?:[.,]\d*)?)\s*s?\s*$")

# Defaults for phases the user adds (km/h): easy and safe, edited from there.
NEW_PHASE_DEFAULTS: Final[dict[PhaseKind, tuple[float, float | None]]] = {
    PhaseKind.WARMUP: (300.0, 5.0),
    PhaseKind.FORWARD: (180.0, 7.0),
    PhaseKind.BACKWARD: (30.0, 3.0),
    PhaseKind.RECOVERY: (90.0, 5.0),
    PhaseKind.COOLDOWN: (180.0, 4.5),
    PhaseKind.WALK: (120.0, 4.0),
}


def parse_duration(text: str) -> float | None:
    """Seconds from "90", "1:30", "1:02:00" or "45s"; None when it is not a duration."""
    m = _DURATION.match(text)
    if m is None:
        return None
    first, second, last = m.groups()
    seconds = float(last.replace(",", "."))
    if first is not None and second is not None:  # h:mm:ss
        return int(first) * 3600 + int(second) * 60 + seconds
    if first is not None:  # m:ss
        return int(first) * 60 + seconds
    return seconds


def duration_input(seconds: float) -> str:
    """How a duration is shown in an input field: "0:30", "5:00", "1:05:00"."""
    total = round(seconds)
    if abs(seconds - total) > 1e-6:
        return f"{seconds:g}"
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def speed_input(kmh: float | None, unit: str) -> str:
    """A speed as shown in an input field, in the user's unit ("" for "default")."""
    if kmh is None:
        return ""
    value = kmh / KMH_PER_MPH if unit == "mph" else kmh
    return f"{value:.2f}".rstrip("0").rstrip(".") if unit == "mph" else f"{value:g}"


def _number_input(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


@dataclass(slots=True)
class PhaseDraft:
    """One phase as typed: ``kind`` is a PhaseKind value; the rest is text."""

    kind: str = PhaseKind.FORWARD.value
    name: str = ""
    duration: str = ""
    speed: str = ""
    incline: str = ""
    # What the editor has no field for (a phase's text cues, its heart-rate zone), kept as
    # the file's own lines with the field a problem in them is shown at: written back as is.
    kept: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, phase: Phase, unit: str) -> PhaseDraft:
        follow = hr_follow_items(phase)
        kept = [
            (line, "kind" if line.startswith("hr_zone_bpm") else "speed")
            for line in toml_lines(follow)
        ]
        kept += [(line, "duration") for line in cue_lines(phase.cues)]
        return cls(
            kind=phase.kind.value,
            name=phase.name,
            duration=duration_input(phase.duration_s),
            speed=speed_input(phase.speed_kmh, unit),
            incline=_number_input(phase.incline_pct),
            kept=tuple(kept),
        )

    @classmethod
    def new(cls, kind: PhaseKind, unit: str) -> PhaseDraft:
        seconds, kmh = NEW_PHASE_DEFAULTS[kind]
        return cls(kind=kind.value, duration=duration_input(seconds), speed=speed_input(kmh, unit))


@dataclass(slots=True)
class StepDraft:
    """A single phase (``repeat`` empty and one phase) or a repeat group (``repeat`` = "N")."""

    phases: list[PhaseDraft]
    repeat: str = ""

    @property
    def is_repeat(self) -> bool:
        return self.repeat != ""

    @classmethod
    def of(cls, step: Step, unit: str) -> StepDraft:
        if isinstance(step, Repeat):
            return cls([PhaseDraft.of(p, unit) for p in step.phases], repeat=str(step.times))
        return cls([PhaseDraft.of(step, unit)])


@dataclass(slots=True)
class Draft:
    """A whole preset as typed. ``source_id`` is the user preset being edited ("" = new)."""

    name: str = ""
    description: str = ""
    countdown: str = ""  # "" = the settings' countdown
    turning_style: str = ""  # "" = the settings' style; "stop" | "walk"
    turning_walk: str = ""
    steps: list[StepDraft] = field(default_factory=list)
    source_id: str = ""
    track: str = ""
    level: int | None = None
    hr_cap_bpm: int | None = None

    @classmethod
    def of(cls, preset: Preset, unit: str, *, as_copy: bool) -> Draft:
        """A draft of ``preset``; ``as_copy`` (duplicate, or a built-in) makes a new preset
        off the progression ladder (no id, track or level)."""
        return cls(
            name=preset.name,
            description=preset.description,
            countdown=_number_input(preset.countdown_s),
            turning_style=preset.turning_style.value if preset.turning_style else "",
            turning_walk=speed_input(preset.turning_walk_kmh, unit),
            steps=[StepDraft.of(s, unit) for s in preset.steps],
            source_id="" if as_copy else preset.id,
            track="" if as_copy else preset.track,
            level=None if as_copy else preset.level,
            hr_cap_bpm=preset.hr_cap_bpm,
        )

    @classmethod
    def blank(cls, unit: str) -> Draft:
        """A new preset: warm-up, 2 × (30 s backward + 90 s recovery), cool-down."""
        return cls(
            name="My preset",
            steps=[
                StepDraft([PhaseDraft.new(PhaseKind.WARMUP, unit)]),
                StepDraft(
                    [
                        PhaseDraft.new(PhaseKind.BACKWARD, unit),
                        PhaseDraft.new(PhaseKind.RECOVERY, unit),
                    ],
                    repeat="2",
                ),
                StepDraft([PhaseDraft.new(PhaseKind.COOLDOWN, unit)]),
            ],
        )

    def copy(self) -> Draft:
        """A deep copy (for undo snapshots and comparisons)."""
        return dataclasses.replace(
            self,
            steps=[
                StepDraft([dataclasses.replace(p) for p in s.phases], s.repeat) for s in self.steps
            ],
        )


# Where a problem belongs: (step, phase, field). step -1: the preset itself; phase -1: the
# step as a whole (the repeat count or a repeat group's structure).
type FieldKey = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class DraftCheck:
    """The outcome of checking a draft: the preset it makes (None while it has errors), the
    problems per field, problems not tied to one field, and warnings (per field too)."""

    preset: Preset | None
    field_errors: dict[FieldKey, str]
    general_errors: tuple[str, ...]
    field_warnings: dict[FieldKey, str]

    @property
    def ok(self) -> bool:
        return self.preset is not None and not self.field_errors and not self.general_errors

    def error_count(self) -> int:
        return len(self.field_errors) + len(self.general_errors)


class _Writer:
    """Writes the draft's TOML, remembering which field each line holds."""

    def __init__(self, limits: Mapping[str, tuple[float, ...]] | None = None) -> None:
        # Per direction ("forward", "backward", "walk"): the km/h limits a typed speed that
        # reads as one of them snaps to (units.typed_speed_kmh).
        self.limits: Mapping[str, tuple[float, ...]] = limits or {}
        self.lines: list[str] = []
        self.owner: dict[int, FieldKey] = {}
        # Text that is not a number/time at all: said in the editor's words, not the file's.
        self.errors: dict[FieldKey, str] = {}

    def add(self, text: str, owner: FieldKey | None = None) -> None:
        self.lines.append(text)
        if owner is not None:
            self.owner[len(self.lines)] = owner

    def value(self, key: str, literal: str, owner: FieldKey) -> None:
        self.add(f"{key} = {literal}", owner)


def _literal_number(value: float) -> str:
    return repr(float(value)) if not float(value).is_integer() else f"{value:.1f}"


def _to_kmh(text: str, unit: str, limits: tuple[float, ...] = ()) -> float | None:
    value = parse_number(text)
    if value is None:
        return None
    return typed_speed_kmh(value, unit, limits)


def speed_limits(settings: Settings) -> dict[str, tuple[float, ...]]:
    """The limits a typed speed is checked against, per direction (and the turning walk),
    in km/h: what the editor's hints show."""
    return {
        Direction.BACKWARD.value: (
            min(settings.backward_cap_kmh, BACKWARD_HARD_CEILING_KMH),
            BACKWARD_HARD_CEILING_KMH,
        ),
        Direction.FORWARD.value: (min(settings.forward_cap_kmh, FORWARD_HARD_CEILING_KMH),),
        "walk": (TURNING_WALK_MAX_KMH,),
    }


def check_draft(
    draft: Draft, *, settings: Settings, capabilities: Capabilities | None = None
) -> DraftCheck:
    """Check ``draft`` with the preset rules; see the module docstring.

    The whole draft is checked once (that gives the preset); each step is also checked in a
    document of its own, so that every problem of a step is located by a line inside that
    step alone, whatever the other steps contain."""
    unit = settings.speed_unit.value

    def check(w: _Writer) -> PresetCheck:
        return check_preset_text(
            "\n".join(w.lines) + "\n",
            source=draft.name or "preset",
            preset_id=draft.source_id or "draft",
            settings=settings,
            capabilities=capabilities,
        )

    limits = speed_limits(settings)
    whole = _Writer(limits)
    _header_lines(whole, draft, unit)
    for i, step in enumerate(draft.steps):
        _step_lines(whole, step, i, unit)
    result = check(whole)
    field_errors = dict(whole.errors)
    warnings: dict[FieldKey, str] = {}
    general: list[str] = []
    _collect(result, whole, field_errors, warnings, general, only_step=-1)
    if result.errors or result.warnings:
        for i, step in enumerate(draft.steps):
            alone = _Writer(limits)
            _header_lines(alone, draft, unit)
            _step_lines(alone, step, i, unit)
            _collect(check(alone), alone, field_errors, warnings, [], only_step=i)
    if result.errors and not field_errors and not general:
        general.extend(_reason(p) for p in result.errors)  # never hide a refusal
    if not draft.steps:
        general.append("Add at least one phase.")
    preset = result.preset if not field_errors and not general else None
    if preset is not None:
        preset = dataclasses.replace(preset, id=draft.source_id)
    return DraftCheck(preset, field_errors, tuple(dict.fromkeys(general)), warnings)


def _collect(
    result: PresetCheck,
    w: _Writer,
    errors: dict[FieldKey, str],
    warnings: dict[FieldKey, str],
    general: list[str],
    *,
    only_step: int,
) -> None:
    """File the problems of ``result`` by the field their line belongs to. ``only_step``: keep
    only that step's problems (-1: only the preset's own fields and the unlocated ones)."""
    for problems, target in ((result.errors, errors), (result.warnings, warnings)):
        for problem in problems:
            key = w.owner.get(problem.line) if problem.line is not None else None
            reason = _reason(problem)
            if key is None:
                if only_step < 0 and target is errors:
                    general.append(reason)
                continue
            if key[0] != only_step:
                continue
            if (m := _MISSING.match(problem.reason)) and m.group(1) in _MISSING_WORDS:
                field_name, reason = _MISSING_WORDS[m.group(1)]
                key = (key[0], key[1], key[2] or field_name)
            target.setdefault(key, reason)


def _header_lines(w: _Writer, draft: Draft, unit: str) -> None:
    w.add(f"schema = {PRESET_SCHEMA}")
    w.value("name", json.dumps(draft.name.strip(), ensure_ascii=False), (-1, -1, "name"))
    if draft.description.strip():
        w.value(
            "description",
            json.dumps(draft.description.strip(), ensure_ascii=False),
            (-1, -1, "description"),
        )
    if draft.track:
        w.add(f"track = {json.dumps(draft.track)}")
    if draft.level is not None:
        w.add(f"level = {draft.level}")
    if draft.hr_cap_bpm is not None:
        w.add(f"hr_cap_bpm = {draft.hr_cap_bpm}")
    _whole_field(w, "countdown_s", draft.countdown, (-1, -1, "countdown"), "seconds")
    if draft.turning_style:
        w.value("turning_style", json.dumps(draft.turning_style), (-1, -1, "turningStyle"))
    if draft.turning_style == TurningStyle.WALK.value and draft.turning_walk.strip():
        kmh = _to_kmh(draft.turning_walk, unit, w.limits.get("walk", ()))
        if kmh is None:
            w.errors[(-1, -1, "turningWalk")] = "Type a speed, like 1.0"
        else:
            w.value("turning_walk_kmh", _literal_number(kmh), (-1, -1, "turningWalk"))


def _step_lines(w: _Writer, step: StepDraft, i: int, unit: str) -> None:
    w.add("")
    w.add("[[step]]", (i, -1 if step.is_repeat else 0, ""))
    if step.is_repeat:
        _whole_field(w, "repeat", step.repeat, (i, -1, "repeat"), "times")
        if (i, -1, "repeat") in w.errors:
            w.value("repeat", "1", (i, -1, "repeat"))  # keep the group's shape for the rest
        for j, phase in enumerate(step.phases):
            w.add("[[step.phase]]", (i, j, ""))
            _phase_lines(w, phase, (i, j), unit)
    elif step.phases:
        _phase_lines(w, step.phases[0], (i, 0), unit)


_MISSING: Final = re.compile(r"^missing '(\w+)'")
# A required key the user left empty: which field it is, and what to say.
_MISSING_WORDS: Final[dict[str, tuple[str, str]]] = {
    "duration_s": ("duration", "Needs a duration, like 30 (seconds) or 1:30"),
    "speed_kmh": ("speed", "Needs a speed (only backward phases can use the default)"),
    "kind": ("kind", "Choose what this phase is"),
    "name": ("name", "Give the preset a name"),
}


_SETTING_HINT: Final = re.compile(r"\s*\(settings: \w+\)")


def _reason(problem: FileFormatError) -> str:
    """The problem in the editor's words (the file's key names are not shown)."""
    reason = _SETTING_HINT.sub(" (change it in Settings)", problem.reason)
    return reason[:1].upper() + reason[1:]


def _whole_field(w: _Writer, key: str, text: str, owner: FieldKey, what: str) -> None:
    if not text.strip():
        return
    value = parse_number(text)
    if value is None or not value.is_integer():
        w.errors[owner] = f"Type a whole number of {what}"
        return
    w.value(key, str(int(value)), owner)


def _phase_lines(
    w: _Writer,
    phase: PhaseDraft,
    at: tuple[int, int],
    unit: str,
) -> None:
    i, j = at
    errors = w.errors
    w.value("kind", json.dumps(phase.kind), (i, j, "kind"))
    if phase.name.strip():
        w.value("name", json.dumps(phase.name.strip(), ensure_ascii=False), (i, j, "name"))
    if phase.duration.strip():
        seconds = parse_duration(phase.duration)
        if seconds is None:
            errors[(i, j, "duration")] = "Type a time, like 30 (seconds) or 1:30"
            w.value("duration_s", "1.0", (i, j, "duration"))
        else:
            w.value("duration_s", _literal_number(seconds), (i, j, "duration"))
    if phase.speed.strip():
        try:
            direction = PhaseKind(phase.kind).direction.value
        except ValueError:
            direction = Direction.FORWARD.value
        kmh = _to_kmh(phase.speed, unit, w.limits.get(direction, ()))
        if kmh is None:
            errors[(i, j, "speed")] = "Type a speed, like 3.0"
            w.value("speed_kmh", "1.0", (i, j, "speed"))
        else:
            w.value("speed_kmh", _literal_number(kmh), (i, j, "speed"))
    if phase.incline.strip():
        pct = parse_number(phase.incline)
        if pct is None:
            errors[(i, j, "incline")] = "Type an incline in %, like 2"
        else:
            w.value("incline_pct", _literal_number(pct), (i, j, "incline"))
    for line, owner in phase.kept:
        w.add(line, (i, j, owner))


def iter_fields(draft: Draft) -> Iterator[FieldKey]:
    """Every field key of the draft's phases (for tests and focus order)."""
    for i, step in enumerate(draft.steps):
        for j in range(len(step.phases)):
            for name in PHASE_FIELDS:
                yield (i, j, name)
