"""A fresh history database per test (tests/conftest.py already points the data directory at
the test's tmp_path)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from treadmill_ctl.history.store import HistoryStore


@pytest.fixture
def store() -> Iterator[HistoryStore]:
    """The history database in the test's data directory."""
    with HistoryStore.open() as s:
        yield s
