"""Audit one session against ../shared/docs/safety.md, from its events (the events file) and,
when known, from what actually reached the machine's control point.

    report = audit_session(events, limits, actions=actions, writes=writes)
    report.ok, report.violations

(the limits, actions, writes and the report are ``proof.audit_model``'s; the record is read by
``proof.audit_record``).

A pure function over plain data, independent of the engine's code: ``events`` are the dicts
of the events file (``SessionEvent.to_json()``), ``actions`` are what the user and the machine
did and when (session seconds), ``writes`` are the control-point writes as the machine received
them (session seconds, bytes). Without ``writes`` the audit uses the command events instead;
their ``t`` is the time the answer came, so the "after a hold" rules then allow
``answer_grace_s`` for a command that was already on the wire.

Rules (``Rule``):

- RECORD: every event well-formed, ``t`` never going back, exactly one ``end`` event and it is
  the last; every control-point write is in the record (except those still unanswered at the
  end).
- CAP: no set-point above the cap of the direction the runner faces, nor the machine's maximum,
  except one that slows a belt reported faster still (a console speed ramped down).
- RAMP: over any window of ``ramp_window_s`` (1 s) the set-point in effect moves by at most
  ``ramp × window + one machine step``; after a start an upward set-point is at most that far
  above the belt's last reported speed (or the machine's minimum): never chase a late belt.
- AHEAD: after a Start, a belt reported more than ``ramp × window + step + 0.3`` km/h above
  the highest set-point of its motion (e.g. a console resuming at a remembered speed) is
  stopped or paused within ``_AHEAD_GRACE_S``, never adopted.
- STILL: after a STOP or pause (the user's or the machine's), until the user starts or resumes,
  the reported speed never rises 0.3 km/h above its lowest since for a second.
- START: the first belt start comes after an explicit user start (its countdown: COUNTDOWN);
  the first set-point is no higher than the first phase's speed.
- COUNTDOWN: every Start (07) written to the machine follows a full countdown (N, N-1 ... 1,
  a second apart) since the belt last stopped or paused, ending at least ~1 s before it.
- TURN: between set-points facing different ways, the machine *reported* the belt at or below
  the turning speed, then a full countdown ran while it stayed there.
- HOLD: after the user's STOP or pause, a machine stop or pause, a link loss, or whenever the
  engine says it is stopping, stopped, paused or has lost the link, no Start or set-point is
  written until the user starts (after a stop) or resumes (after a pause) again. (A STOP the
  engine writes on its own, e.g. instead of a refused pause at a turn, holds the belt only
  through the state it leads to.)
- LINK: after a link loss, the first command that reaches the machine (after Request
  Control) is STOP.
- SILENCE: no speed increase or Start on stale data; a belt that goes silent while the session
  drives it is stopped within the limit + 5 s (``proof.silence_audit``).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from treadmill_ctl.proof.audit_model import (
    AuditLimits,
    AuditReport,
    ControlWrite,
    Rule,
    TimedAction,
)
from treadmill_ctl.proof.audit_record import T_EPS, TICK_MIN_S, Cmd, SessionRecord
from treadmill_ctl.proof.silence_audit import silence_violations

__all__ = ["audit_session"]

_KMH_EPS: Final = 0.02  # set-point rounding (0.01 km/h resolution, mph conversion)
_STILL_KMH: Final = 0.05  # a reported speed at or below this is a still belt
_MACHINE_GRACE_S: Final = 0.1  # the machine's notification is on its way: writes it crossed
_ANSWER_WINDOW_S: Final = 6.0  # a command's answer (or its timeout) comes within this
_RETRY_S: Final = 1.0  # a write refused with 0xFE ("procedure in progress") is retried within
_AHEAD_EXTRA_KMH: Final = 0.3  # a belt this far beyond the ramp's reach runs ahead of it
_AHEAD_GRACE_S: Final = 1.0  # ... and must be stopped (or paused) within this
_RISE_KMH: Final = 0.3  # a held belt rising this much above its lowest ...
_RISE_S: Final = 1.0  # ... for this long is moving again
_HOLD_DATA_GRACE_S: Final = 0.5  # records already on their way when a hold begins

_HOLD_STATES: Final = {
    "stopping": "stop",
    "stopped": "stop",
    "finished": "stop",
    "paused": "pause",
    "link_lost": "link",
}
_USER_GRACE_S: Final = 0.02  # a write already on the wire (its ATT write) when the key is pressed
_HOLD_ACTIONS: Final = {
    "stop": ("stop", _USER_GRACE_S),
    "pause": ("pause", _USER_GRACE_S),
    "safety-key": ("stop", _MACHINE_GRACE_S),
    "console-stop": ("stop", _MACHINE_GRACE_S),
    "console-pause": ("pause", _MACHINE_GRACE_S),
    "link-drop": ("link", 0.0),
}
_RELEASES: Final = {"start": {"stop", "pause", "link"}, "resume": {"pause", "link"}}


@dataclass(frozen=True, slots=True)
class _Hold:
    t: float
    kind: str  # stop, pause, link
    cause: str
    grace: float


class _Audit(SessionRecord):
    """The rules, checked on the record."""

    def check_record_writes(self) -> None:
        """Each write is matched with the first command event of the same bytes answered
        after it; a write with none is missing (unless it was still unanswered at the end).
        The same bytes written again at once (nothing between, within ``_RETRY_S``) are one
        command: the first write was refused at the ATT level (0xFE) and retried."""
        if self.writes is None or self.end_t is None:
            return
        settled = self.end_t - _ANSWER_WINDOW_S
        unmatched: dict[str, list[float]] = defaultdict(list)
        for c in self.recorded:
            unmatched[c.wire].append(c.t)
        cmds = self.commands()
        for c, nxt in zip(cmds, [*cmds[1:], None], strict=True):
            if nxt is not None and nxt.wire == c.wire and nxt.t - c.t <= _RETRY_S:
                continue
            answers = unmatched[c.wire]
            i = bisect.bisect_left(answers, c.t - T_EPS)
            if i < len(answers):
                del answers[i]
            elif c.t <= settled:
                self.flag(Rule.RECORD, c.t, f"control-point write {c.wire} missing from the record")

    def check_caps_and_ramp(self, cmds: list[Cmd]) -> None:
        lim = self.limits
        budget = lim.ramp_kmh_per_s * lim.ramp_window_s + lim.machine_step_kmh
        window = lim.ramp_window_s
        motion: list[tuple[float, float]] = []  # this motion's set-points (t, km/h)
        after_start = False
        # A stop or pause (the machine's too) or a link loss ends a motion like our own writes.
        breaks = sorted(h.t + h.grace for h in self.holds(cmds))  # writes it crossed: before
        last_t = -math.inf
        for c in cmds:
            if c.op in ("start", "stop", "pause", "reset"):
                motion = []
                after_start = c.op == "start"
                last_t = c.t
                continue
            if c.op != "set_speed" or c.value is None:
                continue
            i = bisect.bisect_left(breaks, last_t)
            if i < len(breaks) and breaks[i] < c.t:
                motion = []
                after_start = False
            last_t = c.t
            self.counted[Rule.CAP] += 1
            v = c.value
            latest, cautious = self.direction_at(c.t)
            cap = min(lim.cap(latest), lim.cap(cautious))
            # Above the cap only to slow a belt that runs faster still (the ramp down from a
            # speed the runner set on the console).
            belt = self.last_speed_before(c.t + T_EPS) or 0.0
            slowing = v < belt - _KMH_EPS
            if v > cap + _KMH_EPS and not slowing:
                self.flag(Rule.CAP, c.t, f"set-point {v:.2f} km/h above the {cautious} cap {cap}")
            if v > lim.machine_max_kmh + _KMH_EPS and not slowing:
                self.flag(Rule.CAP, c.t, f"set-point {v:.2f} above the machine's maximum")
            previous = motion[-1][1] if motion else None
            if after_start and (previous is None or v > previous + _KMH_EPS):
                base = max(lim.machine_min_kmh, belt)
                if v > base + budget + _KMH_EPS:
                    self.flag(
                        Rule.RAMP,
                        c.t,
                        f"set-point {v:.2f} km/h with the belt reported at {belt:.2f}: more than "
                        f"the ramp's {budget:.2f} above it (the ramp chases a belt that is not "
                        "there)",
                    )
            # The window rule: each set-point in effect at some instant of a window that also
            # holds this write (its successor came less than a window before it).
            for i, (t0, v0) in enumerate(motion):
                successor_t = motion[i + 1][0] if i + 1 < len(motion) else c.t
                if c.t - successor_t >= window - T_EPS:
                    continue
                self.counted[Rule.RAMP] += 1
                if abs(v - v0) > budget + _KMH_EPS:
                    self.flag(
                        Rule.RAMP,
                        c.t,
                        f"set-point {v0:.2f} (at {t0:.2f} s) -> {v:.2f} km/h within "
                        f"{window:g} s: a change of {abs(v - v0):.2f}, the ramp allows "
                        f"{budget:.2f}",
                    )
                    break
            motion.append((c.t, v))
            while len(motion) > 1 and c.t - motion[1][0] >= window:
                motion.pop(0)

    def check_ahead(self, cmds: list[Cmd]) -> None:
        """A belt reported well above every set-point of its motion is stopped at once."""
        lim = self.limits
        margin = lim.ramp_kmh_per_s * lim.ramp_window_s + lim.machine_step_kmh
        bounds = [0.0, *(c.t for c in cmds if c.op in ("stop", "pause", "reset"))]
        bounds.append(math.inf)
        for a, b in itertools.pairwise(bounds):
            inside = [c for c in cmds if a <= c.t < b]
            starts = [c.t for c in inside if c.op == "start"]
            if not starts:
                continue
            peak = lim.machine_min_kmh
            points = sorted((c.t, c.value or 0.0) for c in inside if c.op == "set_speed")
            k = 0
            for t, speed in self.data_between(starts[0], b):
                while k < len(points) and points[k][0] <= t + T_EPS:
                    peak = max(peak, points[k][1])
                    k += 1
                self.counted[Rule.AHEAD] += 1
                if speed > peak + margin + _AHEAD_EXTRA_KMH and b > t + _AHEAD_GRACE_S:
                    self.flag(
                        Rule.AHEAD,
                        t,
                        f"belt reported at {speed:.2f} km/h, ahead of the ramp (highest "
                        f"set-point {peak:.2f}), and not stopped within {_AHEAD_GRACE_S:g} s",
                    )
                    break

    def check_still(self, holds: list[_Hold]) -> None:
        """After a STOP or pause the belt does not move again before the user's start/resume."""
        for h in holds:
            if h.kind not in ("stop", "pause"):
                continue
            ends = [
                a.t
                for a in self.actions
                if a.t >= h.t - T_EPS and h.kind in _RELEASES.get(a.name, ())
            ]
            end = min(ends, default=math.inf)
            lowest = math.inf
            rising_since: float | None = None
            for t, speed in self.data_between(h.t + _HOLD_DATA_GRACE_S, end):
                self.counted[Rule.STILL] += 1
                lowest = min(lowest, speed)
                if speed <= lowest + _RISE_KMH:
                    rising_since = None
                    continue
                rising_since = t if rising_since is None else rising_since
                if t - rising_since >= _RISE_S:
                    self.flag(
                        Rule.STILL,
                        t,
                        f"the belt moves again at {speed:.2f} km/h {t - h.t:.2f} s after "
                        f"{h.cause} at {h.t:.2f} s with no user "
                        f"{'start' if h.kind == 'stop' else 'resume'}",
                    )
                    break

    def check_start(self, cmds: list[Cmd]) -> None:
        starts = [c for c in cmds if c.op == "start"]
        if not starts:
            return
        first = starts[0]
        if self.actions_known and not any(
            a.name == "start" and a.t <= first.t + T_EPS for a in self.actions
        ):
            self.flag(Rule.START, first.t, "the belt was started without a user start")
        speeds = [c for c in cmds if c.op == "set_speed" and c.value is not None]
        target = self.first_phase_target
        if speeds and target is not None and (speeds[0].value or 0.0) > target + _KMH_EPS:
            self.flag(
                Rule.START,
                speeds[0].t,
                f"first set-point {speeds[0].value:.2f} above the first phase's {target}",
            )

    def check_countdowns(self, cmds: list[Cmd]) -> None:
        since = 0.0  # the belt last stopped or paused (or the session began)
        needs = True
        for c in cmds:
            if c.op in ("stop", "pause", "reset"):
                since, needs = c.t, True
            elif c.op == "start" and needs:
                needs = False
                self.counted[Rule.COUNTDOWN] += 1
                ok = any(
                    cd.first_t >= since - T_EPS and cd.last_t <= c.t - TICK_MIN_S + self.grace
                    for cd in self.countdowns
                )
                if not ok:
                    self.flag(
                        Rule.COUNTDOWN,
                        c.t,
                        f"Start written without a full countdown since the belt stopped at "
                        f"{since:.2f} s",
                    )

    def check_turns(self, cmds: list[Cmd]) -> int:
        lim = self.limits
        limit = lim.turning_speed_kmh + _STILL_KMH
        prev: tuple[float, str] | None = None
        turns = 0
        for c in cmds:
            if c.op not in ("start", "set_speed"):
                continue
            direction, _ = self.direction_at(c.t)
            if prev is not None and direction != prev[1]:
                turns += 1
                self.counted[Rule.TURN] += 1
                self._check_one_turn(prev[0], c, prev[1], direction, limit)
            prev = (c.t, direction)
        return turns

    def _check_one_turn(self, t_prev: float, c: Cmd, was: str, now: str, limit: float) -> None:
        runs = [
            cd
            for cd in self.countdowns
            if cd.first_t > t_prev and cd.last_t <= c.t - TICK_MIN_S + self.grace
        ]
        what = f"turn {was} -> {now} at {c.t:.2f} s"
        if not runs:
            self.flag(Rule.TURN, c.t, f"{what}: no full countdown since the last set-point")
            return
        cd = runs[-1]
        before = self.data_between(t_prev, cd.first_t)
        if not before:
            self.flag(Rule.TURN, c.t, f"{what}: no reported belt speed before the countdown")
            return
        if before[-1][1] > limit:
            self.flag(
                Rule.TURN,
                c.t,
                f"{what}: countdown began with the belt reported at {before[-1][1]:.2f} km/h "
                f"(turning speed {limit:.2f} km/h)",
            )
        during = [s for _, s in self.data_between(cd.first_t, c.t - self.grace) if s > limit]
        if during:
            self.flag(
                Rule.TURN,
                c.t,
                f"{what}: belt reported at {max(during):.2f} km/h during the countdown",
            )

    def holds(self, cmds: list[Cmd]) -> list[_Hold]:
        holds: list[_Hold] = []
        for a in self.actions:
            if a.name in _HOLD_ACTIONS:
                kind, grace = _HOLD_ACTIONS[a.name]
                holds.append(_Hold(a.t, kind, a.name, grace))
        holds += [
            _Hold(t, _HOLD_STATES[s], f"state {s}", 0.0)
            for t, s in self.states
            if s in _HOLD_STATES
        ]
        return sorted(holds, key=lambda h: h.t)

    def released(self, hold: _Hold, by: float) -> bool:
        return any(
            hold.t - T_EPS <= a.t <= by + T_EPS and hold.kind in _RELEASES.get(a.name, ())
            for a in self.actions
        )

    def check_holds(self, cmds: list[Cmd], holds: list[_Hold]) -> None:
        for c in cmds:
            if c.op not in ("start", "set_speed"):
                continue
            for h in holds:
                if h.t + h.grace + self.grace + T_EPS >= c.t:  # events rounded to the ms
                    break
                if not self.released(h, c.t):
                    value = f" {c.value:.2f} km/h" if c.value is not None else ""
                    self.flag(
                        Rule.HOLD,
                        c.t,
                        f"{c.op}{value} written {c.t - h.t:.2f} s after {h.cause} at "
                        f"{h.t:.2f} s with no user {'start' if h.kind == 'stop' else 'resume'}",
                    )
                    break

    def check_link(self, cmds: list[Cmd]) -> None:
        losses = [a.t for a in self.actions if a.name == "link-drop"]
        losses += [t for t, s in self.states if s == "link_lost"]
        for t_lost in sorted(set(losses)):
            after = [c for c in cmds if c.t > t_lost and c.op != "request_control"]
            if not after:
                continue
            self.counted[Rule.LINK] += 1
            first = after[0]
            if first.op != "stop":
                self.flag(
                    Rule.LINK,
                    first.t,
                    f"first command after the link loss at {t_lost:.2f} s is {first.op} "
                    f"({first.wire}), not STOP",
                )

    def user_actions_from_states(self) -> None:
        """Without the user's actions, the engine's own countdown states stand for them (a
        weaker check: it trusts the engine to start them only on a user action)."""
        actions: list[TimedAction] = []
        previous = ""
        for t, s in self.states:
            if s == "starting_countdown":
                actions.append(TimedAction(t, "start"))
            elif s == "resume_countdown" or (s == "turn_countdown" and previous == "paused"):
                actions.append(TimedAction(t, "resume"))
            previous = s
        self.actions = actions

    def run(self) -> AuditReport:
        self.read_events()
        if not self.actions_known:
            self.user_actions_from_states()
        cmds = self.commands()
        self.check_record_writes()
        self.check_caps_and_ramp(cmds)
        self.check_ahead(cmds)
        self.check_start(cmds)
        self.check_countdowns(cmds)
        turns = self.check_turns(cmds)
        holds = self.holds(cmds)
        self.check_holds(cmds, holds)
        self.check_still(holds)
        self.check_link(cmds)
        for t, message in silence_violations(
            self.data, self.states, cmds, end_t=self.end_t, grace_s=self.grace
        ):
            self.flag(Rule.SILENCE, t, message)
        return AuditReport(
            tuple(sorted(self.violations, key=lambda v: v.t)),
            setpoints=sum(1 for c in cmds if c.op == "set_speed"),
            starts=sum(1 for c in cmds if c.op == "start"),
            turns=turns,
            holds=len(holds),
            counted=dict(self.counted),
        )


def audit_session(
    events: Sequence[Mapping[str, Any]],
    limits: AuditLimits,
    *,
    actions: Iterable[TimedAction] | None = None,
    writes: Iterable[ControlWrite] | None = None,
    answer_grace_s: float = 3.0,
) -> AuditReport:
    """Check one session against the safety rules (see the module docstring).

    ``actions``: what the user and the machine did (``None``: unknown, then the user-action
    parts of START and HOLD are not checked). ``writes``: the control-point writes as the
    machine received them (``None``: use the command events, allowing ``answer_grace_s`` for
    commands already on the wire when a hold began)."""
    return _Audit(
        events,
        limits,
        list(actions) if actions is not None else None,
        list(writes) if writes is not None else None,
        answer_grace_s,
    ).run()
