"""Forward recovery by heart rate: a pure policy that moves a forward phase's speed toward a
heart-rate zone (docs/workouts.md, "Forward recovery by heart rate").

A forward phase may name a zone (``hr_zone_bpm = [120, 140]`` in a preset). While it runs,
the machine asks ``HeartRateFollower.decide`` with each heart-rate reading; the answer is a new
target (a small step) or nothing. The machine cues the change ``cue_lead_s`` before it, and the
ramp and the policy carry it out like any other target, so the follower never sends a speed
and never bypasses the ramp.

Rules, each tested (tests/session/test_hr_follow.py):
- never in a backward block: a backward phase's speed stays fixed and gentle;
- never above the phase's maximum (``hr_max_kmh``, default its speed) nor the forward cap,
  never below ``floor_kmh``;
- at most one step of ``step_kmh`` every ``every_s`` seconds;
- hysteresis: it starts easing when the heart rate is above the zone and keeps easing until
  it is ``hysteresis_bpm`` back inside; the same below the zone;
- a lost strap (no reading, or a stale one) brings the phase's own speed back, once.

Pure: no clock (``t`` is given), no I/O, no asyncio.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from typing import Final

from treadmill_ctl.session.plan import Phase
from treadmill_ctl.texts import tr
from treadmill_ctl.units import Direction

STEP_KMH: Final = 0.3  # one small step, well inside the ramp
EVERY_S: Final = 10.0  # a heart rate answers a speed change over tens of seconds
HYSTERESIS_BPM: Final = 3
FLOOR_KMH: Final = 3.0  # easing never turns a recovery into standing still


@dataclass(frozen=True, slots=True)
class HeartRateZone:
    """A heart-rate zone in beats per minute (``low_bpm`` < ``high_bpm``)."""

    low_bpm: int
    high_bpm: int

    def __post_init__(self) -> None:
        if not 0 < self.low_bpm < self.high_bpm:
            raise ValueError(f"a zone {self.low_bpm}–{self.high_bpm} bpm is not a range")


class Leaning(enum.StrEnum):
    """Which way the follower is moving the speed (the hysteresis state)."""

    HOLD = "hold"
    EASE = "ease"  # above the zone: slower
    PUSH = "push"  # below the zone: faster


@dataclass(frozen=True, slots=True)
class FollowStep:
    """A new target for the phase, and the words of its cue."""

    kmh: float
    words: str
    strap_lost: bool = False


class HeartRateFollower:
    """One forward phase's heart-rate control (make a new one for each phase)."""

    def __init__(
        self,
        zone: HeartRateZone,
        *,
        phase_kmh: float,
        max_kmh: float,
        forward_cap_kmh: float,
        floor_kmh: float = FLOOR_KMH,
        step_kmh: float = STEP_KMH,
        every_s: float = EVERY_S,
        hysteresis_bpm: int = HYSTERESIS_BPM,
    ) -> None:
        if step_kmh <= 0 or every_s <= 0 or hysteresis_bpm < 0:
            raise ValueError("step_kmh and every_s must be above 0, hysteresis_bpm at least 0")
        self.zone = zone
        self.ceiling_kmh = min(max_kmh, forward_cap_kmh)
        self.floor_kmh = min(floor_kmh, self.ceiling_kmh)
        self.phase_kmh = min(phase_kmh, self.ceiling_kmh)
        self.step_kmh = step_kmh
        self.every_s = every_s
        self.hysteresis_bpm = hysteresis_bpm
        self.leaning = Leaning.HOLD
        self._last_step_t: float | None = None
        self._fell_back = False

    def decide(
        self, t: float, hr_bpm: int | None, direction: Direction, target_kmh: float
    ) -> FollowStep | None:
        """What to do about one reading at time ``t``: ``hr_bpm`` None when the strap is lost
        or its last reading is stale; ``target_kmh`` the phase's target now."""
        if direction is not Direction.FORWARD:
            return None  # never in a backward block
        if hr_bpm is None or hr_bpm <= 0:
            return self._strap_lost(target_kmh)
        self._fell_back = False
        self._lean(hr_bpm)
        if self._last_step_t is None:
            self._last_step_t = t  # the first reading of the phase: give the body time
            return None
        if t - self._last_step_t < self.every_s - 1e-9 or self.leaning is Leaning.HOLD:
            return None
        sign = -1 if self.leaning is Leaning.EASE else 1
        wanted = _round(target_kmh + sign * self.step_kmh)
        new = min(self.ceiling_kmh, max(self.floor_kmh, wanted))
        if math.isclose(new, target_kmh, abs_tol=1e-9) or (sign > 0 and new < target_kmh):
            return None  # at the floor or the ceiling: nothing to do
        self._last_step_t = t
        zone = f"{self.zone.low_bpm}–{self.zone.high_bpm}"
        speed = f"{new:.1f}"
        words = (
            tr(
                "Heart rate {hr} (zone {zone}): easing to {speed}",
                hr=hr_bpm,
                zone=zone,
                speed=speed,
            )
            if sign < 0
            else tr(
                "Heart rate {hr} (zone {zone}): up to {speed}", hr=hr_bpm, zone=zone, speed=speed
            )
        )
        return FollowStep(new, words)

    def _lean(self, hr: int) -> None:
        low, high, margin = self.zone.low_bpm, self.zone.high_bpm, self.hysteresis_bpm
        if hr > high:
            self.leaning = Leaning.EASE
        elif hr < low:
            self.leaning = Leaning.PUSH
        elif (self.leaning is Leaning.EASE and hr <= high - margin) or (
            self.leaning is Leaning.PUSH and hr >= low + margin
        ):
            self.leaning = Leaning.HOLD  # back inside the zone by the margin

    def _strap_lost(self, target_kmh: float) -> FollowStep | None:
        self.leaning = Leaning.HOLD
        self._last_step_t = None  # judge afresh when readings come back
        if self._fell_back or math.isclose(target_kmh, self.phase_kmh, abs_tol=1e-9):
            self._fell_back = True
            return None
        self._fell_back = True
        return FollowStep(
            self.phase_kmh,
            tr("Heart rate lost: back to {speed}", speed=f"{self.phase_kmh:.1f}"),
            strap_lost=True,
        )


