"""The virtual treadmill's machine, below its GATT server: the belt's state machine (idle,
starting, running, paused, stopping, stopped: what Start, Stop and Pause do in each state, as
tables), the belt and deck physics integrated on the event loop's clock (``sim.physics``), the
workout counters, the speed units of the console, and the Machine Status / Training Status
packets each change causes. The control point (``sim.control_point``) and the console keys
(``sim.treadmill``'s faults) drive it; it sends only the packets of a change that happens on
its own (the belt starting after the start delay).
"""

from __future__ import annotations

import asyncio
import enum
import struct
from collections.abc import Callable
from typing import Final

from treadmill_ctl.sim import gatt
from treadmill_ctl.sim.gatt import MACHINE_STATUS, TRAINING_STATUS, DataSnapshot, Packet
from treadmill_ctl.sim.physics import Belt
from treadmill_ctl.sim.profiles import RememberTarget, SimProfile
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit

__all__ = ["BeltState", "StartAction", "StopAction", "Workout"]


class BeltState(enum.StrEnum):
    """Workout state of the virtual treadmill."""

    IDLE = "idle"
    STARTING = "starting"  # Start accepted, belt not moving yet (start delay)
    RUNNING = "running"
    PAUSED = "paused"
    STOPPING = "stopping"  # belt ramping down after Stop
    STOPPED = "stopped"  # post-workout, belt still


class StartAction(enum.Enum):
    """What a Start does in a state."""

    BEGIN = "begin"  # new workout: counters reset
    RESUME = "resume"
    ALREADY = "already"  # per profile: 04, success, or toggle pause


class StopAction(enum.Enum):
    """What a Stop or a Pause does in a state."""

    HALT = "halt"
    ALREADY = "already"  # per profile: success or 04
    FAIL = "fail"


# The state machine, as tables: what Start, Stop (08 01) and Pause (08 02) do in each state.
ON_START: Final[dict[BeltState, StartAction]] = {
    BeltState.IDLE: StartAction.BEGIN,
    BeltState.STOPPED: StartAction.BEGIN,
    BeltState.STOPPING: StartAction.BEGIN,
    BeltState.PAUSED: StartAction.RESUME,
    BeltState.STARTING: StartAction.ALREADY,
    BeltState.RUNNING: StartAction.ALREADY,
}
ON_STOP: Final[dict[BeltState, StopAction]] = {
    BeltState.RUNNING: StopAction.HALT,
    BeltState.STARTING: StopAction.HALT,
    BeltState.PAUSED: StopAction.HALT,
    BeltState.STOPPING: StopAction.ALREADY,
    BeltState.STOPPED: StopAction.ALREADY,
    BeltState.IDLE: StopAction.ALREADY,
}
ON_PAUSE: Final[dict[BeltState, StopAction]] = {
    BeltState.RUNNING: StopAction.HALT,
    BeltState.STARTING: StopAction.HALT,
    BeltState.PAUSED: StopAction.ALREADY,
    BeltState.STOPPING: StopAction.FAIL,
    BeltState.STOPPED: StopAction.FAIL,
    BeltState.IDLE: StopAction.FAIL,
}
_BELT_DRIVEN: Final = frozenset({BeltState.RUNNING})
_WORKOUT_CLOCK_RUNS: Final = frozenset({BeltState.RUNNING})
_IDLE_STATES: Final = frozenset({BeltState.IDLE, BeltState.STOPPED, BeltState.PAUSED})


