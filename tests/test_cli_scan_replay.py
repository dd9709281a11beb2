"""``treadmill-ctl scan`` and ``treadmill-ctl replay`` as a user runs them."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from treadmill_ctl.cli import main
from treadmill_ctl.commands.replay import replay_lines
from treadmill_ctl.ftms.model import TreadmillData
from treadmill_ctl.ftms.traffic import TrafficLog
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link

CS_WP8_CAPTURE = Path(__file__).parent / "ftms" / "data" / "cs_wp8_session.log"

EXPECTED_CS_WP8_RECORD = (
    '{"t": 21.25, "type": "data", "speed_kmh": 2.0, "avg_speed_kmh": null, "distance_m": 9, '
    '"incline_pct": null, "elevation_gain_m": null, "energy_kcal": 0, "hr_bpm": null, '
    '"elapsed_s": 18, "steps": 20}'
)


def test_replay_of_the_cs_wp8_capture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "events.jsonl"
    assert main(["replay", str(CS_WP8_CAPTURE), "--events", str(out)]) == 0
    assert capsys.readouterr().err == ""
    lines = out.read_text().splitlines()
    assert EXPECTED_CS_WP8_RECORD in lines
    events = [json.loads(line) for line in lines]
    assert [(e["type"], e["status"]) for e in events if e["type"] == "status"] == [
        ("status", "idle"),
        ("status", "started_by_user"),  # 04 00 00: trailing bytes, event kept
        ("status", "pre_workout"),
        ("status", "manual_mode"),
        ("status", "target_speed_changed"),
        ("status", "post_workout"),
        ("status", "stopped_by_user"),  # 02 01 00
    ]
    speed_change = next(e for e in events if e.get("status") == "target_speed_changed")
    assert speed_change["value"] == 1.5
    data = [e for e in events if e["type"] == "data"]
    assert [d["speed_kmh"] for d in data] == [1.0, 2.0]


def test_replay_exact_line_of_the_issue(tmp_path: Path) -> None:
    capture = tmp_path / "one.log"
    capture.write_text("1.250 N 2acd 8424c8000900000000ffffff1200140000\n")
    out = tmp_path / "events.jsonl"
    assert main(["replay", str(capture), "--events", str(out)]) == 0
    assert out.read_text() == (
        '{"t": 1.25, "type": "data", "speed_kmh": 2.0, "avg_speed_kmh": null, "distance_m": 9, '
        '"incline_pct": null, "elevation_gain_m": null, "energy_kcal": 0, "hr_bpm": null, '
        '"elapsed_s": 18, "steps": 20}\n'
    )


def test_replay_reports_bad_lines_and_packets_and_finishes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capture = tmp_path / "bad.log"
    capture.write_text(
        "0.100 N 2acd 0000c800\n"
        "garbage here\n"
        "0.200 X 2acd 00\n"
        "0.300 N 2acd 8424c8\n"  # truncated record: nothing complete in it
        "0.400 N 2ada 0596\n"  # target speed changed without its value
        "0.500 N 2acd 0000\n"  # speed promised, not sent
        "0.600 N 2acd 0000d200\n"
    )
    out = tmp_path / "events.jsonl"
    assert main(["replay", str(capture), "--events", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[1] for line in err] == ["2", "3", "4", "5", "6"]
    assert all(line.startswith(f"{capture}:") for line in err)
    speeds = [json.loads(line)["speed_kmh"] for line in out.read_text().splitlines()]
    assert speeds == [2.0, 2.1]


def test_replay_of_an_unreadable_capture_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.log"
    assert main(["replay", str(missing), "--events", str(tmp_path / "o.jsonl")]) == 1
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.looptime
async def test_traffic_recorded_by_the_link_replays_to_what_the_link_heard() -> None:
    """The link's raw traffic log (the format a user attaches to a bug report) is the format
    replay reads, and replaying it gives the same records the app saw live."""
    traffic = TrafficLog()
    link, device = await open_simulated_link("laggy", traffic=traffic, connect=False)
    live: list[TreadmillData] = []
    link.add_listener(lambda u: live.append(u) if isinstance(u, TreadmillData) else None)
    try:
        await link.connect()  # laggy: every record split in two packets
        assert (await link.start()).ok
        await asyncio.sleep(6)
        assert (await link.set_speed(3.0)).ok
        await asyncio.sleep(4)
    finally:
        await close_simulated_link(link, device)
    kinds = {line.split()[1] for line in traffic.lines()}
    assert kinds == {"R", "W", "N", "I"}
    result = replay_lines(traffic.lines())
    assert result.problems == []
    replayed = [e for e in result.events if e["type"] == "data"]
    assert [e["speed_kmh"] for e in replayed] == [r.speed_kmh for r in live]
    assert [e["distance_m"] for e in replayed] == [r.distance_m for r in live]


def test_scan_simulate_lists_the_virtual_treadmill(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--simulate", "--timeout", "0"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["NAME", "ADDRESS", "TYPE", "RSSI"]
    assert row.split() == ["Virtual", "Treadmill", "5A:11:00:00:00:01", "treadmill", "-58"]


def test_scan_simulate_json_with_a_profile(capsys: pytest.CaptureFixture[str]) -> None:
    # Global options before the subcommand work too; "sloppy" advertises the type reversed.
    assert main(["--simulate", "--sim-profile", "sloppy", "scan", "--json", "--timeout", "0"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line) == {
        "name": "Virtual Treadmill",
        "address": "5A:11:00:00:00:01",
        "machine_type": "treadmill",
        "rssi": -58,
        "advertises_ftms": True,
    }
