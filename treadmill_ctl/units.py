"""Units and directions, defined once: the km/h–mph factor, the speed units and which way the
runner faces. Every layer uses these (the link, the virtual treadmill, the session, settings,
history and the screens), so this module imports nothing of the app."""

from __future__ import annotations

import enum
from typing import Final

KMH_PER_MPH: Final = 1.609344
"""Kilometres per mile: km/h per mph."""


class SpeedUnit(enum.StrEnum):
    """A unit of speed: the one the user reads and types, or the one a console reads its speed
    set-points and its speed range in (FTMS says km/h; some consoles read mph)."""

    KMH = "kmh"
    MPH = "mph"


class Direction(enum.StrEnum):
    """Which way the runner faces on the belt."""

    FORWARD = "forward"
    BACKWARD = "backward"


class TurningStyle(enum.StrEnum):
    """How the belt turns around between directions."""

    STOP = "stop"  # belt paused (speed 0) during the countdown
    WALK = "walk"  # belt at a walk (at most 1.5 km/h) during the countdown


# ---- speeds as the user reads and types them ----------------------------------------------

SPEED_DECIMALS: Final = 1
"""The one rule of decimals for a speed shown to the user, in either unit (screens, hints,
errors, the command line): "6.0 km/h", "3.7 mph"."""


def speed_label(unit: str) -> str:
    """``"km/h"`` or ``"mph"``."""
    return "mph" if unit == SpeedUnit.MPH else "km/h"


def speed_in(kmh: float, unit: str) -> float:
    """A speed in km/h in ``unit``."""
    return kmh / KMH_PER_MPH if unit == SpeedUnit.MPH else kmh


def speed_words(kmh: float, unit: str) -> str:
    """A speed with its unit, as the user reads it: "9.0 mph", "6.0 km/h"."""
    return f"{speed_in(kmh, unit):.{SPEED_DECIMALS}f} {speed_label(unit)}"


def typed_speed_kmh(value: float, unit: str, limits: tuple[float, ...] = ()) -> float:
    """A speed typed in ``unit``, in km/h (two decimals). A value typed as a limit reads
    (``SPEED_DECIMALS`` in the user's unit) *is* that limit: with the hard ceiling of 8.0 km/h
    shown as "5.0 mph", typing 5.0 mph gives 8.0 km/h, as the + button does, not 8.05 km/h
    "above the ceiling of 5.0 mph". Never more than the limit, so no cap is ever exceeded."""
    shown = round(value, SPEED_DECIMALS)
    for limit in limits:
        if round(speed_in(limit, unit), SPEED_DECIMALS) == shown:
            return limit
    return round(value * KMH_PER_MPH, 2) if unit == SpeedUnit.MPH else value
