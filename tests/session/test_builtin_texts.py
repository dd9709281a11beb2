"""The built-in presets' words are in the catalogues (so the window shows them translated):
every shipped preset has its entry, with the same English words as its file."""

from __future__ import annotations

import tomllib
from pathlib import Path

from treadmill_ctl import shipped
from treadmill_ctl.session.builtin_texts import (
    PLAN_STEP_WORDS,
    PLAN_TEXTS,
    PRESET_TEXTS,
    STEP_NAMES,
)
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.session.training_plans import PlanLibrary
from treadmill_ctl.settings import Settings
from treadmill_ctl.texts import Text


def _names(steps: list[dict[str, object]]) -> set[str]:
    out: set[str] = set()
    for step in steps:
        if isinstance(step.get("name"), str):
            out.add(str(step["name"]))
        out |= _names(step.get("phase", []))  # type: ignore[arg-type]
    return out


def test_every_built_in_preset_has_its_words_in_the_catalogue() -> None:
    files = sorted(shipped.presets_dir().glob("*.toml"))
    assert sorted(PRESET_TEXTS) == sorted(p.stem for p in files)
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        name, description = PRESET_TEXTS[path.stem]
        assert (name, description) == (data["name"], data["description"].strip()), path.name
        assert _names(data.get("step", [])) <= set(STEP_NAMES), path.name


def test_built_ins_load_translatable_and_user_presets_as_written(tmp_path: Path) -> None:
    # A user's copy of a built-in, same words: it stays as written (never translated).
    (tmp_path / "mine.toml").write_text(
        (shipped.presets_dir() / "first-steps.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    library = PresetLibrary(Settings(), user_dir=tmp_path)
    builtin = [p for p in library.presets if p.builtin]
    assert builtin
    for preset in builtin:
        assert isinstance(preset.name, Text), preset.id
        assert isinstance(preset.description, Text), preset.id
        named = [p for p in preset.phases if p.name]
        assert all(isinstance(p.name, Text) for p in named), preset.id
    first = next(p for p in builtin if p.id == "first-steps")
    assert first.name == "First steps"  # the English words are unchanged
    [mine] = [p for p in library.presets if not p.builtin]
    assert mine.name == "First steps"
    assert not isinstance(mine.name, Text)
    assert not isinstance(mine.description, Text)
    assert all(not isinstance(p.name, Text) for p in mine.phases)


def test_every_built_in_plan_has_its_words_in_the_catalogue() -> None:
    files = sorted(shipped.plans_dir().glob("*.toml"))
    assert sorted(PLAN_TEXTS) == sorted(p.stem for p in files)
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        name, description = PLAN_TEXTS[path.stem]
        assert (name, description) == (data["name"], data["description"].strip()), path.name
        words = {str(s[k]) for s in data["step"] for k in ("name", "note") if k in s}
        assert words <= set(PLAN_STEP_WORDS), path.name
    plans = [p for p in PlanLibrary.load(Settings()).plans if p.builtin]
    assert len(plans) == len(files)
    for plan in plans:
        assert isinstance(plan.name, Text), plan.id
        assert all(isinstance(s.title, Text) for s in plan.steps), plan.id
