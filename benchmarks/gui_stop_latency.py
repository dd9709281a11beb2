"""The desktop app's responsiveness (not a test), in wall-clock time (time.perf_counter):

1. STOP latency: a key press (Space) sent to the window -> the STOP write (08 01) arriving at
   the virtual treadmill's control point, while a session runs with 4 Hz Treadmill Data (the
   ``ideal`` profile), through the whole app: Qt event -> key filter -> session bridge ->
   engine -> link -> pyftms -> bleak -> virtual treadmill. Compared with the link-level idle
   STOP latency (``link.stop()`` called on a connected, idle link) on the same qasync loop.
   Goal: app STOP p99 <= 1.5 x link idle STOP p99.
2. Main-thread stalls during a 10-minute session run sped up (the window renders every frame
   offscreen meanwhile): how late a 5 ms precise timer fires. Goal: p99 <= 16 ms (one frame).
3. Startup: ``treadmill-ctl --simulate`` from process start to its window's first frame,
   next to a Python process that imports PySide6 and shows an empty QML window. Goal <= 1.5 x.
   Both are fresh processes, run alternately; the app's first frame must draw its real first
   screen (the connect screen: the app says which screen it drew, and a run that drew none
   fails). The app loads what that screen does not need (Bluetooth stack, engine, history,
   audio output, presets) after the first frame, one piece per loop turn: the time until that
   is done and the longest the main thread was busy meanwhile (how long input could wait, from
   a 5 ms timer in the app) are printed too. Python bytecode
   is cached in a temporary directory, as after an install (pip compiles it), and one run of
   each is a warm-up that is not counted; ``--no-bytecode-cache`` measures with whatever the
   environment says (``PYTHONDONTWRITEBYTECODE=1`` compiles every module at every start).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_stop_latency.py [--trials N]
        [--startup-runs N] [--startup-only] [--no-bytecode-cache]

Settings and history go to a temporary directory.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

STOP = b"\x08\x01"
STALL_TIMER_MS = 5
SESSION_SPEEDUP = 20.0  # the 10-minute session in 30 s of wall time

EMPTY_WINDOW = """
import sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
app = QGuiApplication(sys.argv[:1])
engine = QQmlApplicationEngine()
engine.loadData(b"import QtQuick\\nWindow { width: 1280; height: 720; visible: true }")
window = engine.rootObjects()[0]
def ready():
    print("ready", file=sys.stderr, flush=True)
    QTimer.singleShot(0, app.quit)
