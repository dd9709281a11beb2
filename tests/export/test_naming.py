"""The file names offered for an exported session: date, time and preset, safe characters."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from treadmill_ctl.export.naming import default_export_path, export_file_name

WHEN = datetime(2026, 1, 5, 9, 7)


@pytest.mark.parametrize(
    ("preset", "name"),
    [
        ("Four by thirty", "2026-01-05_0907_four-by-thirty.fit"),
        ("../../etc/passwd", "2026-01-05_0907_etc-passwd.fit"),
        ("Rückwärts: 5×1′ <b>fast</b>", "2026-01-05_0907_ruckwarts-5-1-b-fast-b.fit"),
        ("\u202eevil\x1b[31m", "2026-01-05_0907_evil-31m.fit"),
        ("", "2026-01-05_0907.fit"),
        ("★★★", "2026-01-05_0907.fit"),
    ],
)
def test_names_are_date_and_preset_in_safe_characters(preset: str, name: str) -> None:
    assert export_file_name(WHEN, preset, "fit") == name


def test_a_long_preset_name_is_cut_and_the_folder_is_the_documents_one(tmp_path: Path) -> None:
    path = default_export_path(WHEN, "interval " * 40, "tcx")
    assert path.parent == tmp_path / "documents"  # TREADMILL_CTL_DOCUMENTS_DIR, in tests
    assert len(path.name) <= 16 + 60 + 4
    assert path.name.startswith("2026-01-05_0907_interval-interval")
    assert path.suffix == ".tcx"
    assert not path.stem.endswith("-")
