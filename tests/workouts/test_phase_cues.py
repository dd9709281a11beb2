"""A preset phase may carry text cues (``cue = [{ at_s = 10, text = "..." }]``): they load,
write back the same, and a bad one names its file and line."""

from __future__ import annotations

from treadmill_ctl.session.plan import PhaseCue
from treadmill_ctl.session.presets import check_preset_text, preset_to_toml
from treadmill_ctl.settings import Settings

PRESET = """schema = 1
name = "Cued"

[[step]]
kind = "forward"
duration_s = 300
speed_kmh = 7.0
cue = [{ at_s = 0, text = "Relax" }, { at_s = 240, text = "One minute" }]
"""


def check(text: str):  # type: ignore[no-untyped-def]
    return check_preset_text(text, source="c.toml", preset_id="c", settings=Settings())


def test_cues_load_and_write_back() -> None:
    result = check(PRESET)
    assert result.preset is not None
    assert result.preset.phases[0].cues == (PhaseCue(0, "Relax"), PhaseCue(240, "One minute"))
    again = check(preset_to_toml(result.preset))
    assert again.preset is not None
    assert again.preset.steps == result.preset.steps


def test_bad_cues_are_located() -> None:
    late = check(PRESET.replace("at_s = 240", "at_s = 300"))
    assert [str(e) for e in late.errors] == ["c.toml:8: a cue at 300 s is outside its phase"]
    empty = check(PRESET.replace('text = "Relax"', 'text = ""'))
    assert [str(e) for e in empty.errors] == ["c.toml:8: a cue needs its text, in quotes"]
    odd = check(PRESET.replace("{ at_s = 0,", "{ when = 0,"))
    assert "unknown key 'when' in a cue" in str(odd.errors[0])
