"""The whole app in a window (offscreen): ``build_app`` over the virtual treadmill on qasync's
loop with a sped-up clock, driven by real key presses and mouse clicks through pytest-qt.

The loop runs ``SPEEDUP`` times faster than the wall clock, so a 5-second countdown takes a
quarter of a second; ``qtbot.waitUntil`` keeps Qt (and with it the loop) running while a test
waits for what the screen shows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from pytestqt.qtbot import QtBot

from treadmill_ctl.app.main import RunningApp
from treadmill_ctl.app.qt import QPoint, QQuickItem, Qt
from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.sim.treadmill import VirtualTreadmill

SPEEDUP: Final = 20.0
WAIT_MS: Final = 10_000  # wall-clock bound for anything a test waits for

T = TypeVar("T")

KEYS: Final = {
    "Space": Qt.Key.Key_Space,
    "Escape": Qt.Key.Key_Escape,
    "B": Qt.Key.Key_B,
    "Period": Qt.Key.Key_Period,
    "F5": Qt.Key.Key_F5,
    "Shift+F5": Qt.Key.Key_F5,
    "P": Qt.Key.Key_P,
    "Return": Qt.Key.Key_Return,
    "PageUp": Qt.Key.Key_PageUp,
    "PageDown": Qt.Key.Key_PageDown,
    "Up": Qt.Key.Key_Up,
    "Down": Qt.Key.Key_Down,
    "F11": Qt.Key.Key_F11,
    "N": Qt.Key.Key_N,
    "E": Qt.Key.Key_E,
}


@dataclass
class WindowRig:
    """The running app, the test's bot and the virtual treadmill."""

    running: RunningApp
    qtbot: QtBot

    @property
    def treadmill(self) -> VirtualTreadmill:
        treadmill = self.running.source.treadmill
        assert treadmill is not None
        return treadmill

    def session(self, name: str) -> Any:
        return self.running.bridge.session_bridge.property(name)

    def item(self, object_name: str) -> QQuickItem:
        found = self.running.window.findChild(QQuickItem, object_name)
        assert found is not None, f"no item {object_name!r} on screen"
        return found

    def shown(self, object_name: str) -> bool:
        """The item exists and is visible (with all its parents)."""
        found = self.running.window.findChild(QQuickItem, object_name)
        return found is not None and found.isVisible()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the app's loop while Qt keeps running."""
        task = asyncio.get_event_loop().create_task(coro)
        self.qtbot.waitUntil(task.done, timeout=WAIT_MS)
        return task.result()

    def wait(self, check: Any, timeout: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(lambda: bool(check()), timeout=timeout)

    def wait_state(self, state: str) -> None:
        self.wait(lambda: self.session("state") == state)

    def press(self, key: str) -> None:
        """A real key press sent to the window (the app's key filter sees it first)."""
        modifier = (
            Qt.KeyboardModifier.ShiftModifier
            if key.startswith("Shift+")
            else Qt.KeyboardModifier.NoModifier
        )
        self.qtbot.keyClick(self.running.window, KEYS[key], modifier)

    def click(self, object_name: str) -> None:
        """A real mouse click in the middle of an item."""
        target = self.item(object_name)
        centre = target.mapToScene(target.boundingRect().center()).toPoint()
        self.qtbot.mouseClick(
            self.running.window, Qt.MouseButton.LeftButton, pos=QPoint(centre.x(), centre.y())
        )

    def control_ops(self) -> list[int]:
        return [data[0] for _t, data in self.treadmill.control_writes]

    def connect(self) -> TreadmillLink:
        """What the connect screen does once the user chose the virtual treadmill."""
        ctx = self.running.context
        link = ctx.open_link(self.treadmill.address)
        assert isinstance(link, TreadmillLink)
        self.run(link.connect())
        ctx.use_link(link)
        return link
