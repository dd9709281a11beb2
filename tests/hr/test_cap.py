"""The heart-rate cap policy: slows to the turning speed during a backward block above the cap,
never asks for more speed, ignores unknown heart rates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treadmill_ctl.hr.cap import HeartRateCap, HeartRateCapAction


def test_above_cap_while_backward_slows_after_confirmation() -> None:
    cap = HeartRateCap(160)
    assert not cap.check(165, "backward").slows  # one reading could be a spike
    decision = cap.check(166, "backward")
    assert decision.slows
    assert "166 bpm" in decision.message
    assert "160" in decision.message
    assert "turning speed" in decision.message


def test_forward_phases_are_never_slowed() -> None:
    cap = HeartRateCap(150)
    for _ in range(10):
        assert cap.check(190, "forward").action is HeartRateCapAction.NONE


def test_at_or_below_cap_and_unknown_hr_do_nothing() -> None:
    cap = HeartRateCap(150, confirm_readings=1)
    assert not cap.check(150, "backward").slows
    assert not cap.check(None, "backward").slows  # strap lost: never a reason to act


def test_stays_slowed_for_the_rest_of_the_block_and_resets_after() -> None:
    cap = HeartRateCap(150, confirm_readings=1)
    assert cap.check(155, "backward").slows
    # HR falls under the cap again inside the same block: still no speed-up.
    assert cap.check(140, "backward").slows
    assert cap.triggered
    assert not cap.check(140, "forward").slows
    assert not cap.triggered
    assert not cap.check(140, "backward").slows


def test_interrupted_run_above_cap_needs_a_fresh_confirmation() -> None:
    cap = HeartRateCap(150, confirm_readings=3)
    cap.check(160, "backward")
    cap.check(160, "backward")
    cap.check(140, "backward")  # back under: the count starts again
    assert not cap.check(160, "backward").slows
    assert not cap.check(160, "backward").slows
    assert cap.check(160, "backward").slows


@given(
    readings=st.lists(
        st.tuples(st.none() | st.integers(0, 255), st.sampled_from(["forward", "backward"])),
        max_size=60,
    ),
    cap_bpm=st.integers(60, 230),
)
def test_never_an_action_that_raises_speed(
    readings: list[tuple[int | None, str]], cap_bpm: int
) -> None:
    cap = HeartRateCap(cap_bpm)
    for hr, direction in readings:
        decision = cap.check(hr, direction)
        assert decision.action in (
            HeartRateCapAction.NONE,
            HeartRateCapAction.SLOW_TO_TURNING_SPEED,
        )
        if direction == "forward" or (hr is None and not cap.triggered):
            assert not decision.slows


@pytest.mark.parametrize("bad", [0, 59, 231])
def test_cap_outside_plausible_range_is_refused(bad: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        HeartRateCap(bad)
