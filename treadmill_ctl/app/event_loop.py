"""The app's one asyncio loop: qasync's, which runs asyncio callbacks as Qt timers so Qt and the
core share one thread and one loop.

``speedup`` > 1 makes the loop's clock run faster than the wall clock: ``loop.time()`` advances
``speedup`` seconds per real second and every timer (``asyncio.sleep``, ``asyncio.timeout``,
``call_later``) fires ``speedup`` times sooner. The engine, the virtual treadmill and pyftms all
read time from the loop, so a whole session can be watched in a GUI test, a screenshot run or a
benchmark in seconds. The app itself always runs at 1×.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from contextvars import Context
from typing import Any

import qasync

from treadmill_ctl.app.gui_gc import GuiThreadCollector
from treadmill_ctl.app.qt import QBasicTimer, QEventLoop, QGuiApplication, QObject


class _LoopTimers(qasync._SimpleTimer):  # type: ignore[misc]  # qasync is untyped
    """qasync's timers for the loop's callbacks, each a ``QBasicTimer``. qasync starts them
    with ``QObject.startTimer`` and ends them with ``QObject.killTimer(int)``, and PySide
    resolves that call's overloads (``int`` or ``Qt.TimerId``) by building the whole ``Qt``
    enum namespace, ~15 ms at the loop's first callback, before the window's first frame."""

    def __init__(self) -> None:
        super().__init__()
        self._timers: dict[int, QBasicTimer] = {}

    def add_callback(self, handle: asyncio.Handle, delay: float = 0) -> asyncio.Handle:
        timer = QBasicTimer()
        timer.start(int(max(0, delay) * 1000), self)
        timer_id = timer.timerId()
        self._timers[timer_id] = timer
        self._SimpleTimer__callbacks[timer_id] = handle  # qasync's own table (name-mangled)
        return handle

    def killTimer(self, timer_id: int) -> None:  # qasync calls it
        timer = self._timers.pop(timer_id, None)
        if timer is not None:
            timer.stop()
        else:
            QObject.killTimer(self, timer_id)


class AppEventLoop(qasync.QEventLoop):  # type: ignore[misc]  # qasync is untyped
    """qasync's loop with an optional faster clock (see the module docstring)."""

    def __init__(
        self, app: QGuiApplication, *, speedup: float = 1.0, already_running: bool = False
    ) -> None:
        if speedup <= 0:
            raise ValueError("speedup must be positive")
        self._speedup = float(speedup)
        # time() = loop_anchor + (monotonic() - anchor) * speedup
        self._anchor = time.monotonic()
        self._loop_anchor = self._anchor
        # Timers not yet run, re-armed on a speed change; a generation tells stale armings.
        self._waiting: set[asyncio.TimerHandle] = set()
        self._generation = 0
        super().__init__(app, already_running=already_running)
        self._timer = _LoopTimers()
        # While this loop runs, garbage is collected on the GUI thread only (app/gui_gc.py).
        self.collector = GuiThreadCollector()

    def close(self) -> None:
        self.collector.stop()
        super().close()

    def detach(self) -> None:
        """Stop being a running loop that Qt drives from outside (``already_running``) without
        asking Qt to quit: qasync's ``stop()`` calls ``QCoreApplication.exit()``, after which
        every later ``QEventLoop.exec()`` in the process returns at once (pytest-qt's waits
        among them)."""
        self._QEventLoop__is_running = False  # qasync keeps the flag private

    @property
    def speedup(self) -> float:
        """How many loop seconds pass per real second."""
        return self._speedup

    def time(self) -> float:
        """The loop's clock (the one clock of the app)."""
        return self._loop_anchor + (time.monotonic() - self._anchor) * self._speedup

    def set_speedup(self, speedup: float) -> None:
        """Change how fast the clock runs from now on (the clock never jumps). Timers already
        waiting are re-armed for the new rate, so each still fires at its loop time (a 30 s
        phase timer set at 1× must not take 30 real seconds after a switch to 60×); tools use
        this to fast-forward through the uneventful parts of a session."""
        if speedup <= 0:
            raise ValueError("speedup must be positive")
        self._loop_anchor = self.time()
        self._anchor = time.monotonic()
        self._speedup = float(speedup)
        self._generation += 1
        for handle in list(self._waiting):
            if handle.cancelled():
                self._waiting.discard(handle)
            else:
                self._arm(handle)

    def call_later(
        self,
        delay: float,
        callback: Callable[..., object],
        *args: Any,
        context: Context | None = None,
    ) -> asyncio.TimerHandle:
        """Run ``callback`` after ``delay`` loop seconds (``delay / speedup`` real seconds).
        Returns a real ``TimerHandle`` (with ``when()``), as asyncio's own loops do; qasync
        returns a plain Handle."""
        delay = max(0.0, delay)
        handle = asyncio.TimerHandle(self.time() + delay, callback, args, self, context=context)
        if delay == 0:  # call_soon: nothing to re-arm
            self._add_callback(handle, 0)
        else:
            self._waiting.add(handle)
            self._arm(handle)
        return handle

    def _arm(self, handle: asyncio.TimerHandle) -> None:
        """A Qt timer for ``handle`` at the current rate; earlier armings become no-ops."""
        real_delay = max(0.0, handle.when() - self.time()) / self._speedup
        # Qt timers count whole milliseconds (qasync truncates): round up, never fire early.
        real_delay = math.ceil(real_delay * 1000.0) / 1000.0 + 1e-7
        proxy = asyncio.Handle(self._fire, (handle, self._generation), self)
        self._add_callback(proxy, real_delay)

    def _fire(self, handle: asyncio.TimerHandle, generation: int) -> None:
        if generation != self._generation or handle not in self._waiting:
            return  # re-armed since (a speed change), or already run
        if handle.cancelled():
            self._waiting.discard(handle)
            return
        if handle.when() > self.time():  # a coarse Qt timer may fire a little early
            self._arm(handle)
            return
        self._waiting.discard(handle)
        handle._run()


def install_running_loop(app: QGuiApplication, *, speedup: float = 1.0) -> AppEventLoop:
    """Make an ``AppEventLoop`` the running loop while Qt's own event loop is driven by someone
    else (pytest-qt's ``qtbot.waitUntil``, a screenshot script). Undo with
    ``uninstall_running_loop``."""
    loop = AppEventLoop(app, speedup=speedup, already_running=True)
    asyncio.set_event_loop(loop)
    return loop


def uninstall_running_loop(loop: AppEventLoop, *, settle_s: float = 2.0) -> None:
    """Cancel what is left on ``loop`` (letting the tasks unwind for up to ``settle_s`` real
    seconds of Qt event processing), close it and clear it as the running loop."""
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in tasks:
        task.cancel()
    deadline = time.monotonic() + settle_s
    while any(not t.done() for t in tasks) and time.monotonic() < deadline:
        QGuiApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    loop.detach()
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)
    loop.close()
