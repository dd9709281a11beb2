"""The fault matrix: every preset × sim profile × fault × moment, run in-process on a
fast-forwarded loop and audited against the safety rules.

For one preset and profile, an un-faulted *baseline* run gives the session times of each kind
of moment (``find_moments``: the start countdown, a ramp, a forward phase, the slow-down before
a turn, the turn countdown, a backward block, a pause). Each scenario then runs the same session
again with one ``Fault`` injected at one moment, and ``judge`` checks the outcome:

- the safety audit of its events and of the control-point writes the machine received
  (``safety_audit.audit_session``: caps, ramp, start and turn countdowns, holds, link loss);
- the belt at the end is stopped or paused (under the user's control), never running;
- the session record has its end event, and nothing crashed (no exception, no error logged).

A scenario is observed for ``window_s`` session seconds after its fault; a session still
running then gets a user STOP (the runner stops after the observation window). Faults that
leave the session waiting for a user get the user action a runner would take (resume after a
pause or a reconnect) so that what follows is audited too.

One session with its timed faults runs in ``fault_session``; ``benchmarks/fault_matrix.py``
runs the whole matrix and prints the table;
``tests/proof/test_fault_matrix_small.py`` runs a slice.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import math
import os
import pickle
import selectors
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from treadmill_ctl.proof.audit_model import AuditLimits, AuditReport, TimedAction
from treadmill_ctl.proof.fault_session import (
    LiveSession,
    SessionRun,
    kmh_per_console_unit,
    run_session,
    speed_range_kmh,
)
from treadmill_ctl.proof.safety_audit import audit_session
from treadmill_ctl.session.clock import SpeedupEventLoop
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import SimProfile
from treadmill_ctl.sim.treadmill import BeltState

__all__ = [
    "Fault",
    "Moment",
    "Scenario",
    "ScenarioResult",
    "find_moments",
    "judge",
    "run_baseline",
    "run_scenario",
    "run_scenarios_forked",
    "scenarios_for",
]

log = logging.getLogger(__name__)

DEFAULT_WINDOW_S: Final = 120.0
PAUSE_FAULT_DELAY_S: Final = 3.0  # "a pause" moment: the fault comes this long into a pause
RESUME_AFTER_S: Final = 20.0  # a runner resumes this long after a pause (or a reconnect)
LINK_RESUME_AFTER_S: Final = 30.0
DATA_RESTART_AFTER_S: Final = 40.0  # data-stop lasts 30 s: a new start 10 s after it is back
FALSE_ALARM_WINDOW_S: Final = 4.0  # the link's STOP confirmation window
FALSE_ALARM_FALL_KMH: Final = 0.3
CONTROL_LOST_STOP_AFTER_S: Final = 0.5  # the user's STOP comes this soon after control is lost
_STILL_BELT: Final = frozenset({BeltState.IDLE, BeltState.STOPPED, BeltState.STOPPING})


class Fault(enum.StrEnum):
    """What goes wrong (or what the user does) at the moment."""

    LINK_DROP = "link drop"
    SAFETY_KEY = "safety key"
    CONTROL_LOST = "control lost"
    CONSOLE_STOP = "console stop"
    CONSOLE_PAUSE = "console pause"
    UNANSWERED = "unanswered cmd"
    MALFORMED = "malformed notif"
    USER_STOP = "user STOP"
    USER_PAUSE = "user pause"
    DATA_SILENCE = "data silence"  # Treadmill Data stops for 30 s, the link stays up
    DATA_UNSUBSCRIBED = "data sub lost"  # the data subscription is lost, link up
    CONSOLE_STOP_AT_GO = "console stop @go"  # at the instant our next Start arrives
    LATE_START = "late belt start"  # the next Start moves the belt only after 12 s
    REMEMBERING = "remembering console"  # resumes at its old target, speeds refused paused
    CONTROL_LOST_STOP = "ctrl lost + STOP"


class Moment(enum.StrEnum):
    """When it goes wrong (found in a baseline run's state and phase events)."""

    START_COUNTDOWN = "start countdown"
    RAMP = "ramp"
    FORWARD = "forward phase"
    SLOW_DOWN = "slow-down"
    TURN_COUNTDOWN = "turn countdown"
    BACKWARD = "backward block"
    PAUSE = "pause"


# Per fault: the timed actions (name, seconds after the moment). Names are safety_audit's
# USER_ACTIONS / FAULT_ACTIONS.
_FAULT_ACTIONS: Final[dict[Fault, tuple[tuple[str, float], ...]]] = {
    Fault.LINK_DROP: (("link-drop", 0.0), ("resume", LINK_RESUME_AFTER_S)),
    Fault.SAFETY_KEY: (("safety-key", 0.0),),
    Fault.CONTROL_LOST: (("control-lost", 0.0),),
    Fault.CONSOLE_STOP: (("console-stop", 0.0),),
    Fault.CONSOLE_PAUSE: (("console-pause", 0.0), ("resume", RESUME_AFTER_S)),
    Fault.UNANSWERED: (("unanswered", 0.0),),
    Fault.MALFORMED: (("malformed", 0.0),),
    Fault.USER_STOP: (("stop", 0.0),),
    Fault.USER_PAUSE: (("pause", 0.0), ("resume", RESUME_AFTER_S)),
    # After the silence STOP a runner starts again once the treadmill talks again.
    Fault.DATA_SILENCE: (("data-stop", 0.0), ("start", DATA_RESTART_AFTER_S)),
    Fault.DATA_UNSUBSCRIBED: (("data-unsubscribed", 0.0),),
    Fault.CONSOLE_STOP_AT_GO: (("console-stop-at-start", 0.0),),
    Fault.LATE_START: (("late-start", 0.0), ("pause", 0.0), ("resume", RESUME_AFTER_S)),
    Fault.REMEMBERING: (
        ("remembering-console", 0.0),
        ("pause", 0.0),
        ("resume", RESUME_AFTER_S),
    ),
    Fault.CONTROL_LOST_STOP: (("control-lost", 0.0), ("stop", CONTROL_LOST_STOP_AFTER_S)),
}


@dataclass(frozen=True, slots=True)
class Scenario:
    """One cell of the matrix: ``fault`` at ``moment`` (session time ``at_s``)."""

    preset: str
    profile: str
    fault: Fault | None  # None: the un-faulted baseline
    moment: Moment | None
    at_s: float

    def actions(self, window_s: float) -> tuple[TimedAction, ...]:
        """Everything the user and the machine do in this scenario (session seconds; the
        implicit user start at 0 included; not the end-of-window STOP)."""
        out = [TimedAction(0.0, "start")]
        if self.fault is None:
            return tuple(out)
        t = self.at_s
        if self.moment is Moment.PAUSE:
            # The pause itself comes first, the fault during it, the resume later.
            out.append(TimedAction(t - PAUSE_FAULT_DELAY_S, "pause"))
            if self.fault is not Fault.USER_PAUSE:
                out.append(TimedAction(t + RESUME_AFTER_S, "resume"))
        out += [TimedAction(t + dt, name) for name, dt in _FAULT_ACTIONS[self.fault]]
        return tuple(sorted((a for a in out if a.t <= t + window_s), key=lambda a: a.t))

    def label(self) -> str:
        if self.fault is None:
            return f"{self.preset} / {self.profile} / no fault"
        return f"{self.preset} / {self.profile} / {self.fault} @ {self.moment} ({self.at_s:.1f} s)"


@dataclass
class ScenarioResult:
    """What one run did and how it was judged."""

    scenario: Scenario
    end_reason: str
    report: AuditReport
    belt_state: str
    belt_kmh: float
    errors: list[str]
    events: list[dict[str, Any]] = field(repr=False)
    actions: tuple[TimedAction, ...] = ()
    wall_s: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def safe(self) -> bool:
        return not self.problems

    def excerpt(self, around_t: float, before_s: float = 8.0, after_s: float = 4.0) -> list[str]:
        """The record around ``around_t``, without the data events (they are many)."""
        import json  # noqa: PLC0415 - only for failure reports

        lines = []
        for e in self.events:
            t = e.get("t", 0.0)
            if around_t - before_s <= t <= around_t + after_s and e.get("type") != "data":
                lines.append(json.dumps(e, separators=(",", ":")))
        return lines


# ---- moments ------------------------------------------------------------------------------


def _intervals(events: Sequence[Mapping[str, Any]], state: str) -> list[tuple[float, float]]:
    """(start, end) session times of every stretch the engine spent in ``state``."""
    out: list[tuple[float, float]] = []
    since: float | None = None
    for e in events:
        if e.get("type") not in ("state", "end"):
            continue
        t = float(e["t"])
        if since is not None:
            out.append((since, t))
            since = None
        if e.get("type") == "state" and e["state"] == state:
            since = t
    return out


def _direction_during(events: Sequence[Mapping[str, Any]], t: float) -> str:
    direction = "forward"
    for e in events:
        if e["t"] > t:
            break
        if e.get("type") == "phase":
            direction = str(e["direction"])
    return direction


def find_moments(events: Sequence[Mapping[str, Any]]) -> dict[Moment, float]:
    """Session times of each kind of moment in an un-faulted run (the middle of the first
    such stretch; the ramp with the most set-points; the forward phase before the first turn).
    A moment the session does not have is left out."""
    moments: dict[Moment, float] = {}

    def mid(span: tuple[float, float]) -> float:
        return round((span[0] + span[1]) / 2, 3)

    if starting := _intervals(events, "starting_countdown"):
        moments[Moment.START_COUNTDOWN] = mid(starting[0])
    setpoints = [
        float(e["t"]) for e in events if e.get("type") == "command" and e["op"] == "set_speed"
    ]
    ramps = [
        (sum(1 for t in setpoints if a <= t <= b), (a, b)) for a, b in _intervals(events, "ramping")
    ]
    ramps = [r for r in ramps if r[0] >= 3]
    if ramps:
        _, (a, b) = max(ramps, key=lambda r: r[0])
        inside = [t for t in setpoints if a <= t <= b]
        moments[Moment.RAMP] = round(inside[len(inside) // 2], 3)
    slowing = _intervals(events, "slowing_to_turn")
    running = _intervals(events, "running_phase")
    forward = [s for s in running if _direction_during(events, mid(s)) == "forward"]
    backward = [s for s in running if _direction_during(events, mid(s)) == "backward"]
    if forward:
        before_turn = [s for s in forward if slowing and s[1] <= slowing[0][0] + 1e-3]
        moments[Moment.FORWARD] = mid((before_turn or forward)[-1 if before_turn else 0])
        moments[Moment.PAUSE] = round(moments[Moment.FORWARD] + PAUSE_FAULT_DELAY_S, 3)
    if slowing:
        moments[Moment.SLOW_DOWN] = mid(slowing[0])
    if turning := _intervals(events, "turn_countdown"):
        moments[Moment.TURN_COUNTDOWN] = mid(turning[0])
    if backward:
        moments[Moment.BACKWARD] = mid(backward[0])
    return moments


# ---- the matrix ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    """An un-faulted run of one preset on one profile, judged like any scenario."""

    preset: str
    profile: str
    moments: Mapping[Moment, float]
    result: ScenarioResult


def run_baseline(
    preset: str,
    plan: Plan,
    settings: Settings,
    profile: SimProfile,
    *,
    ramp_window_s: float = 1.0,
) -> Baseline:
    """Run the whole session without a fault; find its moments; audit it."""
    t0 = time.perf_counter()
    actions = (TimedAction(0.0, "start"),)
    run = run_session(plan, settings, profile, actions)
    scenario = Scenario(preset, profile.name, None, None, math.nan)
    result = judge(
        scenario,
        run,
        settings=settings,
        plan=plan,
        profile=profile,
        actions=actions,
        wall_s=time.perf_counter() - t0,
        ramp_window_s=ramp_window_s,
    )
    return Baseline(preset, profile.name, find_moments(run.events), result)


def scenarios_for(
    baseline: Baseline,
    faults: Sequence[Fault] = tuple(Fault),
    moments: Sequence[Moment] = tuple(Moment),
) -> list[Scenario]:
    """The scenarios of one preset and profile (moments it does not have are skipped)."""
    return [
        Scenario(baseline.preset, baseline.profile, f, m, baseline.moments[m])
        for m in moments
        if m in baseline.moments
        for f in faults
    ]


def run_scenario(
    scenario: Scenario,
    plan: Plan,
    settings: Settings,
    profile: SimProfile,
    *,
    window_s: float = DEFAULT_WINDOW_S,
    ramp_window_s: float = 1.0,
) -> ScenarioResult:
    """Run and judge one scenario (on a fresh fast-forwarded loop)."""
    t0 = time.perf_counter()
    actions = scenario.actions(window_s)
    stop_at = scenario.at_s + window_s
    run = run_session(plan, settings, profile, actions, stop_at_s=stop_at)
    return judge(
        scenario,
        run,
        settings=settings,
        plan=plan,
        profile=profile,
        actions=tuple(run.fired),
        wall_s=time.perf_counter() - t0,
        ramp_window_s=ramp_window_s,
    )


def first_action_s(scenario: Scenario, window_s: float) -> float:
    """When the scenario first differs from the un-faulted session (its first action)."""
    return min(
        (a.t for a in scenario.actions(window_s) if not (a.name == "start" and a.t == 0.0)),
        default=scenario.at_s,
    )


def run_scenarios_forked[T](
    scenarios: Sequence[Scenario],
    plan: Plan,
    settings: Settings,
    profile: SimProfile,
    summarize: Callable[[ScenarioResult], T],
    *,
    window_s: float = DEFAULT_WINDOW_S,
    ramp_window_s: float = 1.0,
) -> list[T]:
    """``summarize(run_scenario(...))`` for each scenario (same preset and profile), without
    re-running the common past each time: one un-faulted session runs, and at each scenario's
    first action the process forks; the child injects the scenario, runs it to its end,
    judges it and sends ``summarize``'s (picklable) answer back. POSIX only; the process must
    have no other threads. Results come in the order of ``scenarios``."""
    order = sorted(range(len(scenarios)), key=lambda i: first_action_s(scenarios[i], window_s))
    results: dict[int, T] = {}

    async def explore() -> None:
        session = LiveSession(plan, settings, profile)
        await session.start()
        try:
            for i in order:
                scenario = scenarios[i]
                branch_s = max(first_action_s(scenario, window_s) - 1e-3, 0.0)
                if not await session.until(branch_s):
                    raise RuntimeError(f"the session ended before {scenario.label()}")
                read_fd, write_fd = os.pipe()
                t0 = time.perf_counter()
                loop = asyncio.get_running_loop()
                pid = os.fork()
                if pid == 0:  # the child runs the scenario from here, answers, and exits
                    # asyncio forgets the running loop in a forked child; this one goes on.
                    asyncio.events._set_running_loop(loop)
                    os.close(read_fd)
                    await _answer_and_exit(
                        write_fd,
                        session,
                        scenario,
                        summarize,
                        window_s=window_s,
                        ramp_window_s=ramp_window_s,
                        t0=t0,
                    )
                os.close(write_fd)
                results[i] = _collect(pid, read_fd, scenario)
        finally:
            await session.abandon()

    # A selector without kernel state: parent and children must not share an epoll instance.
    with asyncio.Runner(loop_factory=_forkable_loop) as runner:
        runner.run(explore())
    return [results[i] for i in range(len(scenarios))]


def _forkable_loop() -> asyncio.AbstractEventLoop:
    return SpeedupEventLoop(math.inf, selectors.SelectSelector())


async def _answer_and_exit[T](
    write_fd: int,
    session: LiveSession,
    scenario: Scenario,
    summarize: Callable[[ScenarioResult], T],
    *,
    window_s: float,
    ramp_window_s: float,
    t0: float,
) -> None:
    """In a forked child: run the scenario on, judge it, pipe the summary back, exit."""
    try:
        session.schedule(scenario.actions(window_s), stop_at_s=scenario.at_s + window_s)
        run = await session.finish()
        result = judge(
            scenario,
            run,
            settings=session.settings,
            plan=session.plan,
            profile=session.profile,
            actions=tuple(run.fired),
            wall_s=time.perf_counter() - t0,
            ramp_window_s=ramp_window_s,
        )
        payload = pickle.dumps(("ok", summarize(result)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, then exit
        payload = pickle.dumps(("error", f"{type(exc).__name__}: {exc}"))
    with os.fdopen(write_fd, "wb") as out:
        out.write(payload)
    os._exit(0)


def _collect(pid: int, read_fd: int, scenario: Scenario) -> Any:
    with os.fdopen(read_fd, "rb") as answer:
        data = answer.read()
    os.waitpid(pid, 0)
    if not data:
        raise RuntimeError(f"the scenario process died: {scenario.label()}")
    status, value = pickle.loads(data)
    if status != "ok":
        raise RuntimeError(f"{scenario.label()}: {value}")
    return value


def false_stop_alarms(events: Sequence[Mapping[str, Any]]) -> list[str]:
    """ "STOP not confirmed: pull the safety key" while the link was up and the reported speed
    visibly ran down (or reached 0) in the STOP's confirmation window: a false alarm."""
    out = []
    for alert in events:
        if alert.get("type") != "alert" or alert.get("code") != "stop_not_confirmed":
            continue
        t = float(alert["t"])
        window = [e for e in events if t - FALSE_ALARM_WINDOW_S <= float(e["t"]) <= t]
        if any(e.get("type") == "state" and e["state"] == "link_lost" for e in window):
            continue
        seen = [
            float(e["speed_kmh"])
            for e in window
            if e.get("type") == "data" and e.get("speed_kmh") is not None
        ]
        if len(seen) >= 2 and (seen[-1] == 0.0 or seen[0] - seen[-1] >= FALSE_ALARM_FALL_KMH):
            out.append(
                f"t={t:.2f} s: 'pull the safety key' while the belt ran down "
                f"{seen[0]:.2f} -> {seen[-1]:.2f} km/h"
            )
    return out


def judge(
    scenario: Scenario,
    run: SessionRun,
    *,
    settings: Settings,
    plan: Plan,
    profile: SimProfile,
    actions: Sequence[TimedAction],
    wall_s: float,
    ramp_window_s: float = 1.0,
) -> ScenarioResult:
    """Audit one run: the safety rules, the belt at the end, the end event, no crash."""
    unit = kmh_per_console_unit(profile)
    limits = AuditLimits.for_session(
        settings,
        plan,
        speed_range_kmh(profile),
        write_kmh_per_unit=unit,
        ramp_window_s=ramp_window_s,
    )
    everything = (
        TimedAction(0.0, "start"),
        *(a for a in actions if a != TimedAction(0.0, "start")),
    )
    report = audit_session(run.events, limits, actions=everything, writes=run.writes)
    result = ScenarioResult(
        scenario,
        run.end_reason,
        report,
        run.belt_state,
        run.belt_kmh,
        run.errors,
        run.events,
        tuple(everything),
        wall_s,
    )
    result.problems += [str(v) for v in report.violations]
    if BeltState(run.belt_state) not in _STILL_BELT | {BeltState.PAUSED}:
        result.problems.append(
            f"[belt] the belt is {run.belt_state} at {run.belt_kmh:.2f} km/h when the session ends"
        )
    result.problems += [f"[alarm] {m}" for m in false_stop_alarms(run.events)]
    result.problems += [f"[crash] {m}" for m in run.errors]
    if run.end_reason == "error":
        result.problems.append("[crash] the session ended in error")
    return result
