"""pyftms, fixed: its control-point procedure and its Machine Status, Training Status and
response decoding, replaced (``SeamController``, a subclass of pyftms's ``MachineController``).
Part of the seam with ``ftms.pyftms_seam``, which gives it to the ``FtmsTreadmill``; each
workaround carries a comment ``pyftms 0.4.15 defect N`` as there (defects 2, 3, 8, 9, 11).

One control-point procedure at a time, as the spec requires; each waits for its response on
the loop clock; control is requested again once after a loss (never in a loop); a STOP
(``preempt``) never waits behind a pending command.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, override

from bleak import BleakClient
from bleak.exc import BleakError, BleakGATTProtocolError
from pyftms.client.backends import MachineController, UpdateEvent

from treadmill_ctl.errors import LinkError
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
    TrainingStatus,
    uuid16,
)

__all__ = ["BUSY_RETRY_S", "OutcomeSink", "SeamController", "UpdateSink"]

_LOGGER = logging.getLogger(__name__)

type UpdateSink = Callable[[LinkUpdate], None]
type OutcomeSink = Callable[[CommandOutcome], None]

CONTROL_POINT_UUID: Final = uuid16(codec.CONTROL_POINT)
ATT_PROCEDURE_ALREADY_IN_PROGRESS: Final = 0xFE
BUSY_RETRY_S: Final = 0.01
"""Pause before writing again after ATT error 0xFE ("procedure already in progress")."""


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


def _write_error_text(exc: BaseException) -> str:
    """A failed write in words: bleak's GATT protocol error carries its code and text as two
    arguments and would print as the repr of both."""
    if isinstance(exc, BleakGATTProtocolError) and len(exc.args) == 2:
        code, text = exc.args
        return f"{str(text).removeprefix('GATT Protocol Error: ')} (ATT error 0x{int(code):02x})"
    return str(exc)
