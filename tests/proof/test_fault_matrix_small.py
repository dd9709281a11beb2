"""A slice of the fault matrix (benchmarks/fault_matrix.py): 2 built-in presets × 2 sim
profiles × every fault × every moment, each scenario audited against safety.md.

The slice runs once, as the benchmark's own command in one child process: the matrix forks at
each fault to share a session's past, which must happen in a process without the threads a test
session may have started (Qt)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from treadmill_ctl.proof.audit_model import Rule, TimedAction
from treadmill_ctl.proof.fault_matrix import (
    Fault,
    Moment,
    Scenario,
    judge,
    run_baseline,
)
from treadmill_ctl.proof.fault_session import run_session
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES

# 13 faults × 7 moments × 4 cells: about 40 s on two busy cores, more than the default 60 s
# per-test budget leaves room for.
pytestmark = pytest.mark.timeout(180)

ROOT = Path(__file__).resolve().parents[2]
PRESETS = ("first-steps", "backward-warm-up")
PROFILES = ("ideal", "laggy")


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("matrix") / "matrix.json"
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
        timeout=170,
        check=False,
    )
    assert out.exists(), proc.stdout + proc.stderr
    report: dict[str, Any] = json.loads(out.read_text())
    report["stdout"] = proc.stdout
    report["returncode"] = proc.returncode
    return report


def _summary(outcomes: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{s['label']}: {'; '.join(s['problems'][:3])}\n    " + "\n    ".join(s["excerpt"][:12])
        for s in outcomes[:5]
    )


def test_every_cell_of_the_slice_runs(matrix: dict[str, Any]) -> None:
    # Each preset has each kind of moment; each profile ran each of them.
    assert len(matrix["scenarios"]) == len(PRESETS) * len(PROFILES) * len(Fault) * len(Moment)
    assert len(matrix["baselines"]) == len(PRESETS) * len(PROFILES)


def test_no_fault_at_any_moment_breaks_a_rule(matrix: dict[str, Any]) -> None:
    """Caps, the ramp, turns, countdowns, the start, nothing moving the belt after STOP / pause /
    machine stop / link loss without the user, STOP first after a reconnect, a complete record,
    the belt still at the end, no crash: not once."""
    broken = [s for s in [*matrix["baselines"], *matrix["scenarios"]] if s["problems"]]
    assert not broken, f"{len(broken)} scenarios broke a rule:\n{_summary(broken)}"


def test_every_fault_at_every_moment_leaves_the_runner_safe(matrix: dict[str, Any]) -> None:
    unsafe = [s for s in [*matrix["baselines"], *matrix["scenarios"]] if not s["safe"]]
    assert not unsafe, f"{len(unsafe)} unsafe scenarios, the first ones:\n{_summary(unsafe)}"
    n = len(matrix["scenarios"])
    assert matrix["returncode"] == 0
    assert f"{n} scenarios, {n} safe, 0 unsafe" in matrix["stdout"]


def short_plan() -> Plan:
    """Warm-up, one backward block, recovery: every kind of moment in two minutes."""
    return Plan(
        "Short",
        (
            Phase(PhaseKind.WARMUP, 30, 4.0),
            Phase(PhaseKind.BACKWARD, 30, 3.0),
            Phase(PhaseKind.RECOVERY, 30, 4.0),
        ),
        id="short",
    )


def test_every_kind_of_moment_is_found_in_a_real_session() -> None:
    settings = Settings()
    baseline = run_baseline("short", short_plan(), settings, BUILTIN_PROFILES["ideal"])
    assert set(baseline.moments) == set(Moment)
    m = baseline.moments
    assert m[Moment.START_COUNTDOWN] < m[Moment.RAMP] < m[Moment.FORWARD] < m[Moment.SLOW_DOWN]
    assert m[Moment.SLOW_DOWN] < m[Moment.TURN_COUNTDOWN] < m[Moment.BACKWARD]


def test_the_audit_catches_a_restart_nobody_asked_for_in_a_real_session() -> None:
    """The matrix is not vacuous on real runs: a resume the audit is not told about (as if the
    engine resumed by itself after a console pause) is a HOLD violation."""
    settings, plan, profile = Settings(), short_plan(), BUILTIN_PROFILES["ideal"]
    baseline = run_baseline("short", plan, settings, profile)
    at = baseline.moments[Moment.BACKWARD]
    scenario = Scenario("short", "ideal", Fault.CONSOLE_PAUSE, Moment.BACKWARD, at)
    unseen = TimedAction(at + 15, "resume")
    run = run_session(
        plan,
        settings,
        profile,
        (TimedAction(0.0, "start"), TimedAction(at, "console-pause"), unseen),
    )
    told = tuple(a for a in run.fired if a != unseen)
    result = judge(
        scenario, run, settings=settings, plan=plan, profile=profile, actions=told, wall_s=0.0
    )
    assert not result.safe
    assert Rule.HOLD in result.report.rules_broken
    # Told about the user's resume, the same run is within the hold rule.
    fair = judge(
        scenario, run, settings=settings, plan=plan, profile=profile, actions=run.fired, wall_s=0.0
    )
    assert Rule.HOLD not in fair.report.rules_broken
