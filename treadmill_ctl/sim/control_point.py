"""The virtual treadmill's Fitness Machine Control Point: control permission (Request Control,
lost on status FF, used up per command on some machines) and what each op does to the machine
(``sim.workout``), with the profile's quirks: out-of-range and off-step set-points, speeds
while stopped or paused, a Start while running, a repeated Stop, a Stop that speeds up.

``ControlPoint.execute`` answers one op with its result code and the status packets it causes;
the GATT side (``sim.treadmill``: the write, its acknowledgement, the response indication and
the order of the packets) is not here.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from treadmill_ctl.sim import gatt
from treadmill_ctl.sim.gatt import Packet
from treadmill_ctl.sim.profiles import (
    ControlPolicy,
    OffStep,
    OutOfRange,
    RepeatedStop,
    RepeatRequestControl,
    SpeedWhenStopped,
    StartWhileRunning,
)
from treadmill_ctl.sim.workout import (
    ON_PAUSE,
    ON_START,
    ON_STOP,
    BeltState,
    StartAction,
    StopAction,
    Workout,
)

__all__ = ["KNOWN_OPS", "ControlPoint"]

KNOWN_OPS = frozenset(
    {
        gatt.OP_REQUEST_CONTROL,
        gatt.OP_RESET,
        gatt.OP_SET_SPEED,
        gatt.OP_SET_INCLINE,
        gatt.OP_START,
        gatt.OP_STOP_PAUSE,
    }
)
"""The ops the virtual treadmill knows; any other answers "not supported"."""


@dataclass(frozen=True, slots=True)
class _Rejected:
    result: int


class ControlPoint:
    """The control point of the machine ``workout`` (its profile says how it behaves)."""

    def __init__(self, workout: Workout) -> None:
        self.workout = workout
        self.has_control = False
        self.revoked = False  # status FF: every op but 00 needs control, whatever the profile

    def forget(self) -> None:
        """The connection ended: control permission with it."""
        self.has_control = False
        self.revoked = False

    def revoke(self) -> None:
        """Control permission taken away (status FF)."""
        self.has_control = False
        self.revoked = True

    def _needs_control(self, op: int) -> bool:
        if op == gatt.OP_REQUEST_CONTROL:
            return False
        return self.revoked or self.workout.profile.control is not ControlPolicy.NOT_NEEDED

    def execute(self, op: int, param: bytes) -> tuple[int, list[Packet]]:
        """Run one control-point op: (result code, the status packets it causes, in order)."""
        if op not in KNOWN_OPS:
            return gatt.RESULT_NOT_SUPPORTED, []
        if op == gatt.OP_REQUEST_CONTROL:
            return self._op_request_control(param), []
        if self._needs_control(op) and not self.has_control:
            return gatt.RESULT_NOT_PERMITTED, []
        if self.workout.profile.control is ControlPolicy.EVERY_COMMAND:
            self.has_control = False  # used up: ask again before the next command
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
        repeat = self.workout.profile.repeat_request_control
        if self.has_control and repeat is RepeatRequestControl.FAIL:
            return gatt.RESULT_FAILED
        self.has_control = True
        self.revoked = False
        return gatt.RESULT_SUCCESS

    def _op_reset(self, param: bytes) -> tuple[int, list[Packet]]:
        if param:
            return gatt.RESULT_INVALID_PARAMETER, []
        packets = self.workout.reset()
        self.forget()
        return gatt.RESULT_SUCCESS, packets

    def _op_start(self, param: bytes) -> tuple[int, list[Packet]]:
        if param:
            return gatt.RESULT_INVALID_PARAMETER, []
        w = self.workout
        if not w.safety_key_in:
            return gatt.RESULT_FAILED, []
        action = ON_START[w.state]
        if action is StartAction.ALREADY:
            match w.profile.start_while_running:
                case StartWhileRunning.FAIL:
                    return gatt.RESULT_FAILED, []
                case StartWhileRunning.SUCCESS:
                    return gatt.RESULT_SUCCESS, []
                case StartWhileRunning.TOGGLE_PAUSE:
                    w.pause()
                    return gatt.RESULT_SUCCESS, [w.paused_status()]
        return gatt.RESULT_SUCCESS, w.begin(resume=action is StartAction.RESUME)

    def _op_stop_pause(self, param: bytes) -> tuple[int, list[Packet]]:
        if len(param) != 1 or param[0] not in (0x01, 0x02):
            return gatt.RESULT_INVALID_PARAMETER, []
        w = self.workout
        stop = param[0] == 0x01
        action = (ON_STOP if stop else ON_PAUSE)[w.state]
        if action is StopAction.FAIL:
            return gatt.RESULT_FAILED, []
        if action is StopAction.ALREADY:
            if w.profile.repeated_stop is RepeatedStop.FAIL:
                return gatt.RESULT_FAILED, []
            return gatt.RESULT_SUCCESS, []
        if stop and w.profile.stop_speeds_up and w.state is BeltState.RUNNING:
            top = w.console_to_kmh(w.profile.speed_max)
            w.target_kmh = min(w.target_kmh + 1.0, top)
            return gatt.RESULT_SUCCESS, []
        if stop:
            # post-workout first, then "stopped by user" (the CS-WP8 capture's order)
            return gatt.RESULT_SUCCESS, [*w.halt(), w.stopped_status()]
        w.pause()
        return gatt.RESULT_SUCCESS, [w.paused_status()]

    def _op_set_speed(self, param: bytes) -> tuple[int, list[Packet]]:
        if len(param) != 2:
            return gatt.RESULT_INVALID_PARAMETER, []
        raw = struct.unpack("<H", param)[0]
        w = self.workout
        p = w.profile
        applied = self._setpoint(raw, p.speed_min * 100, p.speed_max * 100, p.speed_step * 100)
        if isinstance(applied, _Rejected):
            return applied.result, []
        if applied is None:  # accepted and ignored
            return gatt.RESULT_SUCCESS, []
        kmh = w.console_to_kmh(applied / 100)
        paused = w.state is BeltState.PAUSED
        if w.state is BeltState.RUNNING or (
            paused and p.speed_when_paused is SpeedWhenStopped.PENDING
        ):
            w.target_kmh = kmh
        else:
            match p.speed_when_paused if paused else p.speed_when_stopped:
                case SpeedWhenStopped.REJECT:
                    return gatt.RESULT_FAILED, []
                case SpeedWhenStopped.IGNORE:
                    return gatt.RESULT_SUCCESS, []
                case SpeedWhenStopped.PENDING:
                    w.pending_kmh = kmh
        return gatt.RESULT_SUCCESS, [w.target_speed_status(applied)]

    def _op_set_incline(self, param: bytes) -> tuple[int, list[Packet]]:
        w = self.workout
        p = w.profile
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
        w.target_incline = applied / 10
        status = w.status(gatt.STATUS_TARGET_INCLINE, struct.pack("<h", applied))
        return gatt.RESULT_SUCCESS, [status]

    def _setpoint(
        self, raw: int, lo_f: float, hi_f: float, step_f: float
    ) -> int | _Rejected | None:
        """Apply the profile's range and step policies to a wire value (integer units).
        Returns the applied wire value, None (accepted, ignored) or a rejection."""
        lo, hi, step = round(lo_f), round(hi_f), max(1, round(step_f))
        p = self.workout.profile
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
