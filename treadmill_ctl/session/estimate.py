"""How long a session of a plan really takes: its phases' time at speed *plus* what the engine
adds around them — the start countdown, the ramps between speeds, the slow-down before each
turn-around, the turn's countdown, the ramp up after it and the final slow-down.

A plan's ``total_s`` is its time at speed only (a "20:00" preset with 20 turn-arounds takes
about 28:30). ``estimate_plan`` is the one estimate: the Presets screen shows it, the session
screen shows it as the session's total, and ``remaining_s`` gives the live estimated finish
from a session's position. Pure (no clock, no Qt).

The model follows the engine: set-points step at ``ramp_kmh_per_s`` from the belt's speed, the
phase clock starts once the reported speed is within a tolerance of the target, a turn slows
to the turning speed (style "stop": to the machine's minimum, then pause and wait for the belt
to be still), counts down, then starts the belt again. The belt's own lag is a constant per
speed change. ``tests/session/test_estimate.py`` checks it against simulated runs of the
built-in presets (within ``TOLERANCE``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from treadmill_ctl.session.events import SessionState
from treadmill_ctl.session.plan import Phase, Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.statistics import clock_text
from treadmill_ctl.units import Direction, TurningStyle

__all__ = ["TOLERANCE", "Estimate", "estimate_plan", "estimate_text", "remaining_s"]

TOLERANCE: Final = 0.02
"""The estimate is within 2 % (or ``TOLERANCE_S`` seconds, the larger of the
two) of a run on the virtual treadmill: a real belt's lag differs."""
TOLERANCE_S: Final = 20.0

DEFAULT_MACHINE_MIN_KMH: Final = 0.5  # most treadmills' minimum (the machine's range is not
# known before connecting)
REACH_TOLERANCE_KMH: Final = 0.1  # the phase clock starts this close to the target
BELT_LAG_S: Final = 0.5  # the belt follows a set-point this much later
START_LAG_S: Final = 1.0  # the belt's start after the start command
STILL_LAG_S: Final = 1.0  # from the machine's minimum to a still belt after a pause
FINISH_LAG_S: Final = 0.5  # the final STOP's confirmation


@dataclass(frozen=True, slots=True)
class Estimate:
    """A plan's estimated duration, in parts (seconds)."""

    total_s: float  # everything: from START to the belt stopped at the end
    at_speed_s: float  # the phases' planned time (the plan's ``total_s``)
    lead_in_s: tuple[float, ...]  # per phase: what comes before its clock starts
    finish_s: float  # the final slow-down

    @property
    def overhead_s(self) -> float:
        """Countdowns, ramps and turn-arounds."""
        return self.total_s - self.at_speed_s


def estimate_text(seconds: float | None, *, sign: bool = True) -> str:
    """An estimated duration as the Presets screen, the session screen and the CLI show it
    ("≈ 28:30"; without the sign where space is short): to the nearest 10 s, as it is not
    more exact. ``None`` -> ``–:––``."""
    if seconds is None or not math.isfinite(seconds):
        return "–:––"
    return ("≈ " if sign else "") + clock_text(round(seconds / 10) * 10)


def _ramp_s(a: float, b: float, rate: float) -> float:
    return max(abs(b - a) - REACH_TOLERANCE_KMH, 0.0) / rate


