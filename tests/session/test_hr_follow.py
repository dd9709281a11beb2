"""Forward recovery by heart rate on the virtual strap (sim/hr_strap.py: ACSM steady state,
30 s lag): the speed follows the heart rate into its zone in small, spaced steps, never above
the phase's maximum or the forward cap, never in a backward block, with hysteresis (no
hunting), and back to the phase's own speed when the strap is lost."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field
from typing import cast

import pytest

from treadmill_ctl.session.hr_follow import FollowStep, HeartRateFollower, HeartRateZone, Leaning
from treadmill_ctl.sim.hr_strap import VirtualHeartRateStrap
from treadmill_ctl.sim.treadmill import VirtualTreadmill
from treadmill_ctl.units import Direction

pytestmark = pytest.mark.looptime


@dataclass
class Belt:
    """What the strap reads of a treadmill: the belt's speed and incline."""

    belt_speed_kmh: float
    incline_pct: float = 0.0
    changes: list[tuple[float, float, str]] = field(default_factory=list)


async def run(
    follower: HeartRateFollower, belt: Belt, seconds: int, *, lost: range = range(0)
) -> VirtualHeartRateStrap:
    """``seconds`` of a forward phase, one reading a second (none while ``lost``)."""
    strap = VirtualHeartRateStrap(cast(VirtualTreadmill, belt), jitter_bpm=0)
    loop = asyncio.get_running_loop()
    start = loop.time()
    for second in range(seconds):
        await asyncio.sleep(1)
        bpm = None if second in lost else round(strap.heart_rate_bpm)
        step = follower.decide(loop.time() - start, bpm, Direction.FORWARD, belt.belt_speed_kmh)
        if step is not None:
            belt.changes.append((loop.time() - start, step.kmh, step.words))
            belt.belt_speed_kmh = step.kmh  # small steps: the ramp carries them out at once
    return strap


def zone_follower(**kw: float) -> HeartRateFollower:
    args = {"phase_kmh": 10.0, "max_kmh": 10.0, "forward_cap_kmh": 12.0} | kw
    return HeartRateFollower(HeartRateZone(130, 145), **args)  # type: ignore[arg-type]


async def test_too_fast_a_recovery_eases_into_the_zone_in_small_spaced_steps() -> None:
    belt = Belt(10.0)  # about 163 bpm at steady state on this strap: above the zone
    strap = await run(zone_follower(), belt, 900)
    assert 130 - 3 <= strap.heart_rate_bpm <= 145 + 3
    speeds = [kmh for _, kmh, _ in belt.changes]
    assert speeds
    assert max(speeds) <= 10.0
    assert belt.belt_speed_kmh < 9.0
    times = [t for t, _, _ in belt.changes]
    assert all(b - a >= 10 - 1e-6 for a, b in itertools.pairwise(times))
    previous = 10.0
    for kmh in speeds:
        assert abs(kmh - previous) <= 0.3 + 1e-9
        previous = kmh
    assert belt.changes[0][2].startswith("Heart rate ")
    assert "easing to 9.7" in belt.changes[0][2]


async def test_a_slow_one_rises_but_never_above_the_phase_maximum() -> None:
    belt = Belt(6.0)  # a walk: about 92 bpm, below the zone
    await run(zone_follower(phase_kmh=6.0, max_kmh=8.0), belt, 900)
    assert max(kmh for _, kmh, _ in belt.changes) <= 8.0
    assert belt.belt_speed_kmh == 8.0  # held at its maximum, still below the zone


async def test_the_forward_cap_bounds_it_too() -> None:
    belt = Belt(6.0)
    await run(zone_follower(phase_kmh=6.0, max_kmh=14.0, forward_cap_kmh=7.5), belt, 900)
    assert max(kmh for _, kmh, _ in belt.changes) <= 7.5


async def test_hysteresis_keeps_it_from_hunting() -> None:
    belt = Belt(10.0)
    await run(zone_follower(), belt, 1800)
    speeds = [10.0, *(kmh for _, kmh, _ in belt.changes)]
    turns = sum(
        1 for a, b, c in zip(speeds, speeds[1:], speeds[2:], strict=False) if (b - a) * (c - b) < 0
    )
    assert turns <= 4  # a few corrections in half an hour, not a step back and forth each time


