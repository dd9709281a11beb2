"""Hostile and broken preset files: nesting that crashed tomllib, keys that stalled it, a FIFO
named *.toml, NaN and infinities, escape sequences in names, and an existing --traffic file.
Each is a located error (file, line, reason) or a refusal; nothing crashes, hangs or is lost."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from treadmill_ctl.cli import main
from treadmill_ctl.session.presets import PresetLibrary, check_preset_text, user_presets_dir
from treadmill_ctl.settings import Settings

GOOD = """\
schema = 1
name = "Short one"

[[step]]
kind = "warmup"
duration_s = 60
speed_kmh = 5.0
"""

# 2 KB: the file of the report that crashed `presets list`, `run` and the Presets screen.
NESTED = 'schema = 1\nname = "Deep"\nx = ' + "[" * 1000 + "]" * 1000 + "\n"
# One key of 20 000 dotted parts: about a minute and gigabytes in tomllib.
DOTTED = 'schema = 1\nname = "Dots"\n' + "k" + ".k" * 19_999 + " = 1\n"


def write_user_preset(name: str, text: str) -> Path:
    folder = user_presets_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def check(text: str) -> list[str]:
    result = check_preset_text(text, source="p.toml", preset_id="p", settings=Settings())
    assert result.preset is None
    return [str(e) for e in result.errors]


def test_a_deeply_nested_preset_is_a_located_error_not_a_crash() -> None:
    assert len(NESTED) < 2100
    assert check(NESTED) == ["p.toml:3: values nested more than 16 deep"]


def test_a_huge_dotted_key_is_refused_before_tomllib_sees_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def must_not_parse(text: str) -> object:
        raise AssertionError("tomllib was given a file over the limits")

    monkeypatch.setattr(tomllib, "loads", must_not_parse)
    assert check(DOTTED) == ["p.toml:3: a key with more than 16 dotted parts"]
    many_keys = "schema = 1\n" + "".join(f"k{i} = {i}\n" for i in range(6_000))
    assert check(many_keys) == ["p.toml:5001: more than 5000 keys in one file"]
    big = "schema = 1\n" + "# padding\n" * 30_000
    assert check(big) == ["p.toml: too big: 300011 bytes (a file here may be at most 256 KB)"]


def test_presets_list_and_the_library_skip_a_nested_file_and_say_where(
    capsys: pytest.CaptureFixture[str],
) -> None:
    nested = write_user_preset("deep.toml", NESTED)
    write_user_preset("short.toml", GOOD)
    library = PresetLibrary()
    assert library.find("short") is not None
    assert [str(p) for p in library.problems] == [f"{nested}:3: values nested more than 16 deep"]
    assert main(["presets", "list"]) == 0
    out = capsys.readouterr()
    assert "Short one" in out.out
    assert f"{nested}:3: values nested more than 16 deep" in out.err


def test_run_with_a_nested_preset_file_says_why_and_moves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(NESTED, encoding="utf-8")
    write_user_preset("deep.toml", NESTED)  # and one in the library the run reads first
    assert main(["run", str(path), "--simulate", "--speedup", "max", "--no-history"]) == 2
    assert f"{path}:3: values nested more than 16 deep" in capsys.readouterr().err


@pytest.mark.timeout(20)
def test_presets_validate_refuses_a_fifo_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)  # nobody ever writes to it: opening it for reading used to wait forever
    assert main(["presets", "validate", str(fifo)]) == 1
    assert f"error: {fifo}: not a regular file (a named pipe)" in capsys.readouterr().out
    assert main(["presets", "validate", str(tmp_path)]) == 1
    assert "not a regular file (a folder)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("speed_kmh = nan", "speed_kmh"),
        ("speed_kmh = inf", "speed_kmh"),
        ("duration_s = -inf", "duration_s"),
        ("incline_pct = +nan", "incline_pct"),
    ],
)
def test_nan_and_infinities_in_a_preset_are_located_errors(line: str, key: str) -> None:
    text = GOOD.replace(f"{key} = ", "# ") if key != "incline_pct" else GOOD
    errors = check(text + line + "\n")
    assert any(e.startswith("p.toml:8: ") and key in e for e in errors), errors


HOSTILE_NAME = "Evil\x1b[2J\x1b]0;owned\x07 \u202eevil\u202c\u200b name"


def test_cli_output_has_no_escape_or_format_characters_from_preset_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = GOOD.replace('"Short one"', json.dumps(HOSTILE_NAME)).replace(
        "schema = 1\n", 'schema = 1\ndescription = "line one\\u001b[31m red"\n'
    )
    path = write_user_preset("evil.toml", text)
    outputs = []
    for argv in (
        ["presets", "list"],
        ["presets", "show", "evil"],
        ["presets", "validate", str(path)],
        ["presets", "list", "--json"],
        ["presets", "show", "evil", "--json"],
    ):
        assert main(argv) == 0, argv
        out = capsys.readouterr()
        outputs.append(out.out + out.err)
    for out in outputs:
        assert not any(ch in out for ch in "\x1b\x07\u202e\u202c\u200b"), repr(out)
    assert "Evil owned evil name" not in outputs[0]  # the OSC title is removed whole
    assert "Evil evil name (user)" in outputs[0]
    listing = json.loads(outputs[3])
    assert HOSTILE_NAME in [p["name"] for p in listing]  # JSON keeps the text exactly


def test_run_refuses_an_existing_traffic_file_and_leaves_it_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capture = tmp_path / "first-run.log"
    capture.write_text("0.000 R 2acc 0c00\n", encoding="utf-8")
    argv = ["run", "first-steps", "--simulate", "--speedup", "max", "--no-history"]
    assert main([*argv, "--traffic", str(capture)]) == 2
    assert f"{capture} exists; --traffic writes a new file" in capsys.readouterr().err
    assert capture.read_text(encoding="utf-8") == "0.000 R 2acc 0c00\n"


def test_run_and_history_print_a_hostile_name_as_plain_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = GOOD.replace('"Short one"', json.dumps("Run\x1b[8m\nFAKE ROW\u202e"))
    write_user_preset("evil.toml", text)
    argv = ["run", "evil", "--simulate", "--speedup", "max", "--no-hr-strap"]
    assert main(argv) == 0
    assert main(["history", "list"]) == 0
    assert main(["history", "show", "1"]) == 0
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "Run FAKE ROW" in printed
    assert not any(ch in printed for ch in "\x1b\u202e")
    assert not any(line.startswith("FAKE ROW") for line in printed.splitlines()), printed
