"""The planned duration a user is shown includes the turn-arounds, ramps and countdowns: the
one estimate (session/estimate.py) is within its stated tolerance of a simulated run of every
built-in preset, and the presets list shows it (it used to show the time at speed only: the
"20:00" referee preset took 28:29)."""

from __future__ import annotations

import pytest
from session_world import run_fast

from treadmill_ctl.app.preset_rows import preset_row
from treadmill_ctl.session.estimate import TOLERANCE, TOLERANCE_S, estimate_plan, remaining_s
from treadmill_ctl.session.events import EndReason, SessionState
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings
from treadmill_ctl.statistics import clock_text
from treadmill_ctl.units import TurningStyle

LIBRARY = PresetLibrary(Settings())
BUILTIN_IDS = [p.id for p in LIBRARY.presets if p.builtin]


def _session_s(events: list[dict[str, object]]) -> float:
    """From the START (the start countdown) to the end, as the statistics' total time."""
    start = next(e for e in events if e["type"] == "state" and e["state"] != "idle")
    end = next(e for e in events if e["type"] == "end")
    return float(end["t"]) - float(start["t"])  # type: ignore[arg-type]


def _within(estimate: float, real: float) -> bool:
    return abs(estimate - real) <= max(TOLERANCE * real, TOLERANCE_S)


@pytest.mark.parametrize("preset_id", BUILTIN_IDS)
def test_presets_list_shows_how_long_a_session_really_takes(preset_id: str) -> None:
    settings = Settings()
    preset = LIBRARY.find(preset_id)
    assert preset is not None
    record = run_fast(preset.to_plan(), settings=settings)
    assert record.reason is EndReason.FINISHED
    real = _session_s(record.events)
    row = preset_row(preset, settings)
    # What the list shows, read back as seconds ("≈ 28:30").
    assert row["total"].startswith("≈ "), row["total"]
    shown_s = 0
    for part in row["total"].removeprefix("≈ ").split(":"):
        shown_s = shown_s * 60 + int(part)
    assert _within(shown_s, real), (row["total"], clock_text(real))
    assert row["atSpeed"] == clock_text(preset.total_s)


@pytest.mark.parametrize("preset_id", ["four-by-thirty", "knee-friendly", "first-steps"])
def test_estimate_holds_when_turning_at_a_walk(preset_id: str) -> None:
    settings = Settings().with_changes(turning_style=TurningStyle.WALK)
    preset = LIBRARY.find(preset_id)
    assert preset is not None
    plan = preset.to_plan()
    record = run_fast(plan, settings=settings)
    real = _session_s(record.events)
    assert _within(estimate_plan(plan, settings).total_s, real)
    # Turning at a walk is quicker than stopping the belt for each turn.
    assert estimate_plan(plan, settings).total_s < estimate_plan(plan, Settings()).total_s


def test_live_remaining_time_counts_down_to_the_real_end() -> None:
    """At every phase start of a real run, elapsed + the estimate of what is left is the real
    length (within the tolerance): the live finish does not drift."""
    settings = Settings()
    preset = LIBRARY.find("referee-defender")
    assert preset is not None
    plan = preset.to_plan()
    record = run_fast(plan, settings=settings)
    real_end = next(float(e["t"]) for e in record.events if e["type"] == "end")
    allowed = max(TOLERANCE * _session_s(record.events), TOLERANCE_S)
    checked = 0
    for e in record.of("state"):
        if e["state"] != "running_phase":
            continue
        index = max(p["index"] for p in record.of("phase") if p["t"] <= e["t"])
        left = remaining_s(
            plan,
            settings,
            state=SessionState.RUNNING_PHASE,
            index=index,
            phase_remaining_s=plan.phases[index].duration_s,
            actual_kmh=None,
        )
        assert abs(float(e["t"]) + left - real_end) <= allowed
        checked += 1
    assert checked == len(plan.phases)
