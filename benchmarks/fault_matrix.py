"""The fault matrix: every built-in preset × every sim profile × 9 faults × 7 moments, each
scenario run in-process on a fast-forwarded loop and audited against safety.md.

    .venv/bin/python benchmarks/fault_matrix.py                 # everything (~4 400 scenarios)
    .venv/bin/python benchmarks/fault_matrix.py --presets first-steps four-by-thirty \\
        --profiles ideal laggy --jobs 2 --details 5 --json out.json

Prints a table faults × moments (safe / run), the violations per rule, the first unsafe
scenarios with an excerpt of their record, and "N scenarios, N safe, N unsafe". Exit status 0
when every scenario (and every un-faulted baseline) is safe, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from treadmill_ctl.proof.fault_matrix import (
    DEFAULT_WINDOW_S,
    Fault,
    Moment,
    ScenarioResult,
    run_baseline,
    run_scenario,
    run_scenarios_forked,
    scenarios_for,
)
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES


@dataclass
class Outcome:
    """One scenario's verdict, small enough to send back from a worker process."""

    label: str
    fault: str | None
    moment: str | None
    safe: bool
    end_reason: str
    rules: list[str]
    problems: list[str]
    excerpt: list[str] = field(default_factory=list)
    wall_s: float = 0.0


def _outcome(result: ScenarioResult) -> Outcome:
    sc = result.scenario
    rules = sorted({p.split("]")[0].lstrip("[") for p in result.problems})
    excerpt: list[str] = []
    if not result.safe and result.report.violations:
        excerpt = result.excerpt(result.report.violations[0].t)
    elif not result.safe:
        excerpt = [json.dumps(e) for e in result.events[-6:]]
    return Outcome(
        sc.label(),
        str(sc.fault) if sc.fault else None,
        str(sc.moment) if sc.moment else None,
        result.safe,
        result.end_reason,
        rules,
        result.problems,
        excerpt,
        result.wall_s,
    )


def run_cell(
    preset_id: str,
    profile_name: str,
    *,
    faults: list[str],
    moments: list[str],
    window_s: float,
    ramp_window_s: float,
    fork: bool = True,
) -> tuple[Outcome, dict[str, float], list[Outcome]]:
    """One preset on one profile: the baseline, then each fault at each moment."""
    logging.disable(logging.WARNING)  # the engine's warnings are the scenarios' normal life
    settings = Settings()
    preset = PresetLibrary(settings).resolve(preset_id)
    plan = preset.to_plan()
    profile = BUILTIN_PROFILES[profile_name]
    baseline = run_baseline(preset.id, plan, settings, profile, ramp_window_s=ramp_window_s)
    scenarios = scenarios_for(baseline, [Fault(f) for f in faults], [Moment(m) for m in moments])
    if fork:  # one session's past shared by every scenario of this preset and profile
        outcomes = run_scenarios_forked(
            scenarios,
            plan,
            settings,
            profile,
            _outcome,
            window_s=window_s,
            ramp_window_s=ramp_window_s,
        )
    else:
        outcomes = [
            _outcome(
                run_scenario(
                    sc, plan, settings, profile, window_s=window_s, ramp_window_s=ramp_window_s
                )
            )
            for sc in scenarios
        ]
    moments_found = {str(m): t for m, t in baseline.moments.items()}
    return _outcome(baseline.result), moments_found, outcomes


