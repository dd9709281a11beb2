""" "Add N backward blocks of S seconds at the end": how backward running is learned, a few
short blocks at the end of easy runs, added to any preset or imported workout.

The blocks go after the last phase that is not a cool-down (so the run still cools down
last): ``N`` × (a backward block of ``S`` s at the default backward speed + an easy forward
recovery). The turn-arounds between them are the session's own (slow down, countdown, turn),
as in every preset. The result is checked as any preset.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.session.plan import Phase, PhaseKind, Repeat, Step
from treadmill_ctl.session.presets import Preset
from treadmill_ctl.settings import Settings

DEFAULT_BLOCKS: Final = 3  # the usual start is 2-4 blocks
DEFAULT_BLOCK_S: Final = 30.0
RECOVERY_S: Final = 60.0
RECOVERY_KMH: Final = 4.5
MAX_BLOCKS: Final = 10
MAX_BLOCK_S: Final = 300.0
_SPEC: Final = re.compile(r"\s*(\d{1,2})\s*(?:[x×]\s*(\d{1,3})\s*s?)?\s*")


@dataclasses.dataclass(frozen=True, slots=True)
class BackwardFinish:
    """How many backward blocks to add, and how long each is."""

    blocks: int = DEFAULT_BLOCKS
    block_s: float = DEFAULT_BLOCK_S


def parse_finish(text: str) -> BackwardFinish:
    """``"3"`` or ``"3x30"`` (blocks × seconds); ValueError with the reason otherwise."""
    m = _SPEC.fullmatch(text)
    if m is None:
        raise ValueError(f"{text!r}: give N or NxS (e.g. 3x30: three blocks of 30 s)")
    blocks = int(m.group(1))
    block_s = float(m.group(2)) if m.group(2) else DEFAULT_BLOCK_S
    if not 1 <= blocks <= MAX_BLOCKS or not 10 <= block_s <= MAX_BLOCK_S:
        raise ValueError(f"{text!r}: 1 to {MAX_BLOCKS} blocks of 10 to {MAX_BLOCK_S:g} s each")
    return BackwardFinish(blocks, block_s)


def add_backward_finish(preset: Preset, finish: BackwardFinish, settings: Settings) -> Preset:
    """The preset with the blocks added before its closing cool-down phases."""
    if finish.blocks < 1 or finish.block_s <= 0:
        raise FileFormatError(preset.name, None, "no backward blocks to add")
    steps = list(preset.steps)
    cut = len(steps)
    while cut > 0 and isinstance(steps[cut - 1], Phase) and _is_cooldown(steps[cut - 1]):
        cut -= 1
    group: Step = Repeat(
        finish.blocks,
        (
            Phase(PhaseKind.BACKWARD, finish.block_s, settings.backward_default_kmh),
            Phase(PhaseKind.RECOVERY, RECOVERY_S, min(RECOVERY_KMH, settings.forward_cap_kmh)),
        ),
    )
    added = f"{finish.blocks} × {finish.block_s:g} s backward at the end"
    description = f"{preset.description}\n{added}." if preset.description else f"{added}."
    return dataclasses.replace(
        preset,
        steps=(*steps[:cut], group, *steps[cut:]),
        description=description,
    )


def _is_cooldown(step: Step) -> bool:
    return isinstance(step, Phase) and step.kind is PhaseKind.COOLDOWN
