"""The history screen in the app's window over sessions recorded by the real engine and
recorder (seeded on a fast loop before the window opens): the list, the detail with its chart,
delete and undo with the buttons. Any QML warning fails these tests."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import math
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from recorded_sessions import record_session
from screen_items import click, item, prop, shown
from window_rig import WindowRig

from treadmill_ctl.app.history_bridge import chart_of
from treadmill_ctl.app.qt import QQuickItem
from treadmill_ctl.app.summary_presenter import notice_rows
from treadmill_ctl.history import (
    AlertRecord,
    Durability,
    Ending,
    HistoryStore,
    PhaseRecord,
    SampleRecord,
    SessionDetail,
    SessionSummary,
)
from treadmill_ctl.history.totals import notices_of
from treadmill_ctl.notices import NoticeKind
from treadmill_ctl.session.clock import new_speedup_loop
from treadmill_ctl.units import Direction


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
    assert prop(window, "detailBackward", "detail") == "2 of 2 blocks"
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


def drawn_labels(chart_item: QQuickItem) -> list[dict[str, Any]]:
    """What the chart's last paint wrote (its ``drawnLabels``)."""
    value = chart_item.property("drawnLabels")
    labels: list[dict[str, Any]] = value.toVariant() if hasattr(value, "toVariant") else value
    return labels or []


def _chart_detail(duration: float, warm_s: float, cool_s: float) -> SessionDetail:
    """A recorded session of ``duration`` seconds (one sample a second): warm-up, a backward
    block, a recovery, cool-down."""
    edges = [
        (0.0, warm_s, "warmup", Direction.FORWARD, 4.0),
        (warm_s, warm_s + 60, "backward", Direction.BACKWARD, 3.0),
        (warm_s + 60, duration - cool_s, "recovery", Direction.FORWARD, 5.0),
        (duration - cool_s, None, "cooldown", Direction.FORWARD, 4.0),
    ]
    phases = tuple(
        PhaseRecord(i, i, kind, d, speed, None, start, end, 0.0, 0.0)
        for i, (start, end, kind, d, speed) in enumerate(edges)
    )

    def phase_at(t: float) -> PhaseRecord:
        return [p for p in phases if p.start_t <= t][-1]

    samples = tuple(
        SampleRecord(
            float(t),
            phase_at(t).target_speed_kmh,
            None,
            None,
            None,
            phase_at(t).seq,
            phase_at(t).direction,
        )
        for t in range(int(duration) + 1)
    )
    summary = SessionSummary(
        id=1,
        started_at=datetime(2026, 1, 5, 9, 0).astimezone(),
        preset_id="p",
        preset_name="Ten minutes",
        device="",
        profile="",
        ended=Ending.FINISHED,
        ended_reason="finished",
        duration_s=duration,
        forward_s=0.0,
        backward_s=0.0,
        forward_m=0.0,
        backward_m=0.0,
        blocks_done=0,
        avg_hr_bpm=None,
        max_hr_bpm=None,
        max_speed_kmh=5.0,
        start_t=0.0,
        end_t=duration,
    )
    return SessionDetail(summary, None, phases, samples)


def test_the_chart_labels_are_whole_and_narrow_warm_up_bands_are_named(
    two_sessions: tuple[int, int], window: WindowRig
) -> None:
    window.running.window.resize(1024, 600)
    show_history(window)
    chart_item = item(window, "speedChart")
    window.wait(lambda: bool(drawn_labels(chart_item)))
    # A session just over ten minutes: its last time label sits at the right edge (it was
    # drawn past it: "10 mi"). Warm-up and cool-down bands 58 px wide (names were drawn only
    # over bands wider than 70 px).
    duration = 600.5
    plot = chart_item.width() - 56 - 16
    band_s = 58 / plot * duration
    chart_item.setProperty("chart", chart_of(_chart_detail(duration, band_s, band_s), "kmh"))
    window.wait(lambda: any(d["text"] == "10 min" for d in drawn_labels(chart_item)))
    labels = drawn_labels(chart_item)
    times = [d for d in labels if d["kind"] == "time"]
    assert [d["text"] for d in times] == [f"{m} min" for m in range(11)]
    for d in labels:  # every text whole, inside its band or inside the chart
        assert d["left"] - 0.5 <= d["x"], d
        assert d["x"] + d["width"] <= d["right"] + 0.5, d
    bands = [d for d in labels if d["kind"] == "band"]
    x0 = [d["left"] for d in bands]
    assert len(bands) == 4, [d["text"] for d in bands]  # warm-up and cool-down named too
    assert x0 == sorted(x0)
    assert bands[0]["text"] in ("Warm-up", "Warm")
    assert bands[-1]["text"] in ("Cool-down", "Cool")


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080)])
def test_the_speed_axis_labels_stay_a_line_apart(
    two_sessions: tuple[int, int], window: WindowRig, size: tuple[int, int]
) -> None:
    """At 1280x720 the chart is ~60 px high: a label every 1 km/h up to 6 drew "0 1 2 4 6"
    over one another. The step grows with what fits (0 is always labelled)."""
    window.running.window.resize(*size)
    show_history(window)
    chart_item = item(window, "speedChart")
    window.wait(lambda: bool(drawn_labels(chart_item)))
    chart_item.setProperty("chart", chart_of(_chart_detail(600.0, 60, 60), "kmh"))
    window.wait(lambda: any(d["kind"] == "speed" for d in drawn_labels(chart_item)))
    # As short as the detail pane leaves it with a notices list at 1280x720.
    chart_item.setHeight(90)
    chart_item.setProperty("chart", chart_of(_chart_detail(601.0, 60, 60), "kmh"))
    window.wait(lambda: any(d["kind"] == "time" for d in drawn_labels(chart_item)))
    window.qtbot.wait(100)
    ys = sorted(d["y"] for d in drawn_labels(chart_item) if d["kind"] == "speed")
    assert len(ys) >= 2
    assert all(b - a >= 18 - 1e-6 for a, b in itertools.pairwise(ys)), ys


