"""A recorded session's statistics, read back from the history.

The numbers themselves are defined once, in ``treadmill_ctl.statistics``: the recorder tallies
the live events with a ``SessionTally`` and stores its running totals; here the same tally is
rebuilt from the stored phases, state changes and end, with those stored totals (written at the
full data rate, where the stored samples are thinned to one a second). So the history says what
the summary screen said for the same session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from treadmill_ctl.history.model import PhaseRecord, SessionDetail, SessionSummary, StateRecord
from treadmill_ctl.notices import Notice, notices_of_events
from treadmill_ctl.statistics import SessionStatistics, SessionTally, planned_counts
from treadmill_ctl.statistics_totals import StoredTotals

__all__ = ["notices_of", "phases_skipped_of", "statistics_of"]


def statistics_of(detail: SessionDetail) -> SessionStatistics:
    """The statistics of a recorded session (as far as it was recorded)."""
    phases_planned, blocks_planned = planned_counts(detail.plan)
    tally = SessionTally(phases_planned=phases_planned, blocks_planned=blocks_planned)
    # The phases and state changes in the order the engine emitted them: at the same time a
    # state change came first (the engine enters "ramping", then announces the phase).
    timeline: list[tuple[float, int, int]] = [(s.t, 0, i) for i, s in enumerate(detail.states)]
    timeline += [(p.start_t, 1, i) for i, p in enumerate(detail.phases)]
    for _t, what, i in sorted(timeline):
        if what == 0:
            state = detail.states[i]
            tally.state(state.t, state.state)
        else:
            p = detail.phases[i]
            tally.phase(
                p.start_t,
                index=p.index,
                kind=p.kind,
                direction=p.direction.value,
                planned_s=p.planned_s,
            )
    s = detail.summary
    tally.use_totals(_stored_totals(s, detail))
    if s.ended_reason is not None:
        tally.end(s.end_t, s.ended_reason)
    else:
        tally.seen(s.end_t)
    return tally.statistics()


def phases_skipped_of(
    summary: SessionSummary, phases: Sequence[PhaseRecord], states: Sequence[StateRecord]
) -> int:
    """How many phases of a recorded session were skipped (for its list line: the samples,
    commands and alerts do not change it)."""
    detail = SessionDetail(summary, None, tuple(phases), states=tuple(states))
    return statistics_of(detail).phases_skipped


def _stored_totals(s: SessionSummary, detail: SessionDetail) -> StoredTotals:
    return StoredTotals(
        forward_s=s.forward_s,
        backward_s=s.backward_s,
        forward_m=s.forward_m,
        backward_m=s.backward_m,
        phase_moving_s={p.seq: p.moving_s for p in detail.phases},
        phase_distance_m={p.seq: p.distance_m for p in detail.phases},
    )


def notices_of(
    detail: SessionDetail, statistics: SessionStatistics | None = None
) -> tuple[Notice, ...]:
    """A recorded session's notices (notices.py), from the events rebuilt from what the
    history stored: its samples (the belt's speed), alerts (with their codes) and end."""
    events: list[tuple[float, int, dict[str, Any]]] = [
        (x.t, 0, {"t": x.t, "type": "data", "speed_kmh": x.speed_kmh}) for x in detail.samples
    ]
    events += [
        (
            a.t,
            1,
            {
                "t": a.t,
                "type": "alert",
                "level": a.level,
                "message": a.message,
                "code": a.code,
                "params": a.params,
            },
        )
        for a in detail.alerts
    ]
    s = detail.summary
    if s.ended_reason is not None:
        events.append((s.end_t, 2, {"t": s.end_t, "type": "end", "reason": s.ended_reason}))
    else:
        events.append((s.end_t, 2, {"t": s.end_t, "type": "seen"}))
    ordered = [e for _t, _k, e in sorted(events, key=lambda x: (x[0], x[1]))]
    return notices_of_events(
        ordered, statistics if statistics is not None else statistics_of(detail)
    )
