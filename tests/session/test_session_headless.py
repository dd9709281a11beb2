"""The headless run: ``treadmill-ctl run``, its events file, exit statuses, and the sped-up
event loop it runs on."""

from __future__ import annotations

import asyncio
import json
import math
import time
from pathlib import Path

import pytest

from treadmill_ctl.cli import main
from treadmill_ctl.history import Ending, HistoryStore
from treadmill_ctl.session.clock import SpeedupEventLoop, new_speedup_loop, parse_speedup
from treadmill_ctl.session.events import EndReason
from treadmill_ctl.session.headless import EXIT_STATUS, Inject

REQUIRED_KEYS = {
    "command": {"t", "op", "value", "wire", "result"},
    "data": {"t", "speed_kmh", "distance_m", "incline_pct", "hr_bpm"},
    "phase": {"t", "index", "kind", "direction", "target_speed_kmh", "duration_s"},
    "countdown": {"t", "remaining_s", "reason"},
    "state": {"t", "state"},
    "cue": {"t", "text", "cue", "value"},
    "alert": {"t", "level", "message"},
    "end": {"t", "reason"},
    "hr": {"t", "bpm"},  # the virtual strap the runner wears by default
}


def run_cli(tmp_path: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    out = tmp_path / "events.jsonl"
    status = main(["run", *args, "--simulate", "--speedup", "max", "--quiet", "--events", str(out)])
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    return status, [json.loads(line) for line in lines]


def test_a_whole_preset_runs_headless_and_writes_the_events_file(tmp_path: Path) -> None:
    status, events = run_cli(tmp_path, "first-steps", "--sim-profile", "cs-wp8")
    assert status == 0
    kinds = {e["type"] for e in events}
    assert kinds == set(REQUIRED_KEYS)
    for e in events:
        assert REQUIRED_KEYS[str(e["type"])] <= e.keys(), e
    assert events[-1] == {"t": events[-1]["t"], "type": "end", "reason": "finished"}
    ts = [float(e["t"]) for e in events]  # type: ignore[arg-type]
    assert ts == sorted(ts)
    assert {e["kind"] for e in events if e["type"] == "phase"} == {
        "warmup",
        "forward",
        "backward",
        "recovery",
        "cooldown",
    }
    assert {e["op"] for e in events if e["type"] == "command"} >= {
        "request_control",
        "start",
        "set_speed",
        "pause",
        "stop",
    }
    cues = {e["cue"] for e in events if e["type"] == "cue"}
    assert {"countdown", "turn_around", "direction_backward", "speed", "last_block"} <= cues
    assert "session_done" in cues


@pytest.mark.parametrize(
    ("injects", "status"),
    [
        (["stop@100"], EXIT_STATUS[EndReason.STOPPED_BY_USER]),
        (["stop@100", "start@130"], 0),
        (["pause@100"], EXIT_STATUS[EndReason.STOPPED_BY_USER]),
        (["safety-key@200"], EXIT_STATUS[EndReason.STOPPED_BY_MACHINE]),
        (["console-stop@200"], EXIT_STATUS[EndReason.STOPPED_BY_MACHINE]),
        (["link-drop@200"], EXIT_STATUS[EndReason.LINK_LOST]),
        (["link-drop@200", "resume@260"], 0),
        (["control-lost@200", "skip@300"], 0),
    ],
)
def test_exit_status_says_how_the_session_ended(
    tmp_path: Path, injects: list[str], status: int
) -> None:
    args = [a for i in injects for a in ("--inject", i)]
    got, events = run_cli(tmp_path, "backward-warm-up", *args)
    assert got == status
    assert events[-1]["type"] == "end"
    assert len({EXIT_STATUS[r] for r in EndReason}) == len(EndReason)  # all distinct


def test_bad_arguments_exit_with_2_and_say_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(tmp_path, "no-such-preset")[0] == 2
    assert "no preset" in capsys.readouterr().err
    assert run_cli(tmp_path, "first-steps", "--inject", "dance@3")[0] == 2
    assert "unknown event 'dance'" in capsys.readouterr().err
    assert run_cli(tmp_path, "first-steps", "--sim-profile", "nope")[0] == 2


def test_inject_parsing() -> None:
    assert Inject.parse("link-drop@12.5") == Inject("link-drop", 12.5)
    for bad in ("pause", "pause@-1", "pause@soon", "jump@3"):
        with pytest.raises(ValueError, match="--inject"):
            Inject.parse(bad)


def test_speedup_values() -> None:
    assert parse_speedup("max") == math.inf
    assert parse_speedup("60") == 60
    plain = new_speedup_loop(1.0)
    assert not isinstance(plain, SpeedupEventLoop)  # real time: the standard loop
    plain.close()
    for bad in ("0", "-3", "nan"):
        with pytest.raises(ValueError, match="above 0"):
            parse_speedup(bad)
    with pytest.raises(ValueError, match="could not convert"):
        parse_speedup("fast-ish")


async def _timeline() -> list[float]:
    loop = asyncio.get_running_loop()
    seen: list[float] = []
    t0 = loop.time()

    async def tick(delay: float) -> None:
        await asyncio.sleep(delay)
        seen.append(round(loop.time() - t0, 6))

    await asyncio.gather(*(tick(d) for d in (3.0, 0.5, 2.0)))
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(1.5):
            await asyncio.sleep(10)
    seen.append(round(loop.time() - t0, 6))
    for _ in range(4000):  # many tiny waits, as a 4 Hz treadmill makes
        await asyncio.sleep(0.025)
    seen.append(round(loop.time() - t0, 6))
    return seen


@pytest.mark.parametrize("speedup", [math.inf, 1000.0])
def test_the_sped_up_clock_keeps_timers_in_order_and_on_time(speedup: float) -> None:
    wall0 = time.perf_counter()
    with asyncio.Runner(loop_factory=lambda: SpeedupEventLoop(speedup)) as runner:
        seen = runner.run(_timeline())
    wall = time.perf_counter() - wall0
    assert seen[:4] == [0.5, 2.0, 3.0, 4.5]
    assert seen[4] == pytest.approx(104.5, abs=1e-3)
    # 104.5 s of session: ~0.1 s of wall at 1000x; the selector's millisecond resolution
    # must not add up over the 4000 waits (it would take 4 s or more).
    assert wall < 2.0


def test_a_run_is_recorded_once_in_the_history_unless_told_not_to(tmp_path: Path) -> None:
    status, events = run_cli(tmp_path, "first-steps", "--inject", "stop@60", "--inject", "start@90")
    assert status == 0
    with HistoryStore.open() as store:
        (recorded,) = store.list_sessions()  # a STOP and a new start: still one session
        detail = store.get_session(recorded.id)
    assert recorded.ended is Ending.FINISHED
    assert recorded.preset == "First steps"
    assert recorded.profile == "ideal"
    states = [s.state for s in detail.states]
    assert states[0] == "starting_countdown"  # recorded from the start on
    assert states.count("starting_countdown") == 2
    assert detail.samples[-1].t == pytest.approx(events[-1]["t"], abs=1.5)
    assert run_cli(tmp_path, "first-steps", "--no-history")[0] == 0
    with HistoryStore.open() as store:
        assert len(store.list_sessions()) == 1
