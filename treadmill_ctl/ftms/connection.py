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

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from bleak import BleakClient
from bleak.backends.device import BLEDevice
from bleak_retry_connector import close_stale_connections, establish_connection


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
        """See ``Connection.connect``."""
        await close_stale_connections(device)
        client: C = await establish_connection(
            client_class=client_class,
            device=device,
            name=name,
            disconnected_callback=disconnected_callback,
            services=services,
            **client_kwargs,
        )
        return client
