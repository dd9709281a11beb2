"""The raw traffic log: every read, write, notification and indication, one text line each."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from treadmill_client import DeviceClient

from treadmill_ctl.ftms.traffic import (
    TrafficKind,
    TrafficLog,
    format_traffic_line,
    parse_traffic_line,
)
from treadmill_ctl.sim.treadmill import VirtualTreadmill

pytestmark = pytest.mark.looptime

LINE = re.compile(r"^\d+\.\d{3} [RWNI] [0-9a-f]{4} (?:[0-9a-f]{2})*$")


async def test_device_logs_every_read_write_notification_and_indication(tmp_path: Path) -> None:
    device = VirtualTreadmill()
    await asyncio.sleep(2.0)  # the log's clock starts when the device is created
    client = DeviceClient(device)
    await client.connect()
    await device.read("2ad4")
    await client.ok("00")
    await client.ok("022c01")
    lines = device.traffic.lines()
    assert all(LINE.match(line) for line in lines)
    assert lines[0] == "2.000 R 2ad4 3200d0070a00"
    assert "2.000 W 2ad9 00" in lines
    assert "2.030 I 2ad9 800001" in lines
    assert any(line.endswith(" W 2ad9 022c01") for line in lines)
    assert any(line.endswith(" N 2ada 052c01") for line in lines)
    assert any(" N 2acd " in line for line in lines)
    path = tmp_path / "capture.txt"
    device.traffic.write_to(path)
    assert path.read_text(encoding="utf-8").splitlines() == lines
    await device.close()


async def test_log_is_bounded() -> None:
    log = TrafficLog(max_lines=3)
    for i in range(5):
        log.record(i * 0.25, "N", "2acd", bytes([i]))
    assert log.lines() == ["0.500 N 2acd 02", "0.750 N 2acd 03", "1.000 N 2acd 04"]
    assert log.dropped == 2
    device = VirtualTreadmill(traffic_max_lines=100)
    await DeviceClient(device).connect()
    await asyncio.sleep(60)
    assert len(device.traffic) == 100
    await device.close()


async def test_lines_parse_back() -> None:
    line = format_traffic_line(12.25, TrafficKind.INDICATE, 0x2AD9, b"\x80\x02\x01")
    assert line == "12.250 I 2ad9 800201"
    entry = parse_traffic_line(line)
    assert (entry.t, entry.kind, entry.uuid16, entry.data) == (
        12.25,
        TrafficKind.INDICATE,
        0x2AD9,
        b"\x80\x02\x01",
    )
    assert entry.line() == line
    assert parse_traffic_line("0.000 W 2ad9 ").data == b""
    assert parse_traffic_line("0.000 W 2ad9").data == b""
    for bad in ("", "1.0 X 2ad9 00", "1.0 N 2ad 00", "1.0 N 2ad9 0", "t N 2ad9 00"):
        with pytest.raises(ValueError, match="not a traffic line"):
            parse_traffic_line(bad)
