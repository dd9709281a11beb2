"""A whole session (``treadmill-ctl run``: the real session machine, link and virtual
treadmill) with a forward phase that follows the heart rate of the virtual strap: each step
is cued before it, the speed never goes above the phase's maximum, the backward block keeps
its fixed speed, and a lost strap brings the phase's own speed back."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from treadmill_ctl.cli import main

PRESET = """schema = 1
name = "Recovery by heart rate"

[[step]]
kind = "warmup"
duration_s = 60
speed_kmh = 5.0

[[step]]
kind = "forward"
name = "Easy by heart rate"
duration_s = 600
speed_kmh = 10.0
hr_zone_bpm = [130, 145]

[[step]]
kind = "backward"
duration_s = 30
speed_kmh = 3.0

[[step]]
kind = "cooldown"
duration_s = 60
speed_kmh = 4.5
"""


def run(tmp_path: Path, *extra: str) -> list[dict[str, Any]]:
    preset = tmp_path / "hr-recovery.toml"
    preset.write_text(PRESET, encoding="utf-8")
    out = tmp_path / "events.jsonl"
    argv = ["run", str(preset), "--simulate", "--speedup", "max", "--quiet", "--no-history"]
    assert main([*argv, "--events", str(out), *extra]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def phase_starts(events: list[dict[str, Any]]) -> list[float]:
    return [float(e["t"]) for e in events if e["type"] == "phase"]


def test_speed_follows_the_heart_rate_down_with_cues_and_never_above_the_phase(
    tmp_path: Path,
) -> None:
    events = run(tmp_path)
    hr_cues = [e for e in events if e["type"] == "cue" and "Heart rate" in e["text"]]
    assert len(hr_cues) >= 5
    # The first cue: a heart rate above the zone (its exact value depends on the ramp's timing).
    first = re.fullmatch(
        r"Heart rate (\d+) \(zone 130–145\): easing to 9\.7 in 5", hr_cues[0]["text"]
    )
    assert first is not None, hr_cues[0]["text"]
    assert int(first.group(1)) > 145
    assert [c["value"] for c in hr_cues[:3]] == [9.7, 9.4, 9.1]
    cue_times = [float(c["t"]) for c in hr_cues]
    assert all(b - a >= 10 - 1e-6 for a, b in itertools.pairwise(cue_times))
    setpoints = [
        (float(e["t"]), float(e["value"]))
        for e in events
        if e["type"] == "command" and e["op"] == "set_speed"
    ]
    # Each eased speed is sent only after its cue's 5 s lead, and nothing above 10 km/h.
    at_ten = next(t for t, v in setpoints if v == 10.0)
    first_eased = next(t for t, v in setpoints if t > at_ten and v < 10.0)
    assert cue_times[0] + 5 - 0.3 <= first_eased <= cue_times[0] + 6
    assert max(v for _, v in setpoints) <= 10.0
    # The backward block runs at its fixed 3.0 km/h: no heart-rate step inside it.
    _, _forward, backward, cooldown = phase_starts(events)
    assert not [c for c in hr_cues if backward <= float(c["t"]) < cooldown]
    block = [v for t, v in setpoints if backward <= t < cooldown]
    assert max(block) == 3.0  # ramped up to it after the turn, and held
    hr = [
        e["bpm"] for e in events if e["type"] == "hr" and _forward + 400 < float(e["t"]) < backward
    ]
    assert hr
    assert max(hr) <= 145 + 3


def test_a_lost_strap_brings_back_the_phase_speed(tmp_path: Path) -> None:
    events = run(tmp_path, "--inject", "strap-drop@300")
    lost = [e for e in events if e["type"] == "cue" and e["text"].startswith("Heart rate lost")]
    assert [(c["text"], c["value"]) for c in lost] == [("Heart rate lost: back to 10.0 in 5", 10.0)]
    assert 300 <= float(lost[0]["t"]) <= 312


def test_presets_show_says_the_phase_follows_the_heart_rate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preset = tmp_path / "hr-recovery.toml"
    preset.write_text(PRESET, encoding="utf-8")
    assert main(["presets", "show", str(preset)]) == 0
    assert "at 10.0 km/h, following 130–145 bpm up to 10.0 km/h" in capsys.readouterr().out


CUED = """schema = 1
name = "Cued"

[[step]]
kind = "warmup"
duration_s = 60
speed_kmh = 5.0
cue = [{ at_s = 0, text = "Easy start" }, { at_s = 45, text = "Fifteen seconds" }]

[[step]]
kind = "backward"
duration_s = 30
speed_kmh = 3.0
cue = [{ at_s = 10, text = "Look up, small steps" }]

[[step]]
kind = "cooldown"
duration_s = 60
speed_kmh = 4.5
"""


def test_a_presets_text_cues_are_said_on_time_and_change_nothing(tmp_path: Path) -> None:
    preset = tmp_path / "cued.toml"
    preset.write_text(CUED, encoding="utf-8")
    out = tmp_path / "cued.jsonl"
    argv = ["run", str(preset), "--simulate", "--speedup", "max", "--quiet", "--no-history"]
    assert main([*argv, "--events", str(out)]) == 0
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    said = [(float(e["t"]), e["text"]) for e in events if e["type"] == "cue" and e["cue"] == "text"]
    assert [text for _, text in said] == ["Easy start", "Fifteen seconds", "Look up, small steps"]
    running = [
        float(e["t"]) for e in events if e["type"] == "state" and e["state"] == "running_phase"
    ]
    warm, block = running[0], running[1]
    assert warm <= said[0][0] <= warm + 1
    assert warm + 45 <= said[1][0] <= warm + 46
    assert block + 10 <= said[2][0] <= block + 11
    plain = tmp_path / "plain.toml"
    plain.write_text(CUED.replace("cue = [", "# cue = ["), encoding="utf-8")
    out2 = tmp_path / "plain.jsonl"
    argv[1] = str(plain)
    assert main([*argv, "--events", str(out2)]) == 0
    again = [json.loads(line) for line in out2.read_text(encoding="utf-8").splitlines()]

    def commands(evs: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        return [
            (round(float(e["t"]), 1), e["op"], e["value"]) for e in evs if e["type"] == "command"
        ]

    assert commands(events) == commands(again)  # the belt does exactly the same
