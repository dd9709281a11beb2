"""Where a session is in its plan, and what it says about it: the phase clock, the targets
(through the safety policy), the cues before each automatic change, and the snapshot the screen
shows. A base of ``SessionMachine``; pure (times are given)."""

from __future__ import annotations

from dataclasses import dataclass

from treadmill_ctl.ftms.model import CommandOutcome, LinkState, Result
from treadmill_ctl.session.events import (
    AlertEvent,
    AlertLevel,
    CountdownReason,
    CueEvent,
    CueKind,
    EndReason,
    PhaseEvent,
    SessionEvent,
    SessionState,
)
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.session.policy import SafetyPolicy
from treadmill_ctl.settings import Settings
from treadmill_ctl.texts import Speed, tr
from treadmill_ctl.units import Direction, TurningStyle

__all__ = ["PhaseInfo", "PlanPosition", "SessionSnapshot", "result_words"]


@dataclass(frozen=True, slots=True)
class PhaseInfo:
    """One phase as the screen shows it."""

    index: int
    kind: PhaseKind
    direction: Direction
    name: str
    target_speed_kmh: float
    duration_s: float
    incline_pct: float | None


@dataclass(frozen=True, slots=True)
class SessionSnapshot:
    """Everything the session screen shows, at one instant (cheap: poll it, or read it on
    each event)."""

    t: float  # session time, s
    state: SessionState
    phase: PhaseInfo | None  # the current phase (after the last: None)
    phase_count: int
    phase_elapsed_s: float  # time at speed in this phase
    phase_remaining_s: float  # including extensions
    next_phase: PhaseInfo | None
    target_speed_kmh: float | None  # what the phase (with the user's ±) asks for, capped
    setpoint_kmh: float | None  # the last set-point written
    actual_speed_kmh: float | None  # reported by the machine
    incline_pct: float | None
    distance_m: float  # this session's distance
    hr_bpm: int | None
    total_s: float  # planned time at speed, with extensions
    done_s: float  # time at speed done so far (the plan's progress)
    blocks_done: int  # backward phases completed
    blocks_total: int
    countdown_remaining_s: int | None
    countdown_reason: CountdownReason | None
    facing: Direction | None  # the direction the runner was last told to face
    link_state: LinkState
    last_alert: AlertEvent | None
    waiting_for: str | None  # "start", "resume" or None: the user action the session awaits
    end_reason: EndReason | None
    hr_source: str = "none"  # where hr_bpm comes from: "strap", "treadmill" or "none"
    data_age_s: float | None = None  # how old the last Treadmill Data record is (None: none yet)
    data_stale: bool = False  # older than the data watchdog's limit: not live (session.watchdog)
    # Total time so far, as statistics.py defines it (stopped time left out): filled in by the
    # SessionController from the session's statistics; the machine keeps no second clock.
    elapsed_s: float = 0.0


