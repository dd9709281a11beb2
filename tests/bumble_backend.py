"""The virtual treadmill behind a real Bluetooth host stack: Google's ``bumble``.

Where ``sim.bleak_backend`` hands bytes straight from bleak to the ``VirtualTreadmill``, this
module puts two complete bumble hosts and two virtual controllers between them, on bumble's
in-process ``LocalLink`` (the "air"):

    pyftms -> bleak.BleakClient -> BumbleBleakClient -> bumble Device (GATT client, controller B)
        ~~ LocalLink: HCI, L2CAP, ATT PDUs, link-layer control ~~
    bumble Device (GATT server, controller A) -> BumblePeripheral -> VirtualTreadmill

so everything above the link sees real ATT: an MTU exchange (the treadmill answers 23, so 20-byte
payloads), service and descriptor discovery, CCCD writes to subscribe, one request at a time per
link, indications that wait for the client's confirmation, ATT error responses (0xFE "procedure
already in progress", 0xFD "CCCD improperly configured", ...), and link loss at the link layer
(both hosts get HCI Disconnection Complete with reason 0x08 "connection timeout" after the air
went silent for the supervision timeout).

Use it as bleak backends, exactly like the in-process ones::

    async with BumbleAir() as air:
        await air.add(treadmill)
        device = air.ble_device(treadmill.address)   # or scan with BumbleBleakScanner
        client = BleakClient(device, backend=BumbleBleakClient, bumble_air=air)

The hosts run on the asyncio loop's clock only (bumble's timers are ``call_later``), so
looptime fast-forwards them; nothing here reads the wall clock.

``BumbleAir.air_log`` records every ATT PDU and link event seen at the treadmill's HCI (a
snooper on its host), so tests can assert on what went over the air: CCCD writes, indication
confirmations, error responses, the disconnection reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import struct
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self, override

from bleak import BleakClient
from bleak.args import SizedBuffer
from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.backends.client import BaseBleakClient, NotifyCallback
from bleak.backends.descriptor import BleakGATTDescriptor
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData, AdvertisementDataCallback, BaseBleakScanner
from bleak.backends.service import BleakGATTService, BleakGATTServiceCollection
from bleak.exc import BleakDeviceNotFoundError, BleakError, BleakGATTProtocolError
from bleak.uuids import normalize_uuid_str
from bumble import att, core, gatt, gatt_client, hci
from bumble.controller import Controller
from bumble.core import AdvertisingData
from bumble.device import Advertisement, Connection, Device
from bumble.host import Host
from bumble.link import LocalLink
from bumble.snoop import Snooper
from bumble.transport.common import AsyncPipeSink

from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.sim.att import SimAttError, SimLinkDown
from treadmill_ctl.sim.bleak_backend import SIMULATED_DETAILS_KEY, guarded_notify_callback
from treadmill_ctl.sim.gatt import CONTROL_POINT, SimCharacteristic, SimService
from treadmill_ctl.sim.profiles import BusyWrites, SimProfile
from treadmill_ctl.sim.treadmill import VirtualTreadmill
from treadmill_ctl.virtual_link import make_virtual_treadmill

_LOGGER = logging.getLogger(__name__)

TREADMILL_ATT_MTU: Final = 23
"""The ATT MTU the virtual treadmill's server accepts: like most walking pads, the minimum."""

CLIENT_ATT_MTU: Final = 517
"""The MTU the app's host asks for in the exchange (what BlueZ asks for)."""

SUPERVISION_TIMEOUT_S: Final = 0.72
"""How long the air stays silent before both ends declare the link lost (bumble's default
connection supervision timeout, 720 ms)."""

ADVERTISING_INTERVAL_MS: Final = 100.0
"""The treadmill advertises every 100 ms (loop time)."""

LINK_UP_POLL_S: Final = 0.1
"""While a link-drop fault keeps the treadmill unreachable, how often it checks whether it may
advertise again."""

BUMBLE_DETAILS_KEY: Final = "bumble_air"
"""Key of ``BLEDevice.details`` that carries the ``BumbleAir`` a device was heard on."""

CENTRAL_ADDRESS: Final = "C0:FF:EE:00:00:01"
"""Random static address of the app's (central's) virtual controller."""

_SIG_BASE_SUFFIX: Final = "-0000-1000-8000-00805f9b34fb"

# bumble's ATT error codes for the two ways the treadmill can answer a link that went away.
_UNLIKELY_ERROR: Final = att.ErrorCode.UNLIKELY_ERROR
_PROCEDURE_IN_PROGRESS: Final = att.ErrorCode.PROCEDURE_ALREADY_IN_PROGRESS

_BLEAK_PROPERTIES: Final[tuple[tuple[gatt.Characteristic.Properties, str], ...]] = (
    (gatt.Characteristic.Properties.BROADCAST, "broadcast"),
    (gatt.Characteristic.Properties.READ, "read"),
    (gatt.Characteristic.Properties.WRITE_WITHOUT_RESPONSE, "write-without-response"),
    (gatt.Characteristic.Properties.WRITE, "write"),
    (gatt.Characteristic.Properties.NOTIFY, "notify"),
    (gatt.Characteristic.Properties.INDICATE, "indicate"),
    (gatt.Characteristic.Properties.AUTHENTICATED_SIGNED_WRITES, "authenticated-signed-writes"),
    (gatt.Characteristic.Properties.EXTENDED_PROPERTIES, "extended-properties"),
)
_SIM_PROPERTIES: Final[dict[str, gatt.Characteristic.Properties]] = {
    "read": gatt.Characteristic.Properties.READ,
    "write": gatt.Characteristic.Properties.WRITE,
    "write-without-response": gatt.Characteristic.Properties.WRITE_WITHOUT_RESPONSE,
    "notify": gatt.Characteristic.Properties.NOTIFY,
    "indicate": gatt.Characteristic.Properties.INDICATE,
}
# The host adds Generic Access and Generic Attribute itself.
_HOST_SERVICES: Final = frozenset({0x1800, 0x1801})


def bumble_uuid(uuid: str) -> core.UUID:
    """The bumble UUID of a characteristic/service: 16-bit on the wire for Bluetooth SIG
    UUIDs (as a real treadmill declares them), 128-bit otherwise."""
    u = uuid.lower()
    if len(u) == 36 and u.startswith("0000") and u.endswith(_SIG_BASE_SUFFIX):
        return core.UUID.from_16_bits(int(u[4:8], 16))
    return core.UUID(u)


