"""What the settings screen shows: one ``FieldSpec`` per setting (its label, help, how it is
edited and its stepper's range), grouped in ``SECTIONS``, and the rows of the key tables.

Qt-free: the settings bridge (``settings_bridge.py``) translates these and hands them to QML;
the real check of a value is ``Settings.problems``, not the ranges here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Final

from treadmill_ctl.settings import (
    BACKWARD_HARD_CEILING_KMH,
    FORWARD_HARD_CEILING_KMH,
    TURNING_WALK_MAX_KMH,
    DistanceUnit,
    Language,
    Theme,
)
from treadmill_ctl.texts import tr
from treadmill_ctl.units import SpeedUnit, TurningStyle


class FieldKind(enum.StrEnum):
    """How a setting is edited on screen."""

    SPEED = "speed"  # km/h in the file, shown in the user's unit; stepper
    NUMBER = "number"  # stepper
    OPTIONAL_NUMBER = "optional_number"  # stepper with "off"
    CHOICE = "choice"  # segmented buttons
    SWITCH = "switch"
    VOLUME = "volume"  # slider 0-100 %
    FOLDER = "folder"  # a path with a folder dialog


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One setting on screen. ``minimum``/``maximum``/``step`` drive the stepper (in km/h for
    speeds); the real check is ``Settings.problems``."""

    key: str
    label: str
    help: str
    kind: FieldKind
    unit: str = ""
    minimum: float = 0.0
    maximum: float = 0.0
    step: float = 1.0
    choices: tuple[tuple[str, str], ...] = ()


SPEED_RATES: Final = frozenset({"ramp_kmh_per_s"})
"""Number fields that are a speed per second: shown and typed in the user's speed unit."""

