"""One session, one set of numbers: the summary screen's data, ``history show --json``, the FIT
file, the TCX file and the history screen's data give the same backward time, backward
distance and blocks done for real sessions (the engine on the virtual treadmill through the
app's session bridge, recorded by the history) with a skip, a stop before the end, and a stop
and a restart. Before statistics.py each of them counted its own: the summary said 0:57
backward and "Session complete" for the skipped session where the history said 1:18 and 2
blocks done."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from screens_numbers import (
    Numbers,
    at_speed_in,
    clock_seconds,
    fit_numbers,
    run_with,
    skip_a_block,
    stop_and_restart,
    stop_early,
    tcx_numbers,
)
from session_rig import Rig, until

from treadmill_ctl.statistics import clock_text

pytestmark = [pytest.mark.looptime, pytest.mark.usefixtures("qapp")]


@pytest.fixture(autouse=True)
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREADMILL_CTL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("TREADMILL_CTL_DATA_DIR", str(tmp_path / "data"))


def numbers_of(stats: dict[str, Any]) -> Numbers:
    return Numbers(stats["backward_s"], stats["backward_distance_m"], stats["blocks_done"])


def assert_same(name: str, got: Numbers, want: Numbers) -> None:
    # Within rounding: the JSON has 0.1 s and 0.1 m, the TCX laps 0.1 s each.
    assert got.backward_s == pytest.approx(want.backward_s, abs=0.35), name
    assert got.backward_m == pytest.approx(want.backward_m, abs=0.35), name
    assert got.blocks_done == want.blocks_done, name


async def agree(tmp_path: Path, actions: Callable[..., Awaitable[None]]) -> dict[str, Any]:
    """Run the session and check that every place gives the same three numbers."""
    seen = await run_with(tmp_path, actions)
    screen = seen["screen"]
    # What the two screens say, as texts (before statistics.py: "0:57" on the summary of the
    # skipped session, "1:18" on the history screen).
    assert screen["backward"] == seen["summary"]["backwardText"]
    assert screen["duration"] == seen["summary"]["totalText"]
    summary = numbers_of(seen["summary"]["statistics"])
    show = seen["show"]
    assert_same("history show --json, statistics", numbers_of(show["statistics"]), summary)
    assert_same(
        "history show --json, totals",
        Numbers(show["backward_s"], show["backward_distance_m"], show["blocks_done"]),
        summary,
    )
    assert_same("FIT laps", fit_numbers(seen["fit"]), summary)
    assert_same("TCX laps", tcx_numbers(seen["tcx"]), summary)
    assert_same("history screen", numbers_of(screen["statistics"]), summary)
    assert clock_seconds(screen["backward"]) == pytest.approx(summary.backward_s, abs=0.5)
    total = seen["summary"]["blocksTotal"]
    assert screen["blocksText"] == f"{summary.blocks_done} of {total} blocks done"
    assert seen["summary"]["blocksText"] == screen["blocksText"]
    return seen


async def test_a_skipped_block_is_not_done_anywhere(tmp_path: Path) -> None:
    seen = await agree(tmp_path, skip_a_block)
    stats = seen["summary"]["statistics"]
    assert stats["blocks_done"] == 1  # the block skipped 26 s into its 30 s is not done
    assert stats["phases_skipped"] == 1
    assert seen["summary"]["endReason"] == "finished"  # the engine ran the plan to its end
    assert seen["summary"]["endText"] == "Ended early"
    assert seen["summary"]["endDetail"] == "1 phase skipped"
    assert seen["screen"]["outcomeText"] == "Ended early: 1 phase skipped"
    outcomes = [p["outcome"] for p in seen["show"]["phases"]]
    assert outcomes == ["done", "skipped", "done", "done", "done", "done"]


async def test_a_session_stopped_early_agrees(tmp_path: Path) -> None:
    seen = await agree(tmp_path, stop_early)
    stats = seen["summary"]["statistics"]
    assert stats["blocks_done"] == 1  # the second block was stopped 10 s in
    assert stats["why"] == ["stopped by you"]
    assert seen["summary"]["endText"] == "Ended early"
    assert [p["outcome"] for p in seen["show"]["phases"]][-1] == "cut_short"


async def test_a_session_stopped_and_restarted_agrees(tmp_path: Path) -> None:
    seen = await agree(tmp_path, stop_and_restart)
    stats = seen["summary"]["statistics"]
    assert stats["blocks_done"] == 2
    assert stats["complete"] is True
    assert seen["summary"]["endText"] == "Session complete"
    # Countdowns, turn-arounds and the STOP's slow-down count in the total time, not in the
    # time moving (the time stood stopped counts in neither).
    assert stats["total_s"] > stats["moving_s"] + 10
    # A restart goes on with the same phase: no extra lap, no phase skipped.
    assert len(seen["show"]["phases"]) == 6


async def test_the_live_elapsed_time_at_the_end_is_the_total_time_everywhere(
    tmp_path: Path,
) -> None:
    """One definition of total time (docs/statistics.md): from the first START to the end,
    without the time stopped. The session screen's elapsed time stands still for the minute
    the session stands stopped, and at the end it is the summary's, the History screen's,
    ``history show --json``'s and ``history list``'s total time. (Before, the live figure left
    the stop out and the others counted it: 1:00 apart.)"""
    live: dict[str, object] = {}

    async def stop_stand_and_restart(rig: Rig) -> None:
        await at_speed_in(rig, 2, 10)
        rig.bridge.session_bridge.stop()
        await until(lambda: rig.prop("canStart") and rig.prop("state") == "stopped", 60)
        stood = rig.prop("elapsedText")
        await asyncio.sleep(60)
        live["stood"] = (stood, rig.prop("elapsedText"))
        controller = rig.bridge.session_bridge.controller
        assert controller is not None
        rig.bridge.session_bridge.start()
        await until(lambda: controller.ended, 900, 0.1)
        live["end_s"] = controller.snapshot().elapsed_s
        live["end_text"] = rig.prop("elapsedText")

    seen = await agree(tmp_path, stop_stand_and_restart)
    stood_before, stood_after = live["stood"]  # type: ignore[misc]
    assert stood_after == stood_before  # the clock does not run while stopped
    stats = seen["summary"]["statistics"]
    assert stats["complete"] is True
    end_s = live["end_s"]
    assert isinstance(end_s, float)
    assert end_s == pytest.approx(stats["total_s"], abs=0.05)
    assert stats["total_s"] < stats["moving_s"] + 40  # the stopped minute is not in it
    text = clock_text(end_s)
    assert live["end_text"] == text
    assert seen["summary"]["elapsedText"] == seen["summary"]["totalText"] == text
    assert seen["screen"]["duration"] == text
    assert seen["show"]["statistics"]["total_s"] == pytest.approx(end_s, abs=0.05)
    assert seen["show"]["duration_s"] == pytest.approx(end_s, abs=0.05)
