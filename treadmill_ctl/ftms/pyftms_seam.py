"""pyftms, fixed: the ONE module where the app uses pyftms, and where each of its known defects
is worked around (ftms.md, "pyftms 0.4.15 — defects reproduced against real bytes").

What we keep from pyftms: the ``Treadmill`` class and its connection life cycle (connect,
disconnect, the disconnect callback that resets its state), Device Information reading, the
subscription sequence of its ``MachineController`` and ``DataUpdater`` and its property store
(``treadmill.speed_instant`` etc. stay right). What we replace, because that is where the
defects are: the decoding of every notification and indication (``ftms.codec``), the Feature and
range reading, and the control-point procedure (rounding, clamping, control permission, result
codes, timeouts, and STOP pre-empting a pending command).

Each workaround carries a comment ``pyftms 0.4.15 defect N`` naming the test that proves it and
the canary test (``tests/ftms/test_pyftms_defects.py::test_pyftms_still_has_defect_N``) that
fails once pyftms fixes the defect, which is when the workaround can go.

The BleakClient is made by the ``Connection`` the link was given (``ftms.connection``): the
Bluetooth adapter through bleak-retry-connector, as pyftms does, or a virtual radio.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, override
from uuid import UUID

from bleak import BleakClient
from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData
from bleak.exc import BleakError, BleakGATTProtocolError
from pyftms import Treadmill
from pyftms.client import const as pyftms_const
from pyftms.client.backends import DataUpdater, MachineController, UpdateEvent
from pyftms.client.properties import MachineFeatures, MachineSettings, read_device_info
from pyftms.client.properties import SettingRange as PyftmsSettingRange
from pyftms.client.properties.device_info import DIS_UUID
from pyftms.models import ControlModel

from treadmill_ctl.errors import LinkError, TreadmillError
from treadmill_ctl.ftms import codec
from treadmill_ctl.ftms.codec import ControlRequest, Indication, encode_request_control
from treadmill_ctl.ftms.model import (
    BadPacket,
    CommandOutcome,
    LinkUpdate,
    MachineStatus,
    MachineStatusKind,
    Op,
    Result,
    SettingRange,
    TrainingStatus,
    TreadmillData,
    uuid16,
)
from treadmill_ctl.ftms.traffic import TrafficKind

if TYPE_CHECKING:
    from treadmill_ctl.ftms.connection import Connection

_LOGGER = logging.getLogger(__name__)

PYFTMS_VERSION_WORKED_AROUND: Final = "0.4.15"

type UpdateSink = Callable[[LinkUpdate], None]
type OutcomeSink = Callable[[CommandOutcome], None]
type TrafficSink = Callable[[TrafficKind, str, bytes], None]

CONTROL_POINT_UUID: Final = uuid16(codec.CONTROL_POINT)
TREADMILL_DATA_UUID: Final = uuid16(codec.TREADMILL_DATA)
MACHINE_STATUS_UUID: Final = uuid16(codec.MACHINE_STATUS)
TRAINING_STATUS_UUID: Final = uuid16(codec.TRAINING_STATUS)
FEATURE_UUID: Final = uuid16(codec.FEATURE)
SPEED_RANGE_UUID: Final = uuid16(codec.SPEED_RANGE)
INCLINATION_RANGE_UUID: Final = uuid16(codec.INCLINATION_RANGE)

ATT_PROCEDURE_ALREADY_IN_PROGRESS: Final = 0xFE
BUSY_RETRY_S: Final = 0.01
"""Pause before writing again after ATT error 0xFE ("procedure already in progress")."""

_PYFTMS_FLAG_BITS: Final = (1 << 17) - 1
"""MachineFeatures / MachineSettings are STRICT IntFlags of 17 bits in pyftms 0.4.15."""

_PYFTMS_DATA_KEYS: Final[dict[str, str]] = {
    "speed_kmh": pyftms_const.SPEED_INSTANT,
    "avg_speed_kmh": pyftms_const.SPEED_AVERAGE,
    "distance_m": pyftms_const.DISTANCE_TOTAL,
    "incline_pct": pyftms_const.INCLINATION,
    "ramp_angle_deg": pyftms_const.RAMP_ANGLE,
    "elevation_gain_m": pyftms_const.ELEVATION_GAIN_POSITIVE,
    "elevation_loss_m": pyftms_const.ELEVATION_GAIN_NEGATIVE,
    "inst_pace_kmmin": pyftms_const.PACE_INSTANT,
    "avg_pace_kmmin": pyftms_const.PACE_AVERAGE,
    "energy_kcal": pyftms_const.ENERGY_TOTAL,
    "energy_per_hour_kcal": pyftms_const.ENERGY_PER_HOUR,
    "energy_per_min_kcal": pyftms_const.ENERGY_PER_MINUTE,
    "hr_bpm": pyftms_const.HEART_RATE,
    "met": pyftms_const.METABOLIC_EQUIVALENT,
    "elapsed_s": pyftms_const.TIME_ELAPSED,
    "remaining_s": pyftms_const.TIME_REMAINING,
    "force_n": pyftms_const.FORCE_ON_BELT,
    "power_w": pyftms_const.POWER_OUTPUT,
    "steps": pyftms_const.STEP_COUNT,
}


def _pyftms_properties(record: TreadmillData) -> dict[str, float | int]:
    """A record in pyftms's property names (fields the record does not have are left out)."""
    return {
        key: value
        for name, key in _PYFTMS_DATA_KEYS.items()
        if (value := getattr(record, name)) is not None
    }


