"""ZWO (Zwift workout) files for running, in and out.

In: ``<workout_file>`` with ``<sportType>run</sportType>``; the steps ``Warmup``, ``Cooldown``,
``SteadyState``, ``Ramp``, ``IntervalsT`` and ``FreeRide`` under ``<workout>``. A target is a
fraction of the runner's threshold pace (``Power="0.8"`` is 80 % of it, as a speed; the
setting ``threshold_speed_kmh``), or of the race pace a step's ``pace`` attribute names
(Zwift's run paces: the mile, 5 km, 10 km, half marathon, marathon), derived from the
threshold pace by Riegel's formula and noted per step. A ramp runs as stages of about a
minute (a preset phase has one speed); ``FreeRide`` has no target and runs at an easy pace.
``textevent`` children are kept as the phase's cues. Everything else is an error or a note
naming the step's line.

Out: one element per phase (``IntervalsT`` for a repeat group of two phases), with the same
fractions, plus attributes that other apps ignore and that bring back what ZWO cannot say:
``treadmillKind`` (a phase's kind, and the only way a ZWO step runs backward),
``treadmillIncline``, ``treadmillName`` and a heart-rate phase's ``treadmillHrLow``/``HrHigh``/
``HrMax`` (bpm, bpm, km/h; ZWO has no heart-rate target) (``treadmillOn…``/``treadmillOff…`` on
intervals).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.ftms.model import Capabilities
from treadmill_ctl.session.phase_cues import clean_cue_text
from treadmill_ctl.session.plan import Phase, PhaseCue, PhaseKind, Repeat, Step
from treadmill_ctl.session.presets import Preset
from treadmill_ctl.settings import Settings
from treadmill_ctl.texts import tr
from treadmill_ctl.workouts.draft import (
    FREE_RUN_FRACTION,
    ImportReport,
    StepSource,
    WorkoutImport,
    finish,
    plain_text,
    speed_kmh,
    whole_seconds,
)
from treadmill_ctl.workouts.safe_xml import XmlElement, parse_xml

ZWO_SUFFIX: Final = ".zwo"
MAX_RAMP_STAGES: Final = 10
RAMP_STAGE_S: Final = 60.0
MAX_REPEAT_DIGITS: Final = 6
MAX_NUMBER: Final = 1e9  # far above any duration or fraction; keeps every product finite

_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?")
_STEADY: Final = frozenset({"steadystate"})
_RAMPS: Final = {"warmup": PhaseKind.WARMUP, "cooldown": PhaseKind.COOLDOWN, "ramp": None}
_TEXT_EVENT: Final = "textevent"
_TREADMILL: Final = ("treadmillKind", "treadmillIncline", "treadmillName")


# ---- reading ----------------------------------------------------------------------------


class _Step:
    """One ZWO step element being mapped: its attributes, read once each, and its report."""

    def __init__(self, el: XmlElement, at: StepSource, report: ImportReport) -> None:
        self.el = el
        self.at = at
        self.report = report
        self.attrs = {k.casefold(): (k, v) for k, v in el.attrs.items()}
        self.used: set[str] = set()

    def has(self, name: str) -> bool:
        return name.casefold() in self.attrs

    def number(self, name: str, *, required: bool = False) -> float | None:
        key = name.casefold()
        if key not in self.attrs:
            if required:
                self.report.error(self.at, f"missing {name}")
            return None
        self.used.add(key)
        raw = self.attrs[key][1].strip()
        if not _NUMBER.fullmatch(raw):
            self.report.error(self.at, f"{name} must be a number, not {raw[:40]!r}")
            return None
        value = float(raw)
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            self.report.error(self.at, f"{name} {raw[:40]} is out of any sensible range")
            return None
        return value

    def whole(self, name: str, default: int) -> int | None:
        key = name.casefold()
        if key not in self.attrs:
            return default
        self.used.add(key)
        raw = self.attrs[key][1].strip()
        if not raw.isdecimal() or len(raw) > MAX_REPEAT_DIGITS:
            self.report.error(self.at, f"{name} must be a whole number, not {raw[:40]!r}")
            return None
        return int(raw)

    def text(self, name: str) -> str | None:
        key = name.casefold()
        if key not in self.attrs:
            return None
        self.used.add(key)
        return self.attrs[key][1]

    def kind(self, name: str, default: PhaseKind) -> PhaseKind | None:
        raw = self.text(name)
        if raw is None:
            return default
        try:
            return PhaseKind(raw.strip())
        except ValueError:
            choices = ", ".join(k.value for k in PhaseKind)
            self.report.error(self.at, f"{name} must be one of {choices}, not {raw[:40]!r}")
            return None

    def ignored(self) -> None:
        """Notes every attribute nothing read (cadence, display hints, the pace profile)."""
        left = sorted(name for key, (name, _) in self.attrs.items() if key not in self.used)
        if left:
            self.report.note(
                self.at, f"ignored (nothing on a treadmill uses it): {', '.join(left)}"
            )


def read_zwo(
    data: bytes,
    source: str,
    *,
    settings: Settings,
    capabilities: Capabilities | None = None,
) -> WorkoutImport:
    """The preset of a ZWO running workout, or every reason it cannot be one."""
    try:
        root = parse_xml(data, source)
    except FileFormatError as exc:
        return WorkoutImport(None, (exc,))
    report = ImportReport(source)
    if root.tag != "workout_file":
        report.error(StepSource(f"<{root.tag[:40]}>", root.line), "not a ZWO file (<workout_file>)")
        return report.failed()
    sport_el = root.child("sportType")
    sport = sport_el.text.strip().casefold() if sport_el is not None else ""
    if sport != "run":
        where = StepSource("<sportType>", sport_el.line if sport_el is not None else root.line)
        what = f"sportType {sport[:20]!r}" if sport else "no sportType (Zwift reads it as a ride)"
        report.error(where, f"{what}: only running workouts (sportType run) can be imported")
    workout = root.child("workout")
    if workout is None:
        report.error(StepSource("<workout_file>", root.line), "no <workout> element with steps")
        return report.failed()
    threshold = settings.threshold_speed_kmh
    steps: list[tuple[Step, StepSource]] = []
    for i, el in enumerate(workout.children, 1):
        at = StepSource(f"step {i} <{el.tag[:40]}>", el.line, i)
        steps.extend((step, at) for step in _map_step(_Step(el, at, report), threshold))
    author = root.child_text("author")
    description = root.child_text("description")
    origin = f"Imported from a ZWO workout{f' by {author}' if author else ''}."
    return finish(
        report,
        name=root.child_text("name") or _stem(source),
        description=f"{description}\n{origin}" if description else origin,
        steps=steps,
        settings=settings,
        capabilities=capabilities,
    )


def _stem(source: str) -> str:
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name[: -len(ZWO_SUFFIX)] if name.casefold().endswith(ZWO_SUFFIX) else name


# Zwift's run workouts: ``pace`` says which of the runner's paces a step's fractions are of
# (Zwift's run pace profile: 0 the mile, 1 5 km, 2 10 km, 3 the half marathon, 4 the
# marathon). Only a threshold pace is known here (``threshold_speed_kmh``, the one-hour race
# pace): the race pace over another distance comes from Riegel's race-time formula,
# time = one hour × (distance / threshold distance) ** RIEGEL_EXPONENT.
ZWIFT_RUN_PACES: Final[dict[str, tuple[str, float]]] = {
    "0": (tr("1 mile"), 1.609344),
    "1": (tr("5 km"), 5.0),
    "2": (tr("10 km"), 10.0),
    "3": (tr("half marathon"), 21.0975),
    "4": (tr("marathon"), 42.195),
}
RIEGEL_EXPONENT: Final = 1.06


def race_pace_factor(distance_km: float, threshold_kmh: float) -> float:
    """The race speed over ``distance_km`` as a multiple of the threshold speed (the speed of
    a one-hour race, ``threshold_kmh`` km long), by Riegel's formula."""
    return float((distance_km / threshold_kmh) ** (1.0 - RIEGEL_EXPONENT))


