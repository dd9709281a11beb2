"""Any window size, from the smallest laptop window (1024×600) to full HD: nothing on the
session, presets and history screens is elided, drawn over another item or past the edge
(``layout_audit``), the numbers a runner reads from 2 m and STOP grow with the window, and
STOP stays the largest control. Real window (offscreen), real engine, real clicks."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Iterator

import pytest
from recorded_sessions import record_session
from screen_items import click, find, item, shown
from session_rig import short_plan
from window_rig import WindowRig

from treadmill_ctl.app.layout_audit import audit
from treadmill_ctl.app.qt import QQuickItem, QRectF
from treadmill_ctl.app.timeline_layout import MAX_BLOCKS
from treadmill_ctl.history import Durability, HistoryStore
from treadmill_ctl.session.clock import new_speedup_loop
from treadmill_ctl.session.presets import user_presets_dir

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]


def resize(window: WindowRig, width: int, height: int) -> None:
    win = window.running.window
    win.resize(width, height)
    window.wait(lambda: win.width() == width and win.height() == height)
    window.qtbot.wait(50)
    win.grabWindow()  # draws a frame now: every layout and list has followed the new size


def problems_at_every_size(window: WindowRig) -> list[str]:
    found: list[str] = []
    for width, height in SIZES:
        resize(window, width, height)
        more = [f"{width}x{height}: {p}" for p in settled_audit(window)]
        found += more
    return found


def settled_audit(window: WindowRig) -> list[str]:
    """What the audit finds in two frames running: a list that has just been filled places
    its rows and section labels over a frame or two (a user does not see that)."""
    win = window.running.window
    first = {str(p) for p in audit(win)}
    if not first:
        return []
    window.qtbot.wait(200)
    win.grabWindow()
    return [str(p) for p in audit(win) if str(p) in first]


def assert_clean(window: WindowRig) -> None:
    problems = problems_at_every_size(window)
    assert problems == [], "\n".join(problems)


def scene_rect(node: QQuickItem) -> QRectF:
    return node.mapRectToScene(node.boundingRect())


def start_running(window: WindowRig) -> None:
    window.connect()
    window.running.context.choose_plan(short_plan())
    window.wait_state("idle")
    window.press("Return")
    window.wait_state("running_phase")


# -- the window --------------------------------------------------------------------------------


def test_the_window_cannot_be_made_smaller_than_1024_by_600(window: WindowRig) -> None:
    win = window.running.window
    assert (win.minimumWidth(), win.minimumHeight()) == (1024, 600)


def test_the_window_title_names_the_app_once(window: WindowRig) -> None:
    """Qt appends the application's display name to a window's title unless the title ends
    with it (QPlatformWindow::formatWindowTitle, on X11 and Windows): the title we set must
    not name the app itself."""
    title = window.running.window.title()
    display = "treadmill-ctl"  # what main() sets as the application's display name
    shown_title = (
        title if title.endswith(display) else (f"{title} — {display}" if title else display)
    )
    assert shown_title.count("treadmill-ctl") == 1, shown_title
    assert shown_title == "Virtual treadmill — treadmill-ctl"


# -- nothing clipped or overlapping ------------------------------------------------------------


def test_the_session_screen_at_every_size(window: WindowRig) -> None:
    window.connect()
    window.running.context.choose_plan(short_plan())
    window.wait_state("idle")
    assert_clean(window)
    window.press("Return")
    window.wait_state("running_phase")
    assert_clean(window)
    window.wait(lambda: window.session("countdownReason") == "turn")
    assert_clean(window)
    # The link drops: a red banner across the top takes room from the screen.
    window.wait_state("running_phase")
    window.treadmill.drop_link(back_after_s=None)
    window.wait(lambda: window.session("linkLost"))
    assert_clean(window)
    window.treadmill.restore_link()
    window.wait(lambda: not window.session("linkLost"))


def test_the_presets_screen_at_every_size(window: WindowRig) -> None:
    window.running.bridge.setProperty("screen", "presets")
    window.wait(lambda: shown(window, "presetList"))
    for preset in ("preset_first-steps", "preset_four-by-thirty"):
        click(window, preset)
        window.qtbot.wait(50)
        assert_clean(window)
    # The longest built-in name and description.
    window.running.bridge.presets.select("referee-defender")
    window.wait(lambda: "Referee" in str(item(window, "presetTitle").property("text")))
    assert_clean(window)


@pytest.fixture
def recorded() -> Iterator[None]:
    """A finished session and one stopped early, in the test's data dir."""

    async def seed() -> None:
        with HistoryStore.open(durability=Durability.NORMAL) as store:
            await record_session(store)
            await record_session(store, stop_after_s=30, heart_rate=False)

    loop = new_speedup_loop(math.inf)
    try:
        loop.run_until_complete(seed())
        yield
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def test_the_history_screen_at_every_size(recorded: None, window: WindowRig) -> None:
    window.running.bridge.setProperty("screen", "history")
    window.wait(lambda: shown(window, "sessionList"))
    assert_clean(window)


