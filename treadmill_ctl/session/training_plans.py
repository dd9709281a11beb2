"""Training plans: multi-week, hand-editable TOML files of presets to do one after another.

A plan file (docs/plans.md has the built-ins and their reasoning)::

    schema = 1
    name = "Learn backward running"
    description = "..."            # with its sources
    sessions_per_week = 2
    asks_knee_pain = false          # true: the debrief asks for knee pain (knee plans)
    effort_max = 6                  # optional: stricter than the setting plan_effort_max

    [[step]]                        # a preset as it is ...
    preset = "first-steps"
    sessions = 2                    # good sessions at this step before the plan moves on

    [[step]]                        # ... or a preset changed
    preset = "eight-by-ninety-long"
    name = "Intervals, a little faster"
    backward_kmh = 3.5              # every backward block at this speed
    block_s = 90                    # every backward block this long
    blocks = 8                      # the backward repeat group done this many times
    incline_pct = 2.0               # the incline of the backward repeat group
    sessions = 2

The rule for moving on is the gate's (``session.plan_gate``): a step is done after
``sessions`` good sessions there. Every plan file is checked: its presets exist and their
changed forms pass every preset check (caps, ranges), and **backward speed never rises by more
than** ``SPEED_RISE_MAX_KMH`` **from one step to the next, and only once the duration steps are
done** (no step after a speed rise makes the backward blocks longer or more). A bad file is
reported (file, line, problem) and left as it is; the others still load.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from treadmill_ctl import shipped, storage
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.session.builtin_texts import translatable_plan
from treadmill_ctl.session.plan import Phase, PhaseKind, Repeat, Step
from treadmill_ctl.session.presets import (
    INCLINE_LIMITS_PCT,
    MAX_PHASE_S,
    MAX_REPEAT,
    Preset,
    PresetLibrary,
    check_preset_text,
    preset_to_toml,
    slugify,
)
from treadmill_ctl.settings import Settings
from treadmill_ctl.texts import tr
from treadmill_ctl.toml_document import (
    DocumentChecker,
    KeyPath,
    Migration,
    migrate,
    parse_document,
)
from treadmill_ctl.toml_limits import read_toml_file
from treadmill_ctl.units import Direction

log = logging.getLogger(__name__)

PLAN_SCHEMA: Final = 1
PLAN_SUFFIX: Final = ".toml"
PLAN_MIGRATIONS: Final[dict[int, Migration]] = {}
SPEED_RISE_MAX_KMH: Final = 0.5
MAX_PLAN_STEPS: Final = 60
MAX_SESSIONS_PER_STEP: Final = 20

_TOP_KEYS: Final = frozenset(
    {"schema", "name", "description", "sessions_per_week", "asks_knee_pain", "effort_max", "step"}
)
_STEP_KEYS: Final = frozenset(
    {"preset", "name", "note", "sessions", "block_s", "blocks", "backward_kmh", "incline_pct"}
)


def user_plans_dir() -> Path:
    """Where the user's own plans live: ``storage.config_dir() / "plans"``."""
    return storage.config_dir() / "plans"


def builtin_plans_dir() -> Path:
    """The plans shipped with the app: ``resources/plans``."""
    return shipped.plans_dir()


@dataclass(frozen=True, slots=True)
class StepChange:
    """What a plan step changes in its preset (``None``: as the preset has it)."""

    block_s: float | None = None
    blocks: int | None = None
    backward_kmh: float | None = None
    incline_pct: float | None = None

    def words(self) -> str:
        """The change in a runner's words ("" when there is none)."""
        parts: list[str] = []
        if self.blocks is not None:
            parts.append(f"{self.blocks} blocks")
        if self.block_s is not None:
            parts.append(f"{self.block_s:g} s each")
        if self.backward_kmh is not None:
            parts.append(f"backward at {self.backward_kmh:g} km/h")
        if self.incline_pct is not None:
            parts.append(f"incline {self.incline_pct:g} %")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class BackwardLoad:
    """What one step asks of a backward runner (the speed resolved with the settings)."""

    blocks: int
    block_s: float  # the longest backward block
    backward_s: float  # all backward time
    speed_kmh: float  # the fastest backward block

    @classmethod
    def of(cls, preset: Preset, backward_default_kmh: float) -> BackwardLoad:
        plan = preset.to_plan()
        return cls(
            plan.backward_blocks,
            plan.longest_backward_s(),
            plan.backward_s,
            plan.max_backward_kmh(backward_default_kmh),
        )

    def words(self) -> str:
        return tr(
            "{blocks} × {seconds} s backward at {speed} km/h",
            blocks=self.blocks,
            seconds=f"{self.block_s:g}",
            speed=f"{self.speed_kmh:g}",
        )


