"""The session screen's bridge: presents one session at a time (Qt properties, signals and
slots) over a Qt-free ``SessionController`` (session/controller.py).

A controller is made when both a connected link (``use_link``) and a plan (``use_plan``) are
known; it owns the session's life (engine, history record, heart-rate feed, summary). When a
session ends its summary is shown; back on the session screen (or at the next START) a new
controller is made for the same plan and link, so the screen is ready for the next session.
What the screen shows is made by ``app/session_presenter.py`` from the controller's snapshot
on every engine event and ten times a second (for the clocks), and published in small groups;
each group's notify signal is emitted only when one of its values really changed. Cue events
go to the cue player (sound) as they arrive.

STOP never waits: ``stop()`` calls the controller synchronously (the engine writes STOP to the
machine at once); with no session it still sends STOP over the link.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app.context import AppContext, NoticeLevel, Screen
from treadmill_ctl.app.formatting import speeds_in_unit
from treadmill_ctl.app.qt import Property, QmlElement, QmlUncreatable, QObject, QTimer, Signal, Slot
from treadmill_ctl.app.session_presenter import BANNER_ALERTS, present, summary_view
from treadmill_ctl.app.session_start import load_engine, open_session_history, speed_delta_kmh
from treadmill_ctl.app.translation import translated_tree
from treadmill_ctl.ftms.api import TreadmillControl
from treadmill_ctl.ftms.model import LinkState
from treadmill_ctl.session.events import AlertEvent, AlertLevel, CueEvent, EndEvent, EndReason
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.texts import tr

if TYPE_CHECKING:
    import asyncio

    from treadmill_ctl.app.sound import CuePlayer
    from treadmill_ctl.session.controller import HistorySink, SessionController
    from treadmill_ctl.session.engine import SessionEngine
    from treadmill_ctl.session.events import SessionEvent

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)


REFRESH_MS: Final = 100
REFRESH_DELAY_S: Final = 0.002  # event -> screen update (coalesced)
EXTEND_S: Final = 30.0


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
    freshnessChanged = Signal()
    summaryChanged = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._cues: CuePlayer | None = None
        self._controller: SessionController | None = None
        self._link_unsubscribe: Any = None
        self._stop_tasks: set[asyncio.Task[Any]] = set()
        self._values: dict[str, Any] = {}
        self._groups: dict[str, tuple[Any, ...]] = {}
        self._summary: dict[str, Any] = {}
        # A training plan's session (app/plans_bridge.py): at its end the debrief is asked
        # (``on_debrief(session_id, complete)``, then the debrief screen) before the summary.
        self.debrief_after = False
        self.on_debrief: Callable[[int | None, bool], None] | None = None
        self._session_id: int | None = None
        self._pending_refresh: asyncio.TimerHandle | None = None
        self._closed = False
        self._signals = {
            "state": self.stateChanged,
            "phase": self.phaseChanged,
            "clock": self.clockChanged,
            "readings": self.readingsChanged,
            "countdown": self.countdownChanged,
            "link": self.linkStateChanged,
            "alert": self.alertChanged,
            "freshness": self.freshnessChanged,
        }
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
        return self._controller is not None and self._controller.is_active()

    def can_pause(self) -> bool:
        """Pausing means something now (the belt runs or slows for a turn)."""
        return self._controller is not None and self._controller.can_pause()

    @property
    def controller(self) -> SessionController | None:
        """The session shown now (ready, running, or ended when no new one could be made)."""
        return self._controller

    @property
    def engine(self) -> SessionEngine | None:
        """The current session's engine, if one is prepared."""
        return self._controller.engine if self._controller is not None else None

    @property
    def run_task(self) -> asyncio.Task[EndReason] | None:
        """The task running the current session's engine."""
        return self._controller.task if self._controller is not None else None

    @property
    def history_session_id(self) -> int | None:
        """The history's id of the session now or just ended (None: not recorded)."""
        return self._session_id

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
        controller = self._controller
        if controller is not None and controller.is_active():
            return
        if controller is not None:
            controller.close()
        self._controller = None
        self._context.engine = None
        self._context.link = None
        self.refresh()

    def use_plan(self, plan: Plan) -> None:
        """The plan the next session runs; prepares a session when a link is connected."""
        self.debrief_after = False
        self._context.plan = plan
        self._prepare()

    def _prepare(self) -> None:
        """A new session for the chosen plan and link, unless one is under way."""
        ctx = self._context
        link, plan = ctx.link, ctx.plan
        if link is None or plan is None or self._closed:
            self.refresh()
            return
        old = self._controller
        if old is not None and old.is_active():
            ctx.notify(
                NoticeLevel.WARNING, tr("A session is under way: stop it before choosing another.")
            )
            return
        if old is not None:
            old.close()
        self._session_id = None
        controller = load_engine()(
            link,
            plan,
            ctx.settings,
            open_history=functools.partial(self._open_history, plan, link),
            heart_rate=self,
            listeners=(self._on_event,),
            on_end=self._on_end,
            # The connected treadmill's machine check (its waits); None: the safe defaults.
            timing=ctx.machine_timing,
        )
        self._controller = controller
        ctx.engine = controller.engine
        controller.launch(lambda run: ctx.spawn(run, what="session"))
        self._refresh_timer.start()
        self.refresh()

    def follow(self, engine: SessionEngine | None) -> None:
        """The engine of the session now (None: none): the strap screen's bridge feeds it."""
        if engine is None and self._controller is not None and not self._controller.ended:
            return  # an old session let go while a new one is ready: the new one is fed
        self._context.engine_changed(engine)

    def _open_history(self, plan: Plan, link: TreadmillControl) -> HistorySink | None:
        """The history entry of a session (opened at its first start; see session_start)."""
        recorder = open_session_history(self._context, plan, link, self._on_history_state)
        self._session_id = recorder.session_id if recorder is not None else None
        return recorder

    def _on_history_state(self, state: str, message: str) -> None:
        # The recorder's writer: the database is busy (kept, saved when free), free again,
        # or damaged. Never an error for the session itself.
        level = NoticeLevel.INFO if state == "ok" else NoticeLevel.WARNING
        self._context.notify(level, message)

    def shutdown(self) -> None:
        """The app is closing: stop the belt (the engine does on cancel) and stop refreshing."""
        self._refresh_timer.stop()
        if self._pending_refresh is not None:
            self._pending_refresh.cancel()
            self._pending_refresh = None
        if self._controller is not None and self._controller.is_active():
            self._controller.stop()
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
        if self._controller is not None:
            self._controller.close()

    # -- session events ----------------------------------------------------------------------

    def _on_event(self, event: SessionEvent) -> None:
        if isinstance(event, CueEvent) and self._cues is not None:
            self._cues.play(event)
        elif (
            isinstance(event, AlertEvent)
            and event.level is not AlertLevel.INFO
            and event.code not in BANNER_ALERTS
        ):
            unit = str(getattr(self._context.settings, "speed_unit", "kmh"))
            self._context.notify(str(event.level), speeds_in_unit(event.message, unit))
        elif isinstance(event, EndEvent):
            self._publish_summary(self._controller)
        self._schedule_refresh()

    def _on_end(self, controller: SessionController) -> None:
        """A session ended: its summary is shown; the screen shows the ended session until it
        is shown again (``shown``) or the user starts the next one."""
        if controller is not self._controller or self._closed:
            return  # a session let go (another plan, the app closing)
        self._refresh_timer.stop()
        self._context.engine = None  # no session under way any more
        self._publish_summary(controller)
        self.refresh()
        task = controller.task
        if task is not None and not task.cancelled() and task.exception() is None:
            if self.debrief_after and self.on_debrief is not None:
                self.debrief_after = False
                self.on_debrief(self._session_id, controller.tally.statistics().complete)
                self._context.switch_screen(Screen.DEBRIEF)
                return
            self._context.switch_screen(Screen.SUMMARY)
        # (a failure was logged and reported: AppContext.spawn)

    def shown(self) -> None:
        """The session screen is shown: after an end it is ready for a new session of the same
        plan on the same link (not on a lost link: the new engine would try to reconnect)."""
        link = self._context.link
        if (
            self._controller is not None
            and self._controller.ended
            and link is not None
            and link.state is LinkState.CONNECTED
        ):
            self._prepare()

    def _publish_summary(self, controller: SessionController | None) -> None:
        if controller is None or controller.summary is None:
            return
        summary = translated_tree(summary_view(controller.summary, self._context.settings))
        if summary != self._summary:
            self._summary = summary
            self.summaryChanged.emit()

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

    @Slot()
    def refresh(self) -> None:
        """Read the session's snapshot and publish what changed."""
        controller, ctx = self._controller, self._context
        values = present(
            controller.snapshot() if controller is not None else None,
            plan=controller.plan if controller is not None else ctx.plan,
            link=ctx.link,
            settings=ctx.settings,
            ended=controller is not None and controller.ended,
            blocks_done=controller.tally.blocks_done if controller is not None else None,
            now=datetime.now().astimezone(),  # only for the estimated finish's time of day
        )
        for group, texts in values.items():
            group_values = translated_tree(texts)  # in the user's language
            new = tuple(group_values.values())
            if self._groups.get(group) == new:
                continue  # emit only on change
            self._groups[group] = new
            self._values.update(group_values)
            self._signals[group].emit()

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
        """The session's estimated whole length ("≈ 28:30"), kept up to date as it runs."""
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

    @Property(bool, notify=freshnessChanged)
    def readingsStale(self) -> bool:
        """The speed and distance are not live (link down, or the treadmill went quiet)."""
        return bool(self._v("readingsStale"))

    @Property(str, notify=freshnessChanged)
    def readingsStaleText(self) -> str:
        """How the stale readings are marked ("no data 4 s"; "" while live)."""
        return str(self._v("readingsStaleText"))

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
        """The last session's summary: {presetName, presetId, endReason, endText, forwardText,
        backwardText, totalText, elapsedText, distanceText, blocksDone, blocksTotal}; empty
        before a session ended."""
        return dict(self._summary)

    # -- the session screen's stages, belt speed and estimates (after the others: stable
    # property indices) ---------------------------------------------------------------------

    @Property(str, notify=phaseChanged)
    def headlineDetail(self) -> str:
        """The line under the headline in a turn-around's stages ("Keep running forward",
        then "Belt stopped") and at the end; "" otherwise."""
        return str(self._v("headlineDetail"))

    @Property(str, notify=clockChanged)
    def phaseTimerNote(self) -> str:
        """Why the phase's time left stands still ("starts at speed"); "" while it runs."""
        return str(self._v("phaseTimerNote"))

    @Property(str, notify=clockChanged)
    def finishText(self) -> str:
        """The estimated finish, live ("ends ≈ 14:32"); "" before the start."""
        return str(self._v("finishText"))

    @Property(str, notify=readingsChanged)
    def speedText(self) -> str:
        """The speed tile's big number: the belt's reported speed while it runs."""
        return str(self._v("speedText"))

    @Property(str, notify=readingsChanged)
    def speedDetailText(self) -> str:
        """The speed tile's small line: "→ 3.0" while the speed changes, else the target."""
        return str(self._v("speedDetailText"))

    # -- actions -----------------------------------------------------------------------------

    def _session(self) -> SessionController | None:
        """The session the actions go to: after an end, a new one for the same plan."""
        if self._controller is None or self._controller.ended:
            self._prepare()
        return self._controller

    @Slot()
    def stop(self) -> None:
        """STOP: at once, whatever the state. With no session it still stops the belt."""
        if self._controller is not None:
            self._controller.stop()
        elif self._context.link is not None and self._context.link.state is LinkState.CONNECTED:
            task = self._context.spawn(self._context.link.stop(), what="STOP")
            self._stop_tasks.add(task)
            task.add_done_callback(self._stop_tasks.discard)
        self._schedule_refresh()

    @Slot()
    def start(self) -> None:
        """START: begin the session (or begin again after a stop; after the end, a new
        session). Only an explicit user action calls this."""
        controller = self._session()
        if controller is not None:
            controller.start()
        self._schedule_refresh()

    @Slot()
    def confirm(self) -> None:
        """Enter: start when the session waits for a start, resume when it is paused."""
        controller = self._session()
        if controller is not None:
            controller.confirm()
        self._schedule_refresh()

    @Slot()
    def pause(self) -> None:
        if self._controller is not None and self._controller.pause():
            self._schedule_refresh()

    @Slot()
    def resume(self) -> None:
        if self._controller is not None and self._controller.resume():
            self._schedule_refresh()

    @Slot()
    def togglePause(self) -> None:
        """P: pause when running, resume when paused."""
        if self._controller is not None and self._controller.toggle_pause():
            self._schedule_refresh()

    @Slot()
    def skip(self) -> None:
        if self._controller is not None and self._controller.skip():
            self._schedule_refresh()

    @Slot()
    def extend(self) -> None:
        """Add 30 s to the current phase."""
        if self._controller is not None and self._controller.extend(EXTEND_S):
            self._schedule_refresh()

    @Slot(float)
    def changeSpeed(self, delta: float) -> None:
        """Speed ± ``delta`` in the user's unit (+0.1 is 0.1 mph with mph chosen, as the
        screen reads), within the caps and ramped by the engine; holds for this phase."""
        controller = self._controller
        if controller is None:
            return
        unit = str(getattr(self._context.settings, "speed_unit", "kmh"))
        target = controller.snapshot().target_speed_kmh
        if controller.change_speed(speed_delta_kmh(delta, unit, target)):
            self._schedule_refresh()

    @Slot()
    def end(self) -> None:
        """Finish the session (the belt is stopped first) and show the summary."""
        if self._controller is not None and self._controller.end():
            self._schedule_refresh()
