"""Shared fixtures of the treadmill-link tests."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _event_loop_for_sync_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """looptime's pytest hook asks the policy for the current event loop before every test; a
    sync test has none, which is a DeprecationWarning (an error here) on Python 3.13. Give sync
    tests a loop of their own and close it after."""
    if inspect.iscoroutinefunction(request.function):
        yield
        return
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        yield
    finally:
        asyncio.set_event_loop(None)
        loop.close()
