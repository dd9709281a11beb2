"""The history screen's bridge over real recorded sessions (the engine on the virtual treadmill,
the history's own recorder, a tmp data dir): the list, the detail chart, delete with undo and
the weekly totals."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from bridge_world import World, make_world
from recorded_sessions import record_session, short_intervals

from treadmill_ctl.app.history_bridge import HistoryBridge
from treadmill_ctl.history import Durability, HistoryStore

pytestmark = [pytest.mark.looptime, pytest.mark.usefixtures("qapp")]


@pytest.fixture
async def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[World]:
    w = make_world(tmp_path, monkeypatch)
    yield w
    if w.context.history is not None:
        w.context.history.close()


@pytest.fixture
def store(world: World) -> HistoryStore:
    # No fsync per commit: what these tests look at does not depend on surviving a power cut.
    world.context.history = HistoryStore.open(durability=Durability.NORMAL)
    return world.context.history


async def test_the_list_shows_date_preset_duration_backward_distance_and_ending(
    world: World, store: HistoryStore
) -> None:
    first = await record_session(store)
    second = await record_session(store, stop_after_s=75)
    bridge = HistoryBridge(world.context)
    bridge.reload()
    rows = bridge.property("sessions")
    assert [r["id"] for r in rows] == [second, first]  # newest first
    done, stopped = rows[1], rows[0]
    assert done["preset"] == "Short intervals"
    assert done["ended"] == "Finished"
    assert stopped["ended"] == "Stopped by you"
    assert done["blocks"] == 2
    # 60 s backward planned; the history counts the belt moving in backward phases (ramps too)
    minutes, seconds = map(int, str(done["backward"]).split(":"))
    assert 60 <= minutes * 60 + seconds <= 60 + 2 * 15
    assert done["distance"].endswith(" m")
    assert done["date"] == f"{datetime.now():%a %d %b %Y}"


async def test_the_detail_chart_has_speeds_by_direction_phases_and_heart_rate(
    world: World, store: HistoryStore
) -> None:
    session_id = await record_session(store)
    bridge = HistoryBridge(world.context)
    bridge.reload()
    assert bridge.property("selectedId") == session_id
    chart = bridge.property("detail")["chart"]
    kinds = [(p["label"], p["direction"]) for p in chart["phases"]]
    assert kinds == [
        ("Warm-up", "forward"),
        ("Backward", "backward"),
        ("Recovery", "forward"),
        ("Backward", "backward"),
        ("Recovery", "forward"),
        ("Cool-down", "forward"),
    ]
    backward_speeds = [p["speed"] for p in chart["points"] if p["direction"] == "backward"]
    assert backward_speeds
    assert max(backward_speeds) <= 3.0 + 1e-6
    assert max(p["speed"] for p in chart["points"]) == pytest.approx(5.0, abs=0.05)
    assert chart["duration"] >= short_intervals().total_s
    assert chart["hr"]
    assert chart["minHr"] < chart["maxHr"]  # the strap's heart rate follows the effort
    detail = bridge.property("detail")
    assert int(detail["hr"]) <= int(detail["hrMax"]) == chart["maxHr"]


async def test_a_session_without_heart_rate_has_no_overlay(
    world: World, store: HistoryStore
) -> None:
    await record_session(store, heart_rate=False)
    bridge = HistoryBridge(world.context)
    bridge.reload()
    detail = bridge.property("detail")
    assert detail["chart"]["hr"] == []
    assert detail["hr"] == ""


async def test_delete_hides_the_session_and_undo_brings_it_back(
    world: World, store: HistoryStore
) -> None:
    kept = await record_session(store, heart_rate=False)
    gone = await record_session(store, heart_rate=False)
    bridge = HistoryBridge(world.context)
    bridge.reload()
    bridge.remove(gone)
    assert [r["id"] for r in bridge.property("sessions")] == [kept]
    assert [s.id for s in store.list_sessions()] == [kept]
    assert bridge.property("canUndo") is True
    assert bridge.property("undoText").startswith("Deleted the session of ")
    bridge.undo()
    assert [r["id"] for r in bridge.property("sessions")] == [gone, kept]
    assert bridge.property("selectedId") == gone
    assert bridge.property("canUndo") is False


async def test_weekly_totals_show_backward_minutes_and_blocks(
    world: World, store: HistoryStore
) -> None:
    now = datetime.now().astimezone().replace(microsecond=0)
    await record_session(store, started_at=now - timedelta(weeks=2), heart_rate=False)
    await record_session(store, started_at=now, heart_rate=False)
    await record_session(store, started_at=now, heart_rate=False)
    bridge = HistoryBridge(world.context)
    bridge.reload()
    weeks = bridge.property("weeks")
    assert len(weeks) == 8
    assert [w["blocks"] for w in weeks[-3:]] == [2, 0, 4]
    assert weeks[-1]["sessions"] == 2
    assert weeks[-1]["fraction"] == 1.0
    assert weeks[-3]["fraction"] == pytest.approx(0.5, abs=0.05)
    assert weeks[-1]["backwardText"] == f"{weeks[-1]['backwardMin']:.0f} min"
    assert weeks[-1]["backwardMin"] == pytest.approx(2 * weeks[-3]["backwardMin"], rel=0.1)
    text = bridge.property("weekSummary")
    assert text == f"This week: {weeks[-1]['backwardText']} backward in 4 blocks"


async def test_an_empty_history_says_so(world: World) -> None:
    bridge = HistoryBridge(world.context)
    bridge.reload()
    assert bridge.property("sessions") == []
    assert bridge.property("selectedId") == 0
    assert bridge.property("detail") == {}
    assert bridge.property("weekSummary") == ""
