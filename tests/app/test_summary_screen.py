"""The summary after a real session on the virtual treadmill (sped-up loop): time forward and
backward, distance, blocks done, and the preset suggested next — the numbers the history
shows for the same session. Any QML warning fails these tests."""

from __future__ import annotations

from screen_items import click, prop, shown
from window_rig import WindowRig

from treadmill_ctl.session.presets import user_presets_dir
from treadmill_ctl.statistics import clock_text

QUICK = """schema = 1
name = "Quick rung"
track = "backward-run"
level = 0

[[step]]
kind = "warmup"
duration_s = 20
speed_kmh = 3.0

[[step]]
kind = "backward"
duration_s = 20
speed_kmh = 3.0

[[step]]
kind = "recovery"
duration_s = 20
speed_kmh = 3.0
"""


def start_quick_rung(window: WindowRig) -> None:
    """Connect, pick the preset on the presets screen, start it on the session screen."""
    user_presets_dir().mkdir(parents=True, exist_ok=True)
    (user_presets_dir() / "quick-rung.toml").write_text(QUICK)
    window.connect()
    window.running.bridge.setProperty("screen", "presets")
    window.wait(lambda: shown(window, "presetList"))
    window.running.bridge.presets.select("quick-rung")  # (down the list, below the built-ins)
    window.wait(lambda: shown(window, "preset_quick-rung"))  # scrolled into view
    window.press("Return")  # use this preset
    window.wait(lambda: window.session("state") == "idle")
    window.press("Return")  # start
    window.wait(lambda: window.session("state") == "running_phase")


def test_a_finished_session_shows_its_numbers_and_the_next_rung(window: WindowRig) -> None:
    start_quick_rung(window)
    window.wait(lambda: window.running.bridge.property("screen") == "summary", timeout=30_000)
    window.wait(lambda: shown(window, "summaryHeadline"))
    assert prop(window, "summaryHeadline", "text") == "Session complete"
    assert not shown(window, "summaryWhy")
    assert prop(window, "summaryPreset", "text") == "Quick rung"
    assert prop(window, "summaryBlocks", "value") == "1 / 1"
    # Backward time is the belt moving while facing backward: the 20 s block, its ramp up and
    # the slow-down to turn; exactly what the history recorded for this session.
    backward = prop(window, "summaryBackward", "value")
    # The history is written by its own thread: the summary may come before the session's end
    # is in the file.
    history = window.running.context.history
    window.wait(lambda: [s.ended.value for s in history.list_sessions()] == ["finished"])
    (recorded,) = history.list_sessions()
    assert backward == clock_text(recorded.backward_s)
    assert 20 <= recorded.backward_s <= 20 + 15
    assert prop(window, "summaryDistance", "value").endswith(" m")
    # one 20 s block done: the ladder's next rung has more (and longer) blocks, same speed
    window.wait(lambda: prop(window, "nextName", "text") == "First steps")
    assert "more blocks" in prop(window, "nextReason", "text")
    click(window, "useNextButton")
    window.wait(lambda: window.running.bridge.property("screen") == "session")
    assert window.running.context.plan.name == "First steps"
    assert window.treadmill.belt_speed_kmh == 0.0


def test_a_session_stopped_early_suggests_doing_it_again(window: WindowRig) -> None:
    start_quick_rung(window)
    window.press("Space")
    window.wait(lambda: window.session("state") == "stopped")
    window.running.bridge.session_bridge.end()
    window.wait(lambda: window.running.bridge.property("screen") == "summary")
    window.wait(lambda: shown(window, "summaryHeadline"))
    assert prop(window, "summaryHeadline", "text") == "Ended early"
    assert prop(window, "summaryWhy", "text") == "Stopped by you"
    window.wait(lambda: prop(window, "nextName", "text") == "Quick rung")
    assert "stopped before the end" in prop(window, "nextReason", "text")


def test_a_session_with_a_skipped_block_ended_early_and_is_done_again(window: WindowRig) -> None:
    start_quick_rung(window)
    window.wait(lambda: window.session("direction") == "backward")
    window.wait(lambda: window.session("state") == "running_phase")
    window.press("N")  # skip the backward block
    window.wait(lambda: window.running.bridge.property("screen") == "summary", timeout=30_000)
    window.wait(lambda: shown(window, "summaryHeadline"))
    # The engine finished the plan, but a skipped block is not a block done.
    assert window.running.bridge.session_bridge.property("summary")["endReason"] == "finished"
    assert prop(window, "summaryHeadline", "text") == "Ended early"
    assert prop(window, "summaryWhy", "text") == "1 phase skipped"
    assert prop(window, "summaryBlocks", "value") == "0 / 1"
    window.wait(lambda: prop(window, "nextName", "text") == "Quick rung")
    assert "skipped part of it" in prop(window, "nextReason", "text")
