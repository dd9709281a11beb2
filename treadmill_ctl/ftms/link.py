"""The treadmill link: one async API (``ftms.api.TreadmillControl``) over pyftms + bleak, on
the radio the caller gives it (``ftms.connection``: the Bluetooth adapter, or a virtual one).

- ``TreadmillLink(address, connection=...)`` connects ONLY to that address, requests control,
  reads the machine's capabilities, and turns every notification into typed updates for its
  listeners.
- Every command's outcome is checked and reported; commands run one control-point procedure at
  a time, each with a timeout on the loop clock.
- ``stop()`` pre-empts: it never waits behind a pending command, and is retried until the
  machine confirms it (response, stop status, or reported speed falling) or the confirmation
  window runs out.
- Link loss is reported at once (``LinkEvent(LOST)``); nothing reconnects or re-applies a speed
  on its own. ``reconnect()`` is for the caller (the session engine), which sends STOP first.

pyftms is used only through ``ftms.pyftms_seam``, where its defects are worked around;
scanning is ``ftms.scan``, the evidence of a stopping belt ``ftms.stop_watch``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from bleak.backends.device import BLEDevice
from bleak.exc import BleakError

from treadmill_ctl.errors import DeviceNotFoundError, LinkError
from treadmill_ctl.ftms import codec
from treadmill_ctl.ftms.api import CommandListener, UpdateListener
from treadmill_ctl.ftms.codec import ControlRequest
from treadmill_ctl.ftms.model import (
    BadPacket,
    Capabilities,
    CommandOutcome,
    LinkEvent,
    LinkState,
    LinkUpdate,
    Op,
    Result,
    SettingRange,
    StopOutcome,
    TreadmillData,
)
from treadmill_ctl.ftms.pyftms_seam import FtmsTreadmill, MachineFacts
from treadmill_ctl.ftms.scan import DEFAULT_SCAN_TIMEOUT_S, error_text, find_by_address
from treadmill_ctl.ftms.stop_watch import StopWatch
from treadmill_ctl.ftms.traffic import TrafficKind, TrafficLog, format_traffic_line, short_uuid
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit

if TYPE_CHECKING:
    from treadmill_ctl.ftms.connection import Connection

_LOGGER = logging.getLogger(__name__)

DEFAULT_COMMAND_TIMEOUT_S: Final = 5.0
"""A command without a response in this long is a TIMEOUT (slow consoles answer in ~2.5 s)."""
DEFAULT_STOP_WINDOW_S: Final = 4.0
"""STOP is retried until confirmed for this long; then the caller must tell the user to pull
the safety key."""
STOP_ATTEMPT_TIMEOUT_S: Final = 1.5
STOP_RECHECK_S: Final = 0.5
"""After a STOP write that was not confirmed by its response: how long to watch the reported
speed and the status for confirmation before writing again."""
FALLBACK_SPEED_RANGE: Final = SettingRange(0.0, 20.0, 0.1)
"""Assumed when a machine that sets speed has no Supported Speed Range characteristic."""

# Which state changes the link makes; anything else is a bug.
_TRANSITIONS: Final[dict[LinkState, frozenset[LinkState]]] = {
    LinkState.DISCONNECTED: frozenset({LinkState.CONNECTING}),
    LinkState.CONNECTING: frozenset({LinkState.CONNECTED, LinkState.DISCONNECTED}),
    LinkState.CONNECTED: frozenset({LinkState.DISCONNECTED, LinkState.LOST}),
    LinkState.LOST: frozenset({LinkState.CONNECTING, LinkState.DISCONNECTED}),
}


# --------------------------------------------------------------------------------------------
# The link


class _SpeedUnitWatch:
    """Notices a console that reads speed targets in mph: the belt settles at 1.61 x the
    set-point. Warns once (as a BadPacket the UI shows) rather than second-guessing silently."""

    def __init__(self) -> None:
        self.target_kmh = 0.0
        self._recent: list[float] = []
        self.warned = False

    def check(self, speed: float) -> str | None:
        self._recent = [*self._recent[-2:], speed]
        target = self.target_kmh
        if self.warned or target < 0.5 or len(self._recent) < 3:
            return None
        steady = max(self._recent) - min(self._recent) <= 0.05
        if steady and abs(speed - target * KMH_PER_MPH) <= 0.03 * target * KMH_PER_MPH:
            self.warned = True
            return (
                f"the belt runs at {speed:.2f} km/h for a set-point of {target:.2f} km/h "
                "(x1.61): this console reads speed targets in mph; set its speed unit to mph"
            )
        return None


class TreadmillLink:
    """Drive one chosen treadmill (``ftms.api.TreadmillControl``).

    ``connection``: the radio the address is found and reached on (``ftms.connection``: the
    Bluetooth adapter, or a virtual one). ``traffic``/``traffic_path``: record the raw GATT
    traffic (the same ``<t> <R|W|N|I> <uuid16> <hex>`` lines as the virtual treadmill's log)
    into a TrafficLog and/or append it to a file as it happens. ``target_unit``: MPH for
    consoles that read speed targets in mph (set-points and the speed range are converted)."""

    def __init__(
        self,
        address: str,
        *,
        connection: Connection,
        name: str = "",
        scan_timeout_s: float = DEFAULT_SCAN_TIMEOUT_S,
        command_timeout_s: float = DEFAULT_COMMAND_TIMEOUT_S,
        stop_window_s: float = DEFAULT_STOP_WINDOW_S,
        target_unit: SpeedUnit = SpeedUnit.KMH,
        traffic: TrafficLog | None = None,
        traffic_path: Path | None = None,
    ) -> None:
        self._address = address
        self._connection = connection
        self._name = name or address
        self._scan_timeout_s = scan_timeout_s
        self._command_timeout_s = command_timeout_s
        self._stop_window_s = stop_window_s
        self._target_unit = target_unit
        self._traffic = traffic
        self._traffic_path = traffic_path
        self._traffic_file: IO[str] | None = None
        self._traffic_t0: float | None = None

        self._state = LinkState.DISCONNECTED
        self._treadmill: FtmsTreadmill | None = None
        self._device: BLEDevice | None = None
        self._capabilities: Capabilities | None = None
        self._listeners: list[UpdateListener] = []
        self._command_listeners: list[CommandListener] = []
        self._closing = False
        self._last_speed: float | None = None
        self._last_setpoint: float | None = None  # km/h, the last set-point written
        self._stop_task: asyncio.Task[StopOutcome] | None = None
        self._stop_watch: StopWatch | None = None
        self._background: set[asyncio.Task[Any]] = set()
        self._unit_watch = _SpeedUnitWatch()

    # ---- properties

    @property
    def address(self) -> str:
        return self._address

    @property
    def name(self) -> str:
        """The device's name (its address until it is known)."""
        return self._name

    @property
    def state(self) -> LinkState:
        return self._state

    @property
    def capabilities(self) -> Capabilities | None:
        """Known after connect()."""
        return self._capabilities

    @property
    def target_unit(self) -> SpeedUnit:
        return self._target_unit

    @property
    def last_speed_kmh(self) -> float | None:
        """The belt speed in the last Treadmill Data record (None before the first)."""
        return self._last_speed

    @property
    def reported_speed_range(self) -> SettingRange | None:
        """The Supported Speed Range exactly as the machine sent it (in its console's unit), or
        None when it sent none (``capabilities`` then holds the fallback range)."""
        facts = self._treadmill.facts if self._treadmill is not None else None
        return facts.speed_range if facts is not None else None

    @property
    def pyftms(self) -> FtmsTreadmill | None:
        """The underlying (fixed) pyftms Treadmill, for diagnostics."""
        return self._treadmill

    # ---- listeners

    def add_listener(self, listener: UpdateListener) -> Callable[[], None]:
        """Get every update (data records, statuses, link events, bad packets) as it arrives;
        returns a function that removes the listener."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def add_command_listener(self, listener: CommandListener) -> Callable[[], None]:
        """Get every command's outcome (requests of control made by the link included)."""
        self._command_listeners.append(listener)
        return lambda: (
            self._command_listeners.remove(listener)
            if listener in self._command_listeners
            else None
        )

    def _emit(self, update: LinkUpdate) -> None:
        for listener in list(self._listeners):
            try:
                listener(update)
            except Exception:
                _LOGGER.exception("link listener failed on %r", update)

    def _on_update(self, update: LinkUpdate) -> None:
        if isinstance(update, TreadmillData) and update.speed_kmh is not None:
            self._last_speed = update.speed_kmh
            warning = self._unit_watch.check(update.speed_kmh)
            if warning is not None and self._target_unit is SpeedUnit.KMH:
                self._emit(update)
                self._emit(BadPacket(codec.TREADMILL_DATA, "", warning))
                self._feed_stop_watch(update)
                return
        self._feed_stop_watch(update)
        self._emit(update)

    def _feed_stop_watch(self, update: LinkUpdate) -> None:
        watch = self._stop_watch
        if watch is not None:
            watch.see(update)

    def _on_outcome(self, outcome: CommandOutcome) -> None:
        if outcome.ok and outcome.op is Op.SET_SPEED and outcome.value is not None:
            self._unit_watch.target_kmh = outcome.value
        elif outcome.ok and outcome.op in (Op.STOP, Op.PAUSE):
            self._unit_watch.target_kmh = 0.0
        for listener in list(self._command_listeners):
            try:
                listener(outcome)
            except Exception:
                _LOGGER.exception("command listener failed on %r", outcome)

    def _set_state(self, state: LinkState, message: str) -> None:
        if state is self._state:
            return
        if state not in _TRANSITIONS[self._state]:
            _LOGGER.error("link state %s -> %s is not expected", self._state, state)
        self._state = state
        self._emit(LinkEvent(state, message))

    # ---- traffic log

    def _record_traffic(self, kind: TrafficKind, uuid: str, data: bytes) -> None:
        t0 = self._traffic_t0
        now = asyncio.get_running_loop().time()
        if t0 is None:
            t0 = self._traffic_t0 = now
        t = now - t0
        if self._traffic is not None:
            self._traffic.record(t, kind, uuid, data)
        if self._traffic_path is not None:
            if self._traffic_file is None:
                self._traffic_file = self._traffic_path.open("a", encoding="utf-8")
            self._traffic_file.write(format_traffic_line(t, kind, short_uuid(uuid), data) + "\n")
            self._traffic_file.flush()

    def _close_traffic_file(self) -> None:
        if self._traffic_file is not None:
            self._traffic_file.close()
            self._traffic_file = None

    # ---- connection

    async def connect(self) -> Capabilities:
        """Find the chosen address (only that one), connect, read what the machine can do and
        request control. Raises DeviceNotFoundError / LinkError with a user message."""
        if self._state is LinkState.CONNECTED and self._capabilities is not None:
            return self._capabilities
        self._set_state(LinkState.CONNECTING, f"Connecting to {self._name}…")
        try:
            caps = await self._open()
        except (LinkError, BleakError, OSError, TimeoutError) as exc:
            await self._close_treadmill()
            reason = error_text(exc)
            self._set_state(LinkState.DISCONNECTED, f"Could not connect to {self._name}: {reason}")
            if isinstance(exc, LinkError):
                raise
            raise LinkError(f"Could not connect to {self._name}: {reason}") from exc
        self._set_state(LinkState.CONNECTED, f"Connected to {self._name}")
        await self.request_control()
        return caps

    async def reconnect(self) -> Capabilities:
        """Connect again after a loss (the caller's decision). Sends nothing but Request
        Control: the caller sends STOP first and leaves the session paused."""
        return await self.connect()

    async def _open(self) -> Capabilities:
        hit = await find_by_address(
            self._address, self._scan_timeout_s, self._connection.scanner_kwargs()
        )
        if hit is None:
            if self._device is None:
                raise DeviceNotFoundError(self._address)
            # Some stacks do not show a device that is still half-connected: try the one we had.
            device, adv = self._device, None
        else:
            device, adv = hit
        self._device = device
        if adv is not None and adv.local_name:
            self._name = adv.local_name
        elif device.name:
            self._name = device.name
        self._last_speed = None
        self._last_setpoint = None
        self._closing = False
        record = (
            self._record_traffic
            if self._traffic is not None or self._traffic_path is not None
            else None
        )
        treadmill = FtmsTreadmill(
            device,
            adv,
            sink=self._on_update,
            on_outcome=self._on_outcome,
            on_disconnect=self._on_link_down,
            connection=self._connection,
            traffic=record,
        )
        self._treadmill = treadmill
        await treadmill.connect()
        facts = treadmill.facts
        if facts is None:  # pragma: no cover - connect() always reads them
            raise LinkError(f"{self._name} did not describe itself")
        self._capabilities = self._capabilities_from(facts)
        return self._capabilities

    def _capabilities_from(self, facts: MachineFacts) -> Capabilities:
        speed = facts.speed_range or FALLBACK_SPEED_RANGE
        if self._target_unit is SpeedUnit.MPH:
            speed = SettingRange(
                round(speed.minimum * KMH_PER_MPH, 2),
                round(speed.maximum * KMH_PER_MPH, 2),
                round(speed.step * KMH_PER_MPH, 2),
            )
        can_incline = facts.features.can_set_incline and facts.incline_range is not None
        return Capabilities(
            speed=speed,
            incline=facts.incline_range if can_incline else None,
            can_set_speed=facts.features.can_set_speed or facts.speed_range is not None,
            can_set_incline=can_incline,
            machine_features=facts.features.machine,
            target_features=facts.features.target,
            name=self._name,
            address=self._address,
            manufacturer=facts.manufacturer,
            model=facts.model,
        )

    def _on_link_down(self) -> None:
        """The BLE link went down (whoever caused it); a loss is reported at once."""
        if self._closing:
            return
        if self._state is LinkState.CONNECTING:
            # The link never came up (a real stack calls back during connect()): connect()
            # fails and reports DISCONNECTED; a LOST alarm here would be a false one.
            return
        speed = self._last_speed
        moving = f" at {speed:.1f} km/h" if speed else ""
        self._set_state(
            LinkState.LOST,
            f"Lost the link to {self._name}. The belt may still be moving{moving}: "
            "use the treadmill's stop key or pull its safety key.",
        )
        watch = self._stop_watch
        if watch is not None and not watch.confirmed.done():
            watch.confirmed.cancel()

    async def disconnect(self) -> None:
        """Disconnect on purpose (no LOST event)."""
        await self._close_treadmill()
        if self._state is not LinkState.DISCONNECTED:
            self._set_state(LinkState.DISCONNECTED, f"Disconnected from {self._name}")
        self._close_traffic_file()

    async def _close_treadmill(self) -> None:
        self._closing = True
        treadmill = self._treadmill
        if treadmill is not None and treadmill.is_connected:
            try:
                await treadmill.disconnect()
            except (BleakError, OSError) as exc:
                _LOGGER.warning("disconnect from %s failed: %s", self._name, exc)

    # ---- commands

    def _not_connected(self, request: ControlRequest) -> CommandOutcome:
        outcome = CommandOutcome(request.op, request.value, "", Result.ERROR, "not connected")
        self._on_outcome(outcome)
        return outcome

    async def _command(self, request: ControlRequest) -> CommandOutcome:
        treadmill = self._treadmill
        if treadmill is None or self._state is not LinkState.CONNECTED:
            return self._not_connected(request)
        return await treadmill.command(request, response_timeout_s=self._command_timeout_s)

    async def request_control(self) -> CommandOutcome:
        """Request Control (done on connect; again once by itself after FF or 05)."""
        return await self._command(codec.encode_request_control())

    async def start(self) -> CommandOutcome:
        """Start or resume the belt (op 07)."""
        return await self._command(codec.encode_start())

    async def reset(self) -> CommandOutcome:
        """Reset (op 01): the machine goes idle and control ends (the machine check uses it
        with the belt still, to see whether commands need control)."""
        return await self._command(codec.encode_reset())

    async def set_speed_as_written(self, console_value: float) -> CommandOutcome:
        """Send ``console_value`` (in the console's unit, to 0.01) as it is: not rounded to the
        step nor clamped to the range. For the machine check only, which asks what an off-step
        or out-of-range set-point gets, and keeps its own speed limit."""
        return await self._command(codec.encode_set_speed(console_value, None))

    async def stop_command(self) -> CommandOutcome:
        """Stop (08 01) as a normal command, answered within the command timeout. Only for the
        machine check's Stops with the belt still (what a repeated Stop gets): to stop a
        moving belt, use the pre-emptive stop()."""
        return await self._command(codec.encode_stop())

    async def pause(self) -> CommandOutcome:
        """Pause (op 08 02). Not pre-emptive: use stop() to stop."""
        return await self._command(codec.encode_pause())

    async def resubscribe_data(self) -> bool:
        """Subscribe to Treadmill Data again, the link staying up (the session's data
        watchdog asks once when the machine goes quiet). False: not done."""
        treadmill = self._treadmill
        if treadmill is None or self._state is not LinkState.CONNECTED:
            return False
        return await treadmill.resubscribe_data()

    def encode_speed(self, kmh: float) -> ControlRequest:
        """The Set Target Speed request for ``kmh``: the nearest step of the machine's range,
        clamped to it (in the console's unit on an mph console; ``value`` stays km/h)."""
        caps = self._capabilities
        if self._target_unit is SpeedUnit.MPH:
            facts = self._treadmill.facts if self._treadmill else None
            native = facts.speed_range if facts and facts.speed_range else FALLBACK_SPEED_RANGE
            request = codec.encode_set_speed(kmh / KMH_PER_MPH, native)
            kmh_value = round((request.value or 0.0) * KMH_PER_MPH, 2)
            return dataclasses.replace(request, value=kmh_value)
        return codec.encode_set_speed(kmh, caps.speed if caps else None)

    async def set_speed(self, kmh: float) -> CommandOutcome:
        """Send a speed set-point, rounded to the machine's step and clamped to its range."""
        request = self.encode_speed(kmh)
        self._last_setpoint = request.value
        caps = self._capabilities
        if caps is not None and not caps.can_set_speed:
            outcome = CommandOutcome(
                Op.SET_SPEED, request.value, "", Result.NOT_SUPPORTED, "this machine sets no speed"
            )
            self._on_outcome(outcome)
            return outcome
        return await self._command(request)

    async def set_incline(self, pct: float) -> CommandOutcome:
        """Send an incline set-point (nearest step, clamped); NOT_SUPPORTED without writing when
        the machine cannot set incline."""
        caps = self._capabilities
        request = codec.encode_set_incline(pct, caps.incline if caps else None)
        if caps is not None and not caps.can_set_incline:
            outcome = CommandOutcome(
                Op.SET_INCLINE,
                request.value,
                "",
                Result.NOT_SUPPORTED,
                "this machine sets no incline",
            )
            self._on_outcome(outcome)
            return outcome
        return await self._command(request)

    async def stop(self) -> StopOutcome:
        """Pre-emptive STOP: written at once (never queued behind a pending command), then
        confirmed by the response, a stop status or the reported speed falling, and retried
        until confirmed or the confirmation window runs out. Concurrent calls share one STOP.
        The STOP carries on if the caller is cancelled."""
        task = self._stop_task
        if task is None or task.done():
            task = asyncio.get_running_loop().create_task(
                self._stop_until_confirmed(), name=f"stop-{self._address}"
            )
            task.add_done_callback(_log_task_failure)
            self._stop_task = task
        return await asyncio.shield(task)

    async def _stop_until_confirmed(self) -> StopOutcome:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._stop_window_s
        watch = StopWatch(loop.create_future())
        self._stop_watch = watch
        outcomes: list[CommandOutcome] = []
        attempts = 0

        def written() -> None:
            watch.arm(self._last_speed, self._last_setpoint)

        try:
            while True:
                treadmill = self._treadmill
                remaining = deadline - loop.time()
                if treadmill is None or self._state is not LinkState.CONNECTED:
                    if attempts == 0:
                        outcomes.append(self._not_connected(codec.encode_stop()))
                    break
                if remaining <= 0 or watch.confirmed.cancelled():
                    break
                attempts += 1
                attempt = loop.create_task(
                    treadmill.preempt(
                        codec.encode_stop(),
                        response_timeout_s=min(STOP_ATTEMPT_TIMEOUT_S, remaining),
                        on_written=written,
                        first_attempt=attempts == 1,
                    ),
                    name="stop-write",
                )
                racing: set[asyncio.Future[Any]] = {attempt, watch.confirmed}
                await asyncio.wait(racing, return_when=asyncio.FIRST_COMPLETED)
                if watch.is_confirmed():
                    if attempt.done():
                        outcomes.append(attempt.result())
                    else:
                        self._keep(attempt)  # its response still comes and is reported
                    return StopOutcome(True, attempts, watch.confirmed.result(), tuple(outcomes))
                if not attempt.done():  # link lost while waiting
                    self._keep(attempt)
                    break
                outcome = attempt.result()
                outcomes.append(outcome)
                if outcome.ok:
                    return StopOutcome(True, attempts, "indication", tuple(outcomes))
                wait = min(STOP_RECHECK_S, deadline - loop.time())
                if wait > 0:
                    await asyncio.wait({watch.confirmed}, timeout=wait)
                if watch.is_confirmed():
                    return StopOutcome(True, attempts, watch.confirmed.result(), tuple(outcomes))
            return StopOutcome(False, attempts, "", tuple(outcomes))
        finally:
            self._stop_watch = None
            if not watch.confirmed.done():
                watch.confirmed.cancel()

    def _keep(self, task: asyncio.Task[Any]) -> None:
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        task.add_done_callback(_log_task_failure)

    # ---- replay and tests

    def feed(self, uuid16_value: int, data: bytes, *, indication: bool = False) -> None:
        """Deliver ``data`` as if the treadmill had just notified (or indicated) it on
        characteristic ``uuid16_value``: it takes the live parsing path and reaches the
        listeners. Used by ``treadmill-ctl replay``; works without a connection."""
        treadmill = self._treadmill
        if treadmill is None:
            device = BLEDevice(self._address, self._name, {"replay": True})
            treadmill = FtmsTreadmill(
                device,
                sink=self._on_update,
                on_outcome=self._on_outcome,
                connection=self._connection,
            )
            self._treadmill = treadmill
        treadmill.deliver(uuid16_value, data, indication=indication)


def _log_task_failure(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        _LOGGER.error("link task %s failed", task.get_name(), exc_info=task.exception())
