"""One session's whole life, without Qt: the engine, its history record, the heart-rate feed,
the extra event listeners (an events file) and the end-of-session summary.

The app's session screen (``app/session_bridge.py``) and ``treadmill-ctl run``
(``session/headless.py``) both drive a session through a ``SessionController``; the screen only
presents what it says. One controller is one session:

- **ready**: the engine runs (it watches the link and waits for the user) but the session has
  not started. Nothing is recorded: a session that never started leaves no history entry.
- **running**: from the moment the engine accepts the first start (its countdown begins) the
  history records every event. A STOP and a new start stay in the same session and entry.
- **ended**: the engine's run is over (finished, stopped and ended, link lost and ended, an
  error, or cancelled). The controller is done: actions are refused (STOP still goes to the
  treadmill), and the next session is a new controller.

Elapsed time (``snapshot().elapsed_s``) is the statistics' total time at this instant
(``SessionTally.total_s_at``, docs/statistics.md): it does not run while the session is stopped
or after it ended, and at the end it is the summary's total time. The summary is made by one
function (``summarize``) that a caller can replace.
"""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import enum
import logging
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

from treadmill_ctl.ftms.api import TreadmillControl
from treadmill_ctl.ftms.model import LinkState
from treadmill_ctl.notices import Notice, NoticeTally
from treadmill_ctl.session.engine import EventListener, SessionEngine, SessionSnapshot
from treadmill_ctl.session.events import EndEvent, EndReason, SessionEvent, SessionState, StateEvent
from treadmill_ctl.session.machine_quirks import MachineSessionSettings
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.session.states import ACTIVE_STATES, PAUSABLE_STATES, STARTABLE_STATES
from treadmill_ctl.settings import Settings
from treadmill_ctl.statistics import SessionStatistics, SessionTally

_log = logging.getLogger(__name__)

HISTORY_DELAY_S: Final = 0.002
"""Events reach the history this long after the engine emits them, in order: a history write
(a commit, an fsync) never sits between a STOP key and the STOP write."""

S = SessionState


class ControllerState(enum.StrEnum):
    """Where one session is in its life (see the module docstring)."""

    READY = "ready"
    RUNNING = "running"
    ENDED = "ended"


class HistorySink(Protocol):
    """What the controller needs of the history's recorder (``history.SessionRecorder``)."""

    def on_event(self, event: Mapping[str, Any]) -> None: ...

    def close(self, reason: str | None = None) -> None: ...


type OpenHistory = Callable[[], HistorySink | None]
"""Opens this session's history entry, called once at the session's first start; None when it
cannot be recorded (the opener reports why; the session runs anyway)."""


class HeartRateFeed(Protocol):
    """What the controller needs of a heart-rate feed (``session.strap_feed.StrapFeed``, or
    the strap screen's bridge): which engine to feed, None when there is none."""

    def follow(self, engine: SessionEngine | None) -> None: ...


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """The numbers the summary shows at the end of a session."""

    preset_id: str
    preset_name: str
    end_reason: EndReason
    elapsed_s: float  # total time (statistics.py): the session screen's last elapsed time
    distance_m: float
    blocks_done: int
    blocks_total: int
    # The numbers the summary and the history show (statistics.py), from the session's events.
    statistics: SessionStatistics | None = None
    # What happened that the runner should know (link drops, machine stops, skips...):
    # notices.py, from the same events.
    notices: tuple[Notice, ...] = ()


type Summarize = Callable[[Plan, SessionSnapshot, EndReason], SessionSummary]


def summarize(plan: Plan, snapshot: SessionSnapshot, reason: EndReason) -> SessionSummary:
    """The end-of-session numbers of ``plan`` from the session's last ``snapshot``: the one
    place they are made (a statistics module can be given to the controller instead)."""
    return SessionSummary(
        preset_id=plan.id,
        preset_name=plan.name,
        end_reason=reason,
        elapsed_s=snapshot.elapsed_s,
        distance_m=snapshot.distance_m,
        blocks_done=snapshot.blocks_done,
        blocks_total=snapshot.blocks_total,
    )


def plan_record(plan: Plan, settings: Settings) -> dict[str, Any]:
    """The plan as a history entry's header carries it (speeds resolved)."""
    backward_default = float(settings.backward_default_kmh)
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


type Spawn = Callable[[Coroutine[Any, Any, EndReason]], asyncio.Task[EndReason]]


