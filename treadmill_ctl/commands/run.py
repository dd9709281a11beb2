"""``treadmill-ctl run``: a whole session on the virtual treadmill, without a window.

    treadmill-ctl run PRESET|--plan [--debrief RPE,PAIN] [--note TEXT]
                      [--sim-profile NAME|FILE] [--speedup N|max]
                      [--inject EVENT@SECONDS ...] [--events OUT.jsonl] [--traffic OUT.log]

PRESET is a preset id, a preset name, a preset file, or ``PLAN:N`` (step N of a training plan,
as the plan changes it); ``--plan`` runs today's session of the current training plan
(``treadmill-ctl plans start``) and records it on the plan.
``--debrief`` answers the debrief the app asks after a session (effort 0-10, knee pain 0-10;
``RPE,DURING,AFTER`` for both pains), stored with the session in the history; with ``--plan``
the plan's gate then says what comes next, so a whole plan can be simulated run by run.

It always runs on the virtual treadmill (a real one is driven from the app, where STOP is
always at hand; ``--simulate`` is accepted and changes nothing). On a terminal a progress line
shows the session time, the phase and the belt. The run starts at once (countdown first) and
never waits for a user: where the app would wait for one and no later ``--inject`` user action
is pending, it ends. Exit status: 0 finished, 3 stopped by the user, 4 stopped by the machine,
5 link lost, 1 error, 2 bad arguments (see ``session.headless.EXIT_STATUS``).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import math
import os
import sys
import time
from pathlib import Path
from typing import TextIO

from treadmill_ctl.commands import add_simulation_options
from treadmill_ctl.commands.progress import ProgressLine
from treadmill_ctl.commands.run_plan import (
    add_plan_arguments,
    after_session,
    parse_debrief,
    plan_session,
    plan_step_preset,
)
from treadmill_ctl.commands.terminal_text import plain
from treadmill_ctl.errors import FileFormatError, HistoryError
from treadmill_ctl.history import Durability, HistoryStore, SessionHeader, SessionRecorder
from treadmill_ctl.session.clock import parse_speedup
from treadmill_ctl.session.controller import HistorySink, OpenHistory, plan_record
from treadmill_ctl.session.engine import EventListener
from treadmill_ctl.session.estimate import estimate_plan
from treadmill_ctl.session.events import EndReason
from treadmill_ctl.session.headless import (
    EXIT_STATUS,
    EXIT_USAGE,
    FAULT_INJECTS,
    USER_INJECTS,
    Inject,
    JsonLinesWriter,
    run_headless_blocking,
)
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.session.presets import Preset, PresetLibrary
from treadmill_ctl.settings import Settings, load_settings
from treadmill_ctl.sim.profiles import load_profile

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``run``."""
    codes = ", ".join(
        f"{code} {reason.value.replace('_', ' ')}" for reason, code in EXIT_STATUS.items()
    )
    parser = subparsers.add_parser(
        "run",
        help="run a preset headless on the virtual treadmill",
        description="Run a whole session on the virtual treadmill without a window. "
        f"Exit status: {codes}, {EXIT_USAGE} bad arguments.",
    )
    parser.add_argument(
        "preset",
        metavar="PRESET",
        nargs="?",
        help="preset id, name, a preset file, or PLAN:N (step N of a training plan)",
    )
    add_plan_arguments(parser)
    add_simulation_options(
        parser,
        simulate_help="accepted for symmetry with the app: run always uses the virtual treadmill",
    )
    parser.add_argument(
        "--speedup",
        default="1",
        metavar="N|max",
        help="run the clock N times faster than real time; 'max': as fast as possible",
    )
    parser.add_argument(
        "--inject",
        action="append",
        default=[],
        metavar="EVENT@SECONDS",
        help="at a session time: user actions "
        + ", ".join(sorted(USER_INJECTS))
        + "; machine and link: "
        + ", ".join(sorted(FAULT_INJECTS))
        + " (link-drop: back after 5 s; strap-drop: 30 s; strap-contact: 20 s; from then on "
        "console-stop-at-start: the console's stop meets our next Start, late-start: the belt "
        "starts 12 s after a Start, remembering-console: the console resumes at its old speed)",
    )
    parser.add_argument("--events", type=Path, metavar="OUT.jsonl", help="write the events here")
    parser.add_argument("--traffic", type=Path, metavar="OUT.log", help="write the GATT traffic")
    parser.add_argument("--quiet", action="store_true", help="no summary on stderr")
    parser.add_argument(
        "--no-hr-strap",
        action="store_true",
        help="the runner wears no virtual heart-rate strap (by default one is worn, connected "
        "over the virtual Bluetooth, and its heart rate recorded; inject strap-drop or "
        "strap-contact to lose it)",
    )
    _add_observer_arguments(parser)
    parser.set_defaults(func=run_command)


