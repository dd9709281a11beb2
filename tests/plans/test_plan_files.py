"""Plan files: the built-ins, and every way a hand-edited plan can be wrong, reported with the
file and the line."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.session.training_plans import (
    SPEED_RISE_MAX_KMH,
    PlanLibrary,
    check_plan_text,
)
from treadmill_ctl.settings import Settings
from treadmill_ctl.toml_limits import MAX_TOML_BYTES

HEAD = 'schema = 1\nname = "Mine"\nsessions_per_week = 2\n'


def check(text: str, settings: Settings | None = None) -> list[str]:
    result = check_plan_text(
        text, source="mine.toml", plan_id="mine", presets=PresetLibrary(settings or Settings())
    )
    return [str(e) for e in result.errors]


def test_the_built_in_plans_load_and_keep_the_speed_rule() -> None:
    library = PlanLibrary.load()
    assert not library.problems
    by_id = {p.id: p for p in library.plans}
    assert set(by_id) == {
        "learn-backward-running",
        "knee-friendly-backward-walking",
        "referee-defender-conditioning",
    }
    learn = by_id["learn-backward-running"]
    assert (learn.sessions_per_week, learn.weeks) == (2, 8)
    first = learn.steps[0].load
    assert (first.blocks, first.block_s) == (2, 30.0)
    knee = by_id["knee-friendly-backward-walking"]
    assert knee.asks_knee_pain
    assert (knee.sessions_per_week, knee.weeks) == (3, 6)
    assert knee.steps[0].load.backward_s == 600  # ~10 minutes backward
    assert knee.steps[-1].load.backward_s == 1800  # growing to 30
    for plan in library.plans:
        speeds = [s.load.speed_kmh for s in plan.steps]
        assert all(b - a <= SPEED_RISE_MAX_KMH for a, b in itertools.pairwise(speeds))
        assert "20" in plan.description  # every built-in cites its sources (by year)


def test_a_changed_preset_runs_as_changed() -> None:
    errors = check(
        HEAD
        + '[[step]]\npreset = "four-by-thirty"\nblocks = 3\nblock_s = 40\n'
        + "backward_kmh = 2.5\nincline_pct = 1.0\n"
    )
    assert errors == []
    result = check_plan_text(
        HEAD
        + '[[step]]\npreset = "four-by-thirty"\nblocks = 3\nblock_s = 40\nbackward_kmh = 2.5\n',
        source="mine.toml",
        plan_id="mine",
        presets=PresetLibrary(Settings()),
    )
    assert result.plan is not None
    backward = [p for p in result.plan.steps[0].preset.phases if p.kind == "backward"]
    assert [(p.duration_s, p.speed_kmh) for p in backward] == [(40.0, 2.5)] * 3


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[step]]\npreset = "first-steps"\nsesions = 2\n', "mine.toml:6: unknown key 'sesions'"),
        ('[[step]]\npreset = "no-such"\n', "mine.toml:5: no preset 'no-such'"),
        ('[[step]]\nname = "x"\n', "mine.toml:4: missing 'preset'"),
        ('[[step]]\npreset = "first-steps"\nsessions = 0\n', "mine.toml:6: sessions must be"),
        ('[[step]]\npreset = "first-steps"\nbackward_kmh = 7.0\n', "above your backward cap"),
        ('[[step]]\npreset = "first-steps"\nblock_s = -3\n', "mine.toml:6: block_s must be"),
        (
            '[[step]]\npreset = "first-steps"\n[[step]]\npreset = "first-steps"\n'
            "backward_kmh = 3.6\n",
            "mine.toml:6: step 2: backward speed rises from 3 to 3.6 km/h",
        ),
        (
            '[[step]]\npreset = "first-steps"\n[[step]]\npreset = "first-steps"\n'
            'backward_kmh = 3.5\n[[step]]\npreset = "four-by-thirty"\nbackward_kmh = 3.5\n',
            "mine.toml:9: step 3: makes the backward blocks longer or more",
        ),
        (
            '[[step]]\npreset = "first-steps"\nbackward_kmh = 3.5\nblocks = 4\n'
            '[[step]]\npreset = "first-steps"\nblocks = 6\nbackward_kmh = 4.0\n',
            "step 2: makes the backward blocks longer or more",
        ),
        ('[[step]]\npreset = "first-steps"\nbackward_kmh = "fast"\n', "backward_kmh must be"),
    ],
)
def test_a_bad_plan_is_reported_with_its_line(body: str, message: str) -> None:
    errors = check(HEAD + body)
    assert any(message in e for e in errors), errors


def test_a_plan_that_needs_no_speed_rule_break_is_fine_even_with_a_later_slower_step() -> None:
    body = (
        '[[step]]\npreset = "four-by-thirty"\n'
        '[[step]]\npreset = "four-by-thirty"\nbackward_kmh = 3.5\n'
        '[[step]]\npreset = "four-by-thirty"\nbackward_kmh = 3.0\n'
    )
    assert check(HEAD + body) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("schema = 9\n", "written by a newer treadmill-ctl"),
        ("name = \n", "not valid TOML"),
        (HEAD, "no steps"),
        ('schema = 1\nname = "x"\n[[step]]\npreset = "first-steps"\n', "sessions_per_week"),
        ("x = " + "[" * 40 + "]" * 40 + "\n", "nested more than"),
    ],
)
def test_broken_and_hostile_files_are_refused_with_the_reason(text: str, message: str) -> None:
    errors = check(text)
    assert any(message in e for e in errors), errors


def test_a_bad_user_plan_is_reported_and_the_others_still_load(tmp_path: Path) -> None:
    user = tmp_path / "plans"
    user.mkdir()
    (user / "good.toml").write_text(HEAD + '[[step]]\npreset = "first-steps"\n', "utf-8")
    (user / "bad.toml").write_text(HEAD + '[[step]]\npreset = "nope"\n', "utf-8")
    (user / "huge.toml").write_text("#" * (MAX_TOML_BYTES + 1), "utf-8")
    library = PlanLibrary.load(user_dir=user)
    assert {p.id for p in library.plans} >= {"good", "learn-backward-running"}
    problems = [str(p) for p in library.problems]
    assert any("bad.toml:5: no preset 'nope'" in p for p in problems)
    assert any("huge.toml" in p and "too big" in p for p in problems)


# ---- fuzzing: whatever a plan file holds, reading it never crashes --------------------------

_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=6,
)
_step = st.dictionaries(
    st.sampled_from(
        [
            "preset",
            "name",
            "note",
            "sessions",
            "block_s",
            "blocks",
            "backward_kmh",
            "incline_pct",
            "x",
        ]
    ),
    st.integers(1, 12)
    | st.sampled_from(["first-steps", "knee-friendly", "referee-defender", 2.5, 3.5, 4.5])
    | _values,
    max_size=6,
)


def _toml(value: object) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(value), repr(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    per_week=st.integers(0, 8) | _values,
    knee=st.booleans() | _values,
    steps=st.lists(_step, max_size=5),
)
def test_any_plan_document_is_a_plan_or_located_errors(
    per_week: object, knee: object, steps: list[dict[str, object]]
) -> None:
    lines = [
        'name = "F"',
        f"sessions_per_week = {_toml(per_week)}",
        f"asks_knee_pain = {_toml(knee)}",
    ]
    for step in steps:
        lines.append("[[step]]")
        lines += [f"{k} = {_toml(v)}" for k, v in step.items()]
    result = check_plan_text(
        "\n".join(lines) + "\n", source="f.toml", plan_id="f", presets=FUZZ_PRESETS
    )
    assert (result.plan is None) == bool(result.errors)
    for error in result.errors:
        assert error.path == "f.toml"
    if result.plan is not None:
        speeds = [s.load.speed_kmh for s in result.plan.steps]
        assert all(b - a <= SPEED_RISE_MAX_KMH + 1e-9 for a, b in itertools.pairwise(speeds))


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_text_is_a_plan_or_located_errors(text: str) -> None:
    result = check_plan_text(text, source="f.toml", plan_id="f", presets=FUZZ_PRESETS)
    assert (result.plan is None) == bool(result.errors)


FUZZ_PRESETS = PresetLibrary(Settings(), builtin_dir=None, user_dir=Path("/nonexistent/presets"))


_plausible_step = st.fixed_dictionaries(
    {
        "preset": st.sampled_from(
            ["first-steps", "four-by-thirty", "knee-friendly", "referee-defender"]
        )
    },
    optional={
        "sessions": st.integers(1, 4),
        "blocks": st.integers(1, 12),
        "block_s": st.sampled_from([20, 30, 45, 60, 90, 120]),
        "backward_kmh": st.sampled_from([2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]),
    },
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(_plausible_step, min_size=1, max_size=6))
def test_every_plan_that_loads_keeps_the_speed_rule_and_every_other_is_told_why(
    steps: list[dict[str, object]],
) -> None:
    lines = ['name = "P"', "sessions_per_week = 2"]
    for step in steps:
        lines.append("[[step]]")
        lines += [f"{k} = {_toml(v)}" for k, v in step.items()]
    result = check_plan_text(
        "\n".join(lines) + "\n", source="p.toml", plan_id="p", presets=FUZZ_PRESETS
    )
    if result.plan is None:
        assert result.errors
        assert all(e.line is not None for e in result.errors)  # each names its line
        return
    loads = [s.load for s in result.plan.steps]
    rose = False
    for a, b in itertools.pairwise(loads):
        assert b.speed_kmh - a.speed_kmh <= SPEED_RISE_MAX_KMH + 1e-9
        rose = rose or b.speed_kmh > a.speed_kmh + 1e-9
        if rose:  # once faster: never longer, more, or more backward time
            assert b.blocks <= a.blocks
            assert b.block_s <= a.block_s + 1e-9
            assert b.backward_s <= a.backward_s + 1e-9
