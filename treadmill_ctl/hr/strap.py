"""The Bluetooth heart-rate strap link, over bleak (the real radio, or the sim backend).

The strap is optional and never in charge: it connects only to the address the user chose
(remembered in ``Settings.hr_strap_address``), turns every Heart Rate Measurement into a
``HeartRateReading``, and when the strap goes away says so with a ``StrapEvent`` (LOST) and
tries to reconnect in the background. Nothing here can stop or slow a session; the engine and
the GUI decide what to show (``hr.source.HeartRateSource`` falls back to the treadmill's own
heart rate).

    strap = HeartRateStrap(address)                     # real radio
    strap = HeartRateStrap(address, backend=SimBleakClient, client_kwargs={"sim_air": air})
    remove = strap.add_listener(on_update)              # HeartRateReading | StrapEvent
    await strap.connect()
    ...
    await strap.disconnect()
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from bleak import BleakClient, BleakScanner
from bleak.backends.client import BaseBleakClient
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData, BaseBleakScanner
from bleak.exc import BleakError

from treadmill_ctl.errors import HeartRateStrapError
from treadmill_ctl.ftms.model import BadPacket
from treadmill_ctl.hr.codec import (
    BODY_SENSOR_LOCATION_UUID,
    HEART_RATE_MEASUREMENT_UUID,
    HEART_RATE_SERVICE_UUID,
    BodySensorLocation,
    HeartRateMeasurement,
    parse_body_sensor_location,
    parse_heart_rate_measurement,
)

_LOGGER = logging.getLogger(__name__)

CONNECT_TIMEOUT_S: Final = 15.0
RECONNECT_DELAYS_S: Final = (2.0, 5.0, 10.0, 20.0, 30.0)  # then every 30 s


class StrapState(enum.StrEnum):
    """State of the strap link."""

    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    LOST = "lost"  # dropped on its own; reconnecting in the background


@dataclass(frozen=True, slots=True)
class HeartRateReading:
    """One measurement from the strap, stamped with the event loop's time."""

    loop_time: float
    measurement: HeartRateMeasurement

    @property
    def bpm(self) -> int | None:
        """The usable heart rate (None: no contact or an implausible value)."""
        return self.measurement.bpm


@dataclass(frozen=True, slots=True)
class StrapEvent:
    """The strap link changed state; ``message`` says it in the user's words."""

    state: StrapState
    message: str = ""


type StrapUpdate = HeartRateReading | StrapEvent | BadPacket
type StrapListener = Callable[[StrapUpdate], None]


@dataclass(frozen=True, slots=True)
class DiscoveredStrap:
    """A heart-rate strap seen in a scan."""

    name: str
    address: str
    rssi: int | None


async def discover_straps(
    timeout_s: float = 5.0,
    *,
    backend: type[BaseBleakScanner] | None = None,
    scanner_kwargs: Mapping[str, Any] | None = None,
) -> list[DiscoveredStrap]:
    """Scan for ``timeout_s`` (loop time) and list every device advertising the Heart Rate
    Service, strongest first."""
    seen: dict[str, DiscoveredStrap] = {}

    def on_advert(device: BLEDevice, adv: AdvertisementData) -> None:
        name = adv.local_name or device.name or device.address
        seen[device.address] = DiscoveredStrap(name, device.address, adv.rssi)

    scanner = BleakScanner(
        on_advert,
        [HEART_RATE_SERVICE_UUID],
        backend=backend,
        **dict(scanner_kwargs or {}),
    )
    await scanner.start()
    try:
        await asyncio.sleep(timeout_s)
    finally:
        await scanner.stop()
    return sorted(seen.values(), key=lambda s: -(s.rssi if s.rssi is not None else -999))


async def _quiet_disconnect(client: BleakClient) -> None:
    with contextlib.suppress(BleakError, OSError, TimeoutError):
        await client.disconnect()