def _reference_speed(step: _Step, threshold: float) -> float:
    """The speed a step's fractions are of: the pace its ``pace`` attribute names, from the
    threshold pace (noted per step); the threshold pace itself without one."""
    raw = step.text("pace")
    if raw is None:
        return threshold
    known = ZWIFT_RUN_PACES.get(raw.strip())
    if known is None:
        step.report.note(
            step.at,
            tr(
                "pace {value} is not one of Zwift's run paces (0 mile, 1 5 km, 2 10 km, "
                "3 half marathon, 4 marathon): approximated by your threshold pace",
                value=repr(raw.strip()[:20]),
            ),
        )
        return threshold
    name, distance = known
    factor = race_pace_factor(distance, threshold)
    step.report.note(
        step.at,
        tr(
            "pace {value} ({name} pace) approximated as {percent} of your threshold pace "
            "(Riegel's race-time formula)",
            value=raw.strip(),
            name=name,
            percent=f"{factor:.0%}",
        ),
    )
    return threshold * factor


def _map_step(step: _Step, threshold: float) -> list[Step]:
    tag = step.el.tag.casefold()
    if tag in _STEADY | _RAMPS.keys() | {"intervalst", "freeride"}:
        threshold = _reference_speed(step, threshold)
    if tag in _STEADY:
        out = _steady(step, threshold)
    elif tag in _RAMPS:
        out = _ramp(step, _RAMPS[tag] or PhaseKind.FORWARD, threshold)
    elif tag == "intervalst":
        out = _intervals(step, threshold)
    elif tag == "freeride":
        out = _free_ride(step, threshold)
    else:
        known = "Warmup, Cooldown, SteadyState, Ramp, IntervalsT, FreeRide"
        step.report.error(step.at, f"a <{step.el.tag[:40]}> step cannot be mapped (known: {known})")
        return []
    step.ignored()
    return out


