"""The guided machine check ("Check this treadmill"): a short, slow probe that learns what one
treadmill does, with nobody on the belt.

Given a connected link (targets in the console's own unit: ``target_unit`` km/h, so the check
sees the raw values) and the user's confirmation that nobody is on the belt and the safety key
is in, :class:`MachineChecker` runs, in this order:

1. the Supported Speed Range; a repeated Request Control; two Stops with the belt still (what
   a repeated Stop gets; a 05 on the second one means "control before every command");
2. Reset, then a speed set before Start (a 05 now means control is enforced; 04 means speed
   works only once the belt runs);
3. Start: the delay to belt motion, and the speed the belt settles at (the pre-set speed or
   the minimum, in km/h or mph), then one more set-point: the console's target unit;
4. a ramp up and down between two speeds (acceleration, deceleration), a set-point below the
   range and one between two steps (rejected, clamped, rounded, truncated...), Start while
   running (fails, succeeds, or pauses);
5. Stop from the fastest probe speed (the run-down; a belt that speeds up is a danger), and a
   repeated Stop; the data interval comes from every record seen.

Safety: no set-point above :data:`MAX_PROBE_KMH` (3 km/h) in the worst unit (while the unit is
not known a value is taken as mph); a reported speed above :data:`OVERSPEED_KMH` stops the belt
at once; the whole probe is bounded by :data:`TIME_BUDGET_S` of loop time; :meth:`stop_now`
(any key) and cancelling the task stop the belt with the link's pre-emptive STOP. Anything the
probe cannot tell for sure is left ``None``: it never guesses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from treadmill_ctl.ftms.model import (
    CommandOutcome,
    MachineStatusKind,
    Op,
    Result,
    SettingRange,
)
from treadmill_ctl.session.check_probe import (
    CONFIRM_PROMPT,
    MAX_PROBE_KMH,
    OVERSPEED_KMH,
    PAUSE_WATCH_S,
    SEPARATION_KMH,
    SETTLE_TIMEOUT_S,
    SETTLE_TOL_KMH,
    START_MOTION_TIMEOUT_S,
    STILL_KMH,
    TIME_BUDGET_S,
    CheckableLink,
    CheckProbe,
    ProbeAborted,
)
from treadmill_ctl.session.machine_quirks import MachineCheck
from treadmill_ctl.sim.profiles import (
    ControlPolicy,
    OffStep,
    OutOfRange,
    RepeatedStop,
    RepeatRequestControl,
    SpeedWhenStopped,
    StartWhileRunning,
)
from treadmill_ctl.texts import tr
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit

_log = logging.getLogger(__name__)


class NotConfirmedError(ValueError):
    """The check was asked to run without the user's confirmation that the belt is clear."""


@dataclass(slots=True)
class CheckOutcome:
    """What :meth:`MachineChecker.run` returns: the check, and whether it ran to its end.
    ``stopped_by_user``: the user stopped it (a partial check: not worth saving)."""

    check: MachineCheck
    completed: bool
    stopped_by_user: bool = False
    max_commanded_kmh: float = 0.0


