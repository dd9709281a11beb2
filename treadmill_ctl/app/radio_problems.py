"""What went wrong with the radio, in the user's words: a Bluetooth, BlueZ or OS error sorted
into a ``ProblemKind`` with a title and advice (``describe_bluetooth_error``), and a signal
strength as bars. No Qt: the connect and strap bridges present these.
"""

from __future__ import annotations

import enum
import errno
import functools
from dataclasses import dataclass
from typing import Final

from treadmill_ctl.errors import DeviceNotFoundError, LinkError
from treadmill_ctl.texts import tr

__all__ = [
    "Problem",
    "ProblemKind",
    "describe_bluetooth_error",
    "radio_errors",
    "signal_bars",
]


class ProblemKind(enum.StrEnum):
    """What went wrong with Bluetooth, in the categories the user can act on."""

    NONE = ""
    BLUETOOTH_OFF = "bluetooth_off"
    NO_ADAPTER = "no_adapter"
    NO_PERMISSION = "no_permission"
    BUSY = "busy"
    NOT_FOUND = "not_found"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Problem:
    """A Bluetooth problem in user words: a short title and what to do about it."""

    kind: ProblemKind
    title: str
    advice: str


_TITLES: Final[dict[ProblemKind, tuple[str, str]]] = {
    ProblemKind.BLUETOOTH_OFF: (
        tr("Bluetooth is off"),
        tr("Turn Bluetooth on in your system settings, then scan again."),
    ),
    ProblemKind.NO_ADAPTER: (
        tr("No Bluetooth on this computer"),
        tr(
            "This computer has no usable Bluetooth radio. Plug in a Bluetooth LE adapter, or try "
            "the app with --simulate."
        ),
    ),
    ProblemKind.NO_PERMISSION: (
        tr("No permission to use Bluetooth"),
        tr(
            "Allow this app to use Bluetooth (macOS: System Settings › Privacy › Bluetooth; Linux: "
            "your user must be allowed to use BlueZ, e.g. the 'bluetooth' group), then scan again."
        ),
    ),
    ProblemKind.BUSY: (
        tr("The treadmill is busy"),
        tr(
            "It is connected to something else, or Bluetooth is still busy with a previous "
            "attempt. Close other fitness apps (phone, tablet, watch) that use the treadmill, wait "
            "a few seconds and try again."
        ),
    ),
    ProblemKind.NOT_FOUND: (
        tr("Treadmill not found"),
        tr(
            "Is it switched on and in range? Most treadmills stop advertising while another app "
            "is connected to them. Scan again when it is free."
        ),
    ),
    ProblemKind.FAILED: (
        tr("Could not connect"),
        tr("Switch the treadmill off and on, then try again."),
    ),
}

# BlueZ D-Bus error names, by what the user can do about them.
_DBUS_KINDS: Final[dict[str, ProblemKind]] = {
    "org.bluez.Error.NotReady": ProblemKind.BLUETOOTH_OFF,
    "org.bluez.Error.NotPermitted": ProblemKind.NO_PERMISSION,
    "org.bluez.Error.NotAuthorized": ProblemKind.NO_PERMISSION,
    "org.freedesktop.DBus.Error.AccessDenied": ProblemKind.NO_PERMISSION,
    "org.bluez.Error.InProgress": ProblemKind.BUSY,
    "org.bluez.Error.AlreadyConnected": ProblemKind.BUSY,
    "org.bluez.Error.Busy": ProblemKind.BUSY,
    "org.bluez.Error.DoesNotExist": ProblemKind.NOT_FOUND,
    "org.freedesktop.DBus.Error.UnknownObject": ProblemKind.NOT_FOUND,
    "org.freedesktop.DBus.Error.ServiceUnknown": ProblemKind.NO_ADAPTER,
    "org.freedesktop.DBus.Error.NoReply": ProblemKind.BUSY,
}


@functools.cache
def _bleak_error() -> type[BaseException]:
    """bleak's error root. bleak is imported on first need, not with this module: the window
    shows before the Bluetooth stack is loaded."""
    from bleak.exc import BleakError  # noqa: PLC0415 - see the docstring

    return BleakError


def radio_errors() -> tuple[type[BaseException], ...]:
    """What a scan or a connect raises when the radio or the device fails (not a bug)."""
    return (_bleak_error(), LinkError, OSError)