def _uuid_str(uuid: core.UUID) -> str:
    """bleak's normalised string form of a bumble UUID."""
    return normalize_uuid_str(uuid.to_hex_str("-"))


def _uuid16_of(uuid: core.UUID) -> int | None:
    text = _uuid_str(uuid)
    if text.startswith("0000") and text.endswith(_SIG_BASE_SUFFIX):
        return int(text[4:8], 16)
    return None


# ---- what went over the air ----------------------------------------------------------------


class Sender(enum.StrEnum):
    """Which end of the link sent a PDU."""

    CENTRAL = "central"  # the app's host
    TREADMILL = "treadmill"  # the virtual treadmill's host


@dataclass(frozen=True, slots=True)
class AirRecord:
    """One ATT PDU or link event at the treadmill's HCI.

    ``pdu`` is bumble's name (``ATT_WRITE_REQUEST``, ``ATT_HANDLE_VALUE_CONFIRMATION``, ...) or
    ``LINK_CONNECTED`` / ``LINK_DISCONNECTED``. ``uuid16`` is the characteristic the handle
    belongs to (for a CCCD: its characteristic, with ``cccd`` True). ``code`` is the ATT error
    code of an error response, or the HCI reason of a disconnection."""

    t: float
    sender: Sender
    pdu: str
    handle: int | None = None
    uuid16: int | None = None
    cccd: bool = False
    value: bytes = b""
    code: int | None = None

    def line(self) -> str:
        """One readable line: ``<t> <sender> <pdu> [<uuid16>[/cccd]] [hex] [code=0x..]``."""
        parts = [f"{self.t:.3f}", self.sender.value, self.pdu]
        if self.uuid16 is not None:
            parts.append(f"{self.uuid16:04x}" + ("/cccd" if self.cccd else ""))
        elif self.handle is not None:
            parts.append(f"handle=0x{self.handle:04x}")
        if self.value:
            parts.append(self.value.hex())
        if self.code is not None:
            parts.append(f"code=0x{self.code:02x}")
        return " ".join(parts)


class AirLog:
    """Every ATT PDU and link event seen at the treadmill's HCI, in order, with loop time."""

    def __init__(self) -> None:
        self.records: list[AirRecord] = []

    def append(self, record: AirRecord) -> None:
        self.records.append(record)

    def of(
        self, pdu: str, *, uuid16: int | None = None, cccd: bool | None = None
    ) -> list[AirRecord]:
        """The records of one PDU type (optionally of one characteristic, CCCD or value)."""
        return [
            r
            for r in self.records
            if r.pdu == pdu
            and (uuid16 is None or r.uuid16 == uuid16)
            and (cccd is None or r.cccd == cccd)
        ]

    def cccd_writes(self) -> dict[int, bytes]:
        """The last value the central wrote to each characteristic's CCCD."""
        return {
            r.uuid16: r.value
            for r in self.of("ATT_WRITE_REQUEST", cccd=True)
            if r.uuid16 is not None
        }

    def lines(self) -> list[str]:
        return [r.line() for r in self.records]

    def __len__(self) -> int:
        return len(self.records)


class _AirSnooper(Snooper):
    """Decodes the treadmill host's HCI traffic into AirRecords."""

    def __init__(self, log: AirLog, describe: Callable[[int], tuple[int | None, bool]]) -> None:
        self._log = log
        self._describe = describe  # handle -> (uuid16 of its characteristic, is it a CCCD)
        self._partial: dict[tuple[Snooper.Direction, int], bytearray] = {}

    @override
    def snoop(self, hci_packet: bytes, direction: Snooper.Direction) -> None:
        try:
            self._snoop(hci_packet, direction)
        except Exception:  # a snooper must never break the host it listens to
            _LOGGER.exception("air log could not decode %s", hci_packet.hex())

    def _snoop(self, packet: bytes, direction: Snooper.Direction) -> None:
        sender = (
            Sender.TREADMILL
            if direction is Snooper.Direction.HOST_TO_CONTROLLER
            else Sender.CENTRAL
        )
        if packet[0] == hci.HCI_ACL_DATA_PACKET:
            self._acl(packet, direction, sender)
        elif packet[0] == hci.HCI_EVENT_PACKET:
            self._event(packet)

    def _acl(self, packet: bytes, direction: Snooper.Direction, sender: Sender) -> None:
        handle_flags, _length = struct.unpack_from("<HH", packet, 1)
        handle, boundary = handle_flags & 0x0FFF, (handle_flags >> 12) & 0x03
        key = (direction, handle)
        if boundary == 0x01:  # continuing fragment
            buf = self._partial.get(key)
            if buf is None:
                return
            buf.extend(packet[5:])
        else:
            buf = self._partial[key] = bytearray(packet[5:])
        if len(buf) < 4:
            return
        l2cap_len, cid = struct.unpack_from("<HH", buf, 0)
        if len(buf) < 4 + l2cap_len:
            return
        del self._partial[key]
        if cid != att.ATT_CID:
            return
        self._att(bytes(buf[4 : 4 + l2cap_len]), sender)

    def _att(self, payload: bytes, sender: Sender) -> None:
        pdu = att.ATT_PDU.from_bytes(payload)
        handle = getattr(pdu, "attribute_handle", None)
        if handle is None:
            handle = getattr(pdu, "attribute_handle_in_error", None)
        value = getattr(pdu, "attribute_value", b"")
        code = getattr(pdu, "error_code", None)
        uuid16, cccd = self._describe(handle) if isinstance(handle, int) else (None, False)
        self._log.append(
            AirRecord(
                t=asyncio.get_running_loop().time(),
                sender=sender,
                pdu=pdu.name,
                handle=handle if isinstance(handle, int) else None,
                uuid16=uuid16,
                cccd=cccd,
                value=bytes(value) if isinstance(value, (bytes, bytearray)) else b"",
                code=int(code) if code is not None else None,
            )
        )

    def _event(self, packet: bytes) -> None:
        code = packet[1]
        params = packet[3:]
        now = asyncio.get_running_loop().time()
        if code == hci.HCI_DISCONNECTION_COMPLETE_EVENT:
            _status, handle, reason = struct.unpack_from("<BHB", params, 0)
            self._log.append(
                AirRecord(now, Sender.CENTRAL, "LINK_DISCONNECTED", handle=handle, code=reason)
            )
        elif code == hci.HCI_LE_META_EVENT and params[0] in (0x01, 0x0A):  # connection complete
            _status, handle = struct.unpack_from("<BH", params, 1)
            self._log.append(AirRecord(now, Sender.CENTRAL, "LINK_CONNECTED", handle=handle))


