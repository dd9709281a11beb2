"""The history screen in the app's window over sessions recorded by the real engine and
recorder (seeded on a fast loop before the window opens): the list, the detail with its chart,
delete and undo with the buttons. Any QML warning fails these tests."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Iterator

import pytest
from recorded_sessions import record_session
from screen_items import click, item, prop, shown
from window_rig import WindowRig

from treadmill_ctl.history import Durability, HistoryStore
from treadmill_ctl.session.clock import new_speedup_loop


@pytest.fixture
def two_sessions() -> Iterator[tuple[int, int]]:
    """A finished session and one stopped early, in the test's data dir."""

    async def seed() -> tuple[int, int]:
        with HistoryStore.open(durability=Durability.NORMAL) as store:
            done = await record_session(store)
            stopped = await record_session(store, stop_after_s=30, heart_rate=False)
        return done, stopped

    loop = new_speedup_loop(math.inf)
    try:
        yield loop.run_until_complete(seed())
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def show_history(window: WindowRig) -> None:
    window.running.bridge.setProperty("screen", "history")
    window.wait(lambda: shown(window, "sessionList"))


def test_the_list_and_the_detail_of_the_newest_session(
    two_sessions: tuple[int, int], window: WindowRig
) -> None:
    done, stopped = two_sessions
    show_history(window)
    window.wait(lambda: shown(window, f"session_{stopped}"))
    assert prop(window, "detailTitle", "text") == "Short intervals"
    assert "Stopped by you" in prop(window, "detailWhen", "text")
    assert not shown(window, "hrLegend")  # no strap in that one
    click(window, f"session_{done}")
    window.wait(lambda: "Finished" in prop(window, "detailWhen", "text"))
    chart = prop(window, "speedChart", "chart")
    assert [p["direction"] for p in chart["phases"]].count("backward") == 2
    assert shown(window, "hrLegend")
    assert shown(window, "detailHeartRate")
    assert prop(window, "detailBackward", "detail") == "2 blocks done"
    assert "backward in 2 blocks" in prop(window, "weekSummary", "text")


def test_delete_and_undo_with_the_buttons(two_sessions: tuple[int, int], window: WindowRig) -> None:
    done, stopped = two_sessions
    show_history(window)
    click(window, f"session_{done}")
    window.wait(lambda: "Finished" in prop(window, "detailWhen", "text"))
    click(window, "deleteSessionButton")
    window.wait(lambda: shown(window, "historyUndoBar"))
    window.wait(lambda: not shown(window, f"session_{done}"))
    click(window, "historyUndoButton")
    window.wait(lambda: shown(window, f"session_{done}"))
    assert not shown(window, "historyUndoBar")
    assert item(window, f"session_{stopped}") is not None