def _target(step: _Step, low: str, high: str, single: str) -> float | None:
    """A steady target: ``single``, or the middle of ``low``…``high`` (noted)."""
    if step.has(single):
        return step.number(single)
    if not step.has(low) and not step.has(high):
        step.report.error(step.at, f"no target: give {single} (a fraction of threshold pace)")
        return None
    lo, hi = step.number(low, required=True), step.number(high, required=True)
    if lo is None or hi is None:
        return None
    if lo != hi:
        step.report.note(step.at, f"a target range {lo:g}–{hi:g} runs at its middle")
    return (lo + hi) / 2


def _phase(
    step: _Step,
    kind: PhaseKind,
    duration: float,
    fraction: float,
    threshold: float,
    *,
    prefix: str = "",
) -> Phase:
    incline = step.number(f"treadmill{prefix}Incline")
    name = plain_text(step.text(f"treadmill{prefix}Name") or "", 80).replace("\n", " ")
    speed = speed_kmh(fraction * threshold)
    # A heart-rate zone (ZWO has none: treadmill-ctl's own attributes; the fraction is where
    # the phase starts and what a lost strap falls back to).
    low, high = step.number(f"treadmill{prefix}HrLow"), step.number(f"treadmill{prefix}HrHigh")
    top = step.number(f"treadmill{prefix}HrMax")
    zone = (round(low), round(high)) if low is not None and high is not None else None
    if (low is None) != (high is None):
        step.report.error(
            step.at, tr("treadmill{prefix}HrLow and …HrHigh come together", prefix=prefix)
        )
    return Phase(
        kind,
        whole_seconds(duration),
        speed,
        incline,
        name,
        hr_zone_bpm=zone,
        hr_max_kmh=speed_kmh(top) if top is not None and zone is not None else None,
    )


def _with_cues(phase: Phase, cues: tuple[PhaseCue, ...]) -> Phase:
    return dataclasses.replace(phase, cues=cues)


def _text_events(step: _Step) -> list[tuple[float, str, int]]:
    """(offset, text, line) of the step's text events; any other child is an error."""
    out: list[tuple[float, str, int]] = []
    for child in step.el.children:
        if child.tag.casefold() != _TEXT_EVENT:
            step.report.error(step.at, f"<{child.tag[:40]}> inside a step cannot be mapped")
            continue
        attrs = {k.casefold(): v for k, v in child.attrs.items()}
        raw = attrs.get("timeoffset", "0").strip()
        text = clean_cue_text(attrs.get("message", ""))
        if not _NUMBER.fullmatch(raw):
            step.report.error(step.at, f"text event (line {child.line}): timeoffset {raw[:20]!r}")
            continue
        if not text:
            step.report.note(step.at, f"text event (line {child.line}) without a message: skipped")
            continue
        out.append((float(raw), text[:200], child.line))
    return out


