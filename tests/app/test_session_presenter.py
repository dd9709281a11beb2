"""The session screen's words and numbers, made without Qt (app/session_presenter.py)."""

from __future__ import annotations

import subprocess
import sys

from treadmill_ctl.app.session_presenter import present
from treadmill_ctl.app.summary_presenter import summary_view
from treadmill_ctl.session.controller import SessionSummary
from treadmill_ctl.session.events import EndReason
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import DistanceUnit, Settings
from treadmill_ctl.statistics import SessionStatistics

PLAN = Plan(
    "Two ways",
    (Phase(PhaseKind.WARMUP, 60, 3.0), Phase(PhaseKind.BACKWARD, 90, 2.5)),
    id="two-ways",
)


def test_the_presenter_loads_without_qt_and_before_the_engine() -> None:
    code = (
        "import sys, treadmill_ctl.app.session_presenter\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'qasync'))"
        " or m in ('asyncio', 'treadmill_ctl.session.engine')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_with_no_session_the_screen_says_what_is_missing() -> None:
    groups = present(None, plan=None, link=None, settings=Settings())
    assert groups["state"]["hint"] == "Connect to your treadmill first"
    assert groups["state"]["canStart"] is False
    assert groups["phase"]["headline"] == "NO SESSION"
    assert groups["clock"]["elapsedText"] == "0:00"
    assert groups["link"]["linkText"] == "Not connected"
    chosen = present(None, plan=PLAN, link=None, settings=Settings())
    # 2:30 at speed, and the start, the ramps and the turn-around on top.
    assert chosen["clock"]["totalText"] == "3:00"
    assert [b["direction"] for b in chosen["phase"]["timeline"]] == ["forward", "backward"]


def test_the_summary_shows_the_statistics_in_the_users_units() -> None:
    """The summary's numbers are the statistics' (the history's), not the engine's snapshot:
    the snapshot's own figures here differ and must not show."""
    stats = SessionStatistics(
        started=True,
        start_t=0.0,
        end_t=130.0,
        total_s=130.0,
        moving_s=106.2,
        forward_s=61.2,
        backward_s=45.0,
        forward_m=1000.0,
        backward_m=609.344,
        blocks_done=0,
        blocks_planned=1,
        phases_planned=2,
        phases=(),
        end_reason="stopped_by_user",
    )
    summary = SessionSummary(
        preset_id="two-ways",
        preset_name="Two ways",
        end_reason=EndReason.STOPPED_BY_USER,
        elapsed_s=4.0,
        distance_m=5.0,
        blocks_done=1,
        blocks_total=1,
        statistics=stats,
    )
    view = summary_view(summary, Settings(distance_unit=DistanceUnit.IMPERIAL))
    assert view["endText"] == "Ended early"
    assert view["forwardText"] == "1:01"
    assert view["backwardText"] == "0:45"
    assert view["elapsedText"] == "2:10"
    assert view["distanceText"] == "1.00 mi"
    assert (view["blocksDone"], view["blocksTotal"]) == (0, 1)