def _round(kmh: float) -> float:
    return round(kmh, 2)


class PhaseFollowing:
    """The session machine's side of it, still pure: a follower for each phase that names a
    zone, the change waiting for its cue's lead time, and when the machine must look again
    (a reading gone stale is a lost strap, even when no packet says so)."""

    def __init__(self, *, forward_cap_kmh: float, lead_s: float, fresh_s: float) -> None:
        self._cap = forward_cap_kmh
        self._lead_s = lead_s
        self._fresh_s = fresh_s
        self._index: int | None = None
        self._follower: HeartRateFollower | None = None
        self._pending: tuple[int, float] | None = None
        self._pending_at: float | None = None
        self._stale_at: float | None = None

    @property
    def wake_at(self) -> float | None:
        """The next time the machine must call ``due`` (``None``: nothing to wait for)."""
        times = [w for w in (self._pending_at, self._stale_at) if w is not None]
        return min(times) if times else None

    def reading(
        self, t: float, index: int, phase: Phase, hr_bpm: int | None, target_kmh: float
    ) -> FollowStep | None:
        """A heart-rate reading (or ``None``: none fresh) during phase ``index``; a step to
        cue now and apply ``lead_s`` later, or nothing."""
        if phase.hr_zone_bpm is None or phase.speed_kmh is None:
            self._index = self._follower = None
            self._stale_at = None
            return None
        if index != self._index:
            self._index = index
            low, high = phase.hr_zone_bpm
            self._follower = HeartRateFollower(
                HeartRateZone(low, high),
                phase_kmh=phase.speed_kmh,
                max_kmh=phase.hr_max_kmh or phase.speed_kmh,
                forward_cap_kmh=self._cap,
            )
        self._stale_at = t + self._fresh_s + 0.5 if hr_bpm is not None else None
        if self._pending is not None or self._follower is None:
            return None
        step = self._follower.decide(t, hr_bpm, phase.direction, target_kmh)
        if step is not None:
            self._pending, self._pending_at = (index, step.kmh), t + self._lead_s
        return step

    def due(self, t: float) -> tuple[int, float] | None:
        """The (phase index, speed) whose cue's lead time is over, once; ``None`` otherwise
        (then, if a reading went stale, the machine reports "no reading" with ``reading``)."""
        if self._pending_at is not None and t >= self._pending_at - 1e-9:
            pending, self._pending, self._pending_at = self._pending, None, None
            return pending
        return None

    def stale(self, t: float) -> bool:
        """True, once, when the last reading has become too old (the strap is lost); the
        machine then reports "no reading". Never left in the past: no wake-up loops on it."""
        if self._stale_at is not None and t >= self._stale_at - 1e-9:
            self._stale_at = None
            return True
        return False

    def reset(self) -> None:
        """A phase ended, a pause or the end: nothing waits any more."""
        self._pending = self._pending_at = self._stale_at = None