class PlanPosition:
    """The plan's position and its words (see the module docstring)."""

    def __init__(self, plan: Plan, settings: Settings, policy: SafetyPolicy) -> None:
        self._plan = plan
        self._settings = settings
        self._policy = policy
        self._state = SessionState.IDLE
        self._index = 0
        self._phase_done_s = 0.0
        self._phase_extra_s = 0.0
        self._phase_clock_since: float | None = None
        self._override_kmh: float | None = None  # user ± (or HR cap) for this phase
        self._completed_s = 0.0  # time at speed of the phases completed (per direction: statistics)
        self._blocks_done = 0
        self._facing: Direction | None = None
        self._phase_announced = -1  # index of the phase whose PhaseEvent was sent

    @property
    def plan(self) -> Plan:
        return self._plan

    # ---- to be given by the machine ----------------------------------------------------

    def _emit(self, event: SessionEvent) -> None:
        raise NotImplementedError

    def _now(self, t: float) -> float:
        raise NotImplementedError

    def _cue(self, t: float, kind: CueKind, text: str, value: float | str | None = None) -> None:
        self._emit(CueEvent(self._now(t), text, kind, value))

    def _alert(self, t: float, level: AlertLevel, message: str, code: str = "") -> None:
        raise NotImplementedError

    # ---- the plan ----------------------------------------------------------------------

    def _direction(self) -> Direction:
        return self._facing or Direction.FORWARD

    def _target_kmh(self) -> float:
        """The current phase's speed (or the user's ±), capped by the policy."""
        phase = self._plan.phases[min(self._index, len(self._plan.phases) - 1)]
        wanted = self._override_kmh
        if wanted is None:
            wanted = self._plan.resolved_speed(phase, self._settings.backward_default_kmh)
        return self._policy.allowed_target(phase.direction, wanted).kmh

    def _turning_speed(self) -> float:
        style = self._plan.turning_style or self._settings.turning_style
        walk = self._plan.turning_walk_kmh or self._settings.turning_walk_kmh
        return self._policy.turning_speed_kmh(style, walk) if style is TurningStyle.WALK else 0.0

    def _countdown_s(self, *, start: bool = False) -> int:
        if start:
            return int(self._settings.start_countdown_s)
        return int(self._plan.countdown_s or self._settings.countdown_s)

    def _plan_complete(self) -> bool:
        return self._index >= len(self._plan.phases)

    def _turn_pending(self) -> bool:
        if self._plan_complete() or self._facing is None:
            return False
        return self._plan.phases[self._index].direction is not self._facing

    def _speed_reached(self, target: float, actual: float | None) -> bool:
        tol = max(self._policy.step_kmh / 2, 0.1) + 1e-6
        return actual is not None and abs(actual - target) <= tol

    def _phase_elapsed(self, now: float) -> float:
        # The clock runs from the entry into RUNNING_PHASE to the exit (``_fire``).
        since = self._phase_clock_since
        return self._phase_done_s + (0.0 if since is None else now - since)

    def _phase_remaining(self, now: float) -> float:
        if self._plan_complete():
            return 0.0
        phase = self._plan.phases[self._index]
        return max(phase.duration_s + self._phase_extra_s - self._phase_elapsed(now), 0.0)

    def _phase_info(self, index: int) -> PhaseInfo | None:
        if not 0 <= index < len(self._plan.phases):
            return None
        p = self._plan.phases[index]
        speed = self._plan.resolved_speed(p, self._settings.backward_default_kmh)
        return PhaseInfo(
            index,
            p.kind,
            p.direction,
            p.label,
            self._policy.allowed_target(p.direction, speed).kmh,
            p.duration_s,
            p.incline_pct,
        )

    def _complete_phase(self, t: float, *, skipped: bool) -> None:
        now = self._now(t)
        phase = self._plan.phases[self._index]
        self._completed_s += self._phase_elapsed(now)
        if phase.direction is Direction.BACKWARD and not skipped:
            self._blocks_done += 1
        self._index += 1
        self._phase_done_s = 0.0
        self._phase_extra_s = 0.0
        if self._phase_clock_since is not None:
            self._phase_clock_since = now  # the clock runs on, for the next phase
        self._override_kmh = None

    # ---- what is said ------------------------------------------------------------------

    def _announce_phase(self, t: float) -> None:
        """The PhaseEvent and the speed cue, once per phase, before its first set-point."""
        if self._phase_announced == self._index:
            return
        self._phase_announced = self._index
        p = self._plan.phases[self._index]
        target = self._target_kmh()
        self._emit(
            PhaseEvent(
                self._now(t),
                self._index,
                p.kind,
                p.direction,
                target,
                p.duration_s,
                p.label,
                p.incline_pct,
                len(self._plan.phases),
            )
        )
        text = (
            tr(
                "{phase}: speed {speed}, incline {incline} %",
                phase=p.label,
                speed=_spoken_kmh(target),
                incline=f"{p.incline_pct:g}",
            )
            if p.incline_pct
            else tr("{phase}: speed {speed}", phase=p.label, speed=_spoken_kmh(target))
        )
        self._cue(t, CueKind.SPEED, text, target)

    def _announce_next(self, t: float, seconds: float) -> None:
        """The cue for the change at the end of the current phase."""
        nxt_index = self._index + 1
        secs = round(seconds)
        if nxt_index >= len(self._plan.phases):
            self._cue(
                t,
                CueKind.SESSION_DONE,
                f"Session done in {secs}" if secs else "Session done",
                secs,
            )
            return
        current, nxt = self._plan.phases[self._index], self._plan.phases[nxt_index]
        if nxt.direction is not current.direction:
            # Not "turn around" yet: the runner keeps running this way until the belt stops
            # (the BELT_STOPPED cue says when to turn).
            backward_now = current.direction is Direction.BACKWARD
            self._cue(
                t,
                CueKind.TURN_AROUND,
                (
                    tr(
                        "Slowing down in {seconds}: keep running backward",
                        seconds=secs,
                        facing=Direction.BACKWARD,
                    )
                    if backward_now
                    else tr(
                        "Slowing down in {seconds}: keep running forward",
                        seconds=secs,
                        facing=Direction.FORWARD,
                    )
                )
                if secs
                else (
                    tr("Slowing down: keep running backward", facing=Direction.BACKWARD)
                    if backward_now
                    else tr("Slowing down: keep running forward", facing=Direction.FORWARD)
                ),
                secs,
            )
            return
        speed = self._policy.allowed_target(
            nxt.direction, self._plan.resolved_speed(nxt, self._settings.backward_default_kmh)
        ).kmh
        if abs(speed - self._target_kmh()) > 1e-6:
            text = (
                tr("Speed up to {speed} in {seconds}", speed=_spoken_kmh(speed), seconds=secs)
                if speed > self._target_kmh()
                else tr(
                    "Speed down to {speed} in {seconds}", speed=_spoken_kmh(speed), seconds=secs
                )
            )
            self._cue(t, CueKind.SPEED, text, speed)

    def _direction_cue(self, t: float, phase: Phase, seconds: int, *, starting: bool) -> None:
        kind = (
            CueKind.DIRECTION_BACKWARD
            if phase.direction is Direction.BACKWARD
            else CueKind.DIRECTION_FORWARD
        )
        if phase.direction is Direction.BACKWARD:
            remaining_blocks = sum(
                1 for p in self._plan.phases[self._index :] if p.direction is Direction.BACKWARD
            )
            if remaining_blocks == 1 and self._plan.backward_blocks > 1:
                self._cue(t, CueKind.LAST_BLOCK, tr("Last block"), None)
        backward = phase.direction is Direction.BACKWARD
        if starting:
            text = (
                tr("Starting: backward in {seconds}", seconds=seconds)
                if backward
                else tr("Starting: forward in {seconds}", seconds=seconds)
            )
            self._cue(t, kind, text, seconds)
            return
        # A turn: the treadmill reports the turning speed now; the runner turns around.
        turning = self._turning_speed()
        belt = (
            tr("Belt at walking speed. Turn around")
            if turning > 0
            else tr("Belt stopped. Turn around")
        )
        self._cue(t, CueKind.BELT_STOPPED, belt, turning)
        text = (
            tr("Backward in {seconds}", seconds=seconds)
            if backward
            else tr("Forward in {seconds}", seconds=seconds)
        )
        self._cue(t, kind, text, seconds)

    def _check_plan_against_machine(self, t: float) -> None:
        for phase in self._plan.phases:
            speed = self._plan.resolved_speed(phase, self._settings.backward_default_kmh)
            decision = self._policy.allowed_target(phase.direction, speed)
            if decision.limited_by:
                self._alert(
                    t,
                    AlertLevel.INFO,
                    tr(
                        "{phase} at {speed} will run at {allowed} ({why}).",
                        phase=phase.label,
                        speed=Speed(speed),
                        allowed=Speed(decision.kmh),
                        why=decision.limited_by or "",
                    ),
                    "speed_limited",
                )
                break


def result_words(outcome: CommandOutcome) -> str:
    """A command's result in a user's words."""
    words = {
        Result.NOT_SUPPORTED: tr("not supported by the treadmill"),
        Result.INVALID_PARAMETER: tr("refused (invalid value)"),
        Result.FAILED: tr("refused by the treadmill"),
        Result.NOT_PERMITTED: tr("control not permitted"),
        Result.TIMEOUT: tr("no answer from the treadmill"),
        Result.ERROR: tr("error"),
    }
    text = words.get(outcome.result, str(outcome.result))
    return tr("{result} ({detail})", result=text, detail=outcome.detail) if outcome.detail else text


def _spoken_kmh(kmh: float) -> str:
    return f"{kmh:.1f}"
