"""The BlueZ test layer: bleak's BlueZ backend (the code a Linux user runs) over a fake
``org.bluez`` on a private dbus-daemon, one per test.

Each test gets ``bluez_bus``: a fresh dbus-daemon (a system bus on a unix socket of its own),
``DBUS_SYSTEM_BUS_ADDRESS`` pointing at it and a stand-in ``bluetoothctl`` first on ``PATH``.
The fake BlueZ itself (``fake_bluez.FakeBlueZ``) is started inside each test's body, on the
test's own event loop, so that the virtual treadmill's clock is that loop's.

Without dbus-daemon the tests are skipped with the reason, except in CI (``CI=true``), where
they fail: CI must run them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from bleak.backends.bluezdbus.version import BlueZFeatures
from private_bus import MISSING_REASON, PrivateBus, dbus_daemon, start_private_bus


def pytest_report_header(config: pytest.Config) -> str:
    found = dbus_daemon()
    return f"dbus-daemon: {found}" if found else f"dbus-daemon missing: {MISSING_REASON}"


@pytest.fixture
def bluez_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateBus]:
    """A private system bus for this test, found by bleak (see the module docstring)."""
    executable = dbus_daemon()
    if executable is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{MISSING_REASON} (CI must run them)")
        pytest.skip(MISSING_REASON)
    bus = start_private_bus(executable)
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", bus.address)
    monkeypatch.setenv("PATH", f"{bus.bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    # bleak asks bluetoothctl once per process: ask again, so each test runs that check.
    monkeypatch.setattr(BlueZFeatures, "checked_bluez_version", False)
    monkeypatch.setattr(BlueZFeatures, "_check_bluez_event", None)
    try:
        yield bus
    finally:
        bus.close()
