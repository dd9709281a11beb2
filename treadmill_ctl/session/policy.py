"""The safety policy: the one object every speed request passes through.

Whatever asks for a speed — the plan, a key press, a turn-around, a resume — the engine asks
this policy for the next set-point and sends only what it approves:

- per-direction caps: backward ``settings.backward_cap_kmh`` (never above the 8.0 km/h hard
  ceiling), forward ``settings.forward_cap_kmh``; both within the machine's reported range;
- the machine's step: set-points lie on the machine's grid, rounded *towards safety* (down
  when speeding up, up when slowing down) so that rounding never makes a step larger;
- the ramp: over ANY one-second window the set-point changes by at most ``ramp_kmh_per_s``
  (0.5 km/h by default; one machine step where a step is coarser), whatever the gap before
  it: a ramp begins with one machine step and goes on at the ramp's rate (never a
  front-loaded jump after a steady phase), and an upward set-point is never more than one
  window's worth (plus a step) above the belt's *reported* speed, so a belt that starts late
  is waited for, not chased.

Only STOP bypasses it (STOP is not a set-point). ``check`` is a last line of defence the engine
calls right before writing: a set-point that would break a rule raises ``SafetyViolation``.
"""

from __future__ import annotations

import math
from collections import deque
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
from treadmill_ctl.texts import Speed, tr
from treadmill_ctl.units import Direction, TurningStyle

