"""The virtual treadmill: an FTMS GATT server model that speaks the spec's bytes (or a real
machine's quirks, per :class:`~treadmill_ctl.sim.profiles.SimProfile`), with belt physics,
injectable faults and a raw traffic log.

Device level only: bytes in, bytes out, no bleak types. ``sim.bleak_backend`` serves it to
bleak and pyftms. Everything runs on the asyncio loop's clock (looptime-friendly).
"""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import heapq
import itertools
import logging
import math
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from treadmill_ctl.errors import LinkError, TreadmillError
from treadmill_ctl.ftms.traffic import DEFAULT_MAX_LINES, TrafficKind, TrafficLog
from treadmill_ctl.sim import gatt
from treadmill_ctl.sim.faults import FaultSchedule
from treadmill_ctl.sim.gatt import (
    CONTROL_POINT,
    MACHINE_STATUS,
    TRAINING_STATUS,
    TREADMILL_DATA,
    DataSnapshot,
    SimAdvertisement,
    SimCharacteristic,
    SimService,
    normalize_uuid,
)
from treadmill_ctl.sim.physics import Belt
from treadmill_ctl.sim.profiles import (
    BUILTIN_PROFILES,
    BusyWrites,
    ControlPolicy,
    IdleRecords,
    OffStep,
    OutOfRange,
    RememberTarget,
    RepeatedStop,
    RepeatRequestControl,
    SimProfile,
    SpeedWhenStopped,
    StartWhileRunning,
    StatusOrder,
)
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit

logger = logging.getLogger(__name__)

# ATT error codes the device answers with.
ATT_READ_NOT_PERMITTED: Final = 0x02
ATT_WRITE_NOT_PERMITTED: Final = 0x03
ATT_ATTRIBUTE_NOT_FOUND: Final = 0x0A
ATT_INVALID_LENGTH: Final = 0x0D
ATT_CCCD_IMPROPERLY_CONFIGURED: Final = 0xFD
ATT_PROCEDURE_IN_PROGRESS: Final = 0xFE

_ATT_NAMES: Final = {
    ATT_READ_NOT_PERMITTED: "read not permitted",
    ATT_WRITE_NOT_PERMITTED: "write not permitted",
    ATT_ATTRIBUTE_NOT_FOUND: "attribute not found",
    ATT_INVALID_LENGTH: "invalid attribute value length",
    ATT_CCCD_IMPROPERLY_CONFIGURED: "client characteristic configuration improperly configured",
    ATT_PROCEDURE_IN_PROGRESS: "procedure already in progress",
}


class SimAttError(TreadmillError):
    """The virtual device answered a read or write with an ATT error (``code``)."""

    def __init__(self, code: int, message: str = "") -> None:
        name = _ATT_NAMES.get(code, "error")
        super().__init__(message or f"ATT error 0x{code:02x}: {name}")
        self.code = code


class SimLinkDown(LinkError):
    """The virtual link is down: not connected, or dropped by a fault."""


class BeltState(enum.StrEnum):
    """Workout state of the virtual treadmill."""

    IDLE = "idle"
    STARTING = "starting"  # Start accepted, belt not moving yet (start delay)
    RUNNING = "running"
    PAUSED = "paused"
    STOPPING = "stopping"  # belt ramping down after Stop
    STOPPED = "stopped"  # post-workout, belt still


class _StartAction(enum.Enum):
    BEGIN = "begin"  # new workout: counters reset
    RESUME = "resume"
    ALREADY = "already"  # per profile: 04, success, or toggle pause


class _StopAction(enum.Enum):
    HALT = "halt"
    ALREADY = "already"  # per profile: success or 04
    FAIL = "fail"


# The state machine, as tables: what Start, Stop (08 01) and Pause (08 02) do in each state.
_ON_START: Final[dict[BeltState, _StartAction]] = {
    BeltState.IDLE: _StartAction.BEGIN,
    BeltState.STOPPED: _StartAction.BEGIN,
    BeltState.STOPPING: _StartAction.BEGIN,
    BeltState.PAUSED: _StartAction.RESUME,
    BeltState.STARTING: _StartAction.ALREADY,
    BeltState.RUNNING: _StartAction.ALREADY,
}
_ON_STOP: Final[dict[BeltState, _StopAction]] = {
    BeltState.RUNNING: _StopAction.HALT,
    BeltState.STARTING: _StopAction.HALT,
    BeltState.PAUSED: _StopAction.HALT,
    BeltState.STOPPING: _StopAction.ALREADY,
    BeltState.STOPPED: _StopAction.ALREADY,
    BeltState.IDLE: _StopAction.ALREADY,
}
_ON_PAUSE: Final[dict[BeltState, _StopAction]] = {
    BeltState.RUNNING: _StopAction.HALT,
    BeltState.STARTING: _StopAction.HALT,
    BeltState.PAUSED: _StopAction.ALREADY,
    BeltState.STOPPING: _StopAction.FAIL,
    BeltState.STOPPED: _StopAction.FAIL,
    BeltState.IDLE: _StopAction.FAIL,
}
_BELT_DRIVEN: Final = frozenset({BeltState.RUNNING})
_WORKOUT_CLOCK_RUNS: Final = frozenset({BeltState.RUNNING})