class HeartRateStrap:
    """The link to one chosen heart-rate strap. See the module docstring."""

    def __init__(
        self,
        address: str,
        *,
        backend: type[BaseBleakClient] | None = None,
        client_kwargs: Mapping[str, Any] | None = None,
        reconnect: bool = True,
    ) -> None:
        self.address = address
        self._backend = backend
        self._client_kwargs = dict(client_kwargs or {})
        self._reconnect_enabled = reconnect
        self._client: BleakClient | None = None
        self._state = StrapState.DISCONNECTED
        self._listeners: list[StrapListener] = []
        self._reconnect_task: asyncio.Task[None] | None = None
        self._releases: set[asyncio.Task[None]] = set()  # lost clients being released
        self._closing = False
        self.bad_packets = 0
        self.last_reading: HeartRateReading | None = None
        self.body_location: BodySensorLocation | None = None

    @property
    def state(self) -> StrapState:
        """The link's state now."""
        return self._state

    def add_listener(self, listener: StrapListener) -> Callable[[], None]:
        """Get every reading, state change and bad packet; returns a remover."""
        self._listeners.append(listener)

        def remove() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return remove

    async def connect(self) -> None:
        """Connect to the chosen address and subscribe; HeartRateStrapError when it fails."""
        self._closing = False
        await self._connect_once()

    async def disconnect(self) -> None:
        """Disconnect on purpose (no LOST event, no reconnect)."""
        self._closing = True
        task, self._reconnect_task = self._reconnect_task, None
        if task is not None:
            task.cancel()
            # gather, not "suppress(CancelledError): await task": that would also swallow a
            # cancellation of the caller itself, which must go on.
            await asyncio.gather(task, return_exceptions=True)
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(BleakError, OSError, TimeoutError):
                await client.disconnect()
        if self._releases:
            await asyncio.gather(*self._releases, return_exceptions=True)
        self._set_state(StrapState.DISCONNECTED, "Heart-rate strap disconnected")

    # ---------------------------------------------------------------- internals

    async def _connect_once(self, *, reconnecting: bool = False) -> None:
        if not reconnecting:  # while reconnecting the strap stays LOST until it is back
            self._set_state(StrapState.CONNECTING, f"Connecting to heart-rate strap {self.address}")
        client = BleakClient(
            self.address,
            self._on_disconnected,
            timeout=CONNECT_TIMEOUT_S,
            backend=self._backend,
            **self._client_kwargs,
        )
        try:
            await client.connect()
            try:
                self.body_location = parse_body_sensor_location(
                    await client.read_gatt_char(BODY_SENSOR_LOCATION_UUID)
                )
            except (BleakError, KeyError, ValueError):
                self.body_location = None  # optional characteristic
            await client.start_notify(HEART_RATE_MEASUREMENT_UUID, self._on_notification)
        except asyncio.CancelledError:
            # Cancelled half way (the user chose another strap): do not leave the strap
            # connected to this computer, where no other device (a watch) could have it.
            await asyncio.shield(_quiet_disconnect(client))
            raise
        except (BleakError, OSError, TimeoutError) as exc:
            with contextlib.suppress(BleakError, OSError, TimeoutError):
                await client.disconnect()
            if not reconnecting:
                self._set_state(StrapState.DISCONNECTED, f"Heart-rate strap not connected: {exc}")
            raise HeartRateStrapError(
                f"Heart-rate strap {self.address} could not be connected ({exc}). Is it worn "
                "(most straps sleep until they touch skin) and not connected to another app?"
            ) from exc
        self._client = client
        self._set_state(
            StrapState.CONNECTED,
            "Heart-rate strap back" if reconnecting else "Heart-rate strap connected",
        )

    def _on_notification(self, _char: Any, data: bytearray) -> None:
        parsed = parse_heart_rate_measurement(data)
        if isinstance(parsed, BadPacket):
            self.bad_packets += 1
            _LOGGER.warning("bad heart-rate packet %s: %s", parsed.raw, parsed.reason)
            self._emit(parsed)
            return
        reading = HeartRateReading(asyncio.get_running_loop().time(), parsed)
        self.last_reading = reading
        self._emit(reading)

    def _on_disconnected(self, client: BleakClient) -> None:
        if client is not self._client:
            # A client still connecting (bleak calls back when BlueZ's link came up and went
            # down on the way, e.g. le-connection-abort-by-local, and retries), or one already
            # released: its connect() succeeds or fails on its own. Not a lost strap.
            return
        self._client = None
        self._release(client)
        if self._closing:
            return
        self._set_state(
            StrapState.LOST,
            "Heart-rate strap lost: the session goes on; the treadmill's heart rate is used "
            "if it has one. Reconnecting…",
        )
        if self._reconnect_enabled and self._reconnect_task is None:
            task = asyncio.get_running_loop().create_task(
                self._reconnect_forever(), name=f"hr-strap-reconnect-{self.address}"
            )
            task.add_done_callback(self._reconnect_done)
            self._reconnect_task = task

    def _release(self, client: BleakClient) -> None:
        """Let a client that went down free what its backend holds: on BlueZ its own D-Bus
        connection, which bleak closes only in ``disconnect()`` (one connection leaked per
        loss otherwise)."""
        task = asyncio.get_running_loop().create_task(
            _quiet_disconnect(client), name=f"hr-strap-release-{self.address}"
        )
        self._releases.add(task)
        task.add_done_callback(self._releases.discard)

    async def _reconnect_forever(self) -> None:
        attempt = 0
        while not self._closing:
            delay = RECONNECT_DELAYS_S[min(attempt, len(RECONNECT_DELAYS_S) - 1)]
            await asyncio.sleep(delay)
            attempt += 1
            try:
                await self._connect_once(reconnecting=True)
            except HeartRateStrapError as exc:
                _LOGGER.info("heart-rate strap reconnect %d failed: %s", attempt, exc)
                continue
            return

    def _reconnect_done(self, task: asyncio.Task[None]) -> None:
        if self._reconnect_task is task:
            self._reconnect_task = None
        if not task.cancelled() and task.exception() is not None:
            _LOGGER.error("heart-rate strap reconnect failed", exc_info=task.exception())

    def _set_state(self, state: StrapState, message: str) -> None:
        if state is self._state:
            return
        self._state = state
        self._emit(StrapEvent(state, message))

    def _emit(self, update: StrapUpdate) -> None:
        for listener in list(self._listeners):
            try:
                listener(update)
            except Exception:  # a listener's bug must not break the strap link
                _LOGGER.exception("heart-rate strap listener failed")