_EPS: Final = 1e-6
FTMS_SPEED_RESOLUTION_KMH: Final = 0.01
# A single set-point never covers more than this many seconds of ramp (or one machine step),
# even after a long gap (e.g. a slow indication or a steady phase): the machine must see a
# series of small steps, at most the ramp rate's worth (0.5 km/h by default) each.
MAX_RAMP_STEP_S: Final = 1.0
RAMP_WINDOW_S: Final = 1.0
"""The ramp rule's window: over any window this long the set-point moves by at most
``ramp_kmh_per_s`` × this (plus one machine step for ``check``)."""


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
        # This motion's set-points (and its reference), oldest first: the window rule.
        self._history: deque[tuple[float, float]] = deque()
        self._credit_kmh = 0.0  # ramp travel allowed now (a bucket filled at the ramp's rate)
        self._credit_t: float | None = None
        self._settled = True  # the last set-point was the target: the next change is a new ramp
        self._peak_kmh = 0.0  # the highest set-point (or reference) of this motion

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
                why = tr("backward cap {speed}", speed=Speed(cap))
            elif cap < min(self._settings.forward_cap_kmh, FORWARD_HARD_CEILING_KMH) - _EPS:
                why = tr("the treadmill's maximum {speed}", speed=Speed(cap))
            else:
                why = tr("forward cap {speed}", speed=Speed(cap))
        lo = self.machine_min_kmh
        if value < lo - _EPS:
            value, why = lo, tr("the treadmill's minimum {speed}", speed=Speed(lo))
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

    @property
    def motion_peak_kmh(self) -> float:
        """The highest set-point (or start reference) of this motion: a belt well above it
        runs ahead of the ramp."""
        return self._peak_kmh

    @property
    def start_kmh(self) -> float:
        """The speed a belt starts on: the machine's minimum, on its grid (or a crawl)."""
        return self._grid_up(max(self.machine_min_kmh, self.step_kmh))

    def motion_started(self, now: float, belt_kmh: float | None) -> None:
        """The belt (re)started on its own start speed: the ramp continues from there (the
        machine's minimum, or what it reports if higher)."""
        ref = self._grid_up(max(self.machine_min_kmh, belt_kmh or 0.0))
        self._reference(ref, now)

    def begin_start(self, now: float) -> float:
        """A Start is about to be written: the machine's remembered target is first set to the
        start speed (returned), which becomes the ramp's reference."""
        ref = self.start_kmh
        self._reference(ref, now)
        return ref

    def motion_stopped(self) -> None:
        """The belt is stopped or paused: the next motion starts from the machine's start."""
        self._last_kmh, self._last_t = 0.0, None
        self._history.clear()
        self._peak_kmh = 0.0
        self._settled = True

    def _reference(self, kmh: float, now: float) -> None:
        self._last_kmh, self._last_t = kmh, now
        self._history = deque([(now, kmh)])
        self._peak_kmh = kmh
        self._credit_kmh, self._credit_t = 0.0, now
        self._settled = True

    def next_setpoint(
        self,
        direction: Direction,
        target_kmh: float,
        now: float,
        belt_kmh: float | None = None,
    ) -> float | None:
        """The next set-point towards ``target_kmh`` that the ramp allows at ``now``, or
        ``None`` when none is due yet (or the target is reached). ``belt_kmh``: the belt's
        reported speed; an upward set-point stays within one window's ramp (plus a step) of
        it."""
        target = self.allowed_target(direction, target_kmh).kmh
        last = self._last_kmh
        if abs(target - last) < _EPS:
            self._settled = True
            return None
        if self._settled:
            # A new ramp: it begins with one machine step, whatever the time since the last
            # set-point (no credit saved up in a steady phase).
            self._settled = False
            self._credit_kmh = min(self._credit(now), self.step_kmh)
            self._credit_t = now
        reach = min(self._credit(now), self._window_room(now, target > last))
        if target > last:
            high = last + reach
            if belt_kmh is not None:
                high = min(high, self.belt_limit_kmh(belt_kmh))
            candidate = self._grid_down(min(target, high))
            if candidate <= last + _EPS:
                return None
        else:
            candidate = self._grid_up(max(target, last - reach))
            if candidate >= last - _EPS:
                return None
        return candidate

    def belt_limit_kmh(self, belt_kmh: float | None) -> float:
        """The highest upward set-point allowed with the belt reported at ``belt_kmh``: one
        window's ramp above it (or above the start speed)."""
        base = max(self.machine_min_kmh, belt_kmh or 0.0)
        return base + self.ramp_kmh_per_s * RAMP_WINDOW_S

    def ahead_limit_kmh(self) -> float:
        """A belt reported above this runs ahead of the ramp: one window's ramp and one
        machine step above the highest set-point of this motion."""
        return self._peak_kmh + self.ramp_kmh_per_s * RAMP_WINDOW_S + self.step_kmh

    def held_by_belt(self, direction: Direction, target_kmh: float, belt_kmh: float | None) -> bool:
        """True when the next upward step waits for the belt's reported speed (a late start,
        a belt slower than the ramp), not for the clock."""
        target = self.allowed_target(direction, target_kmh).kmh
        last = self._last_kmh
        if target <= last + _EPS:
            return False
        nxt = min(target, self._grid_up(last + self.step_kmh - _EPS))
        return nxt > self.belt_limit_kmh(belt_kmh) + _EPS

    def wait_for_belt(self) -> None:
        """The ramp waits for the belt: when it goes on, it begins again with one step (no
        credit saved up while waiting)."""
        self._settled = True

    def max_ramp_window_s(self) -> float:
        """The most ramp time one set-point may cover: ``MAX_RAMP_STEP_S``, or the time one
        machine step takes at the ramp rate when that is longer (else a slow ramp on a coarse
        grid could never take a step)."""
        return max(MAX_RAMP_STEP_S, self.step_kmh / self.ramp_kmh_per_s)

    def _window_budget(self) -> float:
        """What the set-point may move within one window (one step on a coarse grid)."""
        return max(self.ramp_kmh_per_s * RAMP_WINDOW_S, self.step_kmh)

    def _credit(self, now: float) -> float:
        if self._credit_t is None:
            return self._window_budget()
        cap = self.ramp_kmh_per_s * self.max_ramp_window_s()
        gained = self.ramp_kmh_per_s * max(now - self._credit_t, 0.0)
        return min(cap, self._credit_kmh + gained)

    def _in_window(self, now: float) -> list[float]:
        """The set-points in effect at some instant of a window ending at ``now`` that also
        holds the next write: each one's successor came less than a window before ``now``."""
        h = self._history
        out = []
        for i, (_, kmh) in enumerate(h):
            successor_t = h[i + 1][0] if i + 1 < len(h) else now
            if now - successor_t < RAMP_WINDOW_S - _EPS:
                out.append(kmh)
        return out

    def _window_room(self, now: float, up: bool) -> float:
        """How far a set-point written now may move (up or down) and keep every window within
        its budget."""
        values = self._in_window(now)
        if not values:
            return self._window_budget()
        budget = self._window_budget()
        if up:
            return max(min(values) + budget - self._last_kmh, 0.0)
        return max(self._last_kmh - (max(values) - budget), 0.0)

    def seconds_until_next_step(self, target_kmh: float, now: float | None = None) -> float:
        """How long until one machine step (or the rest of the way) is allowed by the ramp:
        its credit, and the window rule (a set-point that leaves the window)."""
        delta = min(self.step_kmh, abs(target_kmh - self._last_kmh)) or self.step_kmh
        if now is None:
            return max(delta / self.ramp_kmh_per_s, 0.05)
        wait = max((delta - self._credit(now)) / self.ramp_kmh_per_s, 0.0)
        up = target_kmh > self._last_kmh
        if self._window_room(now, up) < delta - _EPS:
            h = self._history
            budget = self._window_budget()
            goal = self._last_kmh + delta if up else self._last_kmh - delta
            for i, (_, kmh) in enumerate(h):
                successor_t = h[i + 1][0] if i + 1 < len(h) else now
                if abs(goal - kmh) > budget + _EPS:
                    wait = max(wait, successor_t + RAMP_WINDOW_S - now)
        return max(wait, 0.05)

    def check(self, direction: Direction, kmh: float, now: float) -> None:
        """Refuse (raise ``SafetyViolation``) a set-point above the direction's cap or the
        machine's maximum, or one that moves faster than the ramp: more than the ramp's rate
        (plus one machine step) within a one-second window. A set-point below the last one
        may still be above the cap: the ramp down from a speed the runner set on the console
        (``console_set``) passes there, and slowing down is never refused for it."""
        cap = self.cap_kmh(direction)
        lowering = kmh < self._last_kmh - _EPS
        if kmh > cap + _EPS and not lowering:
            raise SafetyViolation(f"set-point {kmh} km/h above the {direction} cap {cap} km/h")
        if kmh > self.machine_max_kmh + _EPS and not lowering:
            raise SafetyViolation(f"set-point {kmh} km/h above the machine's maximum")
        allowed = self.ramp_kmh_per_s * RAMP_WINDOW_S + self.step_kmh
        for before in self._in_window(now) or [self._last_kmh]:
            if abs(kmh - before) > allowed + _EPS:
                raise SafetyViolation(
                    f"set-point {kmh} km/h moves {abs(kmh - before):.2f} km/h from {before} km/h "
                    f"within {RAMP_WINDOW_S:g} s: faster than the ramp "
                    f"{self.ramp_kmh_per_s} km/h per s"
                )

    def record(self, kmh: float, now: float) -> None:
        """A set-point was written (whatever the machine answered): the ramp goes on from it."""
        self._credit_kmh = max(self._credit(now) - abs(kmh - self._last_kmh), 0.0)
        self._credit_t = now
        self._last_kmh, self._last_t = kmh, now
        self._history.append((now, kmh))
        while len(self._history) > 1 and now - self._history[1][0] >= RAMP_WINDOW_S:
            self._history.popleft()
        self._peak_kmh = max(self._peak_kmh, kmh)

    def console_set(self, kmh: float, now: float) -> None:
        """The runner set this speed on the console: the ramp goes on from it (a new
        reference, not a set-point of ours)."""
        self._reference(kmh, now)
