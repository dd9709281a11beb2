"""The one-folder desktop bundle (scripts/bundle.py, docs/bundle.md): built with PyInstaller,
then run from another folder without the checkout's Python: ``--version``, ``presets list``, a
simulated run and the window (offscreen, closing itself once drawn).

Opt-in: the build takes about 2.5 minutes on this project's 2-core machine (75 s of CPU), over
what a test in CI's run may take, so it runs only with ``TREADMILL_CTL_TEST_BUNDLE=1``."""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path

import pytest

from treadmill_ctl import __version__

ROOT = Path(__file__).resolve().parent.parent
ENV: str = "TREADMILL_CTL_TEST_BUNDLE"


def _bundle_script() -> object:
    spec = importlib.util.spec_from_file_location("bundle", ROOT / "scripts" / "bundle.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(os.environ.get(ENV) != "1", reason=f"opt-in: {ENV}=1 (builds for ~2.5 min)")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="built and checked on Linux")
@pytest.mark.timeout(900)
def test_the_bundle_runs_from_another_folder(tmp_path: Path) -> None:
    bundle = _bundle_script()
    started = time.perf_counter()
    folder = bundle.build(tmp_path / "dist", tmp_path / "work")  # type: ignore[attr-defined]
    built = time.perf_counter()
    (tmp_path / "work").rename(tmp_path / "work-gone")  # nothing of the build is used at run time
    shown = bundle.check(folder)  # type: ignore[attr-defined]
    assert shown[0] == f"treadmill-ctl {__version__}"
    assert shown[1].startswith("presets list: 10 presets, first first-steps"), shown
    assert shown[2] == "run first-steps: finished"
    assert shown[3].startswith("window: ready "), shown
    size = bundle.folder_size(folder) / 2**20  # type: ignore[attr-defined]
    print(f"\nbundle {size:.0f} MiB; build {built - started:.0f} s")
