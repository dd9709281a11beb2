"""Profiles from TOML files: a base plus overrides, and located errors for bad files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.sim.profiles import (
    BUILTIN_PROFILES,
    OutOfRange,
    SpeedUnit,
    available_profiles,
    load_profile,
)


def write(tmp_path: Path, text: str, name: str = "pad.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


async def test_builtin_names_load() -> None:
    for name in ("ideal", "cs-wp8", "strict", "mph", "laggy"):
        assert load_profile(name).name == name
    assert load_profile("mph").speed_unit is SpeedUnit.MPH


async def test_shipped_toml_profiles_load_by_name() -> None:
    names = available_profiles()
    assert names[: len(BUILTIN_PROFILES)] == list(BUILTIN_PROFILES)
    assert {"slow-ramp", "flaky-link"} <= set(names)
    flaky = load_profile("flaky-link")
    assert flaky.link_drop_after_s == 900.0
    assert flaky.speed_max == 6.0  # from its base, cs-wp8
    assert load_profile("slow-ramp").out_of_range is OutOfRange.CLAMP


async def test_toml_overrides_a_base(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'base = "cs-wp8"\n'
        "speed-max = 8.0\n"
        'data_fields = ["distance", "elapsed"]\n'
        'status_order = "after"\n'
        "idle_drop_after_s = false\n"
        "reserved_flag_bits = 0x8000\n",
    )
    p = load_profile(str(path))
    assert p.name == "pad"
    assert p.speed_max == 8.0
    assert p.speed_min == 1.0
    assert p.data_fields == ("distance", "elapsed")
    assert p.status_order.value == "after"
    assert p.idle_drop_after_s is None
    assert p.reserved_flag_bits == 0x8000


async def test_base_defaults_to_ideal(tmp_path: Path) -> None:
    p = load_profile(write(tmp_path, "accel_kmh_s = 2\n"))
    assert p.accel_kmh_s == 2.0
    assert p.speed_step == BUILTIN_PROFILES["ideal"].speed_step


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('base = "ideal"\n\nspeed_maximum = 8.0\n', 3, "unknown key 'speed_maximum'"),
        ('base = "ideal"\nout_of_range = "wrap"\n', 2, "'wrap' is not one of reject, clamp"),
        ('accel_kmh_s = "fast"\n', 1, "expected a number"),
        ("truncate_records = 1\n", 1, "expected true or false"),
        ('base = "nordictrack"\n', 1, "base must be a built-in profile"),
        ("speed_min = 7.0\nspeed_max = 6.0\n", 1, "speed_min <= speed_max"),
        ('data_fields = ["distance", "cadence"]\n', 1, "unknown field(s) ['cadence']"),
        ("accel_kmh_s = 1.0\nspeed_max = = 3\n", 2, "not valid TOML"),
        ("start_delay_s = -1\n", 1, "start_delay_s must be >= 0"),
    ],
)
async def test_bad_file_names_file_line_and_reason(
    tmp_path: Path, text: str, line: int, reason: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(FileFormatError) as err:
        load_profile(str(path))
    assert err.value.path == str(path)
    assert err.value.line == line
    assert reason in err.value.reason
    assert f"{path}:{line}" in str(err.value)


async def test_unknown_profile_name_lists_the_known_ones() -> None:
    with pytest.raises(FileFormatError) as err:
        load_profile("treadmill-9000")
    assert "ideal" in err.value.reason
    assert "slow-ramp" in err.value.reason


async def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "bin.toml"
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(FileFormatError) as err:
        load_profile(path)
    assert err.value.reason == "not UTF-8 text"


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        ('base = "ideal"\nspeed_max = nan\n', 2, "speed_max"),
        ('base = "ideal"\n\naccel_kmh_s = inf\n', 3, "accel_kmh_s"),
        ('base = "ideal"\nstart_delay_s = -inf\n', 2, "start_delay_s"),
        ("data_interval_s = nan\n", 1, "data_interval_s"),
    ],
)
def test_nan_and_infinities_are_located_errors(
    tmp_path: Path, text: str, line: int, key: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(FileFormatError) as info:
        load_profile(str(path))
    assert (info.value.path, info.value.line) == (str(path), line)
    assert key in info.value.reason
    assert "not a finite number" in info.value.reason


def test_nested_huge_or_fifo_profiles_are_errors_not_crashes_or_hangs(tmp_path: Path) -> None:
    nested = write(tmp_path, "speed_max = " + "[" * 1000 + "]" * 1000 + "\n")
    with pytest.raises(FileFormatError, match=r"values nested more than 16 deep") as info:
        load_profile(str(nested))
    assert info.value.line == 1
    dotted = write(tmp_path, "a" + ".a" * 19_999 + " = 1\n", name="dots.toml")
    with pytest.raises(FileFormatError, match=r"more than 16 dotted parts"):
        load_profile(str(dotted))
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(FileFormatError, match=r"not a regular file \(a named pipe\)"):
        load_profile(str(fifo))