SECTIONS: Final[tuple[tuple[str, tuple[FieldSpec, ...]], ...]] = (
    (
        tr("Safety"),
        (
            FieldSpec(
                "backward_cap_kmh",
                tr("Backward cap"),
                tr(
                    tr("No backward block runs faster. Never above {limit} km/h."),
                    limit=f"{BACKWARD_HARD_CEILING_KMH:.1f}",
                ),
                FieldKind.SPEED,
                minimum=0.5,
                maximum=BACKWARD_HARD_CEILING_KMH,
                step=0.1,
            ),
            FieldSpec(
                "backward_default_kmh",
                tr("Default backward speed"),
                tr("Used by backward blocks that do not set a speed. At most the backward cap."),
                FieldKind.SPEED,
                minimum=0.5,
                maximum=BACKWARD_HARD_CEILING_KMH,
                step=0.1,
            ),
            FieldSpec(
                "forward_cap_kmh",
                tr("Forward cap"),
                tr("No forward phase runs faster (the treadmill's own maximum also applies)."),
                FieldKind.SPEED,
                minimum=0.5,
                maximum=FORWARD_HARD_CEILING_KMH,
                step=0.5,
            ),
            FieldSpec(
                "ramp_kmh_per_s",
                tr("Ramp rate"),
                tr("How fast the speed may change, in steps. STOP is never ramped."),
                FieldKind.NUMBER,
                unit="km/h per s",
                minimum=0.05,
                maximum=2.0,
                step=0.05,
            ),
            FieldSpec(
                "turning_style",
                tr("Turning around"),
                tr("Between forward and backward the belt slows down to this, then counts down."),
                FieldKind.CHOICE,
                choices=(("stop", tr("Belt stopped")), ("walk", tr("Slow walk"))),
            ),
            FieldSpec(
                "turning_walk_kmh",
                tr("Turning walk speed"),
                tr(
                    tr("Belt speed while turning with “Slow walk” (at most {limit} km/h)."),
                    limit=f"{TURNING_WALK_MAX_KMH:.1f}",
                ),
                FieldKind.SPEED,
                minimum=0.1,
                maximum=TURNING_WALK_MAX_KMH,
                step=0.1,
            ),
            FieldSpec(
                "countdown_s",
                tr("Turn-around countdown"),
                tr("Seconds counted out loud before the belt moves in the new direction."),
                FieldKind.NUMBER,
                unit="s",
                minimum=3,
                maximum=30,
                step=1,
            ),
            FieldSpec(
                "start_countdown_s",
                tr("Start countdown"),
                tr("Seconds counted before the belt first moves."),
                FieldKind.NUMBER,
                unit="s",
                minimum=3,
                maximum=30,
                step=1,
            ),
            FieldSpec(
                "hr_cap_bpm",
                tr("Heart-rate cap"),
                tr("Above it during a backward block, the belt slows to the turning speed."),
                FieldKind.OPTIONAL_NUMBER,
                unit="bpm",
                minimum=60,
                maximum=230,
                step=5,
            ),
        ),
    ),
    (
        tr("Display"),
        (
            FieldSpec(
                "speed_unit",
                tr("Speed"),
                tr("Speeds on every screen and in the editor."),
                FieldKind.CHOICE,
                choices=(("kmh", tr("km/h")), ("mph", tr("mph"))),
            ),
            FieldSpec(
                "distance_unit",
                tr("Distance"),
                tr("Distances on every screen."),
                FieldKind.CHOICE,
                choices=(("metric", tr("Metric (km)")), ("imperial", tr("Imperial (mi)"))),
            ),
            FieldSpec(
                "theme",
                tr("Theme"),
                tr("Dark is easier to read from the treadmill."),
                FieldKind.CHOICE,
                choices=(
                    ("dark", tr("Dark")),
                    ("light", tr("Light")),
                    ("high_contrast", tr("High contrast")),
                ),
            ),
            FieldSpec(
                "language",
                tr("Language"),
                tr("Auto: the system's. EN English, DE Deutsch, ES Español, FR Français."),
                FieldKind.CHOICE,
                # Codes: five names do not fit beside the label at 1024×600.
                choices=(
                    ("system", tr("Auto")),
                    ("en", "EN"),
                    ("de", "DE"),
                    ("es", "ES"),
                    ("fr", "FR"),
                ),
            ),
        ),
    ),
    (
        tr("Sound"),
        (
            FieldSpec(
                "sound_on",
                tr("Sound cues"),
                tr("Beeps and tones before changes."),
                FieldKind.SWITCH,
            ),
            FieldSpec(
                "voice_on", tr("Voice"), tr("Spoken phrases: “backward in five”."), FieldKind.SWITCH
            ),
            FieldSpec(
                "volume", tr("Volume"), "", FieldKind.VOLUME, unit="%", maximum=1.0, step=0.05
            ),
        ),
    ),
    (
        tr("Keys"),
        (
            FieldSpec(
                "clicker_mode",
                tr("Presenter clicker"),
                tr(
                    "PageUp, PageDown, B, period, F5 and Escape from a clicker: any of them can "
                    "stop; none can start the belt or speed it up."
                ),
                FieldKind.SWITCH,
            ),
        ),
    ),
    (
        # The plan gate (session/plan_gate.py): when a training plan moves on, repeats a
        # session or steps back. The ranges never overlap (settings.py checks them too).
        tr("Plans"),
        (
            FieldSpec(
                "plan_pain_ok_max",
                tr("Knee pain to move on"),
                tr("A knee plan moves on only when knee pain stayed at or below this (0–10)."),
                FieldKind.NUMBER,
                unit=tr("of 10"),
                minimum=0,
                maximum=3,
                step=1,
            ),
            FieldSpec(
                "plan_pain_high",
                tr("High knee pain"),
                tr("Knee pain at or above this steps the plan back; between: the same session."),
                FieldKind.NUMBER,
                unit=tr("of 10"),
                minimum=4,
                maximum=8,
                step=1,
            ),
            FieldSpec(
                "plan_effort_max",
                tr("Highest effort to move on"),
                tr("Effort (0–10) above this repeats the session instead of moving on."),
                FieldKind.NUMBER,
                unit=tr("of 10"),
                minimum=3,
                maximum=10,
                step=1,
            ),
            FieldSpec(
                "plan_high_pain_sessions",
                tr("See a professional after"),
                tr(
                    "High knee pain this many sessions in a row: the plan says to see a "
                    "professional."
                ),
                FieldKind.NUMBER,
                unit=tr("sessions"),
                minimum=1,
                maximum=5,
                step=1,
            ),
        ),
    ),
    (
        tr("Diagnostics"),
        (
            FieldSpec(
                "debug_traffic_log",
                tr("Bluetooth traffic log"),
                tr("Records every packet to and from the treadmill, to attach to a bug report."),
                FieldKind.SWITCH,
            ),
            FieldSpec(
                "traffic_log_dir",
                tr("Log folder"),
                tr("Where traffic logs are written."),
                FieldKind.FOLDER,
            ),
        ),
    ),
)

SPECS: Final[dict[str, FieldSpec]] = {f.key: f for _, fields in SECTIONS for f in fields}

ENUMS: Final[dict[str, type[enum.StrEnum]]] = {
    "turning_style": TurningStyle,
    "speed_unit": SpeedUnit,
    "distance_unit": DistanceUnit,
    "theme": Theme,
    "language": Language,
}

# What each action does, in the words of the "?" overlay and the settings screen.
ACTION_LABELS: Final[dict[str, str]] = {
    "stop": tr("STOP"),
    "pause_resume": tr("Pause / resume"),
    "pause": tr("Pause"),
    "start_confirm": tr("Start / confirm"),
    "skip": tr("Skip to the next phase"),
    "extend": tr("Extend this phase"),
    "speed_up_small": tr("Speed +0.1"),
    "speed_down_small": tr("Speed −0.1"),
    "speed_up_big": tr("Speed +0.5"),
    "speed_down_big": tr("Speed −0.5"),
    "fullscreen": tr("Full screen"),
    "help": tr("Show the keys"),
}


def bindings_rows(bindings: Any, defaults: dict[str, tuple[str, ...]]) -> list[dict[str, str]]:
    rows = []
    for action in dict.fromkeys([*defaults, *bindings]):
        keys = bindings.get(action, ())
        rows.append(
            {
                "action": action,
                "label": ACTION_LABELS.get(action, action.replace("_", " ")),
                "keys": ", ".join(keys) if keys else "—",
            }
        )
    return rows
