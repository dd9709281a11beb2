"""The session screen's bridge over the session engine.

It owns the engine of the current session: made when both a connected link (``use_link``) and
a plan (``use_plan``) are known, run as a kept task on the app's loop, and driven by the slots
(``start``, ``stop``, ``pause``...). What the screen shows is read from ``engine.snapshot()`` on
every engine event and ten times a second (for the clocks), formatted here, and published as
properties in small groups; each group's notify signal is emitted only when one of its values
really changed. Cue events go to the cue player (sound) as they arrive.

STOP never waits: ``stop()`` calls ``engine.user_stop()`` synchronously (the engine writes STOP
to the machine at once); with no engine it still sends STOP over the link.
"""

from __future__ import annotations

import collections
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app import formatting
from treadmill_ctl.app.context import AppContext, NoticeLevel, Screen
from treadmill_ctl.app.qt import Property, QmlElement, QmlUncreatable, QObject, QTimer, Signal, Slot
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.ftms.api import TreadmillControl
from treadmill_ctl.ftms.model import LinkState
from treadmill_ctl.session.events import (
    AlertEvent,
    AlertLevel,
    CountdownReason,
    CueEvent,
    EndEvent,
    EndReason,
    SessionEvent,
    SessionState,
)
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.statistics import SessionTally, clock_text, plural
from treadmill_ctl.units import Direction

if TYPE_CHECKING:
    import asyncio

    from treadmill_ctl.app.sound import CuePlayer
    from treadmill_ctl.history import SessionRecorder
    from treadmill_ctl.session.engine import SessionEngine, SessionSnapshot

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)


def load_engine() -> type[SessionEngine]:
    """The session engine, imported on first need (and with it the history that records it):
    the app's window shows before they are loaded, and the app loads them right after."""
    from treadmill_ctl import history  # noqa: PLC0415, F401 - see the docstring
    from treadmill_ctl.session.engine import SessionEngine  # noqa: PLC0415 - as above

    return SessionEngine


REFRESH_MS: Final = 100
REFRESH_DELAY_S: Final = 0.002  # event -> screen update (coalesced)
EXTEND_S: Final = 30.0

# While the engine is in one of these states the belt may move or is about to: STOP is shown on
# every screen and the app's keys act on the session.
_ACTIVE_STATES: Final = frozenset(
    {
        SessionState.STARTING_COUNTDOWN,
        SessionState.RAMPING,
        SessionState.RUNNING_PHASE,
        SessionState.SLOWING_TO_TURN,
        SessionState.TURN_COUNTDOWN,
        SessionState.PAUSED,
        SessionState.RESUME_COUNTDOWN,
        SessionState.STOPPING,
        SessionState.FINISHING,
        SessionState.LINK_LOST,
    }
)
_MOVING_STATES: Final = frozenset(
    {
        SessionState.RAMPING,
        SessionState.RUNNING_PHASE,
        SessionState.SLOWING_TO_TURN,
        SessionState.FINISHING,
    }
)
# Pausing holds these (a countdown included: safety.md, "STOP or pause during the countdown
# holds it").
_PAUSABLE_STATES: Final = frozenset(
    {
        SessionState.STARTING_COUNTDOWN,
        SessionState.RAMPING,
        SessionState.RUNNING_PHASE,
        SessionState.SLOWING_TO_TURN,
        SessionState.TURN_COUNTDOWN,
        SessionState.RESUME_COUNTDOWN,
    }
)
_STATE_TEXT: Final[dict[SessionState, str]] = {
    SessionState.IDLE: "Ready",
    SessionState.STARTING_COUNTDOWN: "Starting",
    SessionState.RAMPING: "Changing speed",
    SessionState.RUNNING_PHASE: "Running",
    SessionState.SLOWING_TO_TURN: "Slowing down to turn",
    SessionState.TURN_COUNTDOWN: "Turn around",
    SessionState.PAUSED: "Paused",
    SessionState.RESUME_COUNTDOWN: "Resuming",
    SessionState.STOPPING: "Stopping",
    SessionState.FINISHING: "Finishing",
    SessionState.STOPPED: "Stopped",
    SessionState.FINISHED: "Finished",
    SessionState.LINK_LOST: "Connection lost",
}
_LINK_TEXT: Final[dict[LinkState, str]] = {
    LinkState.DISCONNECTED: "Not connected",
    LinkState.CONNECTING: "Connecting…",
    LinkState.CONNECTED: "Connected",
    LinkState.LOST: "Connection lost",
}
# Alerts the screens show as banners of their own (not as passing notices).
_BANNER_ALERTS: Final = frozenset({"link_lost", "stop_pending", "stop_not_confirmed"})

_COUNTDOWN_TITLE: Final[dict[CountdownReason, str]] = {
    CountdownReason.START: "Starting in",
    CountdownReason.TURN: "Turn around",
    CountdownReason.RESUME: "Resuming in",
}


def _direction(value: Direction | None) -> str:
    return str(value) if value is not None else ""


