"""A recorded session cut into laps, one per phase: what the FIT and TCX writers share.

Lap *n* runs from its phase's start to the next phase's start (the first lap from the session
start, so the start countdown is in it; the last lap to the end of the record). Distances and
moving times are the recorder's totals for the phase, so the laps add up to the session's
totals exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from treadmill_ctl.history.model import PhaseRecord, SampleRecord, SessionDetail
from treadmill_ctl.history.totals import TotalsAccumulator
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


def build_laps(detail: SessionDetail) -> list[Lap]:
    """One lap per recorded phase (at least one lap, even for a session cut off at once)."""
    end = detail.summary.duration_s
    phases = detail.phases
    if not phases:
        return [
            Lap(1, None, 0.0, end, detail.summary.distance_m, _moving(detail), detail.samples, "")
        ]
    laps: list[Lap] = []
    block = 0
    for i, phase in enumerate(phases):
        start = 0.0 if i == 0 else phase.start_t
        stop = phases[i + 1].start_t if i + 1 < len(phases) else max(end, phase.start_t)
        if phase.direction is Direction.BACKWARD:
            block += 1
        samples = tuple(s for s in detail.samples if start <= s.t < stop or (s.t == stop == end))
        laps.append(
            Lap(
                number=i + 1,
                phase=phase,
                start_t=start,
                end_t=stop,
                distance_m=phase.distance_m,
                moving_s=phase.moving_s,
                samples=samples,
                name=lap_name(phase, block),
            )
        )
    # What was covered before the first phase (start countdown) belongs to the first lap.
    before = detail.summary.distance_m - sum(p.distance_m for p in phases)
    moving_before = _moving(detail) - sum(p.moving_s for p in phases)
    first = laps[0]
    laps[0] = Lap(
        first.number,
        first.phase,
        first.start_t,
        first.end_t,
        first.distance_m + max(0.0, before),
        first.moving_s + max(0.0, moving_before),
        first.samples,
        first.name,
    )
    return laps


def lap_name(phase: PhaseRecord, block: int) -> str:
    """ "Backward block 2 3.0 km/h", "Walk (backward) 2.0 km/h", "Warm-up 5.0 km/h": every
    backward lap says so in its name."""
    base = _KIND_NAMES.get(phase.kind, phase.kind.capitalize() or "Phase")
    if phase.direction is Direction.BACKWARD:
        base = f"Backward block {block}" if phase.kind == "backward" else f"{base} (backward)"
    speed = f" {phase.target_speed_kmh:.1f} km/h" if phase.target_speed_kmh else ""
    return f"{base}{speed}"


def wall_time(detail: SessionDetail, t: float) -> datetime:
    """Wall-clock time of session time ``t`` (whole seconds: FIT and TCX stamp seconds)."""
    return detail.summary.started_at + timedelta(seconds=int(t))


def _moving(detail: SessionDetail) -> float:
    return detail.summary.forward_s + detail.summary.backward_s


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
