"""The safety policy on its own: caps, the machine's grid, the ramp, the turning speed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treadmill_ctl.ftms.model import Capabilities, SettingRange
from treadmill_ctl.session.policy import SafetyPolicy, SafetyViolation
from treadmill_ctl.settings import Settings
from treadmill_ctl.units import Direction, TurningStyle


def machine(lo: float = 0.5, hi: float = 20.0, step: float = 0.1) -> Capabilities:
    return Capabilities(SettingRange(lo, hi, step), None, True, False)


def test_caps_per_direction_within_the_machine() -> None:
    policy = SafetyPolicy(Settings(), machine())
    assert policy.cap_kmh(Direction.BACKWARD) == 6.0
    assert policy.cap_kmh(Direction.FORWARD) == 12.0
    assert policy.allowed_target(Direction.BACKWARD, 9.0).kmh == 6.0
    assert "backward cap" in (policy.allowed_target(Direction.BACKWARD, 9.0).limited_by or "")
    small = SafetyPolicy(Settings(), machine(1.0, 6.0, 0.5))
    assert small.allowed_target(Direction.FORWARD, 7.5).kmh == 6.0
    assert "maximum" in (small.allowed_target(Direction.FORWARD, 7.5).limited_by or "")
    assert small.allowed_target(Direction.FORWARD, 0.3).kmh == 1.0
    assert small.allowed_target(Direction.BACKWARD, 2.7).kmh == 2.5  # the grid, rounded down


def test_the_backward_ceiling_holds_whatever_the_settings_object_says() -> None:
    # with_changes refuses it; a hand-built Settings still cannot get past 8.0 here
    policy = SafetyPolicy(Settings(backward_cap_kmh=12.0), machine())
    assert policy.cap_kmh(Direction.BACKWARD) == 8.0
    with pytest.raises(SafetyViolation, match="cap"):
        policy.check(Direction.BACKWARD, 8.5, 0.0)


def test_above_the_cap_only_on_the_way_down_from_a_console_speed() -> None:
    """The runner set 9.0 km/h backward on the console (cap 6.0): the ramp down from it may
    pass above the cap, each set-point lower than the last; never up, never level."""
    policy = SafetyPolicy(Settings(), machine())
    policy.console_set(9.0, 10.0)
    policy.check(Direction.BACKWARD, 8.5, 11.0)  # lower: taken
    policy.record(8.5, 11.0)
    with pytest.raises(SafetyViolation, match="backward cap"):
        policy.check(Direction.BACKWARD, 8.5, 12.0)  # level, above the cap
    with pytest.raises(SafetyViolation, match="backward cap"):
        policy.check(Direction.BACKWARD, 8.7, 12.0)  # up, above the cap
    with pytest.raises(SafetyViolation, match="within 1 s"):
        policy.check(Direction.BACKWARD, 7.5, 12.0)  # down, but faster than the ramp


def test_a_ramp_is_a_series_of_small_setpoints() -> None:
    policy = SafetyPolicy(Settings(), machine())
    policy.motion_started(0.0, 0.0)
    t, points = 0.0, []
    while (sp := policy.next_setpoint(Direction.FORWARD, 8.0, t)) != 8.0:
        if sp is not None:
            policy.check(Direction.FORWARD, sp, t)
            policy.record(sp, t)
            points.append((t, sp))
        t += 0.2
    assert len(points) > 30
    assert t >= (8.0 - 0.5) / 0.5 - 0.2
    with pytest.raises(SafetyViolation, match="ramp"):
        policy.check(Direction.FORWARD, 3.0, t)  # 8.0 -> 3.0 at once


def test_a_slow_ramp_on_a_coarse_machine_still_gets_there() -> None:
    policy = SafetyPolicy(Settings(ramp_kmh_per_s=0.2), machine(1.0, 6.0, 0.5))
    policy.motion_started(0.0, 1.0)
    t = 0.0
    while policy.last_setpoint[0] < 3.0:
        t += 0.5
        assert t < 60, "the ramp never reaches the target"
        if (sp := policy.next_setpoint(Direction.FORWARD, 3.0, t)) is not None:
            policy.check(Direction.FORWARD, sp, t)
            policy.record(sp, t)
    assert t == pytest.approx(10.0)  # 0.5 km/h steps every 2.5 s


def test_turning_speed() -> None:
    policy = SafetyPolicy(Settings(), machine())
    assert policy.turning_speed_kmh(TurningStyle.STOP, 1.0) == 0.0
    assert policy.turning_speed_kmh(TurningStyle.WALK, 1.0) == 1.0
    assert policy.turning_speed_kmh(TurningStyle.WALK, 3.0) == 1.5  # never above 1.5
    walkpad = SafetyPolicy(Settings(), machine(1.0, 6.0, 0.5))
    assert walkpad.turning_speed_kmh(TurningStyle.WALK, 0.5) == 1.0
    fast_min = SafetyPolicy(Settings(), machine(2.0, 16.0, 0.1))
    assert fast_min.turning_speed_kmh(TurningStyle.WALK, 1.0) == 0.0  # cannot walk: stop


@given(
    lo=st.sampled_from([0.3, 0.5, 1.0]),
    step=st.sampled_from([0.1, 0.5, 0.16, 1.0]),
    cap=st.floats(1.0, 8.0),
    rate=st.sampled_from([0.1, 0.2, 0.5, 1.0]),
    targets=st.lists(
        st.tuples(st.floats(0.0, 25.0), st.floats(0.05, 3.0)), min_size=1, max_size=20
    ),
    direction=st.sampled_from(list(Direction)),
)
def test_setpoints_never_exceed_caps_or_the_ramp(
    *,
    lo: float,
    step: float,
    cap: float,
    rate: float,
    targets: list[tuple[float, float]],
    direction: Direction,
) -> None:
    settings = Settings(backward_cap_kmh=round(cap, 1), ramp_kmh_per_s=rate)
    policy = SafetyPolicy(settings, machine(lo, 12.0, step))
    policy.motion_started(0.0, 0.0)
    last, _ = policy.last_setpoint
    written = [(0.0, last)]
    t = 0.0
    for target, dt in targets:
        t += dt
        sp = policy.next_setpoint(direction, target, t)
        if sp is None:
            continue
        policy.check(direction, sp, t)  # the engine's last line of defence agrees
        assert sp <= policy.cap_kmh(direction) + 1e-9
        assert sp <= 12.0 + 1e-9
        assert abs(sp - last) <= rate * policy.max_ramp_window_s() + 1e-9
        # any one-second window: the set-points in effect in it (a step at most if coarser)
        successors = [w for w, _ in written[1:]] + [t]
        for (_, before), after in zip(written, successors, strict=True):
            if t - after < 1.0 - 1e-9:
                assert abs(sp - before) <= max(rate, step) + 1e-9
        policy.record(sp, t)
        written.append((t, sp))
        last = sp


def ramp_after_a_steady_phase(policy: SafetyPolicy, answer_s: float) -> list[tuple[float, float]]:
    """The set-points of a ramp 3.0 -> 5.0 km/h that begins after 60 s at 3.0, each answered
    ``answer_s`` after it is written (the flow asks again at once, or when told to)."""
    policy.motion_started(0.0, 3.0)
    assert policy.next_setpoint(Direction.FORWARD, 3.0, 60.0) is None  # steady at 3.0
    t, out = 60.0, []
    while t < 75.0:
        sp = policy.next_setpoint(Direction.FORWARD, 5.0, t)
        if sp is None:
            t += 0.05  # the flow looks again (its wake time, or a data record)
            continue
        policy.check(Direction.FORWARD, sp, t)
        policy.record(sp, t)
        out.append((t, sp))
        t += answer_s
    return out


@pytest.mark.parametrize("answer_s", [0.03, 0.2, 2.5])
def test_no_front_loaded_ramp_after_a_steady_phase(answer_s: float) -> None:
    # Before: the first write after 60 s at 3.0 took 0.5 km/h at once and the ramp went on at
    # full rate: 3.8 km/h within the first second. Now any one-second window holds at most
    # the ramp's 0.5 km/h (plus one step).
    points = ramp_after_a_steady_phase(SafetyPolicy(Settings(), machine()), answer_s)
    assert points[-1][1] == 5.0
    assert points[0][1] == pytest.approx(3.1)  # a ramp begins with one machine step
    for t0, _ in points:
        before = max([v for t, v in points if t < t0], default=3.0)
        inside = [v for t, v in points if t0 <= t < t0 + 1.0 - 1e-6]
        assert max(inside) - before <= 0.5 + 1e-9, (t0, points)


def test_the_window_rule_refuses_a_second_jump_within_a_second() -> None:
    policy = SafetyPolicy(Settings(), machine())
    policy.motion_started(0.0, 3.0)
    policy.record(3.5, 60.0)  # one jump of the ramp's second's worth
    with pytest.raises(SafetyViolation, match="within 1 s"):
        policy.check(Direction.FORWARD, 3.7, 60.4)  # 0.7 within one second
    policy.check(Direction.FORWARD, 3.6, 60.4)  # the rule's one machine step more is allowed


def test_the_ramp_waits_for_a_belt_that_starts_late() -> None:
    policy = SafetyPolicy(Settings(), machine())
    policy.motion_started(0.0, 0.0)  # "the belt has not started moving yet"
    t, high = 0.0, 0.0
    while t < 20.0:
        sp = policy.next_setpoint(Direction.FORWARD, 4.0, t, belt_kmh=0.0)
        if sp is not None:
            policy.record(sp, t)
            high = sp
        t += 0.2
    assert high == pytest.approx(1.0)  # the start speed and one window of the ramp, no more
    assert policy.held_by_belt(Direction.FORWARD, 4.0, 0.0)
    assert not policy.held_by_belt(Direction.FORWARD, 4.0, 0.9)
