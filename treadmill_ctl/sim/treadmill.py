"""The virtual treadmill: an FTMS GATT server that speaks the spec's bytes (or a real machine's
quirks, per :class:`~treadmill_ctl.sim.profiles.SimProfile`), with injectable faults and a raw
traffic log.

Device level only: bytes in, bytes out, no bleak types. ``sim.bleak_backend`` serves it to
bleak and pyftms. Everything runs on the asyncio loop's clock (looptime-friendly). This module
is the GATT side (connections, reads, writes, the data records, the faults); what it sends waits
in ``sim.outbox``; the machine under it is ``sim.workout`` (belt state machine, physics,
counters) and its control point ``sim.control_point``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import math
from collections.abc import Callable
from typing import Any, Final

from treadmill_ctl.ftms.traffic import DEFAULT_MAX_LINES, TrafficKind, TrafficLog
from treadmill_ctl.sim import gatt
from treadmill_ctl.sim.att import (
    ATT_CCCD_IMPROPERLY_CONFIGURED,
    ATT_INVALID_LENGTH,
    ATT_PROCEDURE_IN_PROGRESS,
    ATT_READ_NOT_PERMITTED,
    ATT_WRITE_NOT_PERMITTED,
    SimAttError,
    SimLinkDown,
)
from treadmill_ctl.sim.control_point import ControlPoint
from treadmill_ctl.sim.device_link import DeviceLink
from treadmill_ctl.sim.faults import FaultSchedule
from treadmill_ctl.sim.gatt import (
    CONTROL_POINT,
    MACHINE_STATUS,
    TREADMILL_DATA,
    DataSnapshot,
    Packet,
    SimAdvertisement,
    SimService,
    normalize_uuid,
)
from treadmill_ctl.sim.outbox import Outbox
from treadmill_ctl.sim.profiles import (
    BUILTIN_PROFILES,
    BusyWrites,
    IdleRecords,
    SimProfile,
    StatusOrder,
)
from treadmill_ctl.sim.workout import BeltState, Workout

logger = logging.getLogger(__name__)

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
        profile = profile or BUILTIN_PROFILES["ideal"]
        self.name = name
        self.address = address
        self.traffic = TrafficLog(traffic_max_lines)
        self.control_writes: list[tuple[float, bytes]] = []
        self.on_control_write: Callable[[float, bytes], None] | None = None
        # The heart rate the console reports (hand grips, or a strap paired with the console),
        # in profiles whose Treadmill Data has the field; 0 is "none", as consoles send.
        self.heart_rate_bpm = 0

        self._services = gatt.build_services(profile)
        self._workout = Workout(profile, self._send)
        self._control = ControlPoint(self._workout)
        self._link = DeviceLink(
            name,
            (c for s in self._services for c in s.characteristics),
            on_end=self._connection_ended,
        )
        self._connected_at = 0.0
        self._last_activity = 0.0
        self._swallow: list[bool] = []  # one entry per swallowed command: apply it?
        self._stop_before_start: Callable[[], None] | None = None  # console stop racing Start
        self._outbox = Outbox(self._link, self.traffic, self._workout)
        self._record_count = 0
        self._data_quiet_until = -math.inf  # stop_data(): no Treadmill Data before this time

        self._tick_timer: asyncio.TimerHandle | None = None
        self._next_tick = 0.0
        self._faults = FaultSchedule(self, FAULTS)
        self._closed = False

    # ---- identity ---------------------------------------------------------------------

    @property
    def profile(self) -> SimProfile:
        """How this machine behaves (``change_profile`` changes it)."""
        return self._workout.profile

    def advertisement(self) -> SimAdvertisement:
        """What the device advertises (FTMS service data per the profile's advert variant)."""
        return gatt.build_advertisement(self.profile, self.name)

    def services(self) -> tuple[SimService, ...]:
        """The GATT table: FTMS and Device Information."""
        return self._services

    # ---- clock --------------------------------------------------------------------------

    def _bound_loop(self) -> asyncio.AbstractEventLoop:
        return self._workout.bound_loop()

    def _now(self) -> float:
        return self._workout.now()

    def device_time(self) -> float:
        """Seconds since the device was created (the traffic log's clock)."""
        return self._workout.device_time()

    def _advance(self) -> None:
        """Integrate the physics up to now (called before every change and every read)."""
        self._workout.advance()

    # ---- observable state -----------------------------------------------------------------

    @property
    def belt_speed_kmh(self) -> float:
        """Actual belt speed (km/h)."""
        self._advance()
        return self._workout.belt.speed_kmh

    @property
    def target_speed_kmh(self) -> float:
        """Speed the belt runs to (km/h): the running target, or the pending one before Start."""
        return self._workout.target_speed_kmh

    @property
    def incline_pct(self) -> float:
        self._advance()
        return self._workout.belt.incline_pct

    @property
    def target_incline_pct(self) -> float:
        return self._workout.target_incline

    @property
    def distance_m(self) -> float:
        self._advance()
        return self._workout.distance_m

    @property
    def elapsed_s(self) -> float:
        self._advance()
        return self._workout.elapsed_s

    @property
    def energy_kcal(self) -> float:
        self._advance()
        return self._workout.energy_kcal

    @property
    def steps(self) -> int:
        self._advance()
        return int(self._workout.steps_f)

    @property
    def state(self) -> BeltState:
        self._advance()
        return self._workout.state

    @property
    def has_control(self) -> bool:
        return self._control.has_control

    @property
    def safety_key_in(self) -> bool:
        return self._workout.safety_key_in

    @property
    def link_up(self) -> bool:
        """False while a link-drop fault keeps the device unreachable."""
        return self._link.up

    @property
    def connected(self) -> bool:
        return self._link.connected

    # ---- link -------------------------------------------------------------------------------

    async def connect(self) -> None:
        """Accept a connection; raises SimLinkDown while a link-drop fault is active."""
        self._bound_loop()
        link = self._link
        if self._closed:
            raise SimLinkDown(f"{self.name} is switched off")
        if not link.up:
            raise SimLinkDown(f"{self.name} does not answer (link down)")
        if link.connected:
            return
        if self.profile.att_delay_s:
            await asyncio.sleep(self.profile.att_delay_s)
            if not link.up:
                raise SimLinkDown(f"{self.name} does not answer (link down)")
        link.connected = True
        now = self._now()
        self._connected_at = now
        self._last_activity = now
        self._arm_ticks()

    async def disconnect(self) -> None:
        """Client-initiated disconnect: subscriptions and control permission end."""
        self._link.end_connection()

    def set_disconnect_callback(self, cb: Callable[[], None] | None) -> None:
        """``cb`` is called when the device drops the link (faults), not on disconnect()."""
        self._link.set_disconnect_callback(cb)

    def _connection_ended(self) -> None:
        self._control.forget()
        self._outbox.clear()

    async def _att_delay(self) -> None:
        if self.profile.att_delay_s:
            await asyncio.sleep(self.profile.att_delay_s)
            self._link.require()

    async def read(self, uuid: str) -> bytes:
        """Read a characteristic's value."""
        self._link.require()
        char = self._link.char(uuid)
        await self._att_delay()
        if "read" not in char.properties:
            raise SimAttError(ATT_READ_NOT_PERMITTED)
        value = gatt.read_value(self.profile, self._workout.training, char.uuid)
        if value is None:  # pragma: no cover - every readable characteristic has a value
            raise SimAttError(ATT_READ_NOT_PERMITTED)
        self.traffic.record(self.device_time(), TrafficKind.READ, char.uuid, value)
        return value

    async def write(self, uuid: str, data: bytes, response: bool = True) -> None:
        """Write a characteristic. For the control point: returns once the write is
        acknowledged; the response indication comes later through the subscriber."""
        self._link.require()
        char = self._link.char(uuid)
        await self._att_delay()
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
        self._link.subscribe(uuid, cb)
        if cb is not None:
            self._arm_ticks()

    async def close(self) -> None:
        """Switch the device off: stop the data ticks and every timer."""
        self._closed = True
        self._link.end_connection()
        self._workout.cancel_start()
        self._link.cancel_restore()
        if self._tick_timer is not None:
            self._tick_timer.cancel()
        self._tick_timer = None
        self._faults.cancel_all()

    # ---- outgoing packets ---------------------------------------------------------------------

    def _send(self, packets: list[Packet], delay: float = 0.0, *, indication: bool = False) -> None:
        """Queue packets for delivery ``delay`` s from now, in order."""
        self._outbox.send(packets, delay, indication=indication)

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
        if CONTROL_POINT not in self._link.subscribers:
            raise SimAttError(ATT_CCCD_IMPROPERLY_CONFIGURED)
        if self._outbox.pending_indications > 0 and self.profile.busy_writes is BusyWrites.REJECT:
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
        result, packets = self._control.execute(op, data[1:])
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

    # ---- data ticks, records ---------------------------------------------------------------------

    def _needs_ticks(self) -> bool:
        """Ticks are only for notifications and profile-driven link drops: the physics itself
        is integrated lazily, so a device nobody listens to costs no wake-ups."""
        p = self.profile
        return self._link.connected and (
            TREADMILL_DATA in self._link.subscribers
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
        if not self._link.connected:
            return
        p = self.profile
        now = self._now()
        if p.link_drop_after_s is not None and now - self._connected_at >= p.link_drop_after_s:
            self.drop_link(p.link_back_after_s)
            return
        idle = self._workout.idle
        if not idle:
            self._last_activity = now
        elif p.idle_drop_after_s is not None and now - self._last_activity >= p.idle_drop_after_s:
            self.drop_link(p.link_back_after_s)
            return
        if TREADMILL_DATA in self._link.subscribers and now >= self._data_quiet_until:
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
            self._outbox.deliver(TREADMILL_DATA, packets[0])
            return
        # A split record's packets follow each other closely; a link drop in between loses
        # the tail (and so the record).
        self._outbox.deliver(TREADMILL_DATA, packets[0])
        for i, packet in enumerate(packets[1:], start=1):
            self._send([(TREADMILL_DATA, packet)], p.split_gap_s * i)

    def snapshot(self) -> DataSnapshot:
        """The values the next Treadmill Data record would carry."""
        self._advance()
        return self._workout.snapshot(self.heart_rate_bpm)

    # ---- faults ---------------------------------------------------------------------------------

    def schedule(self, fault_name: str, at_s: float, **kw: Any) -> asyncio.TimerHandle:
        """Run fault ``fault_name`` (one of :data:`FAULTS`) with ``kw`` at loop time ``at_s``
        (absolute, as ``loop.time()``). Returns the handle (``.cancel()`` to call it off)."""
        return self._faults.add(self._bound_loop(), fault_name, at_s, kw)

    def drop_link(self, back_after_s: float | None = 5.0) -> None:
        """The device drops the link now; connect() fails until it is back (after
        ``back_after_s``, or :meth:`restore_link` when None). The belt keeps running."""
        self._advance()
        # the loop the treadmill is bound to: a fault may be called from outside a callback
        self._link.drop(back_after_s, self._bound_loop() if back_after_s is not None else None)

    def restore_link(self) -> None:
        """The device can be reached again (the client must connect again)."""
        self._link.restore()

    def pull_safety_key(self) -> None:
        """Safety key out: status 03, the belt stops hard, post-workout; Start fails until the
        key is back."""
        self._advance()
        self._send(self._workout.pull_safety_key())

    def insert_safety_key(self) -> None:
        """Safety key back in: the machine is idle again (the belt stays still)."""
        self._advance()
        self._send(self._workout.insert_safety_key())

    def revoke_control(self) -> None:
        """Status FF: control permission lost; ops other than 00 answer 05 until Request
        Control (whatever the profile's control policy)."""
        self._control.revoke()
        self._send([self._workout.status(gatt.STATUS_CONTROL_LOST)])

    def console_start(self) -> None:
        """Start key on the console: status 04 (not in FTMS for a console, but machines send
        "started by user")."""
        self._advance()
        self._send(self._workout.console_start())

    def console_stop(self) -> None:
        """Stop key on the console: 02 01 and the belt ramps down."""
        self._advance()
        self._send(self._workout.console_stop())

    def console_pause(self) -> None:
        """Pause key on the console: 02 02 and the belt ramps down."""
        self._advance()
        self._send(self._workout.console_pause())

    def console_set_speed(self, kmh: float) -> None:
        """Speed keys on the console: 05 + new target; the belt follows."""
        self._advance()
        self._send(self._workout.console_set_speed(kmh))

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
        self._workout.profile = dataclasses.replace(self.profile, **changes)

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
        self._link.subscribers.pop(TREADMILL_DATA, None)


__all__ = ["FAULTS", "BeltState", "VirtualTreadmill"]
