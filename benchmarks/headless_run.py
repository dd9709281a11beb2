"""Headless run of the 45-minute built-in preset at high speedup: wall time vs the 10 s goal.

    .venv/bin/python benchmarks/headless_run.py [--speedup N|max] [--profile NAME] [--repeat K]

Runs ``eight-by-ninety-long`` (45:00 at speed, plus ramps and 16 turn-arounds) on the virtual
treadmill through the real link (pyftms + bleak backend), exactly as ``treadmill-ctl run
--simulate`` does, and prints the wall time of each run and its ratio to the goal (< 10 s)."""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

GOAL_S = 10.0
PRESET = "eight-by-ninety-long"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speedup", default="1000", help="N, or 'max' (default 1000)")
    parser.add_argument("--profile", default="ideal")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    # Never read or write the user's own settings, presets or history.
    scratch = Path(tempfile.mkdtemp(prefix="treadmill-bench-"))
    os.environ["TREADMILL_CTL_CONFIG_DIR"] = str(scratch / "config")
    os.environ["TREADMILL_CTL_DATA_DIR"] = str(scratch / "data")

    from treadmill_ctl.session.clock import parse_speedup
    from treadmill_ctl.session.headless import JsonLinesWriter, run_headless_blocking
    from treadmill_ctl.session.presets import PresetLibrary
    from treadmill_ctl.settings import Settings

    speedup = parse_speedup(args.speedup)
    settings = Settings()
    preset = PresetLibrary(settings).find(PRESET)
    assert preset is not None, PRESET
    plan = preset.to_plan()
    walls: list[float] = []
    for i in range(args.repeat):
        writer = JsonLinesWriter(scratch / f"events-{i}.jsonl")
        t0 = time.perf_counter()
        result = run_headless_blocking(
            plan, settings, speedup=speedup, profile=args.profile, listeners=[writer]
        )
        wall = time.perf_counter() - t0
        writer.close()
        walls.append(wall)
        pace = "max" if math.isinf(speedup) else f"{speedup:g}x"
        print(
            f"run {i + 1}: {result.end_reason.value}, session {result.session_s:.0f} s "
            f"({result.session_s / 60:.1f} min), {result.events} events, wall {wall:.2f} s "
            f"at speedup {pace} on '{args.profile}'"
        )
        if result.end_reason.value != "finished":
            print("the session did not finish", file=sys.stderr)
            return 1
    best, median = min(walls), statistics.median(walls)
    verdict = "OK" if median < GOAL_S else "MISSED"
    print(
        f"headless 45-min preset: best {best:.2f} s, median {median:.2f} s wall; "
        f"goal < {GOAL_S:.0f} s: ratio {median / GOAL_S:.2f} ({verdict})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
