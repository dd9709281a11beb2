"""pyftms, fixed: the seam where the app uses pyftms, and where each of its known defects is
worked around (ftms.md, "pyftms 0.4.15 — defects reproduced against real bytes"). This module
holds the client (``FtmsTreadmill``: connection, Feature and ranges, the command path) and the
Treadmill Data decoding (``SeamUpdater``); the control-point procedure and the status decoding
are ``ftms.seam_control``'s (``SeamController``). Nothing else imports pyftms.

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
import logging
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, override

from bleak import BleakClient
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData
from bleak.exc import BleakError
from pyftms import Treadmill
from pyftms.client import const as pyftms_const
from pyftms.client.backends import DataUpdater, UpdateEvent
from pyftms.client.properties import MachineFeatures, MachineSettings, read_device_info
from pyftms.client.properties import SettingRange as PyftmsSettingRange
from pyftms.client.properties.device_info import DIS_UUID
from pyftms.models import ControlModel

from treadmill_ctl.errors import LinkError, TreadmillError
from treadmill_ctl.ftms import codec
from treadmill_ctl.ftms.codec import ControlRequest
from treadmill_ctl.ftms.model import (
    BadPacket,
    CommandOutcome,
    Result,
    SettingRange,
    TreadmillData,
    uuid16,
)
from treadmill_ctl.ftms.recording_client import RecordingBleakClient, TrafficSink
from treadmill_ctl.ftms.seam_control import OutcomeSink, SeamController, UpdateSink

if TYPE_CHECKING:
    from treadmill_ctl.ftms.connection import Connection

_LOGGER = logging.getLogger(__name__)

FEATURE_UUID: Final = uuid16(codec.FEATURE)
SPEED_RANGE_UUID: Final = uuid16(codec.SPEED_RANGE)
INCLINATION_RANGE_UUID: Final = uuid16(codec.INCLINATION_RANGE)

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
# The treadmill


@dataclass(frozen=True, slots=True)
class MachineFacts:
    """What the machine said about itself on connect (read tolerantly)."""

    features: codec.Features
    speed_range: SettingRange | None
    incline_range: SettingRange | None
    manufacturer: str | None
    model: str | None


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

    # pyftms 0.4.15 defect 10: supported_settings was a functools.cached_property: read before
    # connect, it stayed empty for good. Computed on each access here
    # (test_defect_10_supported_settings_after_connect; canary test_pyftms_still_has_defect_10).
    # Remove when pyftms stops caching it.
    @property
    def supported_settings(self) -> list[str]:
        """Settings the machine supports (by its Feature characteristic)."""
        result: list[str] = ControlModel._get_features(self._m_settings)
        return result

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
