"""The safety properties of docs/safety.md, checked on what a session actually did:
the control-point writes the virtual treadmill received (ground truth, with its timestamps) and
the engine's events (phases, countdowns, reported data).

Used by the property-based tests and by the every-preset-on-every-profile test."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from session_world import Action, Record

from treadmill_ctl.ftms.model import Capabilities, SettingRange
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.session.policy import SafetyPolicy
from treadmill_ctl.settings import BACKWARD_HARD_CEILING_KMH, Settings
from treadmill_ctl.sim.profiles import SimProfile
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit

# After the user's STOP only a new start moves the belt. After anything else that stops it
# (machine, console, link) an explicit user action does (a machine stop that happened while
# the link was down is news to no one but the machine, which then refuses the start).
STOPS_NEEDING_START = frozenset({"stop"})
PAUSES_NEEDING_RESUME = frozenset({"pause", "link-drop"})
# The machine's own stops count from the moment the engine hears of them (its alert): a
# notification still in flight cannot stop a start that crosses it (the engine then stops the
# belt again: alert "still_moving").
MACHINE_STOPS = {
    "safety-key": "safety_key_stop",
    "console-stop": "console_stop",
    "console-pause": "machine_paused",
}


@dataclass(frozen=True)
class Machine:
    """The machine's speed range in km/h, as the engine sees it."""

    minimum: float
    maximum: float
    step: float

    @classmethod
    def of(cls, profile: SimProfile) -> Machine:
        k = KMH_PER_MPH if profile.speed_unit is SpeedUnit.MPH else 1.0
        return cls(profile.speed_min * k, profile.speed_max * k, profile.speed_step * k)


def caps(settings: Settings, machine: Machine) -> dict[str, float]:
    return {
        "backward": min(settings.backward_cap_kmh, BACKWARD_HARD_CEILING_KMH, machine.maximum),
        "forward": min(settings.forward_cap_kmh, machine.maximum),
    }


def direction_at(record: Record, t: float, plan: Plan) -> str:
    """The direction of the phase the engine announced last before ``t``."""
    direction = str(plan.phases[0].direction)
    for phase in record.of("phase"):
        if phase["t"] <= t + 1e-9:
            direction = phase["direction"]
    return direction


def check_setpoints_within_caps(record: Record, plan: Plan, settings: Settings) -> None:
    machine = Machine.of(record.profile)
    limit = caps(settings, machine)
    tol = 0.09 if record.profile.speed_unit is SpeedUnit.MPH else 1e-6  # mph rounding
    for t, op, value in record.writes():
        if op != "set_speed":
            continue
        assert value is not None
        direction = direction_at(record, t, plan)
        assert value <= limit[direction] + tol, (t, value, direction, limit)
        assert value <= machine.maximum + 1e-6, (t, value, machine)


_START_TARGET: Final = -1.0  # marks the target written before Start in a motion


def check_ramp(record: Record, settings: Settings) -> None:
    """Within one motion (no start/stop/pause between), over any one-second window the
    set-point in effect moves by at most the ramp's rate plus one machine step; after a start,
    an upward set-point is at most that far above the belt's reported speed."""
    machine = Machine.of(record.profile)
    mph = record.profile.speed_unit is SpeedUnit.MPH
    tol = machine.step + 1e-6 if mph else 1e-6
    rate = settings.ramp_kmh_per_s
    budget = rate * 1.0 + machine.step + tol
    motion: list[tuple[float, float]] = []
    started = False
    data = record.of("data")
    data_t = [d["t"] for d in data]
    assert data_t == sorted(data_t), "the data records are not in time order"
    writes = record.writes()
    for k, (t, op, value) in enumerate(writes):
        if op in ("start", "stop", "pause"):
            if not (op == "start" and motion and motion[-1][0] == _START_TARGET):
                motion = []
            started = op == "start"
            continue
        if op != "set_speed":
            continue
        assert value is not None
        following = next(
            (writes[j][1] for j in range(k + 1, len(writes)) if writes[j][1] != "request_control"),
            None,
        )
        if following == "start":
            # The start speed written as the machine's target just before Start (the belt is
            # still: a machine stop, a pause or never started): a new motion begins with it,
            # and it must be a start speed, not a jump.
            assert value <= machine.minimum + budget, (t, value, "written before Start")
            motion = [(_START_TARGET, value)]
            started = False
            continue
        if started and (not motion or value > motion[-1][1] + 1e-6):
            seen = bisect.bisect_right(data_t, t + 1e-3)  # the records reported by then
            belt = (data[seen - 1]["speed_kmh"] or 0.0) if seen else 0.0
            assert value <= max(machine.minimum, belt) + budget, (t, value, belt)
        successors = [t1 for t1, _ in motion[1:]] + [t] if motion else []
        for (t0, v0), after in zip(motion, successors, strict=True):
            if t - after < 1.0 - 1e-6:
                assert abs(value - v0) <= budget, (t0, v0, t, value, rate)
        motion.append((t, value))
        while len(motion) > 1 and t - motion[1][0] >= 1.0:
            motion.pop(0)


