"""The 11 pyftms 0.4.15 defects of ftms.md, on real bytes: for each, a test that our seam gets
it right, and a canary ``test_pyftms_still_has_defect_N`` showing that bare pyftms still has it.

When a pyftms upgrade fixes a defect, its canary fails: then remove the workaround marked
"pyftms 0.4.15 defect N" in treadmill_ctl/ftms/pyftms_seam.py (and this canary)."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import pytest
from link_harness import open_link, running, wait_until

from treadmill_ctl.ftms import codec
from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.ftms.model import (
    BadPacket,
    LinkUpdate,
    MachineStatus,
    MachineStatusKind,
    Result,
    TrainingStatus,
    TreadmillData,
)
from treadmill_ctl.ftms.pyftms_seam import FtmsTreadmill
from treadmill_ctl.proof.bare_pyftms import open_bare_pyftms
from treadmill_ctl.sim.bleak_backend import SimAir, SimConnection, simulated_ble_device
from treadmill_ctl.sim.profiles import SimProfile, load_profile
from treadmill_ctl.sim.treadmill import VirtualTreadmill

pytestmark = pytest.mark.looptime

ELEVATION_NOT_AVAILABLE = bytes.fromhex("1000c800ffffffff")  # speed 2.00, elevation FFFF
ELEVATION_12_4 = bytes.fromhex("1000c8007c000000")  # +12.4 m
WITH_DISTANCE = bytes.fromhex("0400c800090000")
WITHOUT_DISTANCE = bytes.fromhex("0000c800")
ALL_ZERO = bytes.fromhex("8404000000000000000000000000")


def offline_link() -> tuple[TreadmillLink, list[LinkUpdate]]:
    """A link fed bytes directly (the replay path: the same handlers as live notifications)."""
    link = TreadmillLink("5A:11:00:00:00:99", connection=SimConnection(SimAir()))
    heard: list[LinkUpdate] = []
    link.add_listener(heard.append)
    return link, heard


class BareUpdates:
    """pyftms's own DataUpdater/MachineController, unmodified, with their events collected."""

    def __init__(self) -> None:
        from pyftms.client.backends import DataUpdater, MachineController
        from pyftms.models import TreadmillData as PyftmsTreadmillData

        self.events: list[Any] = []
        self.updater = DataUpdater(PyftmsTreadmillData, self.events.append)
        self.controller = MachineController(self.events.append)


async def bare_pyftms(
    profile: str | SimProfile, *, pyftms_timeout_s: float = 2.0
) -> tuple[Any, VirtualTreadmill]:
    device = VirtualTreadmill(profile if isinstance(profile, SimProfile) else load_profile(profile))
    air = SimAir()
    air.add(device)
    bare = await open_bare_pyftms(
        simulated_ble_device(device), air, pyftms_timeout_s=pyftms_timeout_s
    )
    return bare, device


# ---- 1. set-points truncated, not rounded


async def test_defect_1_set_points_are_rounded(backend: str) -> None:
    async with open_link(backend, "ideal") as r:
        await running(r)
        outcome = await r.link.set_speed(2.3)
        assert outcome.wire == "02 e6 00"
        assert r.device.target_speed_kmh == 2.3


async def test_pyftms_still_has_defect_1() -> None:
    from pyftms.models import ControlModel

    def wire(**kw: float) -> bytes:
        out = io.BytesIO()
        ControlModel(**kw)._serialize(out)
        return out.getvalue()

    wrong_speeds = [
        i for i in range(201) if wire(target_speed=i / 10)[1:] != (i * 10).to_bytes(2, "little")
    ]
    wrong_inclines = [
        i
        for i in range(-50, 151)
        if wire(target_inclination=i / 10)[1:] != i.to_bytes(2, "little", signed=True)
    ]
    assert (len(wrong_speeds), len(wrong_inclines)) == (17, 65)
    treadmill, device = await bare_pyftms("ideal")
    try:
        await treadmill.set_target_speed(2.3)
        assert device.control_writes[-1][1] == bytes.fromhex("02e500")  # 2.29 km/h
    finally:
        await device.close()


# ---- 2. status FF never handled


async def test_defect_2_control_lost_is_requested_again(backend: str) -> None:
    async with open_link(backend, "strict") as r:
        await running(r)
        r.device.revoke_control()
        await wait_until(lambda: bool(r.heard.statuses(MachineStatusKind.CONTROL_LOST)))
        mark = len(r.writes())
        assert (await r.link.set_speed(3.0)).ok
        assert r.writes()[mark:] == ["00", "02 2c 01"]


