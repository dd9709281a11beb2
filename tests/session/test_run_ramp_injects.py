"""The ramp's faults, injected from the command line as the fault matrix injects them:
``treadmill-ctl run --simulate --inject console-stop-at-start@S | late-start@S |
remembering-console@S``. Each short session shows the user what the app does about it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from treadmill_ctl.cli import main

RAMP_KMH_PER_S = 0.5
MACHINE_STEP_KMH = 0.1


def _run(tmp_path: Path, *injects: str) -> tuple[int, list[dict[str, object]]]:
    out = tmp_path / "events.jsonl"
    args = ["run", "first-steps", "--simulate", "--speedup", "max", "--no-hr-strap"]
    args += ["--events", str(out), "--no-history"]
    for inject in injects:
        args += ["--inject", inject]
    code = main(args)
    return code, [json.loads(line) for line in out.read_text().splitlines() if line.strip()]


def _worst_rise_in_a_second(events: list[dict[str, object]]) -> float:
    """The largest rise of the speed set-points written over any one-second window while the
    belt is set to move (a new motion may begin at the start speed: windows from a set-point
    of 0 are left out)."""
    points = [
        (float(e["t"]), float(e["value"] or 0.0))  # type: ignore[arg-type]
        for e in events
        if e["type"] == "command" and e["op"] == "set_speed"
    ]
    worst = 0.0
    j = 0
    for i, (t, v) in enumerate(points):
        while points[j][0] < t - 1.0:
            j += 1
        low = min(x for _, x in points[j : i + 1])
        if low > 0.0:
            worst = max(worst, v - low)
    return worst


def _alerts(events: list[dict[str, object]]) -> list[str]:
    return [str(e["message"]) for e in events if e["type"] == "alert"]


def test_the_cli_lists_the_ramp_faults(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    for name in ("console-stop-at-start", "late-start", "remembering-console"):
        assert name in said


def test_a_console_stop_at_our_start_stops_the_session(tmp_path: Path) -> None:
    code, events = _run(tmp_path, "console-stop-at-start@1")
    assert code == 4  # stopped by the machine
    assert any("console" in a for a in _alerts(events))
    (end,) = [e for e in events if e["type"] == "end"]
    assert end["reason"] == "stopped_by_machine"
    stop_t = float(end["t"])  # type: ignore[arg-type]
    after = [e for e in events if e["type"] == "data" and float(e["t"]) > stop_t + 3.0]  # type: ignore[arg-type]
    assert all(float(e["speed_kmh"] or 0.0) == 0.0 for e in after)  # type: ignore[arg-type]


def test_a_belt_that_starts_late_is_waited_for_never_chased(tmp_path: Path) -> None:
    code, events = _run(tmp_path, "late-start@1", "pause@200", "resume@220")
    assert code == 0
    assert any("has not started moving yet" in a for a in _alerts(events))
    assert _worst_rise_in_a_second(events) <= RAMP_KMH_PER_S + MACHINE_STEP_KMH + 1e-6


def test_a_console_that_remembers_its_speed_resumes_on_the_ramp(tmp_path: Path) -> None:
    code, events = _run(tmp_path, "remembering-console@1", "pause@200", "resume@220")
    assert code == 0
    assert [e["state"] for e in events if e["type"] == "state"].count("paused") >= 1
    assert _worst_rise_in_a_second(events) <= RAMP_KMH_PER_S + MACHINE_STEP_KMH + 1e-6
