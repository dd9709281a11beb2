"""Speeds in the user's unit with one rule of decimals: the session core's messages (which
speak km/h, as its records do) read in mph when mph is chosen."""

from __future__ import annotations

import pytest

from treadmill_ctl.app.formatting import speeds_in_unit
from treadmill_ctl.units import speed_words, typed_speed_kmh


@pytest.mark.parametrize(
    ("text", "mph"),
    [
        ("Limited by the backward cap 6.0 km/h.", "Limited by the backward cap 3.7 mph."),
        (
            "The belt runs at 9.7 km/h, above your forward cap 8.0 km/h. Stopping.",
            "The belt runs at 6.0 mph, above your forward cap 5.0 mph. Stopping.",
        ),
        ("a ramp of 0.5 km/h per s", "a ramp of 0.3 mph per s"),
        ("Heart rate 181 is above your cap 180 bpm", "Heart rate 181 is above your cap 180 bpm"),
    ],
)
def test_session_messages_read_in_mph(text: str, mph: str) -> None:
    assert speeds_in_unit(text, "mph") == mph
    assert speeds_in_unit(text, "kmh") == text


def test_one_rule_of_decimals_and_typed_limits() -> None:
    assert speed_words(8.0, "mph") == "5.0 mph"
    assert speed_words(6, "kmh") == "6.0 km/h"
    assert typed_speed_kmh(5.0, "mph", (8.0,)) == 8.0  # the ceiling as it reads
    assert typed_speed_kmh(5.1, "mph", (8.0,)) == 8.21
    assert typed_speed_kmh(3.0, "mph", (8.0,)) == 4.83
    assert typed_speed_kmh(6.04, "kmh", (6.0,)) == 6.0
