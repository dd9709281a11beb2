"""The session screen's bridge and the app's keys over the real engine and the virtual
treadmill (looptime: the loop's clock is fast-forwarded, nothing sleeps). What a runner would
see on the screen, hear, and what reaches the machine when they press a key."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from screens_numbers import two_blocks
from session_rig import Rig, connected_rig, make_rig, until

from treadmill_ctl.app.keys import CLICKER_SAFE_ACTIONS, KeyAction, KeyMap
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.treadmill import BeltState
from treadmill_ctl.statistics import clock_text

pytestmark = [pytest.mark.looptime, pytest.mark.usefixtures("qapp")]

OP_START = 0x07
OP_STOP_PAUSE = 0x08
OP_SET_SPEED = 0x02


@pytest.fixture(autouse=True)
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREADMILL_CTL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("TREADMILL_CTL_DATA_DIR", str(tmp_path / "data"))


async def run_until_state(rig: Rig, state: str, within: float = 120.0) -> None:
    await until(lambda: rig.prop("state") == state, within)


async def test_before_start_the_screen_says_ready_and_shows_the_plan(tmp_path: Path) -> None:
    async with connected_rig(tmp_path) as rig:
        assert rig.context.history.list_sessions() == []  # nothing before the user starts
        await run_until_state(rig, "idle")
        assert rig.bridge.property("screen") == "session"
        assert rig.prop("headline") == "READY"
        assert rig.prop("canStart") is True
        assert rig.prop("hint") == "Press Enter or START to begin"
        assert [b["direction"] for b in rig.prop("timeline")] == ["forward", "backward", "forward"]
        # 1:00 at speed, with its two turn-arounds, ramps and countdowns (session/estimate.py).
        assert rig.prop("totalText") == "1:50"
        assert rig.prop("linkState") == "connected"
        assert rig.prop("active") is False
        assert rig.treadmill.state is BeltState.IDLE


async def test_enter_starts_with_a_countdown_then_the_belt_runs_forward(tmp_path: Path) -> None:
    async with connected_rig(tmp_path) as rig:
        await run_until_state(rig, "idle")
        assert rig.act(KeyAction.START_CONFIRM) is True
        await until(lambda: rig.prop("countdownVisible"))
        assert rig.prop("countdownTitle") == "Starting in"
        assert rig.prop("countdown") == 5
        assert rig.treadmill.belt_speed_kmh == 0.0  # nothing moves during the countdown
        await run_until_state(rig, "running_phase")
        assert rig.prop("headline") == "FORWARD"
        assert rig.prop("direction") == "forward"
        assert rig.prop("targetSpeedText") == "3.0"
        assert rig.prop("nextTitle") == "Backward"
        assert rig.prop("nextDirection") == "backward"
        assert rig.prop("countdownVisible") is False
        assert rig.treadmill.belt_speed_kmh == pytest.approx(3.0, abs=0.11)


async def test_a_turn_shows_the_countdown_with_the_new_direction_then_backward(
    tmp_path: Path,
) -> None:
    async with connected_rig(tmp_path) as rig:
        await run_until_state(rig, "idle")
        rig.bridge.session_bridge.start()
        await until(lambda: rig.prop("countdownReason") == "turn")
        assert rig.prop("headline") == "TURN AROUND"
        assert rig.prop("headlineDetail") == "Belt stopped"
        assert rig.prop("countdownDirection") == "backward"
        assert rig.prop("countdownTitle") == "Belt stopped — turn around"
        # The turn happens with the belt stopped: as the treadmill reports it (0.00 km/h, its
        # resolution is 0.01); the engine's 0.5 km/h ramp steps may leave the model a few
        # microseconds from its exact stop at that instant.
        assert rig.treadmill.belt_speed_kmh == pytest.approx(0.0, abs=0.005)
        assert rig.bridge.cue_player.property("lastCue") in {"5", "Backward in 5"}
        await until(
            lambda: rig.prop("headline") == "BACKWARD" and rig.prop("state") == "running_phase"
        )
        assert rig.prop("direction") == "backward"
        assert rig.prop("blocksText") == "Backward block 1 of 1"


async def test_stop_by_each_stop_key_stops_the_belt_and_pressing_again_never_restarts(
    tmp_path: Path,
) -> None:
    async with connected_rig(tmp_path) as rig:
        keys = KeyMap.from_settings(Settings()).keys_for(KeyAction.STOP)
        assert set(keys) >= {"Space", "Escape", "B", "Period", "F5", "Shift+F5"}
        for key in keys:
            rig.bridge.session_bridge.start()
            await run_until_state(rig, "running_phase")
            writes_before = len(rig.treadmill.control_writes)
            assert rig.key(key) is True
            await run_until_state(rig, "stopped")
            new_ops = rig.control_ops()[writes_before:]
            assert new_ops[0] == OP_STOP_PAUSE, f"{key}: STOP was not the first write"
            await until(lambda: rig.treadmill.belt_speed_kmh == 0.0, 30)
            # The same key again: still stopped, and no start or speed reaches the machine.
            writes_after_stop = len(rig.treadmill.control_writes)
            assert rig.key(key) is True
            await asyncio.sleep(2)  # loop time: what the second press does has happened
            await until(lambda: rig.prop("state") == "stopped", 5)
            later = rig.control_ops()[writes_after_stop:]
            assert OP_START not in later, key
            assert OP_SET_SPEED not in later, key
            assert rig.treadmill.belt_speed_kmh == 0.0
            assert rig.prop("hint").startswith("Stopped.")


async def test_clicker_keys_can_stop_pause_or_slow_but_never_start_or_speed_up(
    tmp_path: Path,
) -> None:
    async with connected_rig(tmp_path) as rig:
        clicker = KeyMap(Settings().key_bindings, Settings().clicker_bindings)
        clicker_bindings = [b for b in clicker.bindings if b.clicker]
        assert {b.action for b in clicker_bindings} <= CLICKER_SAFE_ACTIONS
        # Idle: no clicker key starts the belt.
        await run_until_state(rig, "idle")
        for binding in clicker_bindings:
            rig.act(binding.action)
        await run_until_state(rig, "stopped")  # STOP in idle: stopped, nothing moved
        assert OP_START not in rig.control_ops()
        # Running: the pause key pauses and pressing it again does not resume.
        rig.bridge.session_bridge.start()
        await run_until_state(rig, "running_phase")
        rig.key("PageUp")
        await run_until_state(rig, "paused")
        starts = rig.control_ops().count(OP_START)
        rig.key("PageUp")
        await until(lambda: rig.prop("state") == "paused", 10)
        assert rig.control_ops().count(OP_START) == starts
        # Resume by the user (P), then the slower key lowers the target, never raises it.
        rig.key("P")
        await run_until_state(rig, "running_phase")
        rig.key("PageDown")
        await until(lambda: rig.prop("targetSpeedText") == "2.9", 10)
        assert max(
            int.from_bytes(d[1:3], "little") / 100
            for _t, d in rig.treadmill.control_writes
            if d[0] == OP_SET_SPEED
        ) == pytest.approx(3.0)


async def test_p_pauses_and_resumes_through_a_countdown(tmp_path: Path) -> None:
    async with connected_rig(tmp_path) as rig:
        rig.bridge.session_bridge.start()
        await run_until_state(rig, "running_phase")
        rig.key("P")
        await run_until_state(rig, "paused")
        assert rig.prop("headline") == "PAUSED"
        assert rig.prop("paused") is True
        assert rig.prop("canResume") is True
        await until(lambda: rig.treadmill.belt_speed_kmh == 0.0, 30)
        rig.key("P")
        await until(lambda: rig.prop("countdownReason") == "resume")
        assert rig.prop("countdownTitle") == "Resuming in"
        await run_until_state(rig, "running_phase")
        assert rig.treadmill.belt_speed_kmh > 0


async def test_speed_keys_change_the_target_within_the_phase(tmp_path: Path) -> None:
    async with connected_rig(tmp_path) as rig:
        rig.bridge.session_bridge.start()
        await run_until_state(rig, "running_phase")
        rig.key("Up")
        await until(lambda: rig.prop("targetSpeedText") == "3.1", 5)
        rig.key("Shift+Down")
        await until(lambda: rig.prop("targetSpeedText") == "2.6", 5)
        await until(lambda: rig.treadmill.belt_speed_kmh == pytest.approx(2.6, abs=0.06), 20)


async def test_skip_and_extend_keys(tmp_path: Path) -> None:
    async with connected_rig(tmp_path) as rig:
        rig.bridge.session_bridge.start()
        await run_until_state(rig, "running_phase")
        engine = rig.bridge.session_bridge.engine
        assert engine is not None
        before = engine.snapshot().phase_remaining_s
        rig.key("E")
        await until(lambda: engine.snapshot().phase_remaining_s > before + 25, 5)
        rig.key("N")
        await until(lambda: rig.prop("headline") == "SLOWING DOWN", 20)


async def test_link_loss_shows_the_belt_may_still_be_moving_at_the_last_speed(
    tmp_path: Path,
) -> None:
    async with connected_rig(tmp_path) as rig:
        rig.bridge.session_bridge.start()
        await run_until_state(rig, "running_phase")
        rig.treadmill.drop_link(back_after_s=None)
        await until(lambda: rig.prop("linkLost"))
        assert rig.prop("linkState") == "lost"
        value, unit = rig.prop("lastSpeedText").split()
        assert unit == "km/h"
        assert float(value) == pytest.approx(rig.treadmill.belt_speed_kmh, abs=0.15)
        assert rig.prop("headline") == "CONNECTION LOST"
        assert rig.prop("active") is True  # STOP stays on every screen
        assert rig.treadmill.belt_speed_kmh == pytest.approx(3.0, abs=0.11)  # it really does


async def test_the_session_ends_on_the_summary_with_what_was_done(tmp_path: Path) -> None:
    async with connected_rig(tmp_path) as rig:
        rig.bridge.session_bridge.start()
        await until(lambda: rig.bridge.property("screen") == "summary", 300)
        summary = rig.prop("summary")
        assert summary["endReason"] == "finished"
        assert summary["endText"] == "Session complete"
        assert summary["endDetail"] == ""
        assert summary["blocksDone"] == 1
        assert summary["blocksTotal"] == 1
        assert summary["presetName"] == "Test turn"
        await until(lambda: rig.treadmill.belt_speed_kmh == 0.0, 10)
        # ... and it is in the history, as it happened.
        (recorded,) = rig.context.history.list_sessions()
        assert recorded.preset_name == "Test turn"
        assert recorded.ended_reason == "finished"
        assert recorded.blocks_done == 1
        assert recorded.backward_s >= 20  # belt time in the block, ramps included
        # The summary says what the history says: one definition (statistics.py).
        assert summary["backwardText"] == clock_text(recorded.backward_s)
        assert summary["forwardText"] == clock_text(recorded.forward_s)
        assert summary["totalText"] == clock_text(recorded.duration_s)


async def test_stop_with_no_session_still_stops_the_machine(tmp_path: Path) -> None:
    rig = make_rig(tmp_path)
    try:
        await rig.connect()  # connected, but no plan chosen: no engine
        assert rig.prop("state") == ""
        assert rig.key("Space") is True
        await until(lambda: OP_STOP_PAUSE in rig.control_ops(), 10)
    finally:
        await rig.close()


async def test_after_a_skipped_block_the_next_is_block_two_and_none_is_done(
    tmp_path: Path,
) -> None:
    async with connected_rig(tmp_path, two_blocks()) as rig:
        rig.bridge.session_bridge.start()
        await until(lambda: rig.prop("blocksText") == "Backward block 1 of 2", 300)
        await run_until_state(rig, "running_phase")
        rig.bridge.session_bridge.skip()
        await until(lambda: rig.prop("phaseKind") == "recovery", 60)
        assert rig.prop("blocksText") == "0 of 2 backward blocks done"  # skipped: not done
        await until(lambda: rig.prop("blocksText").startswith("Backward block"), 300)
        assert rig.prop("blocksText") == "Backward block 2 of 2"


async def test_in_mph_speed_keys_step_in_mph_and_alerts_say_mph(tmp_path: Path) -> None:
    """With mph chosen, Up raises the target by 0.1 mph as the screen reads it (it added
    0.1 km/h: 1.9 mph stayed 1.9 mph), and the session's messages are in mph."""
    from treadmill_ctl.units import SpeedUnit

    settings = Settings(speed_unit=SpeedUnit.MPH, forward_cap_kmh=4.0)
    async with connected_rig(tmp_path, settings=settings) as rig:
        rig.bridge.session_bridge.start()
        await run_until_state(rig, "running_phase")
        assert rig.prop("targetSpeedText") == "1.9"  # 3.0 km/h
        assert rig.prop("speedUnit") == "mph"
        rig.key("Up")
        await until(lambda: rig.prop("targetSpeedText") == "2.0", 5)
        for _ in range(4):
            rig.key("Shift+Up")
        await until(lambda: "forward cap" in rig.prop("alertText"), 5)
        assert rig.prop("targetSpeedText") == "2.5"  # the cap, 4.0 km/h
        assert rig.prop("alertText") == "Limited by the forward cap 2.5 mph."
