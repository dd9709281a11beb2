"""Event loops whose clock runs faster than the wall clock, for headless runs.

Everything in the app reads time from the running loop (``loop.time()``, ``asyncio.sleep``,
``asyncio.timeout``): the engine, the virtual treadmill's physics and pyftms's own timeouts.
Replacing the loop's clock therefore speeds up the whole session consistently.

``SpeedupEventLoop(speedup)`` keeps a *virtual* time that moves only while the loop waits:
when the loop would sleep for ``d`` seconds until its next timer, it sleeps ``d / speedup``
seconds of wall time and advances its clock by ``d``. Time spent computing is not counted, so
a run is reproducible and timeouts never fire just because the machine was busy. With
``speedup = math.inf`` it never sleeps at all ("as fast as possible", like ``looptime`` in the
tests). I/O that wakes the loop early (real sockets, threads) advances the clock by the wall
time waited × speedup.
"""

from __future__ import annotations

import asyncio
import math
import selectors
import time
from typing import Any


class SpeedupEventLoop(asyncio.SelectorEventLoop):
    """A selector event loop whose clock runs ``speedup`` times faster than the wall clock
    while it waits (see the module docstring). ``speedup`` must be > 0 (``math.inf`` allowed).
    """

    def __init__(self, speedup: float, selector: selectors.BaseSelector | None = None) -> None:
        if not speedup > 0:
            raise ValueError("speedup must be above 0")
        super().__init__(selector)
        self._speedup = speedup
        self._virtual_now = 0.0
        selector_in_use: selectors.BaseSelector = self._selector  # type: ignore[attr-defined]
        self._real_select = selector_in_use.select
        selector_in_use.select = self._select  # type: ignore[method-assign]

    @property
    def speedup(self) -> float:
        return self._speedup

    def time(self) -> float:
        return self._virtual_now

    def _select(self, timeout: float | None = None) -> list[tuple[Any, int]]:
        ready: list[tuple[Any, int]] = self._real_select(0)
        if ready or timeout == 0:
            return ready
        if timeout is None:
            # Nothing scheduled: only I/O or another thread can wake us. Wait for real.
            t0 = time.perf_counter()
            ready = self._real_select(None)
            if math.isfinite(self._speedup):
                self._virtual_now += (time.perf_counter() - t0) * self._speedup
            return ready
        wall = 0.0 if math.isinf(self._speedup) else timeout / self._speedup
        if wall > 0:
            t0 = time.perf_counter()
            ready = self._real_select(wall)
            if ready:
                self._virtual_now += min(timeout, (time.perf_counter() - t0) * self._speedup)
                return ready
        self._virtual_now += timeout
        return ready


def new_speedup_loop(speedup: float) -> asyncio.AbstractEventLoop:
    """A plain event loop for ``speedup == 1`` (real time), a ``SpeedupEventLoop`` otherwise."""
    if speedup == 1:
        return asyncio.new_event_loop()
    return SpeedupEventLoop(speedup)


def parse_speedup(text: str) -> float:
    """``--speedup`` values: a number > 0, or ``max`` for "as fast as possible"."""
    if text.strip().lower() in ("max", "inf", "fast"):
        return math.inf
    value = float(text)
    if not value > 0 or math.isnan(value):
        raise ValueError(f"speedup must be above 0, not {text}")
    return value
