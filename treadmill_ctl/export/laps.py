"""A recorded session cut into laps, one per phase: what the FIT and TCX writers share.

Lap *n* runs from its phase's start to the next phase's start (the first lap from the first
START, so the start countdown is in it; the last lap to the end of the record). Moving times,
distances and whether the phase was done are the session's statistics (``statistics.py``), so
the laps add up to the numbers the summary and the history show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from treadmill_ctl.history.model import (
    PhaseRecord,
    SampleRecord,
    SessionDetail,
)
from treadmill_ctl.history.totals import statistics_of
from treadmill_ctl.statistics import PhaseOutcome, SessionStatistics
from treadmill_ctl.statistics_totals import TotalsAccumulator
from treadmill_ctl.units import Direction

_KIND_NAMES = {
    "warmup": "Warm-up",
    "forward": "Forward run",
    "backward": "Backward block",
    "recovery": "Recovery",
    "cooldown": "Cool-down",
    "walk": "Walk",
}


@dataclass(frozen=True, slots=True)
class Lap:
    """One lap of an export."""

    number: int  # 1-based
    phase: PhaseRecord | None  # None: a session recorded before its first phase
    start_t: float
    end_t: float
    distance_m: float
    moving_s: float
    samples: tuple[SampleRecord, ...]
    name: str
    outcome: PhaseOutcome | None = None  # None: the lap of a session with no phase

    @property
    def direction(self) -> Direction:
        """Which way the runner faced in this lap."""
        return self.phase.direction if self.phase else Direction.FORWARD

    @property
    def kind(self) -> str:
        """The phase kind (warmup, forward, backward, recovery, cooldown, walk)."""
        return self.phase.kind if self.phase else "forward"

    @property
    def elapsed_s(self) -> float:
        """Wall time of the lap, stops included."""
        return max(0.0, self.end_t - self.start_t)

    @property
    def avg_speed_kmh(self) -> float:
        """Distance over moving time (0 for a lap that did not move)."""
        return self.distance_m / self.moving_s * 3.6 if self.moving_s > 0 else 0.0

    @property
    def max_speed_kmh(self) -> float:
        """Fastest reported belt speed in the lap."""
        return max((s.speed_kmh for s in self.samples if s.speed_kmh is not None), default=0.0)

    @property
    def avg_hr_bpm(self) -> int | None:
        """Mean heart rate of the lap's samples, None when unknown."""
        values = [s.hr_bpm for s in self.samples if s.hr_bpm is not None]
        return round(sum(values) / len(values)) if values else None

    @property
    def max_hr_bpm(self) -> int | None:
        """Highest heart rate of the lap's samples, None when unknown."""
        return max((s.hr_bpm for s in self.samples if s.hr_bpm is not None), default=None)


def build_laps(detail: SessionDetail, stats: SessionStatistics | None = None) -> list[Lap]:
    """One lap per recorded phase (at least one lap, even for a session cut off at once)."""
    stats = stats if stats is not None else statistics_of(detail)
    end = stats.end_t
    first_start = min(stats.start_t, end)
    phases = detail.phases
    if not phases:
        return [
            Lap(1, None, first_start, end, stats.distance_m, stats.moving_s, detail.samples, "")
        ]
    by_seq = {p.seq: p for p in stats.phases}
    laps: list[Lap] = []
    block = 0
    for i, phase in enumerate(phases):
        start = min(first_start, phase.start_t) if i == 0 else phase.start_t
        stop = phases[i + 1].start_t if i + 1 < len(phases) else max(end, phase.start_t)
        if phase.direction is Direction.BACKWARD:
            block += 1
        samples = tuple(s for s in detail.samples if start <= s.t < stop or (s.t == stop == end))
        numbers = by_seq.get(phase.seq)
        laps.append(
            Lap(
                number=i + 1,
                phase=phase,
                start_t=start,
                end_t=stop,
                distance_m=numbers.distance_m if numbers else 0.0,
                moving_s=numbers.moving_s if numbers else 0.0,
                samples=samples,
                name=lap_name(phase, block),
                outcome=numbers.outcome if numbers else None,
            )
        )
    # What was covered before the first phase (the belt does not move in the start countdown,
    # but a console may start it) is forward: it belongs to the first lap when that is forward.
    first = laps[0]
    if first.direction is Direction.FORWARD:
        before = stats.distance_m - sum(p.distance_m for p in stats.phases)
        moving_before = stats.moving_s - sum(p.moving_s for p in stats.phases)
        laps[0] = Lap(
            first.number,
            first.phase,
            first.start_t,
            first.end_t,
            first.distance_m + max(0.0, before),
            first.moving_s + max(0.0, moving_before),
            first.samples,
            first.name,
            first.outcome,
        )
    return laps


def outcome_words(outcome: PhaseOutcome | None) -> str:
    """ "done", "skipped", "cut short", "running" ("" for a lap of no phase)."""
    return outcome.value.replace("_", " ") if outcome is not None else ""


def lap_name(phase: PhaseRecord, block: int) -> str:
    """ "Backward block 2 3.0 km/h", "Walk (backward) 2.0 km/h", "Warm-up 5.0 km/h": every
    backward lap says so in its name."""
    base = _KIND_NAMES.get(phase.kind, phase.kind.capitalize() or "Phase")
    if phase.direction is Direction.BACKWARD:
        base = f"Backward block {block}" if phase.kind == "backward" else f"{base} (backward)"
    speed = f" {phase.target_speed_kmh:.1f} km/h" if phase.target_speed_kmh else ""
    return f"{base}{speed}"


def wall_time(detail: SessionDetail, t: float) -> datetime:
    """Wall-clock time of session time ``t`` (whole seconds: FIT and TCX stamp seconds). The
    session's wall-clock start is its first START (the app records from there)."""
    return detail.summary.started_at + timedelta(seconds=int(max(0.0, t - detail.summary.start_t)))


def cumulative_distances(samples: tuple[SampleRecord, ...]) -> list[float]:
    """The distance covered up to each sample, counted as the recorder counts it."""
    totals = TotalsAccumulator()
    out: list[float] = []
    for s in samples:
        totals.add(
            s.t,
            speed_kmh=s.speed_kmh,
            distance_m=s.distance_m,
            hr_bpm=None,
            phase_seq=None,
            direction=s.direction,
        )
        out.append(totals.forward_m + totals.backward_m)
    return out