@dataclass(frozen=True, slots=True)
class PlanStep:
    """One step of a plan: the preset to run (already changed), and how many good sessions
    it takes."""

    preset: Preset
    base_id: str
    change: StepChange
    sessions: int
    load: BackwardLoad
    name: str = ""
    note: str = ""

    @property
    def title(self) -> str:
        return self.name or self.preset.name


@dataclass(frozen=True, slots=True)
class TrainingPlan:
    """A plan as read from its file."""

    id: str
    name: str
    steps: tuple[PlanStep, ...]
    sessions_per_week: int
    description: str = ""
    asks_knee_pain: bool = False
    effort_max: int | None = None
    builtin: bool = False
    path: Path | None = None

    @property
    def sessions(self) -> int:
        """Good sessions the whole plan takes, if none is repeated."""
        return sum(s.sessions for s in self.steps)

    @property
    def weeks(self) -> int:
        """How many weeks the plan takes at its sessions per week, if none is repeated."""
        return max(1, math.ceil(self.sessions / self.sessions_per_week))

    def summary(self) -> dict[str, Any]:
        """The object ``plans list --json`` prints for this plan."""
        return {
            "id": self.id,
            "name": self.name,
            "builtin": self.builtin,
            "sessions_per_week": self.sessions_per_week,
            "weeks": self.weeks,
            "steps": len(self.steps),
            "asks_knee_pain": self.asks_knee_pain,
            "path": str(self.path) if self.path else None,
        }

    def to_json(self) -> dict[str, Any]:
        """Everything ``plans show --json`` prints."""
        out = self.summary()
        out["description"] = self.description
        out["effort_max"] = self.effort_max
        out["step_list"] = [
            {
                "number": i + 1,
                "title": s.title,
                "preset": s.base_id,
                "change": s.change.words(),
                "sessions": s.sessions,
                "blocks": s.load.blocks,
                "block_s": s.load.block_s,
                "backward_s": s.load.backward_s,
                "backward_kmh": s.load.speed_kmh,
                "note": s.note,
            }
            for i, s in enumerate(self.steps)
        ]
        return out


@dataclass(frozen=True, slots=True)
class PlanCheck:
    """Result of reading one plan: the plan (``None`` if it has errors) and every problem."""

    plan: TrainingPlan | None
    errors: tuple[FileFormatError, ...] = ()


def apply_change(preset: Preset, change: StepChange) -> tuple[Preset, str | None]:
    """``preset`` with ``change`` applied, or the reason it cannot be (e.g. ``blocks`` on a
    preset with no backward repeat group)."""
    if change == StepChange():
        return preset, None

    def in_group(p: Phase) -> Phase:
        if change.incline_pct is not None:
            p = dataclasses.replace(p, incline_pct=change.incline_pct)
        return backward(p)

    def backward(p: Phase) -> Phase:
        if p.direction is not Direction.BACKWARD:
            return p
        if change.block_s is not None:
            p = dataclasses.replace(p, duration_s=change.block_s)
        if change.backward_kmh is not None:
            p = dataclasses.replace(p, speed_kmh=change.backward_kmh)
        if change.incline_pct is not None:
            p = dataclasses.replace(p, incline_pct=change.incline_pct)
        return p

    steps: list[Step] = []
    grouped = False
    for step in preset.steps:
        if isinstance(step, Repeat) and any(p.kind is PhaseKind.BACKWARD for p in step.phases):
            times = step.times
            if change.blocks is not None and not grouped:
                times = change.blocks
            grouped = True
            steps.append(Repeat(times, tuple(in_group(p) for p in step.phases)))
        elif isinstance(step, Repeat):
            steps.append(step)
        else:
            steps.append(backward(step))
    if change.blocks is not None and not grouped:
        return preset, f"'blocks': preset '{preset.id}' has no repeat group of backward blocks"
    if not any(p.direction is Direction.BACKWARD for p in preset.phases):
        return preset, f"preset '{preset.id}' has no backward block to change"
    return dataclasses.replace(preset, steps=tuple(steps), warnings=()), None


class _Checker(DocumentChecker):
    """Collects located problems while building a plan from a parsed document."""

    def number(
        self, table: Mapping[str, Any], key: str, at: KeyPath, bounds: tuple[float, float, str]
    ) -> float | None:
        lo, hi, unit = bounds
        value = table.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not lo <= value <= hi
        ):
            self.error(
                (*at, key), f"{key} must be a number from {lo:g} to {hi:g} {unit}, not {value!r}"
            )
            return None
        return float(value)


