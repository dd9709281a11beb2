"""Progression: longer blocks first, then more blocks, never a faster backward speed."""

from __future__ import annotations

import dataclasses

from treadmill_ctl.session.plan import Phase, PhaseKind, Repeat
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.session.progression import BackwardLoad, repeat_after, suggest_next
from treadmill_ctl.settings import Settings


def test_the_builtin_ladder_lengthens_then_adds_blocks() -> None:
    library = PresetLibrary(Settings())
    path = ["first-steps"]
    preset = library.find("first-steps")
    while preset is not None and preset.builtin and len(path) < 12:
        suggestion = suggest_next(preset, library.presets)
        preset = suggestion.preset
        if preset is not None and preset.builtin:
            path.append(preset.id)
    assert path == [
        "first-steps",
        "four-by-thirty",
        "four-by-forty-five",
        "four-by-sixty",
        "four-by-ninety",
        "six-by-ninety",
        "eight-by-ninety-long",
    ]


def test_never_a_faster_backward_speed_and_a_generated_step_at_the_top() -> None:
    library = PresetLibrary(Settings())
    top = library.find("eight-by-ninety-long")
    assert top is not None
    faster = dataclasses.replace(
        top,
        id="faster",
        steps=(
            Repeat(10, (Phase(PhaseKind.BACKWARD, 120, 4.0), Phase(PhaseKind.RECOVERY, 60, 5.0))),
        ),
    )
    suggestion = suggest_next(top, [*library.presets, faster])
    assert suggestion.preset is not None
    assert suggestion.preset.id != "faster"
    assert suggestion.generated
    before, after = BackwardLoad.of(top, 3.0), BackwardLoad.of(suggestion.preset, 3.0)
    assert after.speed_kmh == before.speed_kmh
    assert after.block_s > before.block_s
    assert "longer" in suggestion.preset.name or after.blocks > before.blocks


def test_after_an_early_end_the_same_preset_again_and_why() -> None:
    preset = PresetLibrary(Settings()).find("four-by-thirty")
    assert preset is not None
    skipped = repeat_after(preset, "skipped")
    assert skipped.preset is preset
    assert skipped.reason == "You skipped part of it: do “Four by thirty” again before moving on."
    stopped = repeat_after(preset, "stopped_by_user")
    assert stopped.reason.startswith("You stopped before the end")
    assert repeat_after(preset, "link_lost").reason.startswith("The connection was lost")
