"""Find what a user would see as broken layout in a shown window: text cut with "…", and
texts or controls drawn over one another or past the window's edge.

Used by the screenshot script (it prints what it finds for each screen) and by the tests that
render the session, presets and history screens at every supported window size.

What counts, chosen to avoid false alarms:

- *elided*: a visible text item whose ``truncated`` is true (Qt sets it when it elides a line
  or drops lines past ``maximumLineCount``);
- *overlap*: two *leaves* whose visible rectangles intersect by more than ``TOLERANCE_PX`` each
  way, neither inside the other. A leaf is a visible text item with text (measured by what it
  paints, not by its box: a label that fills a button paints only its words) or a control (a
  button, a field, a switch). Text inside a control belongs to it;
- *outside*: a leaf that reaches past the window's edge, or out of the card it is drawn on
  (its nearest ancestor Rectangle that paints a colour);
- *broken*: a wrapped text in more lines than it has words: a word split across lines (a
  caption squeezed by a mark beside it read "DIST / ANC / E");
- *clipped*: a text cut by a clipping ancestor that cannot be scrolled (not a Flickable);
  a control's own text that runs past the control counts as *outside*.

Items that an opaque overlay (an item whose objectName ends in ``Overlay``) covers are not
seen; nor are parts of items outside a clipping ancestor (a scrolled list's hidden rows), nor
items a scrolled view shows less than half of (the user scrolls to see them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from treadmill_ctl.app.qt import QQmlEngine, QQmlExpression, QQuickItem, QQuickWindow, QRectF

TOLERANCE_PX: Final = 1.0
_UNBOUNDED: Final = QRectF(-1e6, -1e6, 2e6, 2e6)

# Qt::AlignmentFlag values read through QML (PySide cannot convert QQuickText's own enums).
_ALIGN_RIGHT: Final = 0x2
_ALIGN_HCENTER: Final = 0x4
_ALIGN_BOTTOM: Final = 0x40
_ALIGN_VCENTER: Final = 0x80

# Items that are one control to the user (their own texts are part of them).
_CONTROL_TYPES: Final = ("ActionButton", "TabLikeButton", "ToggleSwitch", "KindBox", "ChoiceRow")
_CONTROL_CLASSES: Final = (
    "QQuickAbstractButton",
    "QQuickTextInput",
    "QQuickTextEdit",
    "QQuickComboBox",
    "QQuickSlider",
    "QQuickSpinBox",
)


@dataclass(frozen=True)
class Problem:
    """One layout problem: what kind, where (scene rectangles), which items."""

    kind: str  # "elided", "broken", "overlap", "outside", "clipped"
    what: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.what}"


@dataclass(frozen=True)
class _Leaf:
    item: QQuickItem
    rect: QRectF
    label: str


def audit(window: QQuickWindow) -> list[Problem]:
    """Every elided text, overlap and item past the edge in ``window`` as it is now (elided
    texts last)."""
    bounds = QRectF(0, 0, window.width(), window.height())
    walk = _Walk()
    walk.visit(window.contentItem(), None, _UNBOUNDED, overlay=False)
    visible = [leaf for leaf in walk.leaves if not _occluded(leaf, walk.occluders)]
    problems = [
        Problem("outside", f"{leaf.label} at {_fmt(leaf.rect)} (window {_fmt(bounds)})")
        for leaf in visible
        if not _inside(leaf.rect, bounds)
    ]
    for leaf in visible:
        card = _card_of(leaf.item)
        if card is not None and not _inside(leaf.rect, card[1]):
            problems.append(
                Problem("outside", f"{leaf.label} at {_fmt(leaf.rect)} (its card {_fmt(card[1])})")
            )
    for i, a in enumerate(visible):
        for b in visible[i + 1 :]:
            if _is_ancestor(a.item, b.item) or _is_ancestor(b.item, a.item):
                continue
            if _intersects(a.rect, b.rect):
                problems.append(
                    Problem("overlap", f"{a.label} {_fmt(a.rect)} and {b.label} {_fmt(b.rect)}")
                )
    return problems + walk.elided


class _Walk:
    """The window's item tree, depth first: its leaves, overlays and elided texts."""

    def __init__(self) -> None:
        self.leaves: list[_Leaf] = []
        self.occluders: list[tuple[QQuickItem, QRectF]] = []
        self.elided: list[Problem] = []

    def visit(
        self,
        item: QQuickItem,
        control: QQuickItem | None,
        clip: QRectF,
        *,
        overlay: bool,
        scrolls: bool = False,
    ) -> None:
        if not item.isVisible() or item.opacity() <= 0.01:
            return
        scene = item.mapRectToScene(_box(item))
        if item.clip():
            clip = clip.intersected(scene)
            scrolls = item.inherits("QQuickFlickable")
        if clip.isEmpty():
            return
        if item.objectName().endswith("Overlay") and not overlay:
            self.occluders.append((item, scene.intersected(clip)))
            overlay = True
        if control is None and _is_control(item):
            control = item
            rect = scene.intersected(clip)
            if _mostly_shown(rect, scene):
                self.leaves.append(_Leaf(item, rect, _label(item)))
        elif item.inherits("QQuickText"):
            self._text(item, control, clip, scrolls=scrolls)
        for child in item.childItems():
            self.visit(child, control, clip, overlay=overlay, scrolls=scrolls)

    def _text(
        self, item: QQuickItem, control: QQuickItem | None, clip: QRectF, *, scrolls: bool
    ) -> None:
        text = str(item.property("text") or "")
        if not text.strip():
            return
        if bool(item.property("truncated")):
            self.elided.append(Problem("elided", f"{_label(item)}: {text!r}"))
        lines = item.property("lineCount")
        if isinstance(lines, int) and lines > len(text.split()) + text.count("\n"):
            # more lines than words: a word broken across lines ("DIST / ANC / E")
            self.elided.append(Problem("broken", f"{_label(item)}: {text!r} in {lines} lines"))
        whole = _painted_rect(item)
        painted = whole.intersected(clip)
        if control is not None and not painted.isEmpty():
            box = control.mapRectToScene(_box(control))
            if not _inside(whole, box):
                self.elided.append(
                    Problem(
                        "outside",
                        f"{_label(item)} {_fmt(whole)} past {_label(control)} {_fmt(box)}",
                    )
                )
        if not scrolls and not painted.isEmpty() and not _inside(whole, clip):
            self.elided.append(Problem("clipped", f"{_label(item)} {_fmt(whole)} in {_fmt(clip)}"))
        if control is None and _mostly_shown(painted, whole):
            self.leaves.append(_Leaf(item, painted, _label(item)))


