"""One headless session of the fault matrix: the virtual treadmill, the real link and the
session engine on a fast-forwarded loop, with user actions and faults fired at given session
times (``TimedAction``, the safety audit's names), and what the session did (``SessionRun``:
its events, the control-point writes the machine received, how it ended, errors logged).

``run_session`` runs one from start to end; ``LiveSession`` is the same session held open, so
that ``fault_matrix.run_scenarios_forked`` can fork it at a session time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from treadmill_ctl.errors import TreadmillError
from treadmill_ctl.ftms.model import SettingRange
from treadmill_ctl.proof.audit_model import USER_ACTIONS, ControlWrite, TimedAction
from treadmill_ctl.session.clock import SpeedupEventLoop
from treadmill_ctl.session.engine import SessionEngine
from treadmill_ctl.session.events import SessionEvent
from treadmill_ctl.session.headless import inject_actions, target_unit_for
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import RememberTarget, SimProfile, SpeedWhenStopped
from treadmill_ctl.sim.treadmill import VirtualTreadmill
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link

__all__ = [
    "MALFORMED_BURST",
    "LiveSession",
    "SessionRun",
    "kmh_per_console_unit",
    "run_session",
    "speed_range_kmh",
]

log = logging.getLogger(__name__)

LATE_START_DELAY_S: Final = 12.0  # "a belt that starts late": longer than the 10 s wait

# One burst of garbage on every notifying characteristic.
MALFORMED_BURST: Final[tuple[tuple[str, bytes], ...]] = (
    ("2acd", b"\x84\x24\xc8"),  # Treadmill Data cut short: flags promise 15 more bytes
    ("2acd", b"\x01"),  # not even the flags
    ("2ada", b"\x05\x96"),  # target speed changed, value cut off
    ("2ada", b""),
    ("2ad3", b"\x01"),  # Training Status without its status byte
    ("2ad9", b"\x80\x02"),  # a response without its result
    ("2ad9", b"\x80\x02\x01"),  # a success nobody asked for
)


class _ErrorRecords(logging.Handler):
    """Log records that say something broke: ERROR and above, or carrying an exception."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info is not None:
            self.messages.append(f"{record.name}: {record.getMessage()}")


def kmh_per_console_unit(profile: SimProfile) -> float:
    """km/h per unit of the speeds the machine's console reads and writes (1.609344: mph)."""
    return KMH_PER_MPH if profile.speed_unit is SpeedUnit.MPH else 1.0


def speed_range_kmh(profile: SimProfile) -> SettingRange:
    """The machine's real speed range in km/h (its console may count in mph)."""
    k = kmh_per_console_unit(profile)
    return SettingRange(
        round(profile.speed_min * k, 3), round(profile.speed_max * k, 3), profile.speed_step * k
    )


@dataclass
class SessionRun:
    """What one headless session did: its events, the writes the machine got (session
    seconds), the actions fired, how it ended, the belt at the end, errors logged."""

    events: list[dict[str, Any]]
    writes: list[ControlWrite]
    fired: list[TimedAction]
    end_reason: str
    belt_state: str
    belt_kmh: float
    errors: list[str]


def _fire(
    name: str,
    engine: SessionEngine,
    device: VirtualTreadmill,
    on_console_stop: Callable[[], None] | None = None,
) -> None:
    actions: dict[str, Callable[[], None]] = {
        **inject_actions(engine, device),
        "unanswered": device.swallow_next_command,
        "malformed": lambda: _send_malformed_burst(device),
        "console-stop-at-start": lambda: device.console_stop_at_next_start(on_console_stop),
        "late-start": lambda: device.change_profile(start_delay_s=LATE_START_DELAY_S),
        "remembering-console": lambda: device.change_profile(
            remember_target=RememberTarget.ALWAYS,
            speed_when_paused=SpeedWhenStopped.REJECT,
            speed_when_stopped=SpeedWhenStopped.REJECT,
        ),
    }
    actions[name]()


def _send_malformed_burst(device: VirtualTreadmill) -> None:
    for uuid, data in MALFORMED_BURST:
        device.send_malformed(uuid, data)


