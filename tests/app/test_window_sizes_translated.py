"""The smallest window (1024×600) in English, German, Spanish and French: the session screen
(ready, running, the turn countdown, link lost), the history, the key list, the presets, the
training plans (none, then one started), the Treadmill screen and the settings show nothing
elided, overlapping or past its card (``layout_audit``), as in English (test_window_sizes.py).
Translations are longer than English: this is where one too long for its place shows."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from screen_items import click, shown
from session_rig import short_plan
from test_window_sizes import resize, settled_audit
from window_rig import WindowRig

from treadmill_ctl.app import translation
from treadmill_ctl.app.event_loop import AppEventLoop
from treadmill_ctl.app.main import build_app
from treadmill_ctl.settings import Language, Settings


@pytest.fixture(params=["en", "de", "es", "fr"])
def translated(
    request: pytest.FixtureRequest, qtbot: QtBot, app_loop: AppEventLoop
) -> Iterator[WindowRig]:
    saved: list[Settings] = []
    settings = Settings(language=Language(request.param))
    running = build_app(simulate=True, settings=settings, save_settings=saved.append)
    qtbot.waitExposed(running.window)
    rig = WindowRig(running, qtbot)
    resize(rig, 1024, 600)
    yield rig
    task = asyncio.get_event_loop().create_task(running.aclose())
    qtbot.waitUntil(task.done)
    task.result()
    translation.use_language("en")


def test_every_screen_fits_1024_by_600(translated: WindowRig) -> None:
    window = translated
    found: list[str] = []

    def check(where: str) -> None:
        window.running.window.grabWindow()
        found.extend(f"{where}: {p}" for p in settled_audit(window))

    window.connect()
    window.wait(lambda: shown(window, "disconnectButton"))
    check("treadmill screen")
    window.running.context.choose_plan(short_plan())
    window.wait_state("idle")
    check("session, ready")
    window.press("Return")
    window.wait_state("running_phase")
    check("session, running")
    window.wait(lambda: window.session("countdownReason") == "turn")
    check("session, turn countdown")
    window.wait_state("running_phase")
    window.treadmill.drop_link(back_after_s=None)
    window.wait(lambda: window.session("linkLost"))
    check("session, link lost")
    window.treadmill.restore_link()
    window.wait(lambda: not window.session("linkLost"))
    window.press("Space")
    window.wait_state("stopped")
    window.running.bridge.setProperty("screen", "history")
    window.wait(lambda: shown(window, "detailTitle"))
    window.qtbot.wait(50)
    check("history, the stopped session")  # "Supprimer" was pushed past the card
    window.qtbot.keyClick(window.running.window, "?")
    window.wait(lambda: shown(window, "keyHelpOverlay"))
    check("keys")  # German: the last line ran past the card
    window.qtbot.keyClick(window.running.window, "?")
    window.wait(lambda: not shown(window, "keyHelpOverlay"))
    window.running.bridge.setProperty("screen", "presets")
    window.wait(lambda: shown(window, "presetList"))
    click(window, "preset_four-by-thirty")
    window.qtbot.wait(50)
    check("presets")
    click(window, "plansViewButton")
    window.wait(lambda: shown(window, "planList"))
    check("plans, none yet")
    click(window, "startPlan_learn-backward-running")
    window.wait(lambda: shown(window, "planName"))
    check("plans, today's session")
    click(window, "stopPlanButton")
    window.wait(lambda: shown(window, "noPlan"))
    window.running.bridge.setProperty("screen", "settings")
    window.wait(lambda: shown(window, "settingsScroll"))
    # (Not Diagnostics: its folder path is elided in the middle on purpose.)
    titles = [str(s["title"]) for s in window.running.bridge.settings.property("sections")]
    for title in titles[:4]:  # Safety, Display, Sound, Keys: in the user's language
        click(window, "section_" + title)
        window.qtbot.wait(50)
        check(f"settings, {title}")
    assert not found, "\n".join(found)
