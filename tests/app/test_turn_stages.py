"""The session screen says what is really happening around a turn-around (issue 12): while the
belt still slows from 7 km/h forward the runner is told to keep running forward, with the
belt's real speed falling; "turn around" comes (on screen, in the cues and their captions) only
once the treadmill *reports* the turning speed; then the countdown. While the speed changes the
big number is the belt's reported speed and the phase timer says why it waits."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path
from typing import Any

import pytest
from session_rig import Rig, connected_rig, until
from window_rig import WindowRig

from treadmill_ctl.app import formatting
from treadmill_ctl.app.sound import clips_for, sounds_dir
from treadmill_ctl.session.events import CueEvent
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan


@pytest.fixture
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREADMILL_CTL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("TREADMILL_CTL_DATA_DIR", str(tmp_path / "data"))


def fast_then_backward() -> Plan:
    return Plan(
        "Fast then backward",
        (
            Phase(PhaseKind.WARMUP, 20, 7.0),
            Phase(PhaseKind.BACKWARD, 20, 3.0),
            Phase(PhaseKind.RECOVERY, 10, 4.0),
        ),
        id="fast-then-backward",
    )


def _reported(rig: Rig) -> float | None:
    engine = rig.bridge.session_bridge.engine
    assert engine is not None
    return engine.snapshot().actual_speed_kmh


async def _watch_the_turn(rig: Rig) -> list[dict[str, Any]]:
    """What the screen shows every 0.1 s (loop time) from the end of the 7 km/h phase to the
    end of the turn's countdown, with the speed the treadmill reported then."""
    bridge = rig.bridge.session_bridge
    await until(lambda: rig.prop("state") == "running_phase" and rig.prop("direction") == "forward")
    await until(lambda: rig.prop("state") == "slowing_to_turn", 60)
    seen: list[dict[str, Any]] = []
    async with asyncio.timeout(60):
        while rig.prop("state") != "ramping":
            bridge.refresh()
            seen.append(
                {
                    "state": rig.prop("state"),
                    "headline": rig.prop("headline"),
                    "detail": rig.prop("headlineDetail"),
                    "speed": rig.prop("speedText"),
                    "heading": rig.prop("speedDetailText"),
                    "timer": rig.prop("phaseTimerNote"),
                    "reported": _reported(rig),
                    "cue": rig.bridge.cue_player.property("lastCue"),
                }
            )
            await asyncio.sleep(0.1)
    return seen


@pytest.mark.looptime
@pytest.mark.usefixtures("qapp", "app_dirs")
async def test_turn_around_is_staged_on_what_the_treadmill_reports(tmp_path: Path) -> None:
    cues: list[CueEvent] = []
    async with connected_rig(tmp_path, fast_then_backward()) as rig:
        await until(lambda: rig.prop("state") == "idle")
        engine = rig.bridge.session_bridge.engine
        assert engine is not None
        engine.add_listener(lambda e: cues.append(e) if isinstance(e, CueEvent) else None)
        rig.bridge.session_bridge.start()
        seen = await _watch_the_turn(rig)

    slowing = [s for s in seen if (s["reported"] or 0.0) > 0.05]
    assert len(slowing) > 50  # about 13 s from 7 km/h at 0.5 km/h per s
    for s in slowing:
        # Never "turn around" while the belt moves: keep running forward.
        assert s["headline"] == "SLOWING DOWN", s
        assert s["detail"] == "Keep running forward", s
        # The big number is the belt's reported speed, falling, heading for a stop.
        assert s["speed"] == formatting.speed_text(s["reported"], "kmh"), s
        assert s["heading"] == "→ 0.0", s
        assert s["timer"] == "starts after the turn", s
        assert "turn around" not in s["cue"].lower(), s
    speeds = [float(s["speed"]) for s in slowing]
    assert speeds[0] >= 6.5
    assert all(b <= a + 0.05 for a, b in itertools.pairwise(speeds))
    # "Turn around" only once the treadmill reports the belt stopped, then the countdown.
    turning = [s for s in seen if s["headline"] == "TURN AROUND"]
    assert turning
    assert all((s["reported"] or 0.0) <= 0.05 for s in turning)
    assert {s["detail"] for s in turning} == {"Belt stopped"}
    first_turn = seen.index(turning[0])
    assert all(s["headline"] == "SLOWING DOWN" for s in seen[:first_turn])

    # The cues say the same, in that order, and every word has its clip.
    texts = [c.text for c in cues]
    slow = texts.index("Slowing down in 5: keep running forward")
    stopped = texts.index("Belt stopped. Turn around")
    assert slow < stopped < texts.index("Backward in 5")
    assert not any("turn around" in t.lower() for t in texts[:stopped])
    for cue in cues[slow : stopped + 2]:
        _tone, words = clips_for(cue, voice=True)
        assert all((sounds_dir() / f"{w}.wav").is_file() for w in words), words
    assert clips_for(cues[slow], voice=True)[1] == [
        "phrase_slowing_down",
        "word_in",
        "num_five",
        "phrase_keep_running",
        "word_forward",
    ]
    assert clips_for(cues[stopped], voice=True)[1] == ["phrase_belt_stopped", "phrase_turn_around"]


