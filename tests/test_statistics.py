"""The session statistics (treadmill_ctl/statistics.py): each number a user sees, defined once,
from the session's events. Pure: events are written out by hand or by the sample sessions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from treadmill_ctl.history import HistoryStore, SessionHeader
from treadmill_ctl.history.recorder import record_events
from treadmill_ctl.history.totals import statistics_of
from treadmill_ctl.proof.sample_sessions import FOUR_BY_THIRTY, plan_json, sample_events
from treadmill_ctl.statistics import (
    PhaseOutcome,
    SessionTally,
    clock_text,
    plural,
    statistics_of_events,
)


@pytest.fixture
def store() -> Iterator[HistoryStore]:
    """The history database in the test's data directory."""
    with HistoryStore.open() as s:
        yield s


def phase(t: float, index: int, kind: str, duration_s: float) -> dict[str, Any]:
    direction = "backward" if kind == "backward" else "forward"
    return {
        "t": t,
        "type": "phase",
        "index": index,
        "kind": kind,
        "direction": direction,
        "duration_s": duration_s,
    }


def state(t: float, name: str) -> dict[str, Any]:
    return {"t": t, "type": "state", "state": name}


def data(t: float, kmh: float, metres: float | None = None) -> dict[str, Any]:
    return {"t": t, "type": "data", "speed_kmh": kmh, "distance_m": metres}


def belt(t0: float, t1: float, kmh: float, step: float = 0.25) -> Iterator[dict[str, Any]]:
    t = t0
    while t < t1 - 1e-9:
        yield data(round(t, 3), kmh)
        t += step


def test_a_block_skipped_just_before_its_end_is_not_done() -> None:
    # 29.5 of 30 s at speed, then skip: the old rule (90 % of the planned time with the belt
    # moving, ramps included) called it done.
    events = [
        state(0, "idle"),
        state(0, "starting_countdown"),
        state(5, "ramping"),
        phase(5, 0, "backward", 30),
        *belt(5, 11, 1.5),
        state(11, "running_phase"),
        *belt(11, 40.5, 3.0),
        state(40.5, "ramping"),
        phase(40.5, 1, "recovery", 10),
        *belt(40.5, 41, 3.0),
        state(41, "running_phase"),
        *belt(41, 51, 3.0),
        state(51, "finished"),
        {"t": 51, "type": "end", "reason": "finished"},
    ]
    stats = statistics_of_events(events, phases_planned=2, blocks_planned=1)
    block, recovery = stats.phases
    assert block.at_speed_s == pytest.approx(29.5)
    assert block.moving_s == pytest.approx(35.5)  # the ramp counts as time moving backward
    assert block.outcome is PhaseOutcome.SKIPPED
    assert not block.done
    assert recovery.done
    assert stats.blocks_done == 0
    assert stats.phases_skipped == 1
    assert not stats.complete
    assert stats.ended_early
    assert stats.why == ("1 phase skipped",)
    assert stats.backward_s == pytest.approx(35.5)
    assert stats.forward_s == pytest.approx(10.25)  # the last record ends the last interval
    assert stats.moving_s == stats.forward_s + stats.backward_s


def test_a_pause_holds_the_phase_clock_and_a_resume_is_the_same_phase() -> None:
    tally = SessionTally(phases_planned=1, blocks_planned=1)
    for event in [
        state(0, "starting_countdown"),
        phase(5, 0, "backward", 20),
        state(5, "running_phase"),
        state(15, "paused"),
        state(45, "resume_countdown"),
        phase(50, 0, "backward", 20),  # announced again after the resume: not a new phase
        state(50, "running_phase"),
        state(60.0, "finishing"),
        {"t": 62, "type": "end", "reason": "finished"},
    ]:
        tally.add(event)
    stats = tally.statistics()
    (only,) = stats.phases
    assert only.at_speed_s == pytest.approx(20)
    assert only.done
    assert stats.complete
    assert stats.why == ()
    assert stats.blocks_done == 1
    assert stats.total_s == 62  # from the first START: pauses count in the total time