class LiveSession:
    """One headless session on the running loop: the virtual treadmill, the link, the engine,
    the recorded events, and the timed actions (``schedule``). ``until`` lets it run to a
    session time, where ``fault_matrix.run_scenarios_forked`` forks the process so that each
    child runs a different scenario from the same past."""

    def __init__(self, plan: Plan, settings: Settings, profile: SimProfile) -> None:
        self.plan, self.settings, self.profile = plan, settings, profile
        self.device = VirtualTreadmill(profile)
        self.events: list[dict[str, Any]] = []
        self.fired: list[TimedAction] = []
        self.pending: list[TimedAction] = []
        self.handles: list[asyncio.TimerHandle] = []
        self.origin = 0.0
        self.errors = _ErrorRecords()

    def _user_action_pending(self) -> bool:
        return any(a.name in USER_ACTIONS for a in self.pending if a not in self.fired)

    def _record(self, event: SessionEvent) -> None:
        self.events.append(event.to_json())

    async def start(self) -> None:
        """Connect, press start (the session's explicit user start), and wait for session
        time 0."""
        loop = asyncio.get_running_loop()
        logging.getLogger().addHandler(self.errors)
        self.link, _ = await open_simulated_link(
            self.profile,
            device=self.device,
            connect=False,
            target_unit=target_unit_for(self.profile),
        )
        self.engine = SessionEngine(
            self.link,
            self.plan,
            self.settings,
            listener=self._record,
            user_available=self._user_action_pending,
        )
        self.engine.user_start()
        self.task = loop.create_task(self.engine.run(), name="fault-matrix-session")
        started = loop.create_task(self.engine.wait_started())
        await asyncio.wait({self.task, started}, return_when=asyncio.FIRST_COMPLETED)
        started.cancel()
        self.origin = self.engine.started_at or loop.time()

    def schedule(self, actions: Sequence[TimedAction], *, stop_at_s: float | None) -> None:
        """Fire ``actions`` at their session times (not the start at 0: ``start`` did it) and
        a user STOP at ``stop_at_s`` if the session still runs then."""
        loop = asyncio.get_running_loop()
        todo = [a for a in actions if not (a.name == "start" and a.t == 0.0)]
        self.pending += todo
        self.handles += [loop.call_at(self.origin + a.t, self._fire, a) for a in todo]
        if stop_at_s is not None:
            self.handles.append(loop.call_at(self.origin + stop_at_s, self._window_end, stop_at_s))

    def _fire(self, action: TimedAction) -> None:
        self.fired.append(action)
        try:
            _fire(action.name, self.engine, self.device, self._console_stopped)
        except Exception:  # an injection must not kill the loop: the error log shows it
            log.exception("injecting %s failed", action.name)

    def _console_stopped(self) -> None:
        """A console stop that raced our Start happened now: the audit holds from here."""
        t = asyncio.get_running_loop().time() - self.origin
        self.fired.append(TimedAction(t, "console-stop"))

    def _window_end(self, at_s: float) -> None:
        if self.engine.end_reason is None:
            self.fired.append(TimedAction(at_s, "stop"))
            self.engine.user_stop()

    async def until(self, t: float) -> bool:
        """Let the session run until session time ``t``; False if it ended before."""
        loop = asyncio.get_running_loop()
        delay = self.origin + t - loop.time()
        if delay > 0:
            await asyncio.wait({self.task}, timeout=delay)
        return not self.task.done()

    async def finish(self) -> SessionRun:
        """Wait for the session's end and collect what it did."""
        try:
            try:
                reason = str(await self.task)
            except TreadmillError as exc:
                self.errors.messages.append(f"run failed: {exc}")
                reason = "error"
            belt_state, belt_kmh = str(self.device.state), self.device.belt_speed_kmh
        finally:
            for h in self.handles:
                h.cancel()
            writes = [ControlWrite(t - self.origin, d) for t, d in self.device.control_writes]
            with contextlib.suppress(TreadmillError):
                await close_simulated_link(self.link, self.device)
            logging.getLogger().removeHandler(self.errors)
        return SessionRun(
            self.events,
            writes,
            self.fired,
            reason,
            belt_state,
            belt_kmh,
            self.errors.messages,
        )

    async def abandon(self) -> None:
        """End a session nobody needs any more (the base of a set of branches)."""
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError, TreadmillError):
            await self.task
        with contextlib.suppress(TreadmillError):
            await close_simulated_link(self.link, self.device)
        logging.getLogger().removeHandler(self.errors)


async def _run_session(
    plan: Plan,
    settings: Settings,
    profile: SimProfile,
    actions: Sequence[TimedAction],
    *,
    stop_at_s: float | None,
) -> SessionRun:
    session = LiveSession(plan, settings, profile)
    await session.start()
    session.schedule(actions, stop_at_s=stop_at_s)
    return await session.finish()


def run_session(
    plan: Plan,
    settings: Settings,
    profile: SimProfile,
    actions: Sequence[TimedAction] = (TimedAction(0.0, "start"),),
    *,
    stop_at_s: float | None = None,
) -> SessionRun:
    """One headless session on a fresh fast-forwarded loop, with ``actions`` (user actions and
    faults, ``safety_audit`` names) at their session times (the start at 0 is the engine's own
    ``user_start`` before ``run()``) and a user STOP at ``stop_at_s`` if the session still runs
    then."""
    with asyncio.Runner(loop_factory=lambda: SpeedupEventLoop(math.inf)) as runner:
        return runner.run(_run_session(plan, settings, profile, actions, stop_at_s=stop_at_s))
