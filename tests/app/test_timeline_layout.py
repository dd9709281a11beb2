"""The coloured timeline's blocks (app/timeline_layout.py): one per phase for a plan of usual
length, fewer for a long one, always filling the plan's time, with the marker where the runner
is."""

from __future__ import annotations

import pytest

from treadmill_ctl.app.preset_rows import timeline_segments
from treadmill_ctl.app.session_presenter import present
from treadmill_ctl.app.timeline_layout import MAX_BLOCKS, MIXED, TimelineLayout, layout
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings

FWD = PhaseKind.FORWARD
BACK = PhaseKind.BACKWARD


def alternating(n: int, length_s: float = 60.0) -> tuple[Phase, ...]:
    return tuple(
        Phase(FWD, length_s, 4.0) if i % 2 == 0 else Phase(BACK, length_s, 2.5) for i in range(n)
    )


def assert_fills_the_plan(drawn: TimelineLayout, phases: tuple[Phase, ...]) -> None:
    """Every phase in exactly one block, in order; the blocks end to end over the plan."""
    covered = [i for b in drawn.blocks for i in range(b.first, b.stop)]
    assert covered == list(range(len(phases)))
    t = 0.0
    for block in drawn.blocks:
        assert block.start_s == pytest.approx(t)
        assert block.duration_s == pytest.approx(
            sum(p.duration_s for p in phases[block.first : block.stop])
        )
        t += block.duration_s
    assert t == pytest.approx(sum(p.duration_s for p in phases))


def test_a_plan_of_usual_length_has_one_block_per_phase() -> None:
    phases = (
        Phase(PhaseKind.WARMUP, 300, 4.0),
        *alternating(20, 30.0),
        Phase(PhaseKind.COOLDOWN, 120, 3.0),
    )
    drawn = layout(phases)
    assert [b.phases for b in drawn.blocks] == [1] * len(phases)
    assert [b.direction for b in drawn.blocks] == [str(p.direction) for p in phases]
    assert_fills_the_plan(drawn, phases)


def test_a_long_plan_joins_neighbours_that_run_the_same_way() -> None:
    # 100 phases: ten runs of five, forward and backward in turn (speeds differ within a run).
    phases = tuple(
        Phase(FWD if (i // 5) % 2 == 0 else BACK, 30 + i, 3.0 + (i % 5) * 0.1) for i in range(100)
    )
    drawn = layout(phases)
    assert [b.phases for b in drawn.blocks] == [5] * 20
    assert [b.direction for b in drawn.blocks] == ["forward", "backward"] * 10
    assert MIXED not in {b.direction for b in drawn.blocks}
    assert_fills_the_plan(drawn, phases)


@pytest.mark.parametrize("n", [MAX_BLOCKS + 1, 999, 1000, 5000])
def test_a_plan_of_thousands_of_turns_is_drawn_in_at_most_max_blocks(n: int) -> None:
    phases = alternating(n)
    drawn = layout(phases)
    assert len(drawn.blocks) <= MAX_BLOCKS
    # Blocks of both ways (a lone last phase may stay one way).
    assert sum(b.direction == MIXED for b in drawn.blocks) >= len(drawn.blocks) - 1
    assert_fills_the_plan(drawn, phases)


def test_a_thousand_phases_one_way_are_one_block() -> None:
    phases = tuple(Phase(FWD, 60, 4.0 + (i % 3) * 0.5) for i in range(1000))
    drawn = layout(phases)
    assert [(b.first, b.stop, b.direction) for b in drawn.blocks] == [(0, 1000, "forward")]


@pytest.mark.parametrize("n", [7, 100, 1000])
def test_the_marker_stands_at_the_runners_time_in_the_plan(n: int) -> None:
    """Wherever the blocks join phases, the marker's place (a block's start plus its share of
    the block) is the time the runner has done at speed."""
    phases = tuple(Phase(FWD if (i // 3) % 2 == 0 else BACK, 20 + i % 7, 3.0) for i in range(n))
    drawn = layout(phases)
    start = 0.0
    for index, phase in enumerate(phases):
        for done in (0.0, 0.4, 1.0):
            block = drawn.blocks[drawn.block_of(index)]
            marker = block.start_s + drawn.fraction(index, done) * block.duration_s
            assert marker == pytest.approx(start + done * phase.duration_s)
        start += phase.duration_s
    assert drawn.block_of(-1) == -1
    assert drawn.block_of(n) == -1
    assert drawn.fraction(-1, 0.5) == 0.0


def test_the_presets_rows_and_the_session_screen_draw_the_same_blocks() -> None:
    phases = alternating(1000)
    segments = timeline_segments(phases, 2.5, "kmh")
    assert len(segments) <= MAX_BLOCKS
    assert sum(s["fraction"] for s in segments) == pytest.approx(1.0)
    assert sum(s["phases"] for s in segments) == 1000
    assert segments[0]["label"] == "17 phases"
    assert segments[0]["speed"] == "2.5–4.0 km/h"
    assert segments[0]["kind"] == MIXED
    session = present(None, plan=Plan("Long", phases), link=None, settings=Settings())["phase"]
    assert [(b["direction"], b["duration"]) for b in session["timeline"]] == [
        (s["direction"], s["duration"]) for s in segments
    ]
    assert session["timelineTotal"] == pytest.approx(60_000.0)


def test_a_usual_presets_blocks_keep_each_phases_words() -> None:
    phases = (Phase(PhaseKind.WARMUP, 300, 4.0), Phase(BACK, 30, 2.5))
    segments = timeline_segments(phases, 2.5, "kmh")
    assert [(s["kind"], s["speed"], s["durationText"], s["phases"]) for s in segments] == [
        ("warmup", "4.0 km/h", "5:00", 1),
        ("backward", "2.5 km/h", "0:30", 1),
    ]
