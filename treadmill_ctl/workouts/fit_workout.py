"""Garmin FIT workout files, in and out, with Garmin's ``garmin-fit-sdk`` (Decoder, Encoder).

In: a FIT file of type ``workout`` (sport running, or none): its ``workout_step`` messages in
order. A step lasts a time (or a distance, turned into a time at its speed, noted), targets a
speed (``custom_target_speed_low``…``high``; a range runs at its middle, noted; an open target
runs at an easy pace, noted), and ``repeat_until_steps_cmplt`` steps repeat the steps from
``duration_step`` (a repeat inside a repeat is written out in full). The intensity gives the
kind (warmup, cooldown, active → forward, recovery, rest → walk); a step runs backward only
when its notes say ``direction: backward``, as the files written here do. A custom heart-rate
target (bpm) is a forward phase that follows the heart rate (its start and top speed from the
notes, ``speed: …``/``max: …``, or an easy pace, noted). Zones of the watch, % of maximum heart
rate, power or cadence targets, open (lap button) steps and other ends are errors naming the
step. Text cues come from the notes' later lines (``at 0:30: Relax``).

Out: the same, so a watch shows each phase by name and length ("Backward 0:30") and the
file reads back as the preset (speeds in mm/s, times in ms, heart rates as bpm + 100 as FIT
counts them); a phase's cues go into its notes, as many as fit FIT's 255-byte string (the
rest are left out).
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Final

from garmin_fit_sdk import Decoder, Encoder, Profile, Stream

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.ftms.model import Capabilities
from treadmill_ctl.session.phase_cues import clean_cue_text
from treadmill_ctl.session.plan import Phase, PhaseCue, PhaseKind, Repeat, Step
from treadmill_ctl.session.presets import Preset
from treadmill_ctl.settings import Settings
from treadmill_ctl.texts import tr
from treadmill_ctl.workouts.draft import (
    FREE_RUN_FRACTION,
    MAX_STEPS,
    ImportReport,
    StepSource,
    WorkoutImport,
    finish,
    plain_text,
    speed_kmh,
    whole_seconds,
)

log = logging.getLogger(__name__)

FIT_SUFFIX: Final = ".fit"
_MESG: Final[dict[str, int]] = Profile["mesg_num"]
MAX_FIT_STEPS: Final = 500  # workout_step messages read (a real workout has a few dozen)

_KIND_OF_INTENSITY: Final = {
    "warmup": PhaseKind.WARMUP,
    "cooldown": PhaseKind.COOLDOWN,
    "recovery": PhaseKind.RECOVERY,
    "rest": PhaseKind.WALK,
}
_INTENSITY_OF_KIND: Final = {
    PhaseKind.WARMUP: "warmup",
    PhaseKind.COOLDOWN: "cooldown",
    PhaseKind.RECOVERY: "recovery",
    PhaseKind.WALK: "rest",
    PhaseKind.FORWARD: "active",
    PhaseKind.BACKWARD: "interval",
}
_BACKWARD_NOTE: Final = re.compile(r"\bdirection:\s*backward\b", re.IGNORECASE)
_INCLINE_NOTE: Final = re.compile(r"\bincline:\s*(-?\d{1,2}(?:\.\d{1,2})?)\s*%")
_CLOCK_SUFFIX: Final = re.compile(r"\s+(\d{1,4}):([0-5]\d)$")
_CUE_NOTE: Final = re.compile(r"at (\d{1,4}):([0-5]\d): (.*)")  # one line of the notes
_SPEED_NOTE: Final = re.compile(r"(?:^|;\s*)speed: (\d{1,2}(?:\.\d{1,2})?) km/h")
_MAX_NOTE: Final = re.compile(r"(?:^|;\s*)max: (\d{1,2}(?:\.\d{1,2})?) km/h")
NOTES_MAX_BYTES: Final = 254  # a FIT string field: at most 255 bytes with its terminating 0
HR_BPM_OFFSET: Final = 100  # FIT heart-rate targets: 0-100 % of the maximum, else bpm + 100


# ---- reading ----------------------------------------------------------------------------


def _sdk_read(data: bytes) -> tuple[str | None, Any, list[Any]]:
    """What the SDK makes of ``data``: a reason it is no FIT file (or ``None``), the messages
    and the decoder's errors."""
    if not Decoder(Stream.from_byte_array(bytearray(data))).is_fit():
        return "not a FIT file", {}, []
    if not Decoder(Stream.from_byte_array(bytearray(data))).check_integrity():
        return "a damaged FIT file (its checksum is wrong)", {}, []
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        convert_datetimes_to_dates=False, merge_heart_rates=False
    )
    return None, messages, list(errors)


