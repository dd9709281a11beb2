"""The recorder on the real session engine (virtual treadmill through bleak and pyftms, loop
time fast-forwarded): what the app does when a session runs."""

from __future__ import annotations

import pytest

from treadmill_ctl.ftms.simulated import close_simulated_link, open_simulated_link
from treadmill_ctl.history import Ending, HistoryStore, SessionHeader, attach_to_engine
from treadmill_ctl.session.engine import SessionEngine
from treadmill_ctl.session.headless import target_unit_for
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import load_profile

pytestmark = pytest.mark.looptime


async def test_a_whole_session_is_recorded_and_the_recorder_closes_on_end(
    store: HistoryStore,
) -> None:
    settings = Settings()
    preset = PresetLibrary(settings).resolve("first-steps")
    plan = preset.to_plan()
    profile = load_profile("ideal")
    link, treadmill = await open_simulated_link(
        profile, connect=False, target_unit=target_unit_for(profile)
    )
    engine = SessionEngine(link, plan, settings)
    header = SessionHeader.now(preset_id=preset.id, preset_name=preset.name, plan=None)
    recorder = attach_to_engine(engine, header, store)
    try:
        engine.user_start()
        assert await engine.run() == "finished"
    finally:
        await close_simulated_link(link, treadmill)
    assert recorder.closed  # the engine's end event closed it
    assert recorder.errors == 0
    [summary] = store.list_sessions()
    assert summary.ended is Ending.FINISHED
    assert summary.preset == preset.name
    assert summary.blocks_done == plan.backward_blocks
    assert plan.backward_s <= summary.backward_s <= plan.backward_s + 15 * plan.backward_blocks
    detail = store.get_session(summary.id)
    assert [p.kind for p in detail.phases] == [str(p.kind) for p in plan.phases]
    assert [p.direction.value for p in detail.phases] == [str(p.direction) for p in plan.phases]
    snapshot = engine.snapshot()
    assert summary.distance_m == pytest.approx(snapshot.distance_m, abs=2)
    assert any(c.op == "set_speed" and c.result == "success" for c in detail.commands)
