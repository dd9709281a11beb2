"""Progression: after a completed session, which preset to do next.

Backward running is learned by making the blocks *longer* first, then adding *more* blocks —
never by running faster backward. So the suggestion is, in this order:

1. a preset of the same track with the same number of backward blocks, longer ones (the
   shortest such step);
2. otherwise one with more blocks, none of them shorter (the smallest such step);
3. otherwise (the top of the ladder, or a user's own preset off the ladder) the same preset
   with its backward blocks lengthened, or one more block, built on the fly (not saved).

A candidate whose fastest backward speed is above the completed preset's is never suggested.

Only a *complete* session moves the runner on (``statistics.SessionStatistics.complete``: it
finished with every phase done, none skipped): a backward block skipped is not a block done,
and after any early end the suggestion is the same preset again (``repeat_after``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from treadmill_ctl.session.plan import Phase, PhaseKind, Repeat, Step
from treadmill_ctl.session.presets import Preset
from treadmill_ctl.texts import Text, tr
from treadmill_ctl.units import Direction

BLOCK_LADDER_S: Final = (20.0, 30.0, 45.0, 60.0, 90.0, 120.0)
MAX_GENERATED_BLOCKS: Final = 12


@dataclass(frozen=True, slots=True)
class BackwardLoad:
    """What a preset asks of a backward runner."""

    blocks: int
    block_s: float  # the longest backward phase
    speed_kmh: float  # the fastest backward phase

    @classmethod
    def of(cls, preset: Preset, backward_default_kmh: float) -> BackwardLoad:
        plan = preset.to_plan()
        return cls(
            plan.backward_blocks,
            plan.longest_backward_s(),
            plan.max_backward_kmh(backward_default_kmh),
        )


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The next preset (``None``: nothing to suggest) and why, in a runner's words.
    ``generated`` presets are not in the library; the GUI can offer to save them."""

    preset: Preset | None
    reason: str
    generated: bool = False


_REPEAT_WHY: Final[dict[str, Text]] = {
    "skipped": tr("You skipped part of it"),
    "stopped_by_machine": tr("The treadmill stopped it"),
    "link_lost": tr("The connection was lost"),
    "error": tr("An error ended it"),
}


def repeat_after(last: Preset, reason: str) -> Suggestion:
    """After a session of ``last`` that was not complete — ``reason`` is the summary's
    ``progressionReason``: "skipped" or the engine's end reason — the same preset again."""
    why = _REPEAT_WHY.get(reason, tr("You stopped before the end"))
    return Suggestion(
        last, tr("{why}: do “{name}” again before moving on.", why=why, name=last.name)
    )


def suggest_next(
    last: Preset, library: Sequence[Preset], *, backward_default_kmh: float = 3.0
) -> Suggestion:
    """The preset to do after completing ``last`` (see the module docstring)."""
    done = BackwardLoad.of(last, backward_default_kmh)
    if done.blocks == 0:
        return Suggestion(None, tr("This session had no backward blocks: nothing to progress."))
    pool = [
        (p, BackwardLoad.of(p, backward_default_kmh))
        for p in library
        if p.id != last.id and (not last.track or p.track == last.track)
    ]
    pool = [
        (p, load) for p, load in pool if load.blocks > 0 and load.speed_kmh <= done.speed_kmh + 1e-9
    ]
    longer = [
        (p, load) for p, load in pool if load.blocks == done.blocks and load.block_s > done.block_s
    ]
    if longer:
        p, load = min(longer, key=lambda item: (item[1].block_s, item[0].level or 0))
        return Suggestion(
            p,
            tr(
                "Next: longer blocks — {blocks} × {seconds} s backward (you did {done} × "
                "{done_s} s), same speed.",
                blocks=load.blocks,
                seconds=f"{load.block_s:g}",
                done=done.blocks,
                done_s=f"{done.block_s:g}",
            ),
        )
    more = [
        (p, load) for p, load in pool if load.blocks > done.blocks and load.block_s >= done.block_s
    ]
    if more:
        p, load = min(more, key=lambda item: (item[1].blocks, item[1].block_s))
        return Suggestion(
            p,
            tr(
                "Next: more blocks — {blocks} × {seconds} s backward (you did {done} × "
                "{done_s} s), same speed.",
                blocks=load.blocks,
                seconds=f"{load.block_s:g}",
                done=done.blocks,
                done_s=f"{done.block_s:g}",
            ),
        )
    generated = _lengthened(last) or _one_more_block(last)
    if generated is not None:
        new = BackwardLoad.of(generated, backward_default_kmh)
        return Suggestion(
            generated,
            tr(
                "Next: {blocks} × {seconds} s backward (you did {done} × {done_s} s), same speed.",
                blocks=new.blocks,
                seconds=f"{new.block_s:g}",
                done=done.blocks,
                done_s=f"{done.block_s:g}",
            ),
            generated=True,
        )
    return Suggestion(
        None,
        tr(
            "You are at the top of this progression: repeat it, or raise the backward speed "
            "yourself in small steps."
        ),
    )


def _next_block_s(current: float) -> float | None:
    for rung in BLOCK_LADDER_S:
        if rung > current + 1e-9:
            return rung
    return None


def _lengthened(last: Preset) -> Preset | None:
    """``last`` with each backward phase one rung longer on the ladder (speed unchanged)."""
    changed = False

    def longer(phase: Phase) -> Phase:
        nonlocal changed
        if phase.direction is not Direction.BACKWARD:
            return phase
        new_s = _next_block_s(phase.duration_s)
        if new_s is None:
            return phase
        changed = True
        return dataclasses.replace(phase, duration_s=new_s)

    steps: list[Step] = []
    for step in last.steps:
        if isinstance(step, Repeat):
            steps.append(Repeat(step.times, tuple(longer(p) for p in step.phases)))
        else:
            steps.append(longer(step))
    if not changed:
        return None
    return _derived(last, tuple(steps), "longer blocks")


def _one_more_block(last: Preset) -> Preset | None:
    """``last`` with its backward repeat group done once more."""
    steps = list(last.steps)
    for i, step in enumerate(steps):
        if (
            isinstance(step, Repeat)
            and any(p.kind is PhaseKind.BACKWARD for p in step.phases)
            and step.times < MAX_GENERATED_BLOCKS
        ):
            steps[i] = Repeat(step.times + 1, step.phases)
            return _derived(last, tuple(steps), "one more block")
    return None


def _derived(last: Preset, steps: tuple[Step, ...], what: str) -> Preset:
    return dataclasses.replace(
        last,
        id="",
        name=f"{last.name} — {what}",
        steps=steps,
        builtin=False,
        path=None,
        level=(last.level + 1) if last.level is not None else None,
        description=f"{last.description}\n\n(Suggested after “{last.name}”: {what}.)".strip(),
        warnings=(),
    )
