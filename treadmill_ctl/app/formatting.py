"""Numbers as the screens show them and as the user types them (pure Python, no Qt): durations,
speeds and distances in the user's units. Bridges format; QML only displays."""

from __future__ import annotations

import math

from treadmill_ctl.units import KMH_PER_MPH

_decimal_point = "."  # the language's (app/translation.py sets it from QLocale: "," in German)


def set_decimal_point(point: str) -> None:
    """The decimal separator every number below is shown with ("." or ",")."""
    global _decimal_point  # noqa: PLW0603 - one process-wide display choice, set by the Qt layer
    _decimal_point = point or "."


def decimal(text: str) -> str:
    """``text`` (a number formatted with ".") with the language's decimal separator."""
    return text.replace(".", _decimal_point) if _decimal_point != "." else text


def parse_number(text: str) -> float | None:
    """A number as typed ("3.5", "3,5", " 4 "); None when it is not one."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def duration_text(seconds: float | None) -> str:
    """``m:ss`` (or ``h:mm:ss`` from one hour); a partial second counts as a whole one, so a
    countdown shows ``0:01`` until it is really over. ``None`` -> ``–:––``."""
    if seconds is None or not math.isfinite(seconds):
        return "–:––"
    total = max(0, math.ceil(seconds - 1e-6))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def speed_unit_label(unit: str) -> str:
    """``"km/h"`` or ``"mph"``."""
    return "mph" if unit == "mph" else "km/h"


def speed_value(kmh: float | None, unit: str) -> float | None:
    """A speed in km/h converted to the user's unit."""
    if kmh is None:
        return None
    return kmh / KMH_PER_MPH if unit == "mph" else kmh


def speed_text(kmh: float | None, unit: str) -> str:
    """One decimal in the user's unit, without the unit; ``–`` when unknown."""
    value = speed_value(kmh, unit)
    return "–" if value is None else decimal(f"{value:.1f}")


def distance_text(metres: float | None, unit: str) -> str:
    """``850 m`` / ``1.25 km`` (metric) or ``0.53 mi`` (imperial), with the unit."""
    if metres is None:
        return "–"
    if unit == "imperial":
        return decimal(f"{metres / 1000 / KMH_PER_MPH:.2f} mi")
    if metres < 1000:
        return f"{metres:.0f} m"
    return decimal(f"{metres / 1000:.2f} km")


def incline_text(pct: float | None) -> str:
    """``2.0 %``; ``–`` when the machine does not report it."""
    return "–" if pct is None else decimal(f"{pct:.1f} %")


def heart_rate_text(bpm: int | None) -> str:
    """``128`` (bpm), empty when unknown so the screen can hide it."""
    return "" if bpm is None or bpm <= 0 else str(bpm)
