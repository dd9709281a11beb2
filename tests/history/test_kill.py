"""A session killed mid-run (a real process, SIGKILL) leaves a history that loads, shows the
session as interrupted, loses at most the last second, and exports."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from garmin_fit_sdk import Decoder, Stream

from treadmill_ctl.export.fit import encode_fit
from treadmill_ctl.export.tcx import encode_tcx
from treadmill_ctl.history import Ending, HistoryStore

CHILD = Path(__file__).with_name("kill_child.py")
SPEEDUP = 40.0  # 40 s of session a second: the kill lands in the middle of a block or a ramp


def run_and_kill(kill_at_t: float, durability: str) -> tuple[int, float]:
    """Start a live recording, SIGKILL it once it has fed data past ``kill_at_t``; returns the
    session id and the session time of the last data record it had taken."""
    with subprocess.Popen(
        [sys.executable, str(CHILD), str(SPEEDUP), durability],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    ) as child:
        assert child.stdout is not None
        session_id = int(child.stdout.readline().split()[1])
        last = 0.0
        for line in child.stdout:
            last = float(line)
            if last >= kill_at_t:
                child.send_signal(signal.SIGKILL)
                break
        rest = child.stdout.read()  # what it fed between our read and the kill
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    for line in rest.split():
        if line != "done":
            last = float(line)
    return session_id, last


@pytest.mark.parametrize(
    ("kill_at_t", "durability"),
    [(37.3, "FULL"), (61.9, "NORMAL")],
)
def test_killed_session_is_interrupted_loses_under_a_second_and_exports(
    kill_at_t: float, durability: str
) -> None:
    session_id, last_fed_t = run_and_kill(kill_at_t, durability)
    with HistoryStore.open() as store:
        [summary] = store.list_sessions()
        assert summary.id == session_id
        assert summary.ended is Ending.INTERRUPTED
        detail = store.get_session(session_id)
    last_stored_t = detail.samples[-1].t
    lost_s = last_fed_t - last_stored_t
    print(f"kill at {last_fed_t:.2f} s ({durability}): last stored sample {last_stored_t:.2f} s")
    assert 0 <= lost_s < 1.0
    assert summary.duration_s >= last_fed_t - 1.0
    assert detail.phases  # the warm-up at least
    assert summary.distance_m > 0

    messages, errors = Decoder(Stream.from_byte_array(bytearray(encode_fit(detail)))).read()
    assert errors == []
    assert messages["session_mesgs"][0]["developer_fields"][1] == "interrupted"
    assert len(messages["lap_mesgs"]) == len(detail.phases)
    tcx = ET.fromstring(encode_tcx(detail).encode("utf-8"))
    ns = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}
    assert len(tcx.findall(".//t:Lap", ns)) == len(detail.phases)
    assert "INTERRUPTED" in (tcx.findtext(".//t:Activity/t:Notes", namespaces=ns) or "")


def test_headless_run_killed_in_a_backward_block() -> None:
    """The real thing: ``treadmill-ctl run`` (engine, link, virtual treadmill, recorder) killed
    with SIGKILL ten seconds into the first backward block."""
    command = [sys.executable, "-m", "treadmill_ctl.cli", "run", "four-by-thirty", "--simulate"]
    command += ["--speedup", "500", "--events", "/dev/stdout", "--quiet"]
    last_data_t = 0.0
    kill_after_t: float | None = None
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ.copy()) as run:
        assert run.stdout is not None
        for line in run.stdout:
            event = json.loads(line)
            if event["type"] == "phase" and event["direction"] == "backward":
                kill_after_t = event["t"] + 10.0
            if event["type"] == "data":
                last_data_t = event["t"]
                if kill_after_t is not None and last_data_t >= kill_after_t:
                    run.send_signal(signal.SIGKILL)
                    break
        for line in run.stdout.read().splitlines():
            with contextlib.suppress(ValueError):  # the kill may cut the last line
                event = json.loads(line)
                if event["type"] == "data":
                    last_data_t = event["t"]
        run.wait(timeout=10)
    assert run.returncode == -signal.SIGKILL
    with HistoryStore.open() as store:
        [summary] = store.list_sessions()
        detail = store.get_session(summary.id)
    assert summary.ended is Ending.INTERRUPTED
    assert summary.preset == "Four by thirty"
    assert detail.phases[-1].direction.value == "backward"
    assert detail.phases[-1].end_t is None
    assert summary.backward_s > 5
    # The events file is written before the recorder sees an event: one record (0.25 s) more.
    assert 0 <= last_data_t - detail.samples[-1].t < 1.25
    messages, errors = Decoder(Stream.from_byte_array(bytearray(encode_fit(detail)))).read()
    assert errors == []
    assert messages["lap_mesgs"][-1]["developer_fields"][0] == "backward"
