"""The gate of a training plan: the verdict on one session, the position after many, and the
properties no sequence of debriefs may break (hypothesis)."""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treadmill_ctl.session.plan_gate import (
    Debrief,
    GateRules,
    Outcome,
    Position,
    Verdict,
    adherence,
    advance,
    gate,
    next_time,
    replay,
)
from treadmill_ctl.session.training_plans import SPEED_RISE_MAX_KMH, PlanLibrary, TrainingPlan
from treadmill_ctl.settings import Settings

RULES = GateRules()


def done(rpe: int | None, pain: int | None = None, *, completed: bool = True) -> Outcome:
    return Outcome(completed, Debrief(rpe, pain))


@pytest.mark.parametrize(
    ("outcome", "verdict", "why"),
    [
        (done(4, 0), Verdict.GOOD, "finished, effort 4/10, knee 0/10"),
        (done(4, 2), Verdict.GOOD, "knee 2/10"),
        (done(4, 3), Verdict.REPEAT, "your knee said 3/10"),
        (done(4, 4), Verdict.REPEAT, "your knee said 4/10"),
        (done(4, 5), Verdict.BACK, "your knee said 5/10"),
        (done(4, 1, completed=False), Verdict.REPEAT, "the session ended early"),
        (done(4, 7, completed=False), Verdict.BACK, "your knee said 7/10"),
        (done(8, 0), Verdict.REPEAT, "effort 8/10 was above 7/10"),
        (done(None, 0), Verdict.REPEAT, "no debrief was given"),
        (Outcome(True, None), Verdict.REPEAT, "no debrief was given"),
        (done(4, None), Verdict.REPEAT, "no knee pain was given"),
    ],
)
def test_the_gate_on_one_session_of_a_knee_plan(
    outcome: Outcome, verdict: Verdict, why: str
) -> None:
    decision = gate(outcome, RULES, asks_pain=True)
    assert decision.verdict is verdict
    assert why in decision.why
    assert not decision.see_professional


def test_a_plan_without_knee_questions_moves_on_on_effort_alone() -> None:
    assert gate(done(5, None), RULES, asks_pain=False).verdict is Verdict.GOOD


def test_the_worse_of_the_two_pains_counts() -> None:
    outcome = Outcome(True, Debrief(3, pain_during=1, pain_after=6))
    assert gate(outcome, RULES, asks_pain=True).verdict is Verdict.BACK


def test_pain_that_stays_high_says_see_a_professional() -> None:
    pos = replay([2, 2, 2], [done(3, 0)] * 2 + [done(3, 6)], RULES, asks_pain=True)
    assert pos.step == 0
    assert pos.last is not None
    assert not pos.last.see_professional
    pos = advance([2, 2, 2], pos, done(3, 5), RULES, asks_pain=True)
    assert pos.last is not None
    assert pos.last.see_professional
    assert "physiotherapist or doctor" in pos.last.why


def test_thresholds_are_settings_and_a_plan_may_only_lower_the_effort() -> None:
    strict = Settings().with_changes(plan_pain_ok_max=0, plan_effort_max=9)
    rules = GateRules.of(strict, plan_effort_max=6)
    assert rules.effort_max == 6
    assert gate(done(4, 1), rules, asks_pain=True).verdict is Verdict.REPEAT
    lenient_plan = GateRules.of(Settings(), plan_effort_max=10)
    assert lenient_plan.effort_max == 7
    with pytest.raises(ValueError, match="plan_pain_high"):
        Settings().with_changes(plan_pain_high=2)


def test_the_rule_is_said_in_plain_words() -> None:
    steps, titles = [2, 2], ["First steps", "Four by thirty"]
    pos = advance(steps, Position(), done(4, 3), RULES, asks_pain=True)
    assert next_time(pos, steps, titles) == "Next time: same session — your knee said 3/10."
    pos = replay(steps, [done(4, 0), done(4, 1)], RULES, asks_pain=True)
    assert next_time(pos, steps, titles).startswith("Next time: step 2, “Four by thirty”")
    pos = advance(steps, pos, done(4, 6), RULES, asks_pain=True)
    assert next_time(pos, steps, titles) == (
        "Next time: one step back, “First steps” — your knee said 6/10."
    )


def test_adherence_counts_the_weeks_gone() -> None:
    start = datetime(2026, 11, 2, 18, tzinfo=UTC)
    sessions = [start + timedelta(days=d) for d in (0, 3, 7, 15)]
    kept = adherence(start, sessions, start + timedelta(days=16), per_week=2)
    assert (kept.week, kept.sessions_done, kept.sessions_expected, kept.percent) == (3, 4, 4, 75)
    assert adherence(start, [], start + timedelta(days=2), 2).percent is None


# ---- properties ---------------------------------------------------------------------------

scores = st.one_of(st.none(), st.integers(0, 10))
outcomes = st.builds(
    Outcome, st.booleans(), st.one_of(st.none(), st.builds(Debrief, scores, scores, scores))
)


@settings(max_examples=300, deadline=None)
@given(
    steps=st.lists(st.integers(1, 4), min_size=1, max_size=8),
    history=st.lists(outcomes, max_size=60),
    asks_pain=st.booleans(),
)
def test_no_sequence_of_debriefs_skips_a_step_or_advances_on_pain(
    steps: list[int], history: list[Outcome], asks_pain: bool
) -> None:
    pos = Position()
    for outcome in history:
        new = advance(steps, pos, outcome, RULES, asks_pain=asks_pain)
        assert new.step - pos.step in (-1, 0, 1) or pos.finished
        assert 0 <= new.step < len(steps)
        pain = outcome.debrief.pain if outcome.debrief else None
        moved_on = new.step > pos.step or (new.finished and not pos.finished)
        if moved_on:
            assert outcome.completed
            assert outcome.debrief is not None
            assert outcome.debrief.rpe is not None
            assert outcome.debrief.rpe <= RULES.effort_max
            assert pain is None or pain <= RULES.pain_ok_max
            assert pain is not None or not asks_pain
            assert new.good == 0 or new.finished
            assert pos.good + 1 >= steps[pos.step]  # only after the step's good sessions
        if pain is not None and pain >= RULES.pain_high and not pos.finished:
            assert new.step == max(0, pos.step - 1)
        pos = new
    assert pos == replay(steps, history, RULES, asks_pain=asks_pain)


@settings(max_examples=200, deadline=None)
@given(
    plan_index=st.integers(0, 2),
    history=st.lists(outcomes, max_size=80),
)
def test_no_sequence_of_debriefs_raises_a_built_in_plans_speed_beyond_its_rule(
    plan_index: int, history: list[Outcome]
) -> None:
    plan = builtin_plans()[plan_index]
    counts = [s.sessions for s in plan.steps]
    rules = GateRules.of(Settings(), plan.effort_max)
    pos = Position()
    speed = plan.steps[0].load.speed_kmh
    for outcome in history:
        pos = advance(counts, pos, outcome, rules, asks_pain=plan.asks_knee_pain)
        load = plan.steps[pos.step].load
        assert load.speed_kmh - speed <= SPEED_RISE_MAX_KMH + 1e-9  # from one session to the next
        speed = load.speed_kmh


@functools.cache
def builtin_plans() -> tuple[TrainingPlan, ...]:
    plans = PlanLibrary.load(user_dir=Path("/nonexistent/plans"))
    assert not plans.problems
    return tuple(plans.plans)
