"""Fails loudly when a bleak, bleak-retry-connector or pyftms upgrade moves what
``treadmill_ctl/sim/bleak_backend.py`` and ``treadmill_ctl/ftms/pyftms_seam.py`` rely on.

If one of these fails after an upgrade: read the new library source, adapt the ONE module
named in the failing test, and update the expectation here."""

from __future__ import annotations

import inspect
from importlib.metadata import version

import pytest
from bleak import BleakClient, BleakScanner
from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.backends.client import BaseBleakClient
from bleak.backends.scanner import BaseBleakScanner
from bleak.backends.service import BleakGATTService, BleakGATTServiceCollection
from bleak.exc import BleakGATTProtocolError

from treadmill_ctl.ftms.pyftms_seam import FtmsTreadmill, SeamUpdater
from treadmill_ctl.ftms.seam_control import SeamController
from treadmill_ctl.sim.bleak_backend import SimBleakClient, SimBleakScanner


def _params(func: object) -> list[str]:
    return list(inspect.signature(func).parameters)  # type: ignore[arg-type]


# ---- bleak


@pytest.mark.parametrize(
    ("backend", "base"), [(SimBleakClient, BaseBleakClient), (SimBleakScanner, BaseBleakScanner)]
)
def test_sim_backends_implement_every_abstract_method(backend: type, base: type) -> None:
    assert not backend.__abstractmethods__
    for name in base.__abstractmethods__:
        assert name in vars(backend), f"{backend.__name__} must implement {base.__name__}.{name}"


def test_bleak_facades_take_a_backend_and_pass_keywords_through() -> None:
    for facade in (BleakClient.__init__, BleakScanner.__init__):
        params = inspect.signature(facade).parameters
        assert "backend" in params
        assert any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def test_bleak_gatt_objects_are_built_as_we_build_them() -> None:
    assert _params(BleakGATTService.__init__) == ["self", "obj", "handle", "uuid"]
    assert _params(BleakGATTCharacteristic.__init__) == [
        "self",
        "obj",
        "handle",
        "uuid",
        "properties",
        "max_write_without_response_size",
        "service",
    ]
    assert hasattr(BleakGATTServiceCollection, "add_service")
    assert hasattr(BleakGATTServiceCollection, "add_characteristic")
    assert BleakGATTProtocolError(0xFE).code == 0xFE


def test_base_client_calls_back_without_arguments() -> None:
    """BleakClient wraps the user's disconnected_callback in a partial with itself; the backend
    calls it with no arguments (SimBleakClient._notify_disconnected)."""
    source = inspect.getsource(BleakClient.__init__)
    assert "functools.partial(disconnected_callback, self)" in source


# ---- bleak-retry-connector


def test_establish_connection_passes_client_keywords_through() -> None:
    from bleak_retry_connector import establish_connection

    params = inspect.signature(establish_connection).parameters
    assert list(params)[:4] == ["client_class", "device", "name", "disconnected_callback"]
    assert any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def test_bluez_detection_looks_at_the_path_detail() -> None:
    from bleak.backends.device import BLEDevice
    from bleak_retry_connector.bluez import path_from_ble_device

    assert path_from_ble_device(BLEDevice("5A:11:00:00:00:01", "x", {"simulated": True})) is None
    assert path_from_ble_device(BLEDevice("AA", "x", {"path": "/org/bluez/hci0/dev_AA"}))


# ---- pyftms


def test_pyftms_is_the_version_the_seam_was_written_for() -> None:
    """pyftms_seam.py works around the defects of 0.4.15. Another version: run the canaries
    (tests/ftms/test_pyftms_defects.py) and re-read the seam before changing this."""
    assert version("pyftms") == "0.4.15"


def test_pyftms_attributes_the_seam_relies_on() -> None:
    from pyftms import Treadmill
    from pyftms.client.backends import DataUpdater, MachineController

    for name in (
        "_connect",
        "_on_disconnect",
        "_write_command",
        "_on_event",
        "connect",
        "disconnect",
        "is_connected",
    ):
        assert hasattr(Treadmill, name), f"pyftms Treadmill.{name}"
    for name in ("_data_model", "_data_uuid", "_machine_type", "_m_features", "_m_settings"):
        assert hasattr(Treadmill, name), f"pyftms Treadmill.{name}"
    for name in ("_on_indicate", "_on_machine_status", "_on_training_status", "subscribe"):
        assert hasattr(MachineController, name), f"pyftms MachineController.{name}"
    for name in ("reset", "write_command"):
        assert hasattr(MachineController, name)
    for name in ("_on_notify", "reset", "subscribe"):
        assert hasattr(DataUpdater, name), f"pyftms DataUpdater.{name}"
    init = inspect.getsource(Treadmill.__mro__[1].__init__)
    assert "self._updater = DataUpdater(" in init
    assert "self._controller = MachineController(" in init
    # The subscriptions pyftms makes use the methods we override (looked up on self).
    subscribe = inspect.getsource(MachineController.subscribe)
    for bound in ("self._on_training_status", "self._on_machine_status", "self._on_indicate"):
        assert bound in subscribe
    assert "self._on_notify" in inspect.getsource(DataUpdater.subscribe)


def test_our_overrides_are_overrides() -> None:
    from pyftms import Treadmill
    from pyftms.client.backends import DataUpdater, MachineController

    for cls, base in (
        (FtmsTreadmill, Treadmill),
        (SeamController, MachineController),
        (SeamUpdater, DataUpdater),
    ):
        assert issubclass(cls, base)
        for name, member in vars(cls).items():
            if name.startswith("_on_") or name in ("_connect", "reset", "write_command"):
                assert hasattr(base, name), f"{cls.__name__}.{name} overrides nothing any more"
                assert callable(member)
