"""A forward phase's heart-rate zone in a preset file: ``hr_zone_bpm = [120, 140]`` and,
optionally, ``hr_max_kmh`` (the fastest the heart rate may take it; default its
``speed_kmh``). Kept apart from ``presets`` so that module does not grow."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from treadmill_ctl.hr.cap import MAX_CAP_BPM, MIN_CAP_BPM
from treadmill_ctl.session.plan import Phase, PhaseKind
from treadmill_ctl.toml_document import KeyPath
from treadmill_ctl.units import Direction

HR_FOLLOW_KEYS: Final = frozenset({"hr_zone_bpm", "hr_max_kmh"})


def read_hr_follow(
    table: Mapping[str, Any],
    at: KeyPath,
    *,
    kind: PhaseKind | None,
    speed: float | None,
    error: Callable[[KeyPath, str], None],
    check_speed: Callable[[float, Direction, KeyPath], float | None],
) -> tuple[tuple[int, int] | None, float | None]:
    """The zone and maximum of one phase table (``None, None`` without a zone); problems go
    to ``error``, the maximum through the preset's own speed check (caps and ceilings)."""
    raw_zone, raw_max = table.get("hr_zone_bpm"), table.get("hr_max_kmh")
    if raw_zone is None:
        if raw_max is not None:
            error((*at, "hr_max_kmh"), "hr_max_kmh needs hr_zone_bpm = [low, high]")
        return None, None
    if kind is PhaseKind.BACKWARD:
        error(
            (*at, "hr_zone_bpm"),
            "a backward phase runs at a fixed, gentle speed: only forward phases follow the "
            "heart rate",
        )
        return None, None
    if (
        not isinstance(raw_zone, list)
        or len(raw_zone) != 2
        or not all(isinstance(b, int) and not isinstance(b, bool) for b in raw_zone)
        or not MIN_CAP_BPM <= raw_zone[0] < raw_zone[1] <= MAX_CAP_BPM
    ):
        error(
            (*at, "hr_zone_bpm"),
            f"hr_zone_bpm must be [low, high], whole numbers with {MIN_CAP_BPM} ≤ low < high "
            f"≤ {MAX_CAP_BPM}, not {raw_zone!r}"[:200],
        )
        return None, None
    hr_max: float | None = None
    if raw_max is not None:
        if isinstance(raw_max, bool) or not isinstance(raw_max, int | float):
            error((*at, "hr_max_kmh"), f"hr_max_kmh must be a number, not {raw_max!r}"[:200])
            return None, None
        hr_max = check_speed(float(raw_max), Direction.FORWARD, (*at, "hr_max_kmh"))
        if hr_max is None:
            return None, None
        if speed is not None and hr_max < speed:
            error((*at, "hr_max_kmh"), f"hr_max_kmh {hr_max:g} is below the phase's speed")
            return None, None
    return (raw_zone[0], raw_zone[1]), hr_max


def hr_follow_items(phase: Phase) -> dict[str, object]:
    """The phase's zone keys as written back (none without a zone)."""
    if phase.hr_zone_bpm is None:
        return {}
    return {"hr_zone_bpm": list(phase.hr_zone_bpm), "hr_max_kmh": phase.hr_max_kmh}
