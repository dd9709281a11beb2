"""The cue player: what the runner hears before the program changes anything (safety.md: every
change the program makes on its own is announced first).

Each engine cue (``CueEvent``) becomes a tone — beeps for the last seconds of a countdown and a
distinct tone for turn-around, backward, forward, stop, done, alarm — followed by spoken words
from the shipped clips in ``resources/sounds/`` ("backward" "in" "five", "speed" "three"
"point" "zero"; made by ``scripts/make_sounds.py``). Tones play at once; words play one after
another. The latest cue's text is also published (``lastCue``) so the screen can show it.

System text-to-speech is used only for a cue no clip covers, only if a speech command is found,
and always as a child process with a time limit: a missing or hanging speech service never
blocks the app. With no audio output the player is silent and says why (``statusText``, shown
in the settings screen).
"""

from __future__ import annotations

import collections
import contextlib
import logging
import math
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl import shipped
from treadmill_ctl.app import translation
from treadmill_ctl.app.context import AppContext
from treadmill_ctl.app.qt import (
    Multimedia,
    Property,
    QmlElement,
    QmlUncreatable,
    QObject,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    load_multimedia,
    qInstallMessageHandler,
)
from treadmill_ctl.app.translation import translated
from treadmill_ctl.session.events import CueEvent, CueKind
from treadmill_ctl.texts import Text, tr
from treadmill_ctl.units import Direction

if TYPE_CHECKING:
    import asyncio

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

TTS_TIMEOUT_S: Final = 10.0
MAX_QUEUED_WORDS: Final = 12  # older words are dropped rather than spoken late

_NUMBER_WORDS: Final = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "twenty_one", "twenty_two", "twenty_three", "twenty_four",
    "twenty_five",
)  # fmt: skip

# Each cue: the tone first, then the words (None: words depend on the value, see clips_for).
_TONE: Final[dict[CueKind, str]] = {
    CueKind.COUNTDOWN: "tone_beep",
    CueKind.GO: "tone_go",
    CueKind.TURN_AROUND: "tone_turn_around",
    CueKind.DIRECTION_BACKWARD: "tone_backward",
    CueKind.DIRECTION_FORWARD: "tone_forward",
    CueKind.SESSION_DONE: "tone_done",
    CueKind.STOPPED: "tone_stop",
    CueKind.ALARM: "tone_alarm",
    CueKind.NO_DATA: "tone_alarm",
}
_WORDS: Final[dict[CueKind, tuple[str, ...]]] = {
    CueKind.LAST_BLOCK: ("phrase_last_block",),
    CueKind.SESSION_DONE: ("phrase_session_done",),
    CueKind.PAUSED: ("word_paused",),
    CueKind.STOPPED: ("word_stopped",),
    CueKind.GO: ("word_go",),
    CueKind.NO_DATA: ("phrase_no_speed",),
}
# Cues that cut short whatever is being said.
_URGENT: Final = frozenset({CueKind.STOPPED, CueKind.ALARM, CueKind.NO_DATA})

# The settings' "Sound check": what a runner hears around a turn, one cue after another.
SOUND_CHECK: Final[tuple[CueEvent, ...]] = (
    CueEvent(0.0, "3", CueKind.COUNTDOWN, 3),
    CueEvent(
        0.0,
        tr("Slowing down: keep running forward", facing=Direction.FORWARD),
        CueKind.TURN_AROUND,
        None,
    ),
    CueEvent(0.0, tr("Belt stopped. Turn around"), CueKind.BELT_STOPPED, 0.0),
    CueEvent(0.0, tr("Backward in {seconds}", seconds=5), CueKind.DIRECTION_BACKWARD, 5),
    CueEvent(0.0, tr("Go"), CueKind.GO, None),
)
SOUND_CHECK_GAP_S: Final = 1.5


def number_clips(value: float) -> list[str]:
    """Words for a number with one decimal: 3.0 -> three point zero; [] when out of range."""
    tenths = round(value * 10)
    whole, decimal = divmod(tenths, 10)
    if not 0 <= whole < len(_NUMBER_WORDS):
        return []
    return [f"num_{_NUMBER_WORDS[whole]}", "word_point", f"num_{_NUMBER_WORDS[decimal]}"]


