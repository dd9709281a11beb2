"""``treadmill-ctl presets``: list, show, validate, import and export session presets.

    treadmill-ctl presets list [--json]
    treadmill-ctl presets show NAME [--json]
    treadmill-ctl presets validate FILE
    treadmill-ctl presets import FILE [--add-backward N[xS]]   (.toml preset, .zwo or .fit workout)
    treadmill-ctl presets export NAME FILE       (the preset's own TOML)
    treadmill-ctl presets export NAME --format zwo|fit|toml -o FILE [--force]

Exit status: 0 done, 1 a preset file has problems (validate/import) or could not be written,
2 bad arguments (unknown preset).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from treadmill_ctl.commands.terminal_text import json_text, plain
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.session.estimate import estimate_plan, estimate_text
from treadmill_ctl.session.plan import Phase, Repeat
from treadmill_ctl.session.presets import Preset, PresetLibrary, check_preset_file, library_order
from treadmill_ctl.settings import Settings, load_settings
from treadmill_ctl.units import speed_words
from treadmill_ctl.workouts.backward_finish import parse_finish
from treadmill_ctl.workouts.fit_workout import cues_left_out
from treadmill_ctl.workouts.importing import (
    WorkoutFormat,
    export_workout,
    import_preset_with_finish,
    import_workout,
    workout_format,
)

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``presets`` and its actions."""
    parser = subparsers.add_parser(
        "presets", help="session presets: list, show, validate, import, export"
    )
    sub = parser.add_subparsers(dest="presets_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="built-in and user presets")
    p.add_argument("--json", action="store_true", help="a JSON list (id, name, description, ...)")
    p.set_defaults(func=_list)

    p = sub.add_parser("show", help="one preset's phases")
    p.add_argument("name", metavar="NAME", help="preset id, name, or file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_show)

    p = sub.add_parser("validate", help="check a preset file (file:line: problem)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(func=_validate)

    p = sub.add_parser(
        "import", help="copy a preset file, or a ZWO or FIT workout, into your presets"
    )
    p.add_argument("file", type=Path, metavar="FILE", help="FILE.toml, FILE.zwo or FILE.fit")
    p.add_argument(
        "--add-backward",
        metavar="N[xS]",
        default=None,
        help="add N backward blocks of S seconds (default 30) at the end, before the cool-down",
    )
    p.set_defaults(func=_import)

    p = sub.add_parser("export", help="write a preset to a file (TOML, ZWO or FIT workout)")
    p.add_argument("name", metavar="NAME", help="preset id or name")
    p.add_argument("file", type=Path, metavar="FILE", nargs="?", help="the preset's TOML file")
    p.add_argument("--format", choices=("toml", *WorkoutFormat), default=None)
    p.add_argument("-o", "--output", type=Path, metavar="FILE", default=None)
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=_export)


def _settings() -> Settings:
    loaded = load_settings()
    for problem in loaded.problems:
        _say(f"settings: {problem} (using the default)", file=sys.stderr)
    return loaded.settings


def _library() -> tuple[PresetLibrary, Settings]:
    settings = _settings()
    library = PresetLibrary(settings)
    for problem in library.problems:
        _say(f"preset not loaded: {problem}", file=sys.stderr)
    return library, settings


def _list(args: argparse.Namespace) -> int:
    library, settings = _library()
    # In the learning order the app's Presets screen shows.
    ordered = sorted(library.presets, key=library_order)
    summaries = [_summary(p, settings) for p in ordered]
    if args.json:
        _say(json_text(summaries))
        return EXIT_OK
    for s in summaries:
        origin = "built-in" if s["builtin"] else "user"
        # The whole session as the Presets screen shows it (turn-arounds, ramps, countdowns),
        # then the time at speed.
        _say(
            f"{s['id']:<24} {estimate_text(s['estimated_s']):>8} total "
            f"({_mmss(s['total_s'])} at speed) {_mmss(s['backward_s']):>6} backward  "
            f"{plain(s['name'])} ({origin})"
        )
    return EXIT_OK


def _summary(preset: Preset, settings: Settings) -> dict[str, Any]:
    """``Preset.summary`` with the one estimate of the whole session (session/estimate.py):
    ``estimated_s``; ``total_s`` stays the time at speed."""
    estimate = estimate_plan(preset.to_plan(), settings)
    return preset.summary(settings.backward_default_kmh) | {
        "estimated_s": round(estimate.total_s, 1)
    }


def _show(args: argparse.Namespace) -> int:
    library, settings = _library()
    try:
        preset = library.resolve(args.name)
    except FileFormatError as exc:
        _say(f"treadmill-ctl presets show: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        _say(json_text(_detail(preset, settings)))
        return EXIT_OK
    s = _summary(preset, settings)
    _say(f"{plain(preset.name)}  [{preset.id}{', built-in' if preset.builtin else ''}]")
    if preset.description:
        _say(f"  {preset.description}")
    _say(
        f"  {estimate_text(s['estimated_s'])} total ({_mmss(s['total_s'])} at speed), "
        f"{_mmss(s['backward_s'])} backward in {s['backward_blocks']} blocks"
    )
    for step in preset.steps:
        if isinstance(step, Repeat):
            _say(f"  {step.times} ×")
            for phase in step.phases:
                _say(f"      {_phase_line(phase, settings)}")
                _say_cues(phase, "        ")
        else:
            _say(f"  {_phase_line(step, settings)}")
            _say_cues(step, "    ")
    return EXIT_OK


def _say_cues(phase: Phase, indent: str) -> None:
    for cue in phase.cues:
        _say(f"{indent}at {_mmss(cue.at_s)}: {plain(cue.text)}")


def _phase_line(phase: Phase, settings: Settings) -> str:
    speed = phase.speed_kmh if phase.speed_kmh is not None else settings.backward_default_kmh
    incline = f", incline {phase.incline_pct:g} %" if phase.incline_pct is not None else ""
    follow = ""
    if phase.hr_zone_bpm is not None:
        low, high = phase.hr_zone_bpm
        top = speed_words(phase.hr_max_kmh or speed, settings.speed_unit)
        follow = f", following {low}–{high} bpm up to {top}"
    return (
        f"{plain(phase.label):<22} {phase.direction:<8} {_mmss(phase.duration_s):>6} "
        f"at {speed_words(speed, settings.speed_unit)}{incline}{follow}"
    )


def _detail(preset: Preset, settings: Settings) -> dict[str, Any]:
    out = _summary(preset, settings)
    out["phases"] = [
        {
            "kind": str(p.kind),
            "direction": str(p.direction),
            "name": p.label,
            "duration_s": p.duration_s,
            "speed_kmh": p.speed_kmh if p.speed_kmh is not None else settings.backward_default_kmh,
            "incline_pct": p.incline_pct,
        }
        for p in preset.phases
    ]
    return out


def _validate(args: argparse.Namespace) -> int:
    result = check_preset_file(args.file, settings=_settings())
    for problem in result.errors:
        _say(f"error: {problem}")
    for problem in result.warnings:
        _say(f"warning: {problem}")
    if result.preset is None:
        return EXIT_INVALID
    _say(f"{args.file}: ok ({plain(result.preset.name)}, {_mmss(result.preset.total_s)})")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    library, _ = _library()
    notes: tuple[FileFormatError, ...] = ()
    try:
        finish = parse_finish(args.add_backward) if args.add_backward is not None else None
    except ValueError as exc:
        _say(f"treadmill-ctl presets import: --add-backward {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if workout_format(args.file) is not None:
            preset, result = import_workout(library, args.file, finish=finish)
            notes = result.notes
        elif finish is not None:
            preset = import_preset_with_finish(library, args.file, finish)
        else:
            preset = library.import_file(args.file)
    except FileFormatError as exc:
        _say(f"treadmill-ctl presets import: {exc}", file=sys.stderr)
        _say("nothing was imported", file=sys.stderr)
        return EXIT_INVALID
    except OSError as exc:
        _say(f"treadmill-ctl presets import: cannot save: {exc}", file=sys.stderr)
        return EXIT_INVALID
    for note in notes:
        _say(f"note: {note}")
    _say(f"imported {plain(preset.name)} as '{preset.id}' ({preset.path})")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    library, settings = _library()
    target = args.output or args.file
    if target is None or (args.output is not None and args.file is not None):
        _say("treadmill-ctl presets export: give the file once (FILE or -o FILE)", file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format or (
        str(workout_format(target)) if workout_format(target) is not None else "toml"
    )
    if fmt != "toml" or args.output is not None:
        return _export_as(
            library,
            settings,
            args.name,
            fmt=WorkoutFormat(fmt) if fmt != "toml" else None,
            target=target,
            force=args.force,
        )
    try:
        path = library.export(args.name, args.file)
    except FileFormatError as exc:
        _say(f"treadmill-ctl presets export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        _say(f"treadmill-ctl presets export: cannot write {args.file}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    _say(f"wrote {path}")
    return EXIT_OK


def _export_as(
    library: PresetLibrary,
    settings: Settings,
    name: str,
    *,
    fmt: WorkoutFormat | None,
    target: Path,
    force: bool,
) -> int:
    """``export NAME --format F -o FILE``: never over an existing file without --force."""
    try:
        preset = library.resolve(name)
    except FileFormatError as exc:
        _say(f"treadmill-ctl presets export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if target.exists() and not force:
        _say(
            f"treadmill-ctl presets export: {target} exists (--force to replace it)",
            file=sys.stderr,
        )
        return EXIT_INVALID
    try:
        if fmt is None:
            library.export(preset.id, target)
        else:
            export_workout(preset, fmt, target, settings, force=True)
    except OSError as exc:
        _say(f"treadmill-ctl presets export: cannot write {target}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    _say(f"wrote {target}")
    if fmt is WorkoutFormat.FIT:
        # A FIT step's notes hold 254 bytes: say which cues did not fit (never silently).
        for phase, cue in cues_left_out(preset, settings):
            _say(
                f"note: {plain(phase.label)}: the cue at {_mmss(cue.at_s)} is left out "
                "(a FIT step's notes are full)"
            )
    return EXIT_OK


def _mmss(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d}"


def _say(text: str, file: TextIO | None = None) -> None:
    """One line of output (stdout unless ``file``), with no escape or control characters."""
    (file or sys.stdout).write(plain(text, keep_newlines=True) + "\n")