def _table(outcomes: list[Outcome], faults: list[str], moments: list[str]) -> str:
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        cell = cells[(str(o.fault), str(o.moment))]
        cell[0] += o.safe
        cell[1] += 1
    width = max(len(m) for m in moments) + 1
    head = (
        f"{'fault \\ moment':16}" + "".join(f"{m:>{width}}" for m in moments) + f"{'all':>{width}}"
    )
    lines = [head, "-" * len(head)]
    for f in faults:
        row = f"{f:16}"
        safe = total = 0
        for m in moments:
            s, n = cells[(f, m)]
            safe, total = safe + s, total + n
            row += f"{f'{s}/{n}' if n else '-':>{width}}"
        lines.append(row + f"{f'{safe}/{total}':>{width}}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    presets_all = [p.id for p in PresetLibrary(Settings()).presets if p.builtin]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presets", nargs="*", default=presets_all, metavar="ID")
    parser.add_argument("--profiles", nargs="*", default=list(BUILTIN_PROFILES), metavar="NAME")
    parser.add_argument("--faults", nargs="*", default=[str(f) for f in Fault], metavar="FAULT")
    parser.add_argument("--moments", nargs="*", default=[str(m) for m in Moment])
    parser.add_argument(
        "--window",
        type=float,
        default=DEFAULT_WINDOW_S,
        help="session seconds each scenario is observed after its fault (then a user STOP)",
    )
    parser.add_argument(
        "--ramp-window",
        type=float,
        default=1.0,
        help="the ramp rule: |Δ set-point| ≤ max(step, ramp × min(dt, this)) (default 1 s)",
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--no-fork",
        action="store_true",
        help="run every scenario from the start (slower; the default forks at each fault)",
    )
    parser.add_argument("--details", type=int, default=8, help="unsafe scenarios to show")
    parser.add_argument("--json", type=Path, help="write every outcome here")
    args = parser.parse_args(argv)

    # Presets, settings and history of the runs never touch the user's directories.
    tmp = tempfile.mkdtemp(prefix="treadmill-ctl-fault-matrix-")
    os.environ.setdefault("TREADMILL_CTL_CONFIG_DIR", tmp)
    os.environ.setdefault("TREADMILL_CTL_DATA_DIR", tmp)

    cells = [(p, q) for p in args.presets for q in args.profiles]
    wall0 = time.perf_counter()
    baselines: list[Outcome] = []
    outcomes: list[Outcome] = []
    moments_seen: dict[str, dict[str, float]] = {}
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {
            pool.submit(
                run_cell,
                p,
                q,
                faults=args.faults,
                moments=args.moments,
                window_s=args.window,
                ramp_window_s=args.ramp_window,
                fork=not args.no_fork,
            ): (p, q)
            for p, q in cells
        }
        for done, future in enumerate(as_completed(futures), start=1):
            p, q = futures[future]
            base, moments, cell = future.result()
            baselines.append(base)
            outcomes += cell
            moments_seen[f"{p}/{q}"] = moments
            unsafe = sum(not o.safe for o in cell)
            print(
                f"[{done}/{len(cells)}] {p} on {q}: {len(cell)} scenarios, {unsafe} unsafe"
                f"{'' if base.safe else ' (baseline unsafe)'}",
                file=sys.stderr,
                flush=True,
            )
    wall = time.perf_counter() - wall0

    safe = sum(o.safe for o in outcomes)
    print(f"\nFault matrix: {len(args.presets)} presets × {len(args.profiles)} profiles")
    print(f"observation window {args.window:g} s after each fault", end="; ")
    print(f"ramp rule window {args.ramp_window:g} s\n")
    print(_table(outcomes, args.faults, args.moments))
    by_rule: Counter[str] = Counter(r for o in outcomes for r in o.rules)
    base_rules: Counter[str] = Counter(r for o in baselines for r in o.rules)
    print("\nunsafe scenarios by rule broken:", dict(by_rule) or "none")
    print(
        f"un-faulted baselines: {sum(b.safe for b in baselines)}/{len(baselines)} safe"
        + (f" (rules broken: {dict(base_rules)})" if base_rules else "")
    )
    shown = [o for o in [*baselines, *outcomes] if not o.safe][: args.details]
    for o in shown:
        print(f"\nUNSAFE {o.label} -> ended {o.end_reason}")
        for p in o.problems[:6]:
            print(f"    {p}")
        if len(o.problems) > 6:
            print(f"    ... {len(o.problems) - 6} more")
        for line in o.excerpt[:25]:
            print(f"      | {line}")
    print(
        f"\n{len(outcomes)} scenarios, {safe} safe, {len(outcomes) - safe} unsafe "
        f"({wall:.1f} s wall, {args.jobs} jobs)"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "baselines": [o.__dict__ for o in baselines],
                    "scenarios": [o.__dict__ for o in outcomes],
                    "moments": moments_seen,
                    "window_s": args.window,
                    "ramp_window_s": args.ramp_window,
                },
                indent=1,
            )
        )
    all_safe = safe == len(outcomes) and all(b.safe for b in baselines)
    return 0 if all_safe else 1


if __name__ == "__main__":
    sys.exit(main())
