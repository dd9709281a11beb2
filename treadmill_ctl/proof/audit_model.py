"""What the safety audit speaks of: the rules (``Rule``), what it is given besides the events
(``TimedAction``: what the user and the machine did; ``ControlWrite``: what reached the control
point; ``AuditLimits``: what the session was allowed), and its verdict (``AuditReport``, a list
of ``Violation``). The audit itself is ``safety_audit.audit_session``.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from treadmill_ctl.ftms.model import SettingRange
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.settings import BACKWARD_HARD_CEILING_KMH, TURNING_WALK_MAX_KMH, Settings
from treadmill_ctl.units import TurningStyle

__all__ = [
    "FAULT_ACTIONS",
    "USER_ACTIONS",
    "AuditLimits",
    "AuditReport",
    "ControlWrite",
    "Rule",
    "TimedAction",
    "Violation",
]

USER_ACTIONS: Final = frozenset({"start", "stop", "pause", "resume", "skip", "extend"})
FAULT_ACTIONS: Final = frozenset(
    {
        "link-drop",
        "safety-key",
        "control-lost",
        "console-stop",
        "console-pause",
        "unanswered",
        "malformed",
        "data-stop",
        "data-gap",
        "data-unsubscribed",
        "console-stop-at-start",
        "late-start",
        "remembering-console",
    }
)


class Rule(enum.StrEnum):
    """The safety rules the audit checks (``safety_audit``'s module docstring says each)."""

    RECORD = "record"
    CAP = "cap"
    RAMP = "ramp"
    AHEAD = "ahead"
    STILL = "still"
    START = "start"
    COUNTDOWN = "countdown"
    TURN = "turn"
    HOLD = "hold"
    LINK = "link"
    SILENCE = "silence"


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule at session time ``t``."""

    rule: Rule
    t: float
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] t={self.t:.2f} s: {self.message}"


@dataclass(frozen=True, slots=True)
class TimedAction:
    """Something the user or the machine did at session time ``t`` (``USER_ACTIONS`` or
    ``FAULT_ACTIONS`` names)."""

    t: float
    name: str


@dataclass(frozen=True, slots=True)
class ControlWrite:
    """Bytes the machine received on its control point at session time ``t``."""

    t: float
    data: bytes


@dataclass(frozen=True, slots=True)
class AuditLimits:
    """What the session was allowed to do: the user's caps and ramp, the machine's range and
    step (km/h), the turning speed and the countdown lengths."""

    backward_cap_kmh: float = 6.0
    forward_cap_kmh: float = 12.0
    ramp_kmh_per_s: float = 0.5
    ramp_window_s: float = 1.0
    machine_min_kmh: float = 0.0
    machine_max_kmh: float = math.inf
    machine_step_kmh: float = 0.01
    turning_speed_kmh: float = 0.0
    start_countdown_s: int = 5
    countdown_s: int = 5
    write_kmh_per_unit: float = 1.0  # km/h per unit of a written set-point (1.609344: mph)

    @classmethod
    def for_session(
        cls,
        settings: Settings,
        plan: Plan | None = None,
        speed_range_kmh: SettingRange | None = None,
        *,
        write_kmh_per_unit: float = 1.0,
        ramp_window_s: float = 1.0,
    ) -> AuditLimits:
        """The limits of a session of ``plan`` run with ``settings`` on a machine whose speed
        range (in km/h) is ``speed_range_kmh``."""
        style = (plan.turning_style if plan else None) or settings.turning_style
        walk = (plan.turning_walk_kmh if plan else None) or settings.turning_walk_kmh
        turning = min(walk, TURNING_WALK_MAX_KMH) if style is TurningStyle.WALK else 0.0
        countdown = (plan.countdown_s if plan else None) or settings.countdown_s
        rng = speed_range_kmh
        if turning > 0 and rng is not None and rng.minimum > turning:
            # A machine that cannot walk that slowly turns at its minimum, or stopped when
            # even that is faster than a walk.
            turning = rng.minimum if rng.minimum <= TURNING_WALK_MAX_KMH else 0.0
        return cls(
            backward_cap_kmh=min(settings.backward_cap_kmh, BACKWARD_HARD_CEILING_KMH),
            forward_cap_kmh=settings.forward_cap_kmh,
            ramp_kmh_per_s=settings.ramp_kmh_per_s,
            ramp_window_s=ramp_window_s,
            machine_min_kmh=rng.minimum if rng else 0.0,
            machine_max_kmh=rng.maximum if rng else math.inf,
            machine_step_kmh=rng.step if rng and rng.step > 0 else 0.01,
            turning_speed_kmh=turning,
            start_countdown_s=int(settings.start_countdown_s),
            countdown_s=int(countdown),
            write_kmh_per_unit=write_kmh_per_unit,
        )

    def cap(self, direction: str) -> float:
        cap = self.backward_cap_kmh if direction == "backward" else self.forward_cap_kmh
        return min(cap, self.machine_max_kmh)

    def countdown_for(self, reason: str) -> int:
        return self.start_countdown_s if reason == "start" else self.countdown_s


@dataclass(frozen=True)
class AuditReport:
    """The audit's verdict, with what it looked at."""

    violations: tuple[Violation, ...]
    setpoints: int = 0
    starts: int = 0
    turns: int = 0
    holds: int = 0
    counted: Mapping[Rule, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def rules_broken(self) -> frozenset[Rule]:
        return frozenset(v.rule for v in self.violations)
