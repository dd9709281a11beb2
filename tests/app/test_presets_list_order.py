"""``treadmill-ctl presets list`` lists the presets in the learning order the app's Presets
screen shows (the ladder from First steps up), not by file name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bridge_world import make_world

from treadmill_ctl.app.presets_bridge import PresetsBridge
from treadmill_ctl.cli import main


@pytest.mark.usefixtures("qapp")
def test_presets_list_shows_the_screens_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    world = make_world(tmp_path, monkeypatch)
    screen_ids = [row["id"] for row in PresetsBridge(world.context).property("presets")]

    assert main(["presets", "list", "--json"]) == 0
    listed_json = [p["id"] for p in json.loads(capsys.readouterr().out)]
    assert main(["presets", "list"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]

    assert listed == listed_json == screen_ids
    assert listed[:3] == ["first-steps", "four-by-thirty", "four-by-forty-five"]


@pytest.mark.usefixtures("qapp")
def test_presets_list_shows_the_screens_planned_length(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The Presets screen shows the whole session (turn-arounds, ramps, countdowns:
    # session/estimate.py); `presets list` showed the time at speed ("20:00" for 28:29).
    world = make_world(tmp_path, monkeypatch)
    rows = {row["id"]: row for row in PresetsBridge(world.context).property("presets")}
    assert main(["presets", "list"]) == 0
    for line in capsys.readouterr().out.splitlines():
        row = rows[line.split()[0]]
        assert f" {row['total']} total ({row['atSpeed']} at speed) " in line, line
    assert main(["presets", "show", "referee-defender"]) == 0
    shown = capsys.readouterr().out
    referee = rows["referee-defender"]
    assert f"{referee['total']} total ({referee['atSpeed']} at speed)" in shown
    assert referee["atSpeed"] == "20:00"
    assert referee["total"] != "≈ 20:00"
    assert main(["presets", "list", "--json"]) == 0
    listed = {p["id"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["referee-defender"]["estimated_s"] > listed["referee-defender"]["total_s"]
