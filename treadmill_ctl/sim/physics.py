"""Belt and deck physics of the virtual treadmill: rate-limited speed and incline, integrated
exactly over any time step (so one step per data period is enough, however long the run)."""

from __future__ import annotations

from dataclasses import dataclass


def ramp(value: float, target: float, up: float, down: float, dt: float) -> tuple[float, float]:
    """Move ``value`` towards ``target`` at ``up``/``down`` units per second for ``dt`` seconds.

    Returns (new value, integral of the value over the step): the area under a piecewise-linear
    curve, exact for the constant-rate model.
    """
    if dt <= 0:
        return value, 0.0
    if value == target:
        return value, value * dt
    rate = up if target > value else down
    t_reach = abs(target - value) / rate
    if t_reach >= dt:
        new = value + (rate * dt if target > value else -rate * dt)
        return new, (value + new) / 2 * dt
    return target, (value + target) / 2 * t_reach + target * (dt - t_reach)


def _split_linear(a: float, b: float, t: float) -> tuple[float, float]:
    """Positive and negative parts of the integral of a line from ``a`` to ``b`` over ``t``."""
    if t <= 0:
        return 0.0, 0.0
    if a >= 0 and b >= 0:
        return (a + b) / 2 * t, 0.0
    if a <= 0 and b <= 0:
        return 0.0, -(a + b) / 2 * t
    t0 = t * abs(a) / (abs(a) + abs(b))  # zero crossing
    first, second = a / 2 * t0, b / 2 * (t - t0)
    return (first, -second) if a > 0 else (second, -first)


@dataclass
class Belt:
    """The belt and the deck. Speeds in km/h, incline in %, distances in m.

    The owner sets the targets and rates; :meth:`advance` integrates a time step and returns
    the distance the belt moved in it.
    """

    speed_kmh: float = 0.0
    target_kmh: float = 0.0
    accel_kmh_s: float = 1.0
    decel_kmh_s: float = 1.5
    incline_pct: float = 0.0
    target_incline_pct: float = 0.0
    incline_rate_pct_s: float = 0.5
    elevation_gain_m: float = 0.0
    elevation_loss_m: float = 0.0

    def advance(self, dt: float) -> float:
        """Integrate ``dt`` seconds; returns the distance moved (m)."""
        if dt <= 0:
            return 0.0
        self.speed_kmh, area = ramp(
            self.speed_kmh, self.target_kmh, self.accel_kmh_s, self.decel_kmh_s, dt
        )
        if self.speed_kmh < 1e-9:
            self.speed_kmh = 0.0
        distance = area / 3.6
        old_incline = self.incline_pct
        rate = self.incline_rate_pct_s
        self.incline_pct, _ = ramp(self.incline_pct, self.target_incline_pct, rate, rate, dt)
        if distance > 0:
            # Incline ramps linearly then holds; the belt speed is taken as its step mean.
            t_ramp = abs(self.incline_pct - old_incline) / rate if rate > 0 else 0.0
            up, down = _split_linear(old_incline, self.incline_pct, min(t_ramp, dt))
            hold = self.incline_pct * (dt - min(t_ramp, dt))
            up += max(hold, 0.0)
            down += max(-hold, 0.0)
            per_s = distance / dt / 100
            self.elevation_gain_m += up * per_s
            self.elevation_loss_m += down * per_s
        return distance

    @property
    def moving(self) -> bool:
        return self.speed_kmh > 0.0
