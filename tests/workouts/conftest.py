"""Fixtures of the workout import/export tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings


@pytest.fixture
def library(tmp_path: Path) -> PresetLibrary:
    return PresetLibrary(Settings(), user_dir=tmp_path / "presets")
