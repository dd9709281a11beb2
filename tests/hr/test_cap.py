"""The heart-rate cap policy: slows to the turning speed during a backward block above the cap,
never asks for more speed, ignores unknown heart rates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treadmill_ctl.hr.cap import HeartRateCap, HeartRateCapAction


def test_above_cap_while_backward_slows_after_a_second_of_readings() -> None:
    cap = HeartRateCap(160)
    assert not cap.check(165, "backward", 10.0).slows  # one reading could be a spike
    decision = cap.check(166, "backward", 11.0)  # a 1 Hz strap's next reading: confirmed
    assert decision.slows
    assert "166 bpm" in decision.message
    assert "160" in decision.message
    assert "turning speed" in decision.message


def test_one_spike_repeated_in_4_hz_treadmill_records_is_not_enough() -> None:
    cap = HeartRateCap(165)
    # A treadmill repeats its 1 Hz heart rate in every 4 Hz record: one value of 190 is four
    # records within 0.75 s, then the real value again.
    for i in range(4):
        assert not cap.check(190, "backward", 100.0 + i * 0.25).slows
    assert not cap.check(150, "backward", 101.0).slows
    # Two values in a row above the cap (more than a second): confirmed.
    for i in range(4):
        assert not cap.check(190, "backward", 102.0 + i * 0.25).slows
    assert cap.check(191, "backward", 103.0).slows


def test_forward_phases_are_never_slowed() -> None:
    cap = HeartRateCap(150)
    for t in range(10):
        assert cap.check(190, "forward", float(t)).action is HeartRateCapAction.NONE


def test_at_or_below_cap_and_unknown_hr_do_nothing() -> None:
    cap = HeartRateCap(150, confirm_s=0.0)
    assert not cap.check(150, "backward", 0.0).slows
    assert not cap.check(None, "backward", 1.0).slows  # strap lost: never a reason to act


def test_stays_slowed_for_the_rest_of_the_block_and_resets_after() -> None:
    cap = HeartRateCap(150, confirm_s=0.0)
    assert cap.check(155, "backward", 0.0).slows
    # HR falls under the cap again inside the same block: still no speed-up.
    assert cap.check(140, "backward", 1.0).slows
    assert cap.triggered
    assert not cap.check(140, "forward", 2.0).slows
    assert not cap.triggered
    assert not cap.check(140, "backward", 3.0).slows


def test_interrupted_run_above_cap_needs_a_fresh_confirmation() -> None:
    cap = HeartRateCap(150, confirm_s=2.0)
    cap.check(160, "backward", 0.0)
    cap.check(160, "backward", 1.0)
    cap.check(140, "backward", 2.0)  # back under: the time starts again
    assert not cap.check(160, "backward", 3.0).slows
    assert not cap.check(160, "backward", 4.0).slows
    assert cap.check(160, "backward", 5.0).slows


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
    for t, (hr, direction) in enumerate(readings):
        decision = cap.check(hr, direction, float(t))
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
