"""A session's record as the safety audit reads it (``SessionRecord``): the events checked
for form (rule RECORD) and normalised into reported speeds, announced directions, complete
countdowns, engine states and commands; the control-point writes decoded into the same
commands; and the questions the rules ask of them (the direction at a time, the speeds
reported in a span). The rules themselves are in ``safety_audit``.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from treadmill_ctl.proof.audit_model import AuditLimits, ControlWrite, Rule, TimedAction, Violation

__all__ = ["TICK_MIN_S", "T_EPS", "Cmd", "Countdown", "SessionRecord"]

T_EPS: Final = 0.0005  # event times are rounded to the millisecond
TICK_MIN_S: Final = 0.9  # countdown ticks are a second apart
_TICK_MAX_S: Final = 1.2

_REQUIRED: Final[dict[str, tuple[str, ...]]] = {
    "command": ("op", "value", "wire", "result"),
    "data": ("speed_kmh", "distance_m", "incline_pct", "hr_bpm"),
    "phase": ("index", "kind", "direction", "target_speed_kmh", "duration_s"),
    "countdown": ("remaining_s", "reason"),
    "state": ("state",),
    "cue": ("text",),
    "alert": ("level", "message"),
    "end": ("reason",),
    "hr": ("bpm",),
}
_STATES: Final = frozenset(
    {
        "idle",
        "starting_countdown",
        "ramping",
        "running_phase",
        "slowing_to_turn",
        "turn_countdown",
        "paused",
        "resume_countdown",
        "stopping",
        "finishing",
        "stopped",
        "finished",
        "link_lost",
    }
)
_END_REASONS: Final = frozenset(
    {"finished", "stopped_by_user", "stopped_by_machine", "link_lost", "error"}
)


@dataclass(frozen=True, slots=True)
class Cmd:
    """One command that reached the machine (or, without the writes, one recorded)."""

    t: float
    op: str  # request_control, reset, set_speed, set_incline, start, stop, pause, other
    value: float | None
    wire: str


@dataclass(frozen=True, slots=True)
class Countdown:
    """One complete countdown: N, N-1 ... 1 of one reason, a second apart."""

    first_t: float
    last_t: float  # time of the "1"
    reason: str


def _decode_write(w: ControlWrite, kmh_per_unit: float) -> Cmd:
    d = w.data
    wire = d.hex(" ")
    if not d:
        return Cmd(w.t, "other", None, wire)
    match d[0]:
        case 0x00:
            return Cmd(w.t, "request_control", None, wire)
        case 0x01:
            return Cmd(w.t, "reset", None, wire)
        case 0x02 if len(d) >= 3:
            value = int.from_bytes(d[1:3], "little") / 100 * kmh_per_unit
            return Cmd(w.t, "set_speed", value, wire)
        case 0x03:
            return Cmd(w.t, "set_incline", None, wire)
        case 0x07:
            return Cmd(w.t, "start", None, wire)
        case 0x08 if len(d) >= 2 and d[1] == 0x02:
            return Cmd(w.t, "pause", None, wire)
        case 0x08:
            return Cmd(w.t, "stop", None, wire)
        case _:
            return Cmd(w.t, "other", None, wire)


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


class SessionRecord:
    """One session's record, read (``read_events``) and asked (``commands``, ``direction_at``,
    ``data_between``, ``last_speed_before``); ``flag`` collects the violations found."""

    def __init__(
        self,
        events: Sequence[Mapping[str, Any]],
        limits: AuditLimits,
        actions: Sequence[TimedAction] | None,
        writes: Sequence[ControlWrite] | None,
        answer_grace_s: float,
    ) -> None:
        self.events = events
        self.limits = limits
        self.actions = sorted(actions or (), key=lambda a: a.t)
        self.actions_known = actions is not None
        self.writes = writes
        self.grace = 0.0 if writes is not None else answer_grace_s
        self.violations: list[Violation] = []
        self.counted: Counter[Rule] = Counter()

        self.data: list[tuple[float, float]] = []  # (t, reported speed)
        self.directions: list[tuple[float, str]] = []  # (t, direction) from cues and phases
        self.countdowns: list[Countdown] = []
        self.states: list[tuple[float, str]] = []
        self.first_phase_target: float | None = None
        self.end_t: float | None = None
        self.recorded: list[Cmd] = []

    def flag(self, rule: Rule, t: float, message: str) -> None:
        self.violations.append(Violation(rule, round(t, 3), message))

    def read_events(self) -> None:
        last_t = -math.inf
        ticks: list[tuple[float, int, str]] = []
        ends = 0
        for i, e in enumerate(self.events):
            kind = e.get("type")
            t = _num(e.get("t"))
            if t is None or kind not in _REQUIRED:
                self.flag(Rule.RECORD, last_t if t is None else t, f"event {i} malformed: {e}")
                continue
            missing = [k for k in _REQUIRED[kind] if k not in e]
            if missing:
                self.flag(Rule.RECORD, t, f"{kind} event {i} lacks {', '.join(missing)}")
                continue
            if t < last_t - 2 * T_EPS:
                self.flag(Rule.RECORD, t, f"event {i} goes back in time ({t} after {last_t})")
            last_t = max(last_t, t)
            if ends:
                self.flag(Rule.RECORD, t, f"{kind} event after the end event")
            match kind:
                case "data":
                    speed = _num(e["speed_kmh"])
                    if speed is not None:
                        self.data.append((t, speed))
                case "phase":
                    self.directions.append((t, str(e["direction"])))
                    if e["index"] == 0 and self.first_phase_target is None:
                        self.first_phase_target = _num(e["target_speed_kmh"])
                case "cue":
                    cue = str(e.get("cue", ""))
                    if cue.startswith("direction_"):
                        self.directions.append((t, cue.removeprefix("direction_")))
                case "countdown":
                    ticks.append((t, int(e["remaining_s"]), str(e["reason"])))
                case "state":
                    if e["state"] not in _STATES:
                        self.flag(Rule.RECORD, t, f"unknown state {e['state']!r}")
                    self.states.append((t, str(e["state"])))
                case "command":
                    if e["wire"]:
                        self.recorded.append(Cmd(t, str(e["op"]), _num(e["value"]), str(e["wire"])))
                case "end":
                    ends += 1
                    self.end_t = t
                    if e["reason"] not in _END_REASONS:
                        self.flag(Rule.RECORD, t, f"unknown end reason {e['reason']!r}")
        if ends != 1:
            self.flag(Rule.RECORD, last_t, f"{ends} end events (want exactly one, last)")
        self.countdowns = self._countdown_runs(ticks)

    def _countdown_runs(self, ticks: list[tuple[float, int, str]]) -> list[Countdown]:
        """Complete countdowns: N, N-1 ... 1 of one reason, a second apart."""
        runs: list[Countdown] = []
        run: list[tuple[float, int, str]] = []
        for tick in ticks:
            t, n, reason = tick
            if run:
                pt, pn, preason = run[-1]
                if reason == preason and n == pn - 1 and TICK_MIN_S <= t - pt <= _TICK_MAX_S:
                    run.append(tick)
                else:
                    run = []
            if not run:
                run = [tick] if n == self.limits.countdown_for(reason) else []
            if run and run[-1][1] == 1:
                runs.append(Countdown(run[0][0], run[-1][0], reason))
                run = []
        return runs

    def commands(self) -> list[Cmd]:
        if self.writes is None:
            return self.recorded
        cmds = [_decode_write(w, self.limits.write_kmh_per_unit) for w in self.writes]
        return sorted(cmds, key=lambda c: c.t)

    def direction_at(self, t: float) -> tuple[str, str]:
        """(latest announced direction, the most cautious one of the latest cue and phase)."""
        i = bisect.bisect_right(self.directions, (t + T_EPS, "~")) - 1
        if i < 0:
            return "forward", "forward"
        latest = self.directions[i][1]
        # The latest phase event and the latest cue may disagree around a turn: cap by both.
        seen = {d for _, d in self.directions[max(0, i - 1) : i + 1]}
        cautious = "backward" if "backward" in seen else latest
        return latest, cautious

    def data_between(self, a: float, b: float) -> list[tuple[float, float]]:
        lo = bisect.bisect_left(self.data, (a, -math.inf))
        hi = bisect.bisect_right(self.data, (b, math.inf))
        return self.data[lo:hi]

    def last_speed_before(self, t: float) -> float | None:
        i = bisect.bisect_right(self.data, (t, math.inf)) - 1
        return self.data[i][1] if i >= 0 else None