window.frameSwapped.connect(ready)
app.exec()
"""


def pct(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def row(name: str, samples: Sequence[float], unit: float = 1000.0) -> str:
    return (
        f"  {name:<34} n={len(samples):<4} p50 {pct(samples, 0.5) * unit:8.2f} ms"
        f"   p99 {pct(samples, 0.99) * unit:8.2f} ms   max {max(samples) * unit:8.2f} ms"
    )


# ---- 1 + 2: in-process, on the app's own loop ----------------------------------------------


async def _wait(check: Callable[[], bool], limit_s: float = 60.0) -> None:
    deadline = time.monotonic() + limit_s
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark: the app did not get there in time")
        await asyncio.sleep(0.005)


async def measure_in_app(trials: int) -> tuple[list[float], list[float], list[float]]:
    from treadmill_ctl.app.event_loop import AppEventLoop
    from treadmill_ctl.app.main import build_app
    from treadmill_ctl.app.qt import QEvent, QGuiApplication, QKeyEvent, Qt, QTimer
    from treadmill_ctl.ftms.link import TreadmillLink
    from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
    from treadmill_ctl.settings import Settings

    loop = asyncio.get_running_loop()
    assert isinstance(loop, AppEventLoop)
    running = build_app(simulate=True, settings=Settings(), save_settings=lambda s: None)
    ctx, session, window = running.context, running.bridge.session_bridge, running.window
    treadmill = running.source.treadmill
    assert treadmill is not None
    stop_arrived: list[float] = []

    def arrived(_loop_t: float, data: bytes) -> None:
        if data == STOP:
            stop_arrived.append(time.perf_counter())

    treadmill.on_control_write = arrived
    link = ctx.open_link(treadmill.address)
    assert isinstance(link, TreadmillLink)
    await link.connect()

    # Link-level idle STOP: nothing else pending, belt still.
    idle: list[float] = []
    for _ in range(trials):
        await asyncio.sleep(random.uniform(0.02, 0.08))
        before = len(stop_arrived)
        t0 = time.perf_counter()
        task = loop.create_task(link.stop())
        await _wait(lambda b=before: len(stop_arrived) > b)
        idle.append(stop_arrived[before] - t0)
        await task

    # App STOP: Space pressed while a session runs (4 Hz data), through the whole app.
    ctx.use_link(link)
    ctx.choose_plan(Plan("Bench", (Phase(PhaseKind.FORWARD, 3600, 5.0),)))
    await _wait(lambda: session.property("state") == "idle")
    app_stop: list[float] = []
    app = QGuiApplication.instance()
    for _ in range(trials):
        loop.set_speedup(SESSION_SPEEDUP)  # through the countdown and the ramp
        session.start()
        await _wait(lambda: session.property("state") == "running_phase")
        loop.set_speedup(1.0)
        await asyncio.sleep(random.uniform(0.1, 0.4))  # a random moment in the 4 Hz stream
        before = len(stop_arrived)
        press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)
        t0 = time.perf_counter()
        app.sendEvent(window, press)  # as the platform delivers it: to the window
        await _wait(lambda b=before: len(stop_arrived) > b)
        app_stop.append(stop_arrived[before] - t0)
        loop.set_speedup(SESSION_SPEEDUP)
        await _wait(lambda: session.property("state") == "stopped")
        await _wait(lambda: treadmill.belt_speed_kmh == 0.0)

    # Main-thread stalls over a 10-minute session, sped up, window rendering all along.
    lateness: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(STALL_TIMER_MS)
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, now - last[0] - STALL_TIMER_MS / 1000))
        last[0] = now

    ctx.choose_plan(
        Plan(
            "Ten minutes",
            (
                Phase(PhaseKind.WARMUP, 120, 5.0),
                Phase(PhaseKind.BACKWARD, 60, 3.0),
                Phase(PhaseKind.RECOVERY, 120, 5.0),
                Phase(PhaseKind.BACKWARD, 60, 3.0),
                Phase(PhaseKind.RECOVERY, 120, 5.0),
                Phase(PhaseKind.COOLDOWN, 120, 4.0),
            ),
        )
    )
    await _wait(lambda: session.property("state") == "idle")
    loop.set_speedup(SESSION_SPEEDUP)
    timer.timeout.connect(tick)
    last[0] = time.perf_counter()
    timer.start()
    session.start()
    await _wait(lambda: session.property("state") == "finished", 300)
    timer.stop()
    loop.set_speedup(1.0)
    await running.aclose()
    return idle, app_stop, lateness


# ---- 3: startup, in fresh processes --------------------------------------------------------

FIRST_SCREEN = "connect"


@dataclass(frozen=True, slots=True)
class Startup:
    """One fresh process: seconds from its start to its first frame, and for the app to the
    end of what it loads after that frame, with the longest the main thread was busy between."""

    first_frame: float
    loaded: float | None = None
    longest_stall: float | None = None


def _time_to_ready(cmd: list[str], env: dict[str, str], *, app: bool) -> Startup:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    first_frame: float | None = None
    for line in proc.stderr:
        if line.startswith("ready"):
            first_frame = time.perf_counter() - t0
            if not app:
                break
            # "ready <s> screen=<name>": the first frame must show the real first screen.
            if f"screen={FIRST_SCREEN}" not in line.split():
                proc.kill()
                raise RuntimeError(f"the app's first frame did not draw the {FIRST_SCREEN} screen")
        elif line.startswith("loaded") and first_frame is not None:
            # "loaded <s> longest <ms>"
            loaded = time.perf_counter() - t0
            proc.wait(timeout=30)
            return Startup(first_frame, loaded, float(line.split()[3]) / 1000)
    if first_frame is None:
        raise RuntimeError(f"{cmd[0]} never became ready")
    if app:
        raise RuntimeError("the app never said it had loaded the rest")
    proc.wait(timeout=30)
    return Startup(first_frame)


def startup_env(env: dict[str, str], scratch: Path, *, bytecode_cache: bool) -> dict[str, str]:
    """The environment for the startup runs: with ``bytecode_cache``, Python writes and reads
    compiled modules under ``scratch`` (as an installed app has them), whatever
    ``PYTHONDONTWRITEBYTECODE`` says."""
    if not bytecode_cache:
        return dict(env)
    cached = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    return cached


def measure_startup(runs: int, env: dict[str, str]) -> tuple[list[Startup], list[Startup]]:
    """``runs`` of each, alternately (so both see the same machine load), after one warm-up
    run of each that is not counted (compiles the bytecode and QML caches, fills the OS's file
    cache)."""
    app_env = {**env, "TREADMILL_CTL_EXIT_WHEN_READY": "1"}
    exe = str(Path(sys.executable).with_name("treadmill-ctl"))
    baseline, app = [], []
    for run in range(runs + 1):
        empty = _time_to_ready([sys.executable, "-c", EMPTY_WINDOW], env, app=False)
        ours = _time_to_ready([exe, "--simulate"], app_env, app=True)
        if run > 0:
            baseline.append(empty)
            app.append(ours)
    return baseline, app


def print_startup(baseline: list[Startup], app: list[Startup], *, bytecode_cache: bool) -> None:
    empty_ms = statistics.median(r.first_frame for r in baseline) * 1000
    app_ms = statistics.median(r.first_frame for r in app) * 1000
    loaded_ms = statistics.median(r.loaded or 0.0 for r in app) * 1000
    longest_ms = max(r.longest_stall or 0.0 for r in app) * 1000
    ratio = app_ms / empty_ms
    how = "bytecode cached, as installed" if bytecode_cache else "bytecode as the environment says"
    print(
        f"Startup to the first frame of the window (fresh processes, median of {len(app)} runs "
        f"each after a warm-up, wall clock; {how})"
    )
    print(f"  import PySide6 + empty QML window          {empty_ms:8.0f} ms")
    print(f"  treadmill-ctl --simulate ({FIRST_SCREEN} screen)   {app_ms:8.0f} ms")
    print(f"  goal <= 1.5 x: {'met' if ratio <= 1.5 else 'MISSED'} ({ratio:.2f} x)")
    print(
        f"  then loaded (Bluetooth stack, engine, history, sound, presets) by {loaded_ms:.0f} ms;"
        f" main thread busy at most {longest_ms:.0f} ms at a time meanwhile (worst run)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=40, help="STOP presses per case")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--startup-only", action="store_true", help="only the startup part")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="startup with the environment's bytecode setting (see the module doc)",
    )
    args = parser.parse_args()
    bytecode_cache = not args.no_bytecode_cache
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="treadmill-ctl-bench-") as scratch:
        os.environ["TREADMILL_CTL_CONFIG_DIR"] = str(Path(scratch) / "config")
        os.environ["TREADMILL_CTL_DATA_DIR"] = str(Path(scratch) / "data")
        if not args.startup_only:
            from treadmill_ctl.app.event_loop import AppEventLoop
            from treadmill_ctl.app.qt import QGuiApplication

            qapp = QGuiApplication(sys.argv[:1])
            loop = AppEventLoop(qapp)
            asyncio.set_event_loop(loop)
            with loop:
                idle, app_stop, lateness = loop.run_until_complete(measure_in_app(args.trials))
            print_in_app(idle, app_stop, lateness)
            print()
        env = startup_env(dict(os.environ), Path(scratch), bytecode_cache=bytecode_cache)
        baseline, startup = measure_startup(args.startup_runs, env)
    print_startup(baseline, startup, bytecode_cache=bytecode_cache)
    return 0


def print_in_app(idle: list[float], app_stop: list[float], lateness: list[float]) -> None:
    stop_ratio = pct(app_stop, 0.99) / pct(idle, 0.99)
    stall_p99 = pct(lateness, 0.99) * 1000
    print("STOP latency, key press / stop() -> STOP write at the virtual treadmill (wall clock)")
    print(row("link.stop(), idle link", idle))
    print(row("Space in the app, session running", app_stop))
    verdict = "met" if stop_ratio <= 1.5 else "MISSED"
    print(f"  goal app p99 <= 1.5 x link idle p99: {verdict} ({stop_ratio:.2f} x)")
    print()
    print(
        f"Main-thread stalls: lateness of a {STALL_TIMER_MS} ms precise timer during a "
        f"10-minute session at {SESSION_SPEEDUP:.0f}x (window rendering offscreen)"
    )
    print(row("timer lateness", lateness))
    print(f"  goal p99 <= 16 ms: {'met' if stall_p99 <= 16 else 'MISSED'} ({stall_p99:.2f} ms)")


if __name__ == "__main__":
    sys.exit(main())
