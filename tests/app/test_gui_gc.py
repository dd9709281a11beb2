"""Garbage is collected on the GUI thread only while the app's loop runs (app/gui_gc.py): a
collection in a worker thread can free a Qt object there, whose timer Qt then fires into freed
memory (a segmentation fault seen in the GUI tests before this)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from treadmill_ctl.app.event_loop import install_running_loop, uninstall_running_loop
from treadmill_ctl.app.qt import QGuiApplication


class Cycle:
    """A reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def make_garbage(n: int) -> None:
    for _ in range(n):
        Cycle()


@pytest.fixture
def automatic_gc() -> Iterator[None]:
    """Python's own automatic collection, as in the app before its loop runs (the test run
    itself keeps collection on the main thread: tests/conftest.py)."""
    gc.enable()
    yield
    gc.disable()


def test_no_collection_runs_in_a_worker_thread_and_the_gui_thread_collects(
    qtbot: QtBot, qapp: QGuiApplication, automatic_gc: None
) -> None:
    app_loop = install_running_loop(qapp)
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
        uninstall_running_loop(app_loop)


def test_closing_the_loop_gives_collection_back_to_python(
    qapp: QGuiApplication, automatic_gc: None
) -> None:
    assert gc.isenabled()
    loop = install_running_loop(qapp)
    assert not gc.isenabled()
    uninstall_running_loop(loop)
    assert gc.isenabled()
