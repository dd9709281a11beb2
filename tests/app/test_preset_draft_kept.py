"""The preset editor keeps what it has no field for: a phase's text cues and heart-rate zone
(from an imported workout or a hand-edited file) survive an edit and a save, and a problem
they get from an edit (a cue past a shortened phase) is shown at the field that caused it."""

from __future__ import annotations

from treadmill_ctl.app.preset_draft import Draft, check_draft
from treadmill_ctl.session.plan import PhaseCue
from treadmill_ctl.session.presets import check_preset_text
from treadmill_ctl.settings import Settings

PRESET = """schema = 1
name = "Kept"

[[step]]
kind = "recovery"
duration_s = 300
speed_kmh = 6.0
hr_zone_bpm = [120, 140]
hr_max_kmh = 7.0
cue = [{ at_s = 240, text = "One minute" }]
"""


def draft() -> Draft:
    loaded = check_preset_text(PRESET, source="k.toml", preset_id="kept", settings=Settings())
    assert loaded.preset is not None
    return Draft.of(loaded.preset, "kmh", as_copy=False)


def test_cues_and_zone_survive_an_edit() -> None:
    d = draft()
    d.steps[0].phases[0].name = "Easy"
    result = check_draft(d, settings=Settings())
    assert result.ok
    assert result.preset is not None
    phase = result.preset.phases[0]
    assert phase.name == "Easy"
    assert phase.cues == (PhaseCue(240, "One minute"),)
    assert (phase.hr_zone_bpm, phase.hr_max_kmh) == ((120, 140), 7.0)


def test_a_problem_in_kept_lines_lands_on_the_field_that_caused_it() -> None:
    d = draft()
    d.steps[0].phases[0].duration = "3:00"  # the cue at 4:00 is now past the end
    result = check_draft(d, settings=Settings())
    assert not result.ok
    assert "outside its phase" in result.field_errors[(0, 0, "duration")]
    d = draft()
    d.steps[0].phases[0].speed = "8.0"  # above the phase's heart-rate maximum
    result = check_draft(d, settings=Settings())
    assert "below the phase's speed" in result.field_errors[(0, 0, "speed")]
