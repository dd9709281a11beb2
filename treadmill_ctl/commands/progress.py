"""A progress line for ``treadmill-ctl run`` on a terminal: session time, the phase, the belt.

It is one line, rewritten in place (carriage return) at most every ``interval_s`` of wall time
and at each new phase, and cleared before the run's summary. Only for a terminal: in a pipe or
a file it would be noise, so ``run`` adds it only when stderr is a TTY.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol, TextIO

from treadmill_ctl.session.estimate import estimate_text
from treadmill_ctl.units import SpeedUnit, speed_words


class _Event(Protocol):
    def to_json(self) -> dict[str, Any]: ...


# What a countdown leads to, by its reason (events-file values).
_COUNTDOWN_WORDS = {"start": "starting", "turn": "turn around, moving", "resume": "resuming"}


def _mmss(seconds: float) -> str:
    m, s = divmod(round(max(seconds, 0.0)), 60)
    return f"{m}:{s:02d}"


class ProgressLine:
    """A session event listener that keeps one status line up to date on ``stream``."""

    def __init__(
        self,
        stream: TextIO,
        *,
        planned_s: float,  # the estimated whole session (session/estimate.py)
        interval_s: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
        speed_unit: str = SpeedUnit.KMH,
    ) -> None:
        self._stream = stream
        self._unit = speed_unit
        self._planned_s = planned_s
        self._interval_s = interval_s
        self._clock = clock
        self._last_draw: float | None = None
        self._width = 0
        self._t = 0.0
        self._phase = "starting"
        self._speed: float | None = None

    def start(self, text: str) -> None:
        """Say at once what is starting (before the first event)."""
        self._draw(text)

    def __call__(self, event: _Event) -> None:
        """Take one session event (its events-file form) and redraw when due."""
        data = event.to_json()
        self._t = float(data.get("t", self._t))
        kind = data.get("type")
        new_phase = False
        if kind == "phase":
            name = data.get("name") or str(data.get("kind", "")).capitalize()
            count = data.get("count") or 0
            number = f" {int(data['index']) + 1}/{count}" if count else ""
            target = float(data.get("target_speed_kmh", 0.0))
            self._phase = (
                f"phase{number} {name}, {data.get('direction')} → {speed_words(target, self._unit)}"
            )
            new_phase = True
        elif kind == "countdown":
            what = _COUNTDOWN_WORDS.get(str(data.get("reason")), "starting")
            self._phase = f"{what} in {data.get('remaining_s')} s"
            new_phase = True
        elif kind == "data" and data.get("speed_kmh") is not None:
            self._speed = float(data["speed_kmh"])
        elif kind == "end":
            self._phase = str(data.get("reason", "ended")).replace("_", " ")
            new_phase = True
        now = self._clock()
        if new_phase or self._last_draw is None or now - self._last_draw >= self._interval_s:
            belt = (
                f"  belt {speed_words(self._speed, self._unit)}" if self._speed is not None else ""
            )
            planned = estimate_text(self._planned_s)
            self._draw(f"{_mmss(self._t)} / {planned}  {self._phase}{belt}")

    def _draw(self, text: str) -> None:
        self._last_draw = self._clock()
        pad = max(self._width - len(text), 0)
        self._stream.write("\r" + text + " " * pad)
        self._stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Clear the line (the summary takes its place)."""
        if self._last_draw is not None:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._last_draw = None
            self._width = 0
