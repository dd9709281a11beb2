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
