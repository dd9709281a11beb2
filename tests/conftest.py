"""Test-wide fixtures.

Every test gets its own config and data directories (never the user's real ones).
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from lock_file import installed_vs_locked

# Named in the test report's header: the libraries the app's behaviour depends on most.
REPORTED = (
    "PySide6-Essentials",
    "bleak",
    "bleak-retry-connector",
    "pyftms",
    "qasync",
    "platformdirs",
    "garmin-fit-sdk",
    "bumble",
    "hypothesis",
)

# Qt tests never need a screen; set before any Qt import (pytest-qt creates the app lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app follows the system's language by default: tests read English whatever the machine's
# locale (tests/test_translations.py chooses the other languages itself).
os.environ["LANGUAGE"] = "en"


def pytest_report_header() -> list[str]:
    """Which versions this run tests, and whether they are the locked ones."""
    found = installed_vs_locked()
    named = ", ".join(f"{name} {found[name.lower()][0]}" for name in REPORTED)
    off = [
        f"{n} {have} (lock: {want})" for n, (have, want) in sorted(found.items()) if have != want
    ]
    lock = (
        "all as locked in requirements-lock.txt" if not off else "NOT the lock: " + ", ".join(off)
    )
    return [f"treadmill-ctl tested on: {named}", f"installed versions: {lock}"]


@pytest.fixture(autouse=True, scope="session")
def _garbage_collected_on_the_main_thread() -> Iterator[None]:
    """Python's cyclic collector runs on the main thread only, for the whole run: left
    automatic, it runs in whichever thread allocates (a history writer, an executor thread
    left from an earlier test) and may free the Qt objects of an earlier test there, whose
    timers Qt then fires into freed memory (segfaults seen between GUI tests). The app does the
    same while its loop runs (app/gui_gc.py); between tests, ``_collect_after_each_test``."""
    gc.disable()
    yield
    gc.enable()


_tests_run = 0


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    """The young generation after every test (cheap), everything every 50 tests."""
    global _tests_run  # noqa: PLW0603 - a count over the whole run
    yield
    _tests_run += 1
    gc.collect(2 if _tests_run % 50 == 0 else 0)


@pytest.fixture(autouse=True)
def _isolated_app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the app's config, data, runtime and documents directories into the test's tmp
    dir."""
    monkeypatch.setenv("TREADMILL_CTL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("TREADMILL_CTL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TREADMILL_CTL_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.setenv("TREADMILL_CTL_DOCUMENTS_DIR", str(tmp_path / "documents"))


@pytest.fixture(autouse=True)
def _event_loop_for_sync_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """looptime's plugin asks the policy for the current loop in every test; on Python 3.13 a
    sync test with no loop set turns that into a DeprecationWarning (an error here), and letting
    the policy create one leaks an unclosed loop. Give sync tests a loop of their own and close it.
    Remove when looptime stops calling policy.get_event_loop() for sync tests."""
    func = getattr(request, "function", None)
    if func is None or inspect.iscoroutinefunction(func):
        yield
        return
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        yield
    finally:
        asyncio.set_event_loop(None)
        loop.close()
