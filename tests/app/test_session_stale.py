"""Stale is shown as stale (issue 12): while the link is down or the treadmill has stopped
sending its data, the speed and distance tiles are greyed and marked ("no data 4 s"), never
shown as live. On the real QML in its window, over the virtual treadmill; any QML warning fails
these tests."""

from __future__ import annotations

from test_session_window import start_running
from test_window_sizes import problems_at_every_size
from window_rig import WindowRig

from treadmill_ctl.app.qt import QQuickItem

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
    # Nothing elided, clipped or drawn over another item, from 1024×600 to 1920×1080.
    assert problems_at_every_size(window) == []
    assert not looks_live(window, "speedTile")