def check_turns(record: Record, plan: Plan, settings: Settings) -> None:
    """Every direction change: a complete countdown (N..1, one per second) while the belt is
    reported at or below the turning speed, and no start or set-point during it."""
    style = plan.turning_style or settings.turning_style
    walk = plan.turning_walk_kmh or settings.turning_walk_kmh
    machine = Machine.of(record.profile)
    speeds = SettingRange(
        round(machine.minimum, 2), round(machine.maximum, 2), round(machine.step, 2)
    )
    policy = SafetyPolicy(settings, Capabilities(speeds, None, True, False))
    turning = policy.turning_speed_kmh(style, walk)
    assert turning <= 1.5
    phases = record.of("phase")
    countdowns = record.of("countdown")
    data = record.of("data")
    writes = record.writes()
    for before, after in itertools.pairwise(phases):
        if before["direction"] == after["direction"]:
            continue
        window = [c for c in countdowns if before["t"] <= c["t"] <= after["t"]]
        assert window, f"direction change at {after['t']} without a countdown"
        last = window[-1]
        assert last["remaining_s"] == 1, window
        run = [last]
        for c in reversed(window[:-1]):
            if (
                c["remaining_s"] == run[-1]["remaining_s"] + 1
                and abs((run[-1]["t"] - c["t"]) - 1.0) < 0.05
            ):
                run.append(c)
            else:
                break
        first = run[-1]
        expected = (
            settings.start_countdown_s
            if first["reason"] == "start"
            else (plan.countdown_s or settings.countdown_s)
        )
        assert first["remaining_s"] == expected, (first, expected)
        start, end = first["t"], last["t"] + 1.0
        moving_writes = [
            (t, op, v)
            for t, op, v in writes
            if start - 1e-6 <= t < end - 1e-3 and op in ("start", "set_speed")
        ]
        assert not moving_writes, (start, end, moving_writes)
        during = [d for d in data if start <= d["t"] < end and d["speed_kmh"] is not None]
        before_start = [d for d in data if d["t"] <= start and d["speed_kmh"] is not None]
        if before_start:
            during.append(before_start[-1])
        for d in during:
            assert d["speed_kmh"] <= turning + 0.06, (d, turning, start, end)


def check_no_restart_without_user(record: Record, actions: Sequence[Action]) -> None:
    """After STOP (the user's, the safety key, the console, the engine's own) the belt is
    started again only after a later user start; after a pause or a link loss only after a
    user resume or start. ``actions`` are in the order they happened; each says how many
    control-point writes the machine had received by then."""
    writes = record.writes()
    for k, (t_start, op, _) in enumerate(writes):
        if op != "start":
            continue
        before = [(i, a) for i, a in enumerate(actions) if a.writes_before <= k]
        for i, gate in before:
            if gate.name in STOPS_NEEDING_START:
                allowed = {"start"}
            elif gate.name in PAUSES_NEEDING_RESUME:
                allowed = {"start", "resume"}
            else:
                continue
            released = any(a.name in allowed for j, a in before if j > i)
            assert released, (gate, t_start, actions)
        for name, code in MACHINE_STOPS.items():
            for fault in (a for a in actions if a.name == name and a.t <= t_start):
                heard = [e["t"] for e in record.alerts(code) if e["t"] >= fault.t - 1e-6]
                if not heard or heard[0] >= t_start:
                    continue
                released = any(
                    a.name in {"start", "resume"} and heard[0] - 1e-6 <= a.t <= t_start
                    for a in actions
                )
                assert released, (fault, heard[0], t_start, actions)
        # whoever wrote it, a STOP needs a user action before the next start
        for m in (m for m in range(k) if writes[m][1] == "stop"):
            released = any(a.name in {"start", "resume"} and a.writes_before > m for _, a in before)
            assert released, (writes[m], t_start, actions)


def check_stop_first_after_reconnect(record: Record, actions: Sequence[Action]) -> None:
    """After a link loss, the first command written (other than Request Control, which the
    link makes on connecting) is STOP."""
    writes = record.writes()
    for action in actions:
        if action.name != "link-drop":
            continue
        after = [op for _, op, _ in writes[action.writes_before :] if op != "request_control"]
        if after:
            assert after[0] == "stop", (action, after[:3])


def check_first_speed(record: Record, plan: Plan, settings: Settings) -> None:
    """The session's first set-point is not above the first phase's speed (the warm-up)."""
    first = next((v for _, op, v in record.writes() if op == "set_speed"), None)
    if first is None:
        return
    machine = Machine.of(record.profile)
    phase = plan.phases[0]
    speed = plan.resolved_speed(phase, settings.backward_default_kmh)
    tol = machine.step if record.profile.speed_unit is SpeedUnit.MPH else 1e-6
    assert first <= max(speed, machine.minimum) + tol, (first, speed)


def check_all(
    record: Record, plan: Plan, settings: Settings, actions: Sequence[Action] = ()
) -> None:
    check_setpoints_within_caps(record, plan, settings)
    check_ramp(record, settings)
    check_turns(record, plan, settings)
    check_no_restart_without_user(record, actions)
    check_stop_first_after_reconnect(record, actions)
    check_first_speed(record, plan, settings)
