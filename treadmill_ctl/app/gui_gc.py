"""Python's cyclic garbage collector runs on the GUI thread only.

Left to itself, the collector runs in whichever thread happens to allocate when a generation's
count passes its threshold: the history writer's thread, a file read handed to a worker, one of
qasync's executor threads. If that collection frees a Qt object (a closed loop's timer object, a
bridge left in a reference cycle), its C++ destructor runs in that thread: a timer it owned can
no longer be stopped, and Qt later delivers the timer's event to freed memory, a segmentation
fault in ``QTimerInfoList::activateTimers`` (seen in the GUI tests, and once as a crash when the
Presets screen read its files in a worker thread).

``GuiThreadCollector`` turns automatic collection off and does the same work from a Qt timer on
the GUI thread instead: every ``INTERVAL_MS`` it looks at the collector's counts and collects the
generations whose thresholds were passed, as the automatic collector would have. A collection of
the young generation takes well under a millisecond; the full one runs as rarely as before.
"""

from __future__ import annotations

import gc
import threading
from typing import Final

from treadmill_ctl.app.qt import QObject, QTimer

INTERVAL_MS: Final = 100


class GuiThreadCollector(QObject):
    """Collect garbage on the GUI thread only, while this object runs (``stop()`` ends it and
    gives collection back to Python)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("GuiThreadCollector must be made on the GUI thread")
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        self.collections = 0  # how many collections this object ran (for tests)

    def collect_due(self) -> int:
        """Collect the generations that are due, as Python's automatic collector would; the
        generation collected, or -1 when none was due."""
        counts = gc.get_count()
        generation = -1
        for gen, (count, threshold) in enumerate(zip(counts, self._thresholds, strict=True)):
            if threshold <= 0 or count <= threshold:
                break
            generation = gen
        if generation >= 0:
            gc.collect(generation)
            self.collections += 1
        return generation

    def stop(self) -> None:
        """Stop collecting here and give collection back to Python, as it was before."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