def _decode(data: bytes, source: str) -> dict[str, list[dict[str, Any]]]:
    """The messages of a FIT file; a FileFormatError for anything the SDK cannot read."""
    try:
        refused, messages, errors = _sdk_read(data)
    except Exception as exc:  # a third-party decoder on untrusted bytes: never a crash
        log.warning("FIT decoder failed on %s", source, exc_info=True)
        raise FileFormatError(source, None, f"cannot be read as FIT: {exc}") from None
    if refused:
        raise FileFormatError(source, None, refused)
    if errors:
        raise FileFormatError(source, None, f"cannot be read as FIT: {errors[0]}")
    if not isinstance(messages, Mapping):
        raise FileFormatError(source, None, "cannot be read as FIT")
    return {str(k): v for k, v in messages.items() if isinstance(v, list)}


def _num(mesg: Mapping[str, Any], key: str) -> float | None:
    value = mesg.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _word(mesg: Mapping[str, Any], key: str) -> str | None:
    value = mesg.get(key)
    if value is None:
        return None
    return value if isinstance(value, str) else f"value {value!r}"[:40]


def read_fit_workout(
    data: bytes,
    source: str,
    *,
    settings: Settings,
    capabilities: Capabilities | None = None,
) -> WorkoutImport:
    """The preset of a FIT workout file, or every reason it cannot be one."""
    try:
        messages = _decode(data, source)
    except FileFormatError as exc:
        return WorkoutImport(None, (exc,))
    report = ImportReport(source)
    file_ids = [m for m in messages.get("file_id_mesgs", []) if isinstance(m, Mapping)]
    kind = _word(file_ids[0], "type") if file_ids else None
    if kind != "workout":
        what = "a recorded activity" if kind == "activity" else f"a FIT {kind or 'file'}"
        report.error(None, f"{what}, not a workout (file type workout)")
        return report.failed()
    workouts = [m for m in messages.get("workout_mesgs", []) if isinstance(m, Mapping)]
    workout = workouts[0] if workouts else {}
    sport = _word(workout, "sport")
    if sport not in (None, "running", "generic"):
        report.error(None, f"a {sport} workout: only running workouts can be imported")
    raw_steps = [m for m in messages.get("workout_step_mesgs", []) if isinstance(m, Mapping)]
    if len(raw_steps) > MAX_FIT_STEPS:
        report.error(None, f"{len(raw_steps)} steps: a workout may have at most {MAX_FIT_STEPS}")
        return report.failed()
    if all(isinstance(m.get("message_index"), int) for m in raw_steps):
        raw_steps.sort(key=lambda m: int(m["message_index"]))
    steps = _map_steps(raw_steps, report, settings.threshold_speed_kmh)
    name = workout.get("wkt_name")
    return finish(
        report,
        name=name if isinstance(name, str) and name.strip() else _stem(source),
        description="Imported from a FIT workout.",
        steps=steps,
        settings=settings,
        capabilities=capabilities,
    )


def _stem(source: str) -> str:
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name[: -len(FIT_SUFFIX)] if name.casefold().endswith(FIT_SUFFIX) else name


def _map_steps(
    raw_steps: Sequence[Mapping[str, Any]], report: ImportReport, threshold: float
) -> list[tuple[Step, StepSource]]:
    # (index of the first FIT step it covers, step, where it came from)
    items: list[tuple[int, Step, StepSource]] = []
    for index, mesg in enumerate(raw_steps):
        raw_name = mesg.get("wkt_step_name")
        shown = plain_text(raw_name, 40).replace("\n", " ") if isinstance(raw_name, str) else ""
        at = StepSource(f"step {index + 1}{f' ({shown})' if shown else ''}", None, index + 1)
        if _word(mesg, "duration_type") == "repeat_until_steps_cmplt":
            _repeat(mesg, index, at, items, report)
            continue
        phase = _phase(mesg, at, report, threshold)
        if phase is not None:
            items.append((index, phase, at))
    return [(step, at) for _, step, at in items]


