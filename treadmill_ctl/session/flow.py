"""The session's flow, step by step: countdowns, the start of the belt, the one ramp, the phase
clock, turn-arounds and the end of the plan. Where the old engine ``await``-ed, a named ``Step``
(session.steps) waits for a command's answer, the belt, the clock or a user's poke."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Final

from treadmill_ctl.ftms.model import CommandOutcome, MachineStatusKind, Result
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import (
    AlertLevel,
    CountdownEvent,
    CountdownReason,
    CueEvent,
    CueKind,
    EndReason,
    SessionState,
)
from treadmill_ctl.session.machine_base import (
    MAX_SETPOINT_FAILURES,
    RAMP_STALL_S,
    REACH_TIMEOUT_S,
    STILL_KMH,
    MachineBase,
)
from treadmill_ctl.session.policy import SafetyViolation
from treadmill_ctl.session.position import result_words
from treadmill_ctl.session.steps import WAKES, Belt, Signal, Step
from treadmill_ctl.session.transitions import EngineEvent, SpeedBy
from treadmill_ctl.session.watchdog import HOLD_POLL_S
from treadmill_ctl.texts import Speed, tr
from treadmill_ctl.units import KMH_PER_MPH

__all__ = ["FlowMachine"]

log = logging.getLogger(__name__)

S = SessionState
E = EngineEvent
_MAX_STEPS_PER_INPUT: Final = 10_000  # a flow that never waits is a bug: never spin
_DATA_OR_POKE: Final = frozenset({Signal.DATA, Signal.POKE})  # a step held for lack of data
AHEAD_EXTRA_KMH: Final = 0.2  # above the ramp's reach from its peak: a belt running ahead
BELT_POLL_S: Final = 0.5  # a ramp held by the belt looks again this often (and on its data)


class FlowMachine(MachineBase):
    """The flow's steps; see ``SessionMachine``."""

    def _new_flow(self, t: float, reason: CountdownReason) -> None:
        """A countdown (start, resume, or a turn resumed after a pause), then the plan from
        the current phase on."""
        self._cancel_flow()
        self._skip = False
        if self._plan_complete():
            self._end(EndReason.FINISHED)
            return
        self._cd_reason = reason
        self._enter_wait(t, 0.0, tr("Waiting for the belt to stop"), Step.WAIT_STILL)
        self._run_flow(t, None)

    def _run_flow(self, t: float, signal: Signal | None) -> None:
        """Move the flow on: ``signal`` wakes a waiting step (``None``: the step was just
        entered, or its command answered)."""
        if signal is not None and signal not in self._wake_on:
            return
        self._flow_wake = None
        self._wake_on = frozenset()
        for _ in range(_MAX_STEPS_PER_INPUT):
            handler = _STEPS.get(self._step)
            if handler is None or not handler(self, t):
                return
        raise RuntimeError(f"the session flow does not wait (step {self._step})")

    def _poke(self, t: float) -> None:
        self._run_flow(t, Signal.POKE)

    def _enter_wait(self, t: float, kmh: float, why: str, step: Step) -> None:
        """Wait (``step``) until the reported belt speed is at or below ``kmh`` (at most 45 s)."""
        self._wait_limit = max(kmh, 0.0) + (STILL_KMH if kmh <= 0 else 0.01)
        self._wait_deadline = t + self.timing.stop_timeout_s
        self._wait_why = why
        self._goto(step)

    def _enter_wait_turning(self, t: float) -> None:
        self._enter_wait(
            t, self._turning_speed(), tr("Waiting for the belt to slow down"), Step.WAIT_TURNING
        )

    def _belt_at_most(self, t: float) -> bool | None:
        """The wait for the belt: True when it is there, None while waiting, False when it
        did not follow (the session stops)."""
        if (self._actual_kmh or 0.0) <= self._wait_limit:
            return True
        if t >= self._wait_deadline - 1e-9:
            self._belt_not_following(
                t,
                tr(
                    "{why}: the belt still runs at {speed} after {seconds} s.",
                    why=self._wait_why,
                    speed=Speed(self._actual_kmh or 0),
                    seconds=f"{self.timing.stop_timeout_s:g}",
                ),
            )
            return False
        return self._wait(self._wait_deadline, WAKES[self._step]) or None

    def _s_wait_still(self, t: float) -> bool:
        if not self._belt_at_most(t):
            return False
        self._begin_countdown(t)
        return self._goto(Step.COUNTDOWN)

    def _s_wait_turning(self, t: float) -> bool:
        if self._data_watch.holding:  # a stale speed is no report: the turn waits for data
            return self._wait(None, _DATA_OR_POKE)
        if not self._belt_at_most(t):
            return False
        self._fire(E.BELT_AT_TURNING_SPEED, t)
        self._cd_reason = CountdownReason.TURN
        self._begin_countdown(t)
        return self._goto(Step.COUNTDOWN)

    def _begin_countdown(self, t: float) -> None:
        reason = self._cd_reason
        phase = self._plan.phases[self._index]
        lead = self._countdown_s(start=reason is CountdownReason.START)
        self._direction_cue(t, phase, lead, starting=reason is not CountdownReason.TURN)
        self._cd_next = lead

    def _s_countdown(self, t: float) -> bool:
        if self._cd_next >= 1:
            n, reason = self._cd_next, self._cd_reason
            self._countdown = (n, reason)
            self._emit(CountdownEvent(self._now(t), n, reason))
            self._emit(CueEvent(self._now(t), str(n), CueKind.COUNTDOWN, n))
            self._cd_next -= 1
            return self._wait(t + 1.0, WAKES[Step.COUNTDOWN])
        self._countdown = None
        self._cue(t, CueKind.GO, tr("Go"))
        self._facing = self._plan.phases[self._index].direction
        self._fire(E.COUNTDOWN_DONE, t)
        return self._goto(Step.PLAN)

    def _s_plan(self, t: float) -> bool:
        self._announce_phase(t)
        if self._belt is Belt.RUNNING:
            return self._goto(Step.INCLINE)
        if self._data_watch.holding:  # no data: no start (session.silence)
            return self._wait(None, _DATA_OR_POKE)
        # Many consoles start (or resume) at the target they remember: lower it to the start
        # speed before Start, so that the belt ramps from there.
        self._preset_ok = False
        if self._start_setpoint(t, Step.PRESETTING):
            return False
        return self._send_start(t)

    def _start_setpoint(self, t: float, step: Step) -> bool:
        """Write the start speed as the machine's target (before Start, or at once after it on
        a console that takes speeds only once started). False: none to write."""
        kmh = self._policy.begin_start(t)
        try:
            self._policy.check(self._direction(), kmh, t)
        except SafetyViolation:
            return False  # a start speed above the cap: the machine starts on its own minimum
        self._policy.record(kmh, t)
        self._recent_setpoints.append(kmh)
        self._sent_value = kmh
        self._flow_cmd = self._send(io.Cmd.SET_SPEED, kmh)
        return self._goto(step)

    def _a_preset(self, t: float, outcome: CommandOutcome) -> None:
        # Refused (e.g. "speed only once the belt runs"): Start, then the start speed at once.
        self._preset_ok = outcome.ok
        if not outcome.ok:
            log.info("start speed before Start: %s", result_words(outcome))
        self._send_start(t)

    def _send_start(self, t: float) -> bool:
        self._expect_echo(MachineStatusKind.STARTED_BY_USER, t)
        self._flow_cmd = self._send(io.Cmd.START)
        return not self._goto(Step.STARTING_BELT)

    def _a_start(self, t: float, outcome: CommandOutcome) -> None:
        self._settle_echo(MachineStatusKind.STARTED_BY_USER, t)
        if not outcome.ok:
            self._command_refused(
                t, tr("The treadmill did not start ({result}).", result=result_words(outcome))
            )
            return
        self._belt = Belt.RUNNING
        self._started_once = True
        self._wait_deadline = t + self.timing.start_timeout_s
        if self._preset_ok or not self._start_setpoint(t, Step.PINNING):
            self._goto(Step.WAIT_MOVING)

    def _a_pin(self, t: float, outcome: CommandOutcome) -> None:
        if not outcome.ok:
            log.info("start speed after Start: %s", result_words(outcome))
        self._goto(Step.WAIT_MOVING)

    def _s_wait_moving(self, t: float) -> bool:
        moving = (self._actual_kmh or 0.0) > STILL_KMH
        if not moving and t < self._wait_deadline - 1e-9:
            return self._wait(self._wait_deadline, WAKES[Step.WAIT_MOVING])
        if not moving:
            self._alert(
                t,
                AlertLevel.WARNING,
                tr("The belt has not started moving yet; the ramp waits for it."),
                "slow_start",
            )
        self._policy.motion_started(t, self._actual_kmh)
        # Some machines resume at their previous target: pin it down to where the belt is now.
        reference, _ = self._policy.last_setpoint
        if reference <= self._policy.cap_kmh(self._direction()):
            self._send_setpoint(t, reference, Step.INCLINE)
            return False
        return self._goto(Step.INCLINE)

    def _start_in_flight(self) -> bool:
        """Our Start is written and not answered yet (the machine may take it after a stop or
        pause of its own that crossed it)."""
        return self._flow_cmd is not None and self._step is Step.STARTING_BELT

    def _stop_crossed_start(self, t: float) -> None:
        """The machine stopped (or paused) while our Start was on its way: that Start may
        start the belt after the console's stop. The console wins: STOP at once."""
        log.info("the machine stopped while our Start was in flight: STOP")
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER, t)
        self._quiet_stop = self._stop(io.StopKind.QUIET)

    def _watch_ramp_ahead(self, t: float) -> None:
        """While ramping (from the Start on), the belt's reported speed is checked against the
        ramp: a belt well above every set-point of this motion runs ahead of it (e.g. a
        console that went back to the speed it had before a pause): STOP, and say so."""
        peak = self._policy.motion_peak_kmh
        if not self._reacts(E.RAMP_WATCH) or peak <= 0:
            return
        actual = self._actual_kmh or 0.0
        limit = self._policy.ahead_limit_kmh() + AHEAD_EXTRA_KMH
        if actual <= limit:
            return
        if abs(actual - peak * KMH_PER_MPH) <= 0.15 * actual:
            message = tr(
                "The belt runs at {actual} instead of {peak} (does its "
                "console read speeds in mph?). Stopping.",
                actual=Speed(actual),
                peak=Speed(peak),
            )
            self._stop_for(t, E.OVERSPEED, message, "overspeed")
            return
        message = tr(
            "The belt sped up to {actual} on its own, faster than the ramp "
            "(set to {peak}): the treadmill may have gone back to an earlier speed. "
            "Stopping.",
            actual=Speed(actual),
            peak=Speed(peak),
        )
        self._stop_for(t, E.BELT_AHEAD, message, "belt_ahead")

    def _s_incline(self, t: float) -> bool:
        self._reached_at = None
        phase = self._plan.phases[self._index]
        if phase.incline_pct is None:
            return self._goto(Step.RAMP)
        caps = self._policy.capabilities
        if caps is None or caps.incline is None or not caps.can_set_incline:
            if phase.incline_pct != 0 and not self._incline_warned:
                self._incline_warned = True
                self._alert(
                    t,
                    AlertLevel.INFO,
                    tr("This treadmill cannot set an incline: running flat."),
                    "incline",
                )
            return self._goto(Step.RAMP)
        value = caps.incline.clamp_to_step(phase.incline_pct)
        self._sent_value = value
        self._flow_cmd = self._send(io.Cmd.SET_INCLINE, value)
        return not self._goto(Step.SETTING_INCLINE)

    def _a_incline(self, t: float, outcome: CommandOutcome) -> None:
        if not outcome.ok:
            self._alert(
                t,
                AlertLevel.WARNING,
                tr(
                    "Incline {incline} %: {result}.",
                    incline=f"{self._sent_value:g}",
                    result=result_words(outcome),
                ),
                "command_failed",
            )
        self._reached_at = None
        self._goto(Step.RAMP)

    def _s_ramp(self, t: float) -> bool:
        """Set-points to the phase's target, then the *reported* speed there."""
        if self._skip:
            return self._goto(Step.PHASE_OVER)
        if self._speed_by is SpeedBy.CONSOLE:
            return self._goto(Step.REACHED)  # the runner's speed is the phase's now
        target = self._target_kmh()
        wait = self._ramp(t, target, Step.RAMP)
        if wait is None:
            self._reached_at = None
            return False
        if wait > 0:
            _, last_t = self._policy.last_setpoint
            stalled = last_t is not None and t - last_t > RAMP_STALL_S
            if stalled and not self._data_watch.holding:
                # The policy allows no further step (it should always): never spin here.
                why = tr("The ramp to {speed} stalled.", speed=Speed(target))
                if self._ramp_held:
                    why = tr(
                        "The belt does not follow the ramp: it runs at {speed} after {seconds} s.",
                        speed=Speed(self._actual_kmh or 0),
                        seconds=f"{RAMP_STALL_S:g}",
                    )
                self._belt_not_following(t, why)
                return False
            return self._wait(t + wait, self._ramp_wakes({Signal.TIME, Signal.POKE}))
        if self._speed_reached(target, self._actual_kmh):
            return self._goto(Step.REACHED)
        if self._reached_at is None:
            self._reached_at = t
        gap = abs((self._actual_kmh or 0.0) - target)
        if t - self._reached_at > REACH_TIMEOUT_S + gap / self.timing.reach_rate_kmh_s:
            self._alert(
                t,
                AlertLevel.WARNING,
                tr(
                    "The belt runs at {speed} instead of {target}; the phase starts anyway.",
                    speed=Speed(self._actual_kmh or 0),
                    target=Speed(target),
                ),
                "speed_not_reached",
            )
            return self._goto(Step.REACHED)
        return self._wait(t + 0.5, WAKES[Step.RAMP])

    def _s_reached(self, t: float) -> bool:
        self._fire(E.TARGET_REACHED, t)
        return self._goto(Step.CLOCK)

    def _s_clock(self, t: float) -> bool:
        """The phase's time at speed, with the cue for what comes next ahead of it; follows
        speed changes (user ±, the heart-rate cap) with the ramp."""
        lead = float(self._settings.cue_lead_s)
        remaining = self._phase_remaining(self._now(t))
        if self._skip or remaining <= 1e-6:
            if self._step is Step.CLOCK:
                self._announce_next(t, 0.0)
            return self._goto(Step.PHASE_OVER)
        if self._step is Step.CLOCK_CUED and remaining > lead + 1.0:
            self._step = Step.CLOCK  # extended after the cue: cue again later
        if self._step is Step.CLOCK and remaining <= lead + 1e-6:
            self._announce_next(t, remaining)
            self._step = Step.CLOCK_CUED
        wait = remaining if self._step is Step.CLOCK_CUED else remaining - lead
        if self._speed_by is SpeedBy.PLAN:
            step_wait = self._ramp(t, self._target_kmh(), self._step)
            if step_wait is None:
                return False
            if step_wait > 0:
                wait = min(wait, step_wait)
        if wait <= 0:
            return True  # again, at once
        return self._wait(t + wait, self._ramp_wakes(WAKES[self._step]))

    def _s_phase_over(self, t: float) -> bool:
        self._complete_phase(t, skipped=self._skip)
        self._skip = False
        if self._plan_complete():
            self._fire(E.PLAN_DONE, t)
            return self._goto(Step.FINISH)
        if self._plan.phases[self._index].direction is self._facing:
            self._fire(E.PHASE_DONE_SAME_DIRECTION, t)
            return self._goto(Step.PLAN)
        self._fire(E.PHASE_DONE_TURN, t)
        return self._goto(Step.SLOW_TO_TURN)

    def _s_slow_to_turn(self, t: float) -> bool:
        """Down to the turning speed (a walk, or the machine's minimum then a pause)."""
        turning = self._turning_speed()
        if self._belt is Belt.STILL:
            self._enter_wait_turning(t)
            return True
        self._ramp_down_kmh = turning if turning > 0 else self._policy.machine_min_kmh
        self._ramp_down_then = Step.PAUSE_FOR_TURN if turning <= 0 else Step.WAIT_TURNING
        return self._goto(Step.RAMP_DOWN)

    def _s_ramp_down(self, t: float) -> bool:
        """Set-points down to the turning or finishing speed, not waiting for the belt."""
        wait: float | None = 0.0
        if self._belt is Belt.RUNNING:
            wait = self._ramp(t, self._ramp_down_kmh, Step.RAMP_DOWN)
        if wait is None:
            return False
        if wait > 0:
            return self._wait(t + wait, WAKES[Step.RAMP_DOWN])
        if self._ramp_down_then is Step.WAIT_TURNING:
            self._enter_wait_turning(t)
            return True
        return self._goto(self._ramp_down_then)

    def _s_pause_for_turn(self, t: float) -> bool:
        self._flow_cmd = self._pause(t)
        return not self._goto(Step.PAUSING_FOR_TURN)

    def _a_pause_for_turn(self, t: float, outcome: CommandOutcome) -> None:
        if self._paused(t, outcome, in_flow=True):
            self._enter_wait_turning(t)

    def _s_finish(self, t: float) -> bool:
        """The end of the plan: down to the machine's minimum, then STOP."""
        self._cue(t, CueKind.SESSION_DONE, tr("Session done. Stopping the belt."))
        self._ramp_down_kmh = max(self._policy.machine_min_kmh, 0.0)
        self._ramp_down_then = Step.FINISH_STOP
        return self._goto(Step.RAMP_DOWN)

    def _s_finish_stop(self, t: float) -> bool:
        self._stop_cause = EndReason.FINISHED
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER, t)
        self._flow_cmd = self._stop(io.StopKind.FINISH)
        return not self._goto(Step.FINISH_STOPPING)

    def _s_backoff(self, t: float) -> bool:
        if t < self._backoff_until - 1e-9:
            return self._wait(self._backoff_until, WAKES[Step.BACKOFF])
        return self._goto(self._after_send)

    def _ramp(self, t: float, target_kmh: float, then: Step) -> float | None:
        """The one ramp. Write the next set-point towards ``target_kmh`` that the policy
        allows (``None``: written; the flow goes on at ``then`` once it is answered), or say how
        long until the next one may go (0.0: the last set-point is the target)."""
        direction = self._direction()
        belt = self._actual_kmh if self._belt is Belt.RUNNING else None
        step = self._policy.next_setpoint(direction, target_kmh, t, belt)
        self._ramp_held = False
        sent, _ = self._policy.last_setpoint
        if step is not None and step > sent + 1e-6 and self._data_watch.holding:
            return HOLD_POLL_S  # no data: no speed increase (session.silence)
        if step is not None:
            self._send_setpoint(t, step, then)
            return None
        target = self._policy.allowed_target(direction, target_kmh).kmh
        last, _ = self._policy.last_setpoint
        if abs(last - target) <= 1e-6:
            return 0.0
        if belt is not None and self._policy.held_by_belt(direction, target_kmh, belt):
            if self._setpoint_failures:
                # The machine refused or never answered the last set-point (the belt may not
                # have it): write it again rather than wait for a belt that waits for it.
                self._send_setpoint(t, last, then)
                return None
            # The ramp goes on from the belt's reported speed: wait for it, never chase it.
            self._ramp_held = True
            self._policy.wait_for_belt()
            return BELT_POLL_S
        return self._policy.seconds_until_next_step(target, t)

    def _ramp_wakes(self, wakes: frozenset[Signal] | set[Signal]) -> frozenset[Signal]:
        """A ramp held by the belt also wakes on its next reported speed."""
        return frozenset(wakes) | ({Signal.DATA} if self._ramp_held else frozenset())

    def _send_setpoint(self, t: float, kmh: float, then: Step) -> None:
        """Every set-point goes out here, checked by the policy right before it is written."""
        try:
            self._policy.check(self._direction(), kmh, t)
        except SafetyViolation as exc:
            log.error("safety policy refused a set-point: %s", exc)  # noqa: TRY400 - expected
            message = tr("Safety check failed ({why}). Stopping.", why=str(exc))
            self._stop_for(t, E.POLICY_REFUSED, message, "safety")
            return
        self._policy.record(kmh, t)
        self._recent_setpoints.append(kmh)
        self._sent_value = kmh
        self._flow_cmd = self._send(io.Cmd.SET_SPEED, kmh)
        self._after_send = then
        self._goto(Step.SETPOINT_SENT)

    def _a_setpoint(self, t: float, outcome: CommandOutcome) -> None:
        if outcome.ok:
            self._setpoint_failures = 0
            self._goto(self._after_send)
            return
        self._setpoint_failures += 1
        if outcome.result is Result.NOT_PERMITTED:
            self._command_refused(
                t,
                tr(
                    "The treadmill does not accept commands any more (control not permitted). "
                    "Use its console or the safety key."
                ),
            )
            return
        self._alert(
            t,
            AlertLevel.WARNING,
            tr(
                "Speed {speed}: {result}.",
                speed=Speed(self._sent_value),
                result=result_words(outcome),
            ),
            "command_failed",
        )
        if self._setpoint_failures >= MAX_SETPOINT_FAILURES:
            self._command_refused(t, tr("The treadmill keeps refusing speed changes."))
            return
        self._backoff_until = t + 1.0
        self._goto(Step.BACKOFF)

    def _answer(self, t: float, outcome: CommandOutcome) -> None:
        """The flow's command was answered: the step waiting for it takes it, the flow goes
        on."""
        _ANSWERS[self._step](self, t, outcome)
        self._run_flow(t, None)


