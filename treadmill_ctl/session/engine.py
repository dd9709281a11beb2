"""The session engine: runs a plan on a treadmill with the safety rules enforced.

Public API (used by the GUI bridge, the headless ``run`` command and the history recorder):

    engine = SessionEngine(link, plan, settings, listener=on_event)
    task = asyncio.create_task(engine.run())      # -> EndReason
    engine.user_start() / user_stop() / user_pause() / user_resume() / user_toggle_pause()
    engine.user_skip() / user_extend(30) / user_speed_delta(+0.1) / user_end()
    engine.report_heart_rate(bpm)                  # an external strap, if any
    engine.snapshot()                              # -> SessionSnapshot, for the screen

User actions are plain synchronous methods, safe to call from UI callbacks at any time: they
go to the machine at once and never raise for bad timing (an action that makes no sense in the
current state is ignored with an ``info`` alert). ``user_stop`` pre-empts everything.

How it works: a facade over two parts. ``SessionMachine`` (session.machine) is the whole
session as a pure state machine: inputs in, effects out, every state change in its tables
(session.transitions, session.flow), every set-point through the ``SafetyPolicy``.
``SessionRunner`` (session.runner) carries the effects out on the link and feeds the outcomes
back; STOP never waits behind anything.

Time: one clock, the running event loop's. Event ``t`` values are seconds since ``run()``
connected.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from treadmill_ctl.ftms.api import TreadmillControl
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import EndReason, SessionEvent, SessionState
from treadmill_ctl.session.machine import SessionMachine
from treadmill_ctl.session.machine_quirks import MachineSessionSettings
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.session.policy import SafetyPolicy
from treadmill_ctl.session.position import PhaseInfo, SessionSnapshot
from treadmill_ctl.session.runner import SessionRunner
from treadmill_ctl.session.transitions import TRANSITIONS, EngineEvent
from treadmill_ctl.settings import Settings
from treadmill_ctl.units import Direction

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

type EventListener = Callable[[SessionEvent], None]


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
        timing: MachineSessionSettings | None = None,
    ) -> None:
        """``user_available`` answers "can a user still act?" whenever the engine would wait
        for one (before the start, after STOP, a machine stop, a pause, a reconnect). The GUI
        leaves it ``None`` (a user is always there); a headless run answers whether a later
        ``--inject`` action is pending, and ``run()`` ends when it says no."""
        self._link = link
        self._machine = SessionMachine(
            plan, settings, watch_user=user_available is not None, timing=timing
        )
        self._machine.policy.update_capabilities(link.capabilities)
        self._listeners: list[EventListener] = [listener] if listener else []
        self._runner = SessionRunner(
            self._machine, link, self._listeners, user_available=user_available
        )
        self._ran = False
        self._ready = False  # run() connected: session time runs, user actions apply
        self._queued: list[io.User] = []
        self._started = asyncio.Event()

    # ---- public ------------------------------------------------------------------------

    def add_listener(self, listener: EventListener) -> Callable[[], None]:
        """Receive every event from now on; returns a function that removes the listener."""
        self._listeners.append(listener)

        def remove() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return remove

    @property
    def machine(self) -> SessionMachine:
        """The pure machine behind this engine (read-only use)."""
        return self._machine

    @property
    def facing(self) -> Direction | None:
        """The direction the runner was last told to face (None before the first phase)."""
        return self._machine.facing

    @property
    def state(self) -> SessionState:
        return self._machine.state

    @property
    def plan(self) -> Plan:
        return self._machine.plan

    @property
    def policy(self) -> SafetyPolicy:
        """The safety policy every set-point goes through (read-only use)."""
        return self._machine.policy

    @property
    def end_reason(self) -> EndReason | None:
        return self._machine.end_reason

    @property
    def started_at(self) -> float | None:
        """Loop time of session time 0 (every event's ``t`` counts from it): when ``run()``
        had connected to the treadmill. ``None`` before."""
        return self._machine.started_at

    async def wait_started(self) -> float:
        """Wait until session time runs (``run()`` connected, or failed to); returns
        ``started_at``."""
        await self._started.wait()
        t0 = self._machine.started_at
        assert t0 is not None
        return t0

    def snapshot(self) -> SessionSnapshot:
        """The session as the screen shows it, now."""
        return self._machine.snapshot(self._runner.time(), self._link.state)

    async def run(self) -> EndReason:
        """Run the session until the plan is finished, the user ends it, or (headless) the
        engine waits for a user and none will come. Cancelling it stops the belt first."""
        if self._ran:
            raise RuntimeError("a SessionEngine runs once")
        self._ran = True
        return await self._runner.run(self._on_started)

    def _on_started(self) -> None:
        self._ready = True
        self._started.set()
        queued, self._queued = self._queued, []
        for action in queued:
            self._runner.feed(io.User(self._runner.time(), action.action, action.value))

    # ---- user actions ------------------------------------------------------------------

    def _user(self, action: io.UserAction, value: float = 0.0) -> None:
        if not self._ready:  # until run() has connected, user actions are queued
            self._queued.append(io.User(0.0, action, value))
            return
        self._runner.feed(io.User(self._runner.time(), action, value))

    def user_start(self) -> None:
        """Start the session (IDLE) or start again after a stop (STOPPED): countdown, then the
        belt starts and ramps up. The only way the belt starts moving."""
        self._user(io.UserAction.START)

    def user_stop(self) -> None:
        """STOP: pre-empts everything, written to the machine at once and confirmed."""
        self._user(io.UserAction.STOP)

    def user_pause(self) -> None:
        """Pause the belt; the phase clock holds."""
        self._user(io.UserAction.PAUSE)

    def user_resume(self) -> None:
        """Resume after a pause: countdown, then ramp up to the phase's speed (at a pending
        turn-around the countdown is the turn's, with its direction cues)."""
        self._user(io.UserAction.RESUME)

    def user_toggle_pause(self) -> None:
        """Pause when running, resume when paused (the P key)."""
        self._user(io.UserAction.TOGGLE_PAUSE)

    def user_skip(self) -> None:
        """End the current phase now (the usual cues and turn-around follow)."""
        self._user(io.UserAction.SKIP)

    def user_extend(self, seconds: float = 30.0) -> None:
        """Add ``seconds`` to the current phase."""
        self._user(io.UserAction.EXTEND, seconds)

    def user_speed_delta(self, delta_kmh: float) -> None:
        """Change the current phase's speed by ``delta_kmh`` within the caps (ramped); holds
        for this phase only."""
        self._user(io.UserAction.SPEED, delta_kmh)

    def user_end(self) -> None:
        """End the session: the belt is stopped first if it may move; ``run()`` returns."""
        self._user(io.UserAction.END)

    def report_heart_rate(self, bpm: int | None) -> None:
        """Heart rate from an external strap (preferred to the treadmill's own field while it
        has a value; None: no contact or the strap was lost, the treadmill's is used again).
        Recorded as an ``hr`` event while the session runs; it can only ever slow a backward
        block (the HR cap), never start, stop or speed up the belt."""
        self._runner.feed(io.HeartRate(self._runner.time(), bpm))
