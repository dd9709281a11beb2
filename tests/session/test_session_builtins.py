"""Every built-in preset runs to completion headless on every virtual treadmill profile, and
every run keeps the safety rules (caps, ramp, turn-arounds, first speed)."""

from __future__ import annotations

import pytest
from session_safety import check_all, check_ramp
from session_world import run_fast, small_plan

from treadmill_ctl.session.events import EndReason
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES

LIBRARY = PresetLibrary(Settings())
BUILTIN_IDS = [p.id for p in LIBRARY.presets if p.builtin]


def test_the_builtins_are_all_there() -> None:
    assert len(BUILTIN_IDS) >= 10
    assert not LIBRARY.problems
    assert any(abs(LIBRARY.find(i).total_s - 45 * 60) < 1 for i in BUILTIN_IDS)  # type: ignore[union-attr]


@pytest.mark.slow
@pytest.mark.parametrize("profile", sorted(BUILTIN_PROFILES))
@pytest.mark.parametrize("preset_id", BUILTIN_IDS)
def test_builtin_preset_runs_to_completion_safely(preset_id: str, profile: str) -> None:
    settings = Settings()
    preset = LIBRARY.find(preset_id)
    assert preset is not None
    plan = preset.to_plan()
    record = run_fast(plan, profile=profile, settings=settings)
    assert record.reason is EndReason.FINISHED, record.alerts()
    assert record.of("end")[-1]["reason"] == "finished"
    assert [p["index"] for p in record.of("phase")] == list(range(len(plan.phases)))
    assert not record.alerts("error")
    assert not record.alerts("overspeed")
    check_all(record, plan, settings)


@pytest.mark.parametrize("profile", ["ideal", "mph"])
def test_the_checks_above_catch_a_ramp_faster_than_the_settings(profile: str) -> None:
    """The ramp check fails on a session that ramped at 2 km/h per s when the settings say 0.1
    (the turn and cap checks pass), so the test above cannot pass by checking nothing."""
    plan = small_plan(backward_kmh=3.0, forward_kmh=8.0)
    record = run_fast(plan, profile=profile, settings=Settings(ramp_kmh_per_s=2.0))
    assert record.reason is EndReason.FINISHED
    check_all(record, plan, Settings(ramp_kmh_per_s=2.0))
    with pytest.raises(AssertionError):
        check_ramp(record, Settings(ramp_kmh_per_s=0.1))
