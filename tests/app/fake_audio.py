"""A hand-written stand-in for QtMultimedia's audio output (QMediaDevices and QSoundEffect),
so a test decides whether there is a speaker and whether its clips play."""

from __future__ import annotations

import enum
from typing import Any

from treadmill_ctl.app.qt import Multimedia, QObject, QTimer, QUrl, Signal


class FakeSpeaker:
    """An audio output device."""

    def description(self) -> str:
        return "Fake speakers"


class FakeAudio:
    """The machine's audio: its outputs, and every clip played (newest last)."""

    def __init__(self, *, outputs: int = 1, broken: bool = False) -> None:
        self.outputs = [FakeSpeaker() for _ in range(outputs)]
        self.broken = broken  # every clip fails to play (the player's error)
        self.played: list[str] = []

    def multimedia(self) -> Multimedia:
        audio = self

        class Devices:
            @staticmethod
            def audioOutputs() -> list[FakeSpeaker]:
                return audio.outputs

            @staticmethod
            def defaultAudioOutput() -> FakeSpeaker:
                return audio.outputs[0]

        class Effect(FakeEffect):
            def __init__(self, parent: QObject | None = None) -> None:
                super().__init__(audio, parent)

        return Multimedia(Effect, Devices, FakeSpeaker)  # type: ignore[arg-type]


class FakeEffect(QObject):
    """One clip: plays for a moment (one event-loop turn), or fails when the audio is broken."""

    playingChanged = Signal()
    statusChanged = Signal()

    class Status(enum.Enum):
        Null = 0
        Loading = 1
        Ready = 2
        Error = 3

    def __init__(self, audio: FakeAudio, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._audio = audio
        self._name = ""
        self._playing = False
        self._status = FakeEffect.Status.Ready

    def setSource(self, url: QUrl) -> None:
        self._name = url.fileName().removesuffix(".wav")
        self.source = url.toLocalFile()  # which language's clip (sounds/<lang>/...)

    def setVolume(self, volume: float) -> None:
        pass

    def status(self) -> Any:
        return self._status

    def isPlaying(self) -> bool:
        return self._playing

    def play(self) -> None:
        if self._audio.broken:
            self._status = FakeEffect.Status.Error
            self.statusChanged.emit()
            return
        self._audio.played.append(self._name)
        self._playing = True
        self.playingChanged.emit()
        QTimer.singleShot(0, self.stop)

    def stop(self) -> None:
        if self._playing:
            self._playing = False
            self.playingChanged.emit()
