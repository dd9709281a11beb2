"""Garbage is collected on the GUI thread only while the app's loop runs (app/gui_gc.py): a
collection in a worker thread can free a Qt object there, whose timer Qt then fires into freed
memory (a segmentation fault seen in the GUI tests before this)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from pytestqt.qtbot import QtBot

from treadmill_ctl.app.event_loop import AppEventLoop


class Cycle:
    """A reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def make_garbage(n: int) -> None:
    for _ in range(n):
        Cycle()


def test_no_collection_runs_in_a_worker_thread_and_the_gui_thread_collects(
    qtbot: QtBot, app_loop: AppEventLoop
) -> None:
    threads: list[str] = []

    def seen(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(seen)
    try:
        worker = threading.Thread(target=make_garbage, args=(50_000,), name="worker")
        worker.start()
        worker.join()
        assert "worker" not in threads  # the worker allocated far past every threshold
        before = app_loop.collector.collections
        qtbot.waitUntil(lambda: app_loop.collector.collections > before, timeout=2_000)
        assert set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(seen)


def test_closing_the_loop_gives_collection_back_to_python(qtbot: QtBot) -> None:
    from treadmill_ctl.app.event_loop import (
        install_running_loop,
        uninstall_running_loop,
    )
    from treadmill_ctl.app.qt import QGuiApplication

    assert gc.isenabled()
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    loop = install_running_loop(app)
    assert not gc.isenabled()
    uninstall_running_loop(loop)
    assert gc.isenabled()