@pytest.mark.looptime
@pytest.mark.usefixtures("qapp", "app_dirs")
async def test_while_the_speed_ramps_the_big_number_is_the_belt_and_the_timer_says_why(
    tmp_path: Path,
) -> None:
    async with connected_rig(tmp_path, fast_then_backward()) as rig:
        await until(lambda: rig.prop("state") == "idle")
        assert rig.prop("phaseTimerNote") == "starts at speed"
        rig.bridge.session_bridge.start()
        await until(lambda: rig.prop("state") == "ramping")
        ramp: list[tuple[str, str, str, float | None, str]] = []
        while rig.prop("state") == "ramping":  # samples what the screen shows
            rig.bridge.session_bridge.refresh()
            ramp.append(
                (
                    rig.prop("speedText"),
                    rig.prop("speedDetailText"),
                    rig.prop("phaseTimerNote"),
                    _reported(rig),
                    rig.prop("phaseRemainingText"),
                )
            )
            await asyncio.sleep(0.1)
        moving = [r for r in ramp if (r[3] or 0.0) > 0.3]
        assert len(moving) > 20
        for speed, heading, timer, reported, remaining in moving:
            assert speed == formatting.speed_text(reported, "kmh")
            assert heading == "→ 7.0"
            assert timer == "starts at speed"
            assert remaining == "0:20"  # the clock waits for the speed, and says so
        await until(lambda: rig.prop("state") == "running_phase")
        rig.bridge.session_bridge.refresh()
        assert rig.prop("phaseTimerNote") == ""
        assert rig.prop("speedDetailText") == "target 7.0"
        # The live estimated finish is shown once the session runs.
        assert rig.prop("finishText").startswith("ends ≈ ")


def test_the_window_shows_the_stages_of_the_turn(window: WindowRig) -> None:
    """In the real window (real key presses): the headline and its line under it, then the
    countdown's title, as the runner reads them."""
    window.connect()
    window.running.context.choose_plan(fast_then_backward())
    window.wait_state("idle")
    window.press("Return")
    window.wait_state("slowing_to_turn")
    assert window.item("headline").property("text") == "SLOWING DOWN"
    assert window.shown("headlineDetail")
    assert window.item("headlineDetail").property("text") == "Keep running forward"
    # The phase named under it is the one after the turn, and says so.
    assert window.item("phaseTitle").property("text").startswith("Next: Backward")
    window.wait(lambda: window.session("countdownReason") == "turn")
    assert window.item("countdownTitle").property("text") == "BELT STOPPED — TURN AROUND"
    assert window.treadmill.belt_speed_kmh <= 0.05
    window.press("Escape")
    window.wait_state("stopped")
