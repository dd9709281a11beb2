"""Where the runner is in the current plan, derived from the history: the plan run, the
debriefs of its sessions, replayed through the gate (``plan_gate``). Used by
``treadmill-ctl plans`` and ``run --plan``, and by the app's Plans view.

Nothing here reads the clock: ``now`` is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from treadmill_ctl.history.debriefs import (
    PlanRun,
    SessionDebrief,
    current_plan_run,
    run_debriefs,
    save_debrief,
    start_plan_run,
)
from treadmill_ctl.history.store import HistoryStore
from treadmill_ctl.session.plan_gate import (
    Adherence,
    Debrief,
    GateRules,
    Outcome,
    Position,
    adherence,
    next_time,
    replay,
)
from treadmill_ctl.session.training_plans import PlanLibrary, PlanStep, TrainingPlan
from treadmill_ctl.settings import Settings


@dataclass(frozen=True, slots=True)
class PlanStatus:
    """The current plan and what to do next."""

    plan: TrainingPlan
    run: PlanRun
    position: Position
    adherence: Adherence
    next_time: str
    rules: GateRules

    @property
    def step(self) -> PlanStep:
        """Today's step (the last one once the plan is finished)."""
        return self.plan.steps[min(self.position.step, len(self.plan.steps) - 1)]

    @property
    def see_professional(self) -> bool:
        last = self.position.last
        return last is not None and last.see_professional

    def to_json(self) -> dict[str, Any]:
        """What ``plans status --json`` prints."""
        pos = self.position
        return {
            "plan": self.plan.id,
            "plan_name": self.plan.name,
            "started_at": self.run.started_at.isoformat(),
            "step": pos.step + 1,
            "steps": len(self.plan.steps),
            "step_title": self.step.title,
            "preset": self.step.preset.name,
            "backward": self.step.load.words(),
            "good_sessions": pos.good,
            "good_sessions_needed": self.step.sessions,
            "sessions_done": pos.sessions,
            "finished": pos.finished,
            "week": self.adherence.week,
            "adherence_percent": self.adherence.percent,
            "last_verdict": pos.last.verdict.value if pos.last else None,
            "see_professional": self.see_professional,
            "next_time": self.next_time,
        }


def outcomes_of(debriefs: list[SessionDebrief]) -> list[Outcome]:
    """The gate's view of the sessions recorded on a plan run."""
    return [
        Outcome(
            d.completed,
            None if d.answered_at is None else Debrief(d.rpe, d.pain_during, d.pain_after, d.note),
            d.session_started_at,
        )
        for d in debriefs
    ]


def status_of(
    plan: TrainingPlan,
    run: PlanRun,
    debriefs: list[SessionDebrief],
    settings: Settings,
    now: datetime,
) -> PlanStatus:
    """The status of ``run`` of ``plan`` after ``debriefs`` (pure)."""
    rules = GateRules.of(settings, plan.effort_max)
    counts = [s.sessions for s in plan.steps]
    outcomes = outcomes_of(debriefs)
    pos = replay(counts, outcomes, rules, asks_pain=plan.asks_knee_pain)
    done_at = [o.at for o in outcomes if o.at is not None]
    kept = adherence(run.started_at, done_at, now, plan.sessions_per_week)
    words = next_time(pos, counts, [s.title for s in plan.steps])
    return PlanStatus(plan, run, pos, kept, words, rules)


def current_status(
    store: HistoryStore, plans: PlanLibrary, settings: Settings, now: datetime
) -> PlanStatus | None:
    """The runner's current plan and position, or None (no plan, or its file is gone: then
    ``missing_plan`` says which)."""
    run = current_plan_run(store)
    if run is None:
        return None
    plan = plans.find(run.plan_id)
    if plan is None:
        return None
    return status_of(plan, run, run_debriefs(store, run.id), settings, now)


def missing_plan(store: HistoryStore, plans: PlanLibrary) -> str | None:
    """The id of the current plan when its file cannot be read any more."""
    run = current_plan_run(store)
    if run is not None and plans.find(run.plan_id) is None:
        return run.plan_id
    return None


def start(store: HistoryStore, plan: TrainingPlan, now: datetime) -> PlanRun:
    """Follow ``plan`` from step 1 (any current plan ends; its sessions stay in the history)."""
    return start_plan_run(store, plan.id, plan.name, now)


def session_record(
    status: PlanStatus,
    session_id: int,
    *,
    completed: bool,
    debrief: Debrief | None,
    now: datetime,
) -> SessionDebrief:
    """The row that ties a session to the plan's step, with its debrief (None: not answered
    yet; the gate then repeats the step)."""
    return SessionDebrief(
        session_id=session_id,
        completed=completed,
        plan_run=status.run.id,
        plan_step=status.position.step,
        rpe=debrief.rpe if debrief else None,
        pain_during=debrief.pain_during if debrief else None,
        pain_after=debrief.pain_after if debrief else None,
        note=debrief.note if debrief else "",
        answered_at=now if debrief is not None else None,
    )


def record(store: HistoryStore, row: SessionDebrief) -> None:
    """Write a session's plan row (committed; for the command line, off any loop)."""
    save_debrief(store, row)
