"""Property-based fuzzing of every FTMS and heart-rate parser and of the preset loader
(hypothesis; see treadmill_ctl/proof/fuzz.py for the contracts checked).

    .venv/bin/python benchmarks/fuzz.py                  # >= 100 000 inputs in all
    .venv/bin/python benchmarks/fuzz.py --total 20000 --targets hr.measurement presets.text

Prints, per target, the inputs run, how many decoded to a typed value, were reported bad
(BadPacket / located FileFormatError) or held (first packet of a split record), the failures
and the first failing inputs; then the totals. Exit status 0 when nothing failed.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time

from treadmill_ctl.proof.fuzz import FUZZ_TARGETS, run_target, target_named


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--total", type=int, default=100_000, help="inputs in all, shared by the targets"
    )
    parser.add_argument("--targets", nargs="*", default=[t.name for t in FUZZ_TARGETS])
    parser.add_argument("--seed", type=int, default=20261128)
    args = parser.parse_args(argv)

    # The preset library reads (and the strap logs) only inside temporary directories.
    tmp = tempfile.mkdtemp(prefix="treadmill-ctl-fuzz-")
    os.environ.setdefault("TREADMILL_CTL_CONFIG_DIR", tmp)
    os.environ.setdefault("TREADMILL_CTL_DATA_DIR", tmp)
    # Bad packets and bad presets are logged by design: thousands of lines help nobody here.
    # (A handler on the root keeps them off stderr; the levels stay as they are, so that the
    # link target still sees every error logged.)
    logging.getLogger().addHandler(logging.NullHandler())

    targets = [target_named(name) for name in args.targets]
    weight = sum(t.share for t in targets)
    print(
        f"{'target':36} {'inputs':>8} {'typed':>8} {'bad':>8} {'held':>6} {'failures':>8} {'s':>7}"
    )
    inputs = failures = 0
    wall0 = time.perf_counter()
    for target in targets:
        examples = max(1, round(args.total * target.share / weight))
        t0 = time.perf_counter()
        tally = run_target(target, examples, rng_seed=args.seed)
        inputs += tally.inputs
        failures += tally.failures
        print(
            f"{tally.target:36} {tally.inputs:8} {tally.typed:8} {tally.bad:8} {tally.held:6} "
            f"{tally.failures:8} {time.perf_counter() - t0:7.1f}",
            flush=True,
        )
        for kind, n in tally.kinds.most_common():
            print(f"    {n} x {kind}")
        for example in tally.examples:
            print(f"    FAILED {example}")
    print(
        f"\n{inputs} generated inputs over {len(targets)} targets, {failures} failures "
        f"({time.perf_counter() - wall0:.1f} s)"
    )
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