# -- what a runner reads from 2 m grows with the window ----------------------------------------


def test_numbers_and_stop_grow_with_the_window_and_stop_stays_largest(
    window: WindowRig,
) -> None:
    start_running(window)
    sizes: dict[tuple[int, int], tuple[float, float, float, float]] = {}
    for width, height in SIZES:
        resize(window, width, height)
        time_left = find_value(window, "timeLeftTile")
        speed = find_value(window, "speedTile")
        headline = item(window, "headline")
        stop = scene_rect(item(window, "stopButton"))
        # Painted heights, in window pixels (the whole window is zoomed).
        sizes[width, height] = (
            scene_rect(time_left).height(),
            scene_rect(speed).height(),
            scene_rect(headline).height(),
            stop.width() * stop.height(),
        )
        others = [
            scene_rect(node)
            for name in ("pauseButton", "slowerButton", "fasterButton", "skipButton")
            if (node := find(window, name)) is not None and node.isVisible()
        ]
        assert others
        assert all(stop.width() * stop.height() > 2 * r.width() * r.height() for r in others)
    small, _medium, large = (sizes[s] for s in SIZES)
    # The whole window zooms 1.5 at 1920×1080 from 0.8 at 1024×600: ×1.875. The headline
    # fills the height left over, and 1024×600 is relatively taller: it grows a little less.
    for name, before, after, least in zip(
        ("time left", "speed", "headline", "STOP's area"),
        small,
        large,
        (1.8, 1.8, 1.4, 3.2),
        strict=True,
    ):
        assert after >= least * before, name
    # From 2 m: the time left and the speed are at least 120 px tall at full HD.
    assert large[0] >= 120
    assert large[1] >= 120


def find_value(window: WindowRig, tile: str) -> QQuickItem:
    """The big number in a stat tile."""
    node = item(window, tile)
    stack = [node]
    while stack:
        current = stack.pop()
        if current.objectName() == "tileValue":
            return current
        stack.extend(current.childItems())
    raise AssertionError(f"no value in {tile}")


# -- the key help never covers STOP ------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_the_key_help_leaves_stop_free_and_a_click_on_stop_stops(
    window: WindowRig, size: tuple[int, int]
) -> None:
    start_running(window)
    resize(window, *size)
    window.running.bridge.setProperty("keyHelpVisible", True)
    window.wait(lambda: shown(window, "keyHelpOverlay"))
    overlay = scene_rect(item(window, "keyHelpOverlay"))
    stop = scene_rect(item(window, "stopButton"))
    assert not overlay.intersects(stop)
    assert "Space and Esc stop the belt" in str(item(window, "keyHelpClose").property("text"))
    assert audit(window.running.window) == []
    click(window, "stopButton")
    window.wait_state("stopped")


def test_escape_on_the_key_help_stops_the_belt(window: WindowRig) -> None:
    start_running(window)
    window.running.bridge.setProperty("keyHelpVisible", True)
    window.wait(lambda: shown(window, "keyHelpOverlay"))
    window.press("Escape")  # not the list's "close" key: STOP, as everywhere
    window.wait_state("stopped")
    window.wait(lambda: window.treadmill.belt_speed_kmh == 0.0)


