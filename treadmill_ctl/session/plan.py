"""Session plans: the phases a session runs through, as pure data.

A preset (``session.presets``) is written as *steps*: single phases and repeat groups
("4 × (backward block + recovery)"). ``Plan`` is the flat sequence of phases the engine runs.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from treadmill_ctl.texts import tr
from treadmill_ctl.units import Direction, TurningStyle


class PhaseKind(enum.StrEnum):
    """What a phase is for. Only ``BACKWARD`` phases are run backward."""

    WARMUP = "warmup"
    FORWARD = "forward"
    BACKWARD = "backward"
    RECOVERY = "recovery"
    COOLDOWN = "cooldown"
    WALK = "walk"

    @property
    def direction(self) -> Direction:
        return Direction.BACKWARD if self is PhaseKind.BACKWARD else Direction.FORWARD

    @property
    def label(self) -> str:
        """Words a runner reads on the session screen."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    PhaseKind.WARMUP: tr("Warm-up"),
    PhaseKind.FORWARD: tr("Forward run"),
    PhaseKind.BACKWARD: tr("Backward"),
    PhaseKind.RECOVERY: tr("Recovery"),
    PhaseKind.COOLDOWN: tr("Cool-down"),
    PhaseKind.WALK: tr("Walk"),
}


@dataclass(frozen=True, slots=True)
class PhaseCue:
    """A line of text for the runner ``at_s`` seconds into its phase (a ZWO text event)."""

    at_s: float
    text: str


@dataclass(frozen=True, slots=True)
class Phase:
    """One stretch of a session at one speed and direction.

    ``speed_kmh`` ``None`` means "the default backward speed from settings" (backward only).
    """

    kind: PhaseKind
    duration_s: float
    speed_kmh: float | None
    incline_pct: float | None = None
    name: str = ""
    cues: tuple[PhaseCue, ...] = ()
    # Forward phases only: follow the heart rate into this zone (bpm), between a floor and
    # ``hr_max_kmh`` (default: ``speed_kmh``); ``speed_kmh`` is where it starts and what a lost
    # strap falls back to (session/hr_follow.py).
    hr_zone_bpm: tuple[int, int] | None = None
    hr_max_kmh: float | None = None

    @property
    def direction(self) -> Direction:
        return self.kind.direction

    @property
    def label(self) -> str:
        return self.name or self.kind.label


@dataclass(frozen=True, slots=True)
class Repeat:
    """``times`` × the phases in ``phases`` (e.g. backward block + forward recovery)."""

    times: int
    phases: tuple[Phase, ...]

    def expand(self) -> Iterator[Phase]:
        for _ in range(self.times):
            yield from self.phases


type Step = Phase | Repeat


def expand_steps(steps: Sequence[Step]) -> tuple[Phase, ...]:
    """The flat phase sequence of a list of steps."""
    out: list[Phase] = []
    for step in steps:
        if isinstance(step, Repeat):
            out.extend(step.expand())
        else:
            out.append(step)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Plan:
    """What the engine runs: a flat list of phases plus per-plan overrides of settings.

    ``None`` overrides mean "use the settings". Speeds are resolved against the settings by
    ``resolved_speed`` (a backward phase without a speed runs at the default backward speed).
    """

    name: str
    phases: tuple[Phase, ...]
    id: str = ""
    description: str = ""
    countdown_s: float | None = None
    turning_style: TurningStyle | None = None
    turning_walk_kmh: float | None = None
    hr_cap_bpm: int | None = None
    steps: tuple[Step, ...] = field(default=(), compare=False)

    @classmethod
    def from_steps(cls, name: str, steps: Sequence[Step], **overrides: object) -> Plan:
        """A plan from preset steps (repeat groups expanded)."""
        return cls(name=name, phases=expand_steps(steps), steps=tuple(steps), **overrides)  # type: ignore[arg-type]

    @property
    def total_s(self) -> float:
        """Planned time at speed (ramps and turn-arounds come on top)."""
        return sum(p.duration_s for p in self.phases)

    @property
    def backward_s(self) -> float:
        return sum(p.duration_s for p in self.phases if p.direction is Direction.BACKWARD)

    @property
    def forward_s(self) -> float:
        return self.total_s - self.backward_s

    @property
    def backward_blocks(self) -> int:
        return sum(1 for p in self.phases if p.direction is Direction.BACKWARD)

    @property
    def turns(self) -> int:
        """Number of direction changes."""
        return sum(
            1
            for a, b in zip(self.phases, self.phases[1:], strict=False)
            if a.direction != b.direction
        )

    def resolved_speed(self, phase: Phase, backward_default_kmh: float) -> float:
        """The phase's speed, with the default backward speed filled in."""
        if phase.speed_kmh is not None:
            return phase.speed_kmh
        return backward_default_kmh

    def max_backward_kmh(self, backward_default_kmh: float) -> float:
        """Fastest backward speed in the plan (0 when it has no backward phase)."""
        speeds = [
            self.resolved_speed(p, backward_default_kmh)
            for p in self.phases
            if p.direction is Direction.BACKWARD
        ]
        return max(speeds, default=0.0)

    def longest_backward_s(self) -> float:
        return max(
            (p.duration_s for p in self.phases if p.direction is Direction.BACKWARD), default=0.0
        )
