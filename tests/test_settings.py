"""Settings: versioned TOML, atomic save, bad files reported (file, line, reason) and left
untouched, defaults used, hard safety limits."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from treadmill_ctl.settings import (
    BACKWARD_HARD_CEILING_KMH,
    DEFAULT_KEY_BINDINGS,
    SETTINGS_SCHEMA,
    Settings,
    SpeedUnit,
    WindowState,
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
        key_bindings={
            **DEFAULT_KEY_BINDINGS,
            "stop": ("Space", "Escape", "F12"),
            "skip": ("N", "Right"),
        },
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


def write_settings(text: str) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nested_or_huge_settings_use_the_defaults_and_say_where() -> None:
    path = write_settings("volume = 0.5\nx = " + "[" * 1000 + "]" * 1000 + "\n")
    loaded = load_settings()  # raised RecursionError: the GUI did not start
    assert loaded.settings == Settings()
    assert [str(p) for p in loaded.problems] == [f"{path}:2: values nested more than 16 deep"]
    write_settings("a" + ".a" * 19_999 + " = 1\n")
    (problem,) = load_settings().problems
    assert (problem.line, problem.reason) == (1, "a key with more than 16 dotted parts")


def test_a_window_size_qt_cannot_hold_is_reported_and_the_default_used() -> None:
    text = "[window]\nwidth = 3000000000\nheight = 800\nx = -99999999999\n"
    path = write_settings(text)
    loaded = load_settings()
    assert loaded.settings.window == dataclasses.replace(WindowState(), height=800)
    assert [str(p) for p in loaded.problems] == [
        f"{path}:2: window.width 3000000000 is outside 200–16384 pixels; using the default",
        f"{path}:4: window.x -99999999999 is outside -16384–16384 pixels; using the default",
    ]
    assert path.read_text(encoding="utf-8") == text  # left untouched


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("countdown_s = 5.5", "countdown_s: 5.5 is not a whole number (s)"),
        ("cue_lead_s = 1e300", "cue_lead_s: 1e+300 is outside 2–30 s"),
        ("hr_cap_bpm = nan", "hr_cap_bpm: nan is not a whole number (bpm)"),
        ('traffic_log_dir = "a\\u0000b"', "traffic_log_dir: contains control characters"),
        ('treadmill_name = "x\\u001b[2J"', "treadmill_name: contains control characters"),
        (
            f'hr_strap_name = "{"x" * 1001}"',
            "hr_strap_name: is 1001 characters long (at most 1000)",
        ),
    ],
)
def test_every_value_is_range_checked(line: str, reason: str) -> None:
    path = write_settings(f"schema = 1\n{line}\n")
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert [str(p) for p in loaded.problems] == [f"{path}:2: {reason}"]


@pytest.mark.timeout(20)
def test_a_fifo_named_settings_toml_does_not_hang_the_start() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert [str(p) for p in loaded.problems] == [f"{path}: not a regular file (a named pipe)"]


HOSTILE_KEYS = """\
[key_bindings]
stop = ["F12"]
speed_up_small = ["Up", "Period", "B"]
speed_up_big = ["PageDown"]
pause_resume = ["Space"]

[clicker_bindings]
stop = []
speed_up_small = ["PageUp"]
"""


def test_settings_cannot_take_stop_off_its_keys_or_give_a_clicker_speed_up() -> None:
    path = write_settings(HOSTILE_KEYS)
    loaded = load_settings()
    keys, clicker = loaded.settings.key_bindings, loaded.settings.clicker_bindings
    assert keys["stop"] == ("Space", "Escape", "F12")  # STOP gains F12, keeps its own
    assert keys["speed_up_small"] == ("Up",)
    assert keys["speed_up_big"] == DEFAULT_KEY_BINDINGS["speed_up_big"]
    assert keys["pause_resume"] == DEFAULT_KEY_BINDINGS["pause_resume"]
    assert clicker["stop"] == ("Escape", "B", "Period", "F5", "Shift+F5")
    assert clicker["speed_up_small"] == ()
    assert sorted((p.line, p.reason) for p in loaded.problems) == [
        (
            2,
            "key_bindings.stop: STOP keeps Space, Escape (STOP can gain keys, never lose "
            "these); using the safe keys",
        ),
        (
            3,
            "key_bindings.speed_up_small: Period, B always stop the belt, not speed_up_small; "
            "using the safe keys",
        ),
        (
            4,
            "key_bindings.speed_up_big: PageDown: a clicker button may only stop, pause or "
            "slow down, not speed_up_big; using the safe keys",
        ),
        (
            5,
            "key_bindings.pause_resume: Space always stops the belt, not pause_resume; using "
            "the safe keys",
        ),
        (
            8,
            "clicker_bindings.stop: STOP keeps Escape, B, Period, F5, Shift+F5 (STOP can gain "
            "keys, never lose these); using the safe keys",
        ),
        (
            9,
            "clicker_bindings.speed_up_small: a clicker button may only stop, pause or slow "
            "down; using the safe keys",
        ),
    ]
    assert all(p.path == str(path) for p in loaded.problems)
    # Any spelling of a protected key is the same key.
    write_settings('[key_bindings]\nspeed_up_small = [".", "shift+f5", "pgdown", "esc"]\n')
    loaded = load_settings()
    assert loaded.settings.key_bindings["speed_up_small"] == ("Up",)
    assert len(loaded.problems) == 2


def test_with_changes_refuses_bindings_that_disarm_stop() -> None:
    with pytest.raises(ValueError, match="STOP keeps Escape"):
        Settings().with_changes(key_bindings={**DEFAULT_KEY_BINDINGS, "stop": ("Space",)})
