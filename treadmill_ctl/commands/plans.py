"""``treadmill-ctl plans``: multi-week training plans (docs/plans.md).

    treadmill-ctl plans list [--json]
    treadmill-ctl plans show PLAN [--json]
    treadmill-ctl plans start PLAN
    treadmill-ctl plans status [--json]
    treadmill-ctl plans stop

Run today's session with ``treadmill-ctl run --plan --debrief RPE,PAIN``. Exit status: 0 done,
1 the history could not be read or written, 2 bad arguments (unknown plan, no current plan).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TextIO

from treadmill_ctl.commands.terminal_text import json_text, plain
from treadmill_ctl.errors import FileFormatError, HistoryError
from treadmill_ctl.history import HistoryStore
from treadmill_ctl.history.debriefs import stop_plan_run
from treadmill_ctl.session import plan_progress
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.session.training_plans import PlanLibrary, TrainingPlan, user_plans_dir
from treadmill_ctl.settings import Settings, load_settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``plans`` and its actions."""
    parser = subparsers.add_parser(
        "plans", help="multi-week training plans: list, show, start, status, stop"
    )
    sub = parser.add_subparsers(dest="plans_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="built-in and user plans")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_list)
    p = sub.add_parser("show", help="one plan's steps and sources")
    p.add_argument("plan", metavar="PLAN", help="plan id or name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_show)
    p = sub.add_parser("start", help="follow a plan from its first step")
    p.add_argument("plan", metavar="PLAN", help="plan id or name")
    p.set_defaults(func=_start)
    p = sub.add_parser("status", help="the current plan: today's session, weeks, next step")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_status)
    p = sub.add_parser("stop", help="stop following the current plan (its sessions stay)")
    p.set_defaults(func=_stop)


def _load() -> tuple[PlanLibrary, Settings]:
    loaded = load_settings()
    for problem in loaded.problems:
        _say(f"settings: {problem} (using the default)", file=sys.stderr)
    plans = PlanLibrary(PresetLibrary(loaded.settings))
    plans.reload()
    for problem in plans.problems:
        _say(f"plan not loaded: {problem}", file=sys.stderr)
    return plans, loaded.settings


def _list(args: argparse.Namespace) -> int:
    plans, _ = _load()
    if args.json:
        _say(json_text([p.summary() for p in plans.plans]))
        return EXIT_OK
    for p in plans.plans:
        where = "built-in" if p.builtin else "yours"
        _say(
            f"{p.id:34} {p.name} — {p.sessions_per_week}×/week, about {p.weeks} weeks, "
            f"{len(p.steps)} steps ({where})"
        )
    _say(f"(your own plans: {user_plans_dir()})", file=sys.stderr)
    return EXIT_OK


def _resolve(plans: PlanLibrary, ref: str) -> TrainingPlan | None:
    try:
        return plans.resolve(ref)
    except FileFormatError as exc:
        _say(f"treadmill-ctl plans: {exc}", file=sys.stderr)
        return None


def _show(args: argparse.Namespace) -> int:
    plans, _ = _load()
    plan = _resolve(plans, args.plan)
    if plan is None:
        return EXIT_USAGE
    if args.json:
        _say(json_text(plan.to_json()))
        return EXIT_OK
    _say(f"{plan.name} — {plan.sessions_per_week}×/week, about {plan.weeks} weeks")
    if plan.path:
        _say(f"file: {plan.path}")
    _say("")
    _say(plan.description)
    _say("")
    for i, step in enumerate(plan.steps):
        change = f" [{step.base_id}: {step.change.words()}]" if step.change.words() else ""
        _say(
            f"{i + 1:2}. {step.title}{change}: {step.load.words()}, "
            f"{step.sessions} good session{'s' if step.sessions != 1 else ''}"
        )
        if step.note:
            _say(f"    {step.note}")
    return EXIT_OK


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def _start(args: argparse.Namespace) -> int:
    plans, settings = _load()
    plan = _resolve(plans, args.plan)
    if plan is None:
        return EXIT_USAGE
    try:
        with HistoryStore.open() as store:
            plan_progress.start(store, plan, _now())
            status = plan_progress.current_status(store, plans, settings, _now())
    except (HistoryError, OSError) as exc:
        _say(f"treadmill-ctl plans: {exc}", file=sys.stderr)
        return EXIT_FAILED
    _say(f"Following “{plan.name}”.")
    if status is not None:
        _say(f"Today: {status.step.title} ({status.step.load.words()}).")
    _say("Run it with: treadmill-ctl run --plan --debrief RPE,PAIN (or from the app)")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    plans, settings = _load()
    try:
        with HistoryStore.open() as store:
            status = plan_progress.current_status(store, plans, settings, _now())
            missing = plan_progress.missing_plan(store, plans)
    except (HistoryError, OSError) as exc:
        _say(f"treadmill-ctl plans: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if status is None:
        if args.json:
            _say(json.dumps(None))
        elif missing:
            _say(f"The current plan '{missing}' cannot be read any more (see plans list).")
        else:
            _say("No current plan. Start one with: treadmill-ctl plans start PLAN")
        return EXIT_OK if missing is None else EXIT_USAGE
    if args.json:
        _say(json_text(status.to_json()))
        return EXIT_OK
    pos = status.position
    _say(f"{status.plan.name} — {status.adherence.words()}")
    if pos.finished:
        _say("Plan complete.")
    else:
        step = status.step
        _say(
            f"Today: step {pos.step + 1} of {len(status.plan.steps)}, {step.title} "
            f"({step.load.words()}); {pos.good} of {step.sessions} good sessions done here"
        )
    _say(status.next_time)
    if status.see_professional:
        _say("Your knee pain stayed high: please see a physiotherapist or doctor.")
    return EXIT_OK


def _stop(args: argparse.Namespace) -> int:
    try:
        with HistoryStore.open() as store:
            run = stop_plan_run(store, _now())
    except (HistoryError, OSError) as exc:
        _say(f"treadmill-ctl plans: {exc}", file=sys.stderr)
        return EXIT_FAILED
    _say(f"Stopped “{run.plan_name}”." if run else "No current plan.")
    return EXIT_OK


def _say(text: str, file: TextIO | None = None) -> None:
    (file or sys.stdout).write(plain(text, keep_newlines=True) + "\n")
