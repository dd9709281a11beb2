"""The safety policy: the one object every speed request passes through.

Whatever asks for a speed — the plan, a key press, a turn-around, a resume — the engine asks
this policy for the next set-point and sends only what it approves:

- per-direction caps: backward ``settings.backward_cap_kmh`` (never above the 8.0 km/h hard
  ceiling), forward ``settings.forward_cap_kmh``; both within the machine's reported range;
- the machine's step: set-points lie on the machine's grid, rounded *towards safety* (down
  when speeding up, up when slowing down) so that rounding never makes a step larger;
- the ramp: consecutive set-points differ by at most ``ramp_kmh_per_s`` × the time between
  them (a ramp is a series of set-points, never one jump).

Only STOP bypasses it (STOP is not a set-point). ``check`` is a last line of defence the engine
calls right before writing: a set-point that would break a rule raises ``SafetyViolation``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from treadmill_ctl.errors import TreadmillError
from treadmill_ctl.ftms.model import Capabilities, SettingRange
from treadmill_ctl.settings import (
    BACKWARD_HARD_CEILING_KMH,
    FORWARD_HARD_CEILING_KMH,
    TURNING_WALK_MAX_KMH,
    Settings,
)
from treadmill_ctl.texts import tr
from treadmill_ctl.units import Direction, TurningStyle

_EPS: Final = 1e-6
FTMS_SPEED_RESOLUTION_KMH: Final = 0.01
# A single set-point never covers more than this many seconds of ramp (or one machine step),
# even after a long gap (e.g. a slow indication or a steady phase): the machine must see a
# series of small steps, at most the ramp rate's worth (0.5 km/h by default) each.
MAX_RAMP_STEP_S: Final = 1.0


class SafetyViolation(TreadmillError):
    """A set-point broke a safety rule and was not sent (a bug in the caller, never the user's
    fault): the engine stops the belt and reports it."""


@dataclass(frozen=True, slots=True)
class TargetDecision:
    """What the policy allows for a requested speed, and why it differs (``None``: as asked)."""

    kmh: float
    limited_by: str | None = None


class SafetyPolicy:
    """Speed limits and the ramp for one session on one machine (see module docstring)."""

    def __init__(self, settings: Settings, capabilities: Capabilities | None = None) -> None:
        self._settings = settings
        self._caps = capabilities
        self._last_kmh: float = 0.0
        self._last_t: float | None = None

    # ---- configuration --------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def capabilities(self) -> Capabilities | None:
        return self._caps

    def update_capabilities(self, capabilities: Capabilities | None) -> None:
        """New machine information (e.g. after a reconnect)."""
        self._caps = capabilities

    @property
    def ramp_kmh_per_s(self) -> float:
        return self._settings.ramp_kmh_per_s

    @property
    def _speed_range(self) -> SettingRange | None:
        return self._caps.speed if self._caps is not None else None

    @property
    def machine_min_kmh(self) -> float:
        r = self._speed_range
        return r.minimum if r is not None and r.minimum > 0 else 0.0

    @property
    def machine_max_kmh(self) -> float:
        r = self._speed_range
        return r.maximum if r is not None and r.maximum > 0 else FORWARD_HARD_CEILING_KMH

    @property
    def step_kmh(self) -> float:
        r = self._speed_range
        return r.step if r is not None and r.step > 0 else FTMS_SPEED_RESOLUTION_KMH

    def cap_kmh(self, direction: Direction) -> float:
        """The highest set-point allowed in ``direction``."""
        if direction is Direction.BACKWARD:
            cap = min(self._settings.backward_cap_kmh, BACKWARD_HARD_CEILING_KMH)
        else:
            cap = min(self._settings.forward_cap_kmh, FORWARD_HARD_CEILING_KMH)
        cap = min(cap, self.machine_max_kmh)
        return self._grid_down(cap)

    # ---- grid ----------------------------------------------------------------------------

    def _grid_origin(self) -> float:
        r = self._speed_range
        return r.minimum if r is not None else 0.0

    def _grid_down(self, kmh: float) -> float:
        origin, step = self._grid_origin(), self.step_kmh
        n = math.floor((kmh - origin) / step + _EPS)
        return round(origin + n * step, 2)

    def _grid_up(self, kmh: float) -> float:
        origin, step = self._grid_origin(), self.step_kmh
        n = math.ceil((kmh - origin) / step - _EPS)
        return round(origin + n * step, 2)

    # ---- targets --------------------------------------------------------------------------

    def allowed_target(self, direction: Direction, requested_kmh: float) -> TargetDecision:
        """The speed a phase (or the user) may run at in ``direction``: within the direction's
        cap and the machine's range, on the machine's grid (rounded down)."""
        cap = self.cap_kmh(direction)
        value, why = requested_kmh, None
        if value > cap + _EPS:
            value = cap
            if direction is Direction.BACKWARD:
                why = tr("backward cap {speed} km/h", speed=f"{cap:.1f}")
            elif cap < min(self._settings.forward_cap_kmh, FORWARD_HARD_CEILING_KMH) - _EPS:
                why = tr("the treadmill's maximum {speed} km/h", speed=f"{cap:.1f}")
            else:
                why = tr("forward cap {speed} km/h", speed=f"{cap:.1f}")
        lo = self.machine_min_kmh
        if value < lo - _EPS:
            value, why = lo, tr("the treadmill's minimum {speed} km/h", speed=f"{lo:.1f}")
        snapped = self._grid_down(value)
        if snapped < lo - _EPS:
            snapped = self._grid_up(lo)
        return TargetDecision(snapped, why)

    def turning_speed_kmh(self, style: TurningStyle, walk_kmh: float) -> float:
        """The belt speed at which a turn-around's countdown may run: 0 (stopped) or a walk at
        most 1.5 km/h that the machine can do; a machine whose minimum is above the walk speed
        turns stopped."""
        if style is TurningStyle.STOP:
            return 0.0
        walk = min(walk_kmh, TURNING_WALK_MAX_KMH)
        lo = self.machine_min_kmh
        if walk < lo - _EPS:
            if lo <= TURNING_WALK_MAX_KMH + _EPS:
                return self._grid_up(lo)
            return 0.0
        return self._grid_down(walk)

    # ---- the ramp -------------------------------------------------------------------------

    @property
    def last_setpoint(self) -> tuple[float, float | None]:
        """(km/h, loop time) of the last set-point sent, or of the belt reference after a
        start."""
        return self._last_kmh, self._last_t

    def motion_started(self, now: float, belt_kmh: float | None) -> None:
        """The belt (re)started on its own start speed: the ramp continues from there (the
        machine's minimum, or what it reports if higher)."""
        ref = self._grid_up(max(self.machine_min_kmh, belt_kmh or 0.0))
        self._last_kmh, self._last_t = ref, now

    def motion_stopped(self) -> None:
        """The belt is stopped or paused: the next motion starts from the machine's start."""
        self._last_kmh, self._last_t = 0.0, None

    def next_setpoint(self, direction: Direction, target_kmh: float, now: float) -> float | None:
        """The next set-point towards ``target_kmh`` that the ramp allows at ``now``, or
        ``None`` when none is due yet (or the target is reached)."""
        target = self.allowed_target(direction, target_kmh).kmh
        last, last_t = self._last_kmh, self._last_t
        if abs(target - last) < _EPS:
            return None
        max_delta = self.ramp_kmh_per_s * self._ramp_window(now, last_t)
        if target > last:
            candidate = self._grid_down(min(target, last + max_delta))
            if candidate <= last + _EPS:
                return None
        else:
            candidate = self._grid_up(max(target, last - max_delta))
            if candidate >= last - _EPS:
                return None
        return candidate

    def max_ramp_window_s(self) -> float:
        """The most ramp time one set-point may cover: ``MAX_RAMP_STEP_S``, or the time one
        machine step takes at the ramp rate when that is longer (else a slow ramp on a coarse
        grid could never take a step)."""
        return max(MAX_RAMP_STEP_S, self.step_kmh / self.ramp_kmh_per_s)

    def _ramp_window(self, now: float, last_t: float | None) -> float:
        if last_t is None:
            return 1.0
        return min(max(now - last_t, 0.0), self.max_ramp_window_s())

    def seconds_until_next_step(self, target_kmh: float) -> float:
        """How long until one machine step (or the rest of the way) is allowed by the ramp."""
        delta = min(self.step_kmh, abs(target_kmh - self._last_kmh)) or self.step_kmh
        return max(delta / self.ramp_kmh_per_s, 0.05)

    def check(self, direction: Direction, kmh: float, now: float) -> None:
        """Refuse (raise ``SafetyViolation``) a set-point above the direction's cap or the
        machine's maximum, or a step faster than the ramp."""
        cap = self.cap_kmh(direction)
        if kmh > cap + _EPS:
            raise SafetyViolation(f"set-point {kmh} km/h above the {direction} cap {cap} km/h")
        if kmh > self.machine_max_kmh + _EPS:
            raise SafetyViolation(f"set-point {kmh} km/h above the machine's maximum")
        last, last_t = self._last_kmh, self._last_t
        dt = self._ramp_window(now, last_t)
        if abs(kmh - last) > self.ramp_kmh_per_s * dt + _EPS:
            raise SafetyViolation(
                f"set-point {kmh} km/h is a step of {abs(kmh - last):.2f} km/h from {last} km/h "
                f"in {dt:.2f} s: faster than the ramp {self.ramp_kmh_per_s} km/h per s"
            )

    def record(self, kmh: float, now: float) -> None:
        """A set-point was written (whatever the machine answered): the ramp goes on from it."""
        self._last_kmh, self._last_t = kmh, now
