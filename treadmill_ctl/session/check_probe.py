"""The machine check's instruments: what the probe (``session.machine_check``) reads of the
link while it runs (records, statuses, answers, the waits on them), the guard on every
set-point it writes, the user's STOP, and what it learned, turned into a ``MachineCheck``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final, Protocol

from treadmill_ctl.ftms.api import TreadmillControl
from treadmill_ctl.ftms.model import (
    CommandOutcome,
    LinkEvent,
    LinkState,
    LinkUpdate,
    MachineStatus,
    MachineStatusKind,
    Result,
    SettingRange,
    TreadmillData,
)
from treadmill_ctl.session.machine_quirks import MachineCheck, MachineQuirks
from treadmill_ctl.sim.profiles import (
    ControlPolicy,
    OffStep,
    OutOfRange,
    RepeatedStop,
    RepeatRequestControl,
    SpeedWhenStopped,
    StartWhileRunning,
)
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit

_log = logging.getLogger("treadmill_ctl.session.machine_check")

MAX_PROBE_KMH: Final = 3.0
"""No set-point of the check is above this (in the worst unit the console may read)."""
OVERSPEED_KMH: Final = 3.3
"""A reported belt speed above this during the check: STOP at once, and it is a danger."""
TIME_BUDGET_S: Final = 110.0
"""The whole probe, Stop and run-down included, fits in under 2 minutes of loop time."""
SETTLE_TOL_KMH: Final = 0.03
SETTLE_MIN_WINDOW_S: Final = 1.0
SETTLE_TIMEOUT_S: Final = 20.0
START_MOTION_TIMEOUT_S: Final = 12.0
STILL_KMH: Final = 0.02
SEPARATION_KMH: Final = 0.15
"""Two explanations of a reading must be this far apart for the check to tell them apart."""
PAUSE_WATCH_S: Final = 2.0
STOP_WATCH_SPEEDUP_KMH: Final = 0.15
CONFIRM_PROMPT: Final = (
    "The check starts the belt and runs it slowly (at most 3 km/h) for about a minute. "
    "Nobody may stand on the belt: the check changes speed, starts and stops on its own, and "
    "tries set-points a person would not expect. Is the belt clear and the safety key in?"
)


class CheckableLink(TreadmillControl, Protocol):
    """The link as the check needs it: the common API plus a raw set-point, Reset and the
    range as the machine sent it (``ftms.link.TreadmillLink`` has them)."""

    @property
    def target_unit(self) -> SpeedUnit: ...

    @property
    def reported_speed_range(self) -> SettingRange | None: ...

    async def reset(self) -> CommandOutcome: ...

    async def set_speed_as_written(self, console_value: float) -> CommandOutcome: ...

    async def stop_command(self) -> CommandOutcome: ...


class ProbeAborted(Exception):
    def __init__(self, reason: str, *, danger: bool = False, by_user: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.danger = danger
        self.by_user = by_user


@dataclass(slots=True)
class Learned:
    """The probe's findings so far (None: not known)."""

    speed_min: float | None = None
    speed_max: float | None = None
    speed_step: float | None = None
    speed_unit: SpeedUnit | None = None
    off_step: OffStep | None = None
    out_of_range: OutOfRange | None = None
    speed_when_stopped: SpeedWhenStopped | None = None
    start_while_running: StartWhileRunning | None = None
    control: ControlPolicy | None = None
    repeat_request_control: RepeatRequestControl | None = None
    repeated_stop: RepeatedStop | None = None
    start_delay_s: float | None = None
    accel_kmh_s: float | None = None
    decel_kmh_s: float | None = None
    stop_decel_kmh_s: float | None = None
    data_interval_s: float | None = None
    stop_speeds_up: bool | None = None
    dangers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class CheckProbe:
    """The check's readings, guard and result; :class:`MachineChecker` runs the probe on it."""

    def __init__(
        self,
        link: CheckableLink,
        *,
        confirmed: bool,
        name: str = "",
        budget_s: float = TIME_BUDGET_S,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        on_progress: Callable[[str], None] | None = None,
    ) -> None:
        self._link = link
        self._confirmed = confirmed
        self._name = name
        self._budget_s = budget_s
        self._clock = clock
        self._on_progress = on_progress
        self._records: list[tuple[float, float]] = []
        self._statuses: list[tuple[float, MachineStatus]] = []
        self._outcomes: list[CommandOutcome] = []
        self._outcome_times: list[float] = []
        self._changed = asyncio.Event()
        self._abort: ProbeAborted | None = None
        self._stop_task: asyncio.Task[object] | None = None
        self._started = False
        self._deadline = 0.0
        self._max_commanded = 0.0
        self._max_reported = 0.0
        self._t_start_cmd: float | None = None
        self._learned = Learned()
        self._idle_stop: RepeatedStop | None = None
        self._pre_start_result: Result | None = None
        self._start_reading: float | None = None
        self._start_hypotheses: dict[tuple[SpeedWhenStopped | None, SpeedUnit], float] = {}
        self._oor_rejected_off_grid = False
        # Set while the belt runs down after the check's Stop: a belt that speeds up then is a
        # console that must never get another Stop (it would speed up again): pause it.
        self._after_stop_kmh: float | None = None

    # ---- the user's STOP --------------------------------------------------------------------

    def stop_now(self) -> None:
        """STOP (any key): the belt is stopped at once (pre-emptive) and the check ends."""
        self._fail(ProbeAborted("stopped by the user", by_user=True))

    def _fail(self, abort: ProbeAborted) -> None:
        if self._abort is None:
            self._abort = abort
        if self._started and self._stop_task is None:
            halt = self._link.pause if self._learned.stop_speeds_up else self._link.stop
            self._stop_task = asyncio.get_running_loop().create_task(
                halt(), name="machine-check-stop"
            )
        self._changed.set()

    # ---- listening ----------------------------------------------------------------------------

    def _now(self) -> float:
        return asyncio.get_running_loop().time()

    def _on_update(self, update: LinkUpdate) -> None:
        now = self._now()
        if isinstance(update, TreadmillData) and update.speed_kmh is not None:
            speed = update.speed_kmh
            self._records.append((now, speed))
            self._max_reported = max(self._max_reported, speed)
            after_stop = self._after_stop_kmh
            if after_stop is not None and speed > after_stop + STOP_WATCH_SPEEDUP_KMH:
                self._learned.stop_speeds_up = True
                self._fail(
                    ProbeAborted(
                        "the belt sped up after Stop: this console must not be driven by the "
                        "app (the check paused it; pull the safety key if it still runs)",
                        danger=True,
                    )
                )
            elif speed > OVERSPEED_KMH:
                self._fail(
                    ProbeAborted(
                        f"the belt ran at {speed:.2f} km/h, faster than the check asked "
                        f"(at most {MAX_PROBE_KMH:g} km/h)",
                        danger=True,
                    )
                )
        elif isinstance(update, MachineStatus):
            self._statuses.append((now, update))
            if update.kind is MachineStatusKind.STOPPED_BY_SAFETY_KEY:
                self._fail(ProbeAborted("the safety key was pulled"))
        elif isinstance(update, LinkEvent) and update.state is LinkState.LOST:
            self._fail(ProbeAborted("the link to the treadmill was lost"))
        self._changed.set()

    def _on_outcome(self, outcome: CommandOutcome) -> None:
        self._outcomes.append(outcome)
        self._outcome_times.append(self._now())

    async def _wait(self, predicate: Callable[[], bool], timeout_s: float) -> bool:
        """Wait (on the loop clock) until ``predicate`` holds; False after ``timeout_s`` or at
        the check's deadline. Raises ProbeAborted when the check is stopped."""
        deadline = min(self._now() + timeout_s, self._deadline)
        while True:
            if self._abort is not None:
                raise self._abort
            if predicate():
                return True
            remaining = deadline - self._now()
            if remaining <= 0:
                return False
            self._changed.clear()
            try:
                async with asyncio.timeout(remaining):
                    await self._changed.wait()
            except TimeoutError:
                pass

    def _check_abort(self) -> None:
        if self._abort is not None:
            raise self._abort
        if self._now() >= self._deadline:
            raise ProbeAborted("the check ran out of time")

    # ---- readings --------------------------------------------------------------------------------

    def _interval_guess(self) -> float:
        gaps = [b[0] - a[0] for a, b in zip(self._records, self._records[1:], strict=False)]
        gaps = [g for g in gaps if g > 0.005]
        return statistics.median(gaps) if len(gaps) >= 3 else 0.5

    def _current(self) -> float | None:
        return self._records[-1][1] if self._records else None

    async def _settle(self, since: float) -> float | None:
        """The speed the belt settles at after ``since`` (steady for a window), or None."""
        window = max(SETTLE_MIN_WINDOW_S, 3 * self._interval_guess())

        def steady() -> bool:
            recent = [r for r in self._records if r[0] >= since]
            if not recent or recent[-1][0] - since < window:
                return False
            last_t = recent[-1][0]
            speeds = [s for t, s in recent if t >= last_t - window]
            return len(speeds) >= 3 and max(speeds) - min(speeds) <= SETTLE_TOL_KMH

        if await self._wait(steady, SETTLE_TIMEOUT_S):
            return self._current()
        return None

    def _rate(self, since: float, until: float, a_kmh: float, b_kmh: float) -> float | None:
        """|slope| of the reported speed strictly between a and b in [since, until] (km/h/s),
        from at least two records on the ramp; None otherwise."""
        lo, hi = sorted((a_kmh, b_kmh))
        pts = [
            (t, s) for t, s in self._records if since <= t <= until and lo + 0.02 < s < hi - 0.02
        ]
        if len(pts) < 2 or pts[-1][0] - pts[0][0] < 0.05:
            return None
        return round(abs(pts[-1][1] - pts[0][1]) / (pts[-1][0] - pts[0][0]), 2)

    # ---- commands --------------------------------------------------------------------------------

    def _factor_worst(self) -> float:
        unit = self._learned.speed_unit
        return 1.0 if unit is SpeedUnit.KMH else KMH_PER_MPH

    def _guard(self, console_value: float) -> None:
        kmh = console_value * self._factor_worst()
        if kmh > MAX_PROBE_KMH + 1e-6:
            raise AssertionError(f"the check would ask for {kmh:.2f} km/h")  # a bug, never sent
        self._max_commanded = max(self._max_commanded, kmh)

    async def _set(self, console_value: float) -> CommandOutcome:
        self._check_abort()
        self._guard(console_value)
        return await self._link.set_speed(console_value)

    async def _set_raw(self, console_value: float) -> CommandOutcome:
        self._check_abort()
        self._guard(console_value)
        return await self._link.set_speed_as_written(console_value)

    def _say(self, text: str) -> None:
        _log.info("machine check: %s", text)
        if self._on_progress is not None:
            self._on_progress(text)

    # ---- the run --------------------------------------------------------------------------------

    # ---- the result -----------------------------------------------------------------------------

    def _conclude(self) -> None:
        learned = self._learned
        gaps = [b[0] - a[0] for a, b in zip(self._records, self._records[1:], strict=False)]
        if len(gaps) >= 8:
            median = statistics.median(gaps)
            close = [g for g in gaps if abs(g - median) <= 0.02]
            if median > 0.005 and len(close) >= len(gaps) // 2:
                learned.data_interval_s = round(median, 2)
        if (
            self._oor_rejected_off_grid
            and learned.off_step is not OffStep.ROUND
            and learned.off_step is not OffStep.TRUNCATE
            and learned.off_step is not OffStep.EXACT
        ):
            learned.out_of_range = None  # 03 for a value off the grid: range or step?
        learned.start_delay_s = self._start_delay()

    def _start_delay(self) -> float | None:
        t_cmd = self._t_start_cmd
        if t_cmd is None:
            return None
        after = [(t, s) for t, s in self._records if t >= t_cmd]
        first = next((i for i, (_, s) in enumerate(after) if s > STILL_KMH), None)
        if first is None:
            return None
        t1, s1 = after[first]
        accel = self._learned.accel_kmh_s
        settled = self._start_reading
        if accel and settled is not None and s1 < settled - 0.05:
            return round(max(0.0, t1 - s1 / accel - t_cmd), 1)
        if first > 0:
            t0 = after[first - 1][0]
            if t1 - t0 <= 0.1 + 1e-9:
                return round(max(0.0, (t0 + t1) / 2 - t_cmd), 1)
        return None

    def _result(self, duration_s: float) -> MachineCheck:
        ln = self._learned
        quirks = MachineQuirks(
            speed_unit=ln.speed_unit,
            speed_min=ln.speed_min,
            speed_max=ln.speed_max,
            speed_step=ln.speed_step,
            off_step=ln.off_step,
            out_of_range=ln.out_of_range,
            speed_when_stopped=ln.speed_when_stopped,
            start_while_running=ln.start_while_running,
            control=ln.control,
            repeat_request_control=ln.repeat_request_control,
            repeated_stop=ln.repeated_stop,
            start_delay_s=ln.start_delay_s,
            accel_kmh_s=ln.accel_kmh_s,
            decel_kmh_s=ln.decel_kmh_s,
            stop_decel_kmh_s=ln.stop_decel_kmh_s,
            data_interval_s=ln.data_interval_s,
            stop_speeds_up=ln.stop_speeds_up,
        )
        caps = self._link.capabilities
        return MachineCheck(
            address=self._link.address,
            name=self._name or (caps.name if caps is not None else ""),
            quirks=quirks,
            checked_at=self._clock(),
            dangers=tuple(ln.dangers),
            blocked=bool(ln.dangers),
            max_speed_kmh=self._max_reported,
            duration_s=duration_s,
            notes=tuple(ln.notes),
        )


__all__ = [
    "CONFIRM_PROMPT",
    "MAX_PROBE_KMH",
    "OVERSPEED_KMH",
    "PAUSE_WATCH_S",
    "SEPARATION_KMH",
    "SETTLE_TIMEOUT_S",
    "SETTLE_TOL_KMH",
    "START_MOTION_TIMEOUT_S",
    "STILL_KMH",
    "TIME_BUDGET_S",
    "CheckProbe",
    "CheckableLink",
    "Learned",
    "ProbeAborted",
]