def test_a_long_description_scrolls_and_shows_that_it_does(window: WindowRig) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtQml import QQmlEngine, QQmlExpression

    from treadmill_ctl.app.qt import QGuiApplication, QPoint, Qt

    resize(window, 1024, 600)
    window.running.bridge.setProperty("screen", "presets")
    window.wait(lambda: shown(window, "presetList"))
    click(window, "preset_first-steps")
    window.wait(lambda: item(window, "presetTitle").property("text") == "First steps")
    view = item(window, "descriptionView")
    text = item(window, "presetDescription")
    assert text.property("height") > view.property("height")  # more than fits
    # Its scroll bar shows before the user touches it: there is more to read.
    shows_bar, error = QQmlExpression(
        QQmlEngine.contextForObject(view), view, "ScrollBar.vertical.contentItem.opacity > 0"
    ).evaluate()
    assert not error
    assert shows_bar is True
    flick = view.property("contentItem")
    assert flick.property("contentY") == 0
    centre = view.mapToScene(view.boundingRect().center())
    event = QWheelEvent(
        QPointF(centre),
        QPointF(centre),
        QPoint(0, 0),
        QPoint(0, -240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QGuiApplication.sendEvent(window.running.window, event)
    window.wait(lambda: flick.property("contentY") > 0)


def test_the_treadmill_screen_connected_at_every_size(window: WindowRig) -> None:
    window.connect()
    window.wait(lambda: shown(window, "disconnectButton"))
    assert_clean(window)


def _blocks_inside(timeline: QQuickItem) -> tuple[int, float]:
    """How many blocks a Timeline draws, and how far past its right edge the last one reaches
    (px; 0 or less when they all fit)."""
    row = timeline.childItems()[0]
    blocks = [b for b in row.childItems() if b.width() > 0]
    right = max(scene_rect(b).right() for b in blocks)
    return len(blocks), right - scene_rect(timeline).right()


def test_a_thousand_step_preset_fits_its_timelines_at_every_size(window: WindowRig) -> None:
    """A preset may hold 1 000 steps (within the TOML limits): its timelines, in the list, in
    the preset's details and on the session screen, stay inside their rows and draw a few
    dozen blocks, not a thousand (timeline_layout.py); nothing else on the screens suffers."""
    step = '[[step]]\nkind = "{}"\nduration_s = 30\nspeed_kmh = {}\n'
    steps = "".join(
        step.format("forward", 4.0) if i % 2 == 0 else step.format("backward", 2.5)
        for i in range(1000)
    )
    folder = user_presets_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "thousand-turns.toml").write_text(
        f'schema = 1\nname = "Thousand turns"\n{steps}', encoding="utf-8"
    )
    window.running.bridge.setProperty("screen", "presets")
    presets = window.running.bridge.presets
    presets.reload()
    window.wait(lambda: any(r["id"] == "thousand-turns" for r in presets.property("presets")))
    presets.select("thousand-turns")  # the list scrolls to it (it comes after the built-ins)
    window.wait(lambda: item(window, "presetTitle").property("text") == "Thousand turns")
    for width, height in SIZES:
        resize(window, width, height)
        for timeline in (item(window, "presetTimeline"), _row_timeline(window)):
            count, past = _blocks_inside(timeline)
            assert count <= MAX_BLOCKS, f"{width}x{height}: {count} blocks"
            assert past <= 0.5, f"{width}x{height}: the blocks run {past:.0f} px past the end"
    assert_clean(window)
    window.connect()
    window.press("Return")  # use the selected preset
    window.wait_state("idle")
    for width, height in SIZES:
        resize(window, width, height)
        count, past = _blocks_inside(item(window, "timeline"))
        assert count <= MAX_BLOCKS, f"{width}x{height}: {count} blocks"
        assert past <= 0.5, f"{width}x{height}: the blocks run {past:.0f} px past the end"
    assert_clean(window)


def _row_timeline(window: WindowRig) -> QQuickItem:
    """The Timeline in the list row of the thousand-step preset."""
    row = item(window, "preset_thousand-turns")
    found = [
        node
        for node in _descendants(row)
        if type(node).__name__ == "QQuickItem" and node.property("blocks") is not None
    ]
    assert found, "no timeline in the preset's row"
    return found[0]


def _descendants(node: QQuickItem) -> Iterator[QQuickItem]:
    for child in node.childItems():
        yield child
        yield from _descendants(child)