class Workout:
    """The machine of one virtual treadmill with ``profile``. ``send`` delivers the packets of
    a change that happens on a timer (the belt starting after the start delay).

    Observable values are brought up to the loop's current time by :meth:`advance`; the loop
    is the running one when the workout is first used."""

    def __init__(self, profile: SimProfile, send: Callable[[list[Packet]], None]) -> None:
        self.profile = profile
        self._send = send
        self.belt = Belt(
            accel_kmh_s=profile.accel_kmh_s,
            decel_kmh_s=profile.decel_kmh_s,
            incline_rate_pct_s=profile.incline_rate_pct_s,
        )
        self.state = BeltState.IDLE
        self.training = gatt.TRAINING_IDLE
        self.target_kmh = 0.0  # what the belt runs at while RUNNING
        self.pending_kmh: float | None = None  # set before the belt runs
        self.target_incline = 0.0
        self.distance_m = 0.0
        self.elapsed_s = 0.0
        self.energy_kcal = 0.0
        self.steps_f = 0.0
        self.hard_stop = False
        self.safety_key_in = True
        self._start_timer: asyncio.TimerHandle | None = None

        self._loop: asyncio.AbstractEventLoop | None = None
        self._t0: float | None = None
        self._t_last: float | None = None  # physics integrated up to this loop time
        self._try_bind_loop()

    # ---- clock ------------------------------------------------------------------------------

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

    def bound_loop(self) -> asyncio.AbstractEventLoop:
        """The event loop the device lives on (RuntimeError outside one)."""
        self._try_bind_loop()
        if self._loop is None:
            raise RuntimeError("the virtual treadmill needs a running event loop")
        return self._loop

    def now(self) -> float:
        """The loop's time."""
        return self.bound_loop().time()

    def device_time(self) -> float:
        """Seconds since the device was created (the traffic log's clock)."""
        loop = self.bound_loop()
        assert self._t0 is not None
        return loop.time() - self._t0

    def advance(self) -> None:
        """Integrate the physics up to now (called before every change and every read)."""
        self._try_bind_loop()
        if self._loop is None or self._t_last is None:
            return
        now = self._loop.time()
        dt = now - self._t_last
        if dt <= 0:
            return
        self._t_last = now
        b = self.belt
        p = self.profile
        if self.state in _BELT_DRIVEN:
            b.target_kmh = self.target_kmh
            b.decel_kmh_s = p.decel_kmh_s
        else:
            b.target_kmh = 0.0
            b.decel_kmh_s = p.safety_decel_kmh_s if self.hard_stop else p.stop_decel_kmh_s
        b.target_incline_pct = self.target_incline
        moved = b.advance(dt)
        self.distance_m += moved
        self.steps_f += moved / p.stride_m
        climb_factor = 1.0 + max(0.0, b.incline_pct) / 10
        self.energy_kcal += moved / 1000 * p.kcal_per_km * climb_factor
        if self.state in _WORKOUT_CLOCK_RUNS:
            self.elapsed_s += dt
        if not b.moving:
            self.hard_stop = False
            if self.state is BeltState.STOPPING:
                self.state = BeltState.STOPPED

    # ---- what it reports ----------------------------------------------------------------------

    @property
    def target_speed_kmh(self) -> float:
        """Speed the belt runs to (km/h): the running target, or the pending one before Start."""
        if self.state in (BeltState.RUNNING, BeltState.PAUSED):
            return self.target_kmh
        return self.pending_kmh if self.pending_kmh is not None else 0.0

    @property
    def idle(self) -> bool:
        """The belt is still and nothing runs (what a console that drops idle links waits for)."""
        return not self.belt.moving and self.state in _IDLE_STATES

    def snapshot(self, hr_bpm: int) -> DataSnapshot:
        """The values the next Treadmill Data record carries (as of the last advance)."""
        b = self.belt
        elapsed = self.elapsed_s
        avg = self.distance_m / elapsed * 3.6 if elapsed > 0 else 0.0
        per_hour = b.speed_kmh * self.profile.kcal_per_km
        return DataSnapshot(
            speed_kmh=b.speed_kmh,
            avg_speed_kmh=avg,
            distance_m=self.distance_m,
            incline_pct=b.incline_pct,
            elevation_gain_m=b.elevation_gain_m,
            elevation_loss_m=b.elevation_loss_m,
            energy_kcal=self.energy_kcal,
            energy_per_hour_kcal=per_hour,
            hr_bpm=hr_bpm,
            met=1.0 + b.speed_kmh * 0.6 if b.moving else 1.0,
            elapsed_s=elapsed,
            remaining_s=0,
            power_w=0,
            steps=int(self.steps_f),
        )

    def status(self, op: int, param: bytes = b"") -> Packet:
        """A Machine Status packet."""
        return (MACHINE_STATUS, gatt.machine_status_bytes(self.profile, op, param))

    def stopped_status(self) -> Packet:
        """Machine Status "stopped by the user"."""
        return self.status(gatt.STATUS_STOPPED_OR_PAUSED, b"\x01")

    def paused_status(self) -> Packet:
        """Machine Status "paused by the user"."""
        return self.status(gatt.STATUS_STOPPED_OR_PAUSED, b"\x02")

    def target_speed_status(self, raw: int) -> Packet:
        """Machine Status "target speed changed" with the console's value ``raw``."""
        return self.status(gatt.STATUS_TARGET_SPEED, struct.pack("<H", raw))

    def training_packet(self) -> Packet:
        """The current Training Status."""
        return (TRAINING_STATUS, gatt.training_status_bytes(self.profile, self.training))

    # ---- speed units of the console -------------------------------------------------------------

    def console_to_kmh(self, value: float) -> float:
        """A speed in the console's unit, in km/h."""
        if self.profile.speed_unit is SpeedUnit.MPH:
            return value * KMH_PER_MPH
        return value

    def kmh_to_console_raw(self, kmh: float) -> int:
        """A speed in km/h as the console's wire value (hundredths of its unit)."""
        if self.profile.speed_unit is SpeedUnit.MPH:
            kmh /= KMH_PER_MPH
        return max(0, min(0xFFFF, round(kmh * 100)))

    # ---- state changes (shared by commands and the console) ---------------------------------

    def reset_counters(self) -> None:
        """A new workout: distance, time, energy, steps and elevation from zero."""
        self.distance_m = 0.0
        self.elapsed_s = 0.0
        self.energy_kcal = 0.0
        self.steps_f = 0.0
        self.belt.elevation_gain_m = 0.0
        self.belt.elevation_loss_m = 0.0

    def reset(self) -> list[Packet]:
        """Reset (op 01): idle, counters at zero."""
        self.cancel_start()
        self.state = BeltState.IDLE
        self.pending_kmh = None
        self.reset_counters()
        self.training = gatt.TRAINING_IDLE
        return [self.status(gatt.STATUS_RESET), self.training_packet()]

    def begin(self, *, resume: bool) -> list[Packet]:
        """Start (or resume): status 04 and pre-workout now, belt moves after the start delay."""
        if not resume:
            self.reset_counters()
        self.state = BeltState.STARTING
        self.training = gatt.TRAINING_PRE_WORKOUT
        packets = [self.status(gatt.STATUS_STARTED), self.training_packet()]
        self.cancel_start()
        delay = self.profile.start_delay_s
        if delay <= 0:
            self._belt_starts(resume=resume, notify=False)
            packets.append(self.training_packet())
        else:
            self._start_timer = self.bound_loop().call_later(delay, self._belt_starts_later, resume)
        return packets

    def _belt_starts_later(self, resume: bool) -> None:
        self._start_timer = None
        self.advance()
        if self.state is BeltState.STARTING:
            self._belt_starts(resume=resume, notify=True)

    def _belt_starts(self, *, resume: bool, notify: bool) -> None:
        self.state = BeltState.RUNNING
        self.training = gatt.TRAINING_MANUAL
        remember = self.profile.remember_target
        if self.pending_kmh is not None:
            self.target_kmh = self.pending_kmh
        elif (
            self.target_kmh <= 0
            or remember is RememberTarget.NEVER
            or (not resume and remember is RememberTarget.PAUSE)
        ):
            self.target_kmh = self.console_to_kmh(self.profile.speed_min)
        self.pending_kmh = None
        if notify:
            self._send([self.training_packet()])

    def cancel_start(self) -> None:
        """Call off a belt start still waiting for the start delay."""
        if self._start_timer is not None:
            self._start_timer.cancel()
            self._start_timer = None

    def halt(self) -> list[Packet]:
        """Stop: the belt ramps down, post-workout."""
        self.cancel_start()
        self.state = BeltState.STOPPING
        self.pending_kmh = None
        self.training = gatt.TRAINING_POST_WORKOUT
        return [self.training_packet()]

    def pause(self) -> None:
        """Pause: the belt ramps down, the workout goes on after a Start."""
        self.cancel_start()
        self.state = BeltState.PAUSED

    def pull_safety_key(self) -> list[Packet]:
        """Safety key out: status 03, the belt stops hard, post-workout."""
        self.safety_key_in = False
        if self.state not in (BeltState.IDLE, BeltState.STOPPED):
            self.cancel_start()
            self.state = BeltState.STOPPING
            self.hard_stop = True
        self.pending_kmh = None
        self.training = gatt.TRAINING_POST_WORKOUT
        return [self.status(gatt.STATUS_SAFETY_KEY), self.training_packet()]

    def insert_safety_key(self) -> list[Packet]:
        """Safety key back in: the machine is idle again (the belt stays still)."""
        self.safety_key_in = True
        if self.state in (BeltState.STOPPED, BeltState.STOPPING):
            self.training = gatt.TRAINING_IDLE
            return [self.training_packet()]
        return []

    # ---- the console's keys ---------------------------------------------------------------------

    def console_start(self) -> list[Packet]:
        """Start key: as a Start, when the key is in and the belt is not running already."""
        if not self.safety_key_in or ON_START[self.state] is StartAction.ALREADY:
            return []
        return self.begin(resume=self.state is BeltState.PAUSED)

    def console_stop(self) -> list[Packet]:
        """Stop key: 02 01 and the belt ramps down."""
        training = self.halt() if ON_STOP[self.state] is StopAction.HALT else []
        return [*training, self.stopped_status()]

    def console_pause(self) -> list[Packet]:
        """Pause key: 02 02 and the belt ramps down."""
        if ON_PAUSE[self.state] is StopAction.HALT:
            self.pause()
        return [self.paused_status()]

    def console_set_speed(self, kmh: float) -> list[Packet]:
        """Speed keys: 05 + new target (within the machine's range); the belt follows."""
        p = self.profile
        kmh = min(max(kmh, self.console_to_kmh(p.speed_min)), self.console_to_kmh(p.speed_max))
        if self.state in (BeltState.RUNNING, BeltState.PAUSED):
            self.target_kmh = kmh
        else:
            self.pending_kmh = kmh
        return [self.target_speed_status(self.kmh_to_console_raw(kmh))]