def _repeat(
    mesg: Mapping[str, Any],
    index: int,
    at: StepSource,
    items: list[tuple[int, Step, StepSource]],
    report: ImportReport,
) -> None:
    first = _num(mesg, "duration_step")
    first = first if first is not None else _num(mesg, "duration_value")
    times = _num(mesg, "repeat_steps")
    times = times if times is not None else _num(mesg, "target_value")
    if first is None or not first.is_integer() or not 0 <= first < index:
        report.error(at, "a repeat must go back to an earlier step (duration_step)")
        return
    if times is None or not times.is_integer() or times < 1:
        report.error(at, "a repeat needs its number of times (repeat_steps)")
        return
    starts = [start for start, _, _ in items]
    if int(first) not in starts:
        if not report.errors:  # the step it repeats from may have failed already
            report.error(at, f"repeats from step {int(first) + 1}, inside another repeat")
        return
    cut = starts.index(int(first))
    phases: list[Phase] = []
    for _, step, _ in items[cut:]:
        phases.extend(step.expand() if isinstance(step, Repeat) else (step,))
        if len(phases) > MAX_STEPS:
            report.error(at, f"more than {MAX_STEPS} phases in one repeat")
            return
    del items[cut:]
    items.append((int(first), Repeat(int(times), tuple(phases)), at))


def _phase(
    mesg: Mapping[str, Any], at: StepSource, report: ImportReport, threshold: float
) -> Phase | None:
    text = mesg.get("notes") if isinstance(mesg.get("notes"), str) else ""
    assert isinstance(text, str)
    # The first line says how the phase runs; the cues follow, one a line (so no cue's words
    # can say "direction: backward").
    notes, *cue_lines = text.split("\n")
    intensity = _word(mesg, "intensity")
    if _BACKWARD_NOTE.search(notes):
        kind = PhaseKind.BACKWARD
    else:
        kind = _KIND_OF_INTENSITY.get(intensity or "", PhaseKind.FORWARD)
    zone: tuple[int, int] | None = None
    top: float | None = None
    if _word(mesg, "target_type") == "heart_rate":
        zone = _heart_rate_zone(mesg, at, report, kind)
        speed = _note_speed(_SPEED_NOTE, notes)
        top = _note_speed(_MAX_NOTE, notes)
        if speed is None and zone is not None:
            speed = speed_kmh(FREE_RUN_FRACTION * threshold)
            report.note(
                at,
                tr(
                    "a heart-rate step without its speed: it starts at {speed} km/h",
                    speed=f"{speed:g}",
                ),
            )
        if zone is None:
            speed = None
    else:
        speed = _speed(mesg, at, report, threshold)
    duration = _duration(mesg, at, report, speed)
    if speed is None or duration is None:
        return None
    incline_match = _INCLINE_NOTE.search(notes)
    incline = float(incline_match.group(1)) if incline_match else None
    matches = [m for line in cue_lines if (m := _CUE_NOTE.fullmatch(line.strip()))]
    cues = tuple(
        PhaseCue(int(m.group(1)) * 60 + int(m.group(2)), clean_cue_text(m.group(3)))
        for m in matches
        if clean_cue_text(m.group(3))
    )
    name = _phase_name(mesg, kind, duration)
    return Phase(kind, duration, speed, incline, name, cues, zone, top)


def _note_speed(pattern: re.Pattern[str], notes: str) -> float | None:
    match = pattern.search(notes)
    return speed_kmh(float(match.group(1))) if match else None


