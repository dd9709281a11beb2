"""Fixtures for the app's window tests: the sped-up qasync loop and the app built on it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from window_rig import SPEEDUP, WAIT_MS, WindowRig

from treadmill_ctl.app.event_loop import AppEventLoop, install_running_loop, uninstall_running_loop
from treadmill_ctl.app.main import build_app
from treadmill_ctl.app.qt import QGuiApplication
from treadmill_ctl.settings import Settings


@pytest.fixture
def app_loop(qapp: QGuiApplication) -> Iterator[AppEventLoop]:
    """qasync's loop as the running loop, its clock SPEEDUP× faster than the wall clock."""
    loop = install_running_loop(qapp, speedup=SPEEDUP)
    yield loop
    uninstall_running_loop(loop)


@pytest.fixture
def window(qtbot: QtBot, app_loop: AppEventLoop) -> Iterator[WindowRig]:
    """The app's window over the virtual treadmill (not connected yet). Settings are the
    defaults and are not written anywhere."""
    saved: list[Settings] = []
    running = build_app(simulate=True, settings=Settings(), save_settings=saved.append)
    qtbot.waitExposed(running.window)
    rig = WindowRig(running, qtbot)
    yield rig
    task = asyncio.get_event_loop().create_task(running.aclose())
    # Closing waits for the history writer and the link; with two test workers on two cores it
    # once took over 10 s (seen once in a full run), so it gets the longer wait.
    qtbot.waitUntil(task.done, timeout=3 * WAIT_MS)
    task.result()
