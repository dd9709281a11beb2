"""The built-in presets' names, descriptions and step names, marked for translation.

The shipped preset files (``resources/presets/``) are English; the catalogues (i18n/*.ts) hold
their words in German, Spanish and French. ``translatable(preset)`` gives a *built-in* preset
these ``Text`` versions (its English words unchanged, so the command line, the history and the
exports read them as before), which the window translates where it shows them. A user's own
preset files stay as written, in whatever language their author used.

Keyed by the preset's id (and a step's English name): a built-in whose words differ from these
(edited in a checkout) keeps its own, untranslated. ``tests/session/test_builtin_texts.py``
fails when a shipped preset has no entry or its words drifted from it.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Final

from treadmill_ctl.session.plan import Phase, Repeat, Step
from treadmill_ctl.texts import Text, tr

if TYPE_CHECKING:
    from treadmill_ctl.session.presets import Preset

# id -> (name, description)
PRESET_TEXTS: Final[dict[str, tuple[Text, Text]]] = {
    "backward-warm-up": (
        tr("Backward warm-up"),
        tr(
            "A nine-minute warm-up before your training: an easy walk, then three minutes "
            "of backward walking at 2.5 km/h in one-minute blocks, with a minute of forward "
            "jogging after each. Wakes up the calves, the quads and your balance."
        ),
    ),
    "eight-by-ninety-long": (
        tr("Eight by ninety (45 min)"),
        tr(
            "A full 45-minute session for experienced backward runners: a long warm-up, a "
            "steady forward run, then eight backward blocks of 90 seconds at 3.0 km/h with "
            "two minutes of forward recovery, and a cool-down. Twelve minutes backward in "
            "all."
        ),
    ),
    "first-steps": (
        tr("First steps"),
        tr(
            "Your first backward running. An easy warm-up walk and a gentle forward jog, "
            "then two short backward blocks of 30 seconds at a slow 3.0 km/h, each followed "
            "by 90 seconds of easy forward running to recover. Keep your steps short, land "
            "on the balls of your feet, and hold the rails if you need to. About 15 "
            "minutes."
        ),
    ),
    "four-by-forty-five": (
        tr("Four by forty-five"),
        tr(
            "Longer blocks, same speed: four backward blocks of 45 seconds at 3.0 km/h with "
            "90 seconds of forward recovery. Stay relaxed and upright; if your calves burn, "
            'step back down to "Four by thirty". About 20 minutes.'
        ),
    ),
    "four-by-ninety": (
        tr("Four by ninety"),
        tr(
            "Four backward blocks of 90 seconds at 3.0 km/h with two minutes of forward "
            "recovery. Long enough to settle into a rhythm: short quick steps, eyes ahead, "
            "arms relaxed. About 25 minutes."
        ),
    ),
    "four-by-sixty": (
        tr("Four by sixty"),
        tr(
            "A full minute backward, four times, at 3.0 km/h, with 90 seconds of forward "
            "recovery in between. This is where backward running starts to work your quads "
            "and knees in a new way. About 21 minutes."
        ),
    ),
    "four-by-thirty": (
        tr("Four by thirty"),
        tr(
            'The classic start once "First steps" feels easy: four backward blocks of 30 '
            "seconds at 3.0 km/h, each followed by 90 seconds of easy forward running. Same "
            "gentle speed, twice the blocks. About 19 minutes."
        ),
    ),
    "knee-friendly": (
        tr("Knee-friendly backward walk"),
        tr(
            "Backward walking uphill is used in knee rehabilitation: it strengthens the "
            "thigh muscles with little load on the front of the knee. Six blocks of two "
            "minutes walking backward at 2.0 km/h on a 4 % incline, each followed by a "
            "minute of easy forward walking. On a treadmill that cannot incline it is "
            "walked flat. About 26 minutes."
        ),
    ),
    "referee-defender": (
        tr("Referee / defender conditioning"),
        tr(
            "For referees and defenders, who back-pedal many times in a match: ten short "
            "backward segments of 20 seconds at 4.0 km/h between 40-second forward runs at "
            "8.0 km/h. The belt turns at a walk instead of stopping, so the turns come "
            "quickly: listen for the countdown. About 28 minutes, most of it turning and "
            "running."
        ),
    ),
    "six-by-ninety": (
        tr("Six by ninety"),
        tr(
            "More blocks instead of faster ones: six backward blocks of 90 seconds at 3.0 "
            "km/h with two minutes of forward recovery. Nine minutes of backward running in "
            "all. About 32 minutes."
        ),
    ),
}

# A built-in step's English name -> its Text.
STEP_NAMES: Final[dict[str, Text]] = {
    "Back-pedal": tr("Back-pedal"),
    "Backward walk": tr("Backward walk"),
    "Backward walk uphill": tr("Backward walk uphill"),
    "Brisk walk": tr("Brisk walk"),
    "Easy jog": tr("Easy jog"),
    "Easy walk": tr("Easy walk"),
    "Forward walk": tr("Forward walk"),
    "Jog": tr("Jog"),
    "Run": tr("Run"),
    "Steady run": tr("Steady run"),
}


def _step(step: Step) -> Step:
    if isinstance(step, Repeat):
        return dataclasses.replace(step, phases=tuple(_phase(p) for p in step.phases))
    return _phase(step)


def _phase(phase: Phase) -> Phase:
    name = STEP_NAMES.get(phase.name)
    return dataclasses.replace(phase, name=name) if name is not None else phase


def shown_name(preset_id: str, name: str) -> str:
    """A recorded preset's name (the history and the summary keep its English words): a
    built-in's translatable, any other as recorded."""
    words = PRESET_TEXTS.get(preset_id)
    return words[0] if words is not None and words[0] == name else name


def translatable(preset: Preset) -> Preset:
    """``preset`` with its words as ``Text`` when it is a built-in whose words are these;
    any other preset unchanged."""
    if not preset.builtin:
        return preset
    words = PRESET_TEXTS.get(preset.id)
    changes: dict[str, object] = {"steps": tuple(_step(s) for s in preset.steps)}
    if words is not None and (words[0], words[1]) == (preset.name, preset.description):
        changes |= {"name": words[0], "description": words[1]}
    return dataclasses.replace(preset, **changes)  # type: ignore[arg-type]
