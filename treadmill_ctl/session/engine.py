"""The session engine: runs a plan on a treadmill with the safety rules enforced.

Public API (used by the GUI bridge, the headless ``run`` command and the history recorder):

    engine = SessionEngine(link, plan, settings, listener=on_event)
    task = asyncio.create_task(engine.run())      # -> EndReason
    engine.user_start() / user_stop() / user_pause() / user_resume() / user_skip()
    engine.user_extend(30) / user_speed_delta(+0.1) / user_end()
    engine.snapshot()                              # -> SessionSnapshot, for the screen

User actions are plain synchronous methods, safe to call from UI callbacks at any time: they
schedule work on the event loop and never raise for bad timing (an action that makes no sense
in the current state is ignored with an ``info`` alert). ``user_stop`` pre-empts everything.

Time: one clock, the running event loop's. Event ``t`` values are seconds since ``run()``
started.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from treadmill_ctl.ftms.api import TreadmillControl
from treadmill_ctl.ftms.model import LinkState
from treadmill_ctl.session.events import (
    AlertEvent,
    CountdownReason,
    EndReason,
    SessionEvent,
    SessionState,
)
from treadmill_ctl.session.plan import Direction, PhaseKind, Plan
from treadmill_ctl.settings import Settings

__all__ = [
    "EndReason",
    "EngineEvent",
    "PhaseInfo",
    "SessionEngine",
    "SessionSnapshot",
    "SessionState",
]

type EventListener = Callable[[SessionEvent], None]


class EngineEvent(enum.StrEnum):
    """What drives the state machine: user actions, the clock, the plan and the link."""

    USER_START = "user_start"
    USER_STOP = "user_stop"
    USER_PAUSE = "user_pause"
    USER_RESUME = "user_resume"
    USER_SKIP = "user_skip"
    USER_END = "user_end"
    COUNTDOWN_DONE = "countdown_done"
    TARGET_REACHED = "target_reached"
    PHASE_DONE_SAME_DIRECTION = "phase_done_same_direction"
    PHASE_DONE_TURN = "phase_done_turn"
    PLAN_DONE = "plan_done"
    BELT_AT_TURNING_SPEED = "belt_at_turning_speed"
    STOP_CONFIRMED = "stop_confirmed"
    MACHINE_STOPPED = "machine_stopped"  # safety key, console stop
    MACHINE_PAUSED = "machine_paused"  # console pause
    COMMAND_REFUSED = "command_refused"  # start refused, control not permitted after re-request
    LINK_LOST = "link_lost"
    LINK_BACK = "link_back"  # reconnected and STOP sent: the session waits paused


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
    """Everything the session screen shows, at one instant (cheap; poll it or read it on each
    event)."""

    t: float  # session time, s
    state: SessionState
    phase: PhaseInfo | None  # the current phase (None before start / after the end)
    phase_count: int
    phase_elapsed_s: float  # time at speed in this phase
    phase_remaining_s: float  # including extensions
    next_phase: PhaseInfo | None
    target_speed_kmh: float | None  # what the phase (with the user's ±) asks for
    setpoint_kmh: float | None  # the last set-point the machine accepted
    actual_speed_kmh: float | None  # reported by the machine
    incline_pct: float | None
    distance_m: float  # this session's distance
    hr_bpm: int | None
    elapsed_s: float  # session time since the belt first started
    total_s: float  # planned time at speed (plus extensions)
    done_s: float  # time at speed done so far
    backward_s: float  # time at speed spent backward
    forward_s: float
    blocks_done: int  # backward phases completed
    blocks_total: int
    countdown_remaining_s: int | None
    countdown_reason: CountdownReason | None
    link_state: LinkState
    last_alert: AlertEvent | None
    waiting_for: str | None  # "start", "resume", "reconnect" or None: what the user can do
    end_reason: EndReason | None


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
        for one (after STOP, a machine stop, a pause, a reconnect). The GUI leaves it ``None``
        (a user is always there); a headless run answers whether a later ``--inject`` action
        is pending, and ``run()`` ends when it says no."""
        raise NotImplementedError

    def add_listener(self, listener: EventListener) -> Callable[[], None]:
        """Receive every event from now on; returns a function that removes the listener."""
        raise NotImplementedError

    @property
    def state(self) -> SessionState:
        raise NotImplementedError

    @property
    def plan(self) -> Plan:
        raise NotImplementedError

    def snapshot(self) -> SessionSnapshot:
        raise NotImplementedError

    async def run(self) -> EndReason:
        """Run the session until the plan is finished, the user ends it, or (headless) the
        engine waits for a user and none will come. Cancelling it stops the belt first."""
        raise NotImplementedError

    # ---- user actions: synchronous, callable from UI callbacks at any time ----

    def user_start(self) -> None:
        """Start the session (IDLE) or start again after a stop (STOPPED): countdown, then the
        belt starts and ramps up. The only way the belt starts moving."""
        raise NotImplementedError

    def user_stop(self) -> None:
        """STOP: pre-empts everything, written to the machine at once and confirmed."""
        raise NotImplementedError

    def user_pause(self) -> None:
        """Pause the belt; the phase clock holds."""
        raise NotImplementedError

    def user_resume(self) -> None:
        """Resume after a pause: countdown, then ramp up to the phase's speed."""
        raise NotImplementedError

    def user_toggle_pause(self) -> None:
        """Pause when running, resume when paused (the P key)."""
        raise NotImplementedError

    def user_skip(self) -> None:
        """End the current phase now (with the usual cues and turn-around)."""
        raise NotImplementedError

    def user_extend(self, seconds: float = 30.0) -> None:
        """Add ``seconds`` to the current phase."""
        raise NotImplementedError

    def user_speed_delta(self, delta_kmh: float) -> None:
        """Change the current phase's speed by ``delta_kmh`` (within the caps, ramped); holds
        for this phase only."""
        raise NotImplementedError

    def user_end(self) -> None:
        """End the session (stops the belt first if it moves); ``run()`` returns."""
        raise NotImplementedError
