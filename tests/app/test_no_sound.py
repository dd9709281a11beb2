"""No audio device, or a player that fails: the runner relies on sound while backward, so the
session screen warns before Start, every cue is also a large caption on the session screen,
and Settings has a "Sound check" that plays the cues of a turn. Real window, real clicks; the
machine's audio output is a fake (tests/app/fake_audio.py) so each case is certain."""

from __future__ import annotations

import pytest
from fake_audio import FakeAudio
from screen_items import click, item, shown
from session_rig import short_plan
from window_rig import WindowRig

from treadmill_ctl.app import sound


def use_audio(monkeypatch: pytest.MonkeyPatch, audio: FakeAudio) -> FakeAudio:
    monkeypatch.setattr(sound, "load_multimedia", audio.multimedia)
    return audio


@pytest.fixture
def no_device(monkeypatch: pytest.MonkeyPatch) -> FakeAudio:
    return use_audio(monkeypatch, FakeAudio(outputs=0))


@pytest.fixture
def speakers(monkeypatch: pytest.MonkeyPatch) -> FakeAudio:
    return use_audio(monkeypatch, FakeAudio())


@pytest.fixture
def broken_player(monkeypatch: pytest.MonkeyPatch) -> FakeAudio:
    return use_audio(monkeypatch, FakeAudio(broken=True))


def ready(window: WindowRig) -> None:
    """Connected, a plan chosen, the session waiting for Start; the audio output looked for."""
    window.running.bridge.cue_player.open_output()
    window.connect()
    window.running.context.choose_plan(short_plan())
    window.wait_state("idle")


def test_no_audio_device_warns_before_start(no_device: FakeAudio, window: WindowRig) -> None:
    ready(window)
    window.wait(lambda: shown(window, "noSoundWarning"))
    text = str(item(window, "noSoundText").property("text"))
    assert "NO SOUND" in text
    assert "No audio output found" in text
    # Once the belt runs, the warning has done its job (the captions go on).
    window.press("Return")
    window.wait_state("running_phase")
    assert not shown(window, "noSoundWarning")


def test_with_speakers_there_is_no_warning(speakers: FakeAudio, window: WindowRig) -> None:
    ready(window)
    window.qtbot.wait(50)
    assert not shown(window, "noSoundWarning")


def test_a_player_that_fails_warns_like_no_device(
    broken_player: FakeAudio, window: WindowRig
) -> None:
    ready(window)
    assert not shown(window, "noSoundWarning")  # nothing has failed yet
    window.running.bridge.cue_player.test()  # a clip fails to play
    window.wait(lambda: shown(window, "noSoundWarning"))
    assert "could not be played" in str(item(window, "noSoundText").property("text"))


def test_sound_off_in_settings_warns_too(speakers: FakeAudio, window: WindowRig) -> None:
    import dataclasses

    ready(window)
    ctx = window.running.context
    ctx.save_settings(dataclasses.replace(ctx.settings, sound_on=False))
    window.running.bridge.apply_settings(dataclasses.replace(ctx.settings, sound_on=False))
    window.wait(lambda: shown(window, "noSoundWarning"))
    assert "Sound is off" in str(item(window, "noSoundText").property("text"))


def test_cues_show_as_large_captions_on_the_session_screen(
    no_device: FakeAudio, window: WindowRig
) -> None:
    ready(window)
    window.press("Return")
    # The start countdown's cues ("5", "4", ...) and then the run's: each one is captioned.
    window.wait(lambda: shown(window, "cueCaption"))
    caption = item(window, "cueCaption")
    assert window.running.bridge.cue_player.property("lastCue") in str(caption.property("text"))
    assert caption.property("font").pixelSize() >= 36
    window.wait(lambda: window.session("countdownReason") == "turn")
    window.wait(lambda: "ackward" in str(item(window, "cueCaption").property("text")))


def test_the_sound_check_plays_the_cues_of_a_turn(speakers: FakeAudio, window: WindowRig) -> None:
    window.running.bridge.setProperty("screen", "settings")
    window.wait(lambda: shown(window, "section_Sound"))
    click(window, "section_Sound")
    window.wait(lambda: shown(window, "soundCheckButton"))
    click(window, "soundCheckButton")
    window.wait(lambda: "tone_go" in speakers.played)
    for clip in ("tone_beep", "tone_turn_around", "phrase_turn_around", "tone_backward"):
        assert clip in speakers.played
    assert speakers.played.index("tone_turn_around") < speakers.played.index("tone_backward")
    assert "Last cue: Go" in str(item(window, "audioStatusText").property("text"))


def test_the_sound_check_with_no_device_says_so(no_device: FakeAudio, window: WindowRig) -> None:
    window.running.bridge.setProperty("screen", "settings")
    window.wait(lambda: shown(window, "section_Sound"))
    click(window, "section_Sound")
    click(window, "soundCheckButton")
    window.wait(lambda: "Last cue: Go" in str(item(window, "audioStatusText").property("text")))
    assert "No audio device" in str(item(window, "audioStatusText").property("text"))
    assert no_device.played == []