def _heart_rate_zone(
    mesg: Mapping[str, Any], at: StepSource, report: ImportReport, kind: PhaseKind
) -> tuple[int, int] | None:
    """A custom heart-rate target in bpm (FIT: bpm + 100), for a forward phase to follow."""
    zone = _num(mesg, "target_hr_zone")
    zone = zone if zone is not None else _num(mesg, "target_value")
    low = _num(mesg, "custom_target_heart_rate_low")
    low = low if low is not None else _num(mesg, "custom_target_value_low")
    high = _num(mesg, "custom_target_heart_rate_high")
    high = high if high is not None else _num(mesg, "custom_target_value_high")
    if zone not in (None, 0.0) or low is None or high is None:
        which = f" (zone {zone:g})" if zone not in (None, 0.0) else ""
        report.error(
            at,
            tr("a heart-rate zone of the watch{which}: the file gives no heart rate", which=which),
        )
        return None
    if low <= HR_BPM_OFFSET or high <= HR_BPM_OFFSET:
        report.error(at, tr("a heart-rate target in % of the maximum: give it in bpm"))
        return None
    if kind.direction.value == "backward":
        report.error(at, tr("a backward step cannot follow the heart rate (its speed stays fixed)"))
        return None
    return round(low) - HR_BPM_OFFSET, round(high) - HR_BPM_OFFSET


def _speed(
    mesg: Mapping[str, Any], at: StepSource, report: ImportReport, threshold: float
) -> float | None:
    target = _word(mesg, "target_type")
    if target in (None, "open"):
        speed = speed_kmh(FREE_RUN_FRACTION * threshold)
        report.note(
            at,
            f"no speed target: it runs at {speed:g} km/h ({FREE_RUN_FRACTION:.0%} of your "
            "threshold pace; change it with Up/Down)",
        )
        return speed
    if target != "speed":
        report.error(at, f"a {target} target cannot be mapped to a treadmill speed")
        return None
    zone = _num(mesg, "target_speed_zone")
    if zone is None:
        zone = _num(mesg, "target_value")
    low, high = _num(mesg, "custom_target_speed_low"), _num(mesg, "custom_target_speed_high")
    if zone not in (None, 0.0) or low is None or high is None:
        which = f" (zone {zone:g})" if zone not in (None, 0.0) else ""
        report.error(at, f"a speed zone of the watch{which}: the file gives no speed")
        return None
    if low != high:
        report.note(
            at,
            f"a speed range {speed_kmh(low * 3.6):g}–{speed_kmh(high * 3.6):g} km/h "
            "runs at its middle",
        )
    return speed_kmh((low + high) / 2 * 3.6)


def _duration(
    mesg: Mapping[str, Any], at: StepSource, report: ImportReport, speed: float | None
) -> float | None:
    kind = _word(mesg, "duration_type")
    if kind == "time":
        seconds = _num(mesg, "duration_time")
        if seconds is None and (ms := _num(mesg, "duration_value")) is not None:
            seconds = ms / 1000
        if seconds is None:
            report.error(at, "a timed step without its time")
        return whole_seconds(seconds) if seconds is not None else None
    if kind == "distance":
        metres = _num(mesg, "duration_distance")
        if metres is None and (cm := _num(mesg, "duration_value")) is not None:
            metres = cm / 100
        if metres is None:
            report.error(at, "a distance step without its distance")
            return None
        if speed is None or speed <= 0:
            return None  # its speed was already reported
        seconds = whole_seconds(metres / (speed / 3.6))
        report.note(at, f"{metres:g} m at {speed:g} km/h runs as {seconds:g} s")
        return seconds
    if kind in (None, "open"):
        report.error(at, "an open step (it ends on the lap button): a preset step needs a time")
    else:
        report.error(at, f"a step that ends on {kind} cannot be mapped (time, distance, repeat)")
    return None


def _phase_name(mesg: Mapping[str, Any], kind: PhaseKind, duration: float) -> str:
    raw = mesg.get("wkt_step_name")
    name = plain_text(raw, 80).replace("\n", " ") if isinstance(raw, str) else ""
    clock = _CLOCK_SUFFIX.search(name)
    if clock and int(clock.group(1)) * 60 + int(clock.group(2)) == round(duration):
        name = name[: clock.start()].strip()  # the length a watch shows: not part of the name
    return "" if name == kind.label else name


# ---- writing ----------------------------------------------------------------------------


def _clock(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d}"