# ---- the air ---------------------------------------------------------------------------------


class _LossyLink(LocalLink):
    """bumble's in-process link bus, plus "the radio went quiet" between two controllers."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._silent: set[frozenset[Controller]] = set()

    def silence(self, a: Controller, b: Controller) -> None:
        self._silent.add(frozenset((a, b)))

    def unsilence(self, a: Controller, b: Controller) -> None:
        self._silent.discard(frozenset((a, b)))

    def _is_silent(self, sender: Controller, address: hci.Address) -> bool:
        receiver = self.find_le_controller(address)
        return receiver is not None and frozenset((sender, receiver)) in self._silent

    @override
    def send_acl_data(
        self,
        sender_controller: Controller,
        destination_address: hci.Address,
        transport: core.PhysicalTransport,
        data: bytes,
    ) -> None:
        if self._is_silent(sender_controller, destination_address):
            return  # lost on the air
        super().send_acl_data(sender_controller, destination_address, transport, data)


class BumbleAir:
    """An in-process Bluetooth radio: bumble's LocalLink with one virtual controller and host
    for the app (the central) and one per virtual treadmill (peripherals).

    ``async with BumbleAir() as air: await air.add(treadmill)``; then hand ``air`` to
    ``BumbleBleakClient`` / ``BumbleBleakScanner`` as ``bumble_air=air`` (or use the BLEDevice
    from :meth:`ble_device`, which carries it)."""

    def __init__(
        self,
        *,
        treadmill_mtu: int = TREADMILL_ATT_MTU,
        client_mtu: int = CLIENT_ATT_MTU,
        supervision_timeout_s: float = SUPERVISION_TIMEOUT_S,
    ) -> None:
        self.treadmill_mtu = treadmill_mtu
        self.client_mtu = client_mtu
        self.supervision_timeout_s = supervision_timeout_s
        self.air_log = AirLog()
        self._link = _LossyLink()
        self._peripherals: dict[str, BumblePeripheral] = {}
        self._central: BumbleCentral | None = None
        self._closed = False

    async def __aenter__(self) -> Self:
        await self.central()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def link(self) -> LocalLink:
        return self._link

    async def central(self) -> BumbleCentral:
        """The app's host (powered on at first use)."""
        if self._closed:
            raise BleakError("the bumble air is closed")
        if self._central is None:
            self._central = BumbleCentral(self)
        await self._central.power_on()
        return self._central

    async def add(self, treadmill: VirtualTreadmill) -> BumblePeripheral:
        """Put ``treadmill`` on the air behind its own controller and host; it advertises."""
        key = treadmill.address.upper()
        if key in self._peripherals:
            raise ValueError(f"{treadmill.address} is already on the air")
        peripheral = BumblePeripheral(self, treadmill)
        self._peripherals[key] = peripheral
        await peripheral.start()
        return peripheral

    def peripheral(self, address: str) -> BumblePeripheral | None:
        """The peripheral serving the treadmill with this address, if on the air."""
        return self._peripherals.get(address.upper())

    def ble_device(self, address: str) -> BLEDevice:
        """The BLEDevice a scan reports for ``address`` (without waiting for a scan)."""
        peripheral = self.peripheral(address)
        if peripheral is None:
            raise BleakDeviceNotFoundError(address, f"{address} is not on the bumble air")
        return BLEDevice(
            peripheral.address,
            peripheral.treadmill.advertisement().local_name,
            self.device_details(),
        )

    def device_details(self) -> dict[str, object]:
        """``BLEDevice.details`` of a device heard on this air: simulated (never a BlueZ
        ``path``), heard on this air."""
        return {
            SIMULATED_DETAILS_KEY: True,
            BUMBLE_DETAILS_KEY: self,
        }

    async def lose_link(
        self,
        address: str,
        *,
        reason: int = hci.HCI_ErrorCode.CONNECTION_TIMEOUT_ERROR,
        silence_s: float | None = None,
    ) -> None:
        """Link loss at the link layer: the air between the app and ``address`` goes silent
        (PDUs in flight are lost), and after ``silence_s`` (default: the supervision timeout)
        both controllers report Disconnection Complete with ``reason`` (default 0x08,
        connection timeout). Returns when both hosts have been told."""
        peripheral = self.peripheral(address)
        central = self._central
        if peripheral is None or central is None:
            return
        a, b = peripheral.controller, central.controller
        if not _connections_between(a, b):
            return
        self._link.silence(a, b)
        try:
            await asyncio.sleep(self.supervision_timeout_s if silence_s is None else silence_s)
            for controller, peer in ((a, b), (b, a)):
                for connection in _connections_between(controller, peer):
                    controller.on_le_disconnected(connection, reason)
            # Let both hosts process their Disconnection Complete events.
            await central.wait_disconnected(peripheral.address)
            await peripheral.wait_disconnected()
        finally:
            self._link.unsilence(a, b)

    async def close(self) -> None:
        """Switch every host off (the treadmills themselves are the caller's to close)."""
        if self._closed:
            return
        self._closed = True
        # The app's host first: its links end cleanly (both hosts see the disconnection).
        if self._central is not None:
            await self._central.close()
        for peripheral in list(self._peripherals.values()):
            await peripheral.close()
        self._peripherals.clear()


def _connections_between(controller: Controller, peer: Controller) -> list[Any]:
    peer_addresses = {peer.random_address, peer.public_address}
    return [c for c in controller.le_connections.values() if c.peer_address in peer_addresses]