def _box(item: QQuickItem) -> QRectF:
    """The item's own rectangle (a text input's boundingRect is only its text)."""
    return QRectF(0, 0, item.width(), item.height())


def _mostly_shown(shown: QRectF, whole: QRectF) -> bool:
    area = whole.width() * whole.height()
    return not shown.isEmpty() and area > 0 and shown.width() * shown.height() >= area / 2


def _is_control(item: QQuickItem) -> bool:
    name = item.metaObject().className()
    if any(name.startswith(t + "_QML") for t in _CONTROL_TYPES):
        return True
    return any(item.inherits(c) for c in _CONTROL_CLASSES)


def _painted_rect(item: QQuickItem) -> QRectF:
    """The part of a text item's box its text covers, in scene coordinates."""
    width = min(float(item.property("contentWidth")), item.width())
    height = min(float(item.property("contentHeight")), item.height())
    halign = _qml_int(item, "horizontalAlignment")
    valign = _qml_int(item, "verticalAlignment")
    x = 0.0
    if halign & _ALIGN_RIGHT:
        x = item.width() - width
    elif halign & _ALIGN_HCENTER:
        x = (item.width() - width) / 2
    y = 0.0
    if valign & _ALIGN_BOTTOM:
        y = item.height() - height
    elif valign & _ALIGN_VCENTER:
        y = (item.height() - height) / 2
    return item.mapRectToScene(QRectF(x, y, max(width, 0.0), max(height, 0.0)))