FAULTS: Final = frozenset(
    {
        "drop_link",
        "restore_link",
        "pull_safety_key",
        "insert_safety_key",
        "revoke_control",
        "console_start",
        "console_stop",
        "console_pause",
        "console_set_speed",
        "swallow_next_command",
        "send_malformed",
        "stop_data",
        "resume_data",
        "lose_data_subscription",
        "console_stop_at_next_start",
        "change_profile",
    }
)
"""Names :meth:`VirtualTreadmill.schedule` accepts."""

type Packet = tuple[str, bytes]  # (uuid, payload)


@dataclass(order=True)
class _Outgoing:
    due: float
    seq: int
    uuid: str
    data: bytes
    indication: bool


class VirtualTreadmill:
    """One virtual FTMS treadmill (GATT server side).

    All methods must be called on the event loop thread. Observable state (``belt_speed_kmh``,
    ``state``, ...) is brought up to the loop's current time when read.
    """

    def __init__(
        self,
        profile: SimProfile | None = None,
        *,
        name: str = "Virtual Treadmill",
        address: str = "5A:11:00:00:00:01",
        traffic_max_lines: int = DEFAULT_MAX_LINES,
    ) -> None:
        self.profile: SimProfile = profile or BUILTIN_PROFILES["ideal"]
        self.name = name
        self.address = address
        self.traffic = TrafficLog(traffic_max_lines)
        self.control_writes: list[tuple[float, bytes]] = []
        self.on_control_write: Callable[[float, bytes], None] | None = None
        # The heart rate the console reports (hand grips, or a strap paired with the console),
        # in profiles whose Treadmill Data has the field; 0 is "none", as consoles send.
        self.heart_rate_bpm = 0

        p = self.profile
        self._services = gatt.build_services(p)
        self._chars: dict[str, SimCharacteristic] = {
            c.uuid: c for s in self._services for c in s.characteristics
        }
        self._belt = Belt(
            accel_kmh_s=p.accel_kmh_s,
            decel_kmh_s=p.decel_kmh_s,
            incline_rate_pct_s=p.incline_rate_pct_s,
        )
        self._state = BeltState.IDLE
        self._training = gatt.TRAINING_IDLE
        self._target_kmh = 0.0  # what the belt runs at while RUNNING
        self._pending_kmh: float | None = None  # set before the belt runs
        self._target_incline = 0.0
        self._distance_m = 0.0
        self._elapsed_s = 0.0
        self._energy_kcal = 0.0
        self._steps_f = 0.0
        self._hard_stop = False
        self._safety_key_in = True

        self._loop: asyncio.AbstractEventLoop | None = None
        self._t0: float | None = None
        self._t_last: float | None = None  # physics integrated up to this loop time
        self._try_bind_loop()

        # link
        self._link_up = True
        self._connected = False
        self._connected_at = 0.0
        self._last_activity = 0.0
        self._subscribers: dict[str, Callable[[bytes], None]] = {}
        self._disconnect_cb: Callable[[], None] | None = None
        self._has_control = False
        self._revoked = False
        self._swallow: list[bool] = []  # one entry per swallowed command: apply it?
        self._stop_before_start: Callable[[], None] | None = None  # console stop racing Start
        self._outbox: list[_Outgoing] = []
        self._seq = itertools.count()
        self._outbox_timer: asyncio.TimerHandle | None = None
        self._pending_indications = 0
        self._record_count = 0
        self._data_quiet_until = -math.inf  # stop_data(): no Treadmill Data before this time

        self._tick_timer: asyncio.TimerHandle | None = None
        self._next_tick = 0.0
        self._start_timer: asyncio.TimerHandle | None = None
        self._restore_timer: asyncio.TimerHandle | None = None
        self._faults = FaultSchedule(self, FAULTS)
        self._closed = False

    # ---- identity ---------------------------------------------------------------------

    def advertisement(self) -> SimAdvertisement:
        """What the device advertises (FTMS service data per the profile's advert variant)."""
        return gatt.build_advertisement(self.profile, self.name)

    def services(self) -> tuple[SimService, ...]:
        """The GATT table: FTMS and Device Information."""
        return self._services

    # ---- clock --------------------------------------------------------------------------

    def _try_bind_loop(self) -> None:
        if self._loop is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._loop = loop
        now = loop.time()
        self._t0 = now
        self._t_last = now

    def _bound_loop(self) -> asyncio.AbstractEventLoop:
        self._try_bind_loop()
        if self._loop is None:
            raise RuntimeError("the virtual treadmill needs a running event loop")
        return self._loop

    def _now(self) -> float:
        return self._bound_loop().time()

    def device_time(self) -> float:
        """Seconds since the device was created (the traffic log's clock)."""
        loop = self._bound_loop()
        assert self._t0 is not None
        return loop.time() - self._t0

    def _advance(self) -> None:
        """Integrate the physics up to now (called before every change and every read)."""
        self._try_bind_loop()
        if self._loop is None or self._t_last is None:
            return
        now = self._loop.time()
        dt = now - self._t_last
        if dt <= 0:
            return
        self._t_last = now
        b = self._belt
        if self._state in _BELT_DRIVEN:
            b.target_kmh = self._target_kmh
            b.decel_kmh_s = self.profile.decel_kmh_s
        else:
            b.target_kmh = 0.0
            b.decel_kmh_s = (
                self.profile.safety_decel_kmh_s
                if self._hard_stop
                else self.profile.stop_decel_kmh_s
            )
        b.target_incline_pct = self._target_incline
        moved = b.advance(dt)
        self._distance_m += moved
        self._steps_f += moved / self.profile.stride_m
        climb_factor = 1.0 + max(0.0, b.incline_pct) / 10
        self._energy_kcal += moved / 1000 * self.profile.kcal_per_km * climb_factor
        if self._state in _WORKOUT_CLOCK_RUNS:
            self._elapsed_s += dt
        if not b.moving:
            self._hard_stop = False
            if self._state is BeltState.STOPPING:
                self._state = BeltState.STOPPED

    # ---- observable state -----------------------------------------------------------------

    @property
    def belt_speed_kmh(self) -> float:
        """Actual belt speed (km/h)."""
        self._advance()
        return self._belt.speed_kmh

    @property
    def target_speed_kmh(self) -> float:
        """Speed the belt runs to (km/h): the running target, or the pending one before Start."""
        if self._state in (BeltState.RUNNING, BeltState.PAUSED):
            return self._target_kmh
        return self._pending_kmh if self._pending_kmh is not None else 0.0

    @property
    def incline_pct(self) -> float:
        self._advance()
        return self._belt.incline_pct

    @property
    def target_incline_pct(self) -> float:
        return self._target_incline

    @property
    def distance_m(self) -> float:
        self._advance()
        return self._distance_m

    @property
    def elapsed_s(self) -> float:
        self._advance()
        return self._elapsed_s

    @property
    def energy_kcal(self) -> float:
        self._advance()
        return self._energy_kcal

    @property
    def steps(self) -> int:
        self._advance()
        return int(self._steps_f)

    @property
    def state(self) -> BeltState:
        self._advance()
        return self._state

    @property
    def has_control(self) -> bool:
        return self._has_control

    @property
    def safety_key_in(self) -> bool:
        return self._safety_key_in

    @property
    def link_up(self) -> bool:
        """False while a link-drop fault keeps the device unreachable."""
        return self._link_up

    @property
    def connected(self) -> bool:
        return self._connected

    # ---- link -------------------------------------------------------------------------------

    async def connect(self) -> None:
        """Accept a connection; raises SimLinkDown while a link-drop fault is active."""
        self._bound_loop()
        if self._closed:
            raise SimLinkDown(f"{self.name} is switched off")
        if not self._link_up:
            raise SimLinkDown(f"{self.name} does not answer (link down)")
        if self._connected:
            return
        if self.profile.att_delay_s:
            await asyncio.sleep(self.profile.att_delay_s)
            if not self._link_up:
                raise SimLinkDown(f"{self.name} does not answer (link down)")
        self._connected = True
        now = self._now()
        self._connected_at = now
        self._last_activity = now
        self._arm_ticks()

    async def disconnect(self) -> None:
        """Client-initiated disconnect: subscriptions and control permission end."""
        self._drop_connection()

    def set_disconnect_callback(self, cb: Callable[[], None] | None) -> None:
        """``cb`` is called when the device drops the link (faults), not on disconnect()."""
        self._disconnect_cb = cb

    def _drop_connection(self) -> None:
        self._connected = False
        self._subscribers.clear()
        self._has_control = False
        self._revoked = False
        # Queued notifications die with the link: a split record loses its tail.
        self._outbox.clear()
        self._pending_indications = 0
        if self._outbox_timer is not None:
            self._outbox_timer.cancel()
            self._outbox_timer = None

    def _require_link(self) -> None:
        if not self._link_up or not self._connected:
            raise SimLinkDown(f"{self.name} is not connected")

    def _char(self, uuid: str) -> SimCharacteristic:
        char = self._chars.get(normalize_uuid(uuid))
        if char is None:
            raise SimAttError(ATT_ATTRIBUTE_NOT_FOUND, f"no characteristic {uuid}")
        return char

    async def read(self, uuid: str) -> bytes:
        """Read a characteristic's value."""
        self._require_link()
        char = self._char(uuid)
        if self.profile.att_delay_s:
            await asyncio.sleep(self.profile.att_delay_s)
            self._require_link()
        if "read" not in char.properties:
            raise SimAttError(ATT_READ_NOT_PERMITTED)
        value = self._value_of(char.uuid)
        self.traffic.record(self.device_time(), TrafficKind.READ, char.uuid, value)
        return value

    def _value_of(self, uuid: str) -> bytes:
        p = self.profile
        match uuid:
            case gatt.FEATURE:
                return gatt.feature_bytes(p)
            case gatt.SPEED_RANGE:
                return gatt.speed_range_bytes(p)
            case gatt.INCLINE_RANGE:
                return gatt.incline_range_bytes(p)
            case gatt.TRAINING_STATUS:
                return gatt.training_status_bytes(p, self._training)
            case gatt.MANUFACTURER_NAME:
                return p.manufacturer.encode()
            case gatt.MODEL_NUMBER:
                return p.model.encode()
            case gatt.SERIAL_NUMBER:
                return p.serial.encode()
            case gatt.FIRMWARE_REVISION:
                return p.firmware.encode()
        raise SimAttError(ATT_READ_NOT_PERMITTED)  # pragma: no cover

    async def write(self, uuid: str, data: bytes, response: bool = True) -> None:
        """Write a characteristic. For the control point: returns once the write is
        acknowledged; the response indication comes later through the subscriber."""
        self._require_link()
        char = self._char(uuid)
        if self.profile.att_delay_s:
            await asyncio.sleep(self.profile.att_delay_s)
            self._require_link()
        data = bytes(data)
        self.traffic.record(self.device_time(), TrafficKind.WRITE, char.uuid, data)
        # A write command to a characteristic without that property would be dropped by a
        # real server; the simulation says so loudly instead.
        needed = "write" if response else "write-without-response"
        if needed not in char.properties:
            raise SimAttError(ATT_WRITE_NOT_PERMITTED)
        if char.uuid == CONTROL_POINT:
            self._control_point_write(data)

    def set_subscriber(self, uuid: str, cb: Callable[[bytes], None] | None) -> None:
        """Enable (``cb``) or disable (None) notifications/indications of a characteristic."""
        char = self._char(uuid)
        if not ({"notify", "indicate"} & set(char.properties)):
            raise SimAttError(ATT_WRITE_NOT_PERMITTED, f"{uuid} cannot notify or indicate")
        if cb is None:
            self._subscribers.pop(char.uuid, None)
        else:
            self._require_link()
            self._subscribers[char.uuid] = cb
            self._arm_ticks()

    async def close(self) -> None:
        """Switch the device off: stop the data ticks and every timer."""
        self._closed = True
        self._drop_connection()
        for handle in (self._start_timer, self._restore_timer, self._tick_timer):
            if handle is not None:
                handle.cancel()
        self._tick_timer = None
        self._faults.cancel_all()

    # ---- outgoing packets ---------------------------------------------------------------------

    def _send(self, packets: list[Packet], delay: float = 0.0, *, indication: bool = False) -> None:
        """Queue packets for delivery ``delay`` s from now, in order."""
        if not self._connected:
            return
        due = self._now() + delay
        for uuid, data in packets:
            item = _Outgoing(due, next(self._seq), uuid, data, indication)
            heapq.heappush(self._outbox, item)
            if indication:
                self._pending_indications += 1
        self._arm_outbox()

    def _arm_outbox(self) -> None:
        if not self._outbox:
            return
        first = self._outbox[0].due
        timer = self._outbox_timer
        if timer is not None and timer.when() <= first:
            return
        if timer is not None:
            timer.cancel()
        self._outbox_timer = self._bound_loop().call_at(first, self._flush_outbox)

    def _flush_outbox(self) -> None:
        self._outbox_timer = None
        now = self._now()
        while self._outbox and self._outbox[0].due <= now and self._connected:
            item = heapq.heappop(self._outbox)
            if item.indication:
                self._pending_indications -= 1
            self._deliver(item.uuid, item.data, indication=item.indication)
        self._arm_outbox()

    def _deliver(self, uuid: str, data: bytes, *, indication: bool = False) -> None:
        """Hand one notification/indication to the subscriber (dropped when not subscribed)."""
        cb = self._subscribers.get(uuid)
        if cb is None or not self._connected:
            return
        kind = TrafficKind.INDICATE if indication else TrafficKind.NOTIFY
        self.traffic.record(self.device_time(), kind, uuid, data)
        try:
            cb(data)
        except Exception:  # a client callback must not break the device
            logger.exception("subscriber of %s failed on %s", uuid, data.hex())

    # ---- control point ------------------------------------------------------------------------

    def _control_point_write(self, data: bytes) -> None:
        now = self._now()
        self.control_writes.append((now, data))
        hook = self.on_control_write
        if hook is not None:
            try:
                hook(now, data)
            except Exception:
                logger.exception("on_control_write hook failed")
        if CONTROL_POINT not in self._subscribers:
            raise SimAttError(ATT_CCCD_IMPROPERLY_CONFIGURED)
        if self._pending_indications > 0 and self.profile.busy_writes is BusyWrites.REJECT:
            raise SimAttError(ATT_PROCEDURE_IN_PROGRESS)
        if not data:
            raise SimAttError(ATT_INVALID_LENGTH)
        self._last_activity = now
        if data[0] == gatt.OP_START and self._stop_before_start is not None:
            self._console_stop_racing_start()
        apply = True
        answer = True
        if self._swallow:
            apply = self._swallow.pop(0)
            answer = False
        if not apply:
            logger.debug("virtual treadmill swallows %s", data.hex())
            return
        self._advance()
        op = data[0]
        result, packets = self._execute(op, data[1:])
        p = self.profile
        ind_delay = p.indication_delay_s
        if p.status_order is StatusOrder.NONE:
            packets = [pk for pk in packets if pk[0] != MACHINE_STATUS]
        before = p.status_order is StatusOrder.BEFORE
        if before:
            self._send(packets)
        if answer:
            self._send(
                [(CONTROL_POINT, bytes([gatt.OP_RESPONSE, op, result]))], ind_delay, indication=True
            )
        if not before:
            self._send(packets, ind_delay)

    def _needs_control(self, op: int) -> bool:
        if op == gatt.OP_REQUEST_CONTROL:
            return False
        return self._revoked or self.profile.control is not ControlPolicy.NOT_NEEDED

    def _execute(self, op: int, param: bytes) -> tuple[int, list[Packet]]:
        """Run one control-point op: (result code, the status packets it causes, in order)."""
        known = op in (
            gatt.OP_REQUEST_CONTROL,
            gatt.OP_RESET,
            gatt.OP_SET_SPEED,
            gatt.OP_SET_INCLINE,
            gatt.OP_START,
            gatt.OP_STOP_PAUSE,
        )
        if not known:
            return gatt.RESULT_NOT_SUPPORTED, []
        if op == gatt.OP_REQUEST_CONTROL:
            return self._op_request_control(param), []
        if self._needs_control(op) and not self._has_control:
            return gatt.RESULT_NOT_PERMITTED, []
        if self.profile.control is ControlPolicy.EVERY_COMMAND:
            self._has_control = False  # used up: ask again before the next command
        match op:
            case gatt.OP_RESET:
                return self._op_reset(param)
            case gatt.OP_SET_SPEED:
                return self._op_set_speed(param)
            case gatt.OP_SET_INCLINE:
                return self._op_set_incline(param)
            case gatt.OP_START:
                return self._op_start(param)
            case _:
                return self._op_stop_pause(param)

    def _op_request_control(self, param: bytes) -> int:
        if param:
            return gatt.RESULT_INVALID_PARAMETER
        if self._has_control and self.profile.repeat_request_control is RepeatRequestControl.FAIL:
            return gatt.RESULT_FAILED
        self._has_control = True
        self._revoked = False
        return gatt.RESULT_SUCCESS

    def _op_reset(self, param: bytes) -> tuple[int, list[Packet]]:
        if param:
            return gatt.RESULT_INVALID_PARAMETER, []
        self._cancel_start()
        self._state = BeltState.IDLE
        self._pending_kmh = None
        self._reset_counters()
        self._has_control = False
        self._revoked = False
        self._training = gatt.TRAINING_IDLE
        return gatt.RESULT_SUCCESS, [self._status(gatt.STATUS_RESET), self._training_packet()]

    def _op_start(self, param: bytes) -> tuple[int, list[Packet]]:
        if param:
            return gatt.RESULT_INVALID_PARAMETER, []
        if not self._safety_key_in:
            return gatt.RESULT_FAILED, []
        action = _ON_START[self._state]
        if action is _StartAction.ALREADY:
            match self.profile.start_while_running:
                case StartWhileRunning.FAIL:
                    return gatt.RESULT_FAILED, []
                case StartWhileRunning.SUCCESS:
                    return gatt.RESULT_SUCCESS, []
                case StartWhileRunning.TOGGLE_PAUSE:
                    self._pause()
                    return gatt.RESULT_SUCCESS, [self._paused_status()]
        return gatt.RESULT_SUCCESS, self._begin(resume=action is _StartAction.RESUME)

    def _op_stop_pause(self, param: bytes) -> tuple[int, list[Packet]]:
        if len(param) != 1 or param[0] not in (0x01, 0x02):
            return gatt.RESULT_INVALID_PARAMETER, []
        stop = param[0] == 0x01
        action = (_ON_STOP if stop else _ON_PAUSE)[self._state]
        if action is _StopAction.FAIL:
            return gatt.RESULT_FAILED, []
        if action is _StopAction.ALREADY:
            if self.profile.repeated_stop is RepeatedStop.FAIL:
                return gatt.RESULT_FAILED, []
            return gatt.RESULT_SUCCESS, []
        if stop and self.profile.stop_speeds_up and self._state is BeltState.RUNNING:
            top = self._console_to_kmh(self.profile.speed_max)
            self._target_kmh = min(self._target_kmh + 1.0, top)
            return gatt.RESULT_SUCCESS, []
        if stop:
            # post-workout first, then "stopped by user" (the CS-WP8 capture's order)
            return gatt.RESULT_SUCCESS, [*self._halt(), self._stopped_status()]
        self._pause()
        return gatt.RESULT_SUCCESS, [self._paused_status()]

    def _op_set_speed(self, param: bytes) -> tuple[int, list[Packet]]:
        if len(param) != 2:
            return gatt.RESULT_INVALID_PARAMETER, []
        raw = struct.unpack("<H", param)[0]
        p = self.profile
        applied = self._setpoint(raw, p.speed_min * 100, p.speed_max * 100, p.speed_step * 100)
        if isinstance(applied, _Rejected):
            return applied.result, []
        if applied is None:  # accepted and ignored
            return gatt.RESULT_SUCCESS, []
        kmh = self._console_to_kmh(applied / 100)
        paused = self._state is BeltState.PAUSED
        if self._state is BeltState.RUNNING or (
            paused and p.speed_when_paused is SpeedWhenStopped.PENDING
        ):
            self._target_kmh = kmh
        else:
            match p.speed_when_paused if paused else p.speed_when_stopped:
                case SpeedWhenStopped.REJECT:
                    return gatt.RESULT_FAILED, []
                case SpeedWhenStopped.IGNORE:
                    return gatt.RESULT_SUCCESS, []
                case SpeedWhenStopped.PENDING:
                    self._pending_kmh = kmh
        status = self._status(gatt.STATUS_TARGET_SPEED, struct.pack("<H", applied))
        return gatt.RESULT_SUCCESS, [status]

    def _op_set_incline(self, param: bytes) -> tuple[int, list[Packet]]:
        p = self.profile
        if not p.incline_supported:
            return gatt.RESULT_NOT_SUPPORTED, []
        if len(param) != 2:
            return gatt.RESULT_INVALID_PARAMETER, []
        raw = struct.unpack("<h", param)[0]
        applied = self._setpoint(raw, p.incline_min * 10, p.incline_max * 10, p.incline_step * 10)
        if isinstance(applied, _Rejected):
            return applied.result, []
        if applied is None:
            return gatt.RESULT_SUCCESS, []
        self._target_incline = applied / 10
        status = self._status(gatt.STATUS_TARGET_INCLINE, struct.pack("<h", applied))
        return gatt.RESULT_SUCCESS, [status]

    def _setpoint(
        self, raw: int, lo_f: float, hi_f: float, step_f: float
    ) -> int | _Rejected | None:
        """Apply the profile's range and step policies to a wire value (integer units).
        Returns the applied wire value, None (accepted, ignored) or a rejection."""
        lo, hi, step = round(lo_f), round(hi_f), max(1, round(step_f))
        p = self.profile
        if raw < lo or raw > hi:
            match p.out_of_range:
                case OutOfRange.REJECT:
                    return _Rejected(gatt.RESULT_INVALID_PARAMETER)
                case OutOfRange.IGNORE:
                    return None
                case OutOfRange.CLAMP:
                    raw = min(max(raw, lo), hi)
        off = (raw - lo) % step
        if off:
            match p.off_step:
                case OffStep.REJECT:
                    return _Rejected(gatt.RESULT_INVALID_PARAMETER)
                case OffStep.EXACT:
                    pass
                case OffStep.TRUNCATE:
                    raw -= off
                case OffStep.ROUND:
                    raw = raw - off + (step if 2 * off >= step else 0)
                    if raw > hi:
                        raw -= step
        return raw

    def _console_to_kmh(self, value: float) -> float:
        if self.profile.speed_unit is SpeedUnit.MPH:
            return value * KMH_PER_MPH
        return value

    def _kmh_to_console_raw(self, kmh: float) -> int:
        if self.profile.speed_unit is SpeedUnit.MPH:
            kmh /= KMH_PER_MPH
        return max(0, min(0xFFFF, round(kmh * 100)))

    # ---- state changes (shared by commands and the console) ---------------------------------

    def _status(self, op: int, param: bytes = b"") -> Packet:
        return (MACHINE_STATUS, gatt.machine_status_bytes(self.profile, op, param))

    def _stopped_status(self) -> Packet:
        return self._status(gatt.STATUS_STOPPED_OR_PAUSED, b"\x01")

    def _paused_status(self) -> Packet:
        return self._status(gatt.STATUS_STOPPED_OR_PAUSED, b"\x02")

    def _training_packet(self) -> Packet:
        return (TRAINING_STATUS, gatt.training_status_bytes(self.profile, self._training))

    def _reset_counters(self) -> None:
        self._distance_m = 0.0
        self._elapsed_s = 0.0
        self._energy_kcal = 0.0
        self._steps_f = 0.0
        self._belt.elevation_gain_m = 0.0
        self._belt.elevation_loss_m = 0.0

    def _begin(self, *, resume: bool) -> list[Packet]:
        """Start (or resume): status 04 and pre-workout now, belt moves after the start delay."""
        if not resume:
            self._reset_counters()
        self._state = BeltState.STARTING
        self._training = gatt.TRAINING_PRE_WORKOUT
        packets = [self._status(gatt.STATUS_STARTED), self._training_packet()]
        self._cancel_start()
        delay = self.profile.start_delay_s
        if delay <= 0:
            self._belt_starts(resume=resume, notify=False)
            packets.append(self._training_packet())
        else:
            self._start_timer = self._bound_loop().call_later(
                delay, self._belt_starts_later, resume
            )
        return packets

    def _belt_starts_later(self, resume: bool) -> None:
        self._start_timer = None
        self._advance()
        if self._state is BeltState.STARTING:
            self._belt_starts(resume=resume, notify=True)

    def _belt_starts(self, *, resume: bool, notify: bool) -> None:
        self._state = BeltState.RUNNING
        self._training = gatt.TRAINING_MANUAL
        remember = self.profile.remember_target
        if self._pending_kmh is not None:
            self._target_kmh = self._pending_kmh
        elif (
            self._target_kmh <= 0
            or remember is RememberTarget.NEVER
            or (not resume and remember is RememberTarget.PAUSE)
        ):
            self._target_kmh = self._console_to_kmh(self.profile.speed_min)
        self._pending_kmh = None
        if notify:
            self._send([self._training_packet()])

    def _cancel_start(self) -> None:
        if self._start_timer is not None:
            self._start_timer.cancel()
            self._start_timer = None

    def _halt(self) -> list[Packet]:
        """Stop: the belt ramps down, post-workout."""
        self._cancel_start()
        self._state = BeltState.STOPPING
        self._pending_kmh = None
        self._training = gatt.TRAINING_POST_WORKOUT
        return [self._training_packet()]

    def _pause(self) -> None:
        self._cancel_start()
        self._state = BeltState.PAUSED

    # ---- data ticks, records ---------------------------------------------------------------------

    def _needs_ticks(self) -> bool:
        """Ticks are only for notifications and profile-driven link drops: the physics itself
        is integrated lazily, so a device nobody listens to costs no wake-ups."""
        p = self.profile
        return self._connected and (
            TREADMILL_DATA in self._subscribers
            or p.link_drop_after_s is not None
            or p.idle_drop_after_s is not None
        )

    def _arm_ticks(self) -> None:
        """Start the tick timer chain if it is needed and not running. A plain timer chain
        rather than a task: one loop wake-up per data period, the cheapest under looptime."""
        if self._tick_timer is not None or self._closed or not self._needs_ticks():
            return
        loop = self._bound_loop()
        self._next_tick = loop.time() + self.profile.data_interval_s
        self._tick_timer = loop.call_at(self._next_tick, self._on_tick)

    def _on_tick(self) -> None:
        self._tick_timer = None
        try:
            self._tick()
        except Exception:  # keep ticking: one bad record must not silence the device
            logger.exception("virtual treadmill tick failed")
        if self._closed or not self._needs_ticks():
            return
        self._next_tick += self.profile.data_interval_s
        self._tick_timer = self._bound_loop().call_at(self._next_tick, self._on_tick)

    def _tick(self) -> None:
        self._advance()
        if not self._connected:
            return
        p = self.profile
        now = self._now()
        if p.link_drop_after_s is not None and now - self._connected_at >= p.link_drop_after_s:
            self.drop_link(p.link_back_after_s)
            return
        idle = not self._belt.moving and self._state in (
            BeltState.IDLE,
            BeltState.STOPPED,
            BeltState.PAUSED,
        )
        if not idle:
            self._last_activity = now
        elif p.idle_drop_after_s is not None and now - self._last_activity >= p.idle_drop_after_s:
            self.drop_link(p.link_back_after_s)
            return
        if TREADMILL_DATA in self._subscribers and now >= self._data_quiet_until:
            self._notify_record(idle)

    def _notify_record(self, idle: bool) -> None:
        p = self.profile
        if idle and p.idle_records is IdleRecords.NONE:
            return
        if idle and p.idle_records is IdleRecords.ALL_ZERO:
            packets = gatt.all_zero_packets(p)
        else:
            self._record_count += 1
            omit = p.vanishing_fields if self._record_count % 2 == 0 else ()
            packets = gatt.treadmill_data_packets(self.snapshot(), p, omit=omit)
        if len(packets) == 1:
            self._deliver(TREADMILL_DATA, packets[0])
            return
        # A split record's packets follow each other closely; a link drop in between loses
        # the tail (and so the record).
        self._deliver(TREADMILL_DATA, packets[0])
        for i, packet in enumerate(packets[1:], start=1):
            self._send([(TREADMILL_DATA, packet)], p.split_gap_s * i)

    def snapshot(self) -> DataSnapshot:
        """The values the next Treadmill Data record would carry."""
        self._advance()
        b = self._belt
        elapsed = self._elapsed_s
        avg = self._distance_m / elapsed * 3.6 if elapsed > 0 else 0.0
        per_hour = b.speed_kmh * self.profile.kcal_per_km
        return DataSnapshot(
            speed_kmh=b.speed_kmh,
            avg_speed_kmh=avg,
            distance_m=self._distance_m,
            incline_pct=b.incline_pct,
            elevation_gain_m=b.elevation_gain_m,
            elevation_loss_m=b.elevation_loss_m,
            energy_kcal=self._energy_kcal,
            energy_per_hour_kcal=per_hour,
            hr_bpm=self.heart_rate_bpm,
            met=1.0 + b.speed_kmh * 0.6 if b.moving else 1.0,
            elapsed_s=elapsed,
            remaining_s=0,
            power_w=0,
            steps=int(self._steps_f),
        )

    # ---- faults ---------------------------------------------------------------------------------

    def schedule(self, fault_name: str, at_s: float, **kw: Any) -> asyncio.TimerHandle:
        """Run fault ``fault_name`` (one of :data:`FAULTS`) with ``kw`` at loop time ``at_s``
        (absolute, as ``loop.time()``). Returns the handle (``.cancel()`` to call it off)."""
        return self._faults.add(self._bound_loop(), fault_name, at_s, kw)

    def drop_link(self, back_after_s: float | None = 5.0) -> None:
        """The device drops the link now; connect() fails until it is back (after
        ``back_after_s``, or :meth:`restore_link` when None). The belt keeps running."""
        self._advance()
        was_connected = self._connected
        self._link_up = False
        self._drop_connection()
        if self._restore_timer is not None:
            self._restore_timer.cancel()
            self._restore_timer = None
        if back_after_s is not None:
            self._restore_timer = self._bound_loop().call_later(back_after_s, self.restore_link)
        if was_connected and self._disconnect_cb is not None:
            try:
                self._disconnect_cb()
            except Exception:
                logger.exception("disconnect callback failed")

    def restore_link(self) -> None:
        """The device can be reached again (the client must connect again)."""
        self._restore_timer = None
        self._link_up = True

    def pull_safety_key(self) -> None:
        """Safety key out: status 03, the belt stops hard, post-workout; Start fails until the
        key is back."""
        self._advance()
        self._safety_key_in = False
        if self._state not in (BeltState.IDLE, BeltState.STOPPED):
            self._cancel_start()
            self._state = BeltState.STOPPING
            self._hard_stop = True
        self._pending_kmh = None
        self._training = gatt.TRAINING_POST_WORKOUT
        self._send([self._status(gatt.STATUS_SAFETY_KEY), self._training_packet()])

    def insert_safety_key(self) -> None:
        """Safety key back in: the machine is idle again (the belt stays still)."""
        self._advance()
        self._safety_key_in = True
        if self._state in (BeltState.STOPPED, BeltState.STOPPING):
            self._training = gatt.TRAINING_IDLE
            self._send([self._training_packet()])

    def revoke_control(self) -> None:
        """Status FF: control permission lost; ops other than 00 answer 05 until Request
        Control (whatever the profile's control policy)."""
        self._has_control = False
        self._revoked = True
        self._send([self._status(gatt.STATUS_CONTROL_LOST)])

    def console_start(self) -> None:
        """Start key on the console: status 04 (not in FTMS for a console, but machines send
        "started by user")."""
        self._advance()
        if not self._safety_key_in or _ON_START[self._state] is _StartAction.ALREADY:
            return
        self._send(self._begin(resume=self._state is BeltState.PAUSED))

    def console_stop(self) -> None:
        """Stop key on the console: 02 01 and the belt ramps down."""
        self._advance()
        training = self._halt() if _ON_STOP[self._state] is _StopAction.HALT else []
        self._send([*training, self._stopped_status()])

    def console_pause(self) -> None:
        """Pause key on the console: 02 02 and the belt ramps down."""
        self._advance()
        if _ON_PAUSE[self._state] is _StopAction.HALT:
            self._pause()
        self._send([self._paused_status()])

    def console_set_speed(self, kmh: float) -> None:
        """Speed keys on the console: 05 + new target; the belt follows."""
        self._advance()
        p = self.profile
        kmh = min(max(kmh, self._console_to_kmh(p.speed_min)), self._console_to_kmh(p.speed_max))
        if self._state in (BeltState.RUNNING, BeltState.PAUSED):
            self._target_kmh = kmh
        else:
            self._pending_kmh = kmh
        raw = self._kmh_to_console_raw(kmh)
        self._send([self._status(gatt.STATUS_TARGET_SPEED, struct.pack("<H", raw))])

    def console_stop_at_next_start(self, on_stop: Callable[[], None] | None = None) -> None:
        """The console's stop key is pressed at the very instant our next Start (07) arrives,
        just before the machine takes it (the worst order of a race); ``on_stop`` is called
        then."""
        self._stop_before_start = on_stop or (lambda: None)

    def _console_stop_racing_start(self) -> None:
        on_stop, self._stop_before_start = self._stop_before_start, None
        self.console_stop()
        if on_stop is not None:
            on_stop()

    def change_profile(self, **changes: Any) -> None:
        """The console behaves differently from now on (a fault: e.g. ``start_delay_s=12`` for
        a belt that starts late, ``remember_target=RememberTarget.ALWAYS``)."""
        self._advance()
        self.profile = dataclasses.replace(self.profile, **changes)

    def swallow_next_command(self, *, apply: bool = False) -> None:
        """The next control-point write is acknowledged but never answered (no indication);
        with ``apply`` the machine still obeys it, otherwise it is lost."""
        self._swallow.append(apply)

    def send_malformed(self, uuid: str | None = None, data: bytes | None = None) -> None:
        """One garbage notification: a truncated Treadmill Data record (default) or Machine
        Status packet, or ``data`` as given."""
        target = normalize_uuid(uuid) if uuid is not None else TREADMILL_DATA
        if data is None:
            data = b"\x84\x24\xc8" if target == TREADMILL_DATA else b"\x05\x96"
        self._send([(target, data)])

    def stop_data(self, for_s: float | None = 10.0) -> None:
        """Treadmill Data stops for ``for_s`` seconds (``None``: until :meth:`resume_data`)
        while the link stays up: a firmware that hangs its data task. The belt keeps doing
        what it was told; commands, statuses and indications go on; re-subscribing does not
        help."""
        self._data_quiet_until = math.inf if for_s is None else self._now() + for_s

    def resume_data(self) -> None:
        """Treadmill Data flows again (after :meth:`stop_data`)."""
        self._data_quiet_until = -math.inf

    def lose_data_subscription(self) -> None:
        """The Treadmill Data subscription is lost (a Bluetooth stack that drops the CCCD)
        while the link stays up: no more records until the client subscribes again. The belt
        keeps doing what it was told."""
        self._subscribers.pop(TREADMILL_DATA, None)


@dataclass(frozen=True, slots=True)
class _Rejected:
    result: int


__all__ = [
    "FAULTS",
    "BeltState",
    "SimAdvertisement",
    "SimAttError",
    "SimCharacteristic",
    "SimLinkDown",
    "SimService",
    "VirtualTreadmill",
]