def _log_task_failure(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        _LOGGER.error("bumble air task %s failed", task.get_name(), exc_info=task.exception())


class _Controller(Controller):
    """bumble's virtual controller with a working LE Create Connection Cancel: bumble's own
    answers success and forgets nothing, so a timed-out connect would complete whenever the
    peer advertises again. Here, as the spec says, the attempt ends with a Connection Complete
    event carrying status 0x02 (unknown connection identifier)."""

    @override
    def on_hci_le_create_connection_cancel_command(
        self, _command: hci.HCI_LE_Create_Connection_Cancel_Command
    ) -> hci.HCI_StatusReturnParameters:
        pending = self.pending_le_connection
        if pending is not None:
            self.pending_le_connection = None
            event = hci.HCI_LE_Connection_Complete_Event(
                status=hci.HCI_ErrorCode.UNKNOWN_CONNECTION_IDENTIFIER_ERROR,
                connection_handle=0,
                role=hci.Role.CENTRAL,
                peer_address_type=pending.peer_address.address_type,
                peer_address=pending.peer_address,
                connection_interval=0,
                peripheral_latency=0,
                supervision_timeout=0,
                central_clock_accuracy=0,
            )
            # After the Command Complete this handler's return value becomes.
            asyncio.get_running_loop().call_soon(self.send_hci_packet, event)
        return hci.HCI_StatusReturnParameters(hci.HCI_ErrorCode.SUCCESS)


def _new_device(air: BumbleAir, name: str, address: str) -> tuple[Controller, Device]:
    controller = _Controller(name, link=air.link, public_address=address)
    device = Device(
        name=name,
        address=hci.Address(address),
        host=Host(controller, AsyncPipeSink(controller)),
    )
    return controller, device


# ---- the treadmill's side: a GATT server over the VirtualTreadmill ----------------------------


@dataclass
class _Outgoing:
    characteristic: gatt.Characteristic[bytes]
    data: bytes


class _Session:
    """One connection's state on the treadmill side."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.ready: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self.subscriptions: dict[str, bool] = {}  # uuid -> by indication
        self.outbox: asyncio.Queue[_Outgoing] = asyncio.Queue()
        self.cp_in_flight = 0  # control-point indications handed over but not yet confirmed
        self.tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        task.add_done_callback(_log_task_failure)
        return task

    async def close(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        for task in list(self.tasks):
            with contextlib.suppress(asyncio.CancelledError):
                await task


class BumblePeripheral:
    """Serves one VirtualTreadmill's GATT table through a bumble Device (the treadmill's own
    controller and host): reads and writes go to the treadmill; its notifications and
    indications go out as ATT PDUs, indications one at a time, each waiting for the client's
    confirmation; CCCD writes subscribe; a link-drop fault becomes link loss on the air."""

    def __init__(self, air: BumbleAir, treadmill: VirtualTreadmill) -> None:
        self.air = air
        self.treadmill = treadmill
        self.address = treadmill.address.upper()
        self.controller, self.device = _new_device(air, treadmill.name, self.address)
        self.device.gatt_server.max_mtu = air.treadmill_mtu
        self._characteristics: dict[str, gatt.Characteristic[bytes]] = {}
        self._uuid_by_handle: dict[int, tuple[int | None, bool]] = {}
        self._session: _Session | None = None
        self._disconnected = asyncio.Event()
        self._disconnected.set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = asyncio.Event()
        self._closed = False

    # ---- set-up

    async def start(self) -> None:
        """Build the GATT table, power on and advertise."""
        for service in self.treadmill.services():
            if (_uuid16_of(bumble_uuid(service.uuid)) or 0) in _HOST_SERVICES:
                continue
            self.device.add_service(self._service(service))
        for attribute in self.device.gatt_server.attributes:
            self._describe_attribute(attribute)
        self.device.host.snooper = _AirSnooper(self.air.air_log, self._describe_handle)
        self.device.on(Device.EVENT_CONNECTION, self._on_connection)
        self.device.gatt_server.on(
            self.device.gatt_server.EVENT_CHARACTERISTIC_SUBSCRIPTION, self._on_subscription
        )
        self.treadmill.set_disconnect_callback(self._on_treadmill_dropped)
        await self.device.power_on()
        await self._advertise()

    def _service(self, service: SimService) -> gatt.Service:
        return gatt.Service(
            bumble_uuid(service.uuid), [self._characteristic(c) for c in service.characteristics]
        )

    def _characteristic(self, sim: SimCharacteristic) -> gatt.Characteristic[bytes]:
        props = gatt.Characteristic.Properties(0)
        for name in sim.properties:
            props |= _SIM_PROPERTIES[name]
        perms = gatt.Characteristic.Permissions(0)
        if "read" in sim.properties:
            perms |= gatt.Characteristic.Permissions.READABLE
        if {"write", "write-without-response"} & set(sim.properties):
            perms |= gatt.Characteristic.Permissions.WRITEABLE
        uuid = sim.uuid
        # bumble hands the value callback no hint of Write Request vs Write Command; FTMS
        # characteristics are one or the other, so the properties decide.
        with_response = "write" in sim.properties

        async def read(connection: Connection) -> bytes:
            return await self._read(connection, uuid)

        async def write(connection: Connection, value: bytes) -> None:
            await self._write(connection, uuid, bytes(value), with_response)

        characteristic: gatt.Characteristic[bytes] = gatt.Characteristic(
            bumble_uuid(uuid), props, perms, gatt.CharacteristicValue(read=read, write=write)
        )
        self._characteristics[uuid] = characteristic
        return characteristic

    def _describe_attribute(self, attribute: att.Attribute[Any]) -> None:
        if isinstance(attribute, gatt.Characteristic):
            self._uuid_by_handle[attribute.handle] = (_uuid16_of(attribute.uuid), False)
        elif isinstance(attribute, gatt.Descriptor) and attribute.type == bumble_uuid(
            "00002902" + _SIG_BASE_SUFFIX
        ):
            owner = self._uuid_by_handle.get(attribute.handle - 1, (None, False))[0]
            self._uuid_by_handle[attribute.handle] = (owner, True)

    def _describe_handle(self, handle: int) -> tuple[int | None, bool]:
        return self._uuid_by_handle.get(handle, (None, False))

    async def _advertise(self) -> None:
        if self._closed:
            return
        await self.device.start_advertising(
            advertising_data=_advertising_data(self.treadmill),
            advertising_interval_min=ADVERTISING_INTERVAL_MS,
            advertising_interval_max=ADVERTISING_INTERVAL_MS,
        )

    # ---- connections

    def _on_connection(self, connection: Connection) -> None:
        session = _Session(connection)
        self._session = session
        self._disconnected.clear()
        connection.on(
            Connection.EVENT_DISCONNECTION,
            lambda reason: self._on_disconnection(session, reason),
        )
        session.spawn(self._accept(session), f"bumble-accept-{self.address}")
        session.spawn(self._pump(session), f"bumble-outbox-{self.address}")

    async def _accept(self, session: _Session) -> None:
        """The treadmill accepts the connection (it may take att_delay_s, or refuse)."""
        try:
            await self.treadmill.connect()
        except SimLinkDown as exc:
            _LOGGER.debug("%s refuses the connection: %s", self.address, exc)
            session.ready.set_result(False)
            # Not awaited here: this task is cancelled when the link ends, and an HCI command
            # must never be cancelled midway (bumble's host would break).
            self._spawn(self._refuse(session), f"bumble-refuse-{self.address}")
            return
        session.ready.set_result(True)
        for uuid in list(session.subscriptions):
            self._subscribe(session, uuid)

    async def _refuse(self, session: _Session) -> None:
        with contextlib.suppress(core.BaseBumbleError):
            await session.connection.disconnect(
                hci.HCI_ErrorCode.REMOTE_DEVICE_TERMINATED_CONNECTION_DUE_TO_POWER_OFF_ERROR
            )

    def _on_disconnection(self, session: _Session, reason: int) -> None:
        _LOGGER.debug("%s: link down (reason 0x%02x)", self.address, reason)
        if self._session is session:
            self._session = None
        if not session.ready.done():
            session.ready.set_result(False)
        self._spawn(self._after_disconnection(session), f"bumble-disconnected-{self.address}")

    async def _after_disconnection(self, session: _Session) -> None:
        await session.close()
        if self.treadmill.connected:
            await self.treadmill.disconnect()
        self._disconnected.set()
        # A treadmill whose link-drop fault is on stays off the air until it is back.
        # VirtualTreadmill has no "link is back" event: poll its flag on the loop clock.
        while not self._closed and not self.treadmill.link_up:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(LINK_UP_POLL_S):
                    await self._closing.wait()
        if not self._closed and self._session is None:
            await self._advertise()

    def _spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        # Never cancelled midway (bumble's host breaks when an HCI command's waiter is
        # cancelled); close() sets _closing and waits for them to finish.
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(_log_task_failure)

    async def wait_disconnected(self) -> None:
        """Until the treadmill's host has processed the end of its connection."""
        await self._disconnected.wait()

    def _on_treadmill_dropped(self) -> None:
        """A link-drop fault in the treadmill: it stops answering; the air goes silent and
        both ends see a supervision timeout (then it stays off the air until it is back)."""
        _LOGGER.debug("%s: link-drop fault", self.address)
        self._spawn(self.air.lose_link(self.address), f"bumble-link-drop-{self.address}")

    # ---- GATT server callbacks

    async def _ready(self, connection: Connection) -> None:
        session = self._session
        if session is None or session.connection is not connection or not await session.ready:
            raise att.ATT_Error(_UNLIKELY_ERROR)

    async def _read(self, connection: Connection, uuid: str) -> bytes:
        await self._ready(connection)
        try:
            return await self.treadmill.read(uuid)
        except SimAttError as exc:
            raise att.ATT_Error(exc.code) from exc
        except SimLinkDown as exc:
            raise att.ATT_Error(_UNLIKELY_ERROR) from exc

    async def _write(
        self, connection: Connection, uuid: str, value: bytes, with_response: bool
    ) -> None:
        await self._ready(connection)
        session = self._session
        if (
            uuid == CONTROL_POINT
            and session is not None
            and session.cp_in_flight > 0
            and self.treadmill.profile.busy_writes is BusyWrites.REJECT
        ):
            # Over real ATT the previous procedure lasts until its indication is confirmed.
            raise att.ATT_Error(_PROCEDURE_IN_PROGRESS)
        try:
            await self.treadmill.write(uuid, value, response=with_response)
        except SimAttError as exc:
            raise att.ATT_Error(exc.code) from exc
        except SimLinkDown as exc:
            raise att.ATT_Error(_UNLIKELY_ERROR) from exc

    def _on_subscription(
        self,
        bearer: att.Bearer,
        characteristic: gatt.Characteristic[bytes],
        notify_enabled: bool,
        indicate_enabled: bool,
    ) -> None:
        session = self._session
        if session is None or session.connection is not bearer:
            return
        uuid = _uuid_str(characteristic.uuid)
        if notify_enabled or indicate_enabled:
            session.subscriptions[uuid] = indicate_enabled and not notify_enabled
            if session.ready.done() and session.ready.result():
                self._subscribe(session, uuid)
        else:
            session.subscriptions.pop(uuid, None)
            if session.ready.done() and session.ready.result():
                with contextlib.suppress(SimAttError):
                    self.treadmill.set_subscriber(uuid, None)

    def _subscribe(self, session: _Session, uuid: str) -> None:
        characteristic = self._characteristics.get(uuid)
        if characteristic is None:
            return

        def deliver(data: bytes) -> None:
            if uuid == CONTROL_POINT:
                session.cp_in_flight += 1
            session.outbox.put_nowait(_Outgoing(characteristic, bytes(data)))

        try:
            self.treadmill.set_subscriber(uuid, deliver)
        except (SimAttError, SimLinkDown) as exc:
            _LOGGER.debug("%s: cannot subscribe %s: %s", self.address, uuid, exc)

    async def _pump(self, session: _Session) -> None:
        """Put the treadmill's packets on the air in the order it produced them. Indications
        go one at a time (the next waits for the client's confirmation of the previous one);
        a notification does not wait for a confirmation, as ATT allows."""
        connection = session.connection
        indicating: asyncio.Task[None] | None = None
        while True:
            item = await session.outbox.get()
            uuid = _uuid_str(item.characteristic.uuid)
            indicate = session.subscriptions.get(uuid)
            if indicate is None:  # unsubscribed meanwhile
                if uuid == CONTROL_POINT:
                    session.cp_in_flight -= 1
                continue
            if not indicate:
                await self.device.notify_subscriber(connection, item.characteristic, item.data)
                continue
            if indicating is not None:
                await asyncio.wait([indicating])
            indicating = session.spawn(
                self._indicate(session, item, uuid), f"bumble-indicate-{self.address}"
            )
            # Let it put the PDU on the air before anything queued after it.
            await asyncio.sleep(0)

    async def _indicate(self, session: _Session, item: _Outgoing, uuid: str) -> None:
        try:
            await self.device.indicate_subscriber(
                session.connection, item.characteristic, item.data
            )
        except TimeoutError:
            _LOGGER.warning("%s: indication of %s never confirmed", self.address, uuid)
        finally:
            if uuid == CONTROL_POINT:
                session.cp_in_flight -= 1

    async def close(self) -> None:
        """Off the air: stop advertising, end the connection, switch the host off."""
        self._closed = True
        self._closing.set()
        self.treadmill.set_disconnect_callback(None)
        if self._tasks:
            await asyncio.wait(list(self._tasks))
        session, self._session = self._session, None
        if session is not None:
            await session.close()
        with contextlib.suppress(core.BaseBumbleError):
            await self.device.stop_advertising()
        await self.device.power_off()