# --------------------------------------------------------------------------------------------
# Recording client: the raw traffic log of a real (or simulated) treadmill


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


# --------------------------------------------------------------------------------------------
# Treadmill Data


class SeamUpdater(DataUpdater):  # type: ignore[misc]
    """pyftms's DataUpdater with the Treadmill Data decoding replaced by ``codec``."""

    def __init__(self, model: Any, callback: Callable[[Any], None], sink: UpdateSink) -> None:
        super().__init__(model, callback)
        self._assembler = codec.TreadmillDataAssembler()
        self._sink = sink

    @override
    def reset(self) -> None:
        super().reset()
        # The spec: a partial record is dropped on link loss.
        self._assembler.reset()

    @override
    def _on_notify(self, c: object, data: bytearray) -> None:
        # pyftms 0.4.15 defect 4: an elevation field of 0xFFFF raised TypeError and the whole
        # record was lost; defect 5: elevation was an int (12.4 m -> 12); defect 6: a field
        # present in one record and absent in the next raised KeyError; defect 7: all-zero
        # records produced no update. The codec decodes every record completely and
        # independently (test_defect_4..7_*; canaries test_pyftms_still_has_defect_4..7).
        # Remove when pyftms's RealtimeData/DataUpdater handle these.
        for item in self._assembler.feed(data):
            if isinstance(item, TreadmillData):
                # Keep pyftms's own property store right as well (the whole record, not a diff).
                self._cb(UpdateEvent(event_id="update", event_data=_pyftms_properties(item)))
            self._sink(item)


# --------------------------------------------------------------------------------------------
# Control point


@dataclass(frozen=True, slots=True)
class _Abandoned:
    """Why a procedure stopped waiting for its response."""

    reason: str


@dataclass(eq=False)
class _Procedure:
    request: ControlRequest
    response: asyncio.Future[Indication | _Abandoned]
    written: bool = False


@dataclass
class _ControlState:
    """What the controller knows about control permission."""

    granted: bool = False  # a Request Control succeeded and nothing took it away since
    lost: bool = False  # status FF or a 05: request control once before the next command
    per_command: bool = False  # learned: the machine wants 00 before every command
    history: list[str] = field(default_factory=list)


