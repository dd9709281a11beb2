"""A fake BlueZ: ``org.bluez`` served with dbus-fast on a (private) D-Bus system bus, backed by
the virtual treadmill and the virtual heart-rate strap (any ``sim.bleak_backend.SimDevice``).

bleak's BlueZ backend, bleak-retry-connector and the app run unmodified on top of it: they see
``/org/bluez/hci0`` (``org.bluez.Adapter1``), ``/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF``
(``org.bluez.Device1``) and, once connected, ``.../serviceXXXX``, ``.../charXXXX`` and
``.../descXXXX`` (``GattService1``, ``GattCharacteristic1``, ``GattDescriptor1``), announced by
the ``org.freedesktop.DBus.ObjectManager`` signals on ``/`` as bluetoothd announces them. What
this copies from BlueZ and what it assumes is listed in docs/bluez-fake.md.

Low level on purpose (a message handler, not dbus-fast's ``ServiceInterface``): the order of
signals and replies, the error names and texts, and which object sends what are the point.

    async with FakeBlueZ(bus_address) as bluez:
        bluez.add(treadmill)            # on the air: heard while a client discovers
        bluez.fail_next_connect(treadmill.address, "le-connection-abort-by-local")
        bluez.set_powered(False)        # the adapter switched off
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Self

from dbus_fast import BusType, Message, MessageType, Variant
from dbus_fast.aio import MessageBus

from treadmill_ctl.sim.att import SimAttError, SimLinkDown

if TYPE_CHECKING:
    from types import TracebackType

    from treadmill_ctl.sim.bleak_backend import SimDevice
    from treadmill_ctl.sim.gatt import SimCharacteristic

_LOGGER = logging.getLogger(__name__)

BLUEZ: Final = "org.bluez"
ADAPTER: Final = "org.bluez.Adapter1"
DEVICE: Final = "org.bluez.Device1"
GATT_SERVICE: Final = "org.bluez.GattService1"
GATT_CHARACTERISTIC: Final = "org.bluez.GattCharacteristic1"
GATT_DESCRIPTOR: Final = "org.bluez.GattDescriptor1"
PROPERTIES: Final = "org.freedesktop.DBus.Properties"
OBJECT_MANAGER: Final = "org.freedesktop.DBus.ObjectManager"
INTROSPECTABLE: Final = "org.freedesktop.DBus.Introspectable"

ERROR: Final = "org.bluez.Error"
UNKNOWN_OBJECT: Final = "org.freedesktop.DBus.Error.UnknownObject"
UNKNOWN_METHOD: Final = "org.freedesktop.DBus.Error.UnknownMethod"
INVALID_ARGS: Final = "org.freedesktop.DBus.Error.InvalidArgs"

CCCD_UUID: Final = "00002902-0000-1000-8000-00805f9b34fb"
ABORT_BY_LOCAL: Final = "le-connection-abort-by-local"
UNREACHABLE_MESSAGE: Final = "Software caused connection abort"
"""The Connect error for a device that does not answer (see docs/bluez-fake.md: assumed)."""

ATT_MTU: Final = 23


class BlueZError(Exception):
    """A D-Bus error reply: ``org.bluez.Error.<name>`` (or a full error name) and its text."""

    def __init__(self, name: str, text: str) -> None:
        super().__init__(text)
        self.error_name = name if "." in name else f"{ERROR}.{name}"
        self.text = text


def att_error(code: int) -> BlueZError:
    """The D-Bus error bluetoothd answers a GATT request with when the device answered ATT
    error ``code`` (``create_gatt_dbus_error`` in BlueZ's src/gatt-client.c)."""
    match code:
        case 0x02:
            return BlueZError("NotPermitted", "Read not permitted")
        case 0x03:
            return BlueZError("NotPermitted", "Write not permitted")
        case 0x05 | 0x0C | 0x0F:
            return BlueZError("NotPermitted", "Not paired")
        case 0x07:
            return BlueZError("InvalidArguments", "Invalid offset")
        case 0x0D:
            return BlueZError("InvalidArguments", "Invalid Length")
        case 0x08:
            return BlueZError("NotAuthorized", "Not Authorized")
        case 0x06:
            return BlueZError("NotSupported", "Operation is not supported")
        case 0:
            return BlueZError("Failed", "Operation failed")
    return BlueZError("Failed", f"Operation failed with ATT error: 0x{code:02x}")


def device_path(adapter_path: str, address: str) -> str:
    """``/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF`` for ``aa:bb:cc:dd:ee:ff``."""
    return f"{adapter_path}/dev_{address.upper().replace(':', '_')}"


def _uuid128(uuid: str) -> str:
    u = uuid.lower()
    return f"0000{u}-0000-1000-8000-00805f9b34fb" if len(u) == 4 else u


@dataclass(eq=False)
class _Characteristic:
    path: str
    sim: SimCharacteristic
    cccd_path: str | None
    notify_senders: set[str] = field(default_factory=set)
    # Errors the next calls get instead of reaching the device: (member, error), in order.
    faults: list[tuple[str, BlueZError]] = field(default_factory=list)
    write_busy: bool = False
    read_busy: bool = False


@dataclass(eq=False)
class Peer:
    """A device the fake adapter can hear: the simulated device and its BlueZ state."""

    device: SimDevice
    path: str
    rssi: int
    on_air: bool = True
    known: bool = False  # a Device1 object exists
    connected: bool = False
    connecting: bool = False
    resolved: bool = False
    gatt: dict[str, _Characteristic] = field(default_factory=dict)  # char path ->
    gatt_paths: list[str] = field(default_factory=list)  # every GATT object, parents first
    connect_faults: list[str] = field(default_factory=list)
    removal: asyncio.TimerHandle | None = None
    adverts: int = 0

    @property
    def address(self) -> str:
        return self.device.address.upper()


@dataclass(frozen=True, slots=True)
class Call:
    """A method call the fake received: who (unique bus name), on what, which method."""

    sender: str
    path: str
    interface: str
    member: str


class FakeBlueZ:
    """``org.bluez`` on the bus at ``bus_address`` (see the module docstring).

    ``keep_gatt_on_disconnect``: the GATT objects stay when a device disconnects (a bonded
    device, or BlueZ with a GATT cache) instead of being removed (the default for a device that
    was never paired). ``temporary_timeout_s``: how long an unconnected device found by a
    discovery stays after the discovery ends (BlueZ's ``TemporaryTimeout``, 30 s).
    ``advert_interval_s``: how often (loop time) each device on the air is heard while a
    discovery runs. ``write_reply_delay_s``: hold each WriteValue reply this long after the
    device acknowledged the write, so that a response indication reaches the client's manager
    connection before the reply reaches its own (the race of two D-Bus connections)."""

    def __init__(
        self,
        bus_address: str,
        *,
        adapter: str = "hci0",
        adapter_address: str = "00:1A:7D:DA:71:13",
        keep_gatt_on_disconnect: bool = False,
        temporary_timeout_s: float = 30.0,
        advert_interval_s: float = 0.1,
        connect_timeout_s: float = 2.0,
        write_reply_delay_s: float = 0.0,
    ) -> None:
        self.bus_address = bus_address
        self.adapter_path = f"/org/bluez/{adapter}"
        self.adapter_address = adapter_address
        self.keep_gatt_on_disconnect = keep_gatt_on_disconnect
        self.temporary_timeout_s = temporary_timeout_s
        self.advert_interval_s = advert_interval_s
        self.connect_timeout_s = connect_timeout_s
        self.write_reply_delay_s = write_reply_delay_s
        self.calls: list[Call] = []
        self.signals: list[tuple[str, str, str, list[Any]]] = []  # path, interface, member, body
        self._bus: MessageBus | None = None
        self._objects: dict[str, dict[str, dict[str, Variant]]] = {}
        self._peers: dict[str, Peer] = {}  # device path ->
        self._chars: dict[str, tuple[Peer, _Characteristic]] = {}
        self._discovery: dict[str, dict[str, Variant]] = {}  # sender -> its filter
        self._filters: dict[str, dict[str, Variant]] = {}
        self._discovery_task: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._jitter = itertools.cycle((0, -1))

    # ---- life cycle

    async def start(self) -> Self:
        """Connect to the bus, own ``org.bluez`` and publish the adapter."""
        bus = MessageBus(bus_address=self.bus_address, bus_type=BusType.SYSTEM)
        await bus.connect()
        self._bus = bus
        bus.add_message_handler(self._handle)
        await bus.call(
            Message(
                destination="org.freedesktop.DBus",
                path="/org/freedesktop/DBus",
                interface="org.freedesktop.DBus",
                member="AddMatch",
                signature="s",
                body=["type='signal',sender='org.freedesktop.DBus',member='NameOwnerChanged'"],
            )
        )
        await bus.request_name(BLUEZ)
        self._add_object(
            self.adapter_path,
            {
                ADAPTER: {
                    "Address": Variant("s", self.adapter_address),
                    "AddressType": Variant("s", "public"),
                    "Name": Variant("s", "fake-bluez"),
                    "Alias": Variant("s", "fake-bluez"),
                    "Class": Variant("u", 0x7C010C),
                    "Powered": Variant("b", True),
                    "PowerState": Variant("s", "on"),
                    "Discoverable": Variant("b", False),
                    "DiscoverableTimeout": Variant("u", 180),
                    "Pairable": Variant("b", True),
                    "PairableTimeout": Variant("u", 0),
                    "Discovering": Variant("b", False),
                    "UUIDs": Variant("as", []),
                    "Modalias": Variant("s", "usb:v1D6Bp0246d0542"),
                    "Roles": Variant("as", ["central", "peripheral"]),
                    "ExperimentalFeatures": Variant("as", []),
                }
            },
        )
        return self

    async def stop(self) -> None:
        """Leave the bus (bluetoothd stopping): every object goes with it."""
        for task in list(self._tasks):
            task.cancel()
        if self._discovery_task is not None:
            self._discovery_task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for peer in self._peers.values():
            if peer.removal is not None:
                peer.removal.cancel()
            if peer.connected:
                peer.device.set_disconnect_callback(None)
        bus, self._bus = self._bus, None
        if bus is not None and bus.connected:
            bus.disconnect()
            with contextlib.suppress(Exception):
                await bus.wait_for_disconnect()

    async def crash(self) -> None:
        """bluetoothd dies (a crash, ``systemctl restart bluetooth``): it leaves the bus with
        no signal on the way (bus clients see ``org.bluez`` lose its owner), and the kernel
        ends its LE links (the devices see a disconnect). The dbus-daemon stays."""
        for peer in self._peers.values():
            if peer.connected:
                peer.connected = False
                peer.device.set_disconnect_callback(None)
                with contextlib.suppress(SimLinkDown):
                    await peer.device.disconnect()
        await self.stop()

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # ---- what tests arrange

    def add(self, device: SimDevice, *, rssi: int | None = None) -> Peer:
        """Put ``device`` on the air: discoveries hear it (no Device1 object before that)."""
        path = device_path(self.adapter_path, device.address)
        peer = self._peers.get(path)
        if peer is None:
            peer = Peer(device, path, rssi if rssi is not None else device.advertisement().rssi)
            self._peers[path] = peer
        peer.on_air = True
        return peer

    def take_off_air(self, device: SimDevice) -> None:
        """``device`` stops advertising (its Device1 object, if any, stays)."""
        self.peer(device.address).on_air = False

    def peer(self, address: str) -> Peer:
        """The peer with this address."""
        return self._peers[device_path(self.adapter_path, address)]

    def path_of(self, address: str) -> str:
        """The Device1 object path of ``address``."""
        return device_path(self.adapter_path, address)

    def fail_next_connect(
        self, address: str, message: str = ABORT_BY_LOCAL, times: int = 1
    ) -> None:
        """The next ``times`` Connect calls to ``address`` fail with org.bluez.Error.Failed
        ``message``. For ``le-connection-abort-by-local`` the link comes up and goes down
        first (Connected true, then false), as bleak expects of it."""
        self.peer(address).connect_faults.extend([message] * times)

    def fail_next_request(
        self,
        address: str,
        uuid: str,
        error: BlueZError,
        *,
        member: str = "WriteValue",
        times: int = 1,
    ) -> None:
        """The next ``times`` ``member`` calls (WriteValue, ReadValue, StartNotify) on
        ``address``'s characteristic ``uuid`` get ``error`` (e.g. ``att_error(0xFE)``,
        ``BlueZError("InProgress", "In Progress")``) and never reach the device. The device
        must be connected (its GATT objects published)."""
        peer = self.peer(address)
        want = _uuid128(uuid)
        char = next((c for c in peer.gatt.values() if _uuid128(c.sim.uuid) == want), None)
        if char is None:
            raise KeyError(f"{address} has no characteristic {uuid} (not connected?)")
        char.faults.extend([(member, error)] * times)

    def gatt_calls(self, member: str, address: str | None = None) -> int:
        """How many ``member`` calls GATT objects got (of ``address``'s device, if given)."""
        prefix = self.path_of(address) + "/" if address is not None else ""
        return sum(
            1
            for c in self.calls
            if c.interface == GATT_CHARACTERISTIC
            and c.member == member
            and c.path.startswith(prefix)
        )

    def connect_calls(self) -> list[str]:
        """The device paths Connect was called on, in order."""
        return [c.path for c in self.calls if c.interface == DEVICE and c.member == "Connect"]

    def has_object(self, path: str) -> bool:
        """An object exists at ``path``."""
        return path in self._objects

    def gatt_objects(self, address: str) -> list[str]:
        """The GATT object paths under ``address``'s device."""
        prefix = self.path_of(address) + "/"
        return [p for p in self._objects if p.startswith(prefix)]

    @property
    def powered(self) -> bool:
        return bool(self._objects[self.adapter_path][ADAPTER]["Powered"].value)

    def set_powered(self, on: bool) -> None:
        """Switch the adapter on or off (``rfkill``, the desktop's Bluetooth switch): off drops
        every connection and ends every discovery."""
        if on == self.powered:
            return
        if not on:
            for peer in list(self._peers.values()):
                if peer.connected:
                    self._spawn(self._drop(peer, device_side=False))
            self._discovery.clear()
            self._update_discovering()
        self._set_props(
            self.adapter_path,
            ADAPTER,
            {"Powered": Variant("b", on), "PowerState": Variant("s", "on" if on else "off")},
        )

    # ---- objects and signals

    def _send(self, msg: Message) -> None:
        bus = self._bus
        if bus is not None and bus.connected:
            bus.send(msg)

    def _signal(
        self, path: str, interface: str, member: str, signature: str, body: list[Any]
    ) -> None:
        self.signals.append((path, interface, member, body))
        self._send(Message.new_signal(path, interface, member, signature, body))

    def _add_object(self, path: str, interfaces: dict[str, dict[str, Variant]]) -> None:
        self._objects[path] = interfaces
        # BlueZ lists the standard interfaces too, with no properties.
        announced = {INTROSPECTABLE: {}, PROPERTIES: {}, **interfaces}
        self._signal("/", OBJECT_MANAGER, "InterfacesAdded", "oa{sa{sv}}", [path, announced])

    def _remove_object(self, path: str) -> None:
        interfaces = self._objects.pop(path, None)
        if interfaces is None:
            return
        names = [INTROSPECTABLE, PROPERTIES, *interfaces]
        self._signal("/", OBJECT_MANAGER, "InterfacesRemoved", "oas", [path, names])

    def _set_props(
        self,
        path: str,
        interface: str,
        changed: dict[str, Variant],
        invalidated: list[str] | None = None,
    ) -> None:
        props = self._objects.get(path, {}).get(interface)
        if props is None:
            return
        props.update(changed)
        for name in invalidated or ():
            props.pop(name, None)
        self._signal(
            path,
            PROPERTIES,
            "PropertiesChanged",
            "sa{sv}as",
            [interface, changed, invalidated or []],
        )

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # ---- dispatch

    def _handle(self, msg: Message) -> bool | Message | None:
        if msg.message_type is MessageType.SIGNAL:
            if msg.member == "NameOwnerChanged" and msg.sender == "org.freedesktop.DBus":
                name, _old, new = msg.body
                if not new and name.startswith(":"):
                    self._client_gone(name)
            return None
        if msg.message_type is not MessageType.METHOD_CALL:
            return None
        if msg.interface in (INTROSPECTABLE, "org.freedesktop.DBus.Peer"):
            return None  # dbus-fast answers these
        sender = msg.sender or ""
        path = msg.path or "/"
        interface = msg.interface or ""
        member = msg.member or ""
        self.calls.append(Call(sender, path, interface, member))
        try:
            result = self._dispatch(msg, path, interface, member)
        except BlueZError as exc:
            return Message.new_error(msg, exc.error_name, exc.text)
        if asyncio.iscoroutine(result):
            self._spawn(self._answer_later(msg, result))
            return True
        assert isinstance(result, Message)
        return result

    def _dispatch(self, msg: Message, path: str, interface: str, member: str) -> Any:
        """The reply (or a coroutine making it) to a method call; raises BlueZError."""
        if interface == OBJECT_MANAGER and member == "GetManagedObjects" and path == "/":
            return Message.new_method_return(msg, "a{oa{sa{sv}}}", [self._managed_objects()])
        unknown = f'Method "{member}" with signature "{msg.signature}" on interface '
        unknown += f'"{interface}" doesn\'t exist'
        if path not in self._objects:
            raise BlueZError(UNKNOWN_OBJECT, unknown)
        if interface == PROPERTIES:
            return self._properties_call(msg, path, member)
        handler = self._methods().get((interface, member))
        if handler is None or interface not in self._objects[path]:
            raise BlueZError(UNKNOWN_METHOD, unknown)
        return handler(msg)

    async def _answer_later(self, msg: Message, work: Coroutine[Any, Any, Message]) -> None:
        try:
            reply = await work
        except BlueZError as exc:
            reply = Message.new_error(msg, exc.error_name, exc.text)
        self._send(reply)

    def _methods(self) -> dict[tuple[str, str], Callable[[Message], Any]]:
        return {
            (ADAPTER, "StartDiscovery"): self._start_discovery,
            (ADAPTER, "StopDiscovery"): self._stop_discovery,
            (ADAPTER, "SetDiscoveryFilter"): self._set_discovery_filter,
            (ADAPTER, "GetDiscoveryFilters"): lambda m: Message.new_method_return(
                m,
                "as",
                [
                    [
                        "UUIDs",
                        "RSSI",
                        "Pathloss",
                        "Transport",
                        "DuplicateData",
                        "Discoverable",
                        "Pattern",
                    ]
                ],
            ),
            (ADAPTER, "RemoveDevice"): self._remove_device,
            (DEVICE, "Connect"): self._connect,
            (DEVICE, "Disconnect"): self._disconnect,
            (DEVICE, "Pair"): self._not_supported,
            (DEVICE, "CancelPairing"): self._not_supported,
            (GATT_CHARACTERISTIC, "ReadValue"): self._read_value,
            (GATT_CHARACTERISTIC, "WriteValue"): self._write_value,
            (GATT_CHARACTERISTIC, "StartNotify"): self._start_notify,
            (GATT_CHARACTERISTIC, "StopNotify"): self._stop_notify,
            (GATT_CHARACTERISTIC, "AcquireNotify"): self._not_supported,
            (GATT_CHARACTERISTIC, "AcquireWrite"): self._not_supported,
            (GATT_DESCRIPTOR, "ReadValue"): self._read_descriptor,
            (GATT_DESCRIPTOR, "WriteValue"): self._write_descriptor,
        }

    def _managed_objects(self) -> dict[str, dict[str, dict[str, Variant]]]:
        return {
            path: {INTROSPECTABLE: {}, PROPERTIES: {}, **{k: dict(v) for k, v in ifaces.items()}}
            for path, ifaces in self._objects.items()
        }

    def _properties_call(self, msg: Message, path: str, member: str) -> Message:
        objects = self._objects[path]
        if member == "GetAll":
            (interface,) = msg.body
            return Message.new_method_return(msg, "a{sv}", [dict(objects.get(interface, {}))])
        if member == "Get":
            interface, name = msg.body
            value = objects.get(interface, {}).get(name)
            if value is None:
                raise BlueZError(INVALID_ARGS, "No such property '" + name + "'")
            return Message.new_method_return(msg, "v", [value])
        if member == "Set":
            interface, name, value = msg.body
            if (interface, name) == (ADAPTER, "Powered"):
                self.set_powered(bool(value.value))
                return Message.new_method_return(msg)
            raise BlueZError(INVALID_ARGS, "Invalid arguments in method call")
        raise BlueZError(UNKNOWN_METHOD, f"Unknown method {member}")

    def _not_supported(self, msg: Message) -> Message:
        raise BlueZError("NotSupported", "Operation is not supported")

    def _client_gone(self, sender: str) -> None:
        """A client's bus connection closed: its discovery and notify sessions end, as
        bluetoothd's disconnect watches do."""
        if self._discovery.pop(sender, None) is not None:
            self._update_discovering()
        self._filters.pop(sender, None)
        for peer, char in list(self._chars.values()):
            if sender in char.notify_senders:
                char.notify_senders.discard(sender)
                if not char.notify_senders:
                    self._notify_off(peer, char)

    # ---- discovery

    def _set_discovery_filter(self, msg: Message) -> Message:
        (filters,) = msg.body
        unknown = set(filters) - {
            "UUIDs",
            "RSSI",
            "Pathloss",
            "Transport",
            "DuplicateData",
            "Discoverable",
            "Pattern",
        }
        if unknown:
            raise BlueZError("InvalidArguments", "Invalid arguments in method call")
        self._filters[msg.sender or ""] = dict(filters)
        if msg.sender in self._discovery:
            self._discovery[msg.sender or ""] = dict(filters)
        return Message.new_method_return(msg)

    def _start_discovery(self, msg: Message) -> Message:
        if not self.powered:
            raise BlueZError("NotReady", "Resource Not Ready")
        sender = msg.sender or ""
        self._discovery[sender] = self._filters.get(sender, {})
        self._update_discovering()
        return Message.new_method_return(msg)

    def _stop_discovery(self, msg: Message) -> Message:
        if not self.powered:
            raise BlueZError("NotReady", "Resource Not Ready")
        if self._discovery.pop(msg.sender or "", None) is None:
            raise BlueZError("Failed", "No discovery started")
        self._update_discovering()
        return Message.new_method_return(msg)

    def _update_discovering(self) -> None:
        discovering = bool(self._discovery)
        was = bool(self._objects[self.adapter_path][ADAPTER]["Discovering"].value)
        if discovering == was:
            return
        self._set_props(self.adapter_path, ADAPTER, {"Discovering": Variant("b", discovering)})
        if discovering:
            self._discovery_task = asyncio.get_running_loop().create_task(self._discover())
            return
        task, self._discovery_task = self._discovery_task, None
        if task is not None:
            task.cancel()
        # The discovery is over: RSSI and TxPower are no longer known; devices nobody
        # connected go after the temporary timeout.
        for peer in self._peers.values():
            if not peer.known:
                continue
            self._set_props(peer.path, DEVICE, {}, ["RSSI", "TxPower"])
            if not peer.connected and peer.removal is None:
                peer.removal = asyncio.get_running_loop().call_later(
                    self.temporary_timeout_s, self._expire, peer
                )

    def _expire(self, peer: Peer) -> None:
        peer.removal = None
        if peer.connected or peer.connecting or self._discovery:
            return
        self._forget(peer)

    def _forget(self, peer: Peer) -> None:
        for path in reversed(peer.gatt_paths):
            self._remove_object(path)
        self._forget_gatt(peer)
        self._remove_object(peer.path)
        peer.known = False

    def _forget_gatt(self, peer: Peer) -> None:
        for path in peer.gatt:
            self._chars.pop(path, None)
        peer.gatt.clear()
        peer.gatt_paths.clear()

    def _wanted(self, peer: Peer) -> bool:
        advert = peer.device.advertisement()
        heard = {_uuid128(u) for u in advert.service_uuids} | {
            _uuid128(u) for u in advert.service_data
        }
        for filters in self._discovery.values():
            uuids = filters.get("UUIDs")
            if uuids is None or not uuids.value:
                return True
            if heard & {_uuid128(u) for u in uuids.value}:
                return True
        return False

    async def _discover(self) -> None:
        while True:
            for peer in list(self._peers.values()):
                if peer.on_air and not peer.connected and self._wanted(peer):
                    self._heard(peer)
            await asyncio.sleep(self.advert_interval_s)

    def _heard(self, peer: Peer) -> None:
        advert = peer.device.advertisement()
        # BlueZ reports a changed value only: a real RSSI wobbles, this one by 1 dB.
        rssi = peer.rssi + next(self._jitter)
        peer.adverts += 1
        if peer.removal is not None:
            peer.removal.cancel()
            peer.removal = None
        adv_props: dict[str, Variant] = {
            "RSSI": Variant("n", rssi),
            "ManufacturerData": Variant(
                "a{qv}", {k: Variant("ay", bytes(v)) for k, v in advert.manufacturer_data.items()}
            ),
            "ServiceData": Variant(
                "a{sv}",
                {_uuid128(k): Variant("ay", bytes(v)) for k, v in advert.service_data.items()},
            ),
        }
        if advert.tx_power is not None:
            adv_props["TxPower"] = Variant("n", advert.tx_power)
        if peer.known:
            self._set_props(peer.path, DEVICE, adv_props)
            return
        name = advert.local_name
        props: dict[str, Variant] = {
            "Address": Variant("s", peer.address),
            "AddressType": Variant("s", "random"),
            "Alias": Variant("s", name or peer.address.replace(":", "-")),
            "Paired": Variant("b", False),
            "Bonded": Variant("b", False),
            "Trusted": Variant("b", False),
            "Blocked": Variant("b", False),
            "LegacyPairing": Variant("b", False),
            "Connected": Variant("b", False),
            "UUIDs": Variant("as", sorted({_uuid128(u) for u in advert.service_uuids})),
            "Adapter": Variant("o", self.adapter_path),
            "ServicesResolved": Variant("b", False),
            "AdvertisingFlags": Variant("ay", b"\x06"),
            **adv_props,
        }
        if name:
            props["Name"] = Variant("s", name)
        peer.known = True
        self._add_object(peer.path, {DEVICE: props})

    def _remove_device(self, msg: Message) -> Coroutine[Any, Any, Message]:
        (path,) = msg.body
        peer = self._peers.get(path)
        if peer is None or not peer.known:
            raise BlueZError("DoesNotExist", "Does Not Exist")

        async def remove() -> Message:
            if peer.connected:
                await self._drop(peer, device_side=False)
            if peer.removal is not None:
                peer.removal.cancel()
                peer.removal = None
            self._forget(peer)
            return Message.new_method_return(msg)

        return remove()

    # ---- connections

    def _peer_at(self, path: str) -> Peer:
        peer = self._peers.get(path)
        if peer is None or not peer.known:
            raise BlueZError(UNKNOWN_OBJECT, f"no object {path}")
        return peer

    def _connect(self, msg: Message) -> Coroutine[Any, Any, Message]:
        peer = self._peer_at(msg.path or "")
        if not self.powered:
            raise BlueZError("NotReady", "Resource Not Ready")
        if peer.connected:
            raise BlueZError("AlreadyConnected", "Already Connected")
        if peer.connecting:
            raise BlueZError("InProgress", "In Progress")

        async def connect() -> Message:
            peer.connecting = True
            try:
                await self._bring_up(peer)
            finally:
                peer.connecting = False
            return Message.new_method_return(msg)

        return connect()

    async def _bring_up(self, peer: Peer) -> None:
        if peer.removal is not None:
            peer.removal.cancel()
            peer.removal = None
        if peer.connect_faults:
            reason = peer.connect_faults.pop(0)
            if reason == ABORT_BY_LOCAL:
                # The link came up and was torn down at once (the controller gave up).
                self._set_props(peer.path, DEVICE, {"Connected": Variant("b", True)})
                await asyncio.sleep(0.01)
                self._set_props(peer.path, DEVICE, {"Connected": Variant("b", False)})
            raise BlueZError("Failed", reason)
        try:
            async with asyncio.timeout(self.connect_timeout_s):
                await peer.device.connect()
        except (SimLinkDown, TimeoutError) as exc:
            raise BlueZError("Failed", UNREACHABLE_MESSAGE) from exc
        peer.connected = True
        peer.device.set_disconnect_callback(lambda: self._spawn(self._drop(peer, device_side=True)))
        self._set_props(peer.path, DEVICE, {"Connected": Variant("b", True)})
        if not peer.gatt_paths:
            self._publish_gatt(peer)
        uuids = sorted(
            {_uuid128(s.uuid) for s in peer.device.services()}
            | {_uuid128(u) for u in peer.device.advertisement().service_uuids}
        )
        self._set_props(peer.path, DEVICE, {"UUIDs": Variant("as", uuids)})
        self._set_props(peer.path, DEVICE, {"ServicesResolved": Variant("b", True)})

    def _publish_gatt(self, peer: Peer) -> None:
        for service in peer.device.services():
            spath = f"{peer.path}/service{service.handle:04x}"
            self._add_object(
                spath,
                {
                    GATT_SERVICE: {
                        "UUID": Variant("s", _uuid128(service.uuid)),
                        "Device": Variant("o", peer.path),
                        "Primary": Variant("b", True),
                        "Includes": Variant("ao", []),
                    }
                },
            )
            peer.gatt_paths.append(spath)
            for sim_char in service.characteristics:
                # BlueZ names a characteristic by its declaration handle (value handle - 1).
                cpath = f"{spath}/char{sim_char.handle - 1:04x}"
                can_notify = bool({"notify", "indicate"} & set(sim_char.properties))
                props: dict[str, Variant] = {
                    "UUID": Variant("s", _uuid128(sim_char.uuid)),
                    "Service": Variant("o", spath),
                    "Value": Variant("ay", b""),
                    "Flags": Variant("as", list(sim_char.properties)),
                    "MTU": Variant("q", ATT_MTU),
                }
                if can_notify:
                    props["Notifying"] = Variant("b", False)
                self._add_object(cpath, {GATT_CHARACTERISTIC: props})
                peer.gatt_paths.append(cpath)
                dpath = None
                if can_notify:
                    dpath = f"{cpath}/desc{sim_char.handle + 1:04x}"
                    self._add_object(
                        dpath,
                        {
                            GATT_DESCRIPTOR: {
                                "UUID": Variant("s", CCCD_UUID),
                                "Characteristic": Variant("o", cpath),
                                "Value": Variant("ay", b""),
                                "Flags": Variant("as", ["read", "write"]),
                            }
                        },
                    )
                    peer.gatt_paths.append(dpath)
                char = _Characteristic(cpath, sim_char, dpath)
                peer.gatt[cpath] = char
                self._chars[cpath] = (peer, char)
                if dpath is not None:
                    self._chars[dpath] = (peer, char)

    async def _drop(self, peer: Peer, *, device_side: bool) -> None:
        """The link is gone (the device dropped it, the adapter went off, a Disconnect):
        ServicesResolved false, the GATT objects removed (unless kept), Connected false."""
        if not peer.connected:
            return
        peer.connected = False
        peer.device.set_disconnect_callback(None)
        if not device_side:
            with contextlib.suppress(SimLinkDown):
                await peer.device.disconnect()
        for char in peer.gatt.values():
            if char.notify_senders:
                char.notify_senders.clear()
                self._set_props(char.path, GATT_CHARACTERISTIC, {"Notifying": Variant("b", False)})
        self._set_props(peer.path, DEVICE, {"ServicesResolved": Variant("b", False)})
        if not self.keep_gatt_on_disconnect:
            for path in reversed(peer.gatt_paths):
                self._remove_object(path)
            self._forget_gatt(peer)
        self._set_props(peer.path, DEVICE, {"Connected": Variant("b", False)})
        if not self._discovery and peer.removal is None:
            peer.removal = asyncio.get_running_loop().call_later(
                self.temporary_timeout_s, self._expire, peer
            )

    def _disconnect(self, msg: Message) -> Coroutine[Any, Any, Message]:
        peer = self._peer_at(msg.path or "")
        if not peer.connected:
            raise BlueZError("NotConnected", "Not Connected")

        async def disconnect() -> Message:
            await self._drop(peer, device_side=False)
            return Message.new_method_return(msg)

        return disconnect()

    # ---- GATT

    def _char_at(self, path: str) -> tuple[Peer, _Characteristic]:
        found = self._chars.get(path)
        if found is None:
            raise BlueZError(UNKNOWN_OBJECT, f"no object {path}")
        peer, char = found
        if not peer.connected:
            raise BlueZError("Failed", "Not connected")
        return peer, char

    def _injected(self, char: _Characteristic, member: str) -> None:
        """Raise the error a test arranged for this call (``fail_next_request``), if any."""
        for i, (wanted, error) in enumerate(char.faults):
            if wanted == member:
                del char.faults[i]
                raise error

    def _read_value(self, msg: Message) -> Coroutine[Any, Any, Message]:
        peer, char = self._char_at(msg.path or "")
        self._injected(char, "ReadValue")
        if "read" not in char.sim.properties:
            raise BlueZError("NotPermitted", "Read not permitted")
        if char.read_busy:
            raise BlueZError("InProgress", "In Progress")

        async def read() -> Message:
            char.read_busy = True
            try:
                value = await peer.device.read(char.sim.uuid)
            except SimAttError as exc:
                raise att_error(exc.code) from exc
            except SimLinkDown as exc:
                raise BlueZError("Failed", "Not connected") from exc
            finally:
                char.read_busy = False
            self._update_value(peer, char, value, changed_only=True)
            return Message.new_method_return(msg, "ay", [value])

        return read()

    def _update_value(
        self, peer: Peer, char: _Characteristic, value: bytes, *, changed_only: bool
    ) -> None:
        props = self._objects.get(char.path, {}).get(GATT_CHARACTERISTIC)
        if props is None:
            return
        if changed_only and bytes(props["Value"].value) == value:
            return
        self._set_props(char.path, GATT_CHARACTERISTIC, {"Value": Variant("ay", value)})

    def _write_value(self, msg: Message) -> Coroutine[Any, Any, Message]:
        peer, char = self._char_at(msg.path or "")
        self._injected(char, "WriteValue")
        data, options = msg.body
        kind = options["type"].value if "type" in options else None
        offset = options["offset"].value if "offset" in options else 0
        flags = char.sim.properties
        if kind == "reliable":
            raise BlueZError("NotSupported", "Operation is not supported")
        request = (kind is None and "write" in flags) or kind == "request"
        if not request and (
            (kind is not None and kind != "command")
            or offset
            or "write-without-response" not in flags
        ):
            raise BlueZError("NotSupported", "Operation is not supported")
        if request and char.write_busy:
            raise BlueZError("InProgress", "In Progress")

        async def write() -> Message:
            if request:
                char.write_busy = True
            try:
                await peer.device.write(char.sim.uuid, bytes(data), response=request)
            except SimAttError as exc:
                raise att_error(exc.code) from exc
            except SimLinkDown as exc:
                raise BlueZError("Failed", "Not connected") from exc
            finally:
                char.write_busy = False
            if request and self.write_reply_delay_s:
                await asyncio.sleep(self.write_reply_delay_s)
            return Message.new_method_return(msg)

        return write()

    def _start_notify(self, msg: Message) -> Message:
        peer, char = self._char_at(msg.path or "")
        self._injected(char, "StartNotify")
        if not ({"notify", "indicate"} & set(char.sim.properties)):
            raise BlueZError("NotSupported", "Operation is not supported")
        sender = msg.sender or ""
        if sender in char.notify_senders:
            return Message.new_method_return(msg)
        first = not char.notify_senders
        char.notify_senders.add(sender)
        if first:
            try:
                peer.device.set_subscriber(char.sim.uuid, self._notifier(peer, char))
            except SimAttError as exc:
                char.notify_senders.discard(sender)
                raise att_error(exc.code) from exc
            except SimLinkDown as exc:
                char.notify_senders.discard(sender)
                raise BlueZError("Failed", "Not connected") from exc
            self._set_props(char.path, GATT_CHARACTERISTIC, {"Notifying": Variant("b", True)})
        return Message.new_method_return(msg)

    def _notifier(self, peer: Peer, char: _Characteristic) -> Callable[[bytes], None]:
        def deliver(data: bytes) -> None:
            # Every notification and indication: PropertiesChanged of Value, even when the
            # bytes are the same as the last ones.
            if peer.connected and char.notify_senders:
                self._update_value(peer, char, bytes(data), changed_only=False)

        return deliver

    def _stop_notify(self, msg: Message) -> Message:
        peer, char = self._char_at(msg.path or "")
        sender = msg.sender or ""
        if sender not in char.notify_senders:
            raise BlueZError("Failed", "No notify session started")
        char.notify_senders.discard(sender)
        if not char.notify_senders:
            self._notify_off(peer, char)
        return Message.new_method_return(msg)

    def _notify_off(self, peer: Peer, char: _Characteristic) -> None:
        if peer.connected:
            with contextlib.suppress(SimAttError, SimLinkDown):
                peer.device.set_subscriber(char.sim.uuid, None)
            self._set_props(char.path, GATT_CHARACTERISTIC, {"Notifying": Variant("b", False)})

    def _read_descriptor(self, msg: Message) -> Message:
        _peer, char = self._char_at(msg.path or "")
        on = b"\x02\x00" if "indicate" in char.sim.properties else b"\x01\x00"
        return Message.new_method_return(msg, "ay", [on if char.notify_senders else b"\x00\x00"])

    def _write_descriptor(self, msg: Message) -> Message:
        # BlueZ refuses writes to the CCCD from clients: StartNotify is the way.
        raise BlueZError("NotPermitted", "Write not permitted")


async def run_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Wait (loop time) until ``condition()`` holds, checking on every turn of the loop that
    passes a D-Bus message; fails with ``what`` after ``timeout_s``."""
    try:
        async with asyncio.timeout(timeout_s):
            # A poll on the loop clock: the conditions span the link, the device and bleak.
            while not condition():  # noqa: ASYNC110
                await asyncio.sleep(0.005)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


async def bleak_heard(condition: Callable[[dict[str, dict[str, dict[str, Any]]]], bool]) -> None:
    """Wait until bleak's BlueZ manager (its own bus connection) has seen what ``condition``
    looks for in its copy of the objects: a signal reaches it after our call returns."""
    from bleak.backends.bluezdbus.manager import get_global_bluez_manager

    manager = await get_global_bluez_manager()
    await run_until(lambda: condition(manager._properties), 2.0, "bleak to hear the change")


async def release_bleak() -> None:
    """Close bleak's BlueZ manager connection of this loop (bleak keeps one per loop for the
    process's life; the private bus of the next test is another)."""
    from bleak.backends.bluezdbus import manager as bluez_manager

    manager = bluez_manager._global_instances.pop(asyncio.get_running_loop(), None)
    bus = manager._bus if manager is not None else None
    if bus is not None:
        bus.disconnect()
        with contextlib.suppress(Exception):
            await bus.wait_for_disconnect()
    task = manager._bus_watcher_task if manager is not None else None
    if task is not None:
        await asyncio.gather(task, return_exceptions=True)


async def bus_connections(bus_address: str) -> int:
    """How many connections the bus has (besides the one asking): every BleakClient holds one
    while it is open, bleak's manager one, the fake BlueZ one."""
    bus = await MessageBus(bus_address=bus_address, bus_type=BusType.SYSTEM).connect()
    try:
        reply = await bus.call(
            Message(
                destination="org.freedesktop.DBus",
                path="/org/freedesktop/DBus",
                interface="org.freedesktop.DBus",
                member="ListNames",
            )
        )
        assert reply is not None
        names: list[str] = reply.body[0]
        return sum(1 for n in names if n.startswith(":") and n != bus.unique_name)
    finally:
        bus.disconnect()
        await bus.wait_for_disconnect()
