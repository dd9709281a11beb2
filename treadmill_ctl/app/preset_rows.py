"""Presets as the screens show them (plain Python, no Qt): rows for the presets list and the
coloured timeline of a plan's phases, with every number already formatted."""

from __future__ import annotations

from typing import Any

from treadmill_ctl.app.formatting import (
    duration_text,
    speed_text,
    speed_unit_label,
)
from treadmill_ctl.app.timeline_layout import MIXED, layout
from treadmill_ctl.session.estimate import estimate_plan, estimate_text
from treadmill_ctl.session.plan import Phase
from treadmill_ctl.session.presets import Preset
from treadmill_ctl.settings import Settings
from treadmill_ctl.texts import tr
from treadmill_ctl.units import Direction


def timeline_segments(
    phases: tuple[Phase, ...], backward_default_kmh: float, unit: str
) -> list[dict[str, Any]]:
    """The coloured timeline's blocks (one per phase, fewer for a long plan: timeline_layout):
    ``direction`` ("mixed" for a block of both), ``kind``, ``label``, ``fraction`` of the whole
    time (they add up to 1), ``start`` fraction, ``speed`` text, ``duration`` in s and
    ``durationText``, and ``phases`` (how many it holds)."""
    total = sum(p.duration_s for p in phases)
    if total <= 0:
        return []
    segments: list[dict[str, Any]] = []
    for block in layout(phases).blocks:
        held = phases[block.first : block.stop]
        speeds = sorted(
            {p.speed_kmh if p.speed_kmh is not None else backward_default_kmh for p in held}
        )
        speed = speed_text(speeds[0], unit)
        if len(speeds) > 1:
            speed = f"{speed}–{speed_text(speeds[-1], unit)}"
        kinds = {p.kind for p in held}
        segments.append(
            {
                "direction": block.direction,
                "kind": held[0].kind.value if len(kinds) == 1 else MIXED,
                "label": held[0].label if block.phases == 1 else tr("{n} phases", n=block.phases),
                "fraction": block.duration_s / total,
                "start": block.start_s / total,
                "speed": f"{speed} {speed_unit_label(unit)}",
                "duration": block.duration_s,
                "durationText": duration_text(block.duration_s),
                "phases": block.phases,
            }
        )
    return segments


def preset_row(preset: Preset, settings: Settings) -> dict[str, Any]:
    """What the presets list shows for one preset (all text already formatted)."""
    unit = settings.speed_unit.value
    plan = preset.to_plan()
    blocks = plan.backward_blocks
    backward_speed = plan.max_backward_kmh(settings.backward_default_kmh)
    return {
        "id": preset.id,
        "name": preset.name,
        "description": preset.description,
        "builtin": preset.builtin,
        "totalS": plan.total_s,
        "backwardS": plan.backward_s,
        # The whole session with its turn-arounds, ramps and countdowns (session/estimate.py);
        # the time at speed alone is "atSpeed".
        "total": estimate_text(estimate_plan(plan, settings).total_s),
        "atSpeed": duration_text(plan.total_s),
        "backward": duration_text(plan.backward_s),
        "blocks": blocks,
        "blocksText": _blocks_text(plan.phases),
        "blocksShort": _blocks_short(plan.phases),  # "4 × 0:30": the backward tile says the rest
        "backwardSpeed": speed_text(backward_speed, unit) if blocks else "–",
        "speedUnit": speed_unit_label(unit),
        "segments": timeline_segments(plan.phases, settings.backward_default_kmh, unit),
        "warnings": [w.reason for w in preset.warnings],
    }


def _blocks_short(phases: tuple[Phase, ...]) -> str:
    lengths = sorted({p.duration_s for p in phases if p.direction is Direction.BACKWARD})
    count = sum(1 for p in phases if p.direction is Direction.BACKWARD)
    if not lengths:
        return ""
    if len(lengths) == 1:
        return f"{count} × {duration_text(lengths[0])}"
    return f"{count} × {duration_text(lengths[0])}–{duration_text(lengths[-1])}"


def _blocks_text(phases: tuple[Phase, ...]) -> str:
    backward = [p for p in phases if p.direction is Direction.BACKWARD]
    if not backward:
        return tr("no backward blocks")
    lengths = sorted({p.duration_s for p in backward})
    if len(lengths) == 1:
        return tr("{n} × {time} backward", n=len(backward), time=duration_text(lengths[0]))
    shortest, longest = duration_text(lengths[0]), duration_text(lengths[-1])
    return tr(
        "{n} backward blocks ({shortest}–{longest})",
        n=len(backward),
        shortest=shortest,
        longest=longest,
    )
