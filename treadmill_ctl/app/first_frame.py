"""The window's first frame: until it is drawn, the app neither imports asyncio nor makes its
loop (see ``main.py``). ``FirstFrame`` tells the loop when it is drawn (or FIRST_FRAME_WAIT_S
have passed); ``wait_for_first_frame`` lets Qt draw it before the loop exists.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from treadmill_ctl.app.qt import QEventLoop, QQuickWindow, QTimer
from treadmill_ctl.errors import TreadmillError

if TYPE_CHECKING:
    import asyncio

# A window that does not draw (started minimised, on a hidden desktop) must not hold the scan
# and the rest of the app back for long.
FIRST_FRAME_WAIT_S: Final = 1.0


class FirstFrame:
    """Whether the window has drawn its first frame (or FIRST_FRAME_WAIT_S have passed since
    the loop started): ``await wait()`` once the loop runs.

    ``frameSwapped`` may come on the render thread (the threaded render loop of xcb and most
    desktops), where several frames can be drawn before a disconnect made there takes effect:
    the first frame is taken once, under a lock, and the signal is disconnected from the GUI
    thread (``_unwatch``), never from the render thread."""

    def __init__(self) -> None:
        self.drawn = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None
        self._window: QQuickWindow | None = None
        self._lock = threading.Lock()
        # Called once, at the first frame, on the thread that drew it.
        self.at_first_frame: list[Callable[[], None]] = []

    def watch(self, window: QQuickWindow) -> None:
        """Take ``window``'s first frame (called on the GUI thread before it can draw)."""
        self._window = window
        window.frameSwapped.connect(self.frame_swapped)

    def frame_swapped(self) -> None:
        """The window drew a frame (on some platforms called on the render thread)."""
        with self._lock:
            if self.drawn:
                return
            self.drawn = True
            loop = self._loop
        for call in self.at_first_frame:
            call()
        if loop is not None:
            loop.call_soon_threadsafe(self._set_drawn)

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """The loop runs now (called on its thread)."""
        import asyncio  # noqa: PLC0415 - not before the first frame (see the module doc)

        self._event = asyncio.Event()
        with self._lock:
            self._loop = loop
            drawn = self.drawn
        if drawn:
            self._set_drawn()
        else:
            loop.call_later(FIRST_FRAME_WAIT_S, self._set)

    def after_wait(self) -> None:
        """``wait_for_first_frame`` is done (on the GUI thread): stop watching if drawn."""
        if self.drawn:
            self._unwatch()

    def _set_drawn(self) -> None:  # on the GUI thread
        self._unwatch()
        self._set()

    def _unwatch(self) -> None:
        window, self._window = self._window, None
        if window is not None:
            window.frameSwapped.disconnect(self.frame_swapped)

    def _set(self) -> None:
        if self._event is not None:
            self._event.set()

    async def wait(self) -> None:
        """Until the first frame (``start`` must have been called)."""
        if self._event is None:
            raise TreadmillError("FirstFrame.wait before the loop started")
        await self._event.wait()


def wait_for_first_frame(shown: FirstFrame, window: QQuickWindow) -> None:
    """Let Qt draw the window's first frame (or wait FIRST_FRAME_WAIT_S), before the app's
    loop exists. Input the user gives meanwhile is not lost: Qt keeps it until the loop runs."""
    if shown.drawn:
        shown.after_wait()
        return
    waiting = QEventLoop()
    # Queued to this thread if the render thread emits it.
    window.frameSwapped.connect(waiting.quit)
    limit = QTimer()
    limit.setSingleShot(True)
    limit.timeout.connect(waiting.quit)
    limit.start(round(FIRST_FRAME_WAIT_S * 1000))
    waiting.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    limit.stop()
    window.frameSwapped.disconnect(waiting.quit)
    shown.after_wait()
