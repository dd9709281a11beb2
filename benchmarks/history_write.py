"""History write/read numbers (not a test): how fast the recorder writes, what one commit
costs, how much a SIGKILL loses, how fast the GUI's calls and the exports are.

    .venv/bin/python benchmarks/history_write.py [--kills N]

Uses a throw-away data directory. Wall-clock timing here is the point (time.perf_counter).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from treadmill_ctl.export.fit import encode_fit
from treadmill_ctl.export.tcx import encode_tcx
from treadmill_ctl.history import Durability, HistoryStore, SessionHeader, SessionRecorder
from treadmill_ctl.history.recorder import record_events
from treadmill_ctl.proof.sample_sessions import blocks_plan, plan_json, sample_events

KILL_CHILD = Path(__file__).resolve().parent.parent / "tests" / "history" / "kill_child.py"


def header() -> SessionHeader:
    plan = blocks_plan(90, 10)
    return SessionHeader(
        datetime.now().astimezone().replace(microsecond=0), "b", "Bench", plan_json(plan)
    )


def live_recording(path: Path, durability: Durability) -> None:
    plan = blocks_plan(90, 10)  # about 45 minutes
    events = list(sample_events(plan))
    with HistoryStore.open(path, durability=durability) as store:
        recorder = SessionRecorder.open(store, header())
        latencies: list[float] = []
        start = time.perf_counter()
        for event in events:
            t0 = time.perf_counter()
            recorder.on_event(event)
            latencies.append(time.perf_counter() - t0)
        recorder.close()
        wall = time.perf_counter() - start
        detail = store.get_session(recorder.session_id)
    rows = len(detail.samples) + len(detail.commands) + len(detail.states) + len(detail.phases)
    session_s = events[-1]["t"]
    latencies.sort()
    print(
        f"live {durability.value:6}: {len(events)} events ({session_s / 60:.0f} min session) in "
        f"{wall:.2f} s = {len(events) / wall:,.0f} events/s, {rows / wall:,.0f} rows/s committed; "
        f"on_event p50 {latencies[len(latencies) // 2] * 1e6:.0f} us, "
        f"p99 {latencies[int(len(latencies) * 0.99)] * 1e3:.2f} ms, "
        f"max {latencies[-1] * 1e3:.1f} ms; a {session_s / 60:.0f}-min session can be recorded "
        f"at {session_s / wall:.0f}x speed-up"
    )


def bulk_import(path: Path) -> None:
    events = list(sample_events(blocks_plan(90, 10)))
    with HistoryStore.open(path) as store:
        start = time.perf_counter()
        recorder = record_events(store, header(), events)
        wall = time.perf_counter() - start
        n = len(store.get_session(recorder.session_id).samples)
    print(f"import     : {len(events)} events ({n} samples) in {wall:.2f} s")


def reads_and_exports(path: Path) -> None:
    with HistoryStore.open(path, durability=Durability.NORMAL) as store:
        events = list(sample_events(blocks_plan(90, 10)))
        for _ in range(50):
            record_events(store, header(), events)
        start = time.perf_counter()
        sessions = store.list_sessions()
        t_list = time.perf_counter() - start
        start = time.perf_counter()
        weeks = store.weekly_totals()
        t_weeks = time.perf_counter() - start
        start = time.perf_counter()
        detail = store.get_session(sessions[0].id)
        t_get = time.perf_counter() - start
    start = time.perf_counter()
    fit = encode_fit(detail)
    t_fit = time.perf_counter() - start
    start = time.perf_counter()
    tcx = encode_tcx(detail)
    t_tcx = time.perf_counter() - start
    print(
        f"reads      : list_sessions({len(sessions)}) {t_list * 1e3:.1f} ms, weekly_totals "
        f"({len(weeks)} weeks) {t_weeks * 1e3:.1f} ms, get_session ({len(detail.samples)} samples) "
        f"{t_get * 1e3:.1f} ms"
    )
    print(
        f"exports    : FIT {len(fit) / 1024:.0f} KiB in {t_fit:.2f} s, "
        f"TCX {len(tcx) / 1024:.0f} KiB in {t_tcx:.2f} s (45-min session)"
    )


def kills(n: int, data_dir: Path) -> None:
    """SIGKILL a live recording at random moments; the loss is the session time between the
    last data record it took and the last sample found in the database afterwards."""
    losses: list[float] = []
    rng = random.Random(1)
    for i in range(n):
        env = os.environ | {"TREADMILL_CTL_DATA_DIR": str(data_dir / f"kill{i}")}
        kill_at = rng.uniform(20, 400)
        durability = "FULL" if i % 2 == 0 else "NORMAL"
        with subprocess.Popen(
            [sys.executable, str(KILL_CHILD), "40", durability],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        ) as child:
            assert child.stdout is not None
            child.stdout.readline()
            last = 0.0
            for line in child.stdout:
                last = float(line)
                if last >= kill_at:
                    child.send_signal(signal.SIGKILL)
                    break
            for line in child.stdout.read().split():
                if line != "done":
                    last = float(line)
            child.wait()
        os.environ["TREADMILL_CTL_DATA_DIR"] = env["TREADMILL_CTL_DATA_DIR"]
        with HistoryStore.open() as store:
            detail = store.get_session(store.list_sessions()[0].id)
        losses.append(last - detail.samples[-1].t)
    print(
        f"SIGKILL    : {n} kills at random times (40x speed-up): session time lost after the "
        f"last record taken: max {max(losses):.2f} s, mean {statistics.mean(losses):.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        live_recording(root / "full.sqlite3", Durability.FULL)
        live_recording(root / "normal.sqlite3", Durability.NORMAL)
        bulk_import(root / "import.sqlite3")
        reads_and_exports(root / "reads.sqlite3")
        kills(args.kills, root)


if __name__ == "__main__":
    main()
