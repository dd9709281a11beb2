"""The virtual treadmill served as a bleak backend: the ONE seam between bleak and the simulator.

``bleak.BleakClient(device, backend=SimBleakClient)`` and
``bleak.BleakScanner(backend=SimBleakScanner)`` run unmodified on top of ``VirtualTreadmill``
objects that are "on the air" (registered in a ``SimAir``). Everything above bleak — pyftms, our
seam in ``ftms/pyftms_seam.py``, the link — sees real ``BleakGATTServiceCollection`` /
``BleakGATTService`` / ``BleakGATTCharacteristic`` objects, an MTU of 23 (20-byte payloads),
notifications through the callbacks bleak hands its backends, ATT errors as
``BleakGATTProtocolError`` and a device-side drop as the ``disconnected_callback``.

Why this seam: bleak's public ``backend=`` parameter is the supported way to plug a backend in
(bleak >= 0.18); pyftms has no such parameter, so the app's link is given a connection method
(``SimConnection(air)``, a ``ftms.connection.Connection``) that builds the ``BleakClient`` with
this backend; the link itself knows nothing of the simulator.
``tests/sim/test_bleak_backend_seam.py`` fails loudly if a bleak upgrade moves anything relied
on here.

A simulated ``BLEDevice`` carries ``details == {"simulated": True}``: never a BlueZ ``path``,
so bleak-retry-connector never takes it for a BlueZ device.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Protocol, override

from bleak.args import SizedBuffer
from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.backends.client import BaseBleakClient, NotifyCallback
from bleak.backends.descriptor import BleakGATTDescriptor
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData, AdvertisementDataCallback, BaseBleakScanner
from bleak.backends.service import BleakGATTService, BleakGATTServiceCollection
from bleak.exc import BleakDeviceNotFoundError, BleakError, BleakGATTProtocolError
from bleak.uuids import normalize_uuid_str

from treadmill_ctl.sim.att import SimAttError, SimLinkDown

if TYPE_CHECKING:
    from bleak import BleakClient

    from treadmill_ctl.sim.gatt import SimAdvertisement, SimService

_LOGGER = logging.getLogger(__name__)

ATT_MTU: Final = 23
"""The default (and minimum) ATT MTU: every notification and write carries at most 20 bytes,
as on most walking pads."""

ATT_PAYLOAD: Final = ATT_MTU - 3

SIMULATED_DETAILS_KEY: Final = "simulated"

ADVERTISING_INTERVAL_S: Final = 0.1
"""How often (loop time) a scanner hears each simulated device advertise."""


class SimDevice(Protocol):
    """The device-level API a simulated peripheral offers (``VirtualTreadmill``, the virtual
    heart-rate strap): bytes in, bytes out, no bleak types."""

    @property
    def address(self) -> str: ...

    def advertisement(self) -> SimAdvertisement: ...

    def services(self) -> tuple[SimService, ...]: ...

    async def connect(self) -> None: ...

    async def disconnect(self) -> None: ...

    async def read(self, uuid: str) -> bytes: ...

    async def write(self, uuid: str, data: bytes, response: bool = True) -> None: ...

    def set_subscriber(self, uuid: str, cb: Callable[[bytes], None] | None) -> None: ...

    def set_disconnect_callback(self, cb: Callable[[], None] | None) -> None: ...


def is_simulated(device: BLEDevice) -> bool:
    """True for a BLEDevice that stands for a virtual treadmill."""
    details = device.details
    return isinstance(details, dict) and bool(details.get(SIMULATED_DETAILS_KEY))


def simulated_ble_device(treadmill: SimDevice) -> BLEDevice:
    """The BLEDevice a scan would report for ``treadmill`` (no BlueZ ``path``)."""
    return BLEDevice(
        treadmill.address, treadmill.advertisement().local_name, {SIMULATED_DETAILS_KEY: True}
    )


class SimAir:
    """Which virtual devices are "on the air": advertising to scanners, reachable by address.

    Tests and ``--simulate`` runs put their VirtualTreadmill (any SimDevice) here;
    ``SimBleakClient`` and ``SimBleakScanner`` take a ``sim_air=`` keyword (bleak passes unknown
    keywords through to its backend); there is no process-wide air."""

    def __init__(self) -> None:
        self._devices: dict[str, SimDevice] = {}

    def add(self, device: SimDevice) -> None:
        """Start advertising ``device`` (replaces one with the same address)."""
        self._devices[device.address.upper()] = device

    def remove(self, device: SimDevice) -> None:
        """Stop advertising ``device``; an open connection is not touched."""
        if self._devices.get(device.address.upper()) is device:
            del self._devices[device.address.upper()]

    def lookup(self, address: str) -> SimDevice | None:
        """The device with this address, if it is on the air."""
        return self._devices.get(address.upper())

    def devices(self) -> list[SimDevice]:
        """Every device on the air."""
        return list(self._devices.values())

    def clear(self) -> None:
        """Take every device off the air."""
        self._devices.clear()


def guarded_notify_callback(
    callback: NotifyCallback, uuid: str, logger: logging.Logger
) -> Callable[[bytes], None]:
    """What a simulated radio calls with each notification or indication of ``uuid``: hands
    bleak's ``callback`` a bytearray, as bleak's backends do. A real backend delivers from its
    event dispatcher, which logs a failing callback and goes on; so does this (on ``logger``),
    so that one bad handler does not stop the device."""

    def deliver(data: bytes) -> None:
        try:
            callback(bytearray(data))
        except Exception:
            logger.exception("notification callback for %s failed", uuid)

    return deliver


def _air_from(kwargs: dict[str, Any]) -> SimAir:
    air = kwargs.get("sim_air")
    if not isinstance(air, SimAir):
        raise BleakError("the sim backend needs sim_air=<SimAir>")
    return air


def _build_services(treadmill: SimDevice) -> BleakGATTServiceCollection:
    collection = BleakGATTServiceCollection()
    for sim_service in treadmill.services():
        service = BleakGATTService(
            sim_service, sim_service.handle, normalize_uuid_str(sim_service.uuid)
        )
        collection.add_service(service)
        for sim_char in sim_service.characteristics:
            char = BleakGATTCharacteristic(
                sim_char,
                sim_char.handle,
                normalize_uuid_str(sim_char.uuid),
                list(sim_char.properties),  # type: ignore[arg-type]
                lambda: ATT_PAYLOAD,
                service,
            )
            collection.add_characteristic(char)
    return collection


class SimBleakClient(BaseBleakClient):
    """bleak client backend talking to a SimDevice (VirtualTreadmill...) on a SimAir.

    ``BleakClient(ble_device_or_address, backend=SimBleakClient, sim_air=air)``."""

    def __init__(
        self,
        address_or_ble_device: BLEDevice | str,
        *,
        disconnected_callback: Callable[[], None] | None = None,
        timeout: float = 10.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            address_or_ble_device, disconnected_callback=disconnected_callback, timeout=timeout
        )
        self._air = _air_from(kwargs)
        self._device: SimDevice | None = None
        self._connected = False
        self._subscribed: set[str] = set()

    # ---- identity and connection

    @property
    @override
    def name(self) -> str:
        device = self._device or self._air.lookup(self.address)
        if device is None:
            return self.address.replace(":", "-")
        return device.advertisement().local_name or self.address.replace(":", "-")

    @property
    @override
    def mtu_size(self) -> int:
        return ATT_MTU

    @property
    @override
    def is_connected(self) -> bool:
        return self._connected

    @override
    async def connect(self, pair: bool, **kwargs: Any) -> None:
        device = self._air.lookup(self.address)
        if device is None:
            raise BleakDeviceNotFoundError(
                self.address, f"Device with address {self.address} was not found."
            )
        try:
            async with asyncio.timeout(self._timeout):
                await device.connect()
        except SimLinkDown as exc:
            raise BleakError(f"{self.address}: connection failed ({exc})") from exc
        except TimeoutError as exc:
            raise TimeoutError(f"{self.address}: connection timed out") from exc
        self._device = device
        self._connected = True
        device.set_disconnect_callback(self._on_device_dropped)
        self.services = _build_services(device)

    @override
    async def disconnect(self) -> None:
        device = self._device
        if device is None or not self._connected:
            return
        self._teardown(device)
        await device.disconnect()
        # Like BlueZ and WinRT: the callback also runs when the client asked to disconnect.
        self._notify_disconnected()

    def _on_device_dropped(self) -> None:
        """The device went away on its own (link drop fault, device closed)."""
        device = self._device
        if device is None or not self._connected:
            return
        _LOGGER.debug("%s: simulated link dropped", self.address)
        self._teardown(device)
        self._notify_disconnected()

    def _teardown(self, device: SimDevice) -> None:
        self._connected = False
        for uuid in self._subscribed:
            device.set_subscriber(uuid, None)
        self._subscribed.clear()
        device.set_disconnect_callback(None)
        self.services = None

    def _notify_disconnected(self) -> None:
        if self._disconnected_callback is not None:
            self._disconnected_callback()

    @override
    async def pair(self, *args: Any, **kwargs: Any) -> None:
        """Simulated devices need no pairing."""

    @override
    async def unpair(self) -> None:
        """Simulated devices need no pairing."""

    # ---- GATT I/O

    def _connected_device(self) -> SimDevice:
        if self._device is None or not self._connected:
            raise BleakError("Not connected")
        return self._device

    @override
    async def read_gatt_char(
        self, characteristic: BleakGATTCharacteristic, *, use_cached: bool = False, **kwargs: Any
    ) -> bytearray:
        device = self._connected_device()
        try:
            return bytearray(await device.read(characteristic.uuid))
        except SimAttError as exc:
            raise BleakGATTProtocolError(exc.code) from exc
        except SimLinkDown as exc:
            raise BleakError("Not connected") from exc

    @override
    async def write_gatt_char(
        self, characteristic: BleakGATTCharacteristic, data: SizedBuffer, response: bool
    ) -> None:
        device = self._connected_device()
        payload = bytes(data)
        if not response and len(payload) > ATT_PAYLOAD:
            raise BleakError(f"write without response of {len(payload)} bytes > {ATT_PAYLOAD}")
        try:
            await device.write(characteristic.uuid, payload, response=response)
        except SimAttError as exc:
            raise BleakGATTProtocolError(exc.code) from exc
        except SimLinkDown as exc:
            raise BleakError("Not connected") from exc

    @override
    async def read_gatt_descriptor(
        self, descriptor: BleakGATTDescriptor, *, use_cached: bool = False, **kwargs: Any
    ) -> bytearray:
        raise BleakError("the virtual treadmill exposes no descriptors")

    @override
    async def write_gatt_descriptor(
        self, descriptor: BleakGATTDescriptor, data: SizedBuffer
    ) -> None:
        raise BleakError("the virtual treadmill exposes no descriptors")

    @override
    async def start_notify(
        self, characteristic: BleakGATTCharacteristic, callback: NotifyCallback, **kwargs: Any
    ) -> None:
        device = self._connected_device()
        uuid = characteristic.uuid
        device.set_subscriber(uuid, guarded_notify_callback(callback, uuid, _LOGGER))
        self._subscribed.add(uuid)

    @override
    async def stop_notify(self, characteristic: BleakGATTCharacteristic) -> None:
        device = self._connected_device()
        device.set_subscriber(characteristic.uuid, None)
        self._subscribed.discard(characteristic.uuid)


class SimBleakScanner(BaseBleakScanner):
    """bleak scanner backend hearing the devices on a SimAir.

    ``BleakScanner(backend=SimBleakScanner, sim_air=air)``. While scanning, every device on the
    air advertises every ``ADVERTISING_INTERVAL_S`` of loop time."""

    def __init__(
        self,
        detection_callback: AdvertisementDataCallback | None,
        service_uuids: list[str] | None,
        scanning_mode: str = "active",
        **kwargs: Any,
    ) -> None:
        super().__init__(detection_callback, service_uuids)
        self._air = _air_from(kwargs)
        self._task: asyncio.Task[None] | None = None

    @override
    async def start(self) -> None:
        self.seen_devices = {}
        await self.stop()
        self._advertise_once()
        self._task = asyncio.get_running_loop().create_task(
            self._advertise_forever(), name="sim-scanner"
        )

    @override
    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                if not task.cancelled():  # our caller is being cancelled, not just the task
                    raise

    async def _advertise_forever(self) -> None:
        while True:
            await asyncio.sleep(ADVERTISING_INTERVAL_S)
            self._advertise_once()

    def _advertise_once(self) -> None:
        for device in self._air.devices():
            sim_adv = device.advertisement()
            service_uuids = [normalize_uuid_str(u) for u in sim_adv.service_uuids]
            if not self.is_allowed_uuid(service_uuids):
                continue
            adv = AdvertisementData(
                local_name=sim_adv.local_name,
                manufacturer_data=dict(sim_adv.manufacturer_data),
                service_data={
                    normalize_uuid_str(k): bytes(v) for k, v in sim_adv.service_data.items()
                },
                service_uuids=service_uuids,
                tx_power=sim_adv.tx_power,
                rssi=sim_adv.rssi,
                platform_data=(),
            )
            ble_device = self.create_or_update_device(
                device.address,
                device.address,
                sim_adv.local_name,
                {SIMULATED_DETAILS_KEY: True},
                adv,
            )
            self.call_detection_callbacks(ble_device, adv)


@dataclass(frozen=True, slots=True)
class SimConnection:
    """The virtual air as the link's connection method (``ftms.connection.Connection``, met
    structurally: the simulator does not import the link): scans hear the devices on ``air``;
    clients reach them through ``SimBleakClient``. No bleak-retry-connector: it would take a
    simulated device for a BlueZ one."""

    air: SimAir

    def scanner_kwargs(self) -> dict[str, Any]:
        """``BleakScanner`` keywords that listen on ``air``."""
        return {"backend": SimBleakScanner, "sim_air": self.air}

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
        """A ``client_class`` client connected to ``device`` on ``air``."""
        client = client_class(
            device,
            disconnected_callback=disconnected_callback,
            services=services,
            backend=SimBleakClient,
            sim_air=self.air,
            **client_kwargs,
        )
        await client.connect()
        return client