class MachineChecker(CheckProbe):
    """Run the guided check once on ``link`` (connected, targets in the console's unit).

    ``confirmed``: the user said that nobody is on the belt and the safety key is in; without
    it :meth:`run` refuses (NotConfirmedError) and nothing is sent."""

    async def run(self) -> CheckOutcome:
        """Run the probe; the belt is stopped at the end whatever happens."""
        if not self._confirmed:
            raise NotConfirmedError(
                "the check needs the user's confirmation that nobody is on the belt"
            )
        if self._link.target_unit is not SpeedUnit.KMH:
            raise ValueError("the check needs a link that sends targets as they are (km/h)")
        begin = self._now()
        self._deadline = begin + self._budget_s
        remove = [
            self._link.add_listener(self._on_update),
            self._link.add_command_listener(self._on_outcome),
        ]
        completed = False
        by_user = False
        try:
            await self._probe()
            completed = True
        except ProbeAborted as abort:
            by_user = abort.by_user
            if abort.danger:
                self._learned.dangers.append(abort.reason)
            else:
                self._learned.notes.append(f"check ended early: {abort.reason}")
            self._say(tr("stopped: {why}", why=abort.reason))
        finally:
            try:
                await self._finish_stop()
            finally:
                for r in remove:
                    r()
        self._conclude()
        check = self._result(self._now() - begin)
        return CheckOutcome(check, completed, by_user, round(self._max_commanded, 2))

    async def _finish_stop(self) -> None:
        if self._stop_task is not None:
            await self._stop_task
        elif self._started and (self._current() or 0.0) > STILL_KMH:
            if self._learned.stop_speeds_up:
                await self._link.pause()
            else:
                await self._link.stop()

    async def _probe(self) -> None:
        learned = self._learned
        rng = self._link.reported_speed_range
        if rng is not None and rng.step > 0 and 0 <= rng.minimum <= rng.maximum:
            learned.speed_min, learned.speed_max, learned.speed_step = (
                rng.minimum,
                rng.maximum,
                rng.step,
            )
        else:
            learned.notes.append("the treadmill sent no usable Supported Speed Range")
            rng = None
        self._say(tr("control and Stop with the belt still"))
        await self._probe_control_and_stop()
        v_pre = self._pre_start_speed(rng)
        await self._probe_reset_and_pre_start(v_pre)
        await self._probe_start(v_pre, rng)
        await self._probe_unit(v_pre, rng)
        if learned.speed_unit is None:
            undecided = "the console's target unit could not be decided"
            raise ProbeAborted(undecided, danger=not learned.dangers)
        await self._probe_running(rng)
        await self._probe_stop()

    # ---- 1. control, Stop with the belt still ----------------------------------------------------

    async def _probe_control_and_stop(self) -> None:
        learned = self._learned
        again = await self._link.request_control()
        learned.repeat_request_control = {
            Result.SUCCESS: RepeatRequestControl.SUCCESS,
            Result.FAILED: RepeatRequestControl.FAIL,
        }.get(again.result)
        mark = len(self._outcomes)
        first = await self._link.stop_command()
        self._check_abort()
        second = await self._link.stop_command()
        self._check_abort()
        commands = [o for o in self._outcomes[mark:] if o.op is not Op.REQUEST_CONTROL]
        if (
            len(commands) >= 2
            and commands[0].result is not Result.NOT_PERMITTED
            and any(o.result is Result.NOT_PERMITTED for o in commands[1:])
        ):
            learned.control = ControlPolicy.EVERY_COMMAND
        answers = {_stop_answer(first), _stop_answer(second)}
        self._idle_stop = answers.pop() if len(answers) == 1 else None

    # ---- 2. Reset, a speed before Start ---------------------------------------------------------

    def _grid(self, rng: SettingRange | None, worst: float) -> list[float]:
        """Set-points on the machine's grid within the check's limit (console unit)."""
        if rng is None:
            lo, hi, step = 0.1, 20.0, 0.1
        else:
            lo, hi, step = rng.minimum, rng.maximum, rng.step
        out: list[float] = []
        k = 0
        while k < 2000:
            v = round(lo + k * step, 2)
            if v > hi + 1e-9 or v * worst > MAX_PROBE_KMH + 1e-9:
                break
            if v > 0:
                out.append(v)
            k += 1
        return out

    def _pre_start_speed(self, rng: SettingRange | None) -> float | None:
        """A speed to set before Start whose readings cannot be confused: pre-set or minimum,
        km/h or mph, all at least SEPARATION_KMH apart."""
        if rng is None:
            return None
        for v in sorted(self._grid(rng, KMH_PER_MPH), key=lambda g: abs(g - 1.5)):
            if abs(v - rng.minimum) < 1e-9:
                continue
            # Pre-set and minimum must differ in either unit; the unit itself comes from a
            # set-point once the belt runs, if the start reading cannot tell it.
            if abs(v - rng.minimum) >= SEPARATION_KMH:
                return v
        return None

    async def _probe_reset_and_pre_start(self, v_pre: float | None) -> None:
        learned = self._learned
        reset_ok = False
        if learned.control is not ControlPolicy.EVERY_COMMAND:
            reset = await self._link.reset()
            reset_ok = reset.ok
            self._check_abort()
        mark = len(self._outcomes)
        if v_pre is not None:
            outcome = await self._set(v_pre)
            self._pre_start_result = outcome.result
            learned.speed_when_stopped = (
                SpeedWhenStopped.REJECT if outcome.result is Result.FAILED else None
            )
        elif reset_ok:
            await self._link.stop_command()
        self._check_abort()
        if reset_ok:
            probe = [o for o in self._outcomes[mark:] if o.op is not Op.REQUEST_CONTROL]
            if probe:
                first = probe[0].result
                if first is Result.NOT_PERMITTED:
                    learned.control = ControlPolicy.ENFORCED
                elif first in (Result.SUCCESS, Result.FAILED, Result.INVALID_PARAMETER):
                    learned.control = ControlPolicy.NOT_NEEDED

    # ---- 3. Start: delay, first speed, the unit ------------------------------------------------

    async def _probe_start(self, v_pre: float | None, rng: SettingRange | None) -> None:
        if rng is not None and rng.minimum * KMH_PER_MPH > MAX_PROBE_KMH:
            # The belt starts at its minimum: on an mph console that would be above the
            # check's limit, so the check does not press Start and cannot learn the unit.
            raise ProbeAborted(
                f"its minimum speed ({rng.minimum:g}) would be above {MAX_PROBE_KMH:g} km/h if "
                "the console reads mph: the target unit cannot be decided safely",
                danger=True,
            )
        self._say(tr("Start: the belt moves slowly"))
        self._check_abort()
        self._started = True
        self._t_start_cmd = self._now()
        mark = len(self._outcomes)
        outcome = await self._link.start()
        # The link may request control first: Start is written once that is answered.
        for o, t in zip(self._outcomes[mark:], self._outcome_times[mark:], strict=True):
            if o.op is Op.REQUEST_CONTROL:
                self._t_start_cmd = t
        if not outcome.ok:
            raise ProbeAborted(f"Start was refused ({outcome.result.value}): is the safety key in?")
        t_cmd = self._t_start_cmd
        moving = await self._wait(
            lambda: any(t >= t_cmd and s > STILL_KMH for t, s in self._records),
            START_MOTION_TIMEOUT_S,
        )
        if not moving:
            raise ProbeAborted("the belt did not move after Start")
        # Settle from the first moving record: a belt still during the start delay is steady
        # too, at zero.
        t_moving = next(t for t, s in self._records if t >= t_cmd and s > STILL_KMH)
        s0 = await self._settle(t_moving)
        self._start_reading = s0
        if s0 is None or rng is None:
            return
        if v_pre is not None and self._pre_start_result is Result.SUCCESS:
            self._start_hypotheses = _pre_start_hypotheses(v_pre, rng.minimum)
        else:
            self._start_hypotheses = {
                (None, SpeedUnit.KMH): rng.minimum,
                (None, SpeedUnit.MPH): rng.minimum * KMH_PER_MPH,
            }

    async def _probe_unit(self, v_pre: float | None, rng: SettingRange | None) -> None:
        learned = self._learned
        s0 = self._start_reading
        from_start = {
            k for k, v in self._start_hypotheses.items() if s0 is not None and _near(s0, v)
        }
        units_start = {u for _, u in from_start}
        current = self._current() or 0.0
        choices = [v for v in self._grid(rng, KMH_PER_MPH) if v * (KMH_PER_MPH - 1) >= 0.2]
        preferred = [
            v
            for v in choices
            if v != v_pre
            and (rng is None or abs(v - rng.minimum) > 1e-9)
            and min(abs(v - current), abs(v * KMH_PER_MPH - current)) >= SEPARATION_KMH
        ]
        pool = preferred or choices
        unit_set: SpeedUnit | None = None
        if pool:
            v_u = min(pool, key=lambda g: abs(g - 1.2))
            self._say(tr("a set-point to learn the console's unit"))
            t = self._now()
            outcome = await self._set(v_u)
            if outcome.ok:
                s = await self._settle(t)
                if s is not None:
                    fits = [
                        u
                        for u, kmh in ((SpeedUnit.KMH, v_u), (SpeedUnit.MPH, v_u * KMH_PER_MPH))
                        if _near(s, kmh)
                    ]
                    unit_set = fits[0] if len(fits) == 1 else None
        unit_from_start = units_start.pop() if len(units_start) == 1 else None
        if unit_set is not None and unit_from_start is not None and unit_set is not unit_from_start:
            learned.dangers.append(
                "the belt's speed fits km/h after Start but mph after a set-point (or the "
                "other way round): the console's target unit cannot be decided"
            )
            return
        learned.speed_unit = unit_set or unit_from_start
        if learned.speed_unit is None:
            return
        if self._pre_start_result is Result.SUCCESS:
            fitting = {w for w, u in from_start if u is learned.speed_unit}
            if len(fitting) == 1:
                learned.speed_when_stopped = fitting.pop()

    # ---- 4. ramps, off-range, off-step, Start while running -------------------------------------

    async def _probe_running(self, rng: SettingRange | None) -> None:
        learned = self._learned
        f = KMH_PER_MPH if learned.speed_unit is SpeedUnit.MPH else 1.0
        grid = self._grid(rng, f)
        if not grid:
            return
        lo = next((g for g in grid if g * f >= 0.5), grid[0])
        hi = grid[-1]
        span = (hi - lo) * f >= 0.6
        if span:
            self._say(tr("ramps up and down (acceleration, deceleration)"))
            await self._go(lo)
            t = self._now()
            if (await self._set(hi)).ok:
                s = await self._settle(t)
                if s is not None and _near(s, hi * f):
                    learned.accel_kmh_s = self._rate(t, self._now(), lo * f, hi * f)
        if rng is not None:
            await self._probe_out_of_range(rng, f, hi)
        if span and learned.decel_kmh_s is None:
            if not _near(self._current() or 0.0, hi * f):
                await self._go(hi)
            t = self._now()
            if (await self._set(lo)).ok:
                s = await self._settle(t)
                if s is not None and _near(s, lo * f):
                    learned.decel_kmh_s = self._rate(t, self._now(), lo * f, hi * f)
        else:
            await self._go(lo)
        await self._probe_start_while_running(lo * f)
        if rng is not None:
            await self._probe_off_step(rng, f, lo)
        await self._go(hi)

    async def _go(self, value: float) -> float | None:
        """Set ``value`` (on the grid) and wait for the belt to settle."""
        t = self._now()
        outcome = await self._set(value)
        return await self._settle(t) if outcome.ok else None

    async def _probe_out_of_range(self, rng: SettingRange, f: float, hi: float) -> None:
        learned = self._learned
        below = round(rng.minimum - rng.step, 2)
        on_grid = True
        if below < 0.05:
            below, on_grid = round(rng.minimum / 2, 2), False
        if below < 0.05 or below >= rng.minimum:
            return
        here = self._current() or 0.0
        if abs(here - rng.minimum * f) < SEPARATION_KMH:
            return  # clamped and ignored would look the same
        self._say(tr("a set-point below the range"))
        t = self._now()
        outcome = await self._set_raw(below)
        if outcome.result is Result.INVALID_PARAMETER:
            self._oor_rejected_off_grid = not on_grid
            learned.out_of_range = OutOfRange.REJECT
            return
        if not outcome.ok:
            return
        s = await self._settle(t)
        if s is None:
            return
        if _near(s, rng.minimum * f) and not _near(s, here):
            learned.out_of_range = OutOfRange.CLAMP
            if _near(here, hi * f):
                learned.decel_kmh_s = self._rate(t, self._now(), rng.minimum * f, hi * f)
        elif _near(s, here) and not _near(s, rng.minimum * f):
            learned.out_of_range = OutOfRange.IGNORE

    async def _probe_start_while_running(self, at_kmh: float) -> None:
        learned = self._learned
        self._say(tr("Start while the belt runs"))
        self._check_abort()
        t = self._now()
        outcome = await self._link.start()
        if outcome.result is Result.FAILED:
            learned.start_while_running = StartWhileRunning.FAIL
            return
        if not outcome.ok:
            return
        window = max(PAUSE_WATCH_S, 4 * self._interval_guess())
        # A pause shows as a drop in speed (even with no status): one this large, seen within
        # the window at a run-down of 0.2 km/h/s or more.
        drop = min(0.1, at_kmh / 2)

        def paused() -> bool:
            status = any(
                ts >= t and st.kind is MachineStatusKind.PAUSED_BY_USER for ts, st in self._statuses
            )
            slowed = any(ts >= t and s < at_kmh - drop for ts, s in self._records)
            return status or slowed

        if await self._wait(paused, window):
            learned.start_while_running = StartWhileRunning.TOGGLE_PAUSE
            t_resume = self._now()
            again = await self._link.start()  # resume
            if not again.ok:
                raise ProbeAborted("the belt paused on Start and did not resume")
            # The belt may stand still for the start delay first (as long as after the first
            # Start): a record from before that is no sign that it runs again.
            t_cmd = self._t_start_cmd or t_resume
            first_motion = next(
                (ts for ts, sp in self._records if ts >= t_cmd and sp > STILL_KMH), t_cmd
            )
            t_again = t_resume + (first_motion - t_cmd)
            await self._wait(
                lambda: any(
                    ts >= t_again and s >= at_kmh - SETTLE_TOL_KMH for ts, s in self._records
                ),
                (t_again - self._now()) + START_MOTION_TIMEOUT_S + SETTLE_TIMEOUT_S,
            )
            await self._settle(self._now())
        elif self._now() - t >= window - 1e-6:
            # Only a belt seen running on through the window says "nothing changed" (a paused
            # belt of some consoles sends no records at all).
            gap = 2 * self._interval_guess() + 0.05
            seen = [ts for ts, s in self._records if ts >= t and s >= at_kmh - drop]
            if seen and seen[-1] >= self._now() - gap:
                learned.start_while_running = StartWhileRunning.SUCCESS

    async def _probe_off_step(self, rng: SettingRange, f: float, lo: float) -> None:
        learned = self._learned
        step = rng.step
        if step < 0.02 or lo + step > rng.maximum + 1e-9 or (lo + step) * f > MAX_PROBE_KMH:
            return
        x = round(lo + 0.7 * step, 2)
        if not lo < x < lo + step or abs(x - lo - step / 2) < 0.005:
            return
        here = self._current() or 0.0
        if not _near(here, lo * f):
            await self._go(lo)
        self._say(tr("a set-point between two steps"))
        t = self._now()
        outcome = await self._set_raw(x)
        if outcome.result is Result.INVALID_PARAMETER:
            learned.off_step = OffStep.REJECT
            return
        if not outcome.ok:
            return
        s = await self._settle(t)
        if s is None:
            return
        tol = 0.1 * step * f + 0.01
        candidates = {
            OffStep.ROUND: (lo + step) * f,
            OffStep.TRUNCATE: lo * f,
            OffStep.EXACT: x * f,
        }
        fits = [k for k, v in candidates.items() if abs(s - v) <= tol]
        if len(fits) == 1:
            learned.off_step = fits[0]

    # ---- 5. Stop, run-down, repeated Stop -------------------------------------------------------

    async def _probe_stop(self) -> None:
        learned = self._learned
        self._say(tr("Stop: the run-down"))
        self._check_abort()
        s_stop = self._current() or 0.0
        t = self._now()
        self._after_stop_kmh = s_stop
        await self._link.stop()
        if not await self._wait(
            lambda: (
                any(ts >= t for ts, _ in self._records) and (self._current() or 0.0) <= STILL_KMH
            ),
            max(30.0, s_stop / 0.1),
        ):
            raise ProbeAborted("the belt did not stop after Stop", danger=True)
        self._after_stop_kmh = None
        learned.stop_speeds_up = False
        learned.stop_decel_kmh_s = self._rate(t, self._now(), 0.0, s_stop)
        self._started = False
        final = _stop_answer(await self._link.stop_command())
        idle = self._idle_stop
        learned.repeated_stop = final if final is not None and final == idle else None