def _place_cues(step: _Step, phases: list[Phase], offset_of: Callable[[int], float]) -> list[Phase]:
    """The phases with the step's text events as cues, each in the phase it falls in."""
    events = _text_events(step)
    cues: list[list[PhaseCue]] = [[] for _ in phases]
    for offset, text, line in events:
        for i, phase in enumerate(phases):
            start = offset_of(i)
            if start <= offset < start + phase.duration_s:
                cues[i].append(PhaseCue(round(offset - start, 3), text))
                break
        else:
            step.report.note(
                step.at, f"text event (line {line}) at {offset:g} s is outside the step: not kept"
            )
    return [_with_cues(p, tuple(c)) if c else p for p, c in zip(phases, cues, strict=True)]


def _offsets(phases: list[Phase]) -> Callable[[int], float]:
    starts = [0.0]
    for p in phases:
        starts.append(starts[-1] + p.duration_s)
    return lambda i: starts[i]


def _steady(step: _Step, threshold: float) -> list[Step]:
    duration = step.number("Duration", required=True)
    fraction = _target(step, "PowerLow", "PowerHigh", "Power")
    kind = step.kind("treadmillKind", PhaseKind.FORWARD)
    if duration is None or fraction is None or kind is None:
        return []
    phases = [_phase(step, kind, duration, fraction, threshold)]
    return list(_place_cues(step, phases, _offsets(phases)))


def _ramp(step: _Step, default: PhaseKind, threshold: float) -> list[Step]:
    duration = step.number("Duration", required=True)
    kind = step.kind("treadmillKind", default)
    if step.has("Power") and not (step.has("PowerLow") or step.has("PowerHigh")):
        lo = hi = step.number("Power")
    else:
        lo, hi = step.number("PowerLow", required=True), step.number("PowerHigh", required=True)
    if duration is None or lo is None or hi is None or kind is None:
        return []
    if speed_kmh(lo * threshold) == speed_kmh(hi * threshold):
        phases = [_phase(step, kind, duration, (lo + hi) / 2, threshold)]
    else:
        stages = int(min(MAX_RAMP_STAGES, max(2, round(duration / RAMP_STAGE_S))))
        total = whole_seconds(duration)
        cut = [whole_seconds(total * k / stages) for k in range(stages + 1)]
        phases = [
            _phase(step, kind, cut[k + 1] - cut[k], lo + (hi - lo) * (k + 0.5) / stages, threshold)
            for k in range(stages)
        ]
        step.report.note(
            step.at,
            f"a ramp {speed_kmh(lo * threshold):g}→{speed_kmh(hi * threshold):g} km/h "
            f"runs as {stages} steady stages",
        )
    return list(_place_cues(step, phases, _offsets(phases)))


def _intervals(step: _Step, threshold: float) -> list[Step]:
    times = step.whole("Repeat", 1)
    on_s = step.number("OnDuration", required=True)
    off_s = step.number("OffDuration", required=True)
    on = _target(step, "PowerOnLow", "PowerOnHigh", "OnPower")
    off = _target(step, "PowerOffLow", "PowerOffHigh", "OffPower")
    on_kind = step.kind("treadmillOnKind", PhaseKind.FORWARD)
    off_kind = step.kind("treadmillOffKind", PhaseKind.RECOVERY)
    if (
        times is None
        or on_s is None
        or off_s is None
        or on is None
        or off is None
        or on_kind is None
        or off_kind is None
    ):
        return []
    phases = [
        _phase(step, on_kind, on_s, on, threshold, prefix="On"),
        _phase(step, off_kind, off_s, off, threshold, prefix="Off"),
    ]
    phases = _place_cues(step, phases, _offsets(phases))
    return [Repeat(times, tuple(phases))]