def _advertising_data(treadmill: VirtualTreadmill) -> bytes:
    """The treadmill's advertisement as AD structures. bumble's LocalLink does not model
    scan responses, so everything rides in one PDU (may exceed the 31 bytes of legacy
    advertising, where a real device would put the name in its scan response)."""
    sim = treadmill.advertisement()
    structures: list[tuple[int, bytes]] = [(AdvertisingData.FLAGS, bytes([0x06]))]
    uuids16 = [bumble_uuid(u) for u in sim.service_uuids]
    short = b"".join(bytes(u) for u in uuids16 if len(bytes(u)) == 2)
    if short:
        structures.append((AdvertisingData.COMPLETE_LIST_OF_16_BIT_SERVICE_CLASS_UUIDS, short))
    for uuid, data in sim.service_data.items():
        key = bytes(bumble_uuid(uuid))
        kind = (
            AdvertisingData.SERVICE_DATA_16_BIT_UUID
            if len(key) == 2
            else AdvertisingData.SERVICE_DATA_128_BIT_UUID
        )
        structures.append((kind, key + bytes(data)))
    for company, data in sim.manufacturer_data.items():
        structures.append(
            (AdvertisingData.MANUFACTURER_SPECIFIC_DATA, struct.pack("<H", company) + data)
        )
    if sim.tx_power is not None:
        structures.append((AdvertisingData.TX_POWER_LEVEL, struct.pack("<b", sim.tx_power)))
    if sim.local_name:
        structures.append((AdvertisingData.COMPLETE_LOCAL_NAME, sim.local_name.encode()))
    return bytes(AdvertisingData(structures))


