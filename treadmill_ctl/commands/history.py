"""``treadmill-ctl history``: list, show, export, delete and import recorded sessions.

    treadmill-ctl history list [--json]
    treadmill-ctl history show ID [--json]
    treadmill-ctl history export ID --format fit|tcx [-o FILE] [--force]
    treadmill-ctl history weeks [--json]
    treadmill-ctl history delete ID | restore ID
    treadmill-ctl history import EVENTS.jsonl [--preset NAME]

Exit status: 0 done, 1 the history could not be read or written, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from treadmill_ctl.commands.terminal_text import plain
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.export.fit import write_fit
from treadmill_ctl.export.naming import EXPORT_FORMATS, default_export_path
from treadmill_ctl.export.tcx import write_tcx
from treadmill_ctl.history.debriefs import SessionDebrief, get_debrief
from treadmill_ctl.history.model import SessionHeader, SessionSummary
from treadmill_ctl.history.recorder import read_events_file, record_events
from treadmill_ctl.history.store import HistoryStore
from treadmill_ctl.history.totals import notices_of, statistics_of
from treadmill_ctl.settings import load_settings
from treadmill_ctl.statistics import PhaseOutcome, clock_text, plural
from treadmill_ctl.texts import with_speeds
from treadmill_ctl.units import speed_words

EXIT_OK = 0
EXIT_HISTORY_ERROR = 1
READ_BUSY_S = 1.0
"""Reading (list, show, export, weeks) waits this long for another program's lock, then says
the history is busy (a program holding an exclusive lock would otherwise stall it 10 s)."""


def _reading() -> HistoryStore:
    return HistoryStore.open(busy_timeout_s=READ_BUSY_S)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``history`` and its subcommands."""
    parser = subparsers.add_parser(
        "history", help="recorded sessions: list, show, export (FIT/TCX), delete"
    )
    sub = parser.add_subparsers(dest="history_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="every recorded session, newest first")
    p.add_argument("--json", action="store_true", help="a JSON list instead of a table")
    p.set_defaults(func=_list)

    p = sub.add_parser("show", help="one session: totals and phases")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_show)

    p = sub.add_parser("export", help="write a session as a FIT or TCX file")
    p.add_argument("id", type=int)
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write it (default: the documents folder, named by date and preset)",
    )
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=_export)

    p = sub.add_parser("weeks", help="backward minutes and blocks per week")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_weeks)

    p = sub.add_parser("delete", help="delete a session (restorable for an hour)")
    p.add_argument("id", type=int)
    p.set_defaults(func=_delete)

    p = sub.add_parser("restore", help="undo a delete")
    p.add_argument("id", type=int)
    p.set_defaults(func=_restore)

    p = sub.add_parser("import", help="record an events file of a headless run")
    p.add_argument("events", type=Path, metavar="EVENTS.jsonl")
    p.add_argument("--preset", default="", help="preset name to show in the list")
    p.add_argument(
        "--started-at",
        default=None,
        help="ISO start time (default: the file's modification time)",
    )
    p.set_defaults(func=_import)


def _out(text: str) -> None:
    sys.stdout.write(plain(text, keep_newlines=True) + "\n")


def _fail(exc: Exception) -> int:
    sys.stderr.write(plain(f"treadmill-ctl history: {exc}") + "\n")
    return EXIT_HISTORY_ERROR


def _row(s: SessionSummary) -> str:
    return (
        f"{s.id:>4}  {s.started_at.strftime('%Y-%m-%d %H:%M')}  {plain(s.preset)[:22]:<22}  "
        f"{clock_text(s.duration_s):>6}  {clock_text(s.backward_s):>6}  {s.distance_m:>7.0f}  "
        f"{'ended early' if s.ended.value == 'finished' and not s.complete else s.ended.value}"
        + (f": {s.damage}" if s.damage else "")
    )


def _list(args: argparse.Namespace) -> int:
    try:
        with _reading() as store:
            sessions = store.list_sessions()
    except HistoryError as exc:
        return _fail(exc)
    if args.json:
        _out(json.dumps([s.to_json() for s in sessions], indent=2))
        return EXIT_OK
    if not sessions:
        _out("No sessions recorded yet.")
        return EXIT_OK
    _out("  ID  started           preset                    time    back  dist m  ended")
    for s in sessions:
        _out(_row(s))
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    try:
        with _reading() as store:
            detail = store.get_session(args.id)
            debrief = get_debrief(store, args.id)
    except HistoryError as exc:
        return _fail(exc)
    s = detail.summary
    stats = statistics_of(detail)
    target = {p.seq: p.target_speed_kmh for p in detail.phases}
    phases: list[dict[str, Any]] = [
        p.to_json() | {"target_speed_kmh": target.get(p.seq)} for p in stats.phases
    ]
    # What happened (notices.py): the same list the summary and the History screen show,
    # its speeds (and the alerts') in the user's unit.
    notices = notices_of(detail, stats)
    unit = load_settings().settings.speed_unit

    def speed(kmh: float) -> str:
        return speed_words(kmh, unit)

    if args.json:
        out = s.to_json() | {
            "statistics": stats.to_json(),
            "notices": [n.to_json(speed) for n in notices],
            "phases": phases,
            "samples": len(detail.samples),
            "commands": len(detail.commands),
            "alerts": [
                {
                    "t": a.t,
                    "level": a.level,
                    "code": a.code,
                    "message": with_speeds(a.text, speed),
                }
                for a in detail.alerts
            ],
            "debrief": _debrief_json(debrief),
        }
        _out(json.dumps(out, indent=2))
        return EXIT_OK
    _out(_row(s))
    _out(
        f"forward {clock_text(stats.forward_s)} ({stats.forward_m:.0f} m), backward "
        f"{clock_text(stats.backward_s)} ({stats.backward_m:.0f} m), {stats.blocks_done} of "
        f"{plural(stats.blocks_planned, 'block')} done; "
        + ("session complete" if stats.complete else f"ended early: {stats.why_text}")
    )
    _out("  phase kind      direction  moving  at speed  distance  outcome")
    for p in stats.phases:
        mark = "" if p.outcome is PhaseOutcome.RUNNING else p.outcome.value.replace("_", " ")
        _out(
            f"  {p.index:>5} {p.kind:<9} {p.direction:<9} {clock_text(p.moving_s):>7} "
            f"{clock_text(p.at_speed_s):>9} {p.distance_m:>7.0f} m  {mark}"
        )
    for n in notices:
        _out(f"  * {clock_text(max(n.t - stats.start_t, 0.0))} {n.words(speed)}")
    for a in detail.alerts:
        _out(f"  ! {clock_text(a.t)} {a.level}: {with_speeds(a.text, speed)}")
    if debrief is not None:
        _out(f"debrief: {_debrief_words(debrief)}")
    return EXIT_OK


