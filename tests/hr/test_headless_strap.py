"""``treadmill-ctl run`` with the virtual heart-rate strap the runner wears: its heart rate is
recorded (events file and history), follows the session's effort, is checked against the HR cap,
and losing it never changes what the belt does."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from treadmill_ctl.cli import main
from treadmill_ctl.history import HistoryStore
from treadmill_ctl.session.events import SessionEvent
from treadmill_ctl.session.headless import run_headless_blocking
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings


def run_cli(tmp_path: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    out = tmp_path / "events.jsonl"
    out.unlink(missing_ok=True)
    argv = ["run", "first-steps", "--simulate", "--speedup", "max", "--quiet", "--events"]
    status = main([*argv, str(out), *args])
    return status, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def hr_events(events: list[dict[str, Any]]) -> list[tuple[float, int | None]]:
    return [(float(e["t"]), e["bpm"]) for e in events if e["type"] == "hr"]


def belt_commands(events: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """What was sent to the treadmill, in order (with when, to the tenth of a second)."""
    return [
        (round(float(e["t"]), 1), e["op"], e["value"], e["result"])
        for e in events
        if e["type"] == "command"
    ]


def test_the_strap_is_worn_by_default_and_its_heart_rate_recorded(tmp_path: Path) -> None:
    status, events = run_cli(tmp_path)
    assert status == 0
    readings = hr_events(events)
    # Once a second from the start to the end of the session.
    assert readings[0][0] < 2.0
    end_t = float(events[-1]["t"])
    assert len(readings) >= end_t - 3
    assert all(bpm is not None for _t, bpm in readings)
    # The heart rate follows the effort: resting at the start, well above it once running.
    assert readings[0][1] is not None
    assert readings[0][1] < 70
    assert max(bpm for _t, bpm in readings if bpm is not None) > 100

    with HistoryStore.open() as store:
        (summary,) = store.list_sessions()
        detail = store.get_session(summary.id)
    hr_samples = [s.hr_bpm for s in detail.samples if s.hr_bpm is not None]
    assert len(hr_samples) >= 0.9 * len(detail.samples)
    assert summary.max_hr_bpm == max(bpm for _t, bpm in readings if bpm is not None)


def test_no_strap_means_no_heart_rate_events(tmp_path: Path) -> None:
    status, events = run_cli(tmp_path, "--no-hr-strap", "--no-history")
    assert status == 0
    assert hr_events(events) == []


def test_losing_the_strap_changes_nothing_the_belt_does(tmp_path: Path) -> None:
    _, without = run_cli(tmp_path, "--no-hr-strap", "--no-history")
    status, events = run_cli(
        tmp_path,
        "--no-history",
        "--inject",
        "strap-drop@200",
        "--inject",
        "strap-contact@500",
    )
    assert status == 0
    assert events[-1]["reason"] == "finished"
    assert belt_commands(events) == belt_commands(without)
    readings = hr_events(events)
    # Lost at 200 s (reported at once), readings again once it reconnects after 30 s.
    assert (200.0, None) in readings
    assert any(t > 230 and bpm is not None for t, bpm in readings if t < 300)
    assert not any(bpm is not None for t, bpm in readings if 200 <= t < 230)
    # No skin contact from 500 s for 20 s: no heart rate, then it is back.
    assert all(bpm is None for t, bpm in readings if 501 <= t < 519)
    assert any(bpm is not None for t, bpm in readings if 522 <= t < 530)


def backward_plan(kmh: float = 5.0) -> Plan:
    return Plan(
        "Capped",
        (
            Phase(PhaseKind.WARMUP, 60, 5.0),
            Phase(PhaseKind.BACKWARD, 300, kmh),
            Phase(PhaseKind.COOLDOWN, 30, 3.0),
        ),
        id="capped",
    )


def test_the_strap_heart_rate_above_the_cap_slows_a_backward_block_to_turning_speed() -> None:
    events: list[SessionEvent] = []
    settings = Settings(hr_cap_bpm=110)
    run = run_headless_blocking(
        backward_plan(),
        settings,
        speedup=math.inf,
        hr_strap=True,
        listeners=[events.append],
    )
    assert run.exit_status == 0
    record = [e.to_json() for e in events]
    (cap_alert,) = [e for e in record if e["type"] == "alert" and e.get("code") == "hr_cap"]
    backward = next(e for e in record if e["type"] == "phase" and e["direction"] == "backward")
    assert cap_alert["t"] > backward["t"]
    bpm_then = [e["bpm"] for e in record if e["type"] == "hr" and e["t"] <= cap_alert["t"]]
    assert bpm_then[-1] > 110
    # After the alert, the speeds sent in that block only go down (at the safety ramp) to the
    # turning speed and stay there: never up because of the heart rate.
    # (the cue said which: the turning speed, here the ideal machine's minimum)
    (slow_cue,) = [
        e for e in record if e["type"] == "cue" and str(e["text"]).startswith("Heart rate above")
    ]
    turning = float(slow_cue["value"])
    assert turning <= settings.turning_walk_kmh
    cooldown_t = next(e["t"] for e in record if e["type"] == "phase" and e["kind"] == "cooldown")
    after = [
        float(e["value"])
        for e in record
        if e["type"] == "command"
        and e["op"] == "set_speed"
        and cap_alert["t"] < e["t"] < cooldown_t - 10
    ]
    assert after, "the engine did not slow down"
    assert max(after) < 5.0
    assert after == sorted(after, reverse=True)
    assert after[-1] == turning
    # Cued first: the first slower speed is sent a cue lead (5 s) after the cue.
    first_slower = next(
        float(e["t"])
        for e in record
        if e["type"] == "command" and e["op"] == "set_speed" and e["t"] > cap_alert["t"]
    )
    assert first_slower - float(slow_cue["t"]) >= settings.cue_lead_s - 0.05