def _whole_number_clip(value: float) -> str | None:
    n = round(value)
    return f"num_{_NUMBER_WORDS[n]}" if 0 < n < len(_NUMBER_WORDS) else None


def _faces_backward(cue: CueEvent) -> bool:
    """A turn-around cue's way the runner faces now: its ``facing`` argument (position.py);
    a cue read back from an events file has only its English words, whose last one says it."""
    facing = cue.text.args.get("facing") if isinstance(cue.text, Text) else None
    if facing is not None:
        return facing is Direction.BACKWARD
    return cue.text.rstrip(". ").endswith("backward")


def clips_for(cue: CueEvent, *, voice: bool) -> tuple[str | None, list[str]]:
    """The tone and the word clips for one cue (words only when ``voice``). A cue with no word
    clips (an alarm's message) is left to system speech."""
    tone = _TONE.get(cue.cue)
    if not voice:
        return tone, []
    words = list(_WORDS.get(cue.cue, ()))
    value = cue.value if isinstance(cue.value, int | float) else None
    if cue.cue in (CueKind.DIRECTION_BACKWARD, CueKind.DIRECTION_FORWARD):
        words = ["word_backward" if cue.cue is CueKind.DIRECTION_BACKWARD else "word_forward"]
        clip = _whole_number_clip(value) if value is not None else None
        if clip is not None:
            words += ["word_in", clip]
    elif cue.cue is CueKind.TURN_AROUND:
        # "Slowing down in 5: keep running forward" (the direction is the text's last word:
        # the way the runner faces now; the cue's value is the seconds).
        clip = _whole_number_clip(value) if value is not None else None
        facing = "word_backward" if _faces_backward(cue) else "word_forward"
        words = ["phrase_slowing_down", *(["word_in", clip] if clip else []), "phrase_keep_running"]
        words.append(facing)
    elif cue.cue is CueKind.BELT_STOPPED:
        # "Belt stopped. Turn around" (value: the turning speed; above 0: a walk).
        walking = value is not None and value > 0
        words = ["phrase_belt_walking" if walking else "phrase_belt_stopped", "phrase_turn_around"]
    elif cue.cue is CueKind.COUNTDOWN and value is not None:
        clip = _whole_number_clip(value)
        words = [clip] if clip is not None else []
    elif cue.cue is CueKind.SPEED and value is not None and math.isfinite(value):
        numbers = number_clips(value)
        words = ["word_speed", *numbers] if numbers else []
    return tone, words


def sounds_dir() -> Path:
    """The shipped clips."""
    return shipped.sounds_dir()


def find_speech_command() -> list[str] | None:
    """A system speech command, if one is installed (speech-dispatcher, espeak-ng, macOS say)."""
    for name, args in (("spd-say", ["--wait"]), ("espeak-ng", []), ("say", [])):
        exe = shutil.which(name)
        if exe is not None:
            return [exe, *args]
    return None


@contextlib.contextmanager
def _quiet_backend_probe() -> Iterator[None]:
    """QtMultimedia logs warnings while it looks for audio backends that are not installed
    (pipewire, VA-API, a PulseAudio server). Those say nothing about the app; keep them out of
    the log while probing and pass every other message on."""
    previous: Any = None

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        category = getattr(context, "category", "") or ""
        if category.startswith("qt.multimedia") or message.startswith("PulseAudioService"):
            _log.debug("audio probe: %s", message)
            return
        if previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def probe_audio(
    load: Callable[[], Multimedia | str] | None = None,
) -> tuple[Multimedia | None, str]:
    """QtMultimedia (from ``load``) and a usable audio output, or None and why not (in user
    words)."""
    with _quiet_backend_probe():
        mm = (load or load_multimedia)()
        if isinstance(mm, str):
            return None, tr("Sound is off: Qt Multimedia could not be loaded ({why}).", why=mm)
        outputs = mm.QMediaDevices.audioOutputs()
    if not outputs:
        return None, tr("No audio output found: cues are shown on screen only.")
    name = mm.QMediaDevices.defaultAudioOutput().description()
    return mm, tr("Sound plays on {device}.", device=name)