_STEPS: Final[dict[Step, Callable[[FlowMachine, float], bool]]] = {
    Step.WAIT_STILL: FlowMachine._s_wait_still,
    Step.WAIT_TURNING: FlowMachine._s_wait_turning,
    Step.COUNTDOWN: FlowMachine._s_countdown,
    Step.PLAN: FlowMachine._s_plan,
    Step.WAIT_MOVING: FlowMachine._s_wait_moving,
    Step.INCLINE: FlowMachine._s_incline,
    Step.RAMP: FlowMachine._s_ramp,
    Step.REACHED: FlowMachine._s_reached,
    Step.CLOCK: FlowMachine._s_clock,
    Step.CLOCK_CUED: FlowMachine._s_clock,
    Step.PHASE_OVER: FlowMachine._s_phase_over,
    Step.SLOW_TO_TURN: FlowMachine._s_slow_to_turn,
    Step.RAMP_DOWN: FlowMachine._s_ramp_down,
    Step.PAUSE_FOR_TURN: FlowMachine._s_pause_for_turn,
    Step.FINISH: FlowMachine._s_finish,
    Step.FINISH_STOP: FlowMachine._s_finish_stop,
    Step.BACKOFF: FlowMachine._s_backoff,
}
"""What each step does when the flow reaches it or it wakes (False: it waits now)."""

_ANSWERS: Final[dict[Step, Callable[[FlowMachine, float, CommandOutcome], None]]] = {
    Step.PRESETTING: FlowMachine._a_preset,
    Step.PINNING: FlowMachine._a_pin,
    Step.STARTING_BELT: FlowMachine._a_start,
    Step.SETTING_INCLINE: FlowMachine._a_incline,
    Step.SETPOINT_SENT: FlowMachine._a_setpoint,
    Step.PAUSING_FOR_TURN: FlowMachine._a_pause_for_turn,
}
"""What each step waiting for a command does with its answer."""
