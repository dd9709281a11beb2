"""How the link reaches a device: the connection method, chosen where the app is assembled.

The link (``ftms.link``) and its pyftms seam speak bleak's API only; what is under bleak is the
caller's choice, given as a ``Connection``:

- ``BluetoothConnection()``: the computer's Bluetooth adapter (bleak's platform backend),
  reached through bleak-retry-connector as pyftms does, for a real treadmill;
- ``sim.bleak_backend.SimConnection(air)``: the virtual treadmill on a ``SimAir``;
- the bumble air of the real-ATT tests (``tests/bumble_backend.py``).

Nothing in ``ftms`` knows the simulator: the virtual connections satisfy this protocol
structurally, and the app (``app/treadmill_source.py``), the commands and headless runs pick one.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Protocol

from bleak import BleakClient
from bleak.backends.device import BLEDevice
from bleak_retry_connector import close_stale_connections, establish_connection

_LOGGER = logging.getLogger(__name__)


class Connection(Protocol):
    """A radio the link can use: how to listen for devices and how to connect to one."""

    def scanner_kwargs(self) -> dict[str, Any]:
        """Keywords for ``bleak.BleakScanner`` that make it listen on this radio."""
        ...

    async def connect[C: BleakClient](
        self,
        device: BLEDevice,
        client_class: type[C],
        *,
        name: str,
        disconnected_callback: Callable[[BleakClient], None],
        services: list[str],
        **client_kwargs: Any,
    ) -> C:
        """A ``client_class`` client connected to ``device`` (``client_kwargs`` go to its
        constructor); raises BleakError / OSError / TimeoutError when it cannot connect."""
        ...


@dataclass(frozen=True, slots=True)
class BluetoothConnection:
    """The computer's Bluetooth adapter: scans with bleak's platform scanner; connects with
    bleak-retry-connector (stale connections closed first, retries on the usual BlueZ
    failures)."""

    def scanner_kwargs(self) -> dict[str, Any]:
        """No keywords: bleak's platform backend."""
        return {}

    async def connect[C: BleakClient](
        self,
        device: BLEDevice,
        client_class: type[C],
        *,
        name: str,
        disconnected_callback: Callable[[BleakClient], None],
        services: list[str],
        **client_kwargs: Any,
    ) -> C:
        """See ``Connection.connect``. On Linux the link is also lost when bluetoothd goes
        away (a crash, ``systemctl restart bluetooth``): bleak hears nothing then (no
        ``Connected`` change comes), so ``disconnected_callback`` would never be called and
        every write would fail with the link still shown as connected."""
        await close_stale_connections(device)
        watch = _BlueZWatch(disconnected_callback)
        client: C = await establish_connection(
            client_class=client_class,
            device=device,
            name=name,
            disconnected_callback=watch.disconnected,
            services=services,
            **client_kwargs,
        )
        if sys.platform.startswith("linux"):
            await watch.start(client)
        return client


BLUEZ_SERVICE: Final = "org.bluez"
_NAME_OWNER_RULE: Final = (
    "type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',"
    f"member='NameOwnerChanged',arg0='{BLUEZ_SERVICE}'"
)


class _BlueZWatch:
    """Tells a connected client's ``disconnected_callback`` (once) when the link went down
    or bluetoothd left the system bus (watched on a D-Bus connection of its own while the
    client is connected)."""

    def __init__(self, callback: Callable[[BleakClient], None]) -> None:
        self._callback = callback
        self._client: BleakClient | None = None
        self._bus: Any = None
        self._told = False

    def disconnected(self, client: BleakClient) -> None:
        """bleak's callback (also when bleak retries a connect: only a connected client's
        loss is passed on, as bleak itself does)."""
        if self._client is None:  # still connecting: as bleak says it (the link decides)
            self._callback(client)
            return
        self._close()
        self._tell(client)

    def _tell(self, client: BleakClient) -> None:
        if self._told:  # bluetoothd's exit and bleak's own callback: one loss
            return
        self._told = True
        self._callback(client)

    async def start(self, client: BleakClient) -> None:
        """Watch bluetoothd for ``client`` (connected now)."""
        from dbus_fast import BusType, Message, MessageType  # noqa: PLC0415 - Linux only
        from dbus_fast.aio import MessageBus  # noqa: PLC0415

        self._client = client
        try:
            bus = await MessageBus(bus_type=BusType.SYSTEM).connect()
        except (OSError, EOFError, ValueError) as exc:  # no system bus: nothing to watch
            _LOGGER.debug("not watching bluetoothd: %s", exc)
            return

        def on_message(msg: Message) -> None:
            if (
                msg.message_type is MessageType.SIGNAL
                and msg.member == "NameOwnerChanged"
                and msg.body[:1] == [BLUEZ_SERVICE]
                and not msg.body[2]
            ):
                _LOGGER.warning("bluetoothd left the system bus: the link is gone")
                self._close()
                self._tell(client)

        bus.add_message_handler(on_message)
        self._bus = bus
        await bus.call(
            Message(
                destination="org.freedesktop.DBus",
                path="/org/freedesktop/DBus",
                interface="org.freedesktop.DBus",
                member="AddMatch",
                signature="s",
                body=[_NAME_OWNER_RULE],
            )
        )
        if self._told or not client.is_connected:  # lost while the watch was being set up
            self._close()

    def _close(self) -> None:
        bus, self._bus = self._bus, None
        if bus is not None:
            bus.disconnect()
