"""Every screen shown in German, its words read off the screen: no English may be left.

The catalogue test (test_translations.py) finds strings the code marks but nobody translated;
this one finds words that reach the screen without being marked at all (built in the core with
an f-string, read from a shipped file, put together in a bridge). It walks the visible items of
each screen — the Treadmill screen, the presets with a built-in selected, the session ready,
running and stopped, the summary, the History list and detail — and fails on a text that is an
English source of the catalogue (so it should have been translated) or that holds an English
word from the list below. What comes from outside the app (the treadmill's name, a number) is
not words."""

from __future__ import annotations

import asyncio
import math
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from recorded_sessions import record_session
from screen_items import shown
from translation_check import read_ts
from window_rig import WindowRig

from treadmill_ctl.app import translation
from treadmill_ctl.app.event_loop import AppEventLoop
from treadmill_ctl.app.main import build_app
from treadmill_ctl.app.qt import QQuickItem
from treadmill_ctl.history import Durability, HistoryStore
from treadmill_ctl.session.clock import new_speedup_loop
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Language, Settings

ROOT = Path(__file__).resolve().parents[2]
# Words a German screen never holds (nor a Spanish or French one): the English that was left
# in the window before these texts were translated ("1 block done", "belt 3.0", "ends ≈",
# "Checked on", "line 3", "Stopped by you · 1 phase skipped", built-in presets' words).
ENGLISH = re.compile(
    r"\b(the|and|of|blocks?|done|belt|target|ends|skipped|stopped|Checked|line|week|walk|"
    r"Brisk|Easy|First steps|Warm-up|Cool-down|backward|forward|speed|session|min ago)\b",
    re.IGNORECASE,
)
# Not words of the app: the virtual treadmill's and strap's names, file names, key names.
NOT_WORDS = re.compile(r"Virtual|Treadmill|Strap|\.toml|^[\W\d_]*$")


@pytest.fixture
def german(qtbot: QtBot, app_loop: AppEventLoop) -> Iterator[WindowRig]:
    saved: list[Settings] = []
    running = build_app(
        simulate=True, settings=Settings(language=Language("de")), save_settings=saved.append
    )
    qtbot.waitExposed(running.window)
    rig = WindowRig(running, qtbot)
    rig.running.window.resize(1280, 720)
    yield rig
    task = asyncio.get_event_loop().create_task(running.aclose())
    qtbot.waitUntil(task.done)
    task.result()
    translation.use_language("en")


@pytest.fixture
def first_steps_stopped() -> None:
    """A recorded session of the built-in "First steps", stopped after a minute."""
    plan = PresetLibrary(Settings()).resolve("first-steps").to_plan()

    async def seed() -> None:
        with HistoryStore.open(durability=Durability.NORMAL) as store:
            await record_session(store, plan=plan, stop_after_s=60, heart_rate=False)

    loop = new_speedup_loop(math.inf)
    try:
        loop.run_until_complete(seed())
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def _texts(item: QQuickItem) -> Iterator[str]:
    if not item.isVisible() or item.opacity() == 0:
        return
    value = item.property("text")
    if isinstance(value, str) and value.strip():
        yield value
    for child in item.childItems():
        yield from _texts(child)


def english_left(window: WindowRig, sources: dict[str, str]) -> list[str]:
    """The texts on the screen that are English: a catalogue source whose translation differs,
    or a text with a word of ``ENGLISH``."""
    found = []
    for text in _texts(window.running.window.contentItem()):
        for raw in text.splitlines():
            line = raw.strip()
            if not line or NOT_WORDS.search(line):
                continue
            translated = sources.get(line)
            if (translated is not None and translated != line) or ENGLISH.search(line):
                found.append(line)
    return found


@pytest.mark.usefixtures("first_steps_stopped")
def test_every_screen_in_german_shows_no_english(german: WindowRig) -> None:
    window = german
    sources = {
        m.source: m.translation
        for m in read_ts(ROOT / "i18n" / "treadmill_ctl_de.ts")
        if not m.unfinished
    }
    found: list[str] = []

    def check(where: str) -> None:
        window.qtbot.wait(100)
        found.extend(f"{where}: {line!r}" for line in english_left(window, sources))

    window.connect()
    window.wait(lambda: shown(window, "disconnectButton"))
    check("treadmill screen")
    window.running.bridge.setProperty("screen", "presets")
    window.wait(lambda: shown(window, "presetList"))
    window.running.bridge.presets.select("first-steps")
    window.wait(lambda: shown(window, "preset_first-steps"))
    check("presets, First steps")
    window.running.context.choose_plan(PresetLibrary(Settings()).resolve("first-steps").to_plan())
    window.wait_state("idle")
    check("session, ready")
    window.press("Return")
    window.wait_state("running_phase")
    window.wait(lambda: window.session("speedText") not in ("", "–"))
    check("session, running")
    window.press("Space")
    window.wait_state("stopped")
    check("session, stopped")
    window.running.bridge.session_bridge.end()
    window.wait(lambda: window.running.bridge.property("screen") == "summary")
    window.wait(lambda: shown(window, "summaryHeadline"))
    check("summary")
    window.running.bridge.setProperty("screen", "history")
    window.wait(lambda: shown(window, "sessionList"))
    window.wait(lambda: shown(window, "detailTitle"))
    check("history")
    assert not found, "\n".join(found)