async def test_pyftms_still_has_defect_2() -> None:
    treadmill, device = await bare_pyftms("strict")
    try:
        assert await treadmill.start_resume() == 1
        device.revoke_control()  # notifies FF
        await asyncio.sleep(0.1)
        mark = len(device.control_writes)
        assert await treadmill.set_target_speed(3.0) == 5  # NOT_PERMITTED
        assert await treadmill.set_target_speed(3.0) == 5  # and stays so
        assert b"\x00" not in [data for _, data in device.control_writes[mark:]]
    finally:
        await device.close()


# ---- 3. trailing bytes on Machine Status


def test_defect_3_trailing_bytes_keep_the_event() -> None:
    link, heard = offline_link()
    link.feed(codec.MACHINE_STATUS, bytes.fromhex("040000"))
    link.feed(codec.MACHINE_STATUS, bytes.fromhex("020100"))
    assert [s.kind for s in heard if isinstance(s, MachineStatus)] == [
        MachineStatusKind.STARTED_BY_USER,
        MachineStatusKind.STOPPED_BY_USER,
    ]


def test_pyftms_still_has_defect_3() -> None:
    from pyftms.models import MachineStatusModel

    with pytest.raises(AssertionError):
        MachineStatusModel._deserialize(io.BytesIO(bytes.fromhex("040000")))


# ---- 4. elevation 0xFFFF loses the record


def test_defect_4_unavailable_elevation_keeps_the_record() -> None:
    link, heard = offline_link()
    link.feed(codec.TREADMILL_DATA, ELEVATION_NOT_AVAILABLE)
    assert heard == [TreadmillData(speed_kmh=2.0)]


def test_pyftms_still_has_defect_4() -> None:
    bare = BareUpdates()
    with pytest.raises(TypeError):
        bare.updater._on_notify(None, bytearray(ELEVATION_NOT_AVAILABLE))


# ---- 5. elevation gain as int


def test_defect_5_elevation_is_a_float() -> None:
    link, heard = offline_link()
    link.feed(codec.TREADMILL_DATA, ELEVATION_12_4)
    (record,) = heard
    assert isinstance(record, TreadmillData)
    assert record.elevation_gain_m == 12.4
    assert link.pyftms is not None
    assert link.pyftms.elevation_gain_positive == 12.4  # pyftms's own property store too


def test_pyftms_still_has_defect_5() -> None:
    bare = BareUpdates()
    bare.updater._on_notify(None, bytearray(ELEVATION_12_4))
    assert bare.events[-1].event_data["elevation_gain_positive"] == 12


# ---- 6. a vanishing field raises KeyError


def test_defect_6_vanishing_field() -> None:
    link, heard = offline_link()
    link.feed(codec.TREADMILL_DATA, WITH_DISTANCE)
    link.feed(codec.TREADMILL_DATA, WITHOUT_DISTANCE)
    assert heard == [TreadmillData(speed_kmh=2.0, distance_m=9), TreadmillData(speed_kmh=2.0)]


def test_pyftms_still_has_defect_6() -> None:
    bare = BareUpdates()
    bare.updater._on_notify(None, bytearray(WITH_DISTANCE))
    with pytest.raises(KeyError):
        bare.updater._on_notify(None, bytearray(WITHOUT_DISTANCE))


# ---- 7. all-zero records produce no update


def test_defect_7_all_zero_record_is_delivered() -> None:
    link, heard = offline_link()
    link.feed(codec.TREADMILL_DATA, ALL_ZERO)
    assert len(heard) == 1
    assert isinstance(heard[0], TreadmillData)
    assert heard[0].speed_kmh == 0.0


def test_pyftms_still_has_defect_7() -> None:
    bare = BareUpdates()
    bare.updater._on_notify(None, bytearray(ALL_ZERO))
    assert bare.events == []


# ---- 8. result codes >= 06, training flags > 3, feature bits >= 17


def test_defect_8_tolerant_codes_and_flags() -> None:
    link, heard = offline_link()
    link.feed(codec.TRAINING_STATUS, bytes.fromhex("040d"))
    assert heard == [TrainingStatus(0x0D)]
    ind = codec.decode_indication(bytes.fromhex("800206"))
    assert isinstance(ind, codec.Indication)
    assert ind.result is Result.ERROR


async def test_defect_8_feature_bits_above_16_connect(backend: str) -> None:
    profile = SimProfile(name="new-features", machine_features=(1 << 20) | 0x1244)
    async with open_link(backend, profile) as r:
        caps = r.link.capabilities
        assert caps is not None
        assert caps.machine_features == (1 << 20) | 0x1244
        await running(r)


