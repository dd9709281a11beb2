"""Every number a user sees about a session, defined once (docs/statistics.md).

The summary screen, the history (list, detail, weekly totals, ``treadmill-ctl history``), the
progression and the FIT/TCX laps all read a ``SessionStatistics``. It is made by one
``SessionTally`` from the session's events — the objects of the events file, as the engine
emits them live and as the history records them — so a session on the summary screen and the
same session read back from the history give the same numbers.

Definitions (``t`` is session time):

- **total time**: from the first START (its countdown included) to the end of the session,
  without the time the session stood waiting for a START (``stopped``, or ``idle`` after a
  reconnect): pauses, the slow-down of a STOP, turn-arounds and countdowns count; waiting before
  the first START, or stopped before a restart (or before END), does not. The session screen's
  live elapsed time is this number at the current instant (``SessionTally.total_s_at``).
- **time moving**: the belt moved: the time from one Treadmill Data record to the next counts
  when the first reported more than ``MOVING_KMH`` and they are at most ``MAX_GAP_S`` apart
  (both in ``statistics_totals``, which counts them).
- **forward / backward time**: time moving, split by the way the runner faces: each interval
  belongs to the phase in effect at its start, so ramps up, the slow-down before a turn and the
  final slow-down count in the direction the runner faced during them. Forward + backward =
  time moving.
- **distance per direction**: the machine's distance counter over the same intervals (a counter
  that goes back was reset: counted again from 0); without a counter, speed × time.
- **time at speed** (per phase): the engine's phase clock: time in ``running_phase`` while the
  phase is in effect. Planned durations are times at speed.
- **done**: a phase whose time at speed reached its planned time (``DONE_TOLERANCE_S`` for the
  rounding of event times). **skipped**: left for another phase before that. **cut short**:
  the session ended during it. A skipped phase is never done.
- **blocks done / planned**: backward phases done / backward phases in the plan.
- **complete**: the session finished with no phase skipped; anything else **ended early**, and
  ``why`` says how ("stopped by you", "1 phase skipped"...).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from treadmill_ctl.statistics_totals import BACKWARD, FORWARD, StoredTotals, TotalsAccumulator
from treadmill_ctl.texts import Text, join, tr

DONE_TOLERANCE_S: Final = 0.05
"""Event times are rounded to 1 ms: a phase whose time at speed is this close to its planned
time ran all of it."""

RUNNING_STATE: Final = "running_phase"
IDLE_STATE: Final = "idle"
FINISHED: Final = "finished"
WAITING_STATES: Final = frozenset({IDLE_STATE, "stopped"})
"""States in which the session waits for a START: their time is not total time."""

_END_WORDS: Final[dict[str | None, str]] = {
    "stopped_by_user": "stopped by you",
    "stopped_by_machine": "stopped by the treadmill",
    "link_lost": "the connection was lost",
    "error": "ended by an error",
    None: "the recording stops without an end",
}
# The same, as the first words of ``why_text`` (translatable: the screens show it).
_END_LINES: Final[dict[str | None, Text]] = {
    "stopped_by_user": tr("Stopped by you"),
    "stopped_by_machine": tr("Stopped by the treadmill"),
    "link_lost": tr("The connection was lost"),
    "error": tr("Ended by an error"),
    None: tr("The recording stops without an end"),
}


def clock_text(seconds: float) -> str:
    """A statistic's time as every screen, file and command shows it: whole seconds, halves
    rounded up, ``m:ss`` (``h:mm:ss`` from one hour)."""
    whole = max(0, math.floor(seconds + 0.5)) if math.isfinite(seconds) else 0
    h, rest = divmod(whole, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 block", "0 blocks", "2 phases": a count with its noun in the right number."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


class PhaseOutcome(enum.StrEnum):
    """How a phase that began ended (phases never reached are not listed)."""

    DONE = "done"  # its whole planned time at speed
    SKIPPED = "skipped"  # left for another phase before that
    CUT_SHORT = "cut_short"  # the session ended during it
    RUNNING = "running"  # the record stops during it and the session has not ended


@dataclass(frozen=True, slots=True)
class PhaseStatistics:
    """One phase as it happened. ``direction`` is "forward" or "backward"."""

    seq: int  # order of appearance in the session
    index: int  # the phase's index in the plan
    kind: str
    direction: str
    planned_s: float | None
    start_t: float
    end_t: float | None
    at_speed_s: float
    moving_s: float
    distance_m: float
    outcome: PhaseOutcome

    @property
    def done(self) -> bool:
        """It ran its whole planned time at speed."""
        return self.outcome is PhaseOutcome.DONE

    def to_json(self) -> dict[str, Any]:
        """The phase as ``history show --json`` prints it."""
        return {
            "index": self.index,
            "kind": self.kind,
            "direction": self.direction,
            "planned_s": self.planned_s,
            "start_t": self.start_t,
            "end_t": self.end_t,
            "at_speed_s": round(self.at_speed_s, 1),
            "moving_s": round(self.moving_s, 1),
            "distance_m": round(self.distance_m, 1),
            "outcome": self.outcome.value,
            "done": self.done,
        }


@dataclass(frozen=True, slots=True)
class SessionStatistics:
    """The numbers of one session (see the module docstring for each definition)."""

    started: bool  # a START happened
    start_t: float  # session time of the first START (0 when none)
    end_t: float  # session time of the end (or of the last thing recorded)
    total_s: float
    moving_s: float
    forward_s: float
    backward_s: float
    forward_m: float
    backward_m: float
    blocks_done: int
    blocks_planned: int
    phases_planned: int
    phases: tuple[PhaseStatistics, ...]
    end_reason: str | None  # the engine's end reason; None: no end (yet)

    @property
    def distance_m(self) -> float:
        """Both directions."""
        return self.forward_m + self.backward_m

    @property
    def phases_skipped(self) -> int:
        """Phases left before their planned time at speed was up."""
        return sum(1 for p in self.phases if p.outcome is PhaseOutcome.SKIPPED)

    @property
    def blocks_skipped(self) -> int:
        """Backward phases skipped."""
        return sum(
            1 for p in self.phases if p.outcome is PhaseOutcome.SKIPPED and p.direction == BACKWARD
        )

    @property
    def phases_done(self) -> int:
        """Phases that ran their whole planned time at speed."""
        return sum(1 for p in self.phases if p.done)

    @property
    def complete(self) -> bool:
        """Finished with no phase skipped: the only session shown as "Session complete"."""
        return is_complete(self.end_reason, self.phases_skipped)

    @property
    def ended_early(self) -> bool:
        """Not complete (skipped phases, a stop, a lost link, an error, no end)."""
        return not self.complete

    @property
    def why(self) -> tuple[str, ...]:
        """Why the session ended early, in words (empty when complete)."""
        if self.complete:
            return ()
        out: list[str] = []
        if self.end_reason != FINISHED:
            out.append(_END_WORDS.get(self.end_reason, self.end_reason or ""))
        if self.phases_skipped:
            out.append(f"{plural(self.phases_skipped, 'phase')} skipped")
        return tuple(w for w in out if w)

    @property
    def why_text(self) -> str:
        """``why`` as one line, first letter capitalised: "Stopped by you · 1 phase skipped"
        (a ``Text``: the screens translate it)."""
        if self.complete:
            return ""
        parts: list[str] = []
        if self.end_reason != FINISHED:
            parts.append(_END_LINES.get(self.end_reason) or self.end_reason or "")
        n = self.phases_skipped
        if n:
            parts.append(tr("1 phase skipped") if n == 1 else tr("{n} phases skipped", n=n))
        return join([p for p in parts if p], " · ")

    @property
    def counts(self) -> bool:
        """The belt moved in it: only such sessions count in weekly totals (a session with no
        START or no time moving is not a session the runner did)."""
        return counts_in_totals(self.moving_s)

    def to_json(self) -> dict[str, Any]:
        """The numbers as ``history show --json`` prints them (``statistics``)."""
        return {
            "total_s": round(self.total_s, 1),
            "moving_s": round(self.moving_s, 1),
            "forward_s": round(self.forward_s, 1),
            "backward_s": round(self.backward_s, 1),
            "forward_distance_m": round(self.forward_m, 1),
            "backward_distance_m": round(self.backward_m, 1),
            "distance_m": round(self.distance_m, 1),
            "blocks_done": self.blocks_done,
            "blocks_planned": self.blocks_planned,
            "phases_planned": self.phases_planned,
            "phases_done": self.phases_done,
            "phases_skipped": self.phases_skipped,
            "complete": self.complete,
            "ended_early": self.ended_early,
            "why": list(self.why),
        }


def is_complete(end_reason: str | None, phases_skipped: int) -> bool:
    """The one rule for "Session complete": the engine finished the plan and no phase was
    skipped. Anything else ended early (the summary, the history list and detail, the CLI)."""
    return end_reason == FINISHED and phases_skipped == 0


def counts_in_totals(moving_s: float) -> bool:
    """Whether a session with ``moving_s`` of time moving counts as a session in totals."""
    return moving_s > 0.0


def total_time_s(first_start_t: float | None, end_t: float, waited_s: float = 0.0) -> float:
    """Total time: from the first START to the end, less ``waited_s`` spent waiting for a
    START since (stopped); 0 when the session never started."""
    if first_start_t is None:
        return 0.0
    return max(0.0, end_t - first_start_t - waited_s)


def planned_counts(plan: object) -> tuple[int, int]:
    """(phases, backward blocks) of a plan as the history stores it: a JSON object with a
    ``phases`` list whose items carry a ``direction`` (the app's) or only a ``kind`` (a
    headless run's; only "backward" phases run backward). (0, 0) when it cannot tell."""
    phases = plan.get("phases") if isinstance(plan, Mapping) else None
    if not isinstance(phases, list):
        return 0, 0
    blocks = sum(
        1
        for p in phases
        if isinstance(p, Mapping) and p.get("direction", p.get("kind")) == BACKWARD
    )
    return len(phases), blocks


@dataclass(slots=True)
class _Phase:
    seq: int
    index: int
    kind: str
    direction: str
    planned_s: float | None
    start_t: float
    end_t: float | None = None
    at_speed_s: float = 0.0
    left: bool = False  # another phase followed it


class SessionTally:
    """Builds a session's ``SessionStatistics`` from its events, in order.

    Feed events-file dicts with ``add`` (the live summary does), or the typed calls ``data``,
    ``phase``, ``state`` and ``end`` (the history's recorder does, with the heart rate it
    chose); read ``statistics()`` at any point. ``phases_planned``/``blocks_planned`` come
    from the plan (the events do not carry them)."""

    def __init__(self, *, phases_planned: int = 0, blocks_planned: int = 0) -> None:
        self.totals = TotalsAccumulator()
        self._phases_planned = phases_planned
        self._blocks_planned = blocks_planned
        self._phases: list[_Phase] = []
        self._first_start_t: float | None = None
        self._waiting_since: float | None = None  # stopped since (after the first START)
        self._waited_s = 0.0  # time stopped before that (not total time)
        self._running_since: float | None = None
        self._last_t = 0.0
        self._end: tuple[float, str] | None = None
        self._stored: StoredTotals | None = None

    # ---------------------------------------------------------------- feeding

    def add(self, event: Mapping[str, Any]) -> None:
        """One event as the events file has it (``{"t", "type", ...}``); other types and
        events without a time are ignored."""
        t = _number(event.get("t"))
        if t is None:
            return
        kind = event.get("type")
        if kind == "data":
            self.data(
                t,
                speed_kmh=_number(event.get("speed_kmh")),
                distance_m=_number(event.get("distance_m")),
                hr_bpm=_int(event.get("hr_bpm")),
            )
        elif kind == "phase":
            self.phase(
                t,
                index=_int(event.get("index")) or 0,
                kind=str(event.get("kind", "")),
                direction=BACKWARD if event.get("direction") == BACKWARD else FORWARD,
                planned_s=_number(event.get("duration_s")),
            )
        elif kind == "state":
            self.state(t, str(event.get("state", "")))
        elif kind == "end":
            self.end(t, str(event.get("reason", "error")))
        else:
            self.seen(t)

    def data(
        self,
        t: float,
        *,
        speed_kmh: float | None,
        distance_m: float | None,
        hr_bpm: int | None = None,
    ) -> None:
        """A Treadmill Data record: counted in the current phase's direction."""
        current = self.current_phase
        self.totals.add(
            t,
            speed_kmh=speed_kmh,
            distance_m=distance_m,
            hr_bpm=hr_bpm,
            phase_seq=current.seq if current is not None else None,
            direction=current.direction if current is not None else FORWARD,
        )
        self.seen(t)

    def phase(
        self,
        t: float,
        *,
        index: int,
        kind: str,
        direction: str,
        planned_s: float | None,
    ) -> int | None:
        """A phase event. Returns the new phase's ``seq``, or None when it is the current
        phase again (a resume or a restart: not a new phase)."""
        self.seen(t)
        current = self.current_phase
        if current is not None and current.index == index and current.kind == kind:
            return None
        if current is not None:
            self._clock(t)
            current.end_t = t
            current.left = True
        phase = _Phase(len(self._phases), index, kind, str(direction), planned_s, t)
        self._phases.append(phase)
        return phase.seq

    def state(self, t: float, state: str) -> None:
        """A state event: the phase clock runs in ``running_phase``."""
        self.seen(t)
        if self._first_start_t is None and state != IDLE_STATE:
            self._first_start_t = t
        if self._first_start_t is not None and self._end is None:
            if state in WAITING_STATES:
                if self._waiting_since is None:
                    self._waiting_since = t
            elif self._waiting_since is not None:
                self._waited_s += max(0.0, t - self._waiting_since)
                self._waiting_since = None
        if state == RUNNING_STATE:
            if self._running_since is None:
                self._running_since = t
        else:
            self._clock(t)
            self._running_since = None

    def end(self, t: float, reason: str) -> None:
        """The session ended (the last event)."""
        self.seen(t)
        if self._end is not None:
            return
        self._clock(t)
        self._running_since = None
        current = self.current_phase
        if current is not None and current.end_t is None:
            current.end_t = t
        self._end = (t, reason)

    def seen(self, t: float) -> None:
        """Something was recorded at ``t`` (the end of the record, while there is no end)."""
        self._last_t = max(self._last_t, t)

    def use_totals(self, totals: StoredTotals) -> None:
        """Take time moving and distances from the history's stored totals (written from
        this tally's own ``TotalsAccumulator`` at the full data rate) instead of records."""
        self._stored = totals

    # ---------------------------------------------------------------- reading

    @property
    def current_phase(self) -> _Phase | None:
        """The phase in effect (the last one begun)."""
        return self._phases[-1] if self._phases else None

    @property
    def blocks_done(self) -> int:
        """Backward phases done so far."""
        return sum(1 for p in self._outcomes() if p.done and p.direction == BACKWARD)

    def total_s_at(self, t: float) -> float:
        """Total time at session time ``t`` (the live elapsed time; after the end, the end's:
        it stands still once the session ended, and while it is stopped)."""
        if self._end is not None:
            t = self._end[0]
        waited = self._waited_s
        if self._waiting_since is not None:
            waited += max(0.0, t - self._waiting_since)
        return total_time_s(self._first_start_t, t, waited)

    def statistics(self) -> SessionStatistics:
        """The numbers so far (final after ``end``)."""
        phases = self._outcomes()
        end_t = self._end[0] if self._end is not None else self._last_t
        if self._stored is not None:
            s = self._stored
            forward_s, backward_s, forward_m, backward_m = (
                s.forward_s,
                s.backward_s,
                s.forward_m,
                s.backward_m,
            )
        else:
            tot = self.totals
            forward_s, backward_s = tot.forward_s, tot.backward_s
            forward_m, backward_m = tot.forward_m, tot.backward_m
        return SessionStatistics(
            started=self._first_start_t is not None,
            start_t=self._first_start_t or 0.0,
            end_t=end_t,
            total_s=self.total_s_at(end_t),
            moving_s=forward_s + backward_s,
            forward_s=forward_s,
            backward_s=backward_s,
            forward_m=forward_m,
            backward_m=backward_m,
            blocks_done=sum(1 for p in phases if p.done and p.direction == BACKWARD),
            blocks_planned=self._blocks_planned,
            phases_planned=self._phases_planned,
            phases=phases,
            end_reason=self._end[1] if self._end is not None else None,
        )

    # ---------------------------------------------------------------- helpers

    def _clock(self, t: float) -> None:
        """Credit the running phase clock up to ``t`` to the current phase."""
        current = self.current_phase
        if self._running_since is not None and current is not None:
            current.at_speed_s += max(0.0, t - self._running_since)
        if self._running_since is not None:
            self._running_since = t

    def _outcomes(self) -> tuple[PhaseStatistics, ...]:
        now = self._end[0] if self._end is not None else self._last_t
        moving = self._stored.phase_moving_s if self._stored else self.totals.phase_moving_s
        dist = self._stored.phase_distance_m if self._stored else self.totals.phase_distance_m
        out: list[PhaseStatistics] = []
        last_seq = len(self._phases) - 1
        for p in self._phases:
            at_speed = p.at_speed_s
            if p.seq == last_seq and self._running_since is not None:
                at_speed += max(0.0, now - self._running_since)
            if p.planned_s is not None and at_speed >= p.planned_s - DONE_TOLERANCE_S:
                outcome = PhaseOutcome.DONE
            elif p.left:
                outcome = PhaseOutcome.SKIPPED
            elif self._end is not None:
                outcome = PhaseOutcome.CUT_SHORT
            else:
                outcome = PhaseOutcome.RUNNING
            out.append(
                PhaseStatistics(
                    seq=p.seq,
                    index=p.index,
                    kind=p.kind,
                    direction=p.direction,
                    planned_s=p.planned_s,
                    start_t=p.start_t,
                    end_t=p.end_t,
                    at_speed_s=at_speed,
                    moving_s=moving.get(p.seq, 0.0),
                    distance_m=dist.get(p.seq, 0.0),
                    outcome=outcome,
                )
            )
        return tuple(out)


def statistics_of_events(
    events: Iterable[Mapping[str, Any]], *, phases_planned: int = 0, blocks_planned: int = 0
) -> SessionStatistics:
    """The statistics of a whole list of events (an events file)."""
    tally = SessionTally(phases_planned=phases_planned, blocks_planned=blocks_planned)
    for event in events:
        tally.add(event)
    return tally.statistics()


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def _int(value: object) -> int | None:
    f = _number(value)
    return round(f) if f is not None else None
