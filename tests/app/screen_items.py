"""Finding items by objectName in the window's *visual* tree: ListView and Repeater delegates
are not QObject children of the window, so ``findChild`` does not see them."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot
from window_rig import WAIT_MS, WindowRig

from treadmill_ctl.app.qt import QPoint, QQuickItem, Qt


def find(window: WindowRig, name: str) -> QQuickItem | None:
    """The first item called ``name`` (depth first from the window's content item)."""
    stack = [window.running.window.contentItem()]
    while stack:
        item = stack.pop()
        if item.objectName() == name:
            return item
        stack.extend(reversed(item.childItems()))
    return None


def item(window: WindowRig, name: str) -> QQuickItem:
    """The item called ``name``, waiting for it to be created (delegates come a frame later)."""
    window.qtbot.waitUntil(lambda: find(window, name) is not None, timeout=WAIT_MS)
    found = find(window, name)
    assert found is not None, f"no item {name!r} on screen"
    return found


def shown(window: WindowRig, name: str) -> bool:
    """The item exists and is visible (with all its parents)."""
    found = find(window, name)
    return found is not None and found.isVisible()


def prop(window: WindowRig, name: str, prop_name: str) -> Any:
    return item(window, name).property(prop_name)


def scroll_into_view(target: QQuickItem) -> None:
    """Scroll the Flickable that holds ``target`` (if any) until it is in view, as a user
    would with the wheel before clicking it."""
    parent = target.parentItem()
    while parent is not None and not parent.inherits("QQuickFlickable"):
        parent = parent.parentItem()
    if parent is None:
        return
    content = parent.property("contentItem")
    top = target.mapToItem(content, target.boundingRect().topLeft()).y()
    bottom = top + target.height()
    view_y, view_h = float(parent.property("contentY")), parent.height()
    if bottom > view_y + view_h:
        parent.setProperty("contentY", bottom - view_h)
    elif top < view_y:
        parent.setProperty("contentY", top)
    # (contentY moves the items at once: the click below is delivered at their new place)


def click(window: WindowRig, name: str) -> None:
    """A real mouse click in the middle of the item (scrolled into view first)."""
    target = item(window, name)
    scroll_into_view(target)
    centre = target.mapToScene(target.boundingRect().center()).toPoint()
    window.qtbot.mouseClick(
        window.running.window, Qt.MouseButton.LeftButton, pos=QPoint(centre.x(), centre.y())
    )


def type_into(window: WindowRig, name: str, text: str, *, enter: bool = False) -> None:
    """Focus a text field, clear it, and type ``text`` with real key presses (lower case: the
    test keyboard sends no shifted characters)."""
    field = item(window, name)
    field.forceActiveFocus()
    field.setProperty("text", "")
    qtbot: QtBot = window.qtbot
    for char in text:
        qtbot.keyClick(window.running.window, _KEY_OF[char])
    if enter:
        qtbot.keyClick(window.running.window, Qt.Key.Key_Return)


_KEY_OF: dict[str, Qt.Key] = {
    **{str(n): getattr(Qt.Key, f"Key_{n}") for n in range(10)},
    **{chr(c): getattr(Qt.Key, f"Key_{chr(c).upper()}") for c in range(ord("a"), ord("z") + 1)},
    ".": Qt.Key.Key_Period,
    ",": Qt.Key.Key_Comma,
    ":": Qt.Key.Key_Colon,
    " ": Qt.Key.Key_Space,
    "-": Qt.Key.Key_Minus,
}