def _stop_answer(outcome: CommandOutcome) -> RepeatedStop | None:
    """What a Stop with the belt still got (05, timeouts and errors say nothing)."""
    return {Result.SUCCESS: RepeatedStop.SUCCESS, Result.FAILED: RepeatedStop.FAIL}.get(
        outcome.result
    )


def _pre_start_hypotheses(
    v: float, minimum: float
) -> dict[tuple[SpeedWhenStopped | None, SpeedUnit], float]:
    """Where the belt settles after Start, per (what the pre-set speed did, the unit)."""
    return {
        (SpeedWhenStopped.PENDING, SpeedUnit.KMH): v,
        (SpeedWhenStopped.PENDING, SpeedUnit.MPH): v * KMH_PER_MPH,
        (SpeedWhenStopped.IGNORE, SpeedUnit.KMH): minimum,
        (SpeedWhenStopped.IGNORE, SpeedUnit.MPH): minimum * KMH_PER_MPH,
    }


def _near(reading: float, expected: float) -> bool:
    return abs(reading - expected) <= 0.05 + 0.02 * expected


async def run_check(
    link: CheckableLink,
    *,
    confirmed: bool,
    name: str = "",
    on_progress: Callable[[str], None] | None = None,
) -> CheckOutcome:
    """Run the guided check on ``link`` (see :class:`MachineChecker`)."""
    return await MachineChecker(link, confirmed=confirmed, name=name, on_progress=on_progress).run()


__all__ = [
    "CONFIRM_PROMPT",
    "MAX_PROBE_KMH",
    "OVERSPEED_KMH",
    "TIME_BUDGET_S",
    "CheckOutcome",
    "CheckableLink",
    "MachineChecker",
    "NotConfirmedError",
    "run_check",
]