def test_total_time_starts_at_the_first_start_not_on_the_ready_screen() -> None:
    events = [
        state(0, "idle"),  # the preset chosen; the runner presses START two minutes later
        state(120, "starting_countdown"),
        phase(125, 0, "warmup", 60),
        state(125, "running_phase"),
        state(150, "stopping"),
        state(152, "stopped"),
        {"t": 152, "type": "end", "reason": "stopped_by_user"},
    ]
    stats = statistics_of_events(events, phases_planned=3)
    assert stats.total_s == 32
    assert stats.phases[0].outcome is PhaseOutcome.CUT_SHORT
    assert stats.why_text == "Stopped by you"


def test_a_session_that_never_started_has_no_time_and_does_not_count() -> None:
    stats = statistics_of_events(
        [state(0, "idle"), {"t": 30, "type": "end", "reason": "stopped_by_user"}]
    )
    assert not stats.started
    assert stats.total_s == 0
    assert stats.moving_s == 0
    assert not stats.counts


def test_words_plural_and_clock() -> None:
    assert plural(1, "block") == "1 block"
    assert plural(0, "block") == "0 blocks"
    assert plural(2, "phase") == "2 phases"
    assert clock_text(56.5) == "0:57"  # halves up, as on every screen and file
    assert clock_text(59.49) == "0:59"
    assert clock_text(3600) == "1:00:00"


@pytest.mark.parametrize(
    ("ending", "cut"), [("finished", None), ("stopped_by_user", 400.0), (None, 300.0)]
)
def test_the_history_gives_what_the_live_events_give(
    store: HistoryStore, ending: str | None, cut: float | None
) -> None:
    # 4 Hz records, stored thinned to 1 Hz: the stored totals are the tally's own.
    events = list(sample_events(FOUR_BY_THIRTY, end_reason=ending, stop_at_t=cut))
    plan = plan_json(FOUR_BY_THIRTY)
    header = SessionHeader(datetime(2026, 1, 5, 9, 0).astimezone(), plan=plan)
    session_id = record_events(store, header, events).session_id
    live = statistics_of_events(events, phases_planned=len(FOUR_BY_THIRTY), blocks_planned=4)
    stored = statistics_of(store.get_session(session_id))
    assert stored.to_json() == live.to_json()
    assert [p.to_json() for p in stored.phases] == [p.to_json() for p in live.phases]
    summary = store.get_summary(session_id)
    assert summary.blocks_done == live.blocks_done
    assert summary.duration_s == pytest.approx(live.total_s)


def test_a_snapshot_of_the_running_totals_keeps_them_as_they_were() -> None:
    """The history's batch keeps a snapshot of the totals at each commit: records counted after
    it (more of the same phase, a new phase, the other direction) leave it as it was."""
    from treadmill_ctl.statistics_totals import TotalsAccumulator

    totals = TotalsAccumulator()
    for t in range(11):
        totals.add(
            float(t), speed_kmh=3.6, distance_m=None, hr_bpm=120, phase_seq=1, direction="backward"
        )
    kept = totals.snapshot()
    for t in range(11, 31):
        totals.add(
            float(t), speed_kmh=7.2, distance_m=None, hr_bpm=150, phase_seq=2, direction="forward"
        )
    assert (kept.backward_s, kept.backward_m, kept.forward_s) == pytest.approx((10.0, 10.0, 0.0))
    assert kept.phase_moving_s == pytest.approx({1: 10.0})
    assert kept.phase_distance_m == pytest.approx({1: 10.0})
    assert (kept.hr_max, kept.speed_max) == (120, 3.6)
    assert totals.phase_moving_s == pytest.approx({1: 11.0, 2: 19.0})
    # It goes on from where it was taken, as the tally did.
    kept.add(11.0, speed_kmh=3.6, distance_m=None, hr_bpm=None, phase_seq=1, direction="backward")
    assert kept.phase_moving_s == pytest.approx({1: 11.0})