class SeamController(MachineController):  # type: ignore[misc]
    """pyftms's MachineController with status/indication decoding and the control-point
    procedure replaced.

    Normal commands are serialised (one control-point procedure at a time, as the spec
    requires). ``preempt()`` (STOP) never waits behind them: it abandons a pending command's
    wait (its outcome becomes ERROR "superseded by stop"), and goes to the wire at once."""

    def __init__(
        self, callback: Callable[[Any], None], sink: UpdateSink, on_outcome: OutcomeSink
    ) -> None:
        super().__init__(callback)
        self._sink = sink
        self._on_outcome = on_outcome
        self._procedure: _Procedure | None = None
        self._late_ops: list[int] = []  # ops whose response may still come after we gave up
        self._preempting = 0
        self._preempt_epoch = 0
        self._quiet = asyncio.Event()
        self._quiet.set()
        self.control = _ControlState()

    # ---- state

    @override
    def reset(self) -> None:
        """The link went down: pyftms's reset plus every waiting procedure ends at once."""
        super().reset()
        self.control = _ControlState()
        self._late_ops.clear()
        proc = self._procedure
        if proc is not None and not proc.response.done():
            proc.response.set_result(_Abandoned("link lost"))

    def _update_quiet(self) -> None:
        if self._procedure is None and self._preempting == 0:
            self._quiet.set()
        else:
            self._quiet.clear()

    # ---- notifications and indications

    @override
    def _on_indicate(self, c: object, data: bytearray) -> None:
        # pyftms 0.4.15 defect 9: an indication arriving before the first write raised
        # AttributeError (no future yet); defect 8: result codes >= 06 raised ValueError. Here
        # every indication is decoded tolerantly and matched to the pending procedure
        # (test_defect_8_unknown_result_code_is_an_error_outcome,
        # test_defect_9_indication_before_any_command_is_harmless; canaries
        # test_pyftms_still_has_defect_8_result_code, _9). Remove when pyftms does.
        ind = codec.decode_indication(data)
        if isinstance(ind, BadPacket):
            self._sink(ind)
            return
        proc = self._procedure
        if proc is not None and not proc.response.done() and ind.request_op == proc.request.op_code:
            proc.response.set_result(ind)
        elif ind.request_op in self._late_ops:
            self._late_ops.remove(ind.request_op)
            _LOGGER.debug("late response to an abandoned command: %s", codec.hexstr(data))
        elif proc is not None and not proc.response.done():
            proc.response.set_result(ind)  # mismatched: the command reports ERROR
        else:
            # A well-formed response nobody waits for (a replayed capture, another client's
            # command, a very late answer): worth a log line, not an alarm.
            _LOGGER.info("response to no pending command: %s", codec.hexstr(data))

    @override
    def _on_machine_status(self, c: object, data: bytearray) -> None:
        # pyftms 0.4.15 defect 3: trailing bytes (04 00 00) raised AssertionError and the
        # start/stop event was lost; unknown op codes raised ValueError. The codec keeps the
        # event and reports unknown ops as OTHER (test_defect_3_trailing_bytes_keep_the_event;
        # canary test_pyftms_still_has_defect_3). Remove when pyftms's CodeSwitchModel is tolerant.
        status = codec.decode_machine_status(data)
        if isinstance(status, MachineStatus):
            if status.kind is MachineStatusKind.CONTROL_LOST:
                # pyftms 0.4.15 defect 2 (first half): FF is handled only when the packet is
                # exactly ``ff``; here it always marks control as lost, and the next command
                # requests it again once (see _with_control).
                self.control.granted = False
                self.control.lost = True
            elif status.kind is MachineStatusKind.RESET:
                self.control.granted = False
        self._sink(status)

    @override
    def _on_training_status(self, c: object, data: bytearray) -> None:
        # pyftms 0.4.15 defect 8: training-status flags > 3 (and unknown codes) raised
        # ValueError. The codec keeps unknown codes and ignores unknown flag bits (canary
        # test_pyftms_still_has_defect_8_training_flags).
        status = codec.decode_training_status(data)
        if isinstance(status, TrainingStatus):
            self._cb(UpdateEvent(event_id="update", event_data={"training_status": status.code}))
        self._sink(status)

    # ---- commands

    @override
    async def write_command(self, *args: Any, **kwargs: Any) -> Any:
        # pyftms 0.4.15 defects 1, 2, 11 live in this method (truncated set-points, no clamping,
        # 05 never re-requesting control, STOP queued behind a 2 s lock). Nothing may use it.
        raise LinkError("pyftms's control path is replaced: use FtmsTreadmill.command()/preempt()")

    async def command(
        self, cli: BleakClient, request: ControlRequest, *, response_timeout_s: float
    ) -> CommandOutcome:
        """Run one normal command: after any pending procedure, never after a STOP that was
        called before it (then it is not written: ERROR "superseded by stop")."""
        epoch = self._preempt_epoch
        async with self._write_lock:
            while not self._quiet.is_set():
                await self._quiet.wait()
            if self._preempt_epoch != epoch:
                return self._report(request, Result.ERROR, "superseded by stop", written=False)
            return await self._with_control(cli, request, response_timeout_s)

    async def preempt(
        self,
        cli: BleakClient,
        request: ControlRequest,
        *,
        response_timeout_s: float,
        on_written: Callable[[], None] | None = None,
        first_attempt: bool = True,
    ) -> CommandOutcome:
        """Run a STOP now (``on_written`` is called when the device has acknowledged the
        write; ``first_attempt`` is False for the link's retries, see
        ``_stop_with_control``). pyftms 0.4.15 defect 11: commands serialise behind one lock with a
        2 s timeout, so a STOP waited up to 2 s behind a slow Set Speed. Here the pending
        command's wait is abandoned and the STOP goes to the wire at once (a write the device
        refuses with ATT 0xFE is retried every 10 ms) (tests/ftms/test_stop_preempts.py;
        canary test_pyftms_still_has_defect_11_stop_waits). Remove never: this is our policy,
        not only a pyftms fix."""
        self._preempt_epoch += 1
        self._preempting += 1
        self._update_quiet()
        try:
            proc = self._procedure
            if proc is not None and not proc.response.done():
                proc.response.set_result(_Abandoned("superseded by stop"))
                if proc.written:
                    self._late_ops.append(proc.request.op_code)
            return await self._stop_with_control(
                cli, request, response_timeout_s, on_written, first_attempt=first_attempt
            )
        finally:
            self._preempting -= 1
            self._update_quiet()

    async def _with_control(
        self,
        cli: BleakClient,
        request: ControlRequest,
        response_timeout_s: float,
        on_written: Callable[[], None] | None = None,
    ) -> CommandOutcome:
        # pyftms 0.4.15 defect 2: after a 05 ("control not permitted") pyftms kept believing it
        # had control, so every later command returned 05 until reconnect. Policy here
        # (safety.md): on FF or 05 request control again ONCE, then report; never loop.
        # (tests/ftms/test_link_profiles.py::test_control_lost_is_requested_again_once;
        # canary test_pyftms_still_has_defect_2).
        if request.op is Op.REQUEST_CONTROL:
            return await self._request_control(cli, response_timeout_s)
        state = self.control
        requested_now = False
        if state.lost or state.per_command:
            regained = await self._request_control(cli, response_timeout_s)
            requested_now = True
            if not regained.ok:
                return self._report(
                    request,
                    Result.NOT_PERMITTED,
                    f"control was lost and Request Control answered {regained.result.value}",
                    written=False,
                )
        had_control = state.granted
        outcome = await self._transact(cli, request, response_timeout_s, on_written)
        if outcome.result is not Result.NOT_PERMITTED or requested_now:
            return outcome
        # 05 although we thought we had control: the machine wants Request Control before each
        # command (some do), or took control away without FF. Ask once, then try once more.
        if had_control:
            state.per_command = True
        state.granted = False
        regained = await self._request_control(cli, response_timeout_s)
        if not regained.ok:
            return outcome
        return await self._transact(cli, request, response_timeout_s, on_written)

    async def _stop_with_control(
        self,
        cli: BleakClient,
        request: ControlRequest,
        response_timeout_s: float,
        on_written: Callable[[], None] | None,
        *,
        first_attempt: bool,
    ) -> CommandOutcome:
        """STOP never waits for control (safety.md: "STOP does not wait for control"). Its
        first attempt is written at once, whatever the control state: a console that lost
        control and answers slowly made a STOP wait 1.5 s behind a Request Control that timed
        out, and then dropped it unwritten. If the machine answers 05 (or, with control known
        lost, does not answer), control is requested and STOP written again at once, whatever
        that request got (a late grant is still a grant). The link's retries request control
        first while it is lost, and write STOP whatever the answer
        (tests/ftms/test_stop_preempts.py::test_stop_after_control_loss_is_written_at_once)."""
        state = self.control
        if not first_attempt and (state.lost or state.per_command):
            await self._request_control(cli, response_timeout_s)
            return await self._transact(cli, request, response_timeout_s, on_written)
        had_control = state.granted
        outcome = await self._transact(cli, request, response_timeout_s, on_written)
        refused = outcome.result is Result.NOT_PERMITTED
        unanswered = outcome.result is Result.TIMEOUT and state.lost
        if not (refused or unanswered):
            return outcome
        if refused and had_control:
            state.per_command = True  # as in _with_control: it wants 00 before each command
        state.granted = False
        await self._request_control(cli, response_timeout_s)
        return await self._transact(cli, request, response_timeout_s, on_written)

    async def _request_control(self, cli: BleakClient, response_timeout_s: float) -> CommandOutcome:
        outcome = await self._transact(cli, encode_request_control(), response_timeout_s)
        if outcome.ok:
            self.control.granted = True
            self.control.lost = False
        return outcome

    async def _transact(
        self,
        cli: BleakClient,
        request: ControlRequest,
        response_timeout_s: float,
        on_written: Callable[[], None] | None = None,
    ) -> CommandOutcome:
        """Write one request and wait for its response on the loop clock."""
        proc = _Procedure(request, asyncio.get_running_loop().create_future())
        self._procedure = proc
        self._update_quiet()
        try:
            async with asyncio.timeout(response_timeout_s):
                if await self._write(cli, proc):
                    if on_written is not None:
                        on_written()
                    answer = await proc.response
                else:
                    answer = proc.response.result()
        except TimeoutError:
            if proc.written:
                self._late_ops.append(request.op_code)
            return self._report(
                request,
                Result.TIMEOUT,
                f"no response within {response_timeout_s:g} s",
                written=proc.written,
            )
        except (BleakError, OSError, EOFError) as exc:
            detail = f"write failed: {_write_error_text(exc)}"
            return self._report(request, Result.ERROR, detail, written=proc.written)
        except asyncio.CancelledError:
            # The caller gave up (a pause, a stop, the session ending) after the bytes went out:
            # the machine may still act on them, so the record must show the command.
            if proc.written:
                self._late_ops.append(request.op_code)
                self._report(request, Result.ERROR, "cancelled before the response", written=True)
            raise
        finally:
            if self._procedure is proc:
                self._procedure = None
            self._update_quiet()
        if isinstance(answer, _Abandoned):
            return self._report(request, Result.ERROR, answer.reason, written=proc.written)
        return self._judge(request, answer)

    async def _write(self, cli: BleakClient, proc: _Procedure) -> bool:
        """Write the request, again while the device says a procedure is in progress. False
        when the procedure was abandoned before anything was written."""
        while True:
            if proc.response.done():
                return False
            try:
                await cli.write_gatt_char(CONTROL_POINT_UUID, proc.request.data, response=True)
            except BleakGATTProtocolError as exc:
                if exc.args[0] != ATT_PROCEDURE_ALREADY_IN_PROGRESS:
                    raise
            else:
                proc.written = True
                if proc.response.done():  # abandoned while the write was on its way
                    self._late_ops.append(proc.request.op_code)
                return True
            await asyncio.sleep(BUSY_RETRY_S)

    def _judge(self, request: ControlRequest, ind: Indication) -> CommandOutcome:
        if ind.request_op != request.op_code:
            return self._report(
                request,
                Result.ERROR,
                f"response to {codec.op_name(ind.request_op)} instead of "
                f"{codec.op_name(request.op_code)}",
                written=True,
            )
        result = ind.result
        detail = f"unknown result code 0x{ind.code:02x}" if result is Result.ERROR else ""
        if result is Result.NOT_PERMITTED:
            self.control.granted = False
        return self._report(request, result, detail, written=True)

    def _report(
        self, request: ControlRequest, result: Result, detail: str, *, written: bool
    ) -> CommandOutcome:
        outcome = CommandOutcome(
            request.op, request.value, request.wire if written else "", result, detail
        )
        try:
            self._on_outcome(outcome)
        except Exception:
            _LOGGER.exception("command outcome listener failed")
        return outcome


