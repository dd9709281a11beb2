"""The thin async runner: carries a ``SessionMachine``'s effects out on a ``TreadmillControl``
link and feeds every outcome back as an input.

- Inputs reach the machine the moment they happen (link callbacks, user actions, timers), one at
  a time: an input that comes while effects are being carried out waits for them (a listener
  that acts on an event never re-enters the machine).
- ``Send``: the command is started at once; the link writes one command at a time, in order
  (its write lock), and its answer comes back as ``CommandDone``.
- ``SendStop``: ``link.stop()`` at once, never behind anything (the link abandons a pending
  command's wait and writes STOP first); its outcome comes back as ``StopDone``.
- ``WakeAt``: one timer, re-armed on each; it sends a ``Tick``.
- ``Connect`` (reconnect), ``Ask`` (headless: will a user still act?), ``Emit`` (listeners),
  ``End`` (``run()`` returns after the shut-down).

Nothing here decides anything about the session: that is the machine's.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable
from typing import Any, Final

from treadmill_ctl.errors import TreadmillError
from treadmill_ctl.ftms.api import TreadmillControl
from treadmill_ctl.ftms.model import (
    BadPacket,
    CommandOutcome,
    LinkEvent,
    LinkState,
    LinkUpdate,
    MachineStatus,
    Op,
    TreadmillData,
)
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import EndReason, SessionEvent
from treadmill_ctl.session.machine import SessionMachine

__all__ = ["SessionRunner"]

log = logging.getLogger(__name__)

STOP_ANSWER_WAIT_S: Final = 6.0  # at the end: wait this long for the last STOP's answer
_ANSWERED_STOPS: Final = frozenset({io.StopKind.SESSION, io.StopKind.FINISH})

type EventListener = Callable[[SessionEvent], None]


class SessionRunner:
    """Runs one ``SessionMachine`` on one link (see the module docstring)."""

    def __init__(
        self,
        machine: SessionMachine,
        link: TreadmillControl,
        listeners: list[EventListener],
        *,
        user_available: Callable[[], bool] | None = None,
    ) -> None:
        self._machine = machine
        self._link = link
        self._listeners = listeners
        self._user_available = user_available
        self._loop: asyncio.AbstractEventLoop | None = None
        self._inbox: deque[io.Input] = deque()
        self._feeding = False
        self._done: asyncio.Future[EndReason] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._stops: set[asyncio.Task[Any]] = set()  # stops that must finish before the end
        self._stop_answered = asyncio.Event()
        self._stop_answered.set()  # no STOP sent yet
        self._closed = False

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        return self._loop

    def time(self) -> float:
        """The loop's time (0.0 before ``run()``)."""
        return self._loop.time() if self._loop is not None else 0.0

    # ---- feeding -----------------------------------------------------------------------

    def feed(self, inp: io.Input) -> None:
        """Give the machine one input now (or right after the input being handled)."""
        self._inbox.append(inp)
        if self._feeding:
            return
        self._feeding = True
        try:
            while self._inbox:
                item = self._inbox.popleft()
                try:
                    effects = self._machine.feed(item)
                except Exception as exc:  # a bug must end the session, not hang it
                    log.exception("session machine failed on %r", item)
                    if isinstance(item, io.Fatal):
                        self._finish(EndReason.ERROR)
                        continue
                    self._inbox.append(io.Fatal(self.time(), f"internal error ({exc})"))
                    continue
                for effect in effects:
                    self._carry_out(effect)
        finally:
            self._feeding = False

    def _carry_out(self, effect: io.Effect) -> None:
        match effect:
            case io.Emit(event):
                for listener in list(self._listeners):
                    try:
                        listener(event)
                    except Exception:  # one broken listener must not stop the session
                        log.exception("session event listener failed on %r", event)
            case io.SendStop(cmd, kind):
                if kind in _ANSWERED_STOPS:
                    self._stop_answered.clear()
                task = self._spawn(self._stop(cmd), "stop", eager=True)
                # Every STOP finishes before the end, a quiet one too (the session may end
                # the instant it is sent: the link must not close before it is written).
                self._stops.add(task)
                task.add_done_callback(self._stops.discard)
            case io.Send(cmd, op, value):
                self._spawn(self._command(cmd, op, value), str(op), eager=True)
            case io.WakeAt(t):
                if self._timer is not None:
                    self._timer.cancel()
                    self._timer = None
                if t is not None and self._loop is not None and not self._closed:
                    self._timer = self._loop.call_at(t, self._tick, t)
            case io.Connect():
                self._spawn(self._connect(), "reconnect")
            case io.Resubscribe():
                self._spawn(self._resubscribe(), "resubscribe")
            case io.Ask(serial):
                if self._loop is not None:
                    self._loop.call_soon(self._ask, serial)
            case io.End(reason):
                self._finish(reason)

    def _finish(self, reason: EndReason) -> None:
        if self._done is not None and not self._done.done():
            self._done.set_result(reason)

    # ---- effects -----------------------------------------------------------------------

    async def _command(self, cmd: int, op: io.Cmd, value: float | None) -> None:
        try:
            match op:
                case io.Cmd.START:
                    outcome = await self._link.start()
                case io.Cmd.PAUSE:
                    outcome = await self._link.pause()
                case io.Cmd.SET_SPEED:
                    outcome = await self._link.set_speed(value or 0.0)
                case io.Cmd.SET_INCLINE:
                    outcome = await self._link.set_incline(value or 0.0)
        except TreadmillError:
            if self._link.state is not LinkState.CONNECTED:
                return  # the link-loss input takes over
            raise
        connected = self._link.state is LinkState.CONNECTED
        self.feed(io.CommandDone(self.time(), cmd, outcome, connected))

    async def _stop(self, cmd: int) -> None:
        try:
            outcome = await self._link.stop()
        except TreadmillError as exc:
            log.warning("STOP failed: %s", exc)
            self.feed(io.StopDone(self.time(), cmd, None))
            return
        self.feed(io.StopDone(self.time(), cmd, outcome))

    async def _connect(self) -> None:
        try:
            caps = await self._link.connect()
        except TreadmillError as exc:
            self.feed(io.ConnectFailed(self.time(), str(exc), self._user_can_act()))
            return
        self.feed(io.LinkBack(self.time(), caps))

    async def _resubscribe(self) -> None:
        try:
            done = await self._link.resubscribe_data()
        except TreadmillError as exc:
            log.warning("subscribing to Treadmill Data again failed: %s", exc)
            return
        log.info("subscribed to Treadmill Data again: %s", "done" if done else "not done")

    def _tick(self, when: float) -> None:
        self._timer = None
        # A timer may fire a hair before its time on some clocks: it is its time.
        self.feed(io.Tick(max(self.time(), when)))

    def _ask(self, serial: int) -> None:
        if not self._user_can_act():
            self.feed(io.UserGone(self.time(), serial))

    def _user_can_act(self) -> bool:
        if self._user_available is None:
            return True
        try:
            return bool(self._user_available())
        except Exception:  # a broken callback must not keep a headless run alive forever
            log.exception("user_available callback failed")
            return False

    # ---- the link's side ---------------------------------------------------------------

    def _on_update(self, update: LinkUpdate) -> None:
        t = self.time()
        if isinstance(update, TreadmillData):
            self.feed(io.Data(t, update))
        elif isinstance(update, MachineStatus):
            self.feed(io.Status(t, update))
        elif isinstance(update, LinkEvent):
            if update.state is LinkState.LOST:
                self.feed(io.LinkLost(t))
        elif isinstance(update, BadPacket):
            log.info("bad packet from the treadmill: %s (%s)", update.raw, update.reason)

    def _on_command(self, outcome: CommandOutcome) -> None:
        if outcome.op is Op.STOP:
            self._stop_answered.set()
        self.feed(io.CommandReport(self.time(), outcome))

    # ---- the run -----------------------------------------------------------------------

    async def run(self, on_started: Callable[[], None]) -> EndReason:
        """Connect if needed, run until the machine ends the session, shut down.
        ``on_started`` is called once session time runs (or the connect failed)."""
        loop = asyncio.get_running_loop()
        self._loop = loop
        self._done = loop.create_future()
        unsubscribe = [
            self._link.add_listener(self._on_update),
            self._link.add_command_listener(self._on_command),
        ]
        try:
            try:
                self.feed(io.Opening(loop.time()))
                error: str | None = None
                if self._link.state is not LinkState.CONNECTED:
                    try:
                        await self._link.connect()
                    except TreadmillError as exc:
                        error = str(exc)
                # Session time starts once the treadmill is reachable (or known not to be).
                self.feed(io.Begin(loop.time(), self._link.capabilities, error))
                on_started()
                reason = await asyncio.shield(self._done)
            except asyncio.CancelledError:
                self.feed(io.Cancelled(loop.time()))
                await self._shutdown()
                raise
            await self._shutdown()
            return reason
        finally:
            for off in unsubscribe:
                off()

    async def _shutdown(self) -> None:
        """After the end: no task left behind, the belt stopped if it may move, the end event."""
        current = asyncio.current_task()
        pending = [t for t in self._tasks if t is not current and t not in self._stops]
        for t in pending:
            t.cancel()
        if self._stops:
            with contextlib.suppress(asyncio.CancelledError, TreadmillError):
                await asyncio.shield(asyncio.gather(*self._stops, return_exceptions=True))
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        if not self._stop_answered.is_set():
            # The link may confirm a STOP (by status or speed) before the machine's answer:
            # wait for it, so that the record has every command's result.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(STOP_ANSWER_WAIT_S):
                    await self._stop_answered.wait()
        self.feed(io.Closing(self.time(), self._link.state is LinkState.CONNECTED))
        while self._stops:
            with contextlib.suppress(asyncio.CancelledError, TreadmillError):
                await asyncio.shield(asyncio.gather(*self._stops, return_exceptions=True))
        self._closed = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.feed(io.Closed(self.time()))

    def _spawn(self, coro: Any, name: str, *, eager: bool = False) -> asyncio.Task[Any]:
        """A task on the runner's loop (not "the running loop": a UI callback may come between
        iterations). ``eager``: a command runs at once up to its first wait, so that it is on
        its way (and in the link's order) before anything else happens."""
        loop = self._loop or asyncio.get_running_loop()
        task: asyncio.Task[Any]
        if eager and loop.is_running():
            task = asyncio.Task(coro, loop=loop, name=f"session-{name}", eager_start=True)
        else:
            task = loop.create_task(coro, name=f"session-{name}")
        if task.done():
            self._task_done(task)
            return task
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
            self.feed(io.Fatal(self.time(), f"internal error ({exc})"))
