"""Typed values that cross the treadmill link: the contract between the link, the session
engine, the history and the GUI. Pure data, no I/O.

Units: speed km/h, distance m, incline %, time s, energy kcal. ``None`` means the machine did
not send the field or sent its "not available" value.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Final

FTMS_SERVICE_UUID: Final = "00001826-0000-1000-8000-00805f9b34fb"


def uuid16(short: int) -> str:
    """The full 128-bit UUID string of a 16-bit Bluetooth SIG UUID."""
    return f"0000{short:04x}-0000-1000-8000-00805f9b34fb"


class Op(enum.StrEnum):
    """Control-point operations the app uses (names are those of the events file)."""

    REQUEST_CONTROL = "request_control"
    RESET = "reset"
    SET_SPEED = "set_speed"
    SET_INCLINE = "set_incline"
    START = "start"
    STOP = "stop"
    PAUSE = "pause"


OP_CODES: Final[dict[Op, int]] = {
    Op.REQUEST_CONTROL: 0x00,
    Op.RESET: 0x01,
    Op.SET_SPEED: 0x02,
    Op.SET_INCLINE: 0x03,
    Op.START: 0x07,
    Op.STOP: 0x08,  # parameter 01
    Op.PAUSE: 0x08,  # parameter 02
}


class Result(enum.StrEnum):
    """Outcome of one control-point command, as written to the events file."""

    SUCCESS = "success"
    NOT_SUPPORTED = "not_supported"
    INVALID_PARAMETER = "invalid_parameter"
    FAILED = "failed"
    NOT_PERMITTED = "not_permitted"
    TIMEOUT = "timeout"
    ERROR = "error"  # link lost, malformed or mismatched response, unknown result code

    @classmethod
    def from_code(cls, code: int) -> Result:
        """Map an FTMS result code (01..05) to a Result; anything else is ERROR."""
        return _RESULT_BY_CODE.get(code, cls.ERROR)


_RESULT_BY_CODE: Final[dict[int, Result]] = {
    0x01: Result.SUCCESS,
    0x02: Result.NOT_SUPPORTED,
    0x03: Result.INVALID_PARAMETER,
    0x04: Result.FAILED,
    0x05: Result.NOT_PERMITTED,
}


@dataclass(frozen=True, slots=True)
class CommandOutcome:
    """What happened to one command: the value asked for, the bytes written, the result."""

    op: Op
    value: float | None
    wire: str  # hex of the bytes written to the control point, "" if nothing was written
    result: Result
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.result is Result.SUCCESS


@dataclass(frozen=True, slots=True)
class StopOutcome:
    """Result of a pre-emptive STOP: confirmed by the machine or not, after how many writes."""

    confirmed: bool
    attempts: int
    how: str  # "indication", "status", "speed", or "" when not confirmed
    commands: tuple[CommandOutcome, ...] = ()


@dataclass(frozen=True, slots=True)
class SettingRange:
    """A machine's supported range for one setting."""

    minimum: float
    maximum: float
    step: float

    def clamp_to_step(self, value: float) -> float:
        """Nearest value the machine can take: clamped to [min, max], rounded to the step grid
        anchored at the minimum (never truncated)."""
        v = min(max(value, self.minimum), self.maximum)
        if self.step > 0:
            n = round((v - self.minimum) / self.step)
            v = self.minimum + n * self.step
            if v > self.maximum + 1e-9:
                v -= self.step
        return round(v, 2)


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What the connected machine says it can do (Feature, ranges)."""

    speed: SettingRange
    incline: SettingRange | None  # None: incline cannot be set
    can_set_speed: bool
    can_set_incline: bool
    machine_features: int = 0
    target_features: int = 0
    name: str = ""
    address: str = ""
    manufacturer: str | None = None
    model: str | None = None


@dataclass(frozen=True, slots=True)
class TreadmillData:
    """One complete Treadmill Data record (2ACD), possibly assembled from several packets."""

    speed_kmh: float | None = None
    avg_speed_kmh: float | None = None
    distance_m: int | None = None
    incline_pct: float | None = None
    ramp_angle_deg: float | None = None
    elevation_gain_m: float | None = None
    elevation_loss_m: float | None = None
    inst_pace_kmmin: float | None = None
    avg_pace_kmmin: float | None = None
    energy_kcal: int | None = None
    energy_per_hour_kcal: int | None = None
    energy_per_min_kcal: int | None = None
    hr_bpm: int | None = None
    met: float | None = None
    elapsed_s: int | None = None
    remaining_s: int | None = None
    force_n: int | None = None
    power_w: int | None = None
    steps: int | None = None


class MachineStatusKind(enum.StrEnum):
    """Fitness Machine Status (2ADA) op codes the app acts on."""

    RESET = "reset"
    STOPPED_BY_USER = "stopped_by_user"  # 02 01: console stop
    PAUSED_BY_USER = "paused_by_user"  # 02 02: console pause
    STOPPED_BY_SAFETY_KEY = "stopped_by_safety_key"  # 03
    STARTED_BY_USER = "started_by_user"  # 04
    TARGET_SPEED_CHANGED = "target_speed_changed"  # 05 + u16
    TARGET_INCLINE_CHANGED = "target_incline_changed"  # 06 + s16
    CONTROL_LOST = "control_lost"  # FF
    OTHER = "other"  # any other op code: reported, not acted on


@dataclass(frozen=True, slots=True)
class MachineStatus:
    """One Machine Status notification."""

    kind: MachineStatusKind
    value: float | None = None
    raw: str = ""


class TrainingStatusCode(enum.IntEnum):
    """Training Status (2AD3) codes (the ones real treadmills send)."""

    OTHER = 0x00
    IDLE = 0x01
    WARMING_UP = 0x02
    LOW_INTENSITY_INTERVAL = 0x03
    HIGH_INTENSITY_INTERVAL = 0x04
    RECOVERY_INTERVAL = 0x05
    ISOMETRIC = 0x06
    HEART_RATE_CONTROL = 0x07
    FITNESS_TEST = 0x08
    SPEED_OUTSIDE_CONTROL_REGION_LOW = 0x09
    SPEED_OUTSIDE_CONTROL_REGION_HIGH = 0x0A
    COOL_DOWN = 0x0B
    WATT_CONTROL = 0x0C
    MANUAL_MODE = 0x0D
    PRE_WORKOUT = 0x0E
    POST_WORKOUT = 0x0F


@dataclass(frozen=True, slots=True)
class TrainingStatus:
    """One Training Status value; ``code`` is the raw byte (unknown codes are kept)."""

    code: int
    text: str | None = None


class LinkState(enum.StrEnum):
    """State of the Bluetooth link."""

    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    LOST = "lost"  # dropped without the app asking


@dataclass(frozen=True, slots=True)
class LinkEvent:
    """The link changed state; ``message`` says why in user words."""

    state: LinkState
    message: str = ""


@dataclass(frozen=True, slots=True)
class BadPacket:
    """A notification that could not be understood: counted, logged, never raised."""

    uuid16: int
    raw: str
    reason: str


type LinkUpdate = TreadmillData | MachineStatus | TrainingStatus | LinkEvent | BadPacket


@dataclass(frozen=True, slots=True)
class DiscoveredDevice:
    """One device seen in a scan."""

    name: str
    address: str
    rssi: int | None
    machine_type: str  # "treadmill", "unknown" (no/odd service data), or another FTMS type
    advertises_ftms: bool
    details: dict[str, object] = field(default_factory=dict)