# The big word on the session screen and its tone (the colour QML gives it): the direction
# while the belt runs a phase, otherwise what the session is doing.
_HEADLINES: Final[dict[SessionState, tuple[str, str]]] = {
    SessionState.IDLE: ("READY", "neutral"),
    SessionState.STARTING_COUNTDOWN: ("GET READY", "neutral"),
    SessionState.SLOWING_TO_TURN: ("TURN AROUND", "turn"),
    SessionState.TURN_COUNTDOWN: ("TURN AROUND", "turn"),
    SessionState.PAUSED: ("PAUSED", "paused"),
    SessionState.RESUME_COUNTDOWN: ("GET READY", "neutral"),
    SessionState.STOPPING: ("STOPPING", "stop"),
    SessionState.FINISHING: ("SLOWING DOWN", "neutral"),
    SessionState.STOPPED: ("STOPPED", "stop"),
    SessionState.FINISHED: ("DONE", "neutral"),
    SessionState.LINK_LOST: ("CONNECTION LOST", "stop"),
}


def _plan_json(plan: Plan, settings: Any) -> dict[str, Any]:
    """The plan as the history's session header carries it."""
    backward_default = float(getattr(settings, "backward_default_kmh", 3.0))
    return {
        "phases": [
            {
                "kind": str(p.kind),
                "direction": str(p.direction),
                "speed_kmh": plan.resolved_speed(p, backward_default),
                "duration_s": p.duration_s,
                "incline_pct": p.incline_pct,
            }
            for p in plan.phases
        ]
    }


def _headline(state: SessionState | None, direction: str) -> tuple[str, str]:
    if state is None:
        return ("NO SESSION", "neutral")
    if state in _HEADLINES:
        return _HEADLINES[state]
    return ("BACKWARD", "backward") if direction == "backward" else ("FORWARD", "forward")