class SessionController:
    """One session, from ready to ended (see the module docstring).

    ``open_history`` opens the history entry at the first start (None: not recorded);
    ``heart_rate`` is fed to this session's engine while it runs; ``listeners`` hear every
    engine event (an events file, the screen); ``user_available`` is the engine's (a headless
    run says whether a user action is still to come); ``on_end`` is called once with the
    controller when the session has ended; ``summarize`` makes the summary."""

    def __init__(
        self,
        link: TreadmillControl,
        plan: Plan,
        settings: Settings,
        *,
        open_history: OpenHistory | None = None,
        heart_rate: HeartRateFeed | None = None,
        listeners: Sequence[EventListener] = (),
        user_available: Callable[[], bool] | None = None,
        on_end: Callable[[SessionController], None] | None = None,
        summarize: Summarize = summarize,
        timing: MachineSessionSettings | None = None,
    ) -> None:
        self._link = link
        self._open_history = open_history
        self._heart_rate = heart_rate
        self._on_end = on_end
        self._summarize = summarize
        self._state = ControllerState.READY
        # The session's numbers from its events, as the history counts them (statistics.py).
        self._tally = SessionTally(
            phases_planned=len(plan.phases), blocks_planned=plan.backward_blocks
        )
        self._notices = NoticeTally()
        self._summary: SessionSummary | None = None
        self._end_reason: EndReason | None = None
        self._task: asyncio.Task[EndReason] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._history: HistorySink | None = None
        self._history_queue: collections.deque[dict[str, Any]] = collections.deque()
        self._history_flush: asyncio.TimerHandle | None = None
        self._stop_tasks: set[asyncio.Task[Any]] = set()
        self._engine = SessionEngine(
            link,
            plan,
            settings,
            listener=self._on_event,
            user_available=user_available,
            timing=timing,
        )
        for listener in listeners:
            self._engine.add_listener(listener)
        if heart_rate is not None:
            heart_rate.follow(self._engine)

    # ---- what it is ------------------------------------------------------------------------

    @property
    def state(self) -> ControllerState:
        return self._state

    @property
    def ended(self) -> bool:
        """The session is over: this controller is done."""
        return self._state is ControllerState.ENDED

    @property
    def engine(self) -> SessionEngine:
        """The session's engine (read its state and snapshot; act through the controller)."""
        return self._engine

    @property
    def plan(self) -> Plan:
        return self._engine.plan

    @property
    def link(self) -> TreadmillControl:
        return self._link

    @property
    def task(self) -> asyncio.Task[EndReason] | None:
        """The task running the engine (after ``launch``)."""
        return self._task

    @property
    def end_reason(self) -> EndReason | None:
        return self._end_reason

    @property
    def tally(self) -> SessionTally:
        """The session's statistics so far (statistics.py)."""
        return self._tally

    @property
    def summary(self) -> SessionSummary | None:
        """The summary, once the session has ended."""
        return self._summary

    @property
    def recording(self) -> bool:
        """A history entry is being written for this session."""
        return self._history is not None

    def session_state(self) -> SessionState:
        """The engine's live state."""
        return self._engine.state

    def is_active(self) -> bool:
        """The belt may move or is about to (STOP on every screen)."""
        return not self.ended and self._engine.state in ACTIVE_STATES

    def can_pause(self) -> bool:
        return not self.ended and self._engine.state in PAUSABLE_STATES

    def can_start(self) -> bool:
        """A start (Enter) would start the session now."""
        return not self.ended and self._engine.state in STARTABLE_STATES

    def snapshot(self) -> SessionSnapshot:
        """The engine's snapshot, with the elapsed time: the statistics' total time now (it
        stands still while stopped or ended)."""
        snap = self._engine.snapshot()
        return dataclasses.replace(snap, elapsed_s=self._tally.total_s_at(snap.t))

    # ---- its life --------------------------------------------------------------------------

    def launch(self, spawn: Spawn | None = None) -> asyncio.Task[EndReason]:
        """Run the engine as a task (``spawn`` makes it; default: on the running loop). The
        session is ready: it waits for ``start``."""
        if self._task is not None:
            return self._task
        self._task = (spawn or asyncio.get_running_loop().create_task)(self._engine.run())
        self._loop = self._task.get_loop()
        self._task.add_done_callback(self._on_run_done)
        return self._task

    async def wait_started(self) -> float:
        """Wait until session time runs (the engine reached the treadmill, or failed to)."""
        return await self._engine.wait_started()

    def close(self) -> None:
        """Done with this session whatever its state (the app closes, another plan is chosen):
        a running engine is cancelled (it stops the belt first) and the history is written and
        closed."""
        if self._task is not None and not self._task.done():
            # run() stops the belt and emits its end event; the run's end closes the record.
            self._task.cancel()
            return
        self._stop_recording()
        if self._heart_rate is not None:
            self._heart_rate.follow(None)

    # ---- the user's actions ----------------------------------------------------------------

    def start(self) -> bool:
        """START: begin the session (or begin again after a STOP). Refused once ended."""
        if not self.can_start():
            self._refused("start")
            return False
        self._engine.user_start()
        return True

    def confirm(self) -> bool:
        """Enter: start when the session waits for a start, resume when it is paused."""
        if self.can_start():
            return self.start()
        if not self.ended and self._engine.state is S.PAUSED:
            return self.resume()
        return False

    def stop(self) -> None:
        """STOP, at once. After the end it still goes to the treadmill (the belt may have been
        started from its console)."""
        if not self.ended:
            self._engine.user_stop()
            return
        if self._link.state is LinkState.CONNECTED:
            loop = self._loop or asyncio.get_running_loop()
            task = loop.create_task(self._link.stop(), name="stop")
            self._stop_tasks.add(task)
            task.add_done_callback(self._stop_tasks.discard)

    def pause(self) -> bool:
        return self._act("pause", self._engine.user_pause)

    def resume(self) -> bool:
        return self._act("resume", self._engine.user_resume)

    def toggle_pause(self) -> bool:
        return self._act("pause", self._engine.user_toggle_pause)

    def skip(self) -> bool:
        return self._act("skip", self._engine.user_skip)

    def extend(self, seconds: float = 30.0) -> bool:
        return self._act("extend", lambda: self._engine.user_extend(seconds))

    def change_speed(self, delta_kmh: float) -> bool:
        return self._act("speed", lambda: self._engine.user_speed_delta(delta_kmh))

    def end(self) -> bool:
        """END: finish the session (the engine stops the belt first)."""
        return self._act("end", self._engine.user_end)

    def _act(self, what: str, action: Callable[[], None]) -> bool:
        if self.ended:
            self._refused(what)
            return False
        action()
        return True

    def _refused(self, what: str) -> None:
        _log.info("%s refused: the session is %s", what, self._engine.state)

    # ---- engine events ---------------------------------------------------------------------

    def _on_event(self, event: SessionEvent) -> None:
        record = event.to_json()
        self._tally.add(record)
        self._notices.add(record)
        if isinstance(event, StateEvent):
            self._on_state(event.state)
        if self._state is ControllerState.RUNNING:
            self._queue_for_history(event)
        if isinstance(event, EndEvent):
            self._ended(event.reason)

    def _on_state(self, state: SessionState) -> None:
        if state is S.STARTING_COUNTDOWN and self._state is ControllerState.READY:
            # The engine accepted the first start: from here on this is a session to record.
            self._state = ControllerState.RUNNING

    def _ended(self, reason: EndReason) -> None:
        if self._end_reason is not None:
            return
        self._end_reason = reason
        self._state = ControllerState.ENDED
        statistics = self._tally.statistics()
        self._summary = dataclasses.replace(
            self._summarize(self.plan, self.snapshot(), reason),
            statistics=statistics,
            notices=self._notices.notices(statistics),
        )

    def _on_run_done(self, task: asyncio.Task[EndReason]) -> None:
        self._stop_recording()
        if self._heart_rate is not None:
            self._heart_rate.follow(None)
        if self._end_reason is None:  # the run died without its end event
            failed = task.cancelled() or task.exception() is not None
            self._ended(EndReason.ERROR if failed else task.result())
        if self._on_end is not None:
            self._on_end(self)

    # ---- history -----------------------------------------------------------------------------

    def _queue_for_history(self, event: SessionEvent) -> None:
        self._history_queue.append(event.to_json())
        if self._history_flush is None:
            loop = self._loop or asyncio.get_running_loop()
            self._history_flush = loop.call_later(HISTORY_DELAY_S, self._flush_history)

    def _flush_history(self) -> None:
        self._history_flush = None
        if self._history is None and self._open_history is not None and self._history_queue:
            opener, self._open_history = self._open_history, None  # opened once, at most
            self._history = opener()
        history = self._history
        while self._history_queue:
            event = self._history_queue.popleft()
            if history is not None:
                history.on_event(event)

    def _stop_recording(self) -> None:
        if self._history_flush is not None:
            self._history_flush.cancel()
        self._flush_history()
        self._open_history = None  # nothing is opened after this
        if self._history is not None:
            self._history.close()  # marks a session without an end "interrupted"
            self._history = None
