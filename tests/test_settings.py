"""Settings: versioned TOML, atomic save, bad files reported (file, line, reason) and left
untouched, defaults used, hard safety limits."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from treadmill_ctl.settings import (
    BACKWARD_HARD_CEILING_KMH,
    DEFAULT_KEY_BINDINGS,
    SETTINGS_SCHEMA,
    Settings,
    SpeedUnit,
    load_settings,
    save_settings,
    settings_path,
)
from treadmill_ctl.units import TurningStyle


def test_no_file_gives_the_documented_defaults() -> None:
    loaded = load_settings()
    s = loaded.settings
    assert loaded.problems == ()
    assert s.backward_cap_kmh == 6.0
    assert s.backward_default_kmh == 3.0
    assert s.ramp_kmh_per_s == 0.5
    assert s.turning_style is TurningStyle.STOP
    assert s.turning_walk_kmh <= 1.5
    assert s.countdown_s == 5
    assert s.clicker_mode is True
    assert s.key_bindings["stop"] == ("Space", "Escape")
    assert settings_path().parent.name == "config"  # the test's own dir, never the user's


def test_save_then_load_round_trips_every_field(tmp_path: Path) -> None:
    s = Settings().with_changes(
        backward_cap_kmh=5.0,
        turning_style=TurningStyle.WALK,
        turning_walk_kmh=1.2,
        speed_unit=SpeedUnit.MPH,
        hr_cap_bpm=165,
        treadmill_address="AA:BB",
        key_bindings={**DEFAULT_KEY_BINDINGS, "stop": ("Space",), "skip": ("N", "Right")},
    )
    path = save_settings(s)
    text = path.read_text(encoding="utf-8")
    assert f"schema = {SETTINGS_SCHEMA}" in text
    assert load_settings().settings == s
    assert not list(path.parent.glob(".*.tmp"))  # atomic write leaves no temp file


def test_a_binding_missing_from_the_file_keeps_its_default() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('[key_bindings]\nskip = ["Right"]\n', encoding="utf-8")
    bindings = load_settings().settings.key_bindings
    assert bindings["skip"] == ("Right",)
    assert bindings["stop"] == ("Space", "Escape")


def test_invalid_toml_is_reported_with_its_line_and_left_untouched() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    text = "schema = 1\nbackward_cap_kmh = 5.0\nvolume = \n"
    path.write_text(text, encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings == Settings()
    (problem,) = loaded.problems
    assert problem.path == str(path)
    assert problem.line == 3
    assert "not valid TOML" in problem.reason
    assert path.read_text(encoding="utf-8") == text


def test_a_bad_value_keeps_its_default_and_names_the_line() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    text = (
        "schema = 1\n"
        "backward_cap_kmh = 9.5   # above the hard ceiling\n"
        "ramp_kmh_per_s = 0.3\n"
        'turning_style = "jump"\n'
        "colour = 3\n"
        "[window]\n"
        'width = "wide"\n'
    )
    path.write_text(text, encoding="utf-8")
    loaded = load_settings()
    s = loaded.settings
    assert s.backward_cap_kmh == 6.0  # default kept, never 9.5
    assert s.ramp_kmh_per_s == 0.3  # good values still apply
    assert s.turning_style is TurningStyle.STOP
    lines = {p.line: p.reason for p in loaded.problems}
    assert "outside" in lines[2]
    assert "turning_style" in lines[4]
    assert "unknown setting 'colour'" in lines[5]
    assert "window.width" in lines[7]
    assert path.read_text(encoding="utf-8") == text


def test_a_newer_schema_is_refused_not_guessed() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("schema = 99\nbackward_cap_kmh = 4.0\n", encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings.backward_cap_kmh == 6.0
    assert "newer" in loaded.problems[0].reason
    assert loaded.problems[0].line == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("backward_cap_kmh", BACKWARD_HARD_CEILING_KMH + 0.1),
        ("turning_walk_kmh", 1.6),
        ("ramp_kmh_per_s", 0.0),
        ("countdown_s", 1),
        ("volume", 1.5),
    ],
)
def test_values_beyond_the_safety_limits_are_refused(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        Settings().with_changes(**{field: value})
    with pytest.raises(ValueError, match=field):
        save_settings(dataclasses.replace(Settings(), **{field: value}))
    assert not settings_path().exists()


def test_default_backward_speed_above_the_cap_is_brought_down_to_it() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("backward_cap_kmh = 2.5\nbackward_default_kmh = 4.0\n", encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings.backward_default_kmh == 2.5
    assert loaded.problems[0].line == 2
