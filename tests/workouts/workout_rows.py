"""Shared pieces of the workout import/export tests (sample files, phase rows)."""

from __future__ import annotations

from pathlib import Path

from treadmill_ctl.session.plan import Phase
from treadmill_ctl.session.presets import Preset
from treadmill_ctl.settings import Settings

SAMPLES = Path(__file__).parent.parent / "data" / "workouts"


def phase_rows(preset: Preset, settings: Settings) -> list[tuple[object, ...]]:
    """What a runner gets from each phase: kind, direction, label, duration, speed, incline."""
    return [_row(p, settings) for p in preset.phases]


def _row(p: Phase, settings: Settings) -> tuple[object, ...]:
    speed = p.speed_kmh if p.speed_kmh is not None else settings.backward_default_kmh
    return (p.kind, p.direction, p.label, p.duration_s, round(speed, 2), p.incline_pct)
