"""The real-ATT test layer: the virtual treadmill behind bumble's host stack.

These tests need ``bumble`` (the ``test`` extra installs it). Each module starts with
``pytest.importorskip("bumble")``: where bumble is not installed (ModuleNotFoundError) they are
reported as skipped with that reason, and only then; a bumble that is there but fails to import,
or an import error inside ``tests/bumble_backend.py`` (a bumble API moved), fails the
run.

No fixture here starts bumble: looptime fast-forwards only the test function's own body, so a
host powered on in a fixture would keep timers on the wall clock. Tests open the air inside
their body: ``on_air.treadmill_on_air()`` (ATT level) or ``link_harness.open_link("bumble", ...)``
(the app's link; tests/ftms runs every link test on it as the "bumble" backend).
"""

from __future__ import annotations

from importlib import metadata

import pytest


def pytest_report_header(config: pytest.Config) -> str:
    try:
        return f"bumble {metadata.version('bumble')}: real-ATT tests run"
    except metadata.PackageNotFoundError:
        return "bumble not installed: real-ATT tests (tests/bumble) are skipped"