def _qml_int(item: QQuickItem, expression: str) -> int:
    """An int property read through QML (PySide cannot convert some of QQuickText's enums)."""
    context: Any = QQmlEngine.contextForObject(item)
    if context is None:  # an item made by C++ (a Controls style's internals)
        return 0
    value, error = QQmlExpression(context, item, expression).evaluate()
    return 0 if error or not isinstance(value, int | float) else int(value)


def _occluded(leaf: _Leaf, occluders: list[tuple[QQuickItem, QRectF]]) -> bool:
    for overlay, rect in occluders:
        if _is_ancestor(overlay, leaf.item):
            continue
        if rect.contains(leaf.rect.center()) and _draws_over(overlay, leaf.item):
            return True
    return False


def _draws_over(overlay: QQuickItem, item: QQuickItem) -> bool:
    """``overlay`` is drawn after ``item`` (declared later among their nearest common
    ancestor's children, or with a higher z)."""
    chain_o = _chain(overlay)
    chain_i = _chain(item)
    common = None
    for a, b in zip(chain_o, chain_i, strict=False):
        if a is not b:
            break
        common = a
    if common is None:
        return True
    o_child = chain_o[chain_o.index(common) + 1]
    i_child = chain_i[chain_i.index(common) + 1]
    siblings = common.childItems()
    if o_child.z() != i_child.z():
        return o_child.z() > i_child.z()
    return siblings.index(o_child) > siblings.index(i_child)


def _chain(item: QQuickItem) -> list[QQuickItem]:
    chain: list[QQuickItem] = []
    node: QQuickItem | None = item
    while node is not None:
        chain.append(node)
        node = node.parentItem()
    return list(reversed(chain))


def _card_of(item: QQuickItem) -> tuple[QQuickItem, QRectF] | None:
    """The nearest ancestor Rectangle that paints a colour (the card ``item`` is drawn on)."""
    node: QQuickItem | None = item.parentItem()
    while node is not None and node.parentItem() is not None:
        if node.inherits("QQuickRectangle"):
            colour = node.property("color")
            if (
                colour is not None
                and colour.alpha() > 0
                and not node.objectName().endswith("Overlay")
            ):
                return node, node.mapRectToScene(_box(node))
        node = node.parentItem()
    return None


def _is_ancestor(ancestor: QQuickItem, item: QQuickItem) -> bool:
    node: QQuickItem | None = item.parentItem()
    while node is not None:
        if node is ancestor:
            return True
        node = node.parentItem()
    return False


def _intersects(a: QRectF, b: QRectF) -> bool:
    overlap = a.intersected(b)
    return overlap.width() > TOLERANCE_PX and overlap.height() > TOLERANCE_PX


def _inside(rect: QRectF, bounds: QRectF) -> bool:
    return (
        rect.left() >= bounds.left() - TOLERANCE_PX
        and rect.top() >= bounds.top() - TOLERANCE_PX
        and rect.right() <= bounds.right() + TOLERANCE_PX
        and rect.bottom() <= bounds.bottom() + TOLERANCE_PX
    )


def _label(item: QQuickItem) -> str:
    name = item.objectName()
    kind = item.metaObject().className().split("_QML")[0]
    text = item.property("text")
    words = f" {str(text)[:40]!r}" if isinstance(text, str) and text else ""
    return f"{kind}{'#' + name if name else ''}{words}"


def _fmt(rect: QRectF) -> str:
    return f"({rect.x():.0f},{rect.y():.0f} {rect.width():.0f}×{rect.height():.0f})"