def _debrief_json(d: SessionDebrief | None) -> dict[str, Any] | None:
    """What the runner said after the session (``None``: no debrief)."""
    if d is None:
        return None
    return {
        "rpe": d.rpe,
        "pain_during": d.pain_during,
        "pain_after": d.pain_after,
        "note": d.note,
        "completed": d.completed,
        "plan_run": d.plan_run,
        "plan_step": d.plan_step,
        "answered_at": d.answered_at.isoformat() if d.answered_at else None,
    }


def _debrief_words(d: SessionDebrief) -> str:
    """ "effort 4/10, knee 1/10 during, 0/10 after, note: ..." ("no answers" when skipped)."""
    parts = [f"effort {d.rpe}/10"] if d.rpe is not None else []
    if d.pain_during is not None or d.pain_after is not None:
        during = "–" if d.pain_during is None else f"{d.pain_during}/10"
        after = "–" if d.pain_after is None else f"{d.pain_after}/10"
        parts.append(f"knee {during} during, {after} after")
    if d.note:
        parts.append(f"note: {plain(d.note)}")
    if d.plan_step is not None:
        parts.append(f"plan step {d.plan_step + 1}")
    return ", ".join(parts) or "no answers"


def _export(args: argparse.Namespace) -> int:
    try:
        with _reading() as store:
            detail = store.get_session(args.id)
        s = detail.summary
        output: Path = args.output or default_export_path(s.started_at, s.preset, args.format)
        if output.exists() and not args.force:
            return _fail(FileExistsError(f"{output} exists; not replaced (--force replaces it)"))
        if args.format == "fit":
            write_fit(detail, output)
        else:
            write_tcx(detail, output)
    except (HistoryError, OSError) as exc:
        return _fail(exc)
    note = (
        f" ({detail.summary.ended.value}: what was recorded)"
        if detail.summary.ended.incomplete
        else ""
    )
    _out(f"Session {args.id} written to {output}{note}")
    return EXIT_OK


def _weeks(args: argparse.Namespace) -> int:
    try:
        with _reading() as store:
            weeks = store.weekly_totals()
    except HistoryError as exc:
        return _fail(exc)
    if args.json:
        _out(
            json.dumps(
                [
                    {
                        "week": w.label,
                        "week_start": w.week_start.isoformat(),
                        "sessions": w.sessions,
                        "backward_min": round(w.backward_min, 1),
                        "backward_blocks": w.backward_blocks,
                        "distance_m": round(w.distance_m, 1),
                    }
                    for w in weeks
                ],
                indent=2,
            )
        )
        return EXIT_OK
    for w in weeks:
        _out(
            f"{w.label}  {plural(w.sessions, 'session'):>11}  backward {w.backward_min:5.1f} min  "
            f"{plural(w.backward_blocks, 'block'):>10}"
        )
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    return _set_deleted(args.id, deleted=True)


def _restore(args: argparse.Namespace) -> int:
    return _set_deleted(args.id, deleted=False)


def _set_deleted(session_id: int, *, deleted: bool) -> int:
    try:
        with HistoryStore.open() as store:
            if deleted:
                store.delete_session(session_id)
            else:
                store.restore_session(session_id)
    except HistoryError as exc:
        return _fail(exc)
    if deleted:
        _out(f"Session {session_id} deleted (undo: treadmill-ctl history restore {session_id})")
    else:
        _out(f"Session {session_id} restored")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    try:
        events = read_events_file(args.events)
        if args.started_at:
            started = datetime.fromisoformat(args.started_at)
        else:
            started = datetime.fromtimestamp(args.events.stat().st_mtime).astimezone()
        if started.tzinfo is None:
            started = started.astimezone()
        # The file's time is when the run ended: the session started its last t earlier.
        if not args.started_at and events:
            started -= timedelta(seconds=float(events[-1].get("t", 0)))
        header = SessionHeader(started.replace(microsecond=0), preset_name=args.preset)
        with HistoryStore.open() as store:
            recorder = record_events(store, header, events)
    except (HistoryError, OSError, ValueError) as exc:
        return _fail(exc)
    _out(f"Recorded {args.events} as session {recorder.session_id}")
    return EXIT_OK