@dataclass(frozen=True, slots=True)
class _Model:
    plan: Plan
    settings: Settings
    machine_min_kmh: float

    @property
    def rate(self) -> float:
        return max(float(self.settings.ramp_kmh_per_s), 0.05)

    def speed(self, phase: Phase) -> float:
        kmh = self.plan.resolved_speed(phase, self.settings.backward_default_kmh)
        cap = (
            self.settings.backward_cap_kmh
            if phase.direction is Direction.BACKWARD
            else self.settings.forward_cap_kmh
        )
        return max(min(kmh, cap), self.machine_min_kmh)

    @property
    def turning_kmh(self) -> float:
        style = self.plan.turning_style or self.settings.turning_style
        if style is not TurningStyle.WALK:
            return 0.0
        walk = self.plan.turning_walk_kmh or self.settings.turning_walk_kmh
        if self.machine_min_kmh > 1.5:
            return 0.0  # such a machine turns stopped
        return max(min(walk, 1.5), self.machine_min_kmh)

    @property
    def countdown_s(self) -> float:
        return float(self.plan.countdown_s or self.settings.countdown_s)

    def ramp_up_from_still(self, kmh: float) -> float:
        return START_LAG_S + _ramp_s(self.machine_min_kmh, kmh, self.rate) + BELT_LAG_S

    def slow_down(self, kmh: float) -> float:
        """From ``kmh`` until the belt is at the turning speed (reported)."""
        turning = self.turning_kmh
        if turning > 0:
            return _ramp_s(kmh, turning, self.rate) + BELT_LAG_S
        return _ramp_s(kmh, self.machine_min_kmh, self.rate) + STILL_LAG_S

    def after_turn(self, kmh: float) -> float:
        """The turn's countdown, then up to ``kmh``."""
        turning = self.turning_kmh
        up = (
            _ramp_s(turning, kmh, self.rate) + BELT_LAG_S
            if turning > 0
            else self.ramp_up_from_still(kmh)
        )
        return self.countdown_s + up

    def lead_in(self, index: int) -> float:
        """What comes before phase ``index``'s clock starts (after the previous phase's)."""
        phases = self.plan.phases
        phase = phases[index]
        if index == 0:
            return float(self.settings.start_countdown_s) + self.ramp_up_from_still(
                self.speed(phase)
            )
        prev = phases[index - 1]
        if prev.direction is phase.direction:
            change = _ramp_s(self.speed(prev), self.speed(phase), self.rate)
            return change + BELT_LAG_S if change > 0 else 0.0
        return self.slow_down(self.speed(prev)) + self.after_turn(self.speed(phase))

    def finish(self) -> float:
        if not self.plan.phases:
            return 0.0
        last = self.speed(self.plan.phases[-1])
        return _ramp_s(last, self.machine_min_kmh, self.rate) + FINISH_LAG_S


def estimate_plan(
    plan: Plan, settings: Settings, *, machine_min_kmh: float | None = None
) -> Estimate:
    """How long a session of ``plan`` takes with ``settings`` (the ramp, the turning style,
    the countdowns), on a machine whose minimum speed is ``machine_min_kmh`` (unknown: 0.5)."""
    model = _Model(
        plan, settings, DEFAULT_MACHINE_MIN_KMH if machine_min_kmh is None else machine_min_kmh
    )
    lead = tuple(model.lead_in(i) for i in range(len(plan.phases)))
    finish = model.finish()
    at_speed = plan.total_s
    return Estimate(at_speed + sum(lead) + finish, at_speed, lead, finish)


def remaining_s(
    plan: Plan,
    settings: Settings,
    *,
    state: SessionState,
    index: int,
    phase_remaining_s: float,
    actual_kmh: float | None,
    countdown_remaining_s: int | None = None,
    machine_min_kmh: float | None = None,
) -> float:
    """The estimated time left in a session now at phase ``index`` (the engine's: during a
    turn-around, the phase after it) in ``state``, ``phase_remaining_s`` of its clock left."""
    phases: Sequence[Phase] = plan.phases
    model = _Model(
        plan, settings, DEFAULT_MACHINE_MIN_KMH if machine_min_kmh is None else machine_min_kmh
    )
    belt = actual_kmh or 0.0
    if state is SessionState.FINISHING:
        return _ramp_s(belt, model.machine_min_kmh, model.rate) + FINISH_LAG_S
    if not 0 <= index < len(phases) or state is SessionState.FINISHED:
        return 0.0
    later = sum(model.lead_in(i) + phases[i].duration_s for i in range(index + 1, len(phases)))
    rest = phase_remaining_s + later + model.finish()
    target = model.speed(phases[index])
    countdown = float(countdown_remaining_s or 0)
    s = SessionState
    if state is s.SLOWING_TO_TURN:
        turning = model.turning_kmh
        down = _ramp_s(belt, turning if turning > 0 else model.machine_min_kmh, model.rate)
        return rest + down + (BELT_LAG_S if turning > 0 else STILL_LAG_S) + model.after_turn(target)
    if state is s.TURN_COUNTDOWN:
        return rest + countdown + model.after_turn(target) - model.countdown_s
    if state in (s.IDLE, s.STARTING_COUNTDOWN, s.RESUME_COUNTDOWN, s.PAUSED, s.STOPPED):
        if state is s.IDLE and index == 0:
            return rest + model.lead_in(0)
        return rest + countdown + model.ramp_up_from_still(target)
    if state is s.RAMPING:
        return rest + _ramp_s(belt, target, model.rate) + BELT_LAG_S
    return rest
