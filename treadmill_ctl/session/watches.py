"""What the session machine watches on its own while a session runs, beside its flow: the
console's speed (followed, not fought), the belt against the caps and the set-point (overspeed:
STOP), a belt that keeps running while paused or stopped, the heart rate (the cap's slow-down,
a phase that follows it) and a preset's text cues. A base of ``SessionMachine``; pure."""

from __future__ import annotations

from treadmill_ctl.ftms.model import MachineStatusKind
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import AlertLevel, CueKind, SessionState
from treadmill_ctl.session.machine_base import (
    EXTRA_SAFETY_KMH,
    OVERSPEED_GRACE_S,
    OVERSPEED_MARGIN_KMH,
    OVERSPEED_RATIO,
    STILL_KMH,
    STILL_MOVING_GRACE_S,
)
from treadmill_ctl.session.silence import SilenceMachine
from treadmill_ctl.session.steps import Belt
from treadmill_ctl.session.transitions import EngineEvent
from treadmill_ctl.texts import Speed, tr
from treadmill_ctl.units import KMH_PER_MPH, Direction

__all__ = ["WatchMachine"]

S = SessionState
E = EngineEvent


class WatchMachine(SilenceMachine):
    """The machine's watches (see the module docstring)."""

    def _console_speed(self, t: float, value: float | None) -> None:
        if value is None or not self._reacts(E.CONSOLE_SPEED):
            return
        # Our own set-point coming back (in mph on a console that reads mph) is not news.
        if any(
            abs(value - sp) < 0.06 or abs(value - sp / KMH_PER_MPH) < 0.06
            for sp in self._recent_setpoints
        ):
            return
        # The runner changed the speed on the console: reflect it, never fight it.
        self._speed_from(E.CONSOLE_SPEED)
        self._policy.console_set(value, t)
        direction = self._direction()
        cap = self._policy.cap_kmh(direction)
        level = AlertLevel.WARNING if value > cap + 1e-6 else AlertLevel.INFO
        message = (
            tr(
                "Speed set to {speed} on the console (above your {direction} cap {cap}): "
                "kept for this phase.",
                speed=Speed(value),
                direction=_direction_word(direction),
                cap=Speed(cap),
            )
            if level is AlertLevel.WARNING
            else tr(
                "Speed set to {speed} on the console: kept for this phase.",
                speed=Speed(value),
            )
        )
        self._alert(t, level, message, "console_speed")

    def _watch_speed(self, t: float) -> None:
        """STOP when the machine is not doing what it is told (not a console change we
        reflect): the belt clearly above the direction's cap, or, at a phase's speed, well
        above the set-point (e.g. a console that reads set-points in mph)."""
        facing = self._facing
        if not self._reacts(E.SPEED_WATCH) or facing is None:
            self._overspeed_since = None
            return
        now = self._now(t)
        actual = self._actual_kmh or 0.0
        cap = self._policy.cap_kmh(facing)
        setpoint, _ = self._policy.last_setpoint
        above_cap = actual > cap + EXTRA_SAFETY_KMH
        at_speed = self._reacts(E.SETPOINT_WATCH)
        above_setpoint = at_speed and actual > max(
            setpoint * OVERSPEED_RATIO, setpoint + OVERSPEED_MARGIN_KMH
        )
        if not (above_cap or above_setpoint):
            self._overspeed_since = None
            return
        if self._overspeed_since is None:
            self._overspeed_since = now
            return
        if now - self._overspeed_since < OVERSPEED_GRACE_S:
            return
        self._overspeed_since = None
        message = (
            tr(
                "The belt runs at {speed}, above your {direction} cap {cap}. Stopping.",
                speed=Speed(actual),
                direction=_direction_word(facing),
                cap=Speed(cap),
            )
            if above_cap
            else tr(
                "The belt runs at {speed}, instead of {setpoint} (does its console "
                "read speeds in mph?). Stopping.",
                speed=Speed(actual),
                setpoint=Speed(setpoint),
            )
        )
        self._stop_for(t, E.OVERSPEED, message, "overspeed")

    def _watch_still_moving(self, t: float) -> None:
        """Paused or stopped, yet the belt keeps running (not slowing down, not started from
        the console): STOP it. E.g. a console pause that crossed our own start."""
        now = self._now(t)
        speed = self._actual_kmh or 0.0
        if (
            not self._reacts(E.STILL_MOVING)
            or self._belt is Belt.CONSOLE
            or self._session_stop is not None
            or self._quiet_stop is not None
            or speed <= STILL_KMH
        ):
            self._still_moving = None
            return
        if self._still_moving is None or speed < self._still_moving[1] - 0.1:
            self._still_moving = (now, speed)  # first seen, or still slowing down
            return
        if now - self._still_moving[0] < STILL_MOVING_GRACE_S:
            return
        self._still_moving = None
        self._alert(
            t,
            AlertLevel.WARNING,
            tr(
                "The belt still runs at {speed} while the session is {state}: stopping it.",
                speed=Speed(speed),
                state=_state_word(self._state),
            ),
            "still_moving",
        )
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER, t)
        self._quiet_stop = self._stop(io.StopKind.QUIET)

    def _check_hr_cap(self, t: float) -> None:
        """A new reading of the heart rate in use. The cap policy (hr.cap) wants it above the
        cap for a second of readings in a backward block, so that one spike does not break
        the block. The slow-down is cued ``cue_lead_s`` before it starts, as every automatic
        change is."""
        cap = self._hr_cap
        if cap is None or cap.triggered or not self._reacts(E.HR_READING):
            return
        if self._plan_complete():
            return
        phase = self._plan.phases[self._index]
        hr, _source = self._hr.current(t)
        if not cap.check(hr, phase.direction.value, t).slows:
            return
        # Slow to the turning speed (never faster because of the heart rate).
        floor = max(self._turning_speed(), self._policy.machine_min_kmh)
        slower = min(floor, self._target_kmh())
        lead = float(self._settings.cue_lead_s)
        limit = cap.cap_bpm
        words = tr(
            "Heart rate above {limit}: slowing to {speed} in {lead}",
            limit=limit,
            speed=f"{slower:.1f}",
            lead=f"{lead:.0f}",
        )
        self._cue(t, CueKind.SPEED, words, slower)
        self._alert(
            t,
            AlertLevel.WARNING,
            tr(
                "Heart rate {hr} is above your cap {limit} bpm: slowing to {speed} in {lead} s.",
                hr=hr,
                limit=limit,
                speed=Speed(slower),
                lead=f"{lead:.0f}",
            ),
            "hr_cap",
        )
        self._hr_slow = (self._index, slower)
        self._hr_slow_at = t + lead

    def _hr_slow_down(self, t: float) -> None:
        index, slower = self._hr_slow
        if self._index != index:
            return  # the block is over meanwhile
        if not self._reacts(E.HR_SLOW_DOWN):
            # Paused or stopped meanwhile: judge the heart rate afresh once moving again.
            if self._hr_cap is not None:
                self._hr_cap.reset()
            return
        self._override_kmh = min(self._target_kmh(), slower)
        self._speed_from(E.HR_SLOW_DOWN)
        self._poke(t)

    def _say_text_cues(self, t: float) -> None:
        """A preset's text cues, on the treadmill's records (several a second) while a phase
        runs: plain text, never a speed or a direction."""
        if not self._reacts(E.TEXT_CUE) or self._plan_complete():
            return
        phase = self._plan.phases[self._index]
        if phase.cues:
            elapsed = self._phase_elapsed(self._now(t))
            for text in self._text_cues.due(self._index, phase.cues, elapsed):
                self._cue(t, CueKind.TEXT, text)

    def _follow_hr(self, t: float) -> None:
        """A heart rate (or none fresh) for a forward phase that follows it (hr_follow.py):
        a small step is cued ``cue_lead_s`` before it, as every automatic change is."""
        if self._plan_complete() or not self._reacts(E.HR_READING):
            return
        hr, _source = self._hr.current(t)
        phase = self._plan.phases[self._index]
        step = self._hr_follow.reading(t, self._index, phase, hr, self._target_kmh())
        if step is not None:
            lead = float(self._settings.cue_lead_s)
            self._cue(
                t,
                CueKind.SPEED,
                tr("{change} in {seconds}", change=step.words, seconds=f"{lead:.0f}"),
                step.kmh,
            )

    def _hr_follow_due(self, t: float) -> None:
        due = self._hr_follow.due(t)
        if due is None:
            if self._hr_follow.stale(t):
                self._follow_hr(t)  # no fresh reading: the strap is lost
            return
        index, kmh = due
        if index != self._index or not self._reacts(E.HR_FOLLOW_STEP):
            return  # the phase is over, or paused meanwhile: judged afresh from new readings
        self._override_kmh = kmh
        self._speed_from(E.HR_FOLLOW_STEP)
        self._poke(t)


def _direction_word(direction: Direction | str) -> str:
    """ "backward" / "forward" inside a sentence (translatable)."""
    return tr("backward") if str(direction) == "backward" else tr("forward")


def _state_word(state: S) -> str:
    """The session's state inside a sentence ("paused"), translatable for the usual ones."""
    words = {S.PAUSED: tr("paused"), S.STOPPED: tr("stopped"), S.FINISHED: tr("finished")}
    return words.get(state, state.value)
