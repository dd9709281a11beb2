"""Belt physics: rate limits hold and distance integrates exactly, whatever the step size."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treadmill_ctl.sim.physics import Belt, ramp

speeds = st.floats(min_value=0.0, max_value=25.0)
rates = st.floats(min_value=0.1, max_value=10.0)
steps = st.floats(min_value=0.001, max_value=30.0)


@given(v=speeds, target=speeds, up=rates, down=rates, dt=steps)
async def test_ramp_never_overshoots_and_respects_the_rate(
    v: float, target: float, up: float, down: float, dt: float
) -> None:
    new, area = ramp(v, target, up, down, dt)
    assert min(v, target) - 1e-9 <= new <= max(v, target) + 1e-9
    assert abs(new - v) <= (up if target > v else down) * dt + 1e-9
    assert min(v, new) * dt - 1e-6 <= area <= max(v, target) * dt + 1e-6


@given(dt=st.sampled_from([0.01, 0.1, 0.25, 1.0, 7.0]))
async def test_distance_does_not_depend_on_the_step(dt: float) -> None:
    belt = Belt(target_kmh=10.0, accel_kmh_s=1.0)
    distance = 0.0
    for _ in range(round(70 / dt)):
        distance += belt.advance(dt)
    # 10 s ramp from 0 (13.9 m) then 60 s at 10 km/h (166.7 m)
    assert distance == pytest.approx(13.889 + 166.667, abs=0.01)


async def test_incline_climbs_at_its_rate_and_counts_elevation() -> None:
    belt = Belt(speed_kmh=3.6, target_kmh=3.6, target_incline_pct=10.0, incline_rate_pct_s=0.5)
    belt.advance(10.0)
    assert belt.incline_pct == pytest.approx(5.0)
    belt.advance(100.0)
    assert belt.incline_pct == pytest.approx(10.0)
    assert belt.elevation_gain_m > 0
    belt.target_incline_pct = -5.0
    belt.advance(100.0)
    assert belt.elevation_loss_m > 0


@given(dt=st.sampled_from([0.05, 0.25, 1.0, 40.0]))
async def test_elevation_through_level_does_not_depend_on_the_step(dt: float) -> None:
    # 3.6 km/h = 1 m/s; incline from +4 % to -4 % at 0.5 %/s: 16 s, 8 s up and 8 s down
    belt = Belt(speed_kmh=3.6, target_kmh=3.6, incline_pct=4.0, target_incline_pct=-4.0)
    for _ in range(round(40 / dt)):
        belt.advance(dt)
    assert belt.elevation_gain_m == pytest.approx(8 * 0.04 / 2, abs=1e-6)  # 0.16 m
    assert belt.elevation_loss_m == pytest.approx(8 * 0.04 / 2 + 24 * 0.04, abs=1e-6)