def cues_left_out(preset: Preset, settings: Settings) -> list[tuple[Phase, PhaseCue]]:
    """The cues that a FIT export of ``preset`` leaves out (its notes were full), in order."""
    out: list[tuple[Phase, PhaseCue]] = []
    for phase in preset.phases:
        speed = phase.speed_kmh if phase.speed_kmh is not None else settings.backward_default_kmh
        out += [(phase, cue) for cue in _notes(phase, speed)[1]]
    return out


def _notes(phase: Phase, speed: float) -> tuple[str, list[PhaseCue]]:
    """The step's notes: direction, incline, a heart-rate phase's speeds on the first line,
    then its cues, one a line, while they fit FIT's string (``NOTES_MAX_BYTES``); and the
    cues left out."""
    parts = [f"direction: {phase.direction.value}"]
    if phase.incline_pct is not None:
        parts.append(f"incline: {phase.incline_pct:g} %")
    if phase.hr_zone_bpm is not None:
        parts.append(f"speed: {speed:g} km/h")
        if phase.hr_max_kmh is not None:
            parts.append(f"max: {phase.hr_max_kmh:g} km/h")
    notes = "; ".join(parts)
    left_out: list[PhaseCue] = []
    for cue in phase.cues:
        more = f"{notes}\nat {_clock(cue.at_s)}: {clean_cue_text(cue.text)}"
        if len(more.encode()) > NOTES_MAX_BYTES:
            left_out.append(cue)
            continue
        notes = more
    return notes, left_out


def _step_mesg(index: int, phase: Phase, settings: Settings) -> dict[str, Any]:
    speed = phase.speed_kmh if phase.speed_kmh is not None else settings.backward_default_kmh
    mm_per_s = round(speed / 3.6 * 1000)
    target: dict[str, Any] = {
        "target_type": "speed",
        "target_value": 0,
        "custom_target_value_low": mm_per_s,
        "custom_target_value_high": mm_per_s,
    }
    if phase.hr_zone_bpm is not None:
        low, high = phase.hr_zone_bpm
        target = {
            "target_type": "heart_rate",
            "target_value": 0,
            "custom_target_value_low": low + HR_BPM_OFFSET,
            "custom_target_value_high": high + HR_BPM_OFFSET,
        }
    return {
        "mesg_num": _MESG["WORKOUT_STEP"],
        "message_index": index,
        "wkt_step_name": f"{plain_text(phase.label, 40)} {_clock(phase.duration_s)}",
        "duration_type": "time",
        "duration_value": round(phase.duration_s * 1000),
        **target,
        "intensity": _INTENSITY_OF_KIND[phase.kind],
        "notes": _notes(phase, speed)[0],
    }


def preset_to_fit(preset: Preset, settings: Settings, *, created: datetime | None = None) -> bytes:
    """The preset as a FIT workout file (running, on a treadmill) for a watch or Garmin
    Connect: one step per phase, named with its length, and repeat steps for repeat groups."""
    steps: list[dict[str, Any]] = []
    for step in preset.steps:
        if isinstance(step, Repeat):
            first = len(steps)
            steps += [_step_mesg(len(steps) + i, p, settings) for i, p in enumerate(step.phases)]
            steps.append(
                {
                    "mesg_num": _MESG["WORKOUT_STEP"],
                    "message_index": len(steps),
                    "duration_type": "repeat_until_steps_cmplt",
                    "duration_value": first,
                    "target_value": step.times,
                    "intensity": "active",
                }
            )
        else:
            steps.append(_step_mesg(len(steps), step, settings))
    enc = Encoder()
    enc.write_mesg(
        {
            "mesg_num": _MESG["FILE_ID"],
            "type": "workout",
            "manufacturer": "development",
            "product": 0,
            "serial_number": 1,
            "time_created": created or datetime.now(UTC),
            "product_name": "treadmill-ctl",
        }
    )
    enc.write_mesg(
        {
            "mesg_num": _MESG["WORKOUT"],
            "wkt_name": plain_text(preset.name, 80).replace("\n", " "),
            "sport": "running",
            "sub_sport": "treadmill",
            "num_valid_steps": len(steps),
        }
    )
    for mesg in steps:
        enc.write_mesg(mesg)
    return bytes(enc.close())
