"""``treadmill-ctl presets import FILE.zwo|FILE.fit`` and ``presets export NAME --format
zwo|fit -o FILE``: what is approximated is said, a refused workout writes nothing, and an
existing file is never replaced without --force."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from workout_rows import SAMPLES

from treadmill_ctl.cli import main
from treadmill_ctl.session.presets import user_presets_dir
from treadmill_ctl.settings import Settings
from treadmill_ctl.workouts.importing import read_workout_file


def test_import_zwo_and_fit_then_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["presets", "import", str(SAMPLES / "tempo-run.zwo")]) == 0
    out = capsys.readouterr().out
    assert "note: " in out
    assert "step 5 <FreeRide>: a free run has no target" in out
    assert "imported Tempo run with strides as 'tempo-run-with-strides'" in out
    assert main(["presets", "import", str(SAMPLES / "garmin-style-intervals.fit")]) == 0
    assert "imported Speed intervals as 'speed-intervals'" in capsys.readouterr().out
    assert main(["presets", "list", "--json"]) == 0
    ids = {p["id"] for p in json.loads(capsys.readouterr().out)}
    assert {"tempo-run-with-strides", "speed-intervals"} <= ids
    assert main(["presets", "show", "tempo-run-with-strides"]) == 0
    assert "    at 4:00: One minute to go" in capsys.readouterr().out


def test_refused_import_says_why_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.zwo"
    bad.write_text(
        "<workout_file><sportType>run</sportType><workout>\n"
        '<SteadyState Duration="60" Power="2.0"/>\n'
        '<Ramp Duration="60"/>\n'
        "</workout></workout_file>",
        encoding="utf-8",
    )
    assert main(["presets", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{bad}:2: step 1 <SteadyState>: forward speed 20.0 km/h is above your forward cap" in err
    )
    assert f"{bad}:3: step 2 <Ramp>: missing PowerLow" in err
    assert "nothing was imported" in err
    assert not user_presets_dir().exists() or not list(user_presets_dir().iterdir())


@pytest.mark.parametrize("fmt", ["zwo", "fit"])
def test_export_refuses_to_overwrite_without_force(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"four.{fmt}"
    assert main(["presets", "export", "four-by-thirty", "--format", fmt, "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    back = read_workout_file(out, settings=Settings())
    assert back.preset is not None
    assert back.preset.backward_s == 120
    out.write_bytes(b"mine")
    assert main(["presets", "export", "four-by-thirty", "--format", fmt, "-o", str(out)]) == 1
    assert "exists (--force to replace it)" in capsys.readouterr().err
    assert out.read_bytes() == b"mine"
    assert (
        main(["presets", "export", "four-by-thirty", "--format", fmt, "-o", str(out), "--force"])
        == 0
    )
    assert out.read_bytes() != b"mine"


def test_export_format_follows_the_suffix_and_unknown_preset_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "knee.zwo"
    assert main(["presets", "export", "knee-friendly", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert main(["presets", "export", "no-such", "--format", "fit", "-o", str(tmp_path / "x")]) == 2
    assert "no preset with this id or name" in capsys.readouterr().err


def test_fit_export_says_which_cues_did_not_fit_its_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Five 80-character cues in one phase: FIT's 254-byte notes hold two of them; the rest
    # were left out without a word.
    cues = ", ".join(f'{{ at_s = {10 * i}, text = "{chr(65 + i) * 80}" }}' for i in range(5))
    user_presets_dir().mkdir(parents=True, exist_ok=True)
    (user_presets_dir() / "talky.toml").write_text(
        f'schema = 1\nname = "Talky"\n\n[[step]]\nkind = "forward"\nduration_s = 60\n'
        f"speed_kmh = 6.0\ncue = [{cues}]\n",
        "utf-8",
    )
    out = tmp_path / "talky.fit"
    assert main(["presets", "export", "talky", "-o", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"wrote {out}",
        *(
            f"note: Forward run: the cue at {at} is left out (a FIT step's notes are full)"
            for at in ("0:20", "0:30", "0:40")
        ),
    ]
    back = read_workout_file(out, settings=Settings())
    assert back.preset is not None
    assert [c.at_s for c in back.preset.phases[0].cues] == [0, 10]  # the two that fit