# ---- the app's side: a central host ------------------------------------------------------------


class BumbleCentral:
    """The app's Bluetooth adapter: one bumble Device (controller B) shared by every
    BumbleBleakClient and BumbleBleakScanner on the air."""

    def __init__(self, air: BumbleAir) -> None:
        self.air = air
        self.controller, self.device = _new_device(air, "treadmill-ctl", CENTRAL_ADDRESS)
        self._powered = False
        self._connect_lock = asyncio.Lock()
        self._scanners: set[BumbleBleakScanner] = set()
        self._scanning = False
        self._connections: dict[str, tuple[Connection, asyncio.Event]] = {}
        self.device.on(Device.EVENT_ADVERTISEMENT, self._on_advertisement)

    async def power_on(self) -> None:
        if not self._powered:
            self._powered = True
            await self.device.power_on()

    async def connect(self, address: str, within_s: float) -> Connection:
        """Connect to ``address`` within ``within_s`` (one attempt at a time, like one
        adapter); raises TimeoutError when it does not answer."""
        peripheral = self.air.peripheral(address)
        target = hci.Address(peripheral.address if peripheral else address.upper())
        async with self._connect_lock:
            try:
                connection = await self.device.connect(target, timeout=within_s)
            except core.TimeoutError as exc:
                raise TimeoutError(f"{address}: connection timed out") from exc
        key = address.upper()
        gone = asyncio.Event()
        self._connections[key] = (connection, gone)

        def on_disconnection(_reason: int) -> None:
            if self._connections.get(key, (None, None))[0] is connection:
                del self._connections[key]
            gone.set()

        connection.on(Connection.EVENT_DISCONNECTION, on_disconnection)
        return connection

    async def wait_disconnected(self, address: str) -> None:
        """Until the app's host has processed the end of the link to ``address``."""
        entry = self._connections.get(address.upper())
        if entry is not None:
            await entry[1].wait()

    async def add_scanner(self, scanner: BumbleBleakScanner) -> None:
        self._scanners.add(scanner)
        if not self._scanning:
            self._scanning = True
            await self.device.start_scanning(active=True)

    async def remove_scanner(self, scanner: BumbleBleakScanner) -> None:
        self._scanners.discard(scanner)
        if self._scanning and not self._scanners:
            self._scanning = False
            await self.device.stop_scanning()

    def _on_advertisement(self, advertisement: Advertisement) -> None:
        for scanner in list(self._scanners):
            scanner.on_advertisement(advertisement)

    async def close(self) -> None:
        for connection, _gone in list(self._connections.values()):
            with contextlib.suppress(core.BaseBumbleError):
                await connection.disconnect()
        self._scanners.clear()
        if self._scanning:
            self._scanning = False
            await self.device.stop_scanning()
        await self.device.power_off()


def _air_from(kwargs: dict[str, Any], device: BLEDevice | str) -> BumbleAir:
    air = kwargs.get(BUMBLE_DETAILS_KEY)
    if air is None and isinstance(device, BLEDevice) and isinstance(device.details, dict):
        air = device.details.get(BUMBLE_DETAILS_KEY)
    if not isinstance(air, BumbleAir):
        raise BleakError(
            "the bumble backend needs bumble_air=<BumbleAir> (or a BLEDevice from that air)"
        )
    return air


