"""Which heart rate is shown and recorded: the strap's while fresh, else the treadmill's."""

from __future__ import annotations

from treadmill_ctl.hr.source import HeartRateSource, HeartRateSourceKind


def test_strap_wins_while_fresh_then_the_treadmill_takes_over() -> None:
    source = HeartRateSource(fresh_s=5.0)
    source.treadmill(0.0, 95)
    assert source.current(0.0) == (95, HeartRateSourceKind.TREADMILL)
    source.strap(1.0, 120)
    source.treadmill(1.5, 96)
    assert source.current(2.0) == (120, HeartRateSourceKind.STRAP)
    assert source.strap_is_fresh(6.0)
    source.treadmill(7.0, 97)  # the strap went quiet (lost): 6 s without a reading
    assert source.current(7.0) == (97, HeartRateSourceKind.TREADMILL)
    assert not source.strap_is_fresh(7.0)


def test_strap_without_contact_falls_back_to_the_treadmill() -> None:
    source = HeartRateSource()
    source.treadmill(0.0, 90)
    source.strap(0.5, None)  # contact lost: the strap sends no usable value
    assert source.current(1.0) == (90, HeartRateSourceKind.TREADMILL)


def test_nothing_known() -> None:
    source = HeartRateSource()
    assert source.current(3.0) == (None, HeartRateSourceKind.NONE)
    source.treadmill(0.0, None)  # a machine without a heart-rate field
    assert source.current(1.0) == (None, HeartRateSourceKind.NONE)
