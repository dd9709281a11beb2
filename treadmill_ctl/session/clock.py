"""Event loops whose clock runs faster than the wall clock, for headless runs.

Everything in the app reads time from the running loop (``loop.time()``, ``asyncio.sleep``,
``asyncio.timeout``): the engine, the virtual treadmill's physics and pyftms's own timeouts.
Replacing the loop's clock therefore speeds up the whole session consistently.

``SpeedupEventLoop(speedup)`` keeps a *virtual* time that moves only while the loop waits:
when the loop would sleep for ``d`` seconds until its next timer, its clock jumps by ``d``, and
it sleeps on the wall clock only as much as needed to keep virtual time at most ``speedup``
times ahead of the wall (so the selector's own millisecond resolution does not add up over
thousands of tiny waits). Time spent computing moves no virtual time: a run is reproducible,
and timeouts never fire just because the machine was busy. With ``speedup = math.inf`` it never
sleeps at all ("as fast as possible", like ``looptime`` in the tests). I/O that wakes the loop
early (real sockets, threads) sets the clock to what the wall clock says, scaled.
"""

from __future__ import annotations

import asyncio
import math
import selectors
import time
from typing import Any, Final

MIN_WALL_SLEEP_S: Final = 0.002


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
        self._wall_origin: float | None = None  # perf_counter() at virtual time 0
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
        if self._wall_origin is None:
            self._wall_origin = time.perf_counter() - self._virtual_now / self._speedup
        if timeout is None:
            # Nothing scheduled: only I/O or another thread can wake us. Wait for real.
            ready = self._real_select(None)
            self._virtual_now = max(self._virtual_now, self._paced_now())
            return ready
        before, target = self._virtual_now, self._virtual_now + timeout
        if math.isfinite(self._speedup):
            # Pace against the wall clock as a whole (not sleep by sleep): many tiny waits
            # would each cost a whole millisecond of the selector's resolution.
            ahead = target / self._speedup - (time.perf_counter() - self._wall_origin)
            if ahead > MIN_WALL_SLEEP_S:
                ready = self._real_select(ahead)
                if ready:  # woken early by I/O: the clock reads what the wall says
                    self._virtual_now = min(target, max(before, self._paced_now()))
                    return ready
        self._virtual_now = target
        return ready

    def _paced_now(self) -> float:
        if self._wall_origin is None or math.isinf(self._speedup):
            return self._virtual_now
        return (time.perf_counter() - self._wall_origin) * self._speedup


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