@QmlElement
@QmlUncreatable("The app creates its bridges")
class SessionBridge(QObject):
    """What the session screen shows and the actions it offers (see the module docstring)."""

    stateChanged = Signal()
    phaseChanged = Signal()
    clockChanged = Signal()
    readingsChanged = Signal()
    countdownChanged = Signal()
    linkStateChanged = Signal()
    alertChanged = Signal()
    summaryChanged = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._cues: CuePlayer | None = None
        self._engine: SessionEngine | None = None
        self._tally = SessionTally()  # the session's numbers, from its events (statistics.py)
        self._run_task: asyncio.Task[EndReason] | None = None
        self._recorder: SessionRecorder | None = None
        self._unsubscribe_history: Callable[[], None] | None = None
        self._history_queue: collections.deque[dict[str, Any]] = collections.deque()
        self._pending_history: asyncio.TimerHandle | None = None
        self._link_unsubscribe: Callable[[], None] | None = None
        self._stop_tasks: set[asyncio.Task[Any]] = set()
        self._values: dict[str, Any] = {}
        self._groups: dict[str, tuple[Any, ...]] = {}
        self._pending_refresh: asyncio.TimerHandle | None = None
        self._closed = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.refresh()

    # -- wiring from Python ------------------------------------------------------------------

    def use_cue_player(self, cues: CuePlayer) -> None:
        """Where cue events are played."""
        self._cues = cues

    def is_active(self) -> bool:
        """A session is under way, from the engine's live state (QML reads ``active``)."""
        return self._engine is not None and self._engine.state in _ACTIVE_STATES

    def can_pause(self) -> bool:
        """Pausing means something now (the belt runs or slows for a turn)."""
        return self._engine is not None and self._engine.state in _PAUSABLE_STATES

    @property
    def engine(self) -> SessionEngine | None:
        """The current session's engine, if one is prepared."""
        return self._engine

    @property
    def run_task(self) -> asyncio.Task[EndReason] | None:
        """The task running ``engine.run()``."""
        return self._run_task

    def use_link(self, link: TreadmillControl) -> None:
        """A connected link to drive; prepares a session when a plan is chosen."""
        if self._link_unsubscribe is not None:
            self._link_unsubscribe()
        self._link_unsubscribe = link.add_listener(lambda _update: self._schedule_refresh())
        self._context.link = link
        self._prepare()

    def release_link(self) -> None:
        """The user disconnected the treadmill (no session under way): forget the link and
        the session prepared on it; the plan stays chosen for the next link."""
        if self._link_unsubscribe is not None:
            self._link_unsubscribe()
            self._link_unsubscribe = None
        if self._engine is not None and self._engine.state in _ACTIVE_STATES:
            return
        self._discard_engine()
        self._context.link = None
        self.refresh()

    def use_plan(self, plan: Plan) -> None:
        """The plan the next session runs; prepares a session when a link is connected."""
        self._context.plan = plan
        self._prepare()

    def _prepare(self) -> None:
        """Make a new engine for the chosen plan and link, unless a session is under way."""
        link, plan = self._context.link, self._context.plan
        if link is None or plan is None:
            self.refresh()
            return
        if self._engine is not None and self._engine.state in _ACTIVE_STATES:
            self._context.notify(
                NoticeLevel.WARNING, "A session is under way: stop it before choosing another."
            )
            return
        self._discard_engine()
        self._tally = SessionTally(
            phases_planned=len(plan.phases), blocks_planned=plan.backward_blocks
        )
        engine = load_engine()(link, plan, self._context.settings, listener=self._on_event)
        self._engine = engine
        self._context.engine = engine
        self._context.engine_changed(engine)
        self._run_task = self._context.spawn(engine.run(), what="session")
        self._run_task.add_done_callback(self._on_run_done)
        self._values.pop("summary", None)
        self._refresh_timer.start()
        self.refresh()

    def _record(self) -> None:
        """Start writing this session into the history (at the user's first start, so a
        session that never started leaves no record). A history that cannot be opened is
        reported; the session runs anyway."""
        engine = self._engine
        if engine is None or self._recorder is not None:
            return
        ctx = self._context
        from treadmill_ctl.history import (  # noqa: PLC0415 - see load_engine
            HistoryStore,
            SessionHeader,
            SessionRecorder,
        )

        try:
            if not isinstance(ctx.history, HistoryStore):
                ctx.history = HistoryStore.open()
            link = ctx.link
            caps = link.capabilities if link is not None else None
            device = (caps.name if caps is not None and caps.name else "") or (
                link.address if link is not None else ""
            )
            self._recorder = SessionRecorder.open(
                ctx.history,
                SessionHeader.now(
                    preset_id=engine.plan.id,
                    preset_name=engine.plan.name,
                    plan=_plan_json(engine.plan, ctx.settings),
                    device=device,
                    profile=ctx.sim_profile if ctx.simulate else "",
                ),
                on_state=self._on_history_state,
            )
            self._unsubscribe_history = engine.add_listener(self._queue_for_history)
        except HistoryError as exc:
            _log.error("history not recorded: %s", exc)
            ctx.notify(NoticeLevel.WARNING, f"This session is not recorded: {exc}")

    def _on_history_state(self, state: str, message: str) -> None:
        # The recorder's writer: the database is busy (kept, saved when free), free again,
        # or damaged. Never an error for the session itself.
        level = NoticeLevel.INFO if state == "ok" else NoticeLevel.WARNING
        self._context.notify(level, message)

    def _queue_for_history(self, event: SessionEvent) -> None:
        # The history commits (with an fsync) on state changes and commands: writing from
        # inside the engine's event would put a disk flush between a STOP key and the STOP
        # write. Queue it; it is written 2 ms later, in order (well within the history's
        # "at most the last second is lost").
        self._history_queue.append(event.to_json())
        if self._pending_history is None:
            self._pending_history = self._context.running_loop().call_later(
                REFRESH_DELAY_S, self._flush_history
            )

    def _flush_history(self) -> None:
        self._pending_history = None
        recorder = self._recorder
        while self._history_queue:
            event = self._history_queue.popleft()
            if recorder is not None:
                recorder.on_event(event)

    def _stop_recording(self) -> None:
        if self._unsubscribe_history is not None:
            self._unsubscribe_history()
            self._unsubscribe_history = None
        if self._pending_history is not None:
            self._pending_history.cancel()
        self._flush_history()
        if self._recorder is not None:
            self._recorder.close()  # idempotent; marks a session without an end "interrupted"
            self._recorder = None

    def _discard_engine(self) -> None:
        self._stop_recording()
        if self._run_task is not None and not self._run_task.done():
            self._run_task.remove_done_callback(self._on_run_done)
            self._run_task.cancel()  # run() stops the belt first when cancelled
        self._run_task = None
        self._engine = None
        self._context.engine = None
        self._context.engine_changed(None)

    def shutdown(self) -> None:
        """The app is closing: stop the belt (the engine does on cancel) and stop refreshing."""
        self._refresh_timer.stop()
        if self._pending_refresh is not None:
            self._pending_refresh.cancel()
            self._pending_refresh = None
        if self._engine is not None and self._engine.state in _ACTIVE_STATES:
            self._engine.user_stop()
        if self._link_unsubscribe is not None:
            self._link_unsubscribe()
            self._link_unsubscribe = None

    def close(self) -> None:
        """The window is going away: publish nothing more (after ``shutdown``), and write what
        the history has queued before the app closes it (closing the moment a session ended
        lost its end event)."""
        self._closed = True
        self._refresh_timer.stop()
        if self._pending_refresh is not None:
            self._pending_refresh.cancel()
            self._pending_refresh = None
        self._stop_recording()

    # -- engine events -----------------------------------------------------------------------

    def _on_event(self, event: SessionEvent) -> None:
        self._tally.add(event.to_json())
        if isinstance(event, CueEvent) and self._cues is not None:
            self._cues.play(event)
        elif (
            isinstance(event, AlertEvent)
            and event.level is not AlertLevel.INFO
            and event.code not in _BANNER_ALERTS
        ):
            self._context.notify(str(event.level), event.message)
        elif isinstance(event, EndEvent):
            self._make_summary(event.reason)
        self._schedule_refresh()

    def _on_run_done(self, task: asyncio.Task[EndReason]) -> None:
        self._stop_recording()
        if self._closed:
            return  # the window is gone (the app is closing)
        self._refresh_timer.stop()
        self.refresh()
        if task.cancelled() or task.exception() is not None:
            return  # AppContext.spawn logged and reported it
        if "summary" not in self._values:
            self._make_summary(task.result())
        self._context.switch_screen(Screen.SUMMARY)

    def _schedule_refresh(self) -> None:
        """Refresh soon, once for a burst of events. Deferred on purpose: what the engine does
        for an event (a STOP write above all) runs before the screen's update does."""
        if self._pending_refresh is None and not self._closed:
            self._pending_refresh = self._context.running_loop().call_later(
                REFRESH_DELAY_S, self._deferred_refresh
            )

    def _deferred_refresh(self) -> None:
        self._pending_refresh = None
        self.refresh()

    # -- publishing --------------------------------------------------------------------------

    def _publish(self, group: str, signal: Any, **values: Any) -> None:
        """Store ``values``; emit the group's signal only if one of them changed."""
        new = tuple(values.values())
        if self._groups.get(group) == new:
            return
        self._groups[group] = new
        self._values.update(values)
        signal.emit()

    @Slot()
    def refresh(self) -> None:
        """Read the engine's snapshot and publish what changed."""
        settings = self._context.settings
        unit = str(getattr(settings, "speed_unit", "kmh"))
        dunit = str(getattr(settings, "distance_unit", "metric"))
        snap = self._engine.snapshot() if self._engine is not None else None
        self._publish_state(snap)
        self._publish_phase(snap, unit)
        self._publish_clock(snap)
        self._publish_readings(snap, unit, dunit)
        self._publish_countdown(snap)
        self._publish_link(snap, unit)
        self._publish_alert(snap)

    def _publish_state(self, snap: SessionSnapshot | None) -> None:
        ctx = self._context
        if snap is None:
            state = ""
            hint = (
                "Connect to your treadmill first"
                if ctx.link is None
                else "Choose a preset"
                if ctx.plan is None
                else ""
            )
            self._publish(
                "state",
                self.stateChanged,
                state=state,
                stateText="No session",
                active=False,
                moving=False,
                canStart=False,
                canPause=False,
                canResume=False,
                paused=False,
                canSkip=False,
                canExtend=False,
                canChangeSpeed=False,
                canEnd=False,
                hint=hint,
                presetName=getattr(ctx.plan, "name", ""),
                hasLink=ctx.link is not None,
                hasPlan=ctx.plan is not None,
            )
            return
        s = snap.state
        waiting = snap.waiting_for
        running = s in (SessionState.RAMPING, SessionState.RUNNING_PHASE)
        hint = {
            "start": "Press Enter or START to begin",
            "resume": "Press P or RESUME to continue",
        }.get(waiting or "", "")
        if s is SessionState.LINK_LOST:
            hint = "Reconnecting to the same treadmill…"
        if s is SessionState.STOPPED:
            hint = "Stopped. Press Enter to start again, or END to finish"
        self._publish(
            "state",
            self.stateChanged,
            state=str(s),
            stateText=_STATE_TEXT.get(s, str(s).replace("_", " ").capitalize()),
            active=s in _ACTIVE_STATES,
            moving=s in _MOVING_STATES,
            canStart=waiting == "start" or s in (SessionState.IDLE, SessionState.STOPPED),
            canPause=s in _PAUSABLE_STATES,
            canResume=s is SessionState.PAUSED,
            paused=s is SessionState.PAUSED,
            canSkip=running,
            canExtend=running,
            canChangeSpeed=running,
            canEnd=s is SessionState.STOPPED,
            hint=hint,
            presetName=self._engine.plan.name if self._engine is not None else "",
            hasLink=True,
            hasPlan=True,
        )

    def _publish_phase(self, snap: SessionSnapshot | None, unit: str) -> None:
        plan: Plan | None = self._engine.plan if self._engine is not None else self._context.plan
        phases = plan.phases if plan is not None else ()
        timeline: list[dict[str, Any]] = []
        start = 0.0
        for p in phases:
            timeline.append(
                {
                    "direction": str(p.direction),
                    "kind": str(p.kind),
                    "start": start,
                    "duration": p.duration_s,
                }
            )
            start += p.duration_s
        phase = snap.phase if snap is not None else None
        nxt = snap.next_phase if snap is not None else (None)
        if snap is None and phases:
            first = phases[0]
            title, direction, kind, index = first.label, _direction(first.direction), "", -1
        elif phase is not None:
            title, direction = phase.name or phase.kind.label, _direction(phase.direction)
            kind, index = str(phase.kind), phase.index
        else:
            title, direction, kind, index = "", "forward", "", -1
        if snap is not None and snap.state is SessionState.IDLE and nxt is None and phases:
            # Before the start the "next" phase is the first one.
            first = phases[0]
            nxt_title, nxt_dir = first.label, _direction(first.direction)
            nxt_detail = self._phase_detail(first.duration_s, plan, first, unit)
        elif nxt is not None:
            nxt_title, nxt_dir = nxt.name or nxt.kind.label, _direction(nxt.direction)
            nxt_detail = (
                f"{formatting.duration_text(nxt.duration_s)} at "
                f"{formatting.speed_text(nxt.target_speed_kmh, unit)} "
                f"{formatting.speed_unit_label(unit)}"
            )
        else:
            nxt_title, nxt_dir, nxt_detail = "", "", ""
        blocks_text = ""
        if snap is not None and snap.blocks_total:
            in_block = phase is not None and phase.direction is Direction.BACKWARD
            # The block's place in the plan (a skipped block before it still came first), and
            # the blocks done as the summary and the history count them (statistics.py).
            ordinal = sum(
                1
                for p in phases[: (phase.index + 1) if phase else 0]
                if p.direction is Direction.BACKWARD
            )
            blocks_text = (
                f"Backward block {ordinal} of {snap.blocks_total}"
                if in_block
                else f"{self._tally.blocks_done} of "
                f"{plural(snap.blocks_total, 'backward block')} done"
            )
        turning = snap is not None and snap.state in (
            SessionState.SLOWING_TO_TURN,
            SessionState.TURN_COUNTDOWN,
        )
        headline, tone = _headline(snap.state if snap is not None else None, direction)
        self._publish(
            "phase",
            self.phaseChanged,
            headline=headline,
            headlineTone=tone,
            direction=direction or "forward",
            phaseTitle=title,
            phaseKind=kind,
            phaseIndex=index,
            phaseCount=len(phases),
            blocksText=blocks_text,
            nextTitle=nxt_title,
            nextDirection=nxt_dir,
            nextDetail=nxt_detail,
            turning=turning,
            timeline=timeline,
            timelineTotal=start,
        )

    def _phase_detail(self, duration: float, plan: Plan | None, phase: Any, unit: str) -> str:
        backward_default = float(getattr(self._context.settings, "backward_default_kmh", 3.0))
        speed = plan.resolved_speed(phase, backward_default) if plan is not None else None
        return (
            f"{formatting.duration_text(duration)} at {formatting.speed_text(speed, unit)} "
            f"{formatting.speed_unit_label(unit)}"
        )

    def _publish_clock(self, snap: SessionSnapshot | None) -> None:
        if snap is None:
            plan = self._context.plan
            total = plan.total_s if plan is not None else None
            self._publish(
                "clock",
                self.clockChanged,
                phaseRemainingText=formatting.duration_text(None),
                elapsedText=formatting.duration_text(0),
                totalText=formatting.duration_text(total),
                progress=0.0,
                phaseFraction=0.0,
            )
            return
        progress = snap.done_s / snap.total_s if snap.total_s > 0 else 0.0
        phase_total = snap.phase_elapsed_s + snap.phase_remaining_s
        fraction = snap.phase_elapsed_s / phase_total if phase_total > 0 else 0.0
        self._publish(
            "clock",
            self.clockChanged,
            phaseRemainingText=formatting.duration_text(
                snap.phase_remaining_s if snap.phase is not None else None
            ),
            elapsedText=formatting.duration_text(snap.elapsed_s),
            totalText=formatting.duration_text(snap.total_s),
            progress=round(min(max(progress, 0.0), 1.0), 4),
            phaseFraction=round(min(max(fraction, 0.0), 1.0), 3),
        )

    def _publish_readings(self, snap: SessionSnapshot | None, unit: str, dunit: str) -> None:
        self._publish(
            "readings",
            self.readingsChanged,
            targetSpeedText=formatting.speed_text(
                snap.target_speed_kmh if snap is not None else None, unit
            ),
            actualSpeedText=formatting.speed_text(
                snap.actual_speed_kmh if snap is not None else None, unit
            ),
            speedUnit=formatting.speed_unit_label(unit),
            inclineText=formatting.incline_text(snap.incline_pct if snap is not None else None),
            distanceText=formatting.distance_text(
                snap.distance_m if snap is not None else 0.0, dunit
            ),
            heartRateText=formatting.heart_rate_text(snap.hr_bpm if snap is not None else None),
            heartRateSource=(
                snap.hr_source if snap is not None and snap.hr_bpm is not None else ""
            ),
        )

    def _publish_countdown(self, snap: SessionSnapshot | None) -> None:
        remaining = snap.countdown_remaining_s if snap is not None else None
        reason = snap.countdown_reason if snap is not None else None
        visible = remaining is not None and remaining > 0 and reason is not None
        title = _COUNTDOWN_TITLE[reason] if visible and reason is not None else ""
        # What the belt does when the countdown ends (the phase it leads into).
        upcoming = ""
        if visible and snap is not None:
            # The countdown leads into the current phase (at a turn the engine has moved on
            # to the next phase while the runner still faces the old way).
            if snap.phase is not None:
                upcoming = _direction(snap.phase.direction)
            elif snap.facing is not None:
                upcoming = _direction(snap.facing)
        self._publish(
            "countdown",
            self.countdownChanged,
            countdown=remaining if visible and remaining is not None else 0,
            countdownVisible=visible,
            countdownTitle=title,
            countdownReason=str(reason) if visible and reason is not None else "",
            countdownDirection=upcoming or "forward",
        )

    def _publish_link(self, snap: SessionSnapshot | None, unit: str) -> None:
        link = self._context.link
        if snap is not None:
            state = snap.link_state
        elif link is not None:
            state = link.state
        else:
            state = LinkState.DISCONNECTED
        lost = state is LinkState.LOST or (
            snap is not None and snap.state is SessionState.LINK_LOST
        )
        last = None
        if snap is not None:
            # The belt heads for the last set-point: say the higher of it and the last reading.
            known = [v for v in (snap.actual_speed_kmh, snap.setpoint_kmh) if v is not None]
            last = max(known, default=None)
        name = ""
        if link is not None:
            caps = link.capabilities
            name = (caps.name if caps is not None and caps.name else "") or link.address
        text = _LINK_TEXT[LinkState.LOST if lost else state]
        if state is LinkState.CONNECTED and name:
            text = f"Connected to {name}"
        self._publish(
            "link",
            self.linkStateChanged,
            linkState=str(LinkState.LOST if lost else state),
            linkText=text,
            linkLost=lost,
            lastSpeedText=(
                f"{formatting.speed_text(last, unit)} {formatting.speed_unit_label(unit)}"
                if last
                else ""
            ),
        )

    def _publish_alert(self, snap: SessionSnapshot | None) -> None:
        alert = snap.last_alert if snap is not None else None
        self._publish(
            "alert",
            self.alertChanged,
            alertText=alert.message if alert is not None else "",
            alertLevel=str(alert.level) if alert is not None else "",
            stopUnconfirmed=alert is not None and alert.code == "stop_not_confirmed",
        )

    def _make_summary(self, reason: EndReason) -> None:
        if self._engine is None:
            return
        plan = self._engine.plan
        dunit = str(getattr(self._context.settings, "distance_unit", "metric"))
        stats = self._tally.statistics()  # the numbers the history shows too (statistics.py)
        self._values["summary"] = {
            "presetName": plan.name,
            "presetId": plan.id,
            "endReason": str(reason),
            "endText": "Session complete" if stats.complete else "Ended early",
            "endDetail": stats.why_text,
            "complete": stats.complete,
            "progressionReason": (
                "finished" if stats.complete else "skipped" if stats.phases_skipped else str(reason)
            ),
            "forwardText": clock_text(stats.forward_s),
            "backwardText": clock_text(stats.backward_s),
            "backwardDistanceText": formatting.distance_text(stats.backward_m, dunit),
            "totalText": clock_text(stats.total_s),
            "elapsedText": clock_text(stats.total_s),
            "movingText": clock_text(stats.moving_s),
            "distanceText": formatting.distance_text(stats.distance_m, dunit),
            "blocksDone": stats.blocks_done,
            "blocksTotal": stats.blocks_planned,
            "blocksText": f"{stats.blocks_done} of {plural(stats.blocks_planned, 'block')} done",
            "statistics": stats.to_json(),
        }
        self.summaryChanged.emit()

    # -- properties (getters read the published values) --------------------------------------

    def _v(self, name: str) -> Any:
        return self._values[name]

    @Property(str, notify=stateChanged)
    def state(self) -> str:
        """The engine's state name ("" with no session): see SessionState."""
        return str(self._v("state"))

    @Property(str, notify=stateChanged)
    def stateText(self) -> str:
        """The state in words ("Running", "Paused", ...)."""
        return str(self._v("stateText"))

    @Property(bool, notify=stateChanged)
    def active(self) -> bool:
        """A session is under way (the belt may move): STOP is shown on every screen."""
        return bool(self._v("active"))

    @Property(bool, notify=stateChanged)
    def moving(self) -> bool:
        """The belt is meant to be moving (running, ramping, slowing)."""
        return bool(self._v("moving"))

    @Property(bool, notify=stateChanged)
    def canStart(self) -> bool:
        """START (Enter) would start the session now."""
        return bool(self._v("canStart"))

    @Property(bool, notify=stateChanged)
    def canPause(self) -> bool:
        return bool(self._v("canPause"))

    @Property(bool, notify=stateChanged)
    def canResume(self) -> bool:
        return bool(self._v("canResume"))

    @Property(bool, notify=stateChanged)
    def paused(self) -> bool:
        return bool(self._v("paused"))

    @Property(bool, notify=stateChanged)
    def canSkip(self) -> bool:
        return bool(self._v("canSkip"))

    @Property(bool, notify=stateChanged)
    def canExtend(self) -> bool:
        return bool(self._v("canExtend"))

    @Property(bool, notify=stateChanged)
    def canChangeSpeed(self) -> bool:
        return bool(self._v("canChangeSpeed"))

    @Property(bool, notify=stateChanged)
    def canEnd(self) -> bool:
        """END (finish the session and see the summary) is possible: the belt is stopped."""
        return bool(self._v("canEnd"))

    @Property(str, notify=stateChanged)
    def hint(self) -> str:
        """What the user can do next, in words ("Press Enter or START to begin")."""
        return str(self._v("hint"))

    @Property(str, notify=stateChanged)
    def presetName(self) -> str:
        return str(self._v("presetName"))

    @Property(bool, notify=stateChanged)
    def hasLink(self) -> bool:
        return bool(self._v("hasLink"))

    @Property(bool, notify=stateChanged)
    def hasPlan(self) -> bool:
        return bool(self._v("hasPlan"))

    @Property(str, notify=phaseChanged)
    def headline(self) -> str:
        """The big word: "FORWARD", "BACKWARD", "TURN AROUND", "PAUSED", "STOPPED", ..."""
        return str(self._v("headline"))

    @Property(str, notify=phaseChanged)
    def headlineTone(self) -> str:
        """How to colour the headline: forward, backward, turn, paused, stop, neutral."""
        return str(self._v("headlineTone"))

    @Property(str, notify=phaseChanged)
    def direction(self) -> str:
        """ "forward" or "backward": the current (or first) phase's direction."""
        return str(self._v("direction"))

    @Property(str, notify=phaseChanged)
    def phaseTitle(self) -> str:
        """The current phase's name ("Warm-up", "Backward", ...)."""
        return str(self._v("phaseTitle"))

    @Property(str, notify=phaseChanged)
    def phaseKind(self) -> str:
        return str(self._v("phaseKind"))

    @Property(int, notify=phaseChanged)
    def phaseIndex(self) -> int:
        """0-based index of the current phase (-1 before the start)."""
        return int(self._v("phaseIndex"))

    @Property(int, notify=phaseChanged)
    def phaseCount(self) -> int:
        return int(self._v("phaseCount"))

    @Property(str, notify=phaseChanged)
    def blocksText(self) -> str:
        """ "Backward blocks 2 of 4"."""
        return str(self._v("blocksText"))

    @Property(str, notify=phaseChanged)
    def nextTitle(self) -> str:
        """The next phase's name ("" when this is the last)."""
        return str(self._v("nextTitle"))

    @Property(str, notify=phaseChanged)
    def nextDirection(self) -> str:
        return str(self._v("nextDirection"))

    @Property(str, notify=phaseChanged)
    def nextDetail(self) -> str:
        """ "1:00 at 5.0 km/h"."""
        return str(self._v("nextDetail"))

    @Property(bool, notify=phaseChanged)
    def turning(self) -> bool:
        """The belt is slowing down for, or counting down to, a direction change."""
        return bool(self._v("turning"))

    @Property(list, notify=phaseChanged)
    def timeline(self) -> list[dict[str, Any]]:
        """The plan's phases: [{direction, kind, start, duration}] (seconds at speed)."""
        return list(self._v("timeline"))

    @Property(float, notify=phaseChanged)
    def timelineTotal(self) -> float:
        return float(self._v("timelineTotal"))

    @Property(str, notify=clockChanged)
    def phaseRemainingText(self) -> str:
        """Time left in the current phase ("0:24")."""
        return str(self._v("phaseRemainingText"))

    @Property(str, notify=clockChanged)
    def elapsedText(self) -> str:
        return str(self._v("elapsedText"))

    @Property(str, notify=clockChanged)
    def totalText(self) -> str:
        return str(self._v("totalText"))

    @Property(float, notify=clockChanged)
    def progress(self) -> float:
        """Share of the planned time at speed done (0..1)."""
        return float(self._v("progress"))

    @Property(float, notify=clockChanged)
    def phaseFraction(self) -> float:
        """Share of the current phase done (0..1), for the timeline's marker."""
        return float(self._v("phaseFraction"))

    @Property(str, notify=readingsChanged)
    def targetSpeedText(self) -> str:
        return str(self._v("targetSpeedText"))

    @Property(str, notify=readingsChanged)
    def actualSpeedText(self) -> str:
        """What the machine reports."""
        return str(self._v("actualSpeedText"))

    @Property(str, notify=readingsChanged)
    def speedUnit(self) -> str:
        return str(self._v("speedUnit"))

    @Property(str, notify=readingsChanged)
    def inclineText(self) -> str:
        return str(self._v("inclineText"))

    @Property(str, notify=readingsChanged)
    def distanceText(self) -> str:
        return str(self._v("distanceText"))

    @Property(str, notify=readingsChanged)
    def heartRateText(self) -> str:
        """Beats per minute, "" when unknown."""
        return str(self._v("heartRateText"))

    @Property(str, notify=readingsChanged)
    def heartRateSource(self) -> str:
        """Where ``heartRateText`` comes from: "strap", "treadmill", or "" when unknown."""
        return str(self._v("heartRateSource"))

    @Property(int, notify=countdownChanged)
    def countdown(self) -> int:
        """Seconds left in the countdown (0: none)."""
        return int(self._v("countdown"))

    @Property(bool, notify=countdownChanged)
    def countdownVisible(self) -> bool:
        return bool(self._v("countdownVisible"))

    @Property(str, notify=countdownChanged)
    def countdownTitle(self) -> str:
        return str(self._v("countdownTitle"))

    @Property(str, notify=countdownChanged)
    def countdownReason(self) -> str:
        """ "start", "turn", "resume" or ""."""
        return str(self._v("countdownReason"))

    @Property(str, notify=countdownChanged)
    def countdownDirection(self) -> str:
        """The direction the belt will run in when the countdown ends."""
        return str(self._v("countdownDirection"))

    @Property(str, notify=linkStateChanged)
    def linkState(self) -> str:
        """One of: disconnected, connecting, connected, lost."""
        return str(self._v("linkState"))

    @Property(str, notify=linkStateChanged)
    def linkText(self) -> str:
        """The link's state in words."""
        return str(self._v("linkText"))

    @Property(bool, notify=linkStateChanged)
    def linkLost(self) -> bool:
        """The link dropped: the belt may still move at the last speed."""
        return bool(self._v("linkLost"))

    @Property(str, notify=linkStateChanged)
    def lastSpeedText(self) -> str:
        """The last known belt speed ("3.0 km/h"), for the link-lost banner."""
        return str(self._v("lastSpeedText"))

    @Property(str, notify=alertChanged)
    def alertText(self) -> str:
        return str(self._v("alertText"))

    @Property(str, notify=alertChanged)
    def alertLevel(self) -> str:
        return str(self._v("alertLevel"))

    @Property(bool, notify=alertChanged)
    def stopUnconfirmed(self) -> bool:
        """STOP was not confirmed by the machine: the user must pull the safety key."""
        return bool(self._v("stopUnconfirmed"))

    @Property(dict, notify=summaryChanged)
    def summary(self) -> dict[str, Any]:
        """The last session's summary: {presetName, presetId, endReason, endText ("Session
        complete" or "Ended early"), endDetail (why it ended early), complete,
        progressionReason, forwardText, backwardText, backwardDistanceText, totalText,
        elapsedText, movingText, distanceText, blocksDone, blocksTotal, blocksText,
        statistics}; empty before a session ended. The numbers are ``statistics.py``'s."""
        return dict(self._values.get("summary", {}))

    # -- actions -----------------------------------------------------------------------------

    @Slot()
    def stop(self) -> None:
        """STOP: at once, whatever the state. With no session it still stops the belt."""
        if self._engine is not None and self._engine.state is not SessionState.FINISHED:
            self._engine.user_stop()
        elif self._context.link is not None and self._context.link.state is LinkState.CONNECTED:
            task = self._context.spawn(self._context.link.stop(), what="STOP")
            self._stop_tasks.add(task)
            task.add_done_callback(self._stop_tasks.discard)
        self._schedule_refresh()

    @Slot()
    def start(self) -> None:
        """START: begin the session (or begin again after a stop). Only an explicit user
        action calls this."""
        if self._engine is None:
            self._prepare()
        if self._engine is not None and self._can_start_now():
            self._record()
            self._engine.user_start()
        self._schedule_refresh()

    def _can_start_now(self) -> bool:
        # The engine's live state, not the published one (which may be 2 ms behind).
        if self._engine is None:
            return False
        state = self._engine.state
        return state in (SessionState.IDLE, SessionState.STOPPED)

    @Slot()
    def confirm(self) -> None:
        """Enter: start when the session waits for a start, resume when it is paused."""
        if self._can_start_now():
            self.start()
        elif self._engine is not None and self._engine.state is SessionState.PAUSED:
            self.resume()

    @Slot()
    def pause(self) -> None:
        if self._engine is not None:
            self._engine.user_pause()
            self._schedule_refresh()

    @Slot()
    def resume(self) -> None:
        if self._engine is not None:
            self._engine.user_resume()
            self._schedule_refresh()

    @Slot()
    def togglePause(self) -> None:
        """P: pause when running, resume when paused."""
        if self._engine is not None:
            self._engine.user_toggle_pause()
            self._schedule_refresh()

    @Slot()
    def skip(self) -> None:
        if self._engine is not None:
            self._engine.user_skip()
            self._schedule_refresh()

    @Slot()
    def extend(self) -> None:
        """Add 30 s to the current phase."""
        if self._engine is not None:
            self._engine.user_extend(EXTEND_S)
            self._schedule_refresh()

    @Slot(float)
    def changeSpeed(self, delta_kmh: float) -> None:
        """Speed ± (km/h), within the caps and ramped by the engine; holds for this phase."""
        if self._engine is not None:
            self._engine.user_speed_delta(delta_kmh)
            self._schedule_refresh()

    @Slot()
    def end(self) -> None:
        """Finish the session (the belt is stopped first) and show the summary."""
        if self._engine is not None:
            self._engine.user_end()
            self._schedule_refresh()
