"""Soak: a 2-hour session on the virtual treadmill (4 Hz Treadmill Data), sped up, through the
whole app with its window rendering offscreen (or headless with --headless), recorded in the
history like any session. Measures:

- RSS at 1 minute of session and at the end (goal: end <= 1.1 x 1 minute), and its peak;
- Qt objects in the window (at 1 minute, in the session's last minutes, after its end) and
  Python objects (gc) at 1 minute and at the end;
- event-loop stalls: how late a 5 ms precise timer fires (wall clock), worst and p99;
- history rows per table, and samples per session second (1 Hz: bounded, not 4 Hz).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak.py                 # 2 h at 30x
    .venv/bin/python benchmarks/soak.py --minutes 10 --speedup 60 --json out.json   # CI size
    .venv/bin/python benchmarks/soak.py --headless

Settings and history go to a temporary directory. Exit status 0 when the session ran to its
end, the RSS goal is met and nothing was logged as an error.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import math
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

STALL_TIMER_MS = 5
SAMPLE_EVERY_S = 30.0  # session seconds between memory samples
ONE_MINUTE_S = 60.0


def rss_mb() -> float:
    """Resident set size of this process now (Linux /proc; else the peak from getrusage)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def soak_plan(minutes: float) -> Any:
    """A long interval session: a 5-minute warm-up, (2 min backward + 4 min forward) blocks,
    a cool-down; ``minutes`` of planned time in all."""
    from treadmill_ctl.session.plan import Phase, PhaseKind, Plan, Repeat

    total = minutes * 60
    warm = min(300.0, total / 4)
    cool = min(300.0, total / 4)
    block = 360.0
    blocks = max(1, int((total - warm - cool) // block))
    cool = max(total - warm - blocks * block, 60.0)
    return Plan.from_steps(
        f"Soak {minutes:g} min",
        [
            Phase(PhaseKind.WARMUP, warm, 5.0),
            Repeat(
                blocks,
                (Phase(PhaseKind.BACKWARD, 120, 3.0), Phase(PhaseKind.RECOVERY, 240, 6.0)),
            ),
            Phase(PhaseKind.COOLDOWN, cool, 4.5),
        ],
        id="soak",
    )


@dataclass
class Sample:
    session_s: float
    rss_mb: float
    qt_objects: int | None
    py_objects: int


@dataclass
class SoakResult:
    variant: str
    minutes: float
    speedup: float
    end_state: str
    session_s: float
    wall_s: float
    samples: list[Sample] = field(default_factory=list)
    lateness_ms: list[float] = field(default_factory=list, repr=False)
    history_rows: dict[str, int] = field(default_factory=dict)
    rss_after_gc_mb: float = 0.0
    traffic_lines: int = 0
    traffic_max_lines: int = 0
    errors: list[str] = field(default_factory=list)

    def at(self, session_s: float) -> Sample:
        """The first sample at or after ``session_s``."""
        return next((s for s in self.samples if s.session_s >= session_s), self.samples[-1])

    @property
    def end(self) -> Sample:
        return self.samples[-1]

    @property
    def last_running(self) -> Sample:
        """The last periodic sample while the session ran (the session screen still shown)."""
        return self.samples[-2] if len(self.samples) > 1 else self.samples[-1]

    @property
    def rss_ratio(self) -> float:
        return self.end.rss_mb / self.at(ONE_MINUTE_S).rss_mb

    def summary(self) -> dict[str, Any]:
        one, end = self.at(ONE_MINUTE_S), self.end
        late = sorted(self.lateness_ms) or [0.0]
        return {
            "variant": self.variant,
            "minutes": self.minutes,
            "speedup": self.speedup,
            "end_state": self.end_state,
            "session_s": round(self.session_s, 1),
            "wall_s": round(self.wall_s, 1),
            "rss_1min_mb": round(one.rss_mb, 1),
            "rss_end_mb": round(end.rss_mb, 1),
            "rss_peak_mb": round(max(s.rss_mb for s in self.samples), 1),
            "rss_after_gc_mb": round(self.rss_after_gc_mb, 1),
            "rss_ratio": round(self.rss_ratio, 3),
            "qt_objects_1min": one.qt_objects,
            "qt_objects_last_running": self.last_running.qt_objects,
            "qt_objects_end": end.qt_objects,
            "py_objects_1min": one.py_objects,
            "py_objects_end": end.py_objects,
            "stall_worst_ms": round(late[-1], 2),
            "stall_p99_ms": round(late[min(len(late) - 1, round(0.99 * (len(late) - 1)))], 2),
            "stall_median_ms": round(statistics.median(late), 3),
            "timer_ticks": len(self.lateness_ms),
            "history_rows": self.history_rows,
            "samples_per_session_s": round(
                self.history_rows.get("samples", 0) / max(self.session_s, 1.0), 3
            ),
            "traffic_lines": self.traffic_lines,
            "traffic_max_lines": self.traffic_max_lines,
            "errors": self.errors,
            "memory": [asdict(s) for s in self.samples],
        }


class ErrorLog(logging.Handler):
    """Every record logged at ERROR or above (an exception in a callback, a failed task...)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        first = record.getMessage().splitlines()[0] if record.getMessage() else ""
        exc = record.exc_info[1] if record.exc_info else None
        self.messages.append(f"{record.name}: {first}" + (f" ({exc!r})" if exc else ""))


def history_rows(db: Path) -> dict[str, int]:
    """Rows per table of the history database."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


async def _wait(check: Callable[[], bool], wall_limit_s: float, poll_s: float = 0.05) -> bool:
    deadline = time.monotonic() + wall_limit_s
    while not check():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(poll_s)
    return True


class _Sampler:
    """Memory samples every SAMPLE_EVERY_S of session time (and at 1 minute exactly)."""

    def __init__(self, result: SoakResult, count_qt: Callable[[], int | None]) -> None:
        self.result = result
        self.count_qt = count_qt

    def take(self, session_s: float) -> None:
        self.result.samples.append(
            Sample(session_s, rss_mb(), self.count_qt(), len(gc.get_objects()))
        )

    async def run(self, session_time: Callable[[], float | None]) -> None:
        next_s = ONE_MINUTE_S
        while True:
            t = session_time()
            if t is not None and t >= next_s:
                self.take(t)
                next_s = (t // SAMPLE_EVERY_S + 1) * SAMPLE_EVERY_S
            await asyncio.sleep(1.0)


# ---- the app, window offscreen -------------------------------------------------------------


async def soak_gui(
    minutes: float, speedup: float, profile: str, *, close_at_once: bool = False
) -> SoakResult:
    from treadmill_ctl.app.main import build_app
    from treadmill_ctl.app.qt import QObject, Qt, QTimer
    from treadmill_ctl.ftms.link import TreadmillLink
    from treadmill_ctl.settings import Settings

    result = SoakResult("gui", minutes, speedup, "", 0.0, 0.0)
    running = build_app(
        simulate=True, sim_profile=profile, settings=Settings(), save_settings=lambda s: None
    )
    ctx, session = running.context, running.bridge.session_bridge
    treadmill = running.source.treadmill
    assert treadmill is not None
    link = ctx.open_link(treadmill.address)
    assert isinstance(link, TreadmillLink)
    await link.connect()
    ctx.use_link(link)
    ctx.choose_plan(soak_plan(minutes))
    await _wait(lambda: session.property("state") == "idle", 30)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(STALL_TIMER_MS)
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        result.lateness_ms.append(max(0.0, (now - last[0]) * 1000 - STALL_TIMER_MS))
        last[0] = now

    timer.timeout.connect(tick)
    sampler = _Sampler(result, lambda: len(running.window.findChildren(QObject)))

    def session_time() -> float | None:
        engine = session.engine
        return engine.snapshot().t if engine is not None else None

    wall0 = time.perf_counter()
    session.start()
    sampling = asyncio.get_running_loop().create_task(sampler.run(session_time))
    last[0] = time.perf_counter()
    timer.start()
    ended = await _wait(
        lambda: session.property("state") in ("finished", "stopped"),
        wall_limit_s=minutes * 60 / speedup * 3 + 120,
        poll_s=0.2,
    )
    timer.stop()
    sampling.cancel()
    result.wall_s = time.perf_counter() - wall0
    result.end_state = str(session.property("state")) if ended else "timed out"
    if not close_at_once:  # a user reads the summary before closing the window
        await _wait(lambda: session.run_task is None or session.run_task.done(), 10)
        await asyncio.sleep(1.0)
    result.session_s = session_time() or 0.0
    sampler.take(result.session_s)
    result.traffic_lines = len(treadmill.traffic)
    result.traffic_max_lines = treadmill.traffic.max_lines
    db = ctx.history.path if ctx.history is not None else None
    await running.aclose()
    gc.collect()
    result.rss_after_gc_mb = rss_mb()
    if db is not None:
        result.history_rows = history_rows(db)
    return result


def run_gui(
    minutes: float, speedup: float, profile: str, *, close_at_once: bool = False
) -> SoakResult:
    from treadmill_ctl.app.event_loop import AppEventLoop
    from treadmill_ctl.app.qt import QGuiApplication

    qapp = QGuiApplication(sys.argv[:1])
    loop = AppEventLoop(qapp, speedup=speedup)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(
            soak_gui(minutes, speedup, profile, close_at_once=close_at_once)
        )


# ---- headless: the engine, the link and the history, no Qt ---------------------------------


async def soak_headless(minutes: float, speedup: float, profile: str) -> SoakResult:
    from treadmill_ctl.history import HistoryStore, SessionHeader
    from treadmill_ctl.history.recorder import SessionRecorder
    from treadmill_ctl.session.headless import run_headless
    from treadmill_ctl.settings import Settings
    from treadmill_ctl.sim.profiles import load_profile
    from treadmill_ctl.sim.treadmill import VirtualTreadmill

    result = SoakResult("headless", minutes, speedup, "", 0.0, 0.0)
    plan = soak_plan(minutes)
    sim = load_profile(profile)
    device = VirtualTreadmill(sim)
    store = HistoryStore.open()
    recorder = SessionRecorder.open(
        store, SessionHeader.now(preset_id=plan.id, preset_name=plan.name, device="soak")
    )
    loop = asyncio.get_running_loop()
    period = STALL_TIMER_MS / 1000
    last = [time.perf_counter()]

    def tick() -> None:  # the same 5 ms (wall) timer, on the loop's clock
        now = time.perf_counter()
        result.lateness_ms.append(max(0.0, (now - last[0] - period) * 1000))
        last[0] = now
        loop.call_later(period * speedup, tick)

    origin: list[float] = []

    def record(event: Any) -> None:
        if not origin:
            origin.append(loop.time() - event.t)
        recorder.on_event(event.to_json())

    sampler = _Sampler(result, lambda: None)
    wall0 = time.perf_counter()
    sampling = loop.create_task(sampler.run(lambda: loop.time() - origin[0] if origin else None))
    if math.isfinite(speedup):
        loop.call_later(period * speedup, tick)
    run = await run_headless(plan, Settings(), profile=sim, device=device, listeners=[record])
    sampling.cancel()
    result.wall_s = time.perf_counter() - wall0
    result.end_state = str(run.end_reason)
    result.session_s = run.session_s
    sampler.take(run.session_s)
    result.traffic_lines = len(device.traffic)
    result.traffic_max_lines = device.traffic.max_lines
    recorder.close()
    db = store.path
    store.close()
    gc.collect()
    result.rss_after_gc_mb = rss_mb()
    result.history_rows = history_rows(db)
    return result


def run_headless_soak(minutes: float, speedup: float, profile: str) -> SoakResult:
    from treadmill_ctl.session.clock import new_speedup_loop

    with asyncio.Runner(loop_factory=lambda: new_speedup_loop(speedup)) as runner:
        return runner.run(soak_headless(minutes, speedup, profile))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=120.0, help="planned session time")
    parser.add_argument("--speedup", type=float, default=30.0, help="loop clock × wall clock")
    parser.add_argument("--profile", default="ideal", help="sim profile (ideal: 4 Hz data)")
    parser.add_argument("--headless", action="store_true", help="no window, no Qt")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument(
        "--close-at-once",
        action="store_true",
        help="close the app the moment the session shows finished (not a second later)",
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = tempfile.mkdtemp(prefix="treadmill-ctl-soak-")
    os.environ["TREADMILL_CTL_CONFIG_DIR"] = str(Path(scratch) / "config")
    os.environ["TREADMILL_CTL_DATA_DIR"] = str(Path(scratch) / "data")

    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    if args.headless:
        result = run_headless_soak(args.minutes, args.speedup, args.profile)
    else:
        result = run_gui(args.minutes, args.speedup, args.profile, close_at_once=args.close_at_once)
    result.errors = errors.messages
    s = result.summary()
    print(
        f"Soak ({s['variant']}): {args.minutes:g}-minute plan on '{args.profile}' at "
        f"{args.speedup:g}x -> {s['end_state']} after {s['session_s'] / 60:.1f} min session "
        f"in {s['wall_s']:.0f} s wall"
    )
    print(
        f"  RSS  1 min {s['rss_1min_mb']:.1f} MB   end {s['rss_end_mb']:.1f} MB   "
        f"peak {s['rss_peak_mb']:.1f} MB   after closing + gc {s['rss_after_gc_mb']:.1f} MB"
    )
    verdict = "met" if s["rss_ratio"] <= 1.1 else "MISSED"
    print(f"  RSS end / RSS 1 min = {s['rss_ratio']:.3f}   (goal <= 1.1: {verdict})")
    if s["qt_objects_1min"] is not None:
        print(
            f"  Qt objects in the window   1 min {s['qt_objects_1min']}   last minutes "
            f"{s['qt_objects_last_running']}   after the end (summary) {s['qt_objects_end']}"
        )
    print(f"  Python objects (gc)        1 min {s['py_objects_1min']}   end {s['py_objects_end']}")
    print(
        f"  event-loop stall (a {STALL_TIMER_MS} ms timer's lateness, wall): worst "
        f"{s['stall_worst_ms']:.1f} ms   p99 {s['stall_p99_ms']:.1f} ms   "
        f"median {s['stall_median_ms']:.2f} ms   ({s['timer_ticks']} ticks)"
    )
    rows = ", ".join(f"{k} {v}" for k, v in sorted(s["history_rows"].items()))
    print(f"  history rows: {rows}")
    print(
        f"  history samples per session second: {s['samples_per_session_s']:.3f} (1 Hz)   "
        f"traffic log {s['traffic_lines']} lines (bound {s['traffic_max_lines']})"
    )
    print(f"  errors logged: {len(result.errors)}")
    for message in result.errors[:5]:
        print(f"    {message}")
    if args.json:
        args.json.write_text(json.dumps(s, indent=1))
    finished = s["end_state"] == "finished"
    return 0 if finished and s["rss_ratio"] <= 1.1 and not result.errors else 1


if __name__ == "__main__":
    sys.exit(main())
