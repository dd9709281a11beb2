"""What the runner hears: every engine cue maps to shipped clips, the clips are what the
generator makes, speech never blocks, and with no audio output the app is silent and says so."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from treadmill_ctl.app.context import AppContext
from treadmill_ctl.app.event_loop import AppEventLoop
from treadmill_ctl.app.qt import load_multimedia
from treadmill_ctl.app.sound import (
    TTS_TIMEOUT_S,
    CuePlayer,
    clips_for,
    number_clips,
    probe_audio,
    sounds_dir,
)
from treadmill_ctl.session.events import CueEvent, CueKind
from treadmill_ctl.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _make_sounds_module() -> object:
    spec = importlib.util.spec_from_file_location("make_sounds", ROOT / "scripts/make_sounds.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cue(kind: CueKind, value: float | None = None, text: str = "") -> CueEvent:
    return CueEvent(0.0, text or str(kind), kind, value)


def test_every_cue_kind_has_a_tone_or_words_and_every_clip_is_shipped() -> None:
    shipped = {p.stem for p in sounds_dir().glob("*.wav")}
    for kind in CueKind:
        tone, words = clips_for(cue(kind, 5), voice=True)
        if kind in (CueKind.ALARM, CueKind.TEXT):
            assert words == []  # its message is spoken by system speech, if any
        else:
            assert words, kind
        assert tone is None or tone in shipped, kind
        assert set(words) <= shipped, kind


def test_turn_backward_and_forward_sound_different() -> None:
    tones = {
        clips_for(cue(kind, 5), voice=True)[0]
        for kind in (
            CueKind.TURN_AROUND,
            CueKind.DIRECTION_BACKWARD,
            CueKind.DIRECTION_FORWARD,
            CueKind.COUNTDOWN,
        )
    }
    assert len(tones) == 4


def test_spoken_phrases() -> None:
    assert clips_for(cue(CueKind.DIRECTION_BACKWARD, 5), voice=True)[1] == [
        "word_backward",
        "word_in",
        "num_five",
    ]
    assert clips_for(cue(CueKind.SPEED, 3.0), voice=True)[1] == [
        "word_speed",
        "num_three",
        "word_point",
        "num_zero",
    ]
    assert number_clips(12.5) == ["num_twelve", "word_point", "num_five"]
    assert clips_for(cue(CueKind.COUNTDOWN, 3), voice=False) == ("tone_beep", [])


def test_clips_are_small_16_khz_mono_wav() -> None:
    files = sorted(sounds_dir().glob("*.wav"))
    assert len(files) >= 40
    for path in files:
        with wave.open(str(path)) as w:
            assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
            assert 0.05 < w.getnframes() / 16000 < 2.5, path.name
    assert sum(p.stat().st_size for p in files) < 1_200_000


def test_tones_are_exactly_what_the_generator_writes(tmp_path: Path) -> None:
    make_sounds = _make_sounds_module()
    for name, parts in make_sounds.TONES.items():  # type: ignore[attr-defined]
        volume = 0.8 if name == "tone_alarm" else 0.6
        fresh = tmp_path / f"{name}.wav"
        make_sounds._write_wav(fresh, make_sounds._tone_samples(parts, volume))  # type: ignore[attr-defined]
        assert fresh.read_bytes() == (sounds_dir() / f"{name}.wav").read_bytes(), name


@pytest.mark.usefixtures("qapp")
def test_audio_probe_tells_why_there_is_no_sound() -> None:
    mm, status = probe_audio()
    loaded = load_multimedia()
    assert not isinstance(loaded, str)
    if loaded.QMediaDevices.audioOutputs():
        assert mm is not None
        assert status.startswith("Sound plays on")
    else:
        assert mm is None
        assert status == "No audio output found: cues are shown on screen only."


@pytest.mark.looptime
@pytest.mark.usefixtures("qapp")
async def test_a_silent_player_still_captions_every_cue() -> None:
    ctx = AppContext(
        settings=Settings(),
        save_settings=lambda s: None,
        loop=asyncio.get_running_loop(),
        open_link=lambda a: None,  # type: ignore[arg-type,return-value]
        scan=lambda s: asyncio.sleep(0, []),
    )
    player = CuePlayer(ctx, probe=False, speech_command=None)
    assert player.property("available") is False
    player.play(cue(CueKind.DIRECTION_BACKWARD, 5, "Turn around: backward in 5"))
    assert player.property("lastCue") == "Turn around: backward in 5"
    assert player.played == []


def test_hanging_system_speech_never_blocks_and_is_killed(
    app_loop: AppEventLoop, qtbot: QtBot
) -> None:
    # A real child process that hangs; the app's loop runs sped up, so its 10-second limit
    # passes in half a second of wall time.
    ctx = AppContext(
        settings=Settings(),
        save_settings=lambda s: None,
        loop=app_loop,
        open_link=lambda a: None,  # type: ignore[arg-type,return-value]
        scan=lambda s: asyncio.sleep(0, []),
    )
    hang = [sys.executable, "-c", "import time; time.sleep(120)"]
    player = CuePlayer(ctx, probe=False, speech_command=hang)
    t0 = app_loop.time()
    task = player.speak("Connection lost")
    assert task is not None
    assert not task.done()  # returned at once: the caller (the UI) never waits for speech
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.exception() is None
    # It was given its time, then killed. asyncio may fire a timer up to its clock resolution
    # early, and on the sped-up loop that resolution is scaled too: allow 1 %.
    assert app_loop.time() - t0 >= TTS_TIMEOUT_S * 0.99