async def test_defect_8_unknown_result_code_is_an_error_outcome(backend: str) -> None:
    async with open_link(backend, "ideal") as r:
        await running(r)
        r.device.swallow_next_command(apply=True)  # obeyed, but its response never comes...
        pending = asyncio.create_task(r.link.set_speed(3.0))
        await wait_until(lambda: r.writes()[-1] == "02 2c 01")
        assert r.link.pyftms is not None
        # ...instead, a response with a result code the spec does not define
        r.link.pyftms.controller._on_indicate(None, bytearray.fromhex("800206"))
        outcome = await pending
        assert (outcome.result, outcome.detail) == (Result.ERROR, "unknown result code 0x06")


def test_pyftms_still_has_defect_8_result_code() -> None:
    from pyftms.models import ControlIndicateModel

    with pytest.raises(ValueError, match="ResultCode"):
        ControlIndicateModel._deserialize(io.BytesIO(bytes.fromhex("800206")))


def test_pyftms_still_has_defect_8_training_flags() -> None:
    bare = BareUpdates()
    with pytest.raises(ValueError, match="TrainingStatusFlags"):
        bare.controller._on_training_status(None, bytearray.fromhex("040d"))


async def test_pyftms_still_has_defect_8_features() -> None:
    profile = SimProfile(name="new-features", machine_features=(1 << 20) | 0x1244)
    with pytest.raises(ValueError, match="MachineFeatures"):
        await bare_pyftms(profile)


# ---- 9. an indication before the first write


async def test_defect_9_indication_before_any_command_is_harmless(backend: str) -> None:
    link, heard = offline_link()
    link.feed(codec.CONTROL_POINT, bytes.fromhex("800001"), indication=True)  # no exception
    link.feed(codec.CONTROL_POINT, bytes.fromhex("80"), indication=True)
    (bad,) = heard  # only the malformed one is reported
    assert isinstance(bad, BadPacket)
    async with open_link(backend, "ideal") as r:
        assert r.link.pyftms is not None
        r.link.pyftms.controller._on_indicate(None, bytearray.fromhex("800701"))
        assert (await r.link.start()).ok  # and the next command is not confused by it


def test_pyftms_still_has_defect_9() -> None:
    bare = BareUpdates()
    with pytest.raises(AttributeError):
        bare.controller._on_indicate(None, bytearray.fromhex("800001"))


# ---- 10. supported_settings cached before connect


async def test_defect_10_supported_settings_after_connect() -> None:
    device = VirtualTreadmill()
    air = SimAir()
    air.add(device)
    treadmill = FtmsTreadmill(
        simulated_ble_device(device),
        sink=lambda u: None,
        on_outcome=lambda o: None,
        connection=SimConnection(air),
    )
    try:
        assert treadmill.supported_settings == []  # read before connect
        await treadmill.connect()
        assert set(treadmill.supported_settings) >= {"target_speed", "target_inclination"}
    finally:
        await treadmill.disconnect()
        await device.close()


async def test_pyftms_still_has_defect_10() -> None:
    from pyftms import Treadmill

    device = VirtualTreadmill()
    air = SimAir()
    air.add(device)
    treadmill = Treadmill(simulated_ble_device(device))
    try:
        assert treadmill.supported_settings == []  # read before connect
        await open_bare_pyftms(simulated_ble_device(device), air, treadmill)
        assert treadmill.supported_ranges  # pyftms did read the machine's settings...
        assert treadmill.supported_settings == []  # ...but the cached answer stays empty
    finally:
        await device.close()


# ---- 11. STOP waits behind a pending command (2 s lock)


async def test_pyftms_still_has_defect_11_timeout_raises() -> None:
    treadmill, device = await bare_pyftms("laggy")  # responses after 2.5 s
    try:
        with pytest.raises(TimeoutError):  # not a result: an exception
            await treadmill.start_resume()
    finally:
        await device.close()


async def test_pyftms_still_has_defect_11_stop_waits() -> None:
    loop = asyncio.get_running_loop()
    # pyftms's own timeout raised to 3 s so that it can work a console answering in 2.5 s
    treadmill, device = await bare_pyftms("laggy", pyftms_timeout_s=3.0)
    try:
        assert await treadmill.start_resume() == 1
        speed = asyncio.create_task(treadmill.set_target_speed(5.0))
        await wait_until(lambda: device.control_writes[-1][1] == bytes.fromhex("02f401"))
        t_call = loop.time()
        assert await treadmill.stop() == 1
        t_stop = next(t for t, data in device.control_writes if data == b"\x08\x01")
        assert t_stop - t_call >= 2.0  # the STOP waited behind the lock for the Set Speed
        assert await speed == 1
    finally:
        await device.close()
