"""From a decoded workout to a preset: the steps an importer mapped, each with where it came
from, checked exactly as a preset file is (``check_preset_text``: caps, ceilings, durations,
repeats, inclines), every problem located at its step in the source file.

Nothing is imported half: one step that cannot be mapped or fails a check refuses the whole
workout, and the result lists every such step. What was mapped only approximately (a ramp in
stages, a speed range run at its middle, an ignored attribute) is kept as a note, per step.
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.ftms.model import Capabilities
from treadmill_ctl.session.plan import Step
from treadmill_ctl.session.presets import Preset, check_preset_text, preset_to_toml
from treadmill_ctl.settings import Settings

MAX_NAME_CHARS: Final = 80
MAX_DESCRIPTION_CHARS: Final = 2000
MAX_STEPS: Final = 200  # steps of a workout file (a repeat group counts as one)
# A step without a target (ZWO FreeRide, a FIT step with an open target) runs at this fraction
# of the threshold pace: an easy run, which the runner changes with Up/Down.
FREE_RUN_FRACTION: Final = 0.65
SPEED_STEP_KMH: Final = 0.1  # imported speeds are rounded to this (a treadmill's usual step)


@dataclass(frozen=True, slots=True)
class StepSource:
    """Where a step came from: ``label`` names it for the runner ("step 3 (SteadyState)")."""

    label: str
    line: int | None = None
    order: int = 0  # the step's number in the file: problems are listed in this order


@dataclass(frozen=True, slots=True)
class WorkoutImport:
    """The result of reading a workout file: the preset (``None`` when anything could not be
    mapped or failed a check), every error, and the notes on what was approximated."""

    preset: Preset | None
    errors: tuple[FileFormatError, ...] = ()
    notes: tuple[FileFormatError, ...] = ()


@dataclass
class ImportReport:
    """Collects located problems and notes while a workout file is mapped."""

    source: str
    errors: list[FileFormatError] = field(default_factory=list)
    notes: list[FileFormatError] = field(default_factory=list)
    _error_order: list[int] = field(default_factory=list)
    _note_order: list[int] = field(default_factory=list)

    def error(self, at: StepSource | None, reason: str) -> None:
        self.errors.append(self._located(at, reason))
        self._error_order.append(at.order if at is not None else -1)

    def note(self, at: StepSource | None, reason: str) -> None:
        self.notes.append(self._located(at, reason))
        self._note_order.append(at.order if at is not None else -1)

    def _sorted(
        self, items: list[FileFormatError], order: list[int]
    ) -> tuple[FileFormatError, ...]:
        ranked = sorted(range(len(items)), key=lambda i: order[i] if i < len(order) else -1)
        return tuple(items[i] for i in ranked)

    def sorted_notes(self) -> tuple[FileFormatError, ...]:
        return self._sorted(self.notes, self._note_order)

    def _located(self, at: StepSource | None, reason: str) -> FileFormatError:
        if at is None:
            return FileFormatError(self.source, None, reason)
        return FileFormatError(self.source, at.line, f"{at.label}: {reason}")

    def failed(self) -> WorkoutImport:
        """The result of a workout that cannot be imported: every problem, in step order."""
        return WorkoutImport(
            None, self._sorted(self.errors, self._error_order), self.sorted_notes()
        )


def speed_kmh(value: float) -> float:
    """An imported speed, rounded to the treadmill's usual step (0.1 km/h)."""
    if not math.isfinite(value):
        return value  # refused by the preset checks
    return round(round(value / SPEED_STEP_KMH) * SPEED_STEP_KMH, 1)


def whole_seconds(value: float) -> float:
    """An imported duration, rounded to the second (ZWO and most watches count in seconds)."""
    return float(round(value)) if math.isfinite(value) else value


def plain_text(text: str, limit: int) -> str:
    """Untrusted text as plain text: control characters (and lone surrogates) become spaces,
    at most ``limit`` characters."""
    cleaned = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    lines = [" ".join(line.split()) for line in cleaned.splitlines()]
    return "\n".join(line for line in lines if line)[:limit].strip()


def finish(
    report: ImportReport,
    *,
    name: str,
    description: str,
    steps: Sequence[tuple[Step, StepSource]],
    settings: Settings,
    capabilities: Capabilities | None = None,
) -> WorkoutImport:
    """The preset of the mapped ``steps``, if nothing failed: each step is checked on its own
    with the preset checks (so a problem names its step in the source file), then the whole
    preset once more, exactly as the file it will be saved as."""
    if not steps and not report.errors:
        report.error(None, "no workout steps to import")
    if len(steps) > MAX_STEPS:
        report.error(None, f"{len(steps)} steps: a workout may have at most {MAX_STEPS}")
        return report.failed()
    for step, at in steps:  # the steps that mapped, even when others did not: every problem
        lone = Preset(id="check", name="check", steps=(step,))
        try:
            text = preset_to_toml(lone)
        except (ValueError, TypeError) as exc:  # a number TOML cannot hold (never expected)
            report.error(at, f"cannot be written as a preset: {exc}")
            continue
        check = check_preset_text(
            text,
            source=report.source,
            preset_id="check",
            settings=settings,
            capabilities=capabilities,
        )
        for problem in check.errors:
            report.error(at, problem.reason)
        for problem in check.warnings:
            report.note(at, problem.reason)
    if report.errors:
        return report.failed()
    title = plain_text(name, MAX_NAME_CHARS).replace("\n", " ") or "Imported workout"
    whole = Preset(
        id="import",
        name=title,
        steps=tuple(step for step, _ in steps),
        description=plain_text(description, MAX_DESCRIPTION_CHARS),
    )
    check = check_preset_text(
        preset_to_toml(whole),
        source=report.source,
        preset_id="import",
        settings=settings,
        capabilities=capabilities,
    )
    if check.preset is None:
        report.errors.extend(check.errors)
        return report.failed()
    # No id yet: the library gives it one when it is saved (never someone else's).
    preset = dataclasses.replace(check.preset, id="", warnings=())
    return WorkoutImport(preset, (), report.sorted_notes())