def test_week_bars_and_the_backward_tile_say_blocks_in_words(
    two_sessions: tuple[int, int], window: WindowRig
) -> None:
    done, _stopped = two_sessions
    show_history(window)
    click(window, f"session_{done}")
    window.wait(lambda: "Finished" in prop(window, "detailWhen", "text"))
    assert prop(window, "detailBackward", "detail") == "2 of 2 blocks"
    weeks = window.running.bridge.history_bridge().property("weeks")
    assert weeks[-1]["blocksText"] == "2 blocks"  # the stopped session did none
    assert all(w["blocksText"] == "0 blocks" for w in weeks[:-1])
    assert "bl." not in str([w["blocksText"] for w in weeks])


def test_the_chart_marks_what_happened_with_the_numbers_of_the_list(
    two_sessions: tuple[int, int], window: WindowRig
) -> None:
    """A link drop (its span shaded) and a console stop, numbered on the chart as the list
    under it (and the summary) number them; every mark inside the chart."""
    window.running.window.resize(1024, 600)
    show_history(window)
    chart_item = item(window, "speedChart")
    window.wait(lambda: bool(drawn_labels(chart_item)))
    detail = dataclasses.replace(
        _chart_detail(600.0, 120.0, 60.0),
        alerts=(
            AlertRecord(130.0, "danger", "Connection to the treadmill lost.", "link_lost"),
            AlertRecord(138.0, "info", "Reconnected.", "reconnected"),
            AlertRecord(
                590.0,
                "warning",
                "Stopped from the treadmill's console. Press start.",
                "machine_stopped",
            ),
        ),
    )
    # (This made-up record has no phase clock: its phases count as skipped; left out here.)
    notices = tuple(n for n in notices_of(detail) if n.kind is not NoticeKind.SKIPPED)
    rows = notice_rows(notices, 0.0, "kmh")
    assert [r["text"] for r in rows] == [
        "Connection lost for 0:08: the belt ran unattended at 3.0 km/h for up to 0:08, "
        "until the app reconnected and stopped it",
        "Stopped from the treadmill's console",
    ]
    chart = chart_of(detail, "kmh")
    chart["notices"] = rows
    chart_item.setProperty("chart", chart)
    window.wait(lambda: any(d["kind"] == "notice" for d in drawn_labels(chart_item)))
    marks = [d for d in drawn_labels(chart_item) if d["kind"] == "notice"]
    assert [d["text"] for d in marks] == ["1", "2"]
    for d in marks:
        assert d["left"] - 0.5 <= d["x"], d
        assert d["x"] + d["width"] <= d["right"] + 0.5, d


@pytest.fixture
def skipped_session() -> Iterator[int]:
    """A session whose warm-up was skipped, then run to the plan's end."""

    async def seed() -> int:
        with HistoryStore.open(durability=Durability.NORMAL) as store:
            return await record_session(store, skip_after_s=20, heart_rate=False)

    loop = new_speedup_loop(math.inf)
    try:
        yield loop.run_until_complete(seed())
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def test_a_finished_session_with_a_skip_is_tagged_ended_early(
    skipped_session: int, window: WindowRig
) -> None:
    # The summary said "Ended early" for it; the list's tag said "FINISHED".
    show_history(window)
    tag = item(window, f"sessionTag_{skipped_session}")
    assert tag.property("text") == "ENDED EARLY"
    click(window, f"session_{skipped_session}")
    window.wait(lambda: "Ended early: 1 phase skipped" in prop(window, "detailWhen", "text"))