def _bleak_kind(exc: BaseException) -> ProblemKind | None:
    """The problem kind of a bleak error with a structured reason, or None."""
    from bleak.exc import (  # noqa: PLC0415 - see _bleak_error
        BleakBluetoothNotAvailableError,
        BleakBluetoothNotAvailableReason,
        BleakDBusError,
        BleakDeviceNotFoundError,
    )

    reasons: dict[BleakBluetoothNotAvailableReason, ProblemKind] = {
        BleakBluetoothNotAvailableReason.NO_BLUETOOTH: ProblemKind.NO_ADAPTER,
        BleakBluetoothNotAvailableReason.NO_BLE_CENTRAL_ROLE: ProblemKind.NO_ADAPTER,
        BleakBluetoothNotAvailableReason.POWERED_OFF: ProblemKind.BLUETOOTH_OFF,
        BleakBluetoothNotAvailableReason.DENIED_BY_USER: ProblemKind.NO_PERMISSION,
        BleakBluetoothNotAvailableReason.DENIED_BY_SYSTEM: ProblemKind.NO_PERMISSION,
        BleakBluetoothNotAvailableReason.DENIED_BY_UNKNOWN: ProblemKind.NO_PERMISSION,
        BleakBluetoothNotAvailableReason.UNKNOWN: ProblemKind.BLUETOOTH_OFF,
    }
    if isinstance(exc, BleakBluetoothNotAvailableError):
        return reasons.get(exc.reason, ProblemKind.BLUETOOTH_OFF)
    if isinstance(exc, BleakDBusError):
        return _DBUS_KINDS.get(exc.dbus_error)
    if isinstance(exc, BleakDeviceNotFoundError):
        return ProblemKind.NOT_FOUND
    return None


# Words in bleak/OS messages that say the same thing when no structured error is raised.
_TEXT_KINDS: Final[tuple[tuple[str, ProblemKind], ...]] = (
    ("no bluetooth adapters", ProblemKind.NO_ADAPTER),
    ("adapter", ProblemKind.NO_ADAPTER),
    ("powered off", ProblemKind.BLUETOOTH_OFF),
    ("not powered", ProblemKind.BLUETOOTH_OFF),
    ("turned off", ProblemKind.BLUETOOTH_OFF),
    ("unauthorized", ProblemKind.NO_PERMISSION),
    ("permission", ProblemKind.NO_PERMISSION),
    ("access denied", ProblemKind.NO_PERMISSION),
    ("in progress", ProblemKind.BUSY),
    ("busy", ProblemKind.BUSY),
    ("already connected", ProblemKind.BUSY),
    ("not found", ProblemKind.NOT_FOUND),
    ("was not found", ProblemKind.NOT_FOUND),
)


def _kind_of(exc: BaseException) -> ProblemKind | None:
    """The problem kind of one exception (not its causes), or None if it says nothing."""
    kind = _bleak_kind(exc)
    if kind is None:
        kind = _system_kind(exc)
    if kind is None and isinstance(exc, _bleak_error() | LinkError):
        text = str(exc).lower()
        kind = next((k for words, k in _TEXT_KINDS if words in text), None)
    return kind


def _system_kind(exc: BaseException) -> ProblemKind | None:
    """The problem kind of our link's or the OS's error, or None."""
    if isinstance(exc, DeviceNotFoundError):
        return ProblemKind.NOT_FOUND
    if isinstance(exc, PermissionError):
        return ProblemKind.NO_PERMISSION
    if isinstance(exc, TimeoutError):
        return ProblemKind.NOT_FOUND
    if isinstance(exc, OSError) and exc.errno in (errno.EBUSY, errno.EALREADY):
        return ProblemKind.BUSY
    if isinstance(exc, FileNotFoundError | ConnectionRefusedError):
        # No D-Bus socket / no BlueZ daemon: Bluetooth is not available at all.
        return ProblemKind.NO_ADAPTER
    return None


def describe_bluetooth_error(exc: BaseException) -> Problem:
    """Map an error from a scan or a connect (bleak, the OS, or our link) to user words.

    The exception and its causes are inspected, most specific first: a ``LinkError`` wrapping a
    ``BleakDBusError`` is classified by the D-Bus error. Anything unrecognised is "could not
    connect" with the original message appended, so nothing is hidden.
    """
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and seen not in chain:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    for link in reversed(chain):
        kind = _kind_of(link)
        if kind is not None and kind is not ProblemKind.FAILED:
            title, advice = _TITLES[kind]
            return Problem(kind, title, advice)
    title, advice = _TITLES[ProblemKind.FAILED]
    detail = str(exc) or type(exc).__name__
    return Problem(
        ProblemKind.FAILED, title, tr("{advice} ({detail})", advice=advice, detail=detail)
    )


def signal_bars(rssi: int | None) -> int:
    """0-4 bars for a received signal strength in dBm (None: unknown, 0 bars)."""
    if rssi is None:
        return 0
    for bars, floor in ((4, -60), (3, -70), (2, -80), (1, -90)):
        if rssi >= floor:
            return bars
    return 0
