"""Presets: the TOML format, located errors, bad files left alone, atomic saves, the library
and the CLI around it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from treadmill_ctl.cli import main
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.ftms.model import Capabilities, SettingRange
from treadmill_ctl.session.plan import Phase, PhaseKind, Repeat
from treadmill_ctl.session.presets import (
    PresetLibrary,
    check_preset_text,
    preset_to_toml,
    user_presets_dir,
)
from treadmill_ctl.settings import Settings
from treadmill_ctl.toml_document import migrate, parse_document
from treadmill_ctl.units import Direction

GOOD = """\
schema = 1
name = "Two by twenty"
description = "Short test preset."

[[step]]
kind = "warmup"
duration_s = 60
speed_kmh = 5.0

[[step]]
repeat = 2

  [[step.phase]]
  kind = "backward"
  duration_s = 20

  [[step.phase]]
  kind = "recovery"
  duration_s = 40
  speed_kmh = 5.5
  incline_pct = 2.0
"""

FLAT_MACHINE = Capabilities(
    speed=SettingRange(1.0, 6.0, 0.5), incline=None, can_set_speed=True, can_set_incline=False
)


def check(text: str, settings: Settings | None = None, caps: Capabilities | None = None):  # type: ignore[no-untyped-def]
    return check_preset_text(
        text, source="my.toml", preset_id="my", settings=settings or Settings(), capabilities=caps
    )


def test_a_good_preset_becomes_a_plan_with_repeats_expanded() -> None:
    result = check(GOOD)
    assert result.errors == ()
    preset = result.preset
    assert preset is not None
    plan = preset.to_plan()
    assert [p.kind for p in plan.phases] == [
        PhaseKind.WARMUP,
        PhaseKind.BACKWARD,
        PhaseKind.RECOVERY,
        PhaseKind.BACKWARD,
        PhaseKind.RECOVERY,
    ]
    assert plan.total_s == 60 + 2 * 60
    assert plan.backward_s == 40
    assert plan.backward_blocks == 2
    assert plan.phases[1].direction is Direction.BACKWARD
    assert plan.resolved_speed(plan.phases[1], 3.0) == 3.0  # default backward speed
    assert plan.phases[2].incline_pct == 2.0


def test_writing_and_reading_back_gives_the_same_preset() -> None:
    preset = check(GOOD).preset
    assert preset is not None
    again = check(preset_to_toml(preset)).preset
    assert again is not None
    assert again.steps == preset.steps
    assert again.name == preset.name


@pytest.mark.parametrize(
    ("edit", "line", "words"),
    [
        (
            ("speed_kmh = 5.0", "sped_kmh = 5.0"),
            8,
            "unknown key 'sped_kmh' (did you mean 'speed_kmh'?)",
        ),
        (("duration_s = 60\n", "duration_s = -60\n"), 7, "negative duration"),
        (
            ("  duration_s = 20\n", "  duration_s = 20\n  speed_kmh = 7.0\n"),
            16,
            "above your backward cap of 6.0 km/h",
        ),
        (('kind = "warmup"', 'kind = "sprint"'), 6, "kind must be one of"),
        (("repeat = 2", "repeat = 0"), 11, "repeat must be a whole number"),
        (('name = "Two by twenty"', "name = Two by twenty"), 2, "not valid TOML"),
        (("schema = 1", "schema = 7"), 1, "newer treadmill-ctl"),
    ],
)
def test_problems_name_the_line_and_what_is_wrong(
    edit: tuple[str, str], line: int, words: str
) -> None:
    text = GOOD.replace(*edit)
    assert text != GOOD
    result = check(text)
    assert result.preset is None
    assert any(e.line == line and words in e.reason for e in result.errors), result.errors
    assert all(e.path == "my.toml" for e in result.errors)


def test_backward_speed_above_the_hard_ceiling_is_refused_even_with_a_high_cap() -> None:
    text = GOOD.replace("  duration_s = 20\n", "  duration_s = 20\n  speed_kmh = 8.5\n")
    result = check(text, Settings(backward_cap_kmh=8.0))
    assert result.preset is None
    assert "hard ceiling" in result.errors[0].reason


def test_an_incline_the_machine_cannot_do_is_an_error_once_the_machine_is_known() -> None:
    assert check(GOOD).preset is not None  # machine unknown: fine
    result = check(GOOD, caps=FLAT_MACHINE)
    assert result.preset is None
    (error,) = result.errors
    assert error.line == GOOD.splitlines().index("  incline_pct = 2.0") + 1
    assert "cannot set an incline" in error.reason


def test_a_speed_outside_the_machine_range_is_a_warning_with_what_will_happen() -> None:
    text = GOOD.replace("speed_kmh = 5.5", "speed_kmh = 5.5").replace("incline_pct = 2.0\n", "")
    text = text.replace("speed_kmh = 5.0", "speed_kmh = 8.0")
    result = check(text, caps=FLAT_MACHINE)
    assert result.preset is not None
    assert "will run at 6.0 km/h" in result.warnings[0].reason
    assert result.warnings[0].line == 8


def test_migrations_run_in_order_and_unknown_old_schemas_are_refused() -> None:
    doc = parse_document("schema = 0\nseconds = 30\n", "old.toml")
    migrated = migrate(
        doc,
        current=1,
        migrations={0: lambda d: {"duration_s": d.pop("seconds"), **d}},
        what="preset",
    )
    assert migrated == {"duration_s": 30, "schema": 1}
    with pytest.raises(FileFormatError, match="not supported any more"):
        migrate(doc, current=1, migrations={}, what="preset")


def test_a_bad_user_file_is_reported_left_untouched_and_the_rest_still_loads() -> None:
    user = user_presets_dir()
    user.mkdir(parents=True)
    bad = user / "broken.toml"
    bad_text = GOOD.replace("duration_s = 60", "duration_s = -5")
    bad.write_text(bad_text, encoding="utf-8")
    (user / "mine.toml").write_text(GOOD, encoding="utf-8")
    library = PresetLibrary()
    assert library.find("mine") is not None
    assert library.find("first-steps") is not None
    assert [(p.path, p.line) for p in library.problems] == [(str(bad), 7)]
    # saving a preset with the bad file's name never overwrites it
    preset = library.find("mine")
    assert preset is not None
    from dataclasses import replace

    saved = library.save(replace(preset, id="", name="Broken"))
    assert saved.id == "broken-2"
    assert bad.read_text(encoding="utf-8") == bad_text


def test_save_edit_delete_and_undo_in_the_user_directory() -> None:
    library = PresetLibrary()
    builtin = library.find("four-by-thirty")
    assert builtin is not None
    assert builtin.builtin
    from dataclasses import replace

    copy = library.save(replace(builtin, name="My four by thirty"))
    assert not copy.builtin
    assert copy.path is not None
    assert copy.path.parent == user_presets_dir()
    edited = library.save(
        replace(copy, steps=(Phase(PhaseKind.WARMUP, 120, 5.0), Repeat(1, copy.steps[2].phases)))  # type: ignore[union-attr]
    )
    assert edited.id == copy.id
    assert edited.total_s == 120 + 120
    removed = library.delete(edited.id)
    assert library.find(edited.id) is None
    restored = library.save(removed)
    assert restored.name == "My four by thirty"
    with pytest.raises(FileFormatError, match="cannot be deleted"):
        library.delete("four-by-thirty")


def test_cli_list_json_show_validate_import_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["presets", "list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    ids = {p["id"] for p in listing}
    assert {"first-steps", "four-by-thirty", "knee-friendly", "referee-defender"} <= ids
    first = next(p for p in listing if p["id"] == "first-steps")
    assert first["builtin"] is True
    assert first["backward_s"] == 60
    assert first["total_s"] == 900
    assert first["description"]

    assert main(["presets", "show", "First steps"]) == 0
    assert "2 ×" in capsys.readouterr().out

    good = tmp_path / "two.toml"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace("repeat = 2", "repeat = 2\nrepeats = 3"), encoding="utf-8")
    assert main(["presets", "validate", str(good)]) == 0
    assert main(["presets", "validate", str(bad)]) == 1
    assert f"{bad}:12: unknown key 'repeats'" in capsys.readouterr().out

    assert main(["presets", "import", str(good)]) == 0
    assert main(["presets", "import", str(bad)]) == 1
    assert bad.read_text(encoding="utf-8").count("repeats = 3") == 1
    capsys.readouterr()
    assert main(["presets", "list", "--json"]) == 0
    assert "two-by-twenty" in {p["id"] for p in json.loads(capsys.readouterr().out)}

    out = tmp_path / "out" / "exported.toml"
    assert main(["presets", "export", "four-by-thirty", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Built-in preset")
    assert main(["presets", "show", "no-such-preset"]) == 2
