"""Every screen as a screen reader and a keyboard user meet it: each control and tile has an
accessible role and a name in words, and Tab moves through the fields in reading order.
Any QML warning fails these tests."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools

import shiboken6
from accessibility import focus_chain, unnamed_controls
from pytestqt.qtbot import QtBot
from screen_items import click
from test_summary_screen import start_quick_rung
from window_rig import WindowRig

from treadmill_ctl.app.main import RunningApp, build_app
from treadmill_ctl.app.qt import (
    QColor,
    QQmlComponent,
    QQmlEngine,
    QQmlExpression,
    QQuickItem,
    QUrl,
)
from treadmill_ctl.settings import Settings, Theme

SETTINGS_SECTIONS = ("Safety", "Display", "Sound", "Keys", "Diagnostics")


def _problems(window: WindowRig, where: str) -> list[str]:
    return [f"{where}: {u}" for u in unnamed_controls(window.running.window)]


def test_every_screen_names_every_control_and_tile(window: WindowRig) -> None:
    """A session runs to its summary, then every screen is shown (the settings one section
    by section): nothing a user can operate, and no reading tile, is left unnamed."""
    problems: list[str] = []
    start_quick_rung(window)
    problems += _problems(window, "session (running)")
    window.wait(lambda: window.running.bridge.property("screen") == "summary", timeout=30_000)
    for screen in ("summary", "connect", "presets", "session", "history", "editor", "settings"):
        window.running.context.switch_screen(screen)
        window.wait(lambda s=screen: window.running.bridge.property("screen") == s)
        window.qtbot.wait(100)  # delegates are made a frame later
        problems += _problems(window, screen)
    for section in SETTINGS_SECTIONS:
        click(window, "section_" + section)
        window.qtbot.wait(50)
        problems += _problems(window, f"settings ({section})")
    assert not problems, "\n".join(problems)


def test_tab_moves_through_the_fields_in_reading_order(window: WindowRig) -> None:
    """On the screens with fields (the settings, the preset editor), Tab goes top to bottom
    and, in a row, left to right."""
    for screen in ("settings", "editor"):
        window.running.context.switch_screen(screen)
        window.wait(lambda s=screen: window.running.bridge.property("screen") == s)
        window.qtbot.wait(100)
        chain = focus_chain(window.running.window)
        assert len(chain) >= 3, (screen, chain)
        assert _reading_order(chain), f"{screen}: Tab goes {[c[:3] for c in chain]}"
        assert all(label for *_, label in chain), f"{screen}: unnamed in the Tab order: {chain}"


def _reading_order(chain: list[tuple[int, int, str, str]]) -> bool:
    """Each step goes right in the same row, down to a later row, or up to the top of the
    next column to the right (a two-column screen such as the editor)."""
    column_x = chain[0][1]
    for (y0, x0, *_), (y1, x1, *_) in itertools.pairwise(chain):
        if abs(y1 - y0) <= 8 and x1 > x0:  # the next field in the row
            continue
        if y1 > y0 + 8:  # a later row
            continue
        if y1 < y0 and x1 > column_x + 8:  # the next column
            column_x = x1
            continue
        return False
    return True


def test_the_walk_finds_an_unnamed_control(window: WindowRig) -> None:
    """The check itself: a clickable rectangle and a symbol-only button are reported."""
    engine = window.running.engine
    component = QQmlComponent(engine)
    component.setData(
        b"import QtQuick\nimport QtQuick.Controls\nItem { anchors.fill: parent\n"
        b"  Rectangle { objectName: 'bare'; width: 40; height: 40\n"
        b"    MouseArea { anchors.fill: parent } }\n"
        b"  Button { objectName: 'cross'; x: 50; text: '\\u2715' }\n"
        b"  Button { x: 100; text: 'Fine'; Accessible.name: text } }\n",
        QUrl(),
    )
    extra = component.create()
    assert isinstance(extra, QQuickItem), component.errorString()
    extra.setParentItem(window.running.window.contentItem())
    try:
        found = {str(u).split(":")[0] for u in unnamed_controls(window.running.window)}
        assert found == {"QQuickRectangle #bare", "Button #cross “✕”"}
    finally:
        extra.setParentItem(None)
        extra.deleteLater()


def _theme(running: RunningApp, name: str) -> QColor:
    context = QQmlEngine.contextForObject(running.window)
    assert context is not None
    expression = QQmlExpression(context, running.window, f"Theme.{name}")
    try:
        value = expression.evaluate()[0]
    finally:
        shiboken6.delete(expression)
    return QColor(value)


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


HC_PAIRS = ("text", "textDim", "accent", "forward", "backward", "turning", "warning", "border")


def _contrasts(running: RunningApp) -> dict[str, float]:
    """Each colour's contrast against the window's background."""
    background = _theme(running, "background")
    return {name: round(_contrast(_theme(running, name), background), 1) for name in HC_PAIRS}


def test_high_contrast_theme(qtbot: QtBot, app_loop: object) -> None:
    """The high-contrast setting turns the window black with text, the direction colours and
    the accent and the edges at 7:1 or more against it (WCAG AAA); back to dark, they are not."""
    saved: list[Settings] = []
    running = build_app(
        simulate=True, settings=Settings(theme=Theme.HIGH_CONTRAST), save_settings=saved.append
    )
    try:
        qtbot.waitExposed(running.window)
        assert running.window.color().name() == "#000000"
        high = _contrasts(running)
        assert min(high.values()) >= 7.0, high
        ctx = running.context
        ctx.save_settings(dataclasses.replace(ctx.settings, theme=Theme.DARK))
        qtbot.waitUntil(lambda: running.window.color().name() != "#000000")
        dark = _contrasts(running)
        assert min(dark.values()) < min(high.values()), (dark, high)
        assert dark["border"] < 7.0 <= high["border"]  # high contrast: every edge drawn white
    finally:
        task = asyncio.get_event_loop().create_task(running.aclose())
        qtbot.waitUntil(task.done)
