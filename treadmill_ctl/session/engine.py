"""The session engine: runs a plan on a treadmill with the safety rules enforced.

Public API (used by the GUI bridge, the headless ``run`` command and the history recorder):

    engine = SessionEngine(link, plan, settings, listener=on_event)
    task = asyncio.create_task(engine.run())      # -> EndReason
    engine.user_start() / user_stop() / user_pause() / user_resume() / user_toggle_pause()
    engine.user_skip() / user_extend(30) / user_speed_delta(+0.1) / user_end()
    engine.report_heart_rate(bpm)                  # an external strap, if any
    engine.snapshot()                              # -> SessionSnapshot, for the screen

User actions are plain synchronous methods, safe to call from UI callbacks at any time: they
schedule work on the event loop and never raise for bad timing (an action that makes no sense
in the current state is ignored with an ``info`` alert). ``user_stop`` pre-empts everything.

How it works: every state change goes through ``TRANSITIONS`` (a readable table of
``(state, event) -> state``). One *flow* task drives the plan (countdowns, ramps, phase clocks,
turn-arounds); STOP, pauses, machine stops and link loss cancel it, and a new user action
starts a new one from where the session is. Every set-point comes from the ``SafetyPolicy``
and is checked by it right before it is written; only STOP bypasses it.

Time: one clock, the running event loop's. Event ``t`` values are seconds since ``run()``
started.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import math
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Final

from treadmill_ctl.errors import TreadmillError
from treadmill_ctl.ftms.api import TreadmillControl
from treadmill_ctl.ftms.model import (
    BadPacket,
    Capabilities,
    CommandOutcome,
    LinkEvent,
    LinkState,
    LinkUpdate,
    MachineStatus,
    MachineStatusKind,
    Op,
    Result,
    StopOutcome,
    TrainingStatus,
    TreadmillData,
)
from treadmill_ctl.hr.cap import HeartRateCap
from treadmill_ctl.hr.source import HeartRateSource
from treadmill_ctl.session.events import (
    AlertEvent,
    AlertLevel,
    CommandEvent,
    CountdownEvent,
    CountdownReason,
    CueEvent,
    CueKind,
    DataEvent,
    EndEvent,
    EndReason,
    HeartRateEvent,
    PhaseEvent,
    SessionEvent,
    SessionState,
    StateEvent,
)
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.session.policy import SafetyPolicy, SafetyViolation
from treadmill_ctl.settings import Settings
from treadmill_ctl.units import Direction, TurningStyle

__all__ = [
    "TRANSITIONS",
    "EndReason",
    "EngineEvent",
    "EventListener",
    "PhaseInfo",
    "SessionEngine",
    "SessionSnapshot",
    "SessionState",
]

log = logging.getLogger(__name__)

type EventListener = Callable[[SessionEvent], None]

# How long the engine waits for the machine before it says so (session seconds).
BELT_START_TIMEOUT_S: Final = 10.0  # Start -> belt moving (CS-WP8 takes ~3 s)
BELT_STOP_TIMEOUT_S: Final = 45.0  # pause/stop -> belt still (some decelerate at 0.3 km/h/s)
RAMP_STALL_S: Final = 60.0  # no set-point allowed for this long while short of the target
REACH_TIMEOUT_S: Final = 8.0  # last set-point -> reported speed there (plus the distance)
RECONNECT_DELAYS_S: Final = (1.0, 2.0, 3.0, 5.0, 10.0)
RECONNECT_WINDOW_S: Final = 60.0  # headless: give up reconnecting after this long
USER_POLL_S: Final = 1.0  # headless: how often "is a user action still coming?" is asked
ECHO_WINDOW_S: Final = 10.0  # a status caused by our own command arrives within this time
ECHO_SETTLE_S: Final = 1.0  # ... or this long after the command's answer
STOP_ANSWER_WAIT_S: Final = 6.0  # at the end: wait this long for the last STOP's answer
MAX_SETPOINT_FAILURES: Final = 3
STILL_KMH: Final = 0.05  # a reported speed at or below this is a still belt
STILL_MOVING_GRACE_S: Final = 5.0  # paused/stopped and the belt not slowing for this long
EXTRA_SAFETY_KMH: Final = 0.3  # belt above the cap by more than this (not by our doing): STOP
KMH_PER_MPH: Final = 1.609344
OVERSPEED_RATIO: Final = 1.25  # at a phase's speed, belt above set-point x this ...
OVERSPEED_MARGIN_KMH: Final = 0.5  # ... and above it by this much ...
OVERSPEED_GRACE_S: Final = 2.0  # ... for this long: the machine does not obey, STOP


class EngineEvent(enum.StrEnum):
    """What drives the state machine: user actions, the clock, the plan and the machine."""

    USER_START = "user_start"
    USER_STOP = "user_stop"
    USER_PAUSE = "user_pause"
    USER_RESUME = "user_resume"  # resume within a phase
    USER_RESUME_AT_TURN = "user_resume_at_turn"  # resume where a turn-around is due
    COUNTDOWN_DONE = "countdown_done"
    TARGET_REACHED = "target_reached"  # reported speed at the phase's: its clock starts
    PHASE_DONE_SAME_DIRECTION = "phase_done_same_direction"  # time up (or skipped)
    PHASE_DONE_TURN = "phase_done_turn"  # time up, next phase faces the other way
    PLAN_DONE = "plan_done"
    BELT_AT_TURNING_SPEED = "belt_at_turning_speed"  # *reported* speed at or below it
    STOP_CONFIRMED = "stop_confirmed"
    STOP_NOT_CONFIRMED = "stop_not_confirmed"
    MACHINE_STOPPED = "machine_stopped"  # safety key, console stop, reset
    MACHINE_PAUSED = "machine_paused"  # console pause
    COMMAND_REFUSED = "command_refused"  # start/speed refused: STOP and wait for the user
    LINK_LOST = "link_lost"
    LINK_BACK = "link_back"  # reconnected, STOP sent: paused, waits for the user
    LINK_BACK_STOPPED = "link_back_stopped"  # ... the session was stopped before
    LINK_BACK_NOT_STARTED = "link_back_not_started"  # ... the session never started


S = SessionState
E = EngineEvent

_MOVING: Final = (S.RAMPING, S.RUNNING_PHASE, S.SLOWING_TO_TURN)
_COUNTDOWNS: Final = (S.STARTING_COUNTDOWN, S.TURN_COUNTDOWN, S.RESUME_COUNTDOWN)
_ACTIVE: Final = (*_MOVING, *_COUNTDOWNS)
_NOT_ENDED: Final = tuple(s for s in SessionState if s is not S.FINISHED)


def _build_transitions() -> dict[tuple[SessionState, EngineEvent], SessionState]:
    t: dict[tuple[SessionState, EngineEvent], SessionState] = {
        # start: explicit user start, then a countdown before the belt moves
        (S.IDLE, E.USER_START): S.STARTING_COUNTDOWN,
        (S.STOPPED, E.USER_START): S.STARTING_COUNTDOWN,
        (S.STARTING_COUNTDOWN, E.COUNTDOWN_DONE): S.RAMPING,
        # a phase: ramp to its speed, then its clock runs
        (S.RAMPING, E.TARGET_REACHED): S.RUNNING_PHASE,
        (S.RUNNING_PHASE, E.PHASE_DONE_SAME_DIRECTION): S.RAMPING,
        (S.RAMPING, E.PHASE_DONE_SAME_DIRECTION): S.RAMPING,  # skipped while ramping
        # turn-around: slow down, *reported* speed at the turning speed, countdown, ramp
        (S.RUNNING_PHASE, E.PHASE_DONE_TURN): S.SLOWING_TO_TURN,
        (S.RAMPING, E.PHASE_DONE_TURN): S.SLOWING_TO_TURN,
        (S.SLOWING_TO_TURN, E.BELT_AT_TURNING_SPEED): S.TURN_COUNTDOWN,
        (S.TURN_COUNTDOWN, E.COUNTDOWN_DONE): S.RAMPING,
        # the end of the plan
        (S.RUNNING_PHASE, E.PLAN_DONE): S.FINISHING,
        (S.RAMPING, E.PLAN_DONE): S.FINISHING,
        (S.FINISHING, E.STOP_CONFIRMED): S.FINISHED,
        (S.FINISHING, E.STOP_NOT_CONFIRMED): S.FINISHED,
        (S.FINISHING, E.MACHINE_STOPPED): S.FINISHED,
        # pause / resume (a resume counts down again; at a turn it is the turn's countdown)
        (S.PAUSED, E.USER_RESUME): S.RESUME_COUNTDOWN,
        (S.PAUSED, E.USER_RESUME_AT_TURN): S.TURN_COUNTDOWN,
        (S.RESUME_COUNTDOWN, E.COUNTDOWN_DONE): S.RAMPING,
        # STOP: from anywhere, confirmed or not; nothing but a new user start leaves STOPPED
        (S.STOPPING, E.STOP_CONFIRMED): S.STOPPED,
        (S.STOPPING, E.STOP_NOT_CONFIRMED): S.STOPPED,
        (S.LINK_LOST, E.USER_STOP): S.LINK_LOST,  # sent as soon as the link is back
        # link loss: alarm, reconnect, STOP first, then wait for the user
        (S.LINK_LOST, E.LINK_BACK): S.PAUSED,
        (S.LINK_LOST, E.LINK_BACK_STOPPED): S.STOPPED,
        (S.LINK_LOST, E.LINK_BACK_NOT_STARTED): S.IDLE,
    }
    for s in _ACTIVE:
        t[(s, E.USER_PAUSE)] = S.PAUSED
        t[(s, E.MACHINE_PAUSED)] = S.PAUSED
    for s in (*_ACTIVE, S.PAUSED, S.STOPPING):
        t[(s, E.MACHINE_STOPPED)] = S.STOPPED
    t[(S.STOPPED, E.MACHINE_STOPPED)] = S.STOPPED
    t[(S.IDLE, E.MACHINE_STOPPED)] = S.IDLE
    for s in (*_ACTIVE, S.PAUSED, S.FINISHING):
        t[(s, E.COMMAND_REFUSED)] = S.STOPPING
    for s in (S.IDLE, *_ACTIVE, S.PAUSED, S.STOPPED, S.FINISHING):
        t[(s, E.USER_STOP)] = S.STOPPING
    for s in _NOT_ENDED:
        if s is not S.LINK_LOST:
            t[(s, E.LINK_LOST)] = S.LINK_LOST
    return t


TRANSITIONS: Final[dict[tuple[SessionState, EngineEvent], SessionState]] = _build_transitions()
"""The state machine: ``(state, event) -> next state``. A pair not in the table is an event
that does not apply in that state (ignored; a user action gets an ``info`` alert)."""


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
    elapsed_s: float  # session time since the belt first started
    total_s: float  # planned time at speed, with extensions
    done_s: float  # time at speed done so far
    backward_s: float  # time at speed spent backward
    forward_s: float
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


class _CommandRefused(TreadmillError):
    """The machine refused a command the session cannot go on without."""


class _BeltNotFollowing(TreadmillError):
    """The belt did not slow down as asked."""


class SessionEngine:
    """Runs one plan on one treadmill link. See the module docstring."""

    def __init__(
        self,
        link: TreadmillControl,
        plan: Plan,
        settings: Settings,
        *,
        listener: EventListener | None = None,
        user_available: Callable[[], bool] | None = None,
    ) -> None:
        """``user_available`` answers "can a user still act?" whenever the engine would wait
        for one (before the start, after STOP, a machine stop, a pause, a reconnect). The GUI
        leaves it ``None`` (a user is always there); a headless run answers whether a later
        ``--inject`` action is pending, and ``run()`` ends when it says no."""
        if not plan.phases:
            raise ValueError("a plan needs at least one phase")
        self._link = link
        self._plan = plan
        self._settings = settings
        self._policy = SafetyPolicy(settings, link.capabilities)
        self._listeners: list[EventListener] = [listener] if listener else []
        self._user_available = user_available

        self._state = S.IDLE
        self._state_serial = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._t0: float | None = None
        self._done: asyncio.Future[EndReason] | None = None
        self._end_reason: EndReason | None = None
        self._queued_actions: list[Callable[[], None]] = []
        self._ready = False  # run() connected: session time runs, user actions apply
        self._started = asyncio.Event()
        self._unsubscribe: list[Callable[[], None]] = []

        # plan position
        self._index = 0
        self._phase_done_s = 0.0
        self._phase_extra_s = 0.0
        self._phase_clock_since: float | None = None
        self._override_kmh: float | None = None  # user ± (or HR cap) for this phase
        self._hold_machine_speed = False  # console changed the speed: not fought this phase
        cap_bpm = plan.hr_cap_bpm or settings.hr_cap_bpm
        self._hr_cap = HeartRateCap(cap_bpm) if cap_bpm is not None else None
        self._completed_s = {Direction.FORWARD: 0.0, Direction.BACKWARD: 0.0}
        self._blocks_done = 0
        self._skip = False
        self._facing: Direction | None = None
        self._phase_announced = -1  # index of the phase whose PhaseEvent was sent

        # belt and machine
        self._belt_running = False  # we started it and nothing stopped/paused it since
        self._started_once = False
        self._first_motion_t: float | None = None
        self._actual_kmh: float | None = None
        self._incline: float | None = None
        # The strap's heart rate while it is fresh, else the treadmill's (loop time).
        self._hr = HeartRateSource()
        self._hr_slow: asyncio.TimerHandle | None = None  # the cap's slow-down, after its cue
        self._distance_m = 0.0
        self._last_machine_distance: int | None = None
        self._expected_echo: deque[tuple[MachineStatusKind, float]] = deque()
        self._recent_setpoints: deque[float] = deque(maxlen=6)
        self._setpoint_failures = 0
        self._incline_warned = False
        self._overspeed_since: float | None = None
        self._still_moving: tuple[float, float] | None = None  # (since, speed)
        self._console_started = False
        self._control_lost_alert_t = -math.inf

        # waiting, link
        self._stop_cause = EndReason.STOPPED_BY_USER
        self._stop_requested_while_lost = False
        self._lost_from: SessionState = S.IDLE
        self._end_requested = False
        self._countdown: tuple[int, CountdownReason] | None = None
        self._last_alert: AlertEvent | None = None

        # tasks
        self._flow: asyncio.Task[None] | None = None
        self._stop_task: asyncio.Task[None] | None = None
        self._quiet_stop: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._wake: asyncio.Event | None = None
        self._data_seen: asyncio.Event | None = None
        self._stop_answered: asyncio.Event | None = None

    # ---- public ------------------------------------------------------------------------

    def add_listener(self, listener: EventListener) -> Callable[[], None]:
        """Receive every event from now on; returns a function that removes the listener."""
        self._listeners.append(listener)

        def remove() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return remove

    @property
    def facing(self) -> Direction | None:
        """The direction the runner was last told to face (None before the first phase)."""
        return self._facing

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def policy(self) -> SafetyPolicy:
        """The safety policy every set-point goes through (read-only use)."""
        return self._policy

    @property
    def end_reason(self) -> EndReason | None:
        return self._end_reason

    @property
    def started_at(self) -> float | None:
        """Loop time of session time 0 (every event's ``t`` counts from it): when ``run()``
        had connected to the treadmill. ``None`` before."""
        return self._t0

    async def wait_started(self) -> float:
        """Wait until session time runs (``run()`` connected, or failed to); returns
        ``started_at``."""
        await self._started.wait()
        assert self._t0 is not None
        return self._t0

    def snapshot(self) -> SessionSnapshot:
        """The session as the screen shows it, now."""
        now = self._now()
        phase = self._phase_info(self._index)
        nxt = self._phase_info(self._index + 1)
        target: float | None = None
        if self._index < len(self._plan.phases):
            target = self._target_kmh()
        done = sum(self._completed_s.values())
        current_done = self._phase_elapsed(now) if self._index < len(self._plan.phases) else 0.0
        backward = self._completed_s[Direction.BACKWARD]
        forward = self._completed_s[Direction.FORWARD]
        if phase is not None:
            if phase.direction is Direction.BACKWARD:
                backward += current_done
            else:
                forward += current_done
        setpoint, _ = self._policy.last_setpoint
        waiting: str | None = None
        if self._end_reason is None:
            if self._state in (S.IDLE, S.STOPPED):
                waiting = "start"
            elif self._state is S.PAUSED:
                waiting = "resume"
        cd = self._countdown
        hr, hr_source = self._hr.current(self._loop_time())
        return SessionSnapshot(
            t=now,
            state=self._state,
            phase=phase,
            phase_count=len(self._plan.phases),
            phase_elapsed_s=current_done,
            phase_remaining_s=self._phase_remaining(now) if phase is not None else 0.0,
            next_phase=nxt,
            target_speed_kmh=target,
            setpoint_kmh=setpoint if self._belt_running else None,
            actual_speed_kmh=self._actual_kmh,
            incline_pct=self._incline,
            distance_m=self._distance_m,
            hr_bpm=hr,
            elapsed_s=0.0 if self._first_motion_t is None else now - self._first_motion_t,
            total_s=self._plan.total_s + self._phase_extra_s,
            done_s=done + current_done,
            backward_s=backward,
            forward_s=forward,
            blocks_done=self._blocks_done,
            blocks_total=self._plan.backward_blocks,
            countdown_remaining_s=cd[0] if cd else None,
            countdown_reason=cd[1] if cd else None,
            facing=self._facing,
            link_state=self._link.state,
            last_alert=self._last_alert,
            waiting_for=waiting,
            end_reason=self._end_reason,
            hr_source=str(hr_source),
        )

    async def run(self) -> EndReason:
        """Run the session until the plan is finished, the user ends it, or (headless) the
        engine waits for a user and none will come. Cancelling it stops the belt first."""
        if self._done is not None:
            raise RuntimeError("a SessionEngine runs once")
        loop = asyncio.get_running_loop()
        self._loop = loop
        self._done = loop.create_future()
        self._wake = asyncio.Event()
        self._data_seen = asyncio.Event()
        self._stop_answered = asyncio.Event()
        self._stop_answered.set()  # no STOP sent yet
        self._unsubscribe = [
            self._link.add_listener(self._on_update),
            self._link.add_command_listener(self._on_command),
        ]
        try:
            self._emit(StateEvent(0.0, self._state))
            if self._link.state is not LinkState.CONNECTED:
                try:
                    await self._link.connect()
                except TreadmillError as exc:
                    self._alert(
                        AlertLevel.DANGER, f"Cannot connect to the treadmill: {exc}", "connect"
                    )
                    self._end(EndReason.ERROR)
            # Session time starts once the treadmill is reachable (or known not to be).
            self._t0 = loop.time()
            self._ready = True
            self._started.set()
            self._policy.update_capabilities(self._link.capabilities)
            self._check_plan_against_machine()
            queued, self._queued_actions = self._queued_actions, []
            for action in queued:
                action()
            if self._end_reason is None and self._state is S.IDLE:
                self._watch_for_user()
            reason = await asyncio.shield(self._done)
        except asyncio.CancelledError:
            self._end(EndReason.STOPPED_BY_USER)
            await self._shutdown()
            raise
        await self._shutdown()
        return reason

    # ---- user actions ------------------------------------------------------------------

    def user_start(self) -> None:
        """Start the session (IDLE) or start again after a stop (STOPPED): countdown, then the
        belt starts and ramps up. The only way the belt starts moving."""
        if self._defer(self.user_start):
            return
        if not self._transition(E.USER_START, user=True):
            return
        self._stop_cause = EndReason.STOPPED_BY_USER
        self._new_flow(self._flow_from_countdown(CountdownReason.START))

    def user_stop(self) -> None:
        """STOP: pre-empts everything, written to the machine at once and confirmed."""
        if self._defer(self.user_stop):
            return
        if self._state is S.LINK_LOST:
            self._stop_requested_while_lost = True
            self._stop_cause = EndReason.STOPPED_BY_USER
            self._alert(
                AlertLevel.WARNING,
                "STOP will be sent the moment the treadmill is reachable again. "
                "If the belt moves, pull the safety key.",
                "stop_pending",
            )
            self._transition(E.USER_STOP)
            return
        if self._state in (S.STOPPING, S.FINISHED):
            return
        self._transition(E.USER_STOP)
        self._stop_cause = EndReason.STOPPED_BY_USER
        self._start_stop("Stopping")

    def user_pause(self) -> None:
        """Pause the belt; the phase clock holds."""
        if self._defer(self.user_pause):
            return
        if not self._transition(E.USER_PAUSE, user=True):
            return
        self._stop_cause = EndReason.STOPPED_BY_USER
        self._cancel_flow()
        self._cue(CueKind.PAUSED, "Pausing")
        self._spawn(self._pause_belt(), "pause")

    def user_resume(self) -> None:
        """Resume after a pause: countdown, then ramp up to the phase's speed (at a pending
        turn-around the countdown is the turn's, with its direction cues)."""
        if self._defer(self.user_resume):
            return
        if self._state is not S.PAUSED:
            self._info("Resume only works while paused.")
            return
        if self._turn_pending():
            self._transition(E.USER_RESUME_AT_TURN)
            self._new_flow(self._flow_from_countdown(CountdownReason.TURN))
        else:
            self._transition(E.USER_RESUME)
            self._new_flow(self._flow_from_countdown(CountdownReason.RESUME))

    def user_toggle_pause(self) -> None:
        """Pause when running, resume when paused (the P key)."""
        if self._state is S.PAUSED:
            self.user_resume()
        else:
            self.user_pause()

    def user_skip(self) -> None:
        """End the current phase now (the usual cues and turn-around follow)."""
        if self._defer(self.user_skip):
            return
        if self._state not in (S.RAMPING, S.RUNNING_PHASE):
            self._info("Skip works while a phase runs (not during a turn-around or a pause).")
            return
        self._skip = True
        self._poke()

    def user_extend(self, seconds: float = 30.0) -> None:
        """Add ``seconds`` to the current phase."""
        if self._defer(lambda: self.user_extend(seconds)):
            return
        if self._state not in (S.RAMPING, S.RUNNING_PHASE) or not seconds > 0:
            self._info("Extend works while a phase runs.")
            return
        self._phase_extra_s += seconds
        self._poke()

    def user_speed_delta(self, delta_kmh: float) -> None:
        """Change the current phase's speed by ``delta_kmh`` within the caps (ramped); holds
        for this phase only."""
        if self._defer(lambda: self.user_speed_delta(delta_kmh)):
            return
        if self._state not in (S.RAMPING, S.RUNNING_PHASE) or self._facing is None:
            self._info("Speed changes work while a phase runs.")
            return
        phase = self._plan.phases[self._index]
        if phase.direction is not self._facing:
            self._info("Speed changes work while a phase runs.")
            return
        decision = self._policy.allowed_target(phase.direction, self._target_kmh() + delta_kmh)
        if decision.limited_by:
            self._info(f"Limited by the {decision.limited_by}.")
        self._override_kmh = decision.kmh
        self._hold_machine_speed = False
        self._poke()

    def user_end(self) -> None:
        """End the session: the belt is stopped first if it may move; ``run()`` returns."""
        if self._defer(self.user_end):
            return
        if self._end_reason is not None:
            return
        self._end_requested = True
        if self._state in (S.IDLE, S.STOPPED) and not self._belt_running:
            self._end(self._stop_cause)
            return
        if self._state is S.LINK_LOST:
            self._end(EndReason.LINK_LOST)
            return
        if self._state is not S.STOPPING:
            self.user_stop()

    def report_heart_rate(self, bpm: int | None) -> None:
        """Heart rate from an external strap (preferred to the treadmill's own field while it
        has a value; None: no contact or the strap was lost, the treadmill's is used again).
        Recorded as an ``hr`` event while the session runs; it can only ever slow a backward
        block (the HR cap), never start, stop or speed up the belt."""
        self._hr.strap(self._loop_time(), bpm)
        if self._t0 is not None and self._end_reason is None:
            self._emit(HeartRateEvent(self._now(), bpm))
        if bpm is not None:
            self._check_hr_cap()

    # ---- state machine -----------------------------------------------------------------

    def _transition(self, event: EngineEvent, *, user: bool = False) -> bool:
        new = TRANSITIONS.get((self._state, event))
        if new is None:
            if user:
                self._info(f"'{event.value.removeprefix('user_')}' does not apply now.")
            else:
                log.debug("event %s ignored in state %s", event, self._state)
            return False
        now = self._now()
        old = self._state
        if old is S.RUNNING_PHASE and new is not S.RUNNING_PHASE:
            self._phase_done_s += now - (self._phase_clock_since or now)
            self._phase_clock_since = None
        if new is S.RUNNING_PHASE and old is not S.RUNNING_PHASE:
            self._phase_clock_since = now
        if new not in _COUNTDOWNS:
            self._countdown = None
        self._state = new
        self._state_serial += 1
        self._console_started = False
        if new is not old:
            self._emit(StateEvent(now, new))
        if new in (S.IDLE, S.STOPPED, S.PAUSED) and self._end_reason is None:
            if self._end_requested and new is S.STOPPED:
                self._end(self._stop_cause)
            else:
                self._watch_for_user()
        if new is S.FINISHED:
            self._end(EndReason.FINISHED)
        return True

    # ---- the flow: countdowns, ramps, phase clocks, turn-arounds ----------------------

    def _new_flow(self, coro: Coroutine[Any, Any, None]) -> None:
        self._cancel_flow()
        self._skip = False
        self._flow = self._spawn(self._guarded_flow(coro), "flow")

    def _cancel_flow(self) -> None:
        if self._flow is not None and not self._flow.done():
            self._flow.cancel()
        self._flow = None

    async def _guarded_flow(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            await coro
        except asyncio.CancelledError:
            raise
        except _CommandRefused as exc:
            if self._link.state is not LinkState.CONNECTED:
                return  # the link-loss handler takes over
            self._alert(AlertLevel.DANGER, f"{exc} Stopping the session.", "command_refused")
            self._stop_cause = EndReason.STOPPED_BY_MACHINE
            if self._transition(E.COMMAND_REFUSED):
                self._start_stop("Stopping", from_flow=True)
        except _BeltNotFollowing as exc:
            self._alert(AlertLevel.DANGER, f"{exc} Stopping.", "belt_not_following")
            self._stop_cause = EndReason.ERROR
            if self._transition(E.COMMAND_REFUSED):
                self._start_stop("Stopping", from_flow=True)
        except SafetyViolation as exc:
            log.error("safety policy refused a set-point: %s", exc)  # noqa: TRY400 - expected, no trace
            self._alert(AlertLevel.DANGER, f"Safety check failed ({exc}). Stopping.", "safety")
            self._stop_cause = EndReason.ERROR
            if self._transition(E.COMMAND_REFUSED):
                self._start_stop("Stopping", from_flow=True)
        except TreadmillError:
            if self._link.state is not LinkState.CONNECTED:
                return  # the link-loss handler takes over
            raise

    async def _flow_from_countdown(self, reason: CountdownReason) -> None:
        """A countdown (start, resume, or a turn resumed after a pause), then the plan from the
        current phase on."""
        if self._plan_complete():
            self._end(EndReason.FINISHED)
            return
        phase = self._plan.phases[self._index]
        await self._wait_belt_at_most(0.0, "Waiting for the belt to stop")
        lead = self._countdown_s(start=reason is CountdownReason.START)
        self._direction_cue(phase, lead, starting=reason is not CountdownReason.TURN)
        await self._countdown_run(lead, reason)
        self._facing = phase.direction
        self._transition(E.COUNTDOWN_DONE)
        await self._run_plan()

    async def _run_plan(self) -> None:
        """From RAMPING towards the current phase to the end of the plan."""
        phases = self._plan.phases
        while True:
            phase = phases[self._index]
            self._announce_phase()
            if not self._belt_running:
                await self._start_belt()
            await self._apply_incline(phase)
            if await self._ramp_until_reached():
                self._transition(E.TARGET_REACHED)
                await self._phase_clock()
            self._complete_phase()
            if self._index >= len(phases):
                self._transition(E.PLAN_DONE)
                await self._finish()
                return
            nxt = phases[self._index]
            if nxt.direction is self._facing:
                self._transition(E.PHASE_DONE_SAME_DIRECTION)
                continue
            self._transition(E.PHASE_DONE_TURN)
            await self._slow_to_turn()
            self._transition(E.BELT_AT_TURNING_SPEED)
            lead = self._countdown_s()
            self._direction_cue(nxt, lead, starting=False)
            await self._countdown_run(lead, CountdownReason.TURN)
            self._facing = nxt.direction
            self._transition(E.COUNTDOWN_DONE)

    async def _start_belt(self) -> None:
        """Start (07), wait for the belt to move, and pin its target to where it is."""
        self._expect_echo(MachineStatusKind.STARTED_BY_USER)
        outcome = await self._link.start()
        self._settle_echo(MachineStatusKind.STARTED_BY_USER)
        if not outcome.ok:
            raise _CommandRefused(f"The treadmill did not start ({_result_words(outcome)}).")
        self._belt_running = True
        self._started_once = True
        moving = await self._wait_for(
            lambda: (self._actual_kmh or 0.0) > STILL_KMH, BELT_START_TIMEOUT_S
        )
        now = self._now()
        if not moving:
            self._alert(
                AlertLevel.WARNING,
                "The belt has not started moving yet; ramping up from the treadmill's minimum.",
                "slow_start",
            )
        if self._first_motion_t is None:
            self._first_motion_t = now
        self._policy.motion_started(self._loop_time(), self._actual_kmh)
        # Some machines resume at their previous target: pin it down to where the belt is now.
        reference, _ = self._policy.last_setpoint
        if reference <= self._policy.cap_kmh(self._direction()):
            await self._send_setpoint(reference)

    async def _ramp_until_reached(self) -> bool:
        """Step set-points to the phase's target, then wait for the *reported* speed to get
        there. False when the phase was skipped meanwhile."""
        reached_setpoint_at: float | None = None
        while True:
            if self._skip:
                return False
            if self._hold_machine_speed:
                return True
            target = self._target_kmh()
            direction = self._direction()
            step = self._policy.next_setpoint(direction, target, self._loop_time())
            if step is not None:
                await self._send_setpoint(step)
                reached_setpoint_at = None
                continue
            last, last_t = self._policy.last_setpoint
            if abs(last - target) > 1e-6:
                if last_t is not None and self._loop_time() - last_t > RAMP_STALL_S:
                    # The policy allows no further step (it should always): never spin here.
                    raise _BeltNotFollowing(f"The ramp to {target:.1f} km/h stalled.")
                await self._sleep_or_wake(self._policy.seconds_until_next_step(target))
                continue
            if self._speed_reached(target):
                return True
            now = self._now()
            if reached_setpoint_at is None:
                reached_setpoint_at = now
            gap = abs((self._actual_kmh or 0.0) - target)
            if now - reached_setpoint_at > REACH_TIMEOUT_S + gap / 0.3:
                self._alert(
                    AlertLevel.WARNING,
                    f"The belt runs at {self._actual_kmh or 0:.1f} km/h instead of "
                    f"{target:.1f} km/h; the phase starts anyway.",
                    "speed_not_reached",
                )
                return True
            await self._wait_data_or_wake(0.5)

    async def _phase_clock(self) -> None:
        """The phase's time at speed, with the cue for what comes next ahead of it; follows
        speed changes (user ±) with ramped set-points."""
        announced = False
        lead = float(self._settings.cue_lead_s)
        while True:
            if self._skip:
                if not announced:
                    self._announce_next(0.0)
                return
            now = self._now()
            remaining = self._phase_remaining(now)
            if remaining <= 1e-6:
                if not announced:
                    self._announce_next(0.0)
                return
            if announced and remaining > lead + 1.0:
                announced = False  # extended after the cue: cue again later
            if not announced and remaining <= lead + 1e-6:
                self._announce_next(remaining)
                announced = True
            wait = remaining if announced else remaining - lead
            if not self._hold_machine_speed:
                step = self._policy.next_setpoint(
                    self._direction(), self._target_kmh(), self._loop_time()
                )
                if step is not None:
                    await self._send_setpoint(step)
                    continue
                last, _ = self._policy.last_setpoint
                if abs(last - self._target_kmh()) > 1e-6:
                    wait = min(wait, self._policy.seconds_until_next_step(self._target_kmh()))
            await self._sleep_or_wake(max(wait, 0.0))

    async def _slow_to_turn(self) -> None:
        """Down to the turning speed (a walk, or the machine's minimum then a pause) and wait
        until the machine *reports* the belt at or below it."""
        turning = self._turning_speed()
        if self._belt_running:
            floor = turning if turning > 0 else self._policy.machine_min_kmh
            await self._ramp_to(floor)
            if turning <= 0:
                await self._pause_belt_now(for_turn=True)
        await self._wait_belt_at_most(turning, "Waiting for the belt to slow down")

    async def _finish(self) -> None:
        """End of the plan: down to the machine's minimum, then STOP."""
        self._cue(CueKind.SESSION_DONE, "Session done. Stopping the belt.")
        if self._belt_running:
            await self._ramp_to(max(self._policy.machine_min_kmh, 0.0))
        self._stop_cause = EndReason.FINISHED
        await self._stop_now()

    async def _ramp_to(self, kmh: float) -> None:
        """Set-points down (or up) to ``kmh`` at the ramp, not waiting for the belt."""
        while self._belt_running:
            step = self._policy.next_setpoint(self._direction(), kmh, self._loop_time())
            if step is not None:
                await self._send_setpoint(step)
                continue
            last, _ = self._policy.last_setpoint
            target = self._policy.allowed_target(self._direction(), kmh).kmh
            if abs(last - target) <= 1e-6:
                return
            await asyncio.sleep(self._policy.seconds_until_next_step(target))

    async def _wait_belt_at_most(self, kmh: float, why: str) -> None:
        """Wait until the reported belt speed is at or below ``kmh``."""
        limit = max(kmh, 0.0) + (STILL_KMH if kmh <= 0 else 0.01)
        if (self._actual_kmh or 0.0) <= limit:
            return
        timeout = BELT_STOP_TIMEOUT_S
        if not await self._wait_for(lambda: (self._actual_kmh or 0.0) <= limit, timeout):
            raise _BeltNotFollowing(
                f"{why}: the belt still runs at {self._actual_kmh or 0:.1f} km/h after "
                f"{timeout:g} s."
            )

    async def _countdown_run(self, seconds: int, reason: CountdownReason) -> None:
        for n in range(seconds, 0, -1):
            self._countdown = (n, reason)
            now = self._now()
            self._emit(CountdownEvent(now, n, reason))
            self._emit(CueEvent(now, str(n), CueKind.COUNTDOWN, n))
            await asyncio.sleep(1.0)
        self._countdown = None
        self._cue(CueKind.GO, "Go")

    # ---- commands ------------------------------------------------------------------------

    async def _send_setpoint(self, kmh: float) -> None:
        """Every set-point goes out here, checked by the policy right before it is written."""
        direction = self._direction()
        now = self._loop_time()
        self._policy.check(direction, kmh, now)
        self._policy.record(kmh, now)
        self._recent_setpoints.append(kmh)
        outcome = await self._link.set_speed(kmh)
        if outcome.ok:
            self._setpoint_failures = 0
            return
        self._setpoint_failures += 1
        if outcome.result is Result.NOT_PERMITTED:
            raise _CommandRefused(
                "The treadmill does not accept commands any more (control not permitted). "
                "Use its console or the safety key."
            )
        self._alert(
            AlertLevel.WARNING,
            f"Speed {kmh:.1f} km/h: {_result_words(outcome)}.",
            "command_failed",
        )
        if self._setpoint_failures >= MAX_SETPOINT_FAILURES:
            raise _CommandRefused("The treadmill keeps refusing speed changes.")
        await asyncio.sleep(1.0)

    async def _apply_incline(self, phase: Phase) -> None:
        if phase.incline_pct is None:
            return
        caps = self._policy.capabilities
        if caps is None or caps.incline is None or not caps.can_set_incline:
            if phase.incline_pct != 0 and not self._incline_warned:
                self._incline_warned = True
                self._alert(
                    AlertLevel.INFO,
                    "This treadmill cannot set an incline: running flat.",
                    "incline",
                )
            return
        value = caps.incline.clamp_to_step(phase.incline_pct)
        outcome = await self._link.set_incline(value)
        if not outcome.ok:
            self._alert(
                AlertLevel.WARNING,
                f"Incline {value:g} %: {_result_words(outcome)}.",
                "command_failed",
            )

    async def _pause_belt(self) -> None:
        """User pause (state already PAUSED)."""
        if self._belt_running:
            await self._pause_belt_now(for_turn=False)

    async def _pause_belt_now(self, *, for_turn: bool) -> None:
        self._expect_echo(MachineStatusKind.PAUSED_BY_USER)
        outcome = await self._link.pause()
        self._settle_echo(MachineStatusKind.PAUSED_BY_USER)
        self._belt_running = False
        self._policy.motion_stopped()
        if outcome.ok:
            return
        # A pause the machine refuses must still stop the belt: STOP instead.
        self._alert(
            AlertLevel.WARNING,
            f"Pause: {_result_words(outcome)}; stopping the belt instead.",
            "command_failed",
        )
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER)
        stop = await self._link.stop()
        if not stop.confirmed:
            self._stop_not_confirmed_alarm()
        if for_turn:
            log.info("turning with the belt stopped (pause refused)")

    def _start_stop(self, cue_text: str, *, from_flow: bool = False) -> None:
        """STOP now: cancel the flow, write STOP (pre-empting), then STOPPED."""
        if not from_flow:
            self._cancel_flow()
        self._cue(CueKind.STOPPED, cue_text)
        if self._stop_task is not None and not self._stop_task.done():
            return
        self._stop_task = self._spawn(self._stop_now(), "stop")

    async def _stop_now(self) -> None:
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER)
        if self._stop_answered is not None:
            self._stop_answered.clear()
        try:
            outcome: StopOutcome | None = await self._link.stop()
        except TreadmillError as exc:
            log.warning("STOP failed: %s", exc)
            outcome = None
        self._belt_running = False
        self._policy.motion_stopped()
        if outcome is not None and outcome.confirmed:
            self._transition(E.STOP_CONFIRMED)
        else:
            self._stop_not_confirmed_alarm()
            self._transition(E.STOP_NOT_CONFIRMED)
        if self._plan_complete() and self._end_reason is None:
            self._end(EndReason.FINISHED)  # stopped during the final slow-down: plan done

    def _stop_not_confirmed_alarm(self) -> None:
        self._cue(CueKind.ALARM, "STOP not confirmed. Pull the safety key!")
        self._alert(
            AlertLevel.DANGER,
            "The treadmill did not confirm STOP. Pull the safety key now!",
            "stop_not_confirmed",
        )

    # ---- link updates --------------------------------------------------------------------

    def _on_command(self, outcome: CommandOutcome) -> None:
        if outcome.op is Op.STOP and self._stop_answered is not None:
            self._stop_answered.set()
        self._emit(
            CommandEvent(
                self._now(),
                str(outcome.op),
                outcome.value,
                outcome.wire,
                str(outcome.result),
                outcome.detail,
            )
        )

    def _on_update(self, update: LinkUpdate) -> None:
        try:
            if isinstance(update, TreadmillData):
                self._on_data(update)
            elif isinstance(update, MachineStatus):
                self._on_status(update)
            elif isinstance(update, LinkEvent):
                self._on_link_event(update)
            elif isinstance(update, BadPacket):
                log.info("bad packet from the treadmill: %s (%s)", update.raw, update.reason)
            elif isinstance(update, TrainingStatus):
                pass
        except Exception:  # a listener must not break the link's dispatch
            log.exception("session engine failed on %r", update)
            self._fatal("internal error while handling the treadmill's data")

    def _on_data(self, data: TreadmillData) -> None:
        now = self._now()
        if data.speed_kmh is not None:
            self._actual_kmh = data.speed_kmh
        if data.incline_pct is not None:
            self._incline = data.incline_pct
        if data.hr_bpm is not None:
            self._hr.treadmill(self._loop_time(), data.hr_bpm)
        if data.distance_m is not None:
            last = self._last_machine_distance
            if last is not None and self._started_once and data.distance_m >= last:
                self._distance_m += data.distance_m - last
            self._last_machine_distance = data.distance_m
        self._emit(
            DataEvent(
                now,
                data.speed_kmh,
                data.distance_m,
                data.incline_pct,
                data.hr_bpm,
                data.elapsed_s,
                data.energy_kcal,
                data.steps,
            )
        )
        if self._data_seen is not None:
            self._data_seen.set()
        self._check_overspeed(now)
        self._check_still_moving(now)
        if data.hr_bpm is not None and not self._hr.strap_is_fresh(self._loop_time()):
            self._check_hr_cap()  # the treadmill's is the heart rate in use

    def _on_status(self, status: MachineStatus) -> None:
        kind = status.kind
        if self._is_echo(status):
            return
        match kind:
            case MachineStatusKind.STOPPED_BY_SAFETY_KEY:
                self._machine_stopped(
                    "Safety key pulled: the treadmill stopped.", AlertLevel.DANGER
                )
            case MachineStatusKind.STOPPED_BY_USER:
                self._machine_stopped("Stopped from the treadmill's console.", AlertLevel.WARNING)
            case MachineStatusKind.RESET:
                self._machine_stopped("The treadmill was reset.", AlertLevel.WARNING)
            case MachineStatusKind.PAUSED_BY_USER:
                self._machine_paused()
            case MachineStatusKind.TARGET_SPEED_CHANGED:
                self._console_speed(status.value)
            case MachineStatusKind.CONTROL_LOST:
                now = self._now()
                if now - self._control_lost_alert_t > 30.0:
                    self._control_lost_alert_t = now
                    self._alert(
                        AlertLevel.WARNING,
                        "The treadmill took back control; asking for it again.",
                        "control_lost",
                    )
            case MachineStatusKind.STARTED_BY_USER:
                if self._state not in _ACTIVE:
                    self._console_started = True  # the runner took over: not fought
                    self._info("The belt was started from the treadmill's console.")
            case _:
                pass

    def _machine_stopped(self, message: str, level: AlertLevel) -> None:
        was_running = self._belt_running or self._state in (*_ACTIVE, S.FINISHING)
        self._belt_running = False
        self._policy.motion_stopped()
        if self._state in (S.STOPPED, S.IDLE, S.FINISHED, S.LINK_LOST):
            return
        if self._state is S.FINISHING:
            self._cancel_flow()
            self._transition(E.MACHINE_STOPPED)
            return
        self._cancel_flow()
        self._stop_cause = EndReason.STOPPED_BY_MACHINE
        if was_running:
            self._cue(CueKind.STOPPED, message)
        self._alert(level, message + " Press start when you are ready.", "machine_stopped")
        self._transition(E.MACHINE_STOPPED)

    def _machine_paused(self) -> None:
        self._belt_running = False
        self._policy.motion_stopped()
        if self._state is S.FINISHING:
            self._cancel_flow()
            self._transition(E.MACHINE_STOPPED)
            return
        if self._state not in _ACTIVE:
            return
        self._cancel_flow()
        self._stop_cause = EndReason.STOPPED_BY_MACHINE
        self._cue(CueKind.PAUSED, "Paused from the treadmill's console.")
        self._alert(
            AlertLevel.WARNING,
            "Paused from the treadmill's console. Resume when ready.",
            "machine_paused",
        )
        self._transition(E.MACHINE_PAUSED)

    def _console_speed(self, value: float | None) -> None:
        if value is None or self._state not in (S.RAMPING, S.RUNNING_PHASE):
            return
        # Our own set-point coming back (in mph on a console that reads mph) is not news.
        if any(
            abs(value - sp) < 0.06 or abs(value - sp / KMH_PER_MPH) < 0.06
            for sp in self._recent_setpoints
        ):
            return
        # The runner changed the speed on the console: reflect it, never fight it.
        self._hold_machine_speed = True
        self._policy.record(value, self._loop_time())
        direction = self._direction()
        cap = self._policy.cap_kmh(direction)
        level = AlertLevel.WARNING if value > cap + 1e-6 else AlertLevel.INFO
        extra = (
            f" (above your {direction} cap {cap:.1f} km/h)" if level is AlertLevel.WARNING else ""
        )
        self._alert(
            level,
            f"Speed set to {value:.1f} km/h on the console{extra}: kept for this phase.",
            "console_speed",
        )

    def _on_link_event(self, event: LinkEvent) -> None:
        if event.state is not LinkState.LOST or self._end_reason is not None:
            return
        if self._state is S.LINK_LOST:
            return
        before = self._state
        self._cancel_flow()
        if self._stop_task is not None and not self._stop_task.done():
            self._stop_task.cancel()
            self._stop_requested_while_lost = True
        moving = self._belt_running or before in _MOVING
        speed = self._actual_kmh or 0.0
        self._belt_running = False
        self._policy.motion_stopped()
        if before in (S.STOPPED, S.STOPPING):
            self._stop_requested_while_lost = True
        self._lost_from = before
        self._cue(CueKind.ALARM, "Connection lost!")
        belt = (
            f"The belt may still be running at {speed:.1f} km/h: use the console or pull the "
            "safety key. "
            if moving
            else ""
        )
        self._alert(
            AlertLevel.DANGER,
            f"Connection to the treadmill lost. {belt}Reconnecting…",
            "link_lost",
        )
        self._transition(E.LINK_LOST)
        self._spawn(self._reconnect(), "reconnect")

    async def _reconnect(self) -> None:
        """Reconnect to the same address; STOP first; then wait for the user."""
        started = self._now()
        attempt = 0
        caps: Capabilities | None = None
        while caps is None:
            delay = RECONNECT_DELAYS_S[min(attempt, len(RECONNECT_DELAYS_S) - 1)]
            attempt += 1
            await asyncio.sleep(delay)
            if self._state is not S.LINK_LOST:
                return
            try:
                caps = await self._link.connect()
            except TreadmillError as exc:
                log.info("reconnect attempt %d failed: %s", attempt, exc)
                if self._now() - started > RECONNECT_WINDOW_S and not self._user_can_act():
                    self._alert(
                        AlertLevel.DANGER, "Could not reconnect to the treadmill.", "link_lost"
                    )
                    self._end(EndReason.LINK_LOST)
                    return
        # STOP is the first command after a reconnect, whatever the session was doing.
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER)
        outcome = await self._link.stop()
        if not outcome.confirmed:
            self._stop_not_confirmed_alarm()
        self._belt_running = False
        self._policy.update_capabilities(caps)
        self._policy.motion_stopped()
        if self._stop_requested_while_lost or self._lost_from in (S.STOPPED, S.STOPPING):
            event = E.LINK_BACK_STOPPED
        elif not self._started_once:
            event = E.LINK_BACK_NOT_STARTED
        else:
            event = E.LINK_BACK
            self._stop_cause = EndReason.LINK_LOST
        self._stop_requested_while_lost = False
        if self._plan_complete():
            self._transition(E.LINK_BACK_STOPPED)
            self._end(EndReason.FINISHED)
            return
        self._alert(
            AlertLevel.INFO,
            "Reconnected. The belt was stopped; press "
            + ("resume" if event is E.LINK_BACK else "start")
            + " when you are ready.",
            "reconnected",
        )
        self._transition(event)

    # ---- safety watchdogs -------------------------------------------------------------

    def _check_overspeed(self, now: float) -> None:
        """STOP when the machine is not doing what it is told (not a console change we
        reflect): the belt clearly above the direction's cap, or, at a phase's speed, well
        above the set-point (e.g. a console that reads set-points in mph)."""
        if self._state not in _MOVING or self._hold_machine_speed or self._facing is None:
            self._overspeed_since = None
            return
        actual = self._actual_kmh or 0.0
        cap = self._policy.cap_kmh(self._facing)
        setpoint, _ = self._policy.last_setpoint
        above_cap = actual > cap + EXTRA_SAFETY_KMH
        above_setpoint = self._state is S.RUNNING_PHASE and actual > max(
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
        what = (
            f"above your {self._facing} cap {cap:.1f} km/h"
            if above_cap
            else f"instead of {setpoint:.1f} km/h (does its console read speeds in mph?)"
        )
        self._alert(
            AlertLevel.DANGER,
            f"The belt runs at {actual:.1f} km/h, {what}. Stopping.",
            "overspeed",
        )
        self._stop_cause = EndReason.STOPPED_BY_MACHINE
        if self._transition(E.COMMAND_REFUSED):
            self._start_stop("Stopping")

    def _check_still_moving(self, now: float) -> None:
        """Paused or stopped, yet the belt keeps running (not slowing down, not started from
        the console): STOP it. E.g. a console pause that crossed our own start."""
        stopping = any(t is not None and not t.done() for t in (self._stop_task, self._quiet_stop))
        speed = self._actual_kmh or 0.0
        if (
            self._state not in (S.PAUSED, S.STOPPED)
            or self._console_started
            or stopping
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
            AlertLevel.WARNING,
            f"The belt still runs at {speed:.1f} km/h while the session is "
            f"{self._state.value}: stopping it.",
            "still_moving",
        )
        self._quiet_stop = self._spawn(self._stop_quietly(), "stop-still-moving")

    async def _stop_quietly(self) -> None:
        """STOP without a state change (the session already waits for the user)."""
        self._expect_echo(MachineStatusKind.STOPPED_BY_USER)
        outcome = await self._link.stop()
        if not outcome.confirmed:
            self._stop_not_confirmed_alarm()

    def _check_hr_cap(self) -> None:
        """A new reading of the heart rate in use (the strap's while fresh, else the
        treadmill's). The cap policy (hr.cap) wants it above the cap for a second of readings
        in a backward block, so that one spike does not break the block. The slow-down is
        cued ``cue_lead_s`` before it starts, as every automatic change is."""
        cap = self._hr_cap
        if cap is None or cap.triggered or self._state not in _MOVING:
            return
        if self._index >= len(self._plan.phases):
            return
        phase = self._plan.phases[self._index]
        now = self._loop_time()
        hr, _source = self._hr.current(now)
        if not cap.check(hr, phase.direction.value, now).slows:
            return
        # Slow to the turning speed (never faster because of the heart rate).
        floor = max(self._turning_speed(), self._policy.machine_min_kmh)
        slower = min(floor, self._target_kmh())
        lead = float(self._settings.cue_lead_s)
        limit = cap.cap_bpm
        words = f"Heart rate above {limit}: slowing to {slower:.1f} in {lead:.0f}"
        self._cue(CueKind.SPEED, words, slower)
        self._alert(
            AlertLevel.WARNING,
            f"Heart rate {hr} is above your cap {limit} bpm: slowing to {slower:.1f} km/h "
            f"in {lead:.0f} s.",
            "hr_cap",
        )
        index = self._index

        def slow_down() -> None:
            self._hr_slow = None
            if self._index != index:
                return  # the block is over meanwhile
            if self._state not in _MOVING:
                # Paused or stopped meanwhile: judge the heart rate afresh once moving again.
                cap.reset()
                return
            self._override_kmh = min(self._target_kmh(), slower)
            self._hold_machine_speed = False
            self._poke()

        if self._loop is not None:
            self._hr_slow = self._loop.call_later(lead, slow_down)

    # ---- helpers -------------------------------------------------------------------------

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
        if self._index >= len(self._plan.phases) or self._facing is None:
            return False
        return self._plan.phases[self._index].direction is not self._facing

    def _speed_reached(self, target: float) -> bool:
        tol = max(self._policy.step_kmh / 2, 0.1) + 1e-6
        return self._actual_kmh is not None and abs(self._actual_kmh - target) <= tol

    def _phase_elapsed(self, now: float) -> float:
        running = 0.0
        if self._phase_clock_since is not None and self._state is S.RUNNING_PHASE:
            running = now - self._phase_clock_since
        return self._phase_done_s + running

    def _phase_remaining(self, now: float) -> float:
        if self._index >= len(self._plan.phases):
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

    def _complete_phase(self) -> None:
        now = self._now()
        phase = self._plan.phases[self._index]
        self._completed_s[phase.direction] += self._phase_elapsed(now)
        if phase.direction is Direction.BACKWARD and not self._skip:
            self._blocks_done += 1
        self._index += 1
        self._phase_done_s = 0.0
        self._phase_extra_s = 0.0
        if self._state is S.RUNNING_PHASE:
            self._phase_clock_since = now
        self._override_kmh = None
        self._hold_machine_speed = False
        if self._hr_cap is not None:
            self._hr_cap.reset()  # a new block is judged on its own readings
        if self._hr_slow is not None:
            self._hr_slow.cancel()
            self._hr_slow = None
        self._skip = False

    def _announce_phase(self) -> None:
        """The PhaseEvent and the speed cue, once per phase, before its first set-point."""
        if self._phase_announced == self._index:
            return
        self._phase_announced = self._index
        p = self._plan.phases[self._index]
        target = self._target_kmh()
        now = self._now()
        self._emit(
            PhaseEvent(
                now,
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
        incline = f", incline {p.incline_pct:g} %" if p.incline_pct else ""
        self._cue(CueKind.SPEED, f"{p.label}: speed {_spoken_kmh(target)}{incline}", target)

    def _announce_next(self, seconds: float) -> None:
        """The cue for the change at the end of the current phase."""
        nxt_index = self._index + 1
        secs = round(seconds)
        if nxt_index >= len(self._plan.phases):
            self._cue(
                CueKind.SESSION_DONE, f"Session done in {secs}" if secs else "Session done", secs
            )
            return
        current, nxt = self._plan.phases[self._index], self._plan.phases[nxt_index]
        if nxt.direction is not current.direction:
            self._cue(
                CueKind.TURN_AROUND,
                f"Turn around coming: slowing down in {secs}"
                if secs
                else "Turn around: slowing down",
                secs,
            )
            return
        speed = self._policy.allowed_target(
            nxt.direction, self._plan.resolved_speed(nxt, self._settings.backward_default_kmh)
        ).kmh
        if abs(speed - self._target_kmh()) > 1e-6:
            word = "up" if speed > self._target_kmh() else "down"
            self._cue(CueKind.SPEED, f"Speed {word} to {_spoken_kmh(speed)} in {secs}", speed)

    def _direction_cue(self, phase: Phase, seconds: int, *, starting: bool) -> None:
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
                self._cue(CueKind.LAST_BLOCK, "Last block", None)
        verb = "Starting" if starting else "Turn around"
        self._cue(kind, f"{verb}: {phase.direction} in {seconds}", seconds)

    def _check_plan_against_machine(self) -> None:
        for phase in self._plan.phases:
            speed = self._plan.resolved_speed(phase, self._settings.backward_default_kmh)
            decision = self._policy.allowed_target(phase.direction, speed)
            if decision.limited_by:
                self._alert(
                    AlertLevel.INFO,
                    f"{phase.label} at {speed:g} km/h will run at {decision.kmh:g} km/h "
                    f"({decision.limited_by}).",
                    "speed_limited",
                )
                break

    def _expect_echo(self, kind: MachineStatusKind) -> None:
        """Our next command will make the machine notify ``kind``: that one is not news."""
        self._expected_echo.append((kind, self._now() + ECHO_WINDOW_S))

    def _settle_echo(self, kind: MachineStatusKind) -> None:
        """The command was answered: its status comes now or never (shortly after at most).
        Not for STOP: the link may report it confirmed (by the speed) before the machine's
        answer and status arrive."""
        soon = self._now() + ECHO_SETTLE_S
        self._expected_echo = deque(
            (k, min(expiry, soon) if k is kind else expiry) for k, expiry in self._expected_echo
        )

    def _is_echo(self, status: MachineStatus) -> bool:
        now = self._now()
        while self._expected_echo and self._expected_echo[0][1] < now:
            self._expected_echo.popleft()
        for i, (kind, _) in enumerate(self._expected_echo):
            if kind is status.kind:
                del self._expected_echo[i]
                return True
        return False

    def _user_can_act(self) -> bool:
        if self._user_available is None:
            return True
        try:
            return bool(self._user_available())
        except Exception:  # a broken callback must not keep a headless run alive forever
            log.exception("user_available callback failed")
            return False

    def _watch_for_user(self) -> None:
        if self._user_available is None or self._loop is None:
            return
        self._spawn(self._watch_for_user_task(self._state_serial), "watch-user")

    async def _watch_for_user_task(self, serial: int) -> None:
        while self._state_serial == serial and self._end_reason is None:
            if not self._user_can_act():
                reason = self._stop_cause
                if self._state is S.IDLE and not self._started_once:
                    reason = EndReason.STOPPED_BY_USER
                self._end(reason)
                return
            await asyncio.sleep(USER_POLL_S)

    def _defer(self, action: Callable[[], None]) -> bool:
        """Until ``run()`` has connected, user actions are queued (and done right after)."""
        if not self._ready:
            self._queued_actions.append(action)
            return True
        return self._end_reason is not None

    def _poke(self) -> None:
        if self._wake is not None:
            self._wake.set()

    async def _sleep_or_wake(self, seconds: float) -> None:
        assert self._wake is not None
        self._wake.clear()
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._wake.wait()

    async def _wait_data_or_wake(self, seconds: float) -> None:
        assert self._data_seen is not None
        assert self._wake is not None
        self._data_seen.clear()
        self._wake.clear()
        waits = [
            asyncio.ensure_future(self._data_seen.wait()),
            asyncio.ensure_future(self._wake.wait()),
        ]
        try:
            await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waits:
                w.cancel()

    async def _wait_for(self, condition: Callable[[], bool], within_s: float) -> bool:
        """Wait (on data updates) until ``condition()`` holds; False after ``within_s``."""
        assert self._data_seen is not None
        deadline = self._now() + within_s
        while not condition():
            left = deadline - self._now()
            if left <= 0:
                return False
            self._data_seen.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(min(left, 1.0)):
                    await self._data_seen.wait()
        return True

    def _spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        # The engine's loop, not "the running loop": a UI callback may come between iterations.
        loop = self._loop or asyncio.get_running_loop()
        task = loop.create_task(coro, name=f"session-{name}")
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("session task %s failed", task.get_name(), exc_info=exc)
            self._fatal(f"internal error ({exc})")

    def _fatal(self, message: str) -> None:
        if self._end_reason is not None:
            return
        self._alert(AlertLevel.DANGER, f"The session stopped on an {message}.", "error")
        self._stop_cause = EndReason.ERROR
        self._end_requested = True
        self._cancel_flow()
        self._end(EndReason.ERROR)

    def _end(self, reason: EndReason) -> None:
        if self._end_reason is not None:
            return
        self._end_reason = reason
        if self._hr_slow is not None:
            self._hr_slow.cancel()
            self._hr_slow = None
        if self._done is not None and not self._done.done():
            self._done.set_result(reason)

    async def _shutdown(self) -> None:
        """After the end: no task left behind, the belt stopped if it may move, the end event."""
        self._cancel_flow()
        current = asyncio.current_task()
        pending = [t for t in self._tasks if t is not current and t is not self._stop_task]
        for t in pending:
            t.cancel()
        if self._stop_task is not None and not self._stop_task.done():
            with contextlib.suppress(asyncio.CancelledError, TreadmillError):
                await asyncio.shield(self._stop_task)
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        if self._stop_answered is not None and not self._stop_answered.is_set():
            # The link may confirm a STOP (by status or speed) before the machine's answer:
            # wait for it, so that the record has every command's result.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(STOP_ANSWER_WAIT_S):
                    await self._stop_answered.wait()
        may_move = self._belt_running or self._state in (*_MOVING, S.PAUSED, S.FINISHING)
        if may_move and self._link.state is LinkState.CONNECTED:
            with contextlib.suppress(TreadmillError):
                outcome = await asyncio.shield(self._link.stop())
                if not outcome.confirmed:
                    self._stop_not_confirmed_alarm()
            self._belt_running = False
        self._emit(EndEvent(self._now(), self._end_reason or EndReason.ERROR))
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []

    def _now(self) -> float:
        if self._t0 is None or self._loop is None:
            return 0.0
        return self._loop.time() - self._t0

    def _loop_time(self) -> float:
        return self._loop.time() if self._loop is not None else 0.0

    def _emit(self, event: SessionEvent) -> None:
        if isinstance(event, AlertEvent):
            self._last_alert = event
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # one broken listener must not stop the session or the others
                log.exception("session event listener failed on %r", event)

    def _cue(self, kind: CueKind, text: str, value: float | int | str | None = None) -> None:
        self._emit(CueEvent(self._now(), text, kind, value))

    def _alert(self, level: AlertLevel, message: str, code: str = "") -> None:
        (log.warning if level is not AlertLevel.INFO else log.info)("%s", message)
        self._emit(AlertEvent(self._now(), level, message, code))

    def _info(self, message: str) -> None:
        self._alert(AlertLevel.INFO, message, "ignored")


def _result_words(outcome: CommandOutcome) -> str:
    words = {
        Result.NOT_SUPPORTED: "not supported by the treadmill",
        Result.INVALID_PARAMETER: "refused (invalid value)",
        Result.FAILED: "refused by the treadmill",
        Result.NOT_PERMITTED: "control not permitted",
        Result.TIMEOUT: "no answer from the treadmill",
        Result.ERROR: "error",
    }
    text = words.get(outcome.result, str(outcome.result))
    return f"{text} ({outcome.detail})" if outcome.detail else text


def _spoken_kmh(kmh: float) -> str:
    return f"{kmh:.1f}"
