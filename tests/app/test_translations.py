"""The app in German, Spanish and French (docs/translations.md): every user string can be
translated and is, the core's messages are translated where they reach the screen, numbers
follow the language, and the language setting changes the window at once."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import translation_check
from fake_audio import FakeAudio, FakeEffect
from pytestqt.qtbot import QtBot

from treadmill_ctl.alerts import AlertCode
from treadmill_ctl.app import formatting, translation
from treadmill_ctl.app.context import AppContext
from treadmill_ctl.app.main import build_app
from treadmill_ctl.app.qt import QCoreApplication, QEvent, QGuiApplication, QQuickItem
from treadmill_ctl.app.sound import CuePlayer, sounds_dir
from treadmill_ctl.app.summary_presenter import notice_rows
from treadmill_ctl.app.translation import translated
from treadmill_ctl.notices import notices_of_events
from treadmill_ctl.session.events import AlertEvent, AlertLevel, CueEvent, CueKind
from treadmill_ctl.settings import Language, Settings
from treadmill_ctl.texts import Speed, from_data, tr


@pytest.fixture
def german(qapp: QGuiApplication) -> Iterator[None]:
    translation.use_language("de")
    yield
    translation.use_language("en")


def test_every_string_is_translatable_and_translated(tmp_path: Path) -> None:
    """The code's strings are all in i18n/*.ts, each has a de/es/fr translation with the same
    placeholders, the shipped .qm files are built from them, and no alert, cue, notice or QML
    text is a bare literal. Each problem names the file (and line) to fix."""
    problems = translation_check.problems(tmp_path)
    assert not problems, "\n".join(problems)


def test_the_checks_name_a_bare_literal() -> None:
    qml = 'Item {\n    Text { text: "Ready to go" }\n    Text { text: qsTr("Fine") }\n}\n'
    assert translation_check.qml_problems("ui/X.qml", qml) == [
        'ui/X.qml:2: "Ready to go" in text is not translatable: write qsTr("Ready to go")'
    ]
    # Compared, not shown:
    assert not translation_check.qml_problems("ui/X.qml", 'text: a === "turn" ? qsTr("T") : ""')
    py = 'def f(self, t):\n    self._alert(t, L.INFO, f"Speed {x} km/h", "code")\n'
    (problem,) = translation_check.python_problems("treadmill_ctl/session/x.py", py)
    assert problem.startswith("treadmill_ctl/session/x.py:2: f'Speed {x} km/h' given to _alert()")
    assert not translation_check.python_problems(
        "x.py", 'self._alert(t, L.INFO, tr("Speed {x}", x=x), "code")'
    )


@pytest.mark.usefixtures("german")
def test_core_texts_are_translated_with_their_arguments() -> None:
    assert translated(tr("Backward in {seconds}", seconds=5)) == "Rückwärts in 5"
    nested = tr("{why} Stopping.", why=tr("The ramp to {speed} stalled.", speed=Speed(3.5)))
    assert str(nested) == "The ramp to 3.5 km/h stalled. Stopping."  # the core reads English
    assert translated(nested) == "Die Beschleunigung auf 3,5 km/h hängt. Stopp."
    assert translated("A preset's own name") == "A preset's own name"  # user text: as it is
    assert formatting.speed_text(3.5, "kmh") == "3,5"
    assert formatting.distance_text(1250, "metric") == "1,25 km"


@pytest.mark.parametrize(
    ("language", "decimal", "go"),
    [("es", "3,5", "Ya"), ("fr", "3,5", "Partez"), ("en", "3.5", "Go")],
)
def test_each_language(qapp: QGuiApplication, language: str, decimal: str, go: str) -> None:
    try:
        assert translation.use_language(language) == language
        assert translated(tr("Go")) == go
        assert formatting.speed_text(3.5, "kmh") == decimal
    finally:
        translation.use_language("en")


def test_system_language_is_the_default(
    qapp: QGuiApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Settings().language is Language.SYSTEM
    monkeypatch.setattr(translation.QLocale, "system", lambda: translation.QLocale("fr_FR"))
    assert translation.resolve("system") == "fr"
    monkeypatch.setattr(translation.QLocale, "system", lambda: translation.QLocale("ja_JP"))
    assert translation.resolve("system") == "en"  # no catalogue: English


def _texts(root: QQuickItem) -> set[str]:
    out, stack = set(), [root]
    while stack:
        item = stack.pop()
        text = item.property("text")
        if isinstance(text, str) and text and item.isVisible():
            out.add(text)
        stack.extend(item.childItems())
    return out


def test_the_window_in_german_and_back(qtbot: QtBot, app_loop: object) -> None:
    """Started in German the window reads German; choosing English in the settings changes
    it at once (QML and the bridges' texts), without a restart."""
    import asyncio

    saved: list[Settings] = []
    running = build_app(
        simulate=True, settings=Settings(language=Language.GERMAN), save_settings=saved.append
    )
    try:
        qtbot.waitExposed(running.window)
        content = running.window.contentItem()
        qtbot.waitUntil(lambda: "Dein Laufband" in _texts(content))
        assert "Your treadmill" not in _texts(content)
        ctx = running.context
        ctx.save_settings(dataclasses.replace(ctx.settings, language=Language.ENGLISH))
        qtbot.waitUntil(lambda: "Your treadmill" in _texts(content))
        assert "Dein Laufband" not in _texts(content)
    finally:
        task = asyncio.get_event_loop().create_task(running.aclose())
        qtbot.waitUntil(task.done)
        translation.use_language("en")


@pytest.mark.parametrize(
    ("language", "caption"),
    [("de", "Rückwärts in 5"), ("es", "Atrás en 5"), ("fr", "Arrière dans 5")],
)
def test_cues_are_spoken_and_captioned_in_the_language(
    qapp: QGuiApplication, language: str, caption: str
) -> None:
    """The words come from sounds/<lang>/ (the tones are shared), the caption is translated;
    back in English the English words play again."""
    audio = FakeAudio()
    ctx = AppContext(
        settings=Settings(),
        save_settings=lambda s: None,
        loop=None,
        open_link=lambda a: None,  # type: ignore[arg-type,return-value]
        scan=lambda s: None,  # type: ignore[arg-type,return-value]
    )
    try:
        translation.use_language(language)
        player = CuePlayer(ctx, speech_command=None, multimedia=audio.multimedia)
        player.play(
            CueEvent(0.0, tr("Backward in {seconds}", seconds=5), CueKind.DIRECTION_BACKWARD, 5)
        )
        assert player.property("lastCue") == caption
        effects = player.findChildren(FakeEffect)
        sources = {Path(e.source).relative_to(sounds_dir()).as_posix() for e in effects}
        assert f"{language}/word_backward.wav" in sources
        assert "tone_backward.wav" in sources
        assert "word_backward.wav" not in sources  # the English word is replaced
        translation.use_language("en")
        player.settings_changed()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old clips
        effects = player.findChildren(FakeEffect)
        sources = {Path(e.source).relative_to(sounds_dir()).as_posix() for e in effects}
        assert "word_backward.wav" in sources
    finally:
        translation.use_language("en")


@pytest.mark.usefixtures("german")
def test_a_core_message_in_mph_is_still_translated() -> None:
    """With mph chosen, a core message's speeds (kept in km/h as values, ``texts.Speed``) are
    written in mph, no words rewritten; the German words keep their decimal comma."""
    message = formatting.speeds_in_unit(tr("The ramp to {speed} stalled.", speed=Speed(3.5)), "mph")
    assert str(message) == "The ramp to 2.2 mph stalled."  # the core and the log: English
    assert translated(message) == "Die Beschleunigung auf 2,2 mph hängt."
    assert translated(formatting.speeds_in_unit(tr("Go"), "kmh")) == "Los"


@pytest.mark.usefixtures("german")
def test_a_stored_alert_is_shown_in_the_language_and_unit_of_today() -> None:
    """An alert as the history keeps it (its params: template and km/h values) reads in German
    and mph when shown, although it was said in English and km/h; a console stop and a
    safety-key stop are told apart by their codes."""
    why = tr("The belt runs at {speed}, above your {direction} cap {cap}. Stopping.",
             speed=Speed(6.4), direction=tr("backward"), cap=Speed(4.0))  # fmt: skip
    stored = json.loads(json.dumps(AlertEvent(9.0, AlertLevel.DANGER, why, "overspeed").to_json()))
    message = from_data(stored["params"])
    assert message is not None
    assert translated(formatting.speeds_in_unit(message, "mph")) == (
        "Das Band läuft mit 4,0 mph, über deinem Limit rückwärts von 2,5 mph. Stopp."
    )
    console = _stop(AlertCode.CONSOLE_STOP, "Stopped from the treadmill's console.")
    key = _stop(AlertCode.SAFETY_KEY_STOP, "Safety key pulled: the treadmill stopped.")
    events = [{"t": 5.0, "type": "alert", **console}, {"t": 8.0, "type": "alert", **key}]
    rows = notice_rows(notices_of_events(events), 0.0, "kmh")
    assert [translated(r["text"]) for r in rows] == [
        "An der Konsole des Laufbands gestoppt",
        "Sicherheitsschlüssel gezogen: Das Laufband hat gestoppt",
    ]


def _stop(code: str, what: str) -> dict[str, object]:
    # tr() with a variable: lupdate does not see it; these two templates are in the code
    message = tr("{what} Press start when you are ready.", what=tr(what))
    out = AlertEvent(0.0, AlertLevel.WARNING, message, code).to_json()
    return {k: out[k] for k in ("code", "message", "params")}


@pytest.mark.usefixtures("german")
def test_what_happened_is_translated_with_the_speed_in_the_users_unit() -> None:
    """The summary's and the History's notices (notices.py) in the user's language, the belt's
    speed written in the user's unit; the English words stay as they were."""
    events = [
        {"t": 5.0, "type": "data", "speed_kmh": 5.0},
        {"t": 10.0, "type": "alert", "code": "link_lost", "message": "lost"},
        {"t": 40.0, "type": "alert", "code": "reconnected", "message": "back"},
        {"t": 50.0, "type": "alert", "code": "machine_stopped", "message": "Safety key out."},
    ]
    notices = notices_of_events(events)
    assert [n.text for n in notices] == [
        "Connection lost for 0:30: the belt ran unattended at 5.0 km/h for up to 0:30, "
        "until the app reconnected and stopped it",
        "Safety key pulled: the treadmill stopped",
    ]
    rows = notice_rows(notices, 0.0, "mph")
    assert [translated(r["text"]) for r in rows] == [
        "Verbindung 0:30 lang weg: Das Band lief bis zu 0:30 unbeaufsichtigt mit 3,1 mph, "
        "bis die App neu verband und es stoppte",
        "Sicherheitsschlüssel gezogen: Das Laufband hat gestoppt",
    ]