class BumbleBleakClient(BaseBleakClient):
    """bleak client backend: a GATT client on the app's bumble host, over real ATT.

    ``BleakClient(ble_device_or_address, backend=BumbleBleakClient, bumble_air=air)``; a
    BLEDevice from ``air.ble_device()`` or a BumbleBleakScanner carries the air itself.

    ATT errors become ``BleakGATTProtocolError(code)``; a request cut by link loss, or made
    after it, raises ``BleakError``; link loss calls the disconnected callback, and
    ``disconnect_reason`` keeps the HCI reason (0x08 for a supervision timeout)."""

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
        self._air = _air_from(kwargs, address_or_ble_device)
        wanted = kwargs.get("services")
        self._service_filter = [bumble_uuid(u) for u in wanted] if wanted else []
        self._connection: Connection | None = None
        self._link_gone: asyncio.Event | None = None
        self._closing = False
        self._mtu = att.ATT_DEFAULT_MTU
        self.disconnect_reason: int | None = None

    # ---- identity and connection

    @property
    @override
    def name(self) -> str:
        peripheral = self._air.peripheral(self.address)
        if peripheral is not None and peripheral.treadmill.advertisement().local_name:
            return str(peripheral.treadmill.advertisement().local_name)
        return self.address.replace(":", "-")

    @property
    @override
    def mtu_size(self) -> int:
        return self._mtu

    @property
    @override
    def is_connected(self) -> bool:
        return self._connection is not None

    @override
    async def connect(self, pair: bool, **kwargs: Any) -> None:
        if self._connection is not None:
            return
        central = await self._air.central()
        if self._air.peripheral(self.address) is None:
            raise BleakDeviceNotFoundError(
                self.address, f"Device with address {self.address} was not found."
            )
        connection = await central.connect(self.address, self._timeout)
        self._connection = connection
        self._link_gone = asyncio.Event()
        self._closing = False
        self.disconnect_reason = None
        connection.on(Connection.EVENT_DISCONNECTION, self._on_disconnection)
        try:
            client = connection.gatt_client
            self._mtu = await self._gatt(client.request_mtu(self._air.client_mtu))
            self.services = await self._gatt(self._discover(client))
        except BaseException:
            await self._abandon(connection)
            raise

    async def _abandon(self, connection: Connection) -> None:
        self._closing = True
        if self._connection is connection:
            self._connection = None
        if self._link_gone is not None and self._link_gone.is_set():
            # The peer ended it already (it refused the connection): bumble would wait
            # forever for the end of a connection that no longer exists.
            return
        with contextlib.suppress(core.BaseBumbleError):
            await connection.disconnect()

    async def _discover(self, client: gatt_client.Client) -> BleakGATTServiceCollection:
        collection = BleakGATTServiceCollection()
        for proxy in await client.discover_services(self._service_filter):
            service = BleakGATTService(proxy, proxy.handle, _uuid_str(proxy.uuid))
            collection.add_service(service)
            for char_proxy in await client.discover_characteristics((), proxy):
                properties = [
                    name for flag, name in _BLEAK_PROPERTIES if char_proxy.properties & flag
                ]
                char = BleakGATTCharacteristic(
                    char_proxy,
                    char_proxy.handle,
                    _uuid_str(char_proxy.uuid),
                    properties,  # type: ignore[arg-type]
                    lambda: self._mtu - 3,
                    service,
                )
                collection.add_characteristic(char)
                for desc_proxy in await client.discover_descriptors(char_proxy):
                    collection.add_descriptor(
                        BleakGATTDescriptor(
                            desc_proxy, desc_proxy.handle, _uuid_str(desc_proxy.type), char
                        )
                    )
        return collection

    def _on_disconnection(self, reason: int) -> None:
        self.disconnect_reason = reason
        self._connection = None
        self.services = None
        if self._link_gone is not None:
            self._link_gone.set()
        asked = self._closing
        _LOGGER.debug("%s: disconnected, reason 0x%02x (asked: %s)", self.address, reason, asked)
        # Like BlueZ: the callback runs whether or not the client asked to disconnect.
        if self._disconnected_callback is not None:
            self._disconnected_callback()

    @override
    async def disconnect(self) -> None:
        connection = self._connection
        if connection is None:
            return
        self._closing = True
        with contextlib.suppress(core.BaseBumbleError):
            await connection.disconnect()
        gone = self._link_gone
        if gone is not None:
            await gone.wait()
        # On a real link the central hears Disconnection Complete only after the peripheral
        # acknowledged LL_TERMINATE_IND; bumble's LocalLink completes the central first, so
        # wait until the treadmill's host has handled it too.
        peripheral = self._air.peripheral(self.address)
        if peripheral is not None:
            await peripheral.wait_disconnected()

    @override
    async def pair(self, *args: Any, **kwargs: Any) -> None:
        """The virtual treadmill needs no pairing."""

    @override
    async def unpair(self) -> None:
        """The virtual treadmill needs no pairing."""

    # ---- GATT I/O

    async def _gatt[T](self, operation: Awaitable[T]) -> T:
        """Run one GATT procedure; link loss while it is queued or in flight is a BleakError
        (bumble would cancel it, or leave it waiting for its 30 s ATT timeout)."""
        gone = self._link_gone
        op = asyncio.ensure_future(operation)
        if gone is None or self._connection is None:
            op.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await op
            raise BleakError("Not connected")
        lost = asyncio.ensure_future(gone.wait())
        try:
            await asyncio.wait((op, lost), return_when=asyncio.FIRST_COMPLETED)
        finally:
            lost.cancel()
            if not op.done():
                op.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await op
        if op.cancelled():
            raise BleakError(f"Disconnected (reason 0x{self.disconnect_reason or 0:02x})")
        error = op.exception()
        if isinstance(error, att.ATT_Error):
            raise BleakGATTProtocolError(int(error.error_code)) from error
        if isinstance(error, core.TimeoutError):
            raise TimeoutError(str(error)) from error
        if isinstance(error, core.BaseBumbleError):
            raise BleakError(str(error)) from error
        return op.result()

    def _client(self) -> gatt_client.Client:
        if self._connection is None:
            raise BleakError("Not connected")
        return self._connection.gatt_client

    @override
    async def read_gatt_char(
        self, characteristic: BleakGATTCharacteristic, *, use_cached: bool = False, **kwargs: Any
    ) -> bytearray:
        client = self._client()
        return bytearray(await self._gatt(client.read_value(characteristic.handle)))

    @override
    async def read_gatt_descriptor(
        self, descriptor: BleakGATTDescriptor, *, use_cached: bool = False, **kwargs: Any
    ) -> bytearray:
        client = self._client()
        return bytearray(await self._gatt(client.read_value(descriptor.handle)))

    @override
    async def write_gatt_char(
        self, characteristic: BleakGATTCharacteristic, data: SizedBuffer, response: bool
    ) -> None:
        client = self._client()
        payload = bytes(data)
        if not response and len(payload) > self._mtu - 3:
            raise BleakError(f"write without response of {len(payload)} bytes > {self._mtu - 3}")
        await self._gatt(client.write_value(characteristic.handle, payload, with_response=response))

    @override
    async def write_gatt_descriptor(
        self, descriptor: BleakGATTDescriptor, data: SizedBuffer
    ) -> None:
        client = self._client()
        payload = bytes(data)
        await self._gatt(client.write_value(descriptor.handle, payload, with_response=True))

    @override
    async def start_notify(
        self, characteristic: BleakGATTCharacteristic, callback: NotifyCallback, **kwargs: Any
    ) -> None:
        client = self._client()
        deliver = guarded_notify_callback(callback, characteristic.uuid, _LOGGER)
        # Writes the CCCD: notifications if the characteristic has them, else indications.
        await self._gatt(client.subscribe(characteristic.obj, deliver, prefer_notify=True))

    @override
    async def stop_notify(self, characteristic: BleakGATTCharacteristic) -> None:
        client = self._client()
        await self._gatt(client.unsubscribe(characteristic.obj))