# --------------------------------------------------------------------------------------------
# The treadmill


@dataclass(frozen=True, slots=True)
class MachineFacts:
    """What the machine said about itself on connect (read tolerantly)."""

    features: codec.Features
    speed_range: SettingRange | None
    incline_range: SettingRange | None
    manufacturer: str | None
    model: str | None


def _write_error_text(exc: BaseException) -> str:
    """A failed write in words: bleak's GATT protocol error carries its code and text as two
    arguments and would print as the repr of both."""
    if isinstance(exc, BleakGATTProtocolError) and len(exc.args) == 2:
        code, text = exc.args
        return f"{str(text).removeprefix('GATT Protocol Error: ')} (ATT error 0x{int(code):02x})"
    return str(exc)


async def _quiet_disconnect(cli: BleakClient) -> None:
    try:
        await cli.disconnect()
    except (BleakError, OSError, TimeoutError) as exc:
        _LOGGER.debug("releasing a lost client failed: %s", exc)


class FtmsTreadmill(Treadmill):  # type: ignore[misc]
    """pyftms's Treadmill with every known defect worked around.

    Typed updates (TreadmillData, MachineStatus, TrainingStatus, BadPacket) go to ``sink``;
    every control-point command's outcome to ``on_outcome``; the link going down (whoever
    caused it) to ``on_disconnect``. ``connection`` makes the BleakClient (``ftms.connection``).
    Commands go through ``command()`` and ``preempt()``; pyftms's own command methods are
    disabled (they carry defects 1, 2 and 11)."""

    _device_info: dict[str, str]  # pyftms's DeviceInfo (a TypedDict of strings)

    def __init__(
        self,
        ble_device: BLEDevice,
        adv_data: AdvertisementData | None = None,
        *,
        sink: UpdateSink,
        on_outcome: OutcomeSink,
        on_disconnect: Callable[[], None] | None = None,
        connection: Connection,
        traffic: TrafficSink | None = None,
    ) -> None:
        super().__init__(ble_device, adv_data)
        self._sink = sink
        self._link_down_cb = on_disconnect
        self._connection = connection
        self._traffic = traffic
        self._updater = SeamUpdater(self._data_model, self._on_event, sink)
        self._controller = SeamController(self._on_event, sink, on_outcome)
        self.facts: MachineFacts | None = None
        self._releases: set[asyncio.Task[None]] = set()

    @property
    def controller(self) -> SeamController:
        """The fixed control-point procedure runner."""
        return self._controller

    # pyftms 0.4.15 defect 10: supported_settings (and supported_properties) were
    # functools.cached_property: read before connect, they stayed empty for good. Computed on
    # each access here (test_defect_10_supported_settings_after_connect; canary
    # test_pyftms_still_has_defect_10). Remove when pyftms stops caching them.
    @property
    def supported_settings(self) -> list[str]:
        """Settings the machine supports (by its Feature characteristic)."""
        result: list[str] = ControlModel._get_features(self._m_settings)
        return result

    @property
    def supported_properties(self) -> list[str]:
        """Properties the machine reports (by its Feature characteristic)."""
        props: list[str] = self._get_supported_properties(self._m_features)
        if self.training_status is not None:
            props.append(pyftms_const.TRAINING_STATUS)
        return props

    @override
    def _on_disconnect(self, cli: BleakClient) -> None:
        if "_cli" in vars(self):
            super()._on_disconnect(cli)  # forgets the client, resets updater and controller
            self._release(cli)
        else:
            self._updater.reset()
            self._controller.reset()
        if self._link_down_cb is not None:
            self._link_down_cb()

    def _release(self, cli: BleakClient) -> None:
        """Let a client that went down free what its backend holds: on BlueZ its own D-Bus
        connection, which bleak closes only in ``disconnect()`` (a no-op otherwise), and which
        nobody calls after a loss. Only for a client that was connected (``_cli`` set): during
        ``connect()`` bleak itself retries on that client."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # pragma: no cover - bleak calls back on the loop
            return
        task = loop.create_task(_quiet_disconnect(cli), name="release-lost-client")
        self._releases.add(task)
        task.add_done_callback(self._releases.discard)

    @override
    async def _connect(self) -> None:
        if not self._need_connect or self.is_connected:
            return
        services = [pyftms_const.FTMS_UUID, DIS_UUID]
        cli = await self._connection.connect(
            self._device,
            RecordingBleakClient,
            name=self.name,
            disconnected_callback=self._on_disconnect,
            services=services,
            traffic=self._traffic,
        )
        self._cli = cli
        if not self._device_info:
            self._device_info = await read_device_info(cli)
        self.facts = await self._read_facts(cli)
        await self._controller.subscribe(cli)
        await self._updater.subscribe(cli, self._data_uuid)

    async def _read_facts(self, cli: BleakClient) -> MachineFacts:
        # pyftms 0.4.15 defect 8: Feature bits >= 17 raised ValueError and failed connect
        # (STRICT IntFlag); ranges with trailing bytes failed an assert. Read with the codec;
        # pyftms's flags get the bits it knows (test_defect_8_feature_bits_above_16_connect;
        # canary test_pyftms_still_has_defect_8_features).
        feature_char = cli.services.get_characteristic(FEATURE_UUID)
        if feature_char is None:
            raise LinkError(f"{self.name} has no Fitness Machine Feature: not an FTMS machine")
        features = codec.decode_features(await cli.read_gatt_char(feature_char))
        if isinstance(features, BadPacket):
            self._sink(features)
            features = codec.Features(0, 0)
        speed = await self._read_range(cli, SPEED_RANGE_UUID, codec.decode_speed_range)
        incline = await self._read_range(cli, INCLINATION_RANGE_UUID, codec.decode_incline_range)
        self._m_features = MachineFeatures(features.machine & _PYFTMS_FLAG_BITS)
        settings = features.target & _PYFTMS_FLAG_BITS
        ranges: dict[str, PyftmsSettingRange] = {}
        if speed is not None:
            settings |= MachineSettings.SPEED
            ranges[pyftms_const.TARGET_SPEED] = PyftmsSettingRange(
                speed.minimum, speed.maximum, speed.step
            )
        if incline is not None and features.can_set_incline:
            ranges[pyftms_const.TARGET_INCLINATION] = PyftmsSettingRange(
                incline.minimum, incline.maximum, incline.step
            )
        self._m_settings = MachineSettings(settings)
        self._settings_ranges = MappingProxyType(ranges)
        info: dict[str, str] = self._device_info
        return MachineFacts(features, speed, incline, info.get("manufacturer"), info.get("model"))

    async def _read_range(
        self,
        cli: BleakClient,
        uuid: str,
        decode: Callable[[bytes | bytearray], SettingRange | BadPacket],
    ) -> SettingRange | None:
        char = cli.services.get_characteristic(uuid)
        if char is None:
            return None
        value = decode(await cli.read_gatt_char(char))
        if isinstance(value, BadPacket):
            self._sink(value)
            return None
        return value

    @override
    async def _write_command(self, *args: Any, **kwargs: Any) -> Any:
        # pyftms 0.4.15 defects 1 and 11: pyftms's command path truncates set-points and does
        # not clamp them; it also reconnects on its own when the link is down. Disabled.
        raise LinkError("pyftms's command methods are disabled: use command()/preempt()")

    # ---- the fixed command path

    async def command(
        self, request: ControlRequest, *, response_timeout_s: float
    ) -> CommandOutcome:
        """A normal control-point command (serialised). Never reconnects: when the link is
        down the outcome is ERROR "not connected" and nothing is written."""
        if not self.is_connected:
            return self._controller._report(request, Result.ERROR, "not connected", written=False)
        return await self._controller.command(
            self._cli, request, response_timeout_s=response_timeout_s
        )

    async def preempt(
        self,
        request: ControlRequest,
        *,
        response_timeout_s: float,
        on_written: Callable[[], None] | None = None,
        first_attempt: bool = True,
    ) -> CommandOutcome:
        """A STOP: written at once, whatever is pending (and whatever the control state)."""
        if not self.is_connected:
            return self._controller._report(request, Result.ERROR, "not connected", written=False)
        return await self._controller.preempt(
            self._cli,
            request,
            response_timeout_s=response_timeout_s,
            on_written=on_written,
            first_attempt=first_attempt,
        )

    async def resubscribe_data(self) -> bool:
        """Subscribe to Treadmill Data again (its CCCD off, then on) while the link stays up:
        a Bluetooth stack can lose a subscription and the machine then goes quiet. False when
        it could not be done (not connected, or the write failed: the caller decides)."""
        if not self.is_connected:
            return False
        cli = self._cli
        try:
            try:
                await cli.stop_notify(self._data_uuid)
            except (BleakError, TreadmillError) as exc:  # it may be off already: go on
                _LOGGER.info("stopping the Treadmill Data notifications failed: %s", exc)
            await self._updater.subscribe(cli, self._data_uuid)
        except (BleakError, TreadmillError) as exc:
            _LOGGER.warning("subscribing to Treadmill Data again failed: %s", exc)
            return False
        return True

    def deliver(self, uuid16_value: int, data: bytes, *, indication: bool = False) -> None:
        """Hand ``data`` to the same handler a notification (or indication) of characteristic
        ``uuid16_value`` reaches when it arrives over the air. Used by ``replay``."""
        match uuid16_value:
            case codec.TREADMILL_DATA:
                self._updater._on_notify(None, bytearray(data))
            case codec.MACHINE_STATUS:
                self._controller._on_machine_status(None, bytearray(data))
            case codec.TRAINING_STATUS:
                self._controller._on_training_status(None, bytearray(data))
            case codec.CONTROL_POINT:
                self._controller._on_indicate(None, bytearray(data))
            case _:
                kind = "indication" if indication else "notification"
                self._sink(
                    BadPacket(
                        uuid16_value, codec.hexstr(data), f"{kind} of an unknown characteristic"
                    )
                )
