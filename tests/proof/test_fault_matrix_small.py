"""A slice of the fault matrix (benchmarks/fault_matrix.py): 2 built-in presets × 2 sim
profiles × every fault × every moment, each scenario audited against safety.md. Zero unsafe.

It runs the benchmark's own command in one child process: the matrix forks at each fault to
share a session's past, which must happen in a process without the threads a test session may
have started (Qt)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from treadmill_ctl.proof.fault_matrix import Fault, Moment

ROOT = Path(__file__).resolve().parents[2]
PRESETS = ("first-steps", "backward-warm-up")
PROFILES = ("ideal", "laggy")


def test_every_fault_at_every_moment_leaves_the_runner_safe(tmp_path: Path) -> None:
    out = tmp_path / "matrix.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "fault_matrix.py"),
            "--presets",
            *PRESETS,
            "--profiles",
            *PROFILES,
            "--window",
            "90",
            "--jobs",
            "2",
            "--details",
            "3",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=55,
        check=False,
    )
    report = json.loads(out.read_text())
    scenarios, baselines = report["scenarios"], report["baselines"]
    # Every cell of the matrix was run: each preset has each kind of moment.
    assert len(scenarios) == len(PRESETS) * len(PROFILES) * len(Fault) * len(Moment), proc.stderr
    unsafe = [s for s in [*baselines, *scenarios] if not s["safe"]]
    summary = "\n".join(
        f"{s['label']}: {'; '.join(s['problems'][:3])}\n    " + "\n    ".join(s["excerpt"][:12])
        for s in unsafe[:5]
    )
    assert not unsafe, f"{len(unsafe)} unsafe scenarios, the first ones:\n{summary}"
    assert proc.returncode == 0
    assert f"{len(scenarios)} scenarios, {len(scenarios)} safe, 0 unsafe" in proc.stdout