def check_plan_text(
    text: str,
    *,
    source: str,
    plan_id: str,
    presets: PresetLibrary,
    builtin: bool = False,
    path: Path | None = None,
) -> PlanCheck:
    """Read and validate a plan document against the preset library; never raises for its
    content."""
    try:
        doc = parse_document(text, source)
        data = migrate(doc, current=PLAN_SCHEMA, migrations=PLAN_MIGRATIONS, what="plan")
    except FileFormatError as exc:
        return PlanCheck(None, (exc,))
    c = _Checker(doc)
    c.unknown_keys(data, _TOP_KEYS, ())
    name = c.text(data, "name", ())
    if not name or not name.strip():
        c.error(("name",), "missing 'name' (the plan's name, in quotes)")
    description = c.text(data, "description", ()) or ""
    per_week = c.whole(data, "sessions_per_week", (), 1, 7)
    if "sessions_per_week" not in data:
        c.error((), "missing 'sessions_per_week' (1 to 7)")
    knee = data.get("asks_knee_pain", False)
    if not isinstance(knee, bool):
        c.error(("asks_knee_pain",), f"asks_knee_pain must be true or false, not {knee!r}")
        knee = False
    effort_max = c.whole(data, "effort_max", (), 1, 10)
    steps = _steps(c, data.get("step"), presets)
    if c.errors or not name or per_week is None:
        return PlanCheck(None, tuple(c.errors))
    plan = TrainingPlan(
        id=plan_id,
        name=name.strip(),
        steps=steps,
        sessions_per_week=per_week,
        description=description.strip(),
        asks_knee_pain=knee,
        effort_max=effort_max,
        builtin=builtin,
        path=path,
    )
    return PlanCheck(translatable_plan(plan), ())


def _steps(c: _Checker, raw: Any, presets: PresetLibrary) -> tuple[PlanStep, ...]:
    if raw is None:
        c.error((), 'no steps: add at least one [[step]] with preset = "..."')
        return ()
    if not isinstance(raw, list) or not raw:
        c.error(("step",), "'step' must be a list of [[step]] tables")
        return ()
    if len(raw) > MAX_PLAN_STEPS:
        c.error(("step",), f"{len(raw)} steps: a plan has at most {MAX_PLAN_STEPS}")
        return ()
    out: list[PlanStep] = []
    ok = True
    for i, item in enumerate(raw):
        step = _step(c, item, ("step", i), presets)
        if step is None:
            ok = False
        else:
            out.append(step)
    if ok:
        check_speed_rule(c, out)
    return tuple(out)


def _step(c: _Checker, item: Any, at: KeyPath, presets: PresetLibrary) -> PlanStep | None:
    if not isinstance(item, Mapping):
        c.error(at, "a step must be a [[step]] table")
        return None
    before = len(c.errors)
    c.unknown_keys(item, _STEP_KEYS, at)
    ref = c.text(item, "preset", at)
    name = c.text(item, "name", at) or ""
    note = c.text(item, "note", at) or ""
    sessions = c.whole(item, "sessions", at, 1, MAX_SESSIONS_PER_STEP)
    lo, hi = INCLINE_LIMITS_PCT
    change = StepChange(
        block_s=c.number(item, "block_s", at, (1, MAX_PHASE_S, "s")),
        blocks=c.whole(item, "blocks", at, 1, MAX_REPEAT),
        backward_kmh=c.number(item, "backward_kmh", at, (0.1, 100.0, "km/h")),
        incline_pct=c.number(item, "incline_pct", at, (lo, hi, "%")),
    )
    if ref is None:
        c.error(at, "missing 'preset' (a preset id, e.g. \"first-steps\")")
        return None
    preset = presets.find(ref)
    if preset is None:
        known = ", ".join(p.id for p in presets.presets)
        c.error((*at, "preset"), f"no preset '{ref}' (known: {known})")
        return None
    if len(c.errors) > before:
        return None
    changed, why = apply_change(preset, change)
    if why is not None:
        c.error(at, why)
        return None
    # The changed preset passes every check a preset file does (caps, ranges, the machine).
    check = check_preset_text(
        preset_to_toml(changed),
        source="step",
        preset_id=changed.id,
        settings=presets.settings,
        capabilities=presets.capabilities,
        builtin=changed.builtin,
        path=changed.path,
    )
    if check.preset is None:
        for problem in check.errors:
            c.error(at, f"preset '{preset.id}' as changed here: {problem.reason}")
        return None
    final = dataclasses.replace(
        check.preset,
        name=name.strip() or preset.name,
        description=preset.description,
        track=preset.track,
        level=preset.level,
    )
    load = BackwardLoad.of(final, presets.settings.backward_default_kmh)
    if load.blocks == 0:
        c.error((*at, "preset"), f"preset '{preset.id}' has no backward block")
        return None
    return PlanStep(final, preset.id, change, sessions or 1, load, name.strip(), note.strip())


