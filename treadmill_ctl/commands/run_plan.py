"""``treadmill-ctl run``'s training-plan options: ``--plan`` (today's session of the current
plan), ``--debrief RPE,PAIN`` and ``--note`` (the debrief the app asks after a session),
written with the session in the history once it is there; with ``--plan`` the gate then says
what comes next (docs/plans.md)."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass
from datetime import datetime
from typing import TextIO

from treadmill_ctl.commands.terminal_text import plain
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.history import Durability, HistoryStore, SessionRecorder
from treadmill_ctl.history.debriefs import SessionDebrief, save_debrief
from treadmill_ctl.session import plan_progress
from treadmill_ctl.session.plan_gate import Debrief
from treadmill_ctl.session.presets import Preset, PresetLibrary
from treadmill_ctl.session.training_plans import PlanLibrary
from treadmill_ctl.settings import Settings

log = logging.getLogger(__name__)

WRITTEN_WAIT_S = 10.0  # how long the command waits for the session row before the debrief


def add_plan_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plan",
        action="store_true",
        help="run today's session of the current training plan (treadmill-ctl plans start) "
        "instead of PRESET, and record it on the plan",
    )
    parser.add_argument(
        "--debrief",
        metavar="RPE,PAIN",
        help="the debrief after the session: effort 0-10 and knee pain 0-10 "
        "(RPE,DURING,AFTER for both pains; '-' not answered), stored with the session",
    )
    parser.add_argument("--note", default="", metavar="TEXT", help="a note for the debrief")


@dataclass(frozen=True, slots=True)
class PlanSession:
    """Today's session of the current plan."""

    status: plan_progress.PlanStatus
    preset: Preset
    plans: PlanLibrary
    settings: Settings


def plan_step_preset(ref: str, presets: PresetLibrary) -> Preset | None:
    """``PLAN:N``: step N (1-based) of a plan, as its changed preset (None: ``ref`` is not of
    that form, or names no plan; ValueError for a step the plan does not have)."""
    plan_ref, sep, number = ref.rpartition(":")
    if not sep or not number.isdigit():
        return None
    plans = PlanLibrary(presets)
    plans.reload()
    plan = plans.find(plan_ref)
    if plan is None:
        return None
    index = int(number) - 1
    if not 0 <= index < len(plan.steps):
        raise ValueError(f"plan '{plan.id}' has steps 1 to {len(plan.steps)}, not {number}")
    return plan.steps[index].preset


def parse_debrief(args: argparse.Namespace) -> Debrief | None:
    """The ``--debrief`` given (ValueError with the reason), or None."""
    text = getattr(args, "debrief", None)
    if text is None:
        if getattr(args, "note", ""):
            raise ValueError("--note needs --debrief")
        return None
    d = Debrief.parse(text)
    return Debrief(d.rpe, d.pain_during, d.pain_after, getattr(args, "note", ""))


def plan_session(
    args: argparse.Namespace, settings: Settings, presets: PresetLibrary
) -> PlanSession | None:
    """With ``--plan``: today's step of the current plan (ValueError when there is none)."""
    if not getattr(args, "plan", False):
        if not getattr(args, "preset", None):
            raise ValueError("name a PRESET to run, or --plan for today's plan session")
        return None
    if getattr(args, "preset", None):
        raise ValueError("give either a PRESET or --plan, not both")
    plans = PlanLibrary(presets)
    plans.reload()
    with HistoryStore.open() as store:
        status = plan_progress.current_status(store, plans, settings, datetime.now().astimezone())
        missing = plan_progress.missing_plan(store, plans) if status is None else None
    if status is None:
        if missing is not None:
            raise ValueError(f"the current plan '{missing}' cannot be read any more")
        raise ValueError("no current plan: start one with treadmill-ctl plans start PLAN")
    if status.position.finished:
        raise ValueError(f"plan “{status.plan.name}” is complete: start another one")
    step = status.step
    _say(
        f"{status.plan.name}, step {status.position.step + 1} of {len(status.plan.steps)}: "
        f"{step.title} ({step.load.words()})",
        file=sys.stderr,
    )
    return PlanSession(status, step.preset, plans, settings)


def after_session(
    recorders: list[SessionRecorder],
    on_plan: PlanSession | None,
    debrief: Debrief | None,
    *,
    completed: bool,
) -> None:
    """Store the debrief (and the plan step) with the session just run, then say what comes
    next. A session that was not recorded cannot carry one: said, not fatal."""
    if on_plan is None and debrief is None:
        return
    if not recorders:
        _say("debrief not stored: this run is not in the history", file=sys.stderr)
        return
    recorder = recorders[0]
    if not recorder.wait_written(WRITTEN_WAIT_S):
        _say("debrief not stored: the history is busy", file=sys.stderr)
        return
    now = datetime.now().astimezone()
    if on_plan is not None:
        row = plan_progress.session_record(
            on_plan.status, recorder.session_id, completed=completed, debrief=debrief, now=now
        )
    else:
        assert debrief is not None
        row = SessionDebrief(
            recorder.session_id,
            completed,
            rpe=debrief.rpe,
            pain_during=debrief.pain_during,
            pain_after=debrief.pain_after,
            note=debrief.note,
            answered_at=now,
        )
    try:
        with HistoryStore.open(durability=Durability.NORMAL) as store:
            save_debrief(store, row)
            if on_plan is None:
                return
            status = plan_progress.current_status(store, on_plan.plans, on_plan.settings, now)
    except (HistoryError, OSError) as exc:
        _say(f"debrief not stored: {exc}", file=sys.stderr)
        return
    if status is not None:
        _say(status.next_time)  # the result of a plan session: on stdout, even with --quiet


def _say(text: str, file: TextIO | None = None) -> None:
    (file or sys.stdout).write(plain(text, keep_newlines=True) + "\n")
