"""The SILENCE rule of the safety audit (``safety_audit``): the treadmill must keep talking.

From the record alone (the data events, the state events, the commands that reached the
machine), independent of the engine's code:

- no speed increase is written while the data is stale: older than ``max(2 s, 3 × the record
  interval measured so far)`` since the later of the last data record and the last Start (a
  Start gives the belt that long to report), plus the audit's grace;
- no Start is written while the belt was last reported moving and that report is stale;
- a belt last reported moving, in a state where the session drives it (ramping, running a
  phase, slowing to turn, finishing), that goes silent longer than the limit + 5 s gets a STOP
  (or a pause) written by then, or the session leaves those states (a pause, a link loss...).
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections.abc import Sequence
from typing import Final, Protocol

__all__ = ["SILENCE_GIVE_UP_S", "silence_violations", "stale_limit"]

SILENCE_MIN_S: Final = 2.0
SILENCE_RECORDS: Final = 3
SILENCE_GIVE_UP_S: Final = 5.0  # safety.md: "still silent 5 s later: STOP"
_GRACE_S: Final = 0.3  # a tick of the engine's clock, a command on its way
_STILL_KMH: Final = 0.05
_DRIVEN: Final = frozenset({"ramping", "running_phase", "slowing_to_turn", "finishing"})
_INTERVALS: Final = 9


class _Command(Protocol):
    @property
    def t(self) -> float: ...
    @property
    def op(self) -> str: ...
    @property
    def value(self) -> float | None: ...


def stale_limit(data_times: Sequence[float], upto: int) -> float:
    """The limit after the first ``upto`` records: max(2 s, 3 × their median interval)."""
    times = data_times[max(0, upto - _INTERVALS - 1) : upto]
    gaps = [b - a for a, b in itertools.pairwise(times) if b > a]
    return max(SILENCE_MIN_S, SILENCE_RECORDS * statistics.median(gaps)) if gaps else SILENCE_MIN_S


def _state_at(states: Sequence[tuple[float, str]], t: float) -> str:
    i = bisect.bisect_right(states, (t, "~")) - 1
    return states[i][1] if i >= 0 else "idle"


def silence_violations(
    data: Sequence[tuple[float, float]],
    states: Sequence[tuple[float, str]],
    cmds: Sequence[_Command],
    *,
    end_t: float | None,
    grace_s: float = 0.0,
) -> list[tuple[float, str]]:
    """(t, message) for each break of the rule (see the module docstring). ``data``: (t,
    reported speed), in order; ``states``: (t, state); ``cmds``: what reached the machine."""
    times = [t for t, _ in data]
    grace = _GRACE_S + grace_s
    out: list[tuple[float, str]] = []
    last_start: float | None = None
    last_set: float | None = None
    for c in sorted(cmds, key=lambda c: c.t):
        i = bisect.bisect_right(times, c.t) - 1
        limit = stale_limit(times, i + 1)
        last_data = times[i] if i >= 0 else None
        if c.op == "start":
            moving = i >= 0 and data[i][1] > _STILL_KMH
            if moving and last_data is not None and c.t - last_data > limit + grace:
                out.append((c.t, f"Start written {c.t - last_data:.2f} s after the last data"))
            last_start = c.t
        elif c.op == "set_speed" and c.value is not None:
            if last_set is not None and c.value > last_set + 1e-6:
                since = max(x for x in (last_data, last_start, -1e9) if x is not None)
                if c.t - since > limit + grace:
                    out.append(
                        (
                            c.t,
                            f"speed up to {c.value:.2f} km/h {c.t - since:.2f} s after the last "
                            f"data (stale after {limit:.2f} s)",
                        )
                    )
            last_set = c.value
        elif c.op in ("stop", "pause"):
            last_set = None
    stops = sorted(c.t for c in cmds if c.op in ("stop", "pause"))
    ends = [*times[1:], end_t if end_t is not None else times[-1] if times else 0.0]
    for i, ((t0, speed), t1) in enumerate(zip(data, ends, strict=False)):
        if speed <= _STILL_KMH or _state_at(states, t0) not in _DRIVEN:
            continue
        deadline = t0 + stale_limit(times, i + 1) + SILENCE_GIVE_UP_S + grace
        if t1 <= deadline:
            continue
        k = bisect.bisect_left(stops, t0)
        if k < len(stops) and stops[k] <= deadline:
            continue
        left = [s for t, s in states if t0 < t <= deadline and s not in _DRIVEN]
        if left:
            continue
        out.append(
            (
                deadline,
                f"no data for {t1 - t0:.2f} s from {t0:.2f} s with the belt reported at "
                f"{speed:.2f} km/h, and no STOP",
            )
        )
    return out