@QmlElement
@QmlUncreatable("The app creates its bridges")
class CuePlayer(QObject):
    """Plays cues (see the module docstring); ``app.sound`` in QML."""

    statusChanged = Signal()
    lastCueChanged = Signal()

    def __init__(
        self,
        context: AppContext,
        parent: QObject | None = None,
        *,
        clips: Path | None = None,
        speech_command: Sequence[str] | None = None,
        probe: bool = True,
        probe_later: bool = False,
        multimedia: Callable[[], Multimedia | str] | None = None,
    ) -> None:
        """``probe=False`` skips looking for an audio output (silent; used by headless
        tools). ``probe_later=True`` looks for it in ``open_output()`` (the app calls it once
        its window has shown: loading QtMultimedia takes a while) or at the first cue,
        whichever comes first. ``speech_command`` overrides the system speech found on PATH;
        ``multimedia`` loads the audio classes (tests give a fake audio output)."""
        super().__init__(parent)
        self._context = context
        self._clips_dir = clips or sounds_dir()
        self._speech = list(speech_command) if speech_command is not None else find_speech_command()
        self._multimedia = multimedia
        self._mm: Multimedia | None = None
        self._status: str = tr("Looking for an audio output…") if probe else tr("Sound is off.")
        self._clip_language = ""
        self._failed = ""  # why a clip could not be played (the player's error), once seen
        self._output_pending = probe
        self._effects: dict[str, Any] = {}
        self._queue: collections.deque[str] = collections.deque()
        self._speaking: Any = None
        self._last_cue = ""
        self._speech_tasks: set[asyncio.Task[None]] = set()
        self.played: list[str] = []  # every clip started, newest last (for the settings' test)
        if probe and not probe_later:
            self.open_output()

    def open_output(self) -> None:
        """Look for an audio output and load the clips, once (see ``probe_later``)."""
        if not self._output_pending:
            return
        self._output_pending = False
        self._mm, self._status = probe_audio(self._multimedia)
        if self._mm is not None:
            self._load_clips()
        self.statusChanged.emit()

    def _load_clips(self) -> None:
        """The tones and English words, then the words of the app's language over them
        (``sounds/<lang>/``, same names; docs/translations.md)."""
        assert self._mm is not None
        self._clip_language = translation.current()
        self._queue.clear()
        self._speaking = None
        for effect in self._effects.values():
            effect.stop()
            effect.deleteLater()
        self._effects.clear()
        paths = {p.stem: p for p in sorted(self._clips_dir.glob("*.wav"))}
        if self._clip_language != "en":
            paths |= {
                p.stem: p for p in sorted((self._clips_dir / self._clip_language).glob("*.wav"))
            }
        for path in paths.values():
            effect = self._mm.QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.playingChanged.connect(self._on_playing_changed)
            effect.statusChanged.connect(lambda e=effect, n=path.stem: self._on_status(e, n))
            self._effects[path.stem] = effect
        if not self._effects:
            self._status = tr(
                "No sound files in {folder}: cues are shown on screen only.",
                folder=str(self._clips_dir),
            )
            self._mm = None

    # -- properties --------------------------------------------------------------------------

    @Property(bool, notify=statusChanged)
    def available(self) -> bool:
        """An audio output is there, the clips are loaded and none has failed to play."""
        return self._mm is not None and not self._failed

    @Property(str, notify=statusChanged)
    def statusText(self) -> str:
        """Why there is or is not sound, in user words (for the settings screen)."""
        return translated(self._failed or self._status)

    @Property(str, notify=statusChanged)
    def silentReason(self) -> str:
        """Why the next cues will not be heard ("No audio output found…", "Sound is off in
        Settings."), empty when they will be (or while the output is still being looked for).
        The session screen warns with it before Start: a runner facing away from the screen
        relies on the sound."""
        if not bool(getattr(self._context.settings, "sound_on", True)):
            return translated(tr("Sound is off in Settings."))
        if self._output_pending:
            return ""
        if self._failed:
            return translated(self._failed)
        return "" if self._mm is not None else translated(self._status)

    def settings_changed(self) -> None:
        """The settings changed (sound on or off, the language): say so to what shows
        ``silentReason``; the words of a new language are loaded."""
        if self._mm is not None and self._clip_language != translation.current():
            self._load_clips()
        self.statusChanged.emit()

    @Property(bool, notify=statusChanged)
    def speechAvailable(self) -> bool:
        """A system speech command was found (used only for cues without clips)."""
        return self._speech is not None

    @Property(str, notify=lastCueChanged)
    def lastCue(self) -> str:
        """The latest cue's words ("Backward in 5"), shown on screen as a caption."""
        return self._last_cue

    # -- playing -----------------------------------------------------------------------------

    def play(self, cue: CueEvent) -> None:
        """Announce one cue: caption now, tone now, words in turn."""
        caption = translated(cue.text)
        if caption != self._last_cue:
            self._last_cue = caption
            self.lastCueChanged.emit()
        settings = self._context.settings
        if not bool(getattr(settings, "sound_on", True)):
            return
        self.open_output()
        if self._mm is None:
            return
        voice = bool(getattr(settings, "voice_on", True))
        tone, words = clips_for(cue, voice=voice)
        if cue.cue in _URGENT:
            self._queue.clear()
            if self._speaking is not None:
                self._speaking.stop()
        if tone is not None:
            self._start(tone)
        if words:
            self._queue.extend(words)
            while len(self._queue) > MAX_QUEUED_WORDS:
                self._queue.popleft()
            if self._speaking is None:
                self._play_next_word()
        elif voice and cue.text:
            self.speak(caption)  # no clip says it (an alarm's message)

    @Slot()
    def test(self) -> None:
        """Play a sample (one cue)."""
        self.play(CueEvent(0.0, tr("Speed {speed}", speed="3.0"), CueKind.SPEED, 3.0))

    @Slot()
    def soundCheck(self) -> None:
        """Play the cues a runner hears around a turn, one after another (the settings
        screen's "Sound check"), each shown as a caption too. Looks for the output first."""
        self.open_output()
        self.play(SOUND_CHECK[0])
        loop = self._context.loop
        for index, cue in enumerate(SOUND_CHECK[1:], 1):
            delay_s = index * SOUND_CHECK_GAP_S
            if loop is not None:  # the loop's clock (sped up in tests)
                loop.call_later(delay_s, self.play, cue)
            else:
                QTimer.singleShot(round(delay_s * 1000), self, lambda c=cue: self.play(c))

    def _on_status(self, effect: Any, name: str) -> None:
        assert self._mm is not None
        if effect.status() == self._mm.QSoundEffect.Status.Error and not self._failed:
            _log.warning("sound clip %s could not be played", name)
            self._failed = tr(
                "Sound could not be played ({file}): cues are shown on screen only.",
                file=f"{name}.wav",
            )
            self.statusChanged.emit()

    def _start(self, name: str) -> Any:
        effect = self._effects.get(name)
        if effect is None:
            _log.warning("no sound clip %s", name)
            return None
        volume = float(getattr(self._context.settings, "volume", 0.8))
        effect.setVolume(min(max(volume, 0.0), 1.0))
        effect.play()
        self.played.append(name)
        return effect

    def _play_next_word(self) -> None:
        self._speaking = None
        while self._queue and self._speaking is None:
            self._speaking = self._start(self._queue.popleft())

    def _on_playing_changed(self) -> None:
        if self._speaking is not None and not self._speaking.isPlaying():
            self._play_next_word()

    def speak(self, text: str) -> asyncio.Task[None] | None:
        """Say ``text`` with the system's speech command, if there is one: a child process
        with a time limit, never awaited by the UI (a hanging speech service is killed after
        TTS_TIMEOUT_S). Returns the task, or None when there is no speech command."""
        if self._speech is None:
            return None
        task = self._context.spawn(self._run_speech(text), what="speech")
        self._speech_tasks.add(task)
        task.add_done_callback(self._speech_tasks.discard)
        return task

    async def _run_speech(self, text: str) -> None:
        import asyncio  # noqa: PLC0415 - asyncio loads after the first frame (main.py)

        assert self._speech is not None
        proc = await asyncio.create_subprocess_exec(
            *self._speech,
            text,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        try:
            async with asyncio.timeout(TTS_TIMEOUT_S):
                await proc.wait()
        except TimeoutError:
            _log.warning("system speech did not finish in %.0f s; stopped it", TTS_TIMEOUT_S)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()

    def shutdown(self) -> None:
        """Stop sounds and speech (the app is closing)."""
        self._queue.clear()
        for effect in self._effects.values():
            effect.stop()
        for task in list(self._speech_tasks):
            task.cancel()
