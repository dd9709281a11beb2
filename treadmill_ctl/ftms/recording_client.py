"""The recording client: a ``BleakClient`` that hands every read, write, notification and
indication to a traffic sink (``ftms.traffic``'s log of a real or simulated treadmill). The
``Connection`` makes it (``ftms.connection``); the pyftms seam (``ftms.pyftms_seam``) asks for it.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any, override
from uuid import UUID

from bleak import BleakClient
from bleak.backends.characteristic import BleakGATTCharacteristic

from treadmill_ctl.ftms.traffic import TrafficKind

__all__ = ["RecordingBleakClient", "TrafficSink"]

type TrafficSink = Callable[[TrafficKind, str, bytes], None]


def _char_uuid(client: BleakClient, spec: BleakGATTCharacteristic | int | str | UUID) -> str:
    if isinstance(spec, BleakGATTCharacteristic):
        return spec.uuid
    char = client.services.get_characteristic(spec)
    return char.uuid if char is not None else str(spec)


class RecordingBleakClient(BleakClient):
    """A BleakClient that hands every read, write, notification and indication to ``traffic``
    (``(kind, uuid, bytes)``) when one is given; otherwise exactly a BleakClient."""

    def __init__(self, *args: Any, traffic: TrafficSink | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._traffic = traffic

    @override
    async def read_gatt_char(
        self,
        char_specifier: BleakGATTCharacteristic | int | str | UUID,
        *,
        use_cached: bool = False,
        **kwargs: Any,
    ) -> bytearray:
        data = await super().read_gatt_char(char_specifier, use_cached=use_cached, **kwargs)
        if self._traffic is not None:
            self._traffic(TrafficKind.READ, _char_uuid(self, char_specifier), bytes(data))
        return data

    @override
    async def write_gatt_char(
        self,
        char_specifier: BleakGATTCharacteristic | int | str | UUID,
        data: Any,
        response: bool | None = None,
    ) -> None:
        if self._traffic is not None:
            self._traffic(TrafficKind.WRITE, _char_uuid(self, char_specifier), bytes(data))
        await super().write_gatt_char(char_specifier, data, response)

    @override
    async def start_notify(
        self,
        char_specifier: BleakGATTCharacteristic | int | str | UUID,
        callback: Callable[[BleakGATTCharacteristic, bytearray], Awaitable[None] | None],
        **kwargs: Any,
    ) -> None:
        traffic = self._traffic
        if traffic is None:
            await super().start_notify(char_specifier, callback, **kwargs)
            return

        def record(char: BleakGATTCharacteristic, data: bytearray) -> None:
            props = char.properties
            kind = (
                TrafficKind.INDICATE
                if "indicate" in props and "notify" not in props
                else (TrafficKind.NOTIFY)
            )
            traffic(kind, char.uuid, bytes(data))

        if inspect.iscoroutinefunction(callback):

            async def recorded_async(char: BleakGATTCharacteristic, data: bytearray) -> None:
                record(char, data)
                await callback(char, data)

            await super().start_notify(char_specifier, recorded_async, **kwargs)
        else:

            def recorded(char: BleakGATTCharacteristic, data: bytearray) -> None:
                record(char, data)
                callback(char, data)

            await super().start_notify(char_specifier, recorded, **kwargs)
