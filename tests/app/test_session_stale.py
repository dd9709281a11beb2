"""Stale is shown as stale (issue 12): while the link is down or the treadmill has stopped
sending its data, the speed and distance tiles are greyed and marked ("no data 4 s"), never
shown as live. On the real QML in its window, over the virtual treadmill; any QML warning fails
these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_session_window import start_running
from test_window_sizes import problems_at_every_size
from window_rig import WindowRig

from treadmill_ctl.app.layout_audit import audit
from treadmill_ctl.app.qt import QQmlComponent, QQuickItem, QUrl

UI = Path(__file__).resolve().parents[2] / "ui"

TILES = ("speedTile", "distanceTile")


def marker(window: WindowRig, tile: str) -> QQuickItem:
    found = window.item(tile).findChild(QQuickItem, "tileStale")
    assert found is not None, f"{tile} has no stale marker"
    return found


def value(window: WindowRig, tile: str) -> QQuickItem:
    found = window.item(tile).findChild(QQuickItem, "tileValue")
    assert found is not None
    return found


def quiet_for(window: WindowRig, tile: str) -> int:
    """The seconds the tile's marker says the treadmill has been quiet (-1: no count)."""
    text = str(marker(window, tile).property("text"))
    number = text.removeprefix("no data ").removesuffix(" s")
    return int(number) if number.isdigit() else -1


def looks_live(window: WindowRig, tile: str) -> bool:
    value_row = value(window, tile).parentItem()
    return (
        not marker(window, tile).isVisible()
        and value_row.opacity() == 1.0
        and not value(window, tile).property("font").strikeOut()
    )


def test_a_quiet_treadmill_greys_the_speed_and_distance_and_says_for_how_long(
    window: WindowRig,
) -> None:
    start_running(window)
    assert all(looks_live(window, tile) for tile in TILES)
    window.treadmill.stop_data(for_s=None)
    window.wait(lambda: marker(window, "speedTile").isVisible())
    for tile in TILES:
        assert not looks_live(window, tile)
        assert marker(window, tile).property("text").startswith("no data ")
        assert value(window, tile).parentItem().opacity() < 0.6
    assert window.session("readingsStale")
    # The count goes on while it stays quiet.
    # (The screen refreshes on its own timer: a loaded machine may show 3 then 5.)
    window.wait(lambda: quiet_for(window, "speedTile") >= 4)
    window.treadmill.resume_data()
    window.wait(lambda: looks_live(window, "speedTile"))
    assert looks_live(window, "distanceTile")
    window.press("Space")
    window.wait_state("stopped")


def test_a_lost_link_marks_the_readings_at_once(window: WindowRig) -> None:
    start_running(window)
    assert looks_live(window, "speedTile")
    window.treadmill.drop_link(back_after_s=None)
    window.wait(lambda: window.shown("linkLostBanner"))
    window.wait(lambda: marker(window, "speedTile").isVisible())
    assert not looks_live(window, "distanceTile")
    assert marker(window, "speedTile").property("text").startswith("no data")


def test_the_marked_tiles_fit_at_every_window_size(window: WindowRig) -> None:
    start_running(window)
    window.treadmill.stop_data(for_s=None)
    window.wait(lambda: quiet_for(window, "distanceTile") >= 3)
    # Nothing elided, clipped, broken mid-word ("DIST / ANC / E" beside the mark: the mark now
    # goes under the caption where both do not fit) or drawn over another item, from
    # 1024×600 to 1920×1080.
    assert problems_at_every_size(window) == []
    assert not looks_live(window, "speedTile")


def _placed(window: WindowRig, qml: str) -> QQuickItem:
    """``qml`` (an Item) made from the ui/ folder's types and shown in the window (the
    component stays with the window's engine, or the item goes with it)."""
    component = QQmlComponent(window.running.engine, window.running.engine)
    component.setData(qml.encode(), QUrl.fromLocalFile(str(UI / "Probe.qml")))
    item = component.create()
    assert isinstance(item, QQuickItem), component.errorString()
    item.setParentItem(window.running.window.contentItem())
    return item


@pytest.mark.parametrize("width", [110, 130, 160, 400])
def test_a_narrow_marked_tile_keeps_its_caption_whole(window: WindowRig, width: int) -> None:
    """At 1024x600 with a heart-rate tile, the distance tile is ~150 px: the mark beside the
    caption squeezed it into "DIST / ANC / E". The mark goes under it instead."""
    window.connect()
    item = _placed(
        window,
        "import QtQuick\nItem { x: 300; y: 300; width: 600; height: 200\n"
        f"  StatTile {{ objectName: 'narrowTile'; width: {width}; caption: 'Distance'; "
        "value: '77 m'; unit: ''; stale: true; staleText: 'no data 4 s' } }",
    )
    try:
        window.qtbot.wait(50)
        window.running.window.grabWindow()
        mine = [str(p) for p in audit(window.running.window) if "narrowTile" in str(p)]
        caption = next(c for c in item.findChildren(QQuickItem) if c.property("text") == "Distance")
        assert caption.property("lineCount") == 1
        assert mine == []
    finally:
        item.setParentItem(None)
        item.deleteLater()


def test_the_audit_finds_a_word_broken_across_lines(window: WindowRig) -> None:
    window.connect()
    item = _placed(
        window,
        "import QtQuick\nimport QtQuick.Controls\nItem { x: 300; y: 300; width: 300; "
        "height: 200\n  Label { objectName: 'squeezed'; width: 30; wrapMode: Text.Wrap; "
        "text: 'Distance' } }",
    )
    try:
        window.qtbot.wait(50)
        found = [str(p) for p in audit(window.running.window) if "squeezed" in str(p)]
        assert any(p.startswith("broken") for p in found), found
    finally:
        item.setParentItem(None)
        item.deleteLater()