def check_speed_rule(c: _Checker, steps: list[PlanStep]) -> None:
    """Backward speed rises by at most ``SPEED_RISE_MAX_KMH`` a step, and once it has risen
    no later step makes the backward blocks longer or more."""
    rose_at: int | None = None
    for i in range(1, len(steps)):
        prev, cur = steps[i - 1].load, steps[i].load
        at: KeyPath = ("step", i)
        rise = cur.speed_kmh - prev.speed_kmh
        if rise > SPEED_RISE_MAX_KMH + 1e-9:
            c.error(
                at,
                f"step {i + 1}: backward speed rises from {prev.speed_kmh:g} to "
                f"{cur.speed_kmh:g} km/h; a plan raises it by at most {SPEED_RISE_MAX_KMH:g} "
                "km/h from one step to the next",
            )
        if rise > 1e-9 and rose_at is None:
            rose_at = i
        if rose_at is not None and (
            cur.blocks > prev.blocks
            or cur.block_s > prev.block_s + 1e-9
            or cur.backward_s > prev.backward_s + 1e-9
        ):
            c.error(
                at,
                f"step {i + 1}: makes the backward blocks longer or more ({prev.words()} → "
                f"{cur.words()}) after the speed rose at step {rose_at + 1}; do the duration "
                "steps first, then raise the speed",
            )


def check_plan_file(
    path: Path, *, presets: PresetLibrary, builtin: bool = False, plan_id: str | None = None
) -> PlanCheck:
    """Read and validate one plan file (never modifies it; FIFOs and big files refused)."""
    try:
        text = read_toml_file(path)
    except FileFormatError as exc:
        return PlanCheck(None, (exc,))
    except OSError as exc:
        reason = f"cannot read: {exc.strerror or exc}"
        return PlanCheck(None, (FileFormatError(str(path), None, reason),))
    return check_plan_text(
        text,
        source=str(path),
        plan_id=plan_id or slugify(path.stem),
        presets=presets,
        builtin=builtin,
        path=path,
    )


@dataclass(slots=True)
class PlanLibrary:
    """Every plan: the built-ins, then the user's own (``user_plans_dir``). Bad files are in
    ``problems`` and skipped."""

    presets: PresetLibrary
    builtin_dir: Path = field(default_factory=builtin_plans_dir)
    user_dir: Path = field(default_factory=user_plans_dir)
    plans: list[TrainingPlan] = field(default_factory=list)
    problems: list[FileFormatError] = field(default_factory=list)

    @classmethod
    def load(cls, settings: Settings | None = None, **dirs: Path) -> PlanLibrary:
        """Plans over a freshly read preset library (with ``settings``)."""
        library = cls(PresetLibrary(settings or Settings()), **dirs)  # type: ignore[arg-type]
        library.reload()
        return library

    def reload(self) -> None:
        plans: list[TrainingPlan] = []
        problems: list[FileFormatError] = []
        taken: set[str] = set()
        for directory, builtin in ((self.builtin_dir, True), (self.user_dir, False)):
            if not directory.is_dir():
                continue
            for path in sorted(directory.glob(f"*{PLAN_SUFFIX}")):
                plan_id = slugify(path.stem)
                if plan_id in taken:
                    plan_id = f"{plan_id}-user"
                result = check_plan_file(
                    path, presets=self.presets, builtin=builtin, plan_id=plan_id
                )
                if result.plan is None:
                    for problem in result.errors:
                        log.warning("plan not loaded: %s", problem)
                    problems.extend(result.errors)
                    continue
                taken.add(plan_id)
                plans.append(result.plan)
        self.plans, self.problems = plans, problems

    def find(self, ref: str) -> TrainingPlan | None:
        """A plan by id or name (case-insensitive)."""
        folded = ref.casefold().strip()
        for plan in self.plans:
            if plan.id == ref or plan.name.casefold() == folded or plan.id == slugify(ref):
                return plan
        return None

    def resolve(self, ref: str) -> TrainingPlan:
        """A plan by id or name; FileFormatError naming the known ones when there is none."""
        plan = self.find(ref)
        if plan is None:
            known = ", ".join(p.id for p in self.plans)
            raise FileFormatError(ref, None, f"no plan with this id or name (known: {known})")
        return plan
