"""The session screen's bridge: presents one session at a time (Qt properties, signals and
slots) over a Qt-free ``SessionController`` (session/controller.py).

A controller is made when both a connected link (``use_link``) and a plan (``use_plan``) are
known; it owns the session's life (engine, history record, heart-rate feed, summary). When a
session ends its summary is shown; back on the session screen (or at the next START) a new
controller is made for the same plan and link, so the screen is ready for the next session.
What the screen shows is made by ``app/session_presenter.py`` from the controller's snapshot
on every engine event and ten times a second (for the clocks), and published through the
properties of ``SessionView`` (app/session_view.py), the bridge's base class. Cue events go to
the cue player (sound) as they arrive.

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
from treadmill_ctl.app.qt import QmlElement, QmlUncreatable, QObject, QTimer, Slot
from treadmill_ctl.app.session_presenter import BANNER_ALERTS, present
from treadmill_ctl.app.session_start import load_engine, open_session_history, speed_delta_kmh
from treadmill_ctl.app.session_view import SessionView
from treadmill_ctl.app.summary_presenter import summary_view
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
class SessionBridge(SessionView):
    """What the session screen shows and the actions it offers (see the module docstring)."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._cues: CuePlayer | None = None
        self._controller: SessionController | None = None
        self._link_unsubscribe: Any = None
        self._stop_tasks: set[asyncio.Task[Any]] = set()
        # A training plan's session (app/plans_bridge.py): at its end the debrief is asked
        # (``on_debrief(session_id, complete)``, then the debrief screen) before the summary.
        self.debrief_after = False
        self.on_debrief: Callable[[int | None, bool], None] | None = None
        self._session_id: int | None = None
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
        self.publish_summary(
            translated_tree(summary_view(controller.summary, self._context.settings))
        )

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
        self.publish(values)

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
