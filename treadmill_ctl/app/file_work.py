"""Where the app's file work runs, and a file dialog's URL as a path (``local_path``).

Reading files is work that grows with what is in them (a folder of big or hostile preset files
once held STOP ~5 s, 40 files of 200 KB ~0.9 s), so the bridges read one bounded file per turn
of the loop. Each file is read and checked in a worker thread while the app's collector keeps
garbage collection on the GUI thread (``read_file_work``; a thread that collected garbage freed
Qt objects and crashed the window tests, see gui_gc.py), so one file at the size bound does not
stall the loop; results come back on the loop.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from treadmill_ctl.app.qt import QUrl

# Runs file work somewhere other than the loop (a worker thread by default).
type OffLoop = Callable[[Callable[[], Any]], Awaitable[Any]]


async def _in_worker_thread[T](work: Callable[[], T]) -> T:
    """``work()`` in a daemon thread of its own; the loop checks on it with short timers and
    runs everything else meanwhile. Not the loop's default executor (qasync's runs QThreads,
    which the app's shutdown must not meet still running), no Qt call from the thread (a
    cross-thread signal from a plain thread is not what Qt expects), and a read stuck on a dead
    network folder cannot hold up the exit."""
    outcome: list[T] = []
    failure: list[Exception] = []
    done = threading.Event()

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as exc:  # noqa: BLE001 - raised again on the loop, which reports it
            failure.append(exc)
        finally:
            done.set()

    threading.Thread(target=run, name="presets-file-work", daemon=True).start()
    delay = 0.001
    while not done.is_set():
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.05)
    if failure:
        raise failure[0]
    return outcome[0]


def read_file_work() -> OffLoop:
    """Where one preset file is read and checked: in a worker thread when Python's automatic
    garbage collection is off (the app's ``GuiThreadCollector`` collects on the GUI thread only,
    so the thread can never free a Qt object, which is what crashed the window tests), else on
    the loop. One file at the size bound took 100-330 ms to parse; on the loop, a STOP pressed
    then waited for it."""
    return _in_worker_thread if not gc.isenabled() else in_loop_turn


async def in_loop_turn[T](work: Callable[[], T]) -> T:
    """``work()`` now, on the loop. The app's default: a plain Python thread reading files while
    the Qt window runs crashed PySide6 in the window tests (a segmentation fault in the main
    thread's event loop), so the reads stay on the loop, bounded by the TOML limits (256 KB a
    file, nesting, keys); ``_in_worker_thread`` remains for callers outside a Qt window."""
    return work()


def loop_is_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def local_path(path_or_url: str) -> Path:
    """A file dialog's URL ("file:///…") or a plain path, as a Path."""
    if path_or_url.startswith("file:"):
        return Path(QUrl(path_or_url).toLocalFile())
    return Path(path_or_url)
