"""The built-in presets' and training plans' words, marked for translation.

The shipped preset files (``resources/presets/``) are English; the catalogues (i18n/*.ts) hold
their words in German, Spanish and French. ``translatable(preset)`` gives a *built-in* preset
these ``Text`` versions (its English words unchanged, so the command line, the history and the
exports read them as before), which the window translates where it shows them. A user's own
preset files stay as written, in whatever language their author used.

Keyed by the preset's id (and a step's English name): a built-in whose words differ from these
(edited in a checkout) keeps its own, untranslated. ``tests/session/test_builtin_texts.py``
fails when a shipped preset or plan has no entry or its words drifted from it.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Final

from treadmill_ctl.session.plan import Phase, Repeat, Step
from treadmill_ctl.texts import Text, tr

if TYPE_CHECKING:
    from treadmill_ctl.session.preset_format import Preset
    from treadmill_ctl.session.training_plans import TrainingPlan


def _keyed(*texts: Text) -> dict[str, Text]:
    """Each ``Text`` keyed by its English words."""
    return {str(t): t for t in texts}


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


# ---- the built-in training plans (resources/plans/) ---------------------------------------

# id -> (name, description)
PLAN_TEXTS: Final[dict[str, tuple[Text, Text]]] = {
    "knee-friendly-backward-walking": (
        tr("Knee-friendly backward walking"),
        tr(
            "Backward walking for knees that hurt, three times a week for about six weeks: "
            "about 10 minutes of backward walking at 2.0 km/h, growing towards 30 minutes "
            "while the knee says 2/10 or less. Walked flat; a gentle incline (2 %) is "
            "optional, in your own copy of the plan (incline_pct = 2.0 on a step). In a "
            "trial in knee osteoarthritis, 10 minutes of backward walking added to usual "
            "care three days a week for six weeks reduced pain more than usual care alone "
            "(Alghadir, Anwer, Sarkar et al. 2019, BMC Musculoskeletal Disorders); the "
            "growth towards 30 minutes is this plan's own, gated by pain. After each "
            "session the app asks how the knee felt; high pain steps the plan back, and "
            "pain that stays high means: see a physiotherapist or doctor. This is not "
            "medical advice. See docs/plans.md."
        ),
    ),
    "learn-backward-running": (
        tr("Learn backward running"),
        tr(
            "For runners new to backward (retro) running, twice a week for about eight "
            "weeks. It starts with two to four blocks of 30 seconds at a slow 3.0 km/h at "
            "the end of an easy run, then makes the blocks longer, then adds more of them, "
            "and only then runs them as intervals a little faster (3.5 km/h). The plan "
            "moves on after two good sessions at a step: finished, knee pain 2/10 or less, "
            "effort 7/10 or less. Backward running puts less compressive force on the "
            "kneecap joint than forward running (Flynn & Soutas-Little 1995, J Orthop "
            "Sports Phys Ther; Roos, Barton & van Deursen 2012, J Biomech), but it is a new "
            "movement for the calves and thighs: new loads are added a little at a time. "
            "See docs/plans.md."
        ),
    ),
    "referee-defender-conditioning": (
        tr("Referee / defender conditioning"),
        tr(
            "For referees and defenders, who back-pedal many times in a match, twice a week "
            "for about six weeks. Short back-pedal segments between forward runs, with "
            "walking turns: first more of them, then longer ones, and only then a little "
            "faster (3.5 → 4.0 km/h, 0.5 km/h at a time). Match analyses show soccer "
            "referees spend a real share of the game moving backward (e.g. Krustrup & "
            "Bangsbo 2001, J Sports Sci). See docs/plans.md."
        ),
    ),
}

# A built-in plan step's English name or note -> its Text.
PLAN_STEP_WORDS: Final[dict[str, Text]] = _keyed(
    tr("10 min backward walking"),
    tr("Five blocks of 2 minutes walking backward, a minute forward between them."),
    tr("15 min backward walking"),
    tr("Five blocks of 3 minutes."),
    tr("20 min backward walking"),
    tr("Five blocks of 4 minutes."),
    tr("24 min backward walking"),
    tr("Six blocks of 4 minutes."),
    tr("27 min backward walking"),
    tr("Six blocks of 4½ minutes."),
    tr("30 min backward walking"),
    tr("Six blocks of 5 minutes: 30 minutes backward."),
    tr("2 × 30 s backward after an easy jog. Short steps, land on the balls of your feet."),
    tr("Four blocks of 30 s: the same speed, twice the blocks."),
    tr("Longer blocks: 45 s."),
    tr("Longer blocks: a whole minute."),
    tr("Longer blocks: 90 s."),
    tr("More blocks: six of 90 s."),
    tr("More blocks: eight of 90 s, a longer run around them."),
    tr("Backward intervals at 3.5 km/h"),
    tr("The same eight blocks as intervals, 0.5 km/h faster: the only speed step."),
    tr("6 back-pedals of 20 s"),
    tr("8 back-pedals of 20 s"),
    tr("10 back-pedals of 20 s"),
    tr("10 back-pedals of 30 s"),
    tr("10 back-pedals of 30 s, faster"),
    tr("The speed step: 0.5 km/h faster, same blocks."),
)


def translatable_plan(plan: TrainingPlan) -> TrainingPlan:
    """``plan`` with its words as ``Text`` when it is a built-in whose words are these (its
    steps' names and notes too); any other plan unchanged."""
    if not plan.builtin:
        return plan
    steps = tuple(
        dataclasses.replace(
            s,
            name=PLAN_STEP_WORDS.get(s.name, s.name),
            note=PLAN_STEP_WORDS.get(s.note, s.note),
        )
        for s in plan.steps
    )
    words = PLAN_TEXTS.get(plan.id)
    if words is not None and (words[0], words[1]) == (plan.name, plan.description):
        return dataclasses.replace(plan, name=words[0], description=words[1], steps=steps)
    return dataclasses.replace(plan, steps=steps)
