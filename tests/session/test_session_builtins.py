"""Every built-in preset runs to completion headless on every virtual treadmill profile, and
every run keeps the safety rules (caps, ramp, turn-arounds, first speed)."""

from __future__ import annotations

import pytest
from session_safety import check_all
from session_world import run_fast

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
