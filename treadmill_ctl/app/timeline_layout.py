"""How a plan's phases become the blocks of a coloured timeline (plain Python, no Qt).

One block per phase, as long as the plan has at most ``MAX_BLOCKS`` phases (every built-in
preset has fewer than 25). A longer plan (a preset may hold up to 1 000 steps within the TOML
limits, an imported workout more) is drawn with fewer blocks: first, neighbouring phases that
run the same way become one block; if there are still too many, neighbouring blocks are joined
in equal numbers, and a block holding both directions is ``"mixed"``. Every block keeps its
true start and length, so the blocks still fill the plan's time exactly.

Why: a timeline of 1 000 blocks drew at least 4 px each (a 2 px block and 2 px between), so it
ran out of its row at any window size, and the session screen rebuilt those 1 000 items while
the belt moved (each second's update stalled the loop 15-25 ms instead of ~4 ms).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Final

from treadmill_ctl.session.plan import Phase
from treadmill_ctl.units import Direction

MAX_BLOCKS: Final = 60
"""The most blocks a timeline draws (4 px each at least: 240 px, narrower than any row)."""

MIXED: Final = "mixed"
"""A block's direction when it holds forward and backward phases."""


@dataclass(frozen=True, slots=True)
class Block:
    """Phases ``first`` to ``stop - 1`` of the plan, drawn as one block."""

    first: int
    stop: int
    direction: str  # "forward", "backward" or MIXED
    start_s: float
    duration_s: float

    @property
    def phases(self) -> int:
        return self.stop - self.first


@dataclass(frozen=True, slots=True)
class TimelineLayout:
    """The blocks of one plan and where each phase falls in them."""

    blocks: tuple[Block, ...]
    phase_starts: tuple[float, ...]
    """Each phase's start, in seconds at speed from the plan's start."""
    phase_ends: tuple[float, ...]

    def block_of(self, phase_index: int) -> int:
        """The block holding phase ``phase_index`` (-1 for none: before the start, or an
        index outside the plan)."""
        if not 0 <= phase_index < len(self.phase_starts):
            return -1
        return bisect.bisect_right([b.first for b in self.blocks], phase_index) - 1

    def fraction(self, phase_index: int, phase_done: float) -> float:
        """How much of the block holding ``phase_index`` is done (0..1) when ``phase_done``
        (0..1) of that phase is: the timeline marker's place in its block (a phase made
        longer as it runs still fills only its own share of the block)."""
        at = self.block_of(phase_index)
        if at < 0:
            return 0.0
        block = self.blocks[at]
        if block.duration_s <= 0:
            return 0.0
        own = self.phase_ends[phase_index] - self.phase_starts[phase_index]
        done = self.phase_starts[phase_index] - block.start_s + min(max(phase_done, 0.0), 1.0) * own
        return min(max(done / block.duration_s, 0.0), 1.0)


def _direction(phases: tuple[Phase, ...], first: int, stop: int) -> str:
    ways = {phases[i].direction for i in range(first, stop)}
    if len(ways) > 1:
        return MIXED
    return str(next(iter(ways), Direction.FORWARD))


def _runs(phases: tuple[Phase, ...]) -> list[tuple[int, int]]:
    """Neighbouring phases that run the same way, as (first, stop) index pairs."""
    runs: list[tuple[int, int]] = []
    first = 0
    for i in range(1, len(phases) + 1):
        if i == len(phases) or phases[i].direction is not phases[first].direction:
            runs.append((first, i))
            first = i
    return runs


def layout(phases: tuple[Phase, ...], max_blocks: int = MAX_BLOCKS) -> TimelineLayout:
    """The timeline's blocks for ``phases``: one per phase up to ``max_blocks`` phases, fewer
    (joined as the module says) beyond."""
    starts: list[float] = []
    t = 0.0
    for phase in phases:
        starts.append(t)
        t += phase.duration_s
    if len(phases) <= max_blocks:
        spans = [(i, i + 1) for i in range(len(phases))]
    else:
        spans = _runs(phases)
        if len(spans) > max_blocks:
            per = math.ceil(len(spans) / max_blocks)
            spans = [
                (spans[i][0], spans[min(i + per, len(spans)) - 1][1])
                for i in range(0, len(spans), per)
            ]
    ends = [*starts[1:], t]
    blocks = tuple(
        Block(
            first,
            stop,
            _direction(phases, first, stop),
            starts[first],
            ends[stop - 1] - starts[first],
        )
        for first, stop in spans
    )
    return TimelineLayout(blocks, tuple(starts), tuple(ends))


_last: list[tuple[tuple[Phase, ...], TimelineLayout]] = []


def layout_of(phases: tuple[Phase, ...]) -> TimelineLayout:
    """``layout(phases)``, kept for the last plan asked about (the session screen asks once a
    second for the same plan; a plan's phases never change)."""
    if _last and _last[0][0] is phases:
        return _last[0][1]
    made = layout(phases)
    _last[:] = [(phases, made)]
    return made