class BumbleBleakScanner(BaseBleakScanner):
    """bleak scanner backend: active LE scanning on the app's bumble host.

    ``BleakScanner(backend=BumbleBleakScanner, bumble_air=air)``. The BLEDevices it reports
    carry the air, so ``BleakClient(device, backend=BumbleBleakClient)`` needs nothing more."""

    def __init__(
        self,
        detection_callback: AdvertisementDataCallback | None,
        service_uuids: list[str] | None,
        scanning_mode: str = "active",
        **kwargs: Any,
    ) -> None:
        super().__init__(detection_callback, service_uuids)
        air = kwargs.get(BUMBLE_DETAILS_KEY)
        if not isinstance(air, BumbleAir):
            raise BleakError("BumbleBleakScanner needs bumble_air=<BumbleAir>")
        self._air = air

    @override
    async def start(self) -> None:
        self.seen_devices = {}
        central = await self._air.central()
        await central.add_scanner(self)

    @override
    async def stop(self) -> None:
        central = await self._air.central()
        await central.remove_scanner(self)

    def on_advertisement(self, advertisement: Advertisement) -> None:
        """One advertising report from the app's host."""
        adv = _bleak_advertisement(advertisement)
        if not self.is_allowed_uuid(adv.service_uuids):
            return
        address = str(advertisement.address).upper()
        device = self.create_or_update_device(
            address,
            address,
            adv.local_name,
            self._air.device_details(),
            adv,
        )
        self.call_detection_callbacks(device, adv)


def _bleak_advertisement(advertisement: Advertisement) -> AdvertisementData:
    """bleak's view of one advertising report (AD structures decoded as BlueZ would)."""
    local_name: str | None = None
    service_uuids: list[str] = []
    service_data: dict[str, bytes] = {}
    manufacturer_data: dict[int, bytes] = {}
    tx_power: int | None = None
    for kind, value in advertisement.data.ad_structures:
        match kind:
            case AdvertisingData.COMPLETE_LOCAL_NAME:
                local_name = value.decode(errors="replace")
            case AdvertisingData.SHORTENED_LOCAL_NAME if local_name is None:
                local_name = value.decode(errors="replace")
            case (
                AdvertisingData.COMPLETE_LIST_OF_16_BIT_SERVICE_CLASS_UUIDS
                | AdvertisingData.INCOMPLETE_LIST_OF_16_BIT_SERVICE_CLASS_UUIDS
            ):
                service_uuids += [
                    _uuid_str(core.UUID.from_bytes(value[i : i + 2]))
                    for i in range(0, len(value) - 1, 2)
                ]
            case (
                AdvertisingData.COMPLETE_LIST_OF_128_BIT_SERVICE_CLASS_UUIDS
                | AdvertisingData.INCOMPLETE_LIST_OF_128_BIT_SERVICE_CLASS_UUIDS
            ):
                service_uuids += [
                    _uuid_str(core.UUID.from_bytes(value[i : i + 16]))
                    for i in range(0, len(value) - 15, 16)
                ]
            case AdvertisingData.SERVICE_DATA_16_BIT_UUID if len(value) >= 2:
                service_data[_uuid_str(core.UUID.from_bytes(value[:2]))] = bytes(value[2:])
            case AdvertisingData.SERVICE_DATA_128_BIT_UUID if len(value) >= 16:
                service_data[_uuid_str(core.UUID.from_bytes(value[:16]))] = bytes(value[16:])
            case AdvertisingData.MANUFACTURER_SPECIFIC_DATA if len(value) >= 2:
                manufacturer_data[struct.unpack_from("<H", value)[0]] = bytes(value[2:])
            case AdvertisingData.TX_POWER_LEVEL if value:
                tx_power = struct.unpack_from("<b", value)[0]
    return AdvertisementData(
        local_name=local_name,
        manufacturer_data=manufacturer_data,
        service_data=service_data,
        service_uuids=list(dict.fromkeys(service_uuids)),
        tx_power=tx_power,
        rssi=advertisement.rssi,
        platform_data=(advertisement,),
    )


# ---- the app's link over the real-ATT layer ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BumbleConnection:
    """The bumble air as the link's connection method (``ftms.connection.Connection``): scans
    with BumbleBleakScanner, connects through BumbleBleakClient."""

    air: BumbleAir

    def scanner_kwargs(self) -> dict[str, Any]:
        """``BleakScanner`` keywords that listen on ``air``."""
        return {"backend": BumbleBleakScanner, BUMBLE_DETAILS_KEY: self.air}

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
            backend=BumbleBleakClient,
            bumble_air=self.air,
            **client_kwargs,
        )
        await client.connect()
        return client


async def open_bumble_link(
    profile: SimProfile | str | Path | None = None,
    *,
    device: VirtualTreadmill | None = None,
    air: BumbleAir | None = None,
    connect: bool = True,
    **link_options: Any,
) -> tuple[TreadmillLink, VirtualTreadmill, BumbleAir]:
    """``virtual_link.open_simulated_link``, over real ATT: a virtual treadmill on a bumble
    air (a fresh one unless ``air`` is given) and the app's real TreadmillLink to its address,
    found by a BumbleBleakScanner and reached through BumbleBleakClient.

    Call it inside the test body (not an async fixture): looptime only fast-forwards the test
    function, and the hosts' timers are set when they start."""
    treadmill = device if device is not None else make_virtual_treadmill(profile)
    air = air if air is not None else BumbleAir()
    await air.central()
    await air.add(treadmill)
    link = TreadmillLink(
        treadmill.address,
        connection=BumbleConnection(air),
        name=treadmill.name,
        **link_options,
    )
    if connect:
        await link.connect()
    return link, treadmill, air


async def close_bumble_link(link: TreadmillLink, device: VirtualTreadmill, air: BumbleAir) -> None:
    """Disconnect the link, switch the hosts off, then the virtual treadmill."""
    await link.disconnect()
    await air.close()
    await device.close()


__all__ = [
    "BUMBLE_DETAILS_KEY",
    "AirLog",
    "AirRecord",
    "BumbleAir",
    "BumbleBleakClient",
    "BumbleBleakScanner",
    "BumbleCentral",
    "BumbleConnection",
    "BumblePeripheral",
    "Sender",
    "close_bumble_link",
    "open_bumble_link",
]