async def test_a_lost_strap_brings_the_phase_speed_back_once() -> None:
    belt = Belt(10.0)
    follower = zone_follower()
    await run(follower, belt, 400, lost=range(200, 400))
    lost = [c for c in belt.changes if c[0] > 200]
    assert [(kmh, words) for _, kmh, words in lost] == [(10.0, "Heart rate lost: back to 10.0")]
    assert belt.belt_speed_kmh == 10.0
    assert follower.leaning is Leaning.HOLD


def test_never_in_a_backward_block() -> None:
    follower = zone_follower(phase_kmh=3.0, max_kmh=3.0)
    for t in range(0, 300, 5):
        assert follower.decide(float(t), 180, Direction.BACKWARD, 3.0) is None
        assert follower.decide(float(t), None, Direction.BACKWARD, 2.0) is None


def test_steps_wait_for_the_interval_and_stop_at_the_floor() -> None:
    follower = zone_follower(phase_kmh=3.3, max_kmh=3.3, floor_kmh=3.0)
    assert follower.decide(0.0, 170, Direction.FORWARD, 3.3) is None  # first reading: wait
    assert follower.decide(5.0, 170, Direction.FORWARD, 3.3) is None
    step = follower.decide(10.0, 170, Direction.FORWARD, 3.3)
    assert step == FollowStep(3.0, "Heart rate 170 (zone 130–145): easing to 3.0")
    assert follower.decide(30.0, 170, Direction.FORWARD, 3.0) is None  # the floor


def test_bad_zones_are_refused() -> None:
    with pytest.raises(ValueError, match="not a range"):
        HeartRateZone(150, 140)


FOLLOW = """schema = 1
name = "Z"

[[step]]
kind = "recovery"
duration_s = 300
speed_kmh = 6.0
hr_zone_bpm = [120, 140]
hr_max_kmh = 7.0
"""


def _check(text: str):  # type: ignore[no-untyped-def]
    from treadmill_ctl.session.presets import check_preset_text
    from treadmill_ctl.settings import Settings

    return check_preset_text(text, source="z.toml", preset_id="z", settings=Settings())


def test_a_preset_phase_names_its_zone_and_writes_it_back() -> None:
    from treadmill_ctl.session.presets import preset_to_toml

    result = _check(FOLLOW)
    assert result.preset is not None
    phase = result.preset.phases[0]
    assert (phase.hr_zone_bpm, phase.hr_max_kmh) == ((120, 140), 7.0)
    again = _check(preset_to_toml(result.preset))
    assert again.preset is not None
    assert again.preset.steps == result.preset.steps


def test_zone_mistakes_are_located_and_backward_phases_cannot_follow() -> None:
    backward = _check(FOLLOW.replace('"recovery"', '"backward"').replace("6.0", "3.0"))
    assert str(backward.errors[0]).startswith("z.toml:8: a backward phase runs at a fixed")
    upside = _check(FOLLOW.replace("[120, 140]", "[150, 140]"))
    assert str(upside.errors[0]).startswith("z.toml:8: hr_zone_bpm must be [low, high]")
    over = _check(FOLLOW.replace("hr_max_kmh = 7.0", "hr_max_kmh = 13.0"))
    assert "z.toml:9: forward speed 13.0 km/h is above your forward cap" in str(over.errors[0])
    below = _check(FOLLOW.replace("hr_max_kmh = 7.0", "hr_max_kmh = 5.0"))
    assert str(below.errors[0]) == "z.toml:9: hr_max_kmh 5 is below the phase's speed"


def test_the_machine_side_never_leaves_a_wake_up_in_the_past() -> None:
    from treadmill_ctl.session.hr_follow import PhaseFollowing
    from treadmill_ctl.session.plan import Phase, PhaseKind

    following = PhaseFollowing(forward_cap_kmh=12.0, lead_s=5.0, fresh_s=5.0)
    phase = Phase(PhaseKind.RECOVERY, 600, 10.0, hr_zone_bpm=(130, 145))
    assert following.reading(0.0, 1, phase, 160, 10.0) is None
    assert following.wake_at == 5.5  # when the reading goes stale
    step = following.reading(10.0, 1, phase, 160, 10.0)
    assert step is not None
    assert following.wake_at == 15.0  # the step, after its cue's lead
    assert following.due(15.0) == (1, 9.7)
    assert following.wake_at == 15.5
    assert following.stale(16.0) is True  # once
    assert following.wake_at is None
    assert following.stale(17.0) is False
