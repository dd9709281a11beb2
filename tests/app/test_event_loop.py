"""The app's loop with a faster clock (used by GUI tests, the screenshots and benchmarks): a
timer keeps its loop time when the speed changes. It did not: a 30 s phase timer armed at 1×
took 30 real seconds after a switch to 60×, so the screenshot run recorded a 30-second backward
block as twelve minutes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from treadmill_ctl.app.event_loop import AppEventLoop


def test_a_timer_armed_at_one_speed_fires_at_its_loop_time_after_a_speed_change(
    app_loop: AppEventLoop, qtbot: QtBot
) -> None:
    app_loop.set_speedup(1.0)
    fired: list[float] = []
    start = app_loop.time()
    app_loop.call_later(30.0, lambda: fired.append(app_loop.time()))
    app_loop.set_speedup(1000.0)  # 30 loop seconds are now 30 ms of wall time
    qtbot.waitUntil(lambda: bool(fired), timeout=2_000)
    assert 30.0 - 0.5 <= fired[0] - start <= 30.0 + 5.0


def test_a_timer_armed_fast_does_not_fire_early_after_a_slow_down(
    app_loop: AppEventLoop, qtbot: QtBot
) -> None:
    app_loop.set_speedup(1000.0)
    fired: list[float] = []
    start = app_loop.time()
    app_loop.call_later(0.5, lambda: fired.append(app_loop.time()))
    app_loop.set_speedup(10.0)  # 0.5 loop seconds: 50 ms of wall time, not 0.5 ms
    qtbot.waitUntil(lambda: bool(fired), timeout=2_000)
    assert fired[0] - start >= 0.5 - 0.01


def test_a_cancelled_timer_never_fires_after_a_speed_change(
    app_loop: AppEventLoop, qtbot: QtBot
) -> None:
    app_loop.set_speedup(1.0)
    fired: list[str] = []
    handle = app_loop.call_later(0.2, lambda: fired.append("cancelled one"))
    handle.cancel()
    app_loop.set_speedup(1000.0)
    app_loop.call_later(1.0, lambda: fired.append("marker"))
    qtbot.waitUntil(lambda: "marker" in fired, timeout=2_000)
    assert fired == ["marker"]
