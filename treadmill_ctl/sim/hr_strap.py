"""A virtual Bluetooth heart-rate strap whose heart rate follows the runner's effort on a
VirtualTreadmill, with a realistic lag. Served to bleak by ``sim.bleak_backend`` unchanged: it
has the same device-level API as ``VirtualTreadmill`` (advertisement, services, connect,
disconnect, read, write, set_subscriber, set_disconnect_callback, close).

GATT: Heart Rate Service 0x180D with Heart Rate Measurement 0x2A37 (notify, once per second,
8-bit value, contact bits, RR intervals, Energy Expended every 10th packet) and Body Sensor
Location 0x2A38 (read: chest).

The model (loop clock, looptime-friendly): the steady-state heart rate for the current belt
speed, incline and direction comes from the ACSM metabolic equations (walking below
``RUN_FROM_KMH``, running above), with backward locomotion costing ``BACKWARD_COST`` times
more; the heart rate approaches it as a first-order lag with a ``time_constant_s`` (30 s) time
constant. The runner's direction is not something the belt knows: the session tells the strap
(``direction`` or ``on_session_event``).

Faults: ``drop_link`` (strap out of range / battery: the link drops, connects fail until it is
back), ``lose_contact`` / ``restore_contact`` (the strap reports "no contact" and 0 bpm),
``send_raw`` (one malformed packet).
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from collections.abc import Callable, Mapping
from typing import Any, Final

from treadmill_ctl.hr.codec import (
    BODY_SENSOR_LOCATION_UUID,
    HEART_RATE_MEASUREMENT_UUID,
    HEART_RATE_SERVICE_UUID,
    BodySensorLocation,
    SensorContact,
    encode_heart_rate_measurement,
)
from treadmill_ctl.sim.att import (
    ATT_READ_NOT_PERMITTED,
    ATT_WRITE_NOT_PERMITTED,
    SimAttError,
    SimLinkDown,
)
from treadmill_ctl.sim.device_link import DeviceLink
from treadmill_ctl.sim.faults import FaultSchedule
from treadmill_ctl.sim.gatt import SimAdvertisement, SimCharacteristic, SimService
from treadmill_ctl.sim.treadmill import VirtualTreadmill

_LOGGER = logging.getLogger(__name__)

NOTIFY_INTERVAL_S: Final = 1.0
ENERGY_EVERY: Final = 10  # Energy Expended in every 10th notification, as straps do

RUN_FROM_KMH: Final = 7.0  # forward gait changes from walking to running about here
BACKWARD_RUN_FROM_KMH: Final = 4.5  # backward, the gait changes earlier
BACKWARD_COST: Final = 1.35  # backward locomotion costs about a third more oxygen
RESTING_VO2: Final = 3.5  # ml/kg/min, 1 MET

FAULTS: Final = frozenset(
    {"drop_link", "restore_link", "lose_contact", "restore_contact", "send_raw"}
)


def steady_state_bpm(
    speed_kmh: float,
    incline_pct: float,
    backward: bool,
    *,
    resting_bpm: float,
    max_bpm: float,
    vo2max: float,
) -> float:
    """Heart rate once the effort has lasted a few minutes (ACSM walking/running equations,
    heart-rate reserve proportional to VO2 reserve)."""
    v = max(0.0, speed_kmh) * 1000 / 60  # m/min
    grade = max(0.0, incline_pct) / 100
    running = speed_kmh >= (BACKWARD_RUN_FROM_KMH if backward else RUN_FROM_KMH)
    if v <= 0:
        net = 0.0
    elif running:
        net = 0.2 * v + 0.9 * v * grade
    else:
        net = 0.1 * v + 1.8 * v * grade
    if backward:
        net *= BACKWARD_COST
    fraction = min(1.0, net / (vo2max - RESTING_VO2))
    return resting_bpm + fraction * (max_bpm - resting_bpm)


class VirtualHeartRateStrap:
    """One virtual heart-rate strap worn by a runner on ``treadmill`` (or standing still when
    ``treadmill`` is None). All methods run on the event loop thread."""

    def __init__(
        self,
        treadmill: VirtualTreadmill | None = None,
        *,
        name: str = "Virtual HR Strap",
        address: str = "5A:11:00:00:48:52",
        resting_bpm: float = 62.0,
        max_bpm: float = 188.0,
        vo2max: float = 45.0,
        time_constant_s: float = 30.0,
        jitter_bpm: float = 1.0,
        seed: int = 0,
        rssi: int = -58,
        radio_delay_s: float = 0.0,
    ) -> None:
        self.treadmill = treadmill
        self.name = name
        self.address = address
        self.resting_bpm = resting_bpm
        self.max_bpm = max_bpm
        self.vo2max = vo2max
        self.time_constant_s = time_constant_s
        self.jitter_bpm = jitter_bpm
        self.backward = False
        self.rssi = rssi
        # How long a connect or a disconnect takes (a real radio's round trips: 0.2-2 s), so
        # tests can act while one is under way.
        self.radio_delay_s = radio_delay_s
        self._random = random.Random(seed)
        chars = (
            SimCharacteristic(HEART_RATE_MEASUREMENT_UUID, ("notify",), 0x0012),
            SimCharacteristic(BODY_SENSOR_LOCATION_UUID, ("read",), 0x0015),
        )
        self._services = (SimService(HEART_RATE_SERVICE_UUID, 0x0010, chars),)
        self._link = DeviceLink(name, chars)
        self._bpm = resting_bpm
        self._energy_kj = 0.0
        self._t_last: float | None = None
        self._contact = True
        self._closed = False
        self._tick_timer: asyncio.TimerHandle | None = None
        self._faults = FaultSchedule(self, FAULTS)
        self._sent = 0
        self.notifications: list[bytes] = []  # every packet sent (tests and demos look)

    # ---- identity ---------------------------------------------------------------------

    def advertisement(self) -> SimAdvertisement:
        """Advertises the Heart Rate Service and its name, like a chest strap."""
        return SimAdvertisement(
            local_name=self.name,
            service_uuids=[HEART_RATE_SERVICE_UUID],
            service_data={},
            manufacturer_data={},
            rssi=self.rssi,
            tx_power=None,
        )

    def services(self) -> tuple[SimService, ...]:
        """The GATT table: the Heart Rate Service."""
        return self._services

    # ---- the model ----------------------------------------------------------------------

    @property
    def direction(self) -> str:
        """ "forward" or "backward": which way the runner faces (set by the session)."""
        return "backward" if self.backward else "forward"

    @direction.setter
    def direction(self, value: str) -> None:
        self._advance()
        self.backward = value == "backward"

    def face(self, direction: str) -> None:
        """The runner now faces ``direction`` ("forward" or "backward")."""
        self.direction = direction

    def on_session_event(self, event: Mapping[str, Any]) -> None:
        """Follow the session's phase events (the engine's event dicts) for the direction."""
        if event.get("type") == "phase":
            self.direction = str(event.get("direction", "forward"))

    @property
    def heart_rate_bpm(self) -> float:
        """The runner's modelled heart rate now."""
        self._advance()
        return self._bpm

    def target_bpm(self) -> float:
        """Where the heart rate is heading for the current effort."""
        speed = incline = 0.0
        if self.treadmill is not None:
            speed = self.treadmill.belt_speed_kmh
            incline = self.treadmill.incline_pct
        return steady_state_bpm(
            speed,
            incline,
            self.backward,
            resting_bpm=self.resting_bpm,
            max_bpm=self.max_bpm,
            vo2max=self.vo2max,
        )

    def _advance(self) -> None:
        """First-order lag toward the target, up to the loop's current time (in steps of at
        most a second, so a changing belt speed is followed)."""
        now = asyncio.get_running_loop().time()
        if self._t_last is None:
            self._t_last = now
            return
        dt = now - self._t_last
        if dt <= 0:
            return
        self._t_last = now
        target = self.target_bpm()
        steps = max(1, math.ceil(dt / NOTIFY_INTERVAL_S))
        step = dt / steps
        for _ in range(steps):
            self._bpm += (target - self._bpm) * (1 - math.exp(-step / self.time_constant_s))
        # kJ: a rough 20 kJ/min at 150 bpm, scaled with the heart-rate reserve used
        reserve = max(0.0, (self._bpm - self.resting_bpm) / (self.max_bpm - self.resting_bpm))
        self._energy_kj += dt / 60 * (5 + 25 * reserve)

    # ---- link (the device-level API the bleak sim backend serves) ------------------------

    @property
    def connected(self) -> bool:
        """True while a client is connected."""
        return self._link.connected

    @property
    def link_up(self) -> bool:
        """False while a drop_link fault keeps the strap unreachable."""
        return self._link.up

    async def connect(self) -> None:
        """Accept a connection; raises SimLinkDown while the strap is out of reach."""
        if self.radio_delay_s > 0:
            await asyncio.sleep(self.radio_delay_s)
        if self._closed:
            raise SimLinkDown(f"{self.name} is switched off")
        if not self._link.up:
            raise SimLinkDown(f"{self.name} does not answer (out of range)")
        self._advance()
        self._link.connected = True
        self._arm_tick()

    async def disconnect(self) -> None:
        """Client-initiated disconnect."""
        if self.radio_delay_s > 0:
            await asyncio.sleep(self.radio_delay_s)
        self._link.end_connection()

    def set_disconnect_callback(self, cb: Callable[[], None] | None) -> None:
        """``cb`` is called when the strap drops the link on its own."""
        self._link.set_disconnect_callback(cb)

    async def read(self, uuid: str) -> bytes:
        """Read Body Sensor Location (the only readable characteristic)."""
        self._link.require()
        char = self._link.char(uuid)
        if "read" not in char.properties:
            raise SimAttError(ATT_READ_NOT_PERMITTED)
        return bytes([BodySensorLocation.CHEST])

    async def write(self, uuid: str, data: bytes, response: bool = True) -> None:
        """Nothing on the strap is writable (the Heart Rate Control Point is not offered)."""
        self._link.require()
        self._link.char(uuid)
        raise SimAttError(ATT_WRITE_NOT_PERMITTED)

    def set_subscriber(self, uuid: str, cb: Callable[[bytes], None] | None) -> None:
        """Enable (``cb``) or disable (None) Heart Rate Measurement notifications."""
        self._link.subscribe(uuid, cb)

    async def close(self) -> None:
        """Switch the strap off: no more timers."""
        self._closed = True
        self._link.end_connection()
        if self._tick_timer is not None:
            self._tick_timer.cancel()
        self._link.cancel_restore()
        self._faults.cancel_all()

    # ---- notifications -------------------------------------------------------------------

    def _arm_tick(self) -> None:
        # Ticks run from the first connection until close(): the runner's heart keeps
        # following the belt while the strap is out of reach.
        if self._tick_timer is None and not self._closed:
            loop = asyncio.get_running_loop()
            self._tick_timer = loop.call_later(NOTIFY_INTERVAL_S, self._tick)

    def _tick(self) -> None:
        self._tick_timer = None
        try:
            self._notify()
        except Exception:  # a timer callback: log, keep the strap alive
            _LOGGER.exception("virtual strap tick failed")
        self._arm_tick()

    def measurement(self) -> bytes:
        """The Heart Rate Measurement packet the strap would send now."""
        self._advance()
        if not self._contact:
            return encode_heart_rate_measurement(0, contact=SensorContact.NOT_DETECTED)
        bpm = round(self._bpm + self._random.uniform(-self.jitter_bpm, self.jitter_bpm))
        bpm = max(30, min(bpm, 240))
        rr = 60.0 / bpm
        beats = max(1, round(bpm / 60))
        energy = round(self._energy_kj) if self._sent % ENERGY_EVERY == 0 else None
        return encode_heart_rate_measurement(
            bpm, contact=SensorContact.DETECTED, energy_kj=energy, rr_intervals_s=(rr,) * beats
        )

    def _notify(self) -> None:
        cb = self._link.subscribers.get(HEART_RATE_MEASUREMENT_UUID)
        if cb is None or not self._link.connected:
            self._advance()
            return
        packet = self.measurement()
        self._sent += 1
        self.notifications.append(packet)
        try:
            cb(packet)
        except Exception:  # a client callback must not break the device
            _LOGGER.exception("subscriber of the heart rate failed on %s", packet.hex())

    # ---- faults ----------------------------------------------------------------------------

    def schedule(self, fault_name: str, at_s: float, **kw: Any) -> asyncio.TimerHandle:
        """Run fault ``fault_name`` (one of FAULTS) at loop time ``at_s``."""
        return self._faults.add(asyncio.get_running_loop(), fault_name, at_s, kw)

    def drop_link(self, back_after_s: float | None = None) -> None:
        """The strap goes out of reach now (battery, out of range); back after
        ``back_after_s`` or at ``restore_link``. The runner's heart keeps beating."""
        self._advance()
        self._link.drop(back_after_s)

    def restore_link(self) -> None:
        """The strap can be reached again (the client must connect again)."""
        self._link.restore()

    def lose_contact(self) -> None:
        """The strap slips or dries: it reports no skin contact and 0 bpm."""
        self._contact = False

    def restore_contact(self) -> None:
        """Skin contact is back."""
        self._contact = True

    def send_raw(self, data: bytes) -> None:
        """One notification with exactly ``data`` (a malformed packet, a vendor's quirk)."""
        cb = self._link.subscribers.get(HEART_RATE_MEASUREMENT_UUID)
        if cb is not None and self._link.connected:
            cb(bytes(data))