def run_command(args: argparse.Namespace) -> int:
    """Run the session; returns the exit status."""
    if args.traffic is not None and os.path.lexists(args.traffic):
        # Two runs in one log would replay as one (each run's clock starts at 0); overwriting
        # would lose the first capture. The user picks a new file.
        _say(
            f"treadmill-ctl run: {args.traffic} exists; --traffic writes a new file "
            "(choose another name or remove it)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        speedup = parse_speedup(args.speedup)
        injects = [Inject.parse(text) for text in args.inject]
        profile = load_profile(getattr(args, "sim_profile", "ideal"))
    except (ValueError, FileFormatError) as exc:
        _say(f"treadmill-ctl run: {exc}", file=sys.stderr)
        return EXIT_USAGE
    loaded = load_settings()
    for problem in loaded.problems:
        _say(f"settings: {problem} (using the default)", file=sys.stderr)
    settings = loaded.settings
    library = PresetLibrary(settings)
    try:
        debrief = parse_debrief(args)
        on_plan = plan_session(args, settings, library)
        if on_plan is not None:
            preset = on_plan.preset
        else:
            ref = args.preset or ""
            preset = plan_step_preset(ref, library) or library.resolve(ref)
    except (FileFormatError, ValueError, HistoryError) as exc:
        _say(f"treadmill-ctl run: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for warning in preset.warnings:
        _say(f"preset: {warning}", file=sys.stderr)
    plan = preset.to_plan()
    recorders: list[SessionRecorder] = []
    with contextlib.ExitStack() as stack:
        listeners: list[EventListener] = []
        if args.events is not None:
            writer = JsonLinesWriter(args.events)
            stack.callback(writer.close)
            listeners.append(writer)
        if not args.quiet and sys.stderr.isatty():
            # The planned length as the Presets screen shows it: the whole session with its
            # turn-arounds, ramps and countdowns (session/estimate.py), not the time at speed.
            progress = ProgressLine(
                sys.stderr,
                planned_s=estimate_plan(plan, settings).total_s,
                speed_unit=settings.speed_unit,
            )
            progress.start(f"{preset.name}: starting on the virtual treadmill…")
            stack.callback(progress.close)
            listeners.append(progress)
        wall0 = time.perf_counter()
        result = run_headless_blocking(
            plan,
            settings,
            speedup=speedup,
            profile=profile,
            injects=injects,
            listeners=listeners,
            traffic_path=args.traffic,
            hr_strap=not args.no_hr_strap,
            open_history=history_opener(args, settings, preset, recorders),
        )
        wall = time.perf_counter() - wall0
    if not args.quiet:
        _summary(preset, plan, result.end_reason, result.session_s, wall_s=wall, speedup=speedup)
    after_session(recorders, on_plan, debrief, completed=result.complete)
    return result.exit_status


def _add_observer_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of what records the run."""
    parser.add_argument(
        "--no-history", action="store_true", help="do not record this run in the session history"
    )


def history_opener(
    args: argparse.Namespace,
    settings: Settings,
    preset: Preset,
    opened: list[SessionRecorder] | None = None,
) -> OpenHistory | None:
    """What opens this run's entry in the default history when the session starts (None with
    --no-history). Headless runs drive the virtual treadmill only: the history is written
    without an fsync per commit (still safe against a crash or a kill). A history that cannot
    be opened is reported and the run goes on unrecorded."""
    if getattr(args, "no_history", False):
        return None
    plan = preset.to_plan()
    profile = str(getattr(args, "sim_profile", "ideal"))

    def open_history() -> HistorySink | None:
        header = SessionHeader.now(
            preset_id=preset.id,
            preset_name=preset.name,
            plan=plan_record(plan, settings),
            device="Virtual Treadmill",
            profile=profile,
        )
        try:
            store = HistoryStore.open(durability=Durability.NORMAL)
        except (HistoryError, OSError) as exc:
            log.warning("this run is not recorded in the history: %s", exc)
            return None
        try:
            recorder = SessionRecorder.open(store, header, close_store=True)
        except (HistoryError, OSError) as exc:
            store.close()
            log.warning("this run is not recorded in the history: %s", exc)
            return None
        if opened is not None:
            opened.append(recorder)
        return recorder

    return open_history


def _summary(
    preset: Preset,
    plan: Plan,
    reason: EndReason,
    session_s: float,
    *,
    wall_s: float,
    speedup: float,
) -> None:
    pace = "max" if math.isinf(speedup) else f"{speedup:g}×"
    _say(
        f"{plain(preset.name)}: {reason.value.replace('_', ' ')} after {_mmss(session_s)} "
        "session time "
        f"(plan {_mmss(plan.total_s)} at speed, {_mmss(plan.backward_s)} backward); "
        f"{wall_s:.2f} s wall at speedup {pace}",
        file=sys.stderr,
    )


def _mmss(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d}"


def _say(text: str, file: TextIO | None = None) -> None:
    """One line of output (stdout unless ``file``), with no escape or control characters."""
    (file or sys.stdout).write(plain(text, keep_newlines=True) + "\n")
