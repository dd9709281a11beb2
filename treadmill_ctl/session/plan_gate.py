"""The gate of a training plan: after each session, move on, repeat, or step back — pure.

``gate`` judges one session from how it ended and its debrief (effort, knee pain); ``advance``
applies the verdict to where the runner is in the plan; ``replay`` does that for every session
done on the plan, so the position is always derived from the history, never stored. The rules
(docs/plans.md, "The gate"), in this order:

1. knee pain at or above ``pain_high`` (5/10): **one step back**; pain that high for
   ``high_pain_sessions`` sessions in a row: see a professional;
2. the session ended early, or the debrief is missing: **the same session** again;
3. pain above ``pain_ok_max`` (2/10) or effort above ``effort_max`` (7/10): the same session;
4. otherwise a good session: after the step's ``sessions`` good ones, the next step.

A plan therefore never skips a step (one step per session at most), never moves on after high
pain, and raises backward speed only as its file does (``training_plans`` checks the file).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from treadmill_ctl.settings import Settings
from treadmill_ctl.texts import tr

SCALE_MAX: Final = 10  # effort (RPE) and pain are answered 0-10


class Verdict(enum.StrEnum):
    GOOD = "good"  # counts towards moving on
    REPEAT = "repeat"  # the same step again
    BACK = "back"  # one step back


@dataclass(frozen=True, slots=True)
class GateRules:
    """The thresholds (settings ``plan_*``; a plan may ask for a lower effort)."""

    pain_ok_max: int = 2
    pain_high: int = 5
    effort_max: int = 7
    high_pain_sessions: int = 2

    @classmethod
    def of(cls, settings: Settings, plan_effort_max: int | None = None) -> GateRules:
        effort = settings.plan_effort_max
        if plan_effort_max is not None:
            effort = min(effort, plan_effort_max)
        high = max(settings.plan_pain_high, settings.plan_pain_ok_max + 1)
        return cls(settings.plan_pain_ok_max, high, effort, settings.plan_high_pain_sessions)


@dataclass(frozen=True, slots=True)
class Debrief:
    """What the runner said after a session (``None``: not answered)."""

    rpe: int | None = None
    pain_during: int | None = None
    pain_after: int | None = None
    note: str = ""

    @property
    def pain(self) -> int | None:
        """The worse of the two pains."""
        given = [p for p in (self.pain_during, self.pain_after) if p is not None]
        return max(given) if given else None

    @classmethod
    def parse(cls, text: str) -> Debrief:
        """``"RPE,PAIN"`` or ``"RPE,DURING,AFTER"`` (``-`` for not answered), each 0-10;
        ValueError with the reason."""
        parts = [p.strip() for p in text.split(",")]
        if not 1 <= len(parts) <= 3:
            raise ValueError(f"--debrief {text!r}: expected RPE,PAIN (e.g. 4,1)")
        values: list[int | None] = []
        for part in parts:
            if part in ("", "-"):
                values.append(None)
                continue
            if not part.isdigit() or not 0 <= int(part) <= SCALE_MAX:
                raise ValueError(f"--debrief {text!r}: {part!r} is not a whole number 0-10")
            values.append(int(part))
        values += [None] * (3 - len(values))
        return cls(values[0], values[1], values[2])


@dataclass(frozen=True, slots=True)
class Outcome:
    """One session done on a plan: was it complete, and its debrief."""

    completed: bool
    debrief: Debrief | None = None
    at: datetime | None = None  # when it started (for adherence)


@dataclass(frozen=True, slots=True)
class Decision:
    """The gate's verdict on one session and why, in a runner's words."""

    verdict: Verdict
    why: str
    see_professional: bool = False


def gate(outcome: Outcome, rules: GateRules, *, asks_pain: bool, high_before: int = 0) -> Decision:
    """Judge one session (see the module docstring). ``high_before``: sessions in a row with
    high pain just before this one."""
    d = outcome.debrief
    pain = d.pain if d is not None else None
    if pain is not None and pain >= rules.pain_high:
        professional = high_before + 1 >= rules.high_pain_sessions
        why = (
            tr(
                "your knee said {pain}/10, {count} sessions in a row: please see a "
                "physiotherapist or doctor before you go on",
                pain=pain,
                count=high_before + 1,
            )
            if professional
            else tr("your knee said {pain}/10", pain=pain)
        )
        return Decision(Verdict.BACK, why, professional)
    if not outcome.completed:
        return Decision(Verdict.REPEAT, tr("the session ended early"))
    if d is None or d.rpe is None:
        return Decision(Verdict.REPEAT, tr("no debrief was given"))
    if asks_pain and pain is None:
        return Decision(Verdict.REPEAT, tr("no knee pain was given"))
    if pain is not None and pain > rules.pain_ok_max:
        return Decision(Verdict.REPEAT, tr("your knee said {pain}/10", pain=pain))
    if d.rpe > rules.effort_max:
        return Decision(
            Verdict.REPEAT,
            tr("effort {rpe}/10 was above {most}/10", rpe=d.rpe, most=rules.effort_max),
        )
    if pain is not None:
        return Decision(
            Verdict.GOOD, tr("finished, effort {rpe}/10, knee {pain}/10", rpe=d.rpe, pain=pain)
        )
    return Decision(Verdict.GOOD, tr("finished, effort {rpe}/10", rpe=d.rpe))


@dataclass(frozen=True, slots=True)
class Position:
    """Where a runner is in a plan: the step to do next and the good sessions done there."""

    step: int = 0
    good: int = 0  # good sessions at this step since the runner came to it
    high_run: int = 0  # sessions in a row with high pain, up to now
    sessions: int = 0  # sessions done on the plan
    finished: bool = False
    last: Decision | None = None
    moved: int = 0  # the last session's change of step: +1, 0 or -1


def advance(
    steps: Sequence[int], pos: Position, outcome: Outcome, rules: GateRules, *, asks_pain: bool
) -> Position:
    """The position after one more session. ``steps``: the good sessions each step takes."""
    if not steps:
        raise ValueError("a plan has at least one step")
    if pos.finished:
        return pos
    decision = gate(outcome, rules, asks_pain=asks_pain, high_before=pos.high_run)
    high = pos.high_run + 1 if decision.verdict is Verdict.BACK else 0
    step, good, finished = pos.step, 0, False
    if decision.verdict is Verdict.GOOD:
        good = pos.good + 1
        if good >= steps[step]:
            if step + 1 >= len(steps):
                finished = True
            else:
                step, good = step + 1, 0
    elif decision.verdict is Verdict.BACK:
        step = max(0, step - 1)
    return Position(step, good, high, pos.sessions + 1, finished, decision, step - pos.step)


def replay(
    steps: Sequence[int], outcomes: Sequence[Outcome], rules: GateRules, *, asks_pain: bool
) -> Position:
    """The position after every session done on the plan, in order."""
    pos = Position()
    for outcome in outcomes:
        pos = advance(steps, pos, outcome, rules, asks_pain=asks_pain)
    return pos


def next_time(pos: Position, steps: Sequence[int], titles: Sequence[str]) -> str:
    """The rule as the app says it: "Next time: same session — your knee said 3/10"."""
    if pos.finished:
        return tr("Plan complete: well done. Keep the last session going, or start a new plan.")
    title = titles[pos.step]
    if pos.last is None:
        return tr("First session: step 1, “{title}”.", title=title)
    last = pos.last
    if last.verdict is Verdict.BACK and pos.moved == 0:
        return tr("Next time: the first step again, “{title}” — {why}.", title=title, why=last.why)
    if last.verdict is Verdict.BACK:
        return tr("Next time: one step back, “{title}” — {why}.", title=title, why=last.why)
    if last.verdict is Verdict.REPEAT:
        return tr("Next time: same session — {why}.", why=last.why)
    if pos.moved > 0:
        return tr(
            "Next time: step {step}, “{title}” — {why}.",
            step=pos.step + 1,
            title=title,
            why=last.why,
        )
    return tr(
        "Next time: same session, {good} of {total} good sessions done — {why}.",
        good=pos.good,
        total=steps[pos.step],
        why=last.why,
    )


@dataclass(frozen=True, slots=True)
class Adherence:
    """How the runner kept to the plan's sessions per week."""

    week: int  # the week the runner is in (1-based)
    sessions_done: int
    sessions_expected: int  # by the end of the weeks fully gone
    percent: int | None  # of the expected sessions done in the weeks fully gone; None in week 1

    def words(self) -> str:
        if self.percent is None:
            return tr("Week {week} · {sessions} so far", week=self.week, sessions=self._sessions())
        return tr(
            "Week {week} · {sessions} · {percent} % of the planned sessions in the weeks gone",
            week=self.week,
            sessions=self._sessions(),
            percent=self.percent,
        )

    def _sessions(self) -> str:
        n = self.sessions_done
        return tr("{n} session", n=n) if n == 1 else tr("{n} sessions", n=n)


def adherence(
    started_at: datetime, done_at: Sequence[datetime], now: datetime, per_week: int
) -> Adherence:
    """Weeks on the plan and sessions done against ``per_week`` (time given, never read)."""
    elapsed = max(now - started_at, timedelta(0))
    full_weeks = elapsed // timedelta(days=7)
    cutoff = started_at + timedelta(days=7 * full_weeks)
    in_full = sum(1 for t in done_at if t < cutoff)
    expected = per_week * full_weeks
    percent = None if expected == 0 else min(100, round(100 * in_full / expected))
    return Adherence(full_weeks + 1, len(done_at), expected, percent)
