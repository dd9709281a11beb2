"""Numbers as the screens show them and as the user types them (pure Python, no Qt): durations,
speeds and distances in the user's units. Bridges format; QML only displays."""

from __future__ import annotations

import math
import re
from types import MappingProxyType
from typing import Final, Self

from treadmill_ctl.texts import Text, has_speed, with_speeds
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit, speed_words

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


_KMH_IN_TEXT: Final = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?) ?km/h(?![\w/])")


class SpeedsInUnit(Text):
    """A core ``Text`` shown with its speeds in the user's unit: it reads the converted English,
    and ``app/translation.translated()`` translates the message first, then converts."""

    __slots__ = ("unit",)
    unit: str

    def __new__(cls, text: Text, unit: str) -> Self:
        self = str.__new__(cls, convert_speeds(text, unit))
        self.template = "{text}"
        self.args = MappingProxyType({"text": text})
        self.unit = unit
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (SpeedsInUnit, (self.args["text"], self.unit))


def convert_speeds(text: str, unit: str, *, localised: bool = False) -> str:
    """Every "4.5 km/h" (or "4,5 km/h") in ``text`` as "2.8 mph" with mph chosen; with
    ``localised``, in the language's decimal separator ("2,8 mph": a translated text)."""
    if unit != SpeedUnit.MPH:
        return text

    def mph(m: re.Match[str]) -> str:
        words = speed_words(float(m.group(1).replace(",", ".")), unit)
        return decimal(words) if localised else words

    return _KMH_IN_TEXT.sub(mph, text)


def speeds_in_unit(text: str, unit: str) -> str:
    """A message of the session core (which speaks km/h, as its records do) in the user's
    unit: with mph chosen, every "4.5 km/h" in it reads "2.8 mph" (``units.speed_words``), so
    the session screen never shows km/h in an mph app. Unchanged for km/h. A ``Text`` stays
    translatable (``SpeedsInUnit``).

    A message that keeps its speeds as data (``texts.Speed``: every alert of the session)
    gets them written in the unit, no words rewritten; the rewrite is left for texts that say
    "km/h" in their words (the settings' help, alerts recorded before history version 4)."""
    if has_speed(text):
        return with_speeds(text, lambda kmh: speed_words(kmh, unit))
    if unit != SpeedUnit.MPH:
        return text
    if isinstance(text, Text):
        return SpeedsInUnit(text, unit)
    return convert_speeds(text, unit)
