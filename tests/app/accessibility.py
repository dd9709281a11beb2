"""The window's accessibility, as a screen reader sees it (tests/app/test_accessibility.py and
scripts/screenshots.py): which controls and tiles have no accessible name or role, and the
order Tab moves the keyboard focus in."""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtGui import QAccessible

from treadmill_ctl.app.qt import QQmlEngine, QQmlExpression, QQuickItem, QQuickWindow

# Qt Quick types a user operates (class names, without QML's generated suffixes).
CONTROL_TYPES = (
    "QQuickAbstractButton", "QQuickButton", "QQuickCheckBox", "QQuickSwitch", "QQuickRadioButton",
    "QQuickSlider", "QQuickSpinBox", "QQuickComboBox", "QQuickTextField", "QQuickTextArea",
    "QQuickTextInput", "QQuickTextEdit", "QQuickToolButton", "QQuickItemDelegate",
    "QQuickDelegateChoice", "QQuickTabButton", "QQuickRoundButton",
)  # fmt: skip
# Roles that say what a control is (not "Client" or none).
TILE_TYPES = ("StatTile",)


@dataclass(frozen=True, slots=True)
class Unnamed:
    """A control or tile a screen reader cannot name."""

    what: str  # its QML type and objectName
    why: str

    def __str__(self) -> str:
        return f"{self.what}: {self.why}"


def _qml_type(item: QQuickItem) -> str:
    name = item.metaObject().className()
    return name.split("_QMLTYPE_")[0].split("_QML_")[0]


def _inherits(item: QQuickItem, names: tuple[str, ...]) -> bool:
    meta = item.metaObject()
    while meta is not None:
        if meta.className() in names:
            return True
        meta = meta.superClass()
    return False


def _shown(item: QQuickItem) -> bool:
    return item.isVisible() and item.opacity() > 0.01 and item.width() > 0 and item.height() > 0


def _role_and_name(item: QQuickItem) -> tuple[str, str]:
    """The role and name QML gives ``item`` (its ``Accessible`` attached properties, with the
    defaults Qt Quick Controls fill in while accessibility is active); ("", "") when QML has
    none for it."""
    context = QQmlEngine.contextForObject(item)
    if context is None:
        parent = item.parentItem()
        context = QQmlEngine.contextForObject(parent) if parent is not None else None
    if context is None:
        return "", ""
    values = []
    for prop in ("Accessible.role", "Accessible.name"):
        expression = QQmlExpression(context, item, prop)
        try:
            values.append(expression.evaluate()[0])
            if expression.hasError():
                return "", ""
        finally:
            shiboken6.delete(expression)  # now, not when Python collects it after the window
    role, name = values
    try:
        role_name = QAccessible.Role(int(role)).name
    except (TypeError, ValueError):
        role_name = str(role)
    return role_name, str(name or "")


def _labelled(item: QQuickItem, levels: int = 3) -> tuple[bool, str]:
    """``item`` or one of its nearest parents (the control it belongs to) has a role and a
    name."""
    node: QQuickItem | None = item
    seen = ""
    for _ in range(levels + 1):
        if node is None:
            break
        role, name = _role_and_name(node)
        if role in ("", "0", "NoRole") and _inherits(node, CONTROL_TYPES):
            # A Qt Quick Controls type says its role itself once a screen reader is active
            # (Button, EditableText, Slider...); its name must be given (its text may be "✕").
            role = _qml_type(node)
        if role not in ("", "0", "NoRole", "Client") and any(c.isalnum() for c in name):
            return True, ""
        if role not in ("", "0", "NoRole", "Client"):
            seen = f"role {role} but no name in words ({name!r})"
        node = node.parentItem()
    return False, seen or "no Accessible.role and Accessible.name"


def _describe(item: QQuickItem) -> str:
    name = item.objectName()
    text = item.property("text")
    label = f" “{text}”" if isinstance(text, str) and text else ""
    return f"{_qml_type(item)}{' #' + name if name else ''}{label}"


def unnamed_controls(window: QQuickWindow) -> list[Unnamed]:
    """Every shown control (a Controls type, a text input, a MouseArea or TapHandler that is
    enabled) and every tile (StatTile) without an accessible role and name."""
    out: list[Unnamed] = []
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if not _shown(item):
            continue
        stack.extend(item.childItems())
        kind = _qml_type(item)
        interactive = (
            _inherits(item, CONTROL_TYPES)
            or (kind == "QQuickMouseArea" and item.isEnabled())
            or any(
                c.metaObject().className().startswith("QQuickTapHandler") and c.property("enabled")
                for c in item.children()
            )
        )
        if kind in TILE_TYPES or interactive:
            target = item.parentItem() if kind == "QQuickMouseArea" else item
            assert target is not None
            ok, why = _labelled(item if kind != "QQuickMouseArea" else target)
            if not ok:
                out.append(Unnamed(_describe(target), why))
    return out


_FOCUS_CHAIN_JS = """(function () {
    var out = [], first = root.nextItemInFocusChain(true), item = first;
    while (item && item !== root && out.length < 100) {
        var p = item.mapToItem(null, 0, 0);
        out.push([Math.round(p.y), Math.round(p.x), item.objectName,
                  String(item.Accessible.name || "")]);
        item = item.nextItemInFocusChain(true);
        if (item === first) break;
    }
    return out;
})()"""


def focus_chain(window: QQuickWindow) -> list[tuple[int, int, str, str]]:
    """The items Tab moves the keyboard focus to, in order, once round: (y, x) in the window,
    objectName, accessible name. Walked in QML (holding Python wrappers of items a screen
    change deletes crashes PySide's garbage collector)."""
    root = window.contentItem()
    context = QQmlEngine.contextForObject(window)
    assert context is not None
    expression = QQmlExpression(context, window, "var root = contentItem;" + _FOCUS_CHAIN_JS)
    try:
        value = expression.evaluate()[0]
        assert not expression.hasError(), expression.error().toString()
    finally:
        shiboken6.delete(expression)
    del root
    rows = value.toVariant() if hasattr(value, "toVariant") else value
    return [(int(y), int(x), str(name), str(label)) for y, x, name, label in rows]