def _free_ride(step: _Step, threshold: float) -> list[Step]:
    duration = step.number("Duration", required=True)
    kind = step.kind("treadmillKind", PhaseKind.FORWARD)
    if duration is None or kind is None:
        return []
    fraction = FREE_RUN_FRACTION
    step.report.note(
        step.at,
        f"a free run has no target: it runs at {speed_kmh(fraction * threshold):g} km/h "
        f"({fraction:.0%} of your threshold pace; change it with Up/Down)",
    )
    phases = [_phase(step, kind, duration, fraction, threshold)]
    return list(_place_cues(step, phases, _offsets(phases)))


# ---- writing ----------------------------------------------------------------------------


def _attr_text(text: str) -> str:
    return quoteattr(plain_text(text, 200).replace("\n", " "))


def _fraction(phase: Phase, settings: Settings) -> str:
    speed = phase.speed_kmh if phase.speed_kmh is not None else settings.backward_default_kmh
    return f"{speed / settings.threshold_speed_kmh:.4f}"


def _extra(phase: Phase, prefix: str = "") -> str:
    parts = [f'treadmill{prefix}Kind="{phase.kind.value}"']
    if phase.incline_pct is not None:
        parts.append(f'treadmill{prefix}Incline="{phase.incline_pct:g}"')
    if phase.name:
        parts.append(f"treadmill{prefix}Name={_attr_text(phase.name)}")
    if phase.hr_zone_bpm is not None:
        low, high = phase.hr_zone_bpm
        parts.append(f'treadmill{prefix}HrLow="{low}" treadmill{prefix}HrHigh="{high}"')
        if phase.hr_max_kmh is not None:
            parts.append(f'treadmill{prefix}HrMax="{phase.hr_max_kmh:g}"')
    return " ".join(parts)


def _cue_events(phase: Phase, shift: float = 0.0) -> list[str]:
    return [
        f'<textevent timeoffset="{c.at_s + shift:g}" message={_attr_text(c.text)}/>'
        for c in phase.cues
    ]


def _element(head: str, events: list[str]) -> list[str]:
    if not events:
        return [f"        <{head}/>"]
    tag = head.split(" ", 1)[0]
    return [f"        <{head}>", *(f"            {e}" for e in events), f"        </{tag}>"]


def _phase_element(phase: Phase, settings: Settings) -> list[str]:
    power = _fraction(phase, settings)
    duration = f'Duration="{round(phase.duration_s)}"'
    if phase.kind in (PhaseKind.WARMUP, PhaseKind.COOLDOWN):
        tag = "Warmup" if phase.kind is PhaseKind.WARMUP else "Cooldown"
        head = f'{tag} {duration} PowerLow="{power}" PowerHigh="{power}"'
    else:
        head = f'SteadyState {duration} Power="{power}"'
    return _element(f"{head} {_extra(phase)}", _cue_events(phase))


def preset_to_zwo(preset: Preset, settings: Settings) -> str:
    """The preset as a ZWO running workout (targets as fractions of ``threshold_speed_kmh``)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<workout_file>",
        "    <author>treadmill-ctl</author>",
        f"    <name>{escape(plain_text(preset.name, 80))}</name>",
        f"    <description>{escape(_description(preset, settings))}</description>",
        "    <sportType>run</sportType>",
        "    <workout>",
    ]
    for step in preset.steps:
        if isinstance(step, Repeat) and len(step.phases) == 2:
            on, off = step.phases
            head = (
                f'IntervalsT Repeat="{step.times}" OnDuration="{round(on.duration_s)}" '
                f'OffDuration="{round(off.duration_s)}" OnPower="{_fraction(on, settings)}" '
                f'OffPower="{_fraction(off, settings)}" {_extra(on, "On")} {_extra(off, "Off")}'
            )
            lines += _element(head, _cue_events(on) + _cue_events(off, on.duration_s))
        elif isinstance(step, Repeat):
            for phase in step.expand():  # ZWO repeats only pairs: written out in full
                lines += _phase_element(phase, settings)
        else:
            lines += _phase_element(step, settings)
    lines += ["    </workout>", "</workout_file>"]
    return "\n".join(lines) + "\n"


def _description(preset: Preset, settings: Settings) -> str:
    note = (
        f"Targets are fractions of a threshold pace of {settings.threshold_speed_kmh:g} km/h. "
        'Backward blocks are marked treadmillKind="backward".'
    )
    text = plain_text(preset.description, 1500)
    return f"{text}\n{note}" if text else note
