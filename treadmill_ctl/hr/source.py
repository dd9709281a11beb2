"""Which heart rate to believe: the strap's while it gives fresh readings, else the
treadmill's own (hand grips or a strap paired with the console). Pure; time is injected."""

from __future__ import annotations

import enum
import math
from typing import Final

STRAP_FRESH_S: Final = 5.0
"""A strap reading older than this no longer counts (strap lost, out of range, no contact)."""


class HeartRateSourceKind(enum.StrEnum):
    """Where the current heart rate comes from."""

    STRAP = "strap"
    TREADMILL = "treadmill"
    NONE = "none"


class HeartRateSource:
    """Merge the strap's and the treadmill's heart rate.

    ``strap(t, bpm)`` for every strap reading (None: no usable value), ``treadmill(t, bpm)``
    for every Treadmill Data record; ``current(t)`` says what to show and record."""

    def __init__(self, fresh_s: float = STRAP_FRESH_S) -> None:
        self._fresh_s = fresh_s
        self._strap_bpm: int | None = None
        self._strap_t = -math.inf
        self._treadmill_bpm: int | None = None
        self._treadmill_t = -math.inf

    def strap(self, t: float, bpm: int | None) -> None:
        """A strap reading at time ``t``."""
        self._strap_bpm = bpm
        self._strap_t = t

    def treadmill(self, t: float, bpm: int | None) -> None:
        """The treadmill's heart-rate field at time ``t`` (None when it sent none)."""
        self._treadmill_bpm = bpm
        self._treadmill_t = t

    def current(self, t: float) -> tuple[int | None, HeartRateSourceKind]:
        """The heart rate to use at ``t`` and where it comes from."""
        if self._strap_bpm is not None and 0 <= t - self._strap_t <= self._fresh_s:
            return self._strap_bpm, HeartRateSourceKind.STRAP
        if self._treadmill_bpm is not None and 0 <= t - self._treadmill_t <= self._fresh_s:
            return self._treadmill_bpm, HeartRateSourceKind.TREADMILL
        return None, HeartRateSourceKind.NONE

    def strap_is_fresh(self, t: float) -> bool:
        """True while the strap gives usable readings."""
        return self._strap_bpm is not None and 0 <= t - self._strap_t <= self._fresh_s
