"""The heart-rate strap in the app: found, connected only when chosen, remembered, shown, lost
without stopping anything, and feeding the session (screen, HR cap, history) over the virtual
treadmill and the virtual strap its runner wears."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from session_rig import Rig, connected_rig, make_rig, until

from treadmill_ctl.app.strap_bridge import StrapBridge
from treadmill_ctl.history import HistoryStore
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.hr_strap import VirtualHeartRateStrap

pytestmark = [pytest.mark.looptime, pytest.mark.usefixtures("qapp")]

STRAP_ADDRESS = "5A:11:00:00:48:52"


def worn(rig: Rig) -> VirtualHeartRateStrap:
    """The strap the runner wears (the first on the air)."""
    return rig.source.straps[0]


async def settle(rig: Rig) -> None:
    """Wait (loop time) until every task the bridges started is done."""
    await until(lambda: not rig.context.tasks, within=60)


def record_notices(rig: Rig) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    rig.context.notify = lambda level, message: seen.append((level, message))
    return seen


async def test_a_scan_lists_the_strap_and_connects_nothing(tmp_path: Path) -> None:
    rig = make_rig(tmp_path)
    try:
        strap = rig.bridge.strap_bridge
        assert strap.property("available") is True
        strap.scan()
        assert strap.property("scanning") is True
        await settle(rig)
        assert strap.property("scanning") is False
        rows = strap.property("devices")
        assert [(r["name"], r["address"]) for r in rows] == [("Virtual HR Strap", STRAP_ADDRESS)]
        assert rows[0]["signal"] == "strong (-58 dBm)"
        assert strap.property("status") == "1 strap found."
        assert strap.property("state") == "none"
        assert not worn(rig).connected
    finally:
        await rig.close()


async def test_the_chosen_strap_connects_shows_its_heart_rate_and_is_remembered(
    tmp_path: Path,
) -> None:
    rig = make_rig(tmp_path)
    try:
        strap = rig.bridge.strap_bridge
        strap.scan()
        await settle(rig)
        strap.connectTo(STRAP_ADDRESS)
        assert strap.property("state") == "connecting"
        await settle(rig)
        assert strap.property("state") == "connected"
        assert worn(rig).connected
        await until(lambda: strap.property("heartRateText") != "", within=3)
        assert 55 <= int(strap.property("heartRateText")) <= 75  # standing still
        assert strap.property("note") == ""
        assert strap.property("devices")[0]["current"] is True
        # Remembered in the settings, as the treadmill is.
        (saved,) = rig.saved[-1:]
        assert (saved.hr_strap_address, saved.hr_strap_name) == (STRAP_ADDRESS, "Virtual HR Strap")
        assert strap.property("rememberedName") == "Virtual HR Strap"
    finally:
        await rig.close()


async def test_the_remembered_strap_connects_once_as_the_app_opens(tmp_path: Path) -> None:
    settings = Settings(hr_strap_address=STRAP_ADDRESS, hr_strap_name="My strap")
    rig = make_rig(tmp_path, settings)
    try:
        strap = rig.bridge.strap_bridge
        assert strap.property("rememberedName") == "My strap"
        strap.autoConnect()
        await settle(rig)
        assert strap.property("state") == "connected"
        # Let go on purpose: opening the connect screen again does not reconnect it.
        strap.disconnectStrap()
        await settle(rig)
        assert strap.property("state") == "none"
        assert not worn(rig).connected
        strap.autoConnect()
        await settle(rig)
        assert strap.property("state") == "none"
        assert strap.property("rememberedAddress") == STRAP_ADDRESS  # still remembered
        strap.forget()
        await settle(rig)
        assert strap.property("rememberedAddress") == ""
        assert rig.saved[-1].hr_strap_address is None
    finally:
        await rig.close()


async def test_a_strap_that_is_not_there_says_what_to_do(tmp_path: Path) -> None:
    settings = Settings(hr_strap_address="5A:11:00:00:99:99", hr_strap_name="Old strap")
    rig = make_rig(tmp_path, settings)
    try:
        strap = rig.bridge.strap_bridge
        strap.autoConnect()
        await settle(rig)
        assert strap.property("state") == "failed"
        assert "Is it worn" in strap.property("status")
        assert strap.property("heartRateText") == ""
    finally:
        await rig.close()


async def test_a_lost_strap_is_shown_and_comes_back_by_itself(tmp_path: Path) -> None:
    rig = make_rig(tmp_path)
    seen = record_notices(rig)
    try:
        strap = rig.bridge.strap_bridge
        strap.connectTo(STRAP_ADDRESS)
        await settle(rig)
        worn(rig).drop_link(back_after_s=10)
        assert strap.property("state") == "lost"
        assert strap.property("note") == "strap lost"
        assert strap.property("heartRateText") == ""
        assert seen[-1][0] == "warning"
        assert "the session goes on" in seen[-1][1]
        await until(lambda: strap.property("state") == "connected", within=60)
        assert seen[-1] == ("info", "Heart-rate strap back.")
        await until(lambda: strap.property("heartRateText") != "", within=3)
    finally:
        await rig.close()


def backward_plan() -> Plan:
    return Plan(
        "Strap test",
        (
            Phase(PhaseKind.WARMUP, 40, 5.0),
            Phase(PhaseKind.BACKWARD, 240, 5.0),
            Phase(PhaseKind.COOLDOWN, 20, 3.0),
        ),
        id="strap-test",
    )


async def test_the_session_shows_records_and_caps_the_strap_heart_rate(tmp_path: Path) -> None:
    settings = Settings(hr_cap_bpm=115)
    async with connected_rig(tmp_path, backward_plan(), settings) as rig:
        strap: StrapBridge = rig.bridge.strap_bridge
        strap.connectTo(STRAP_ADDRESS)
        await until(lambda: strap.property("state") == "connected", within=30)
        rig.bridge.session_bridge.start()
        # The session's heart-rate tile shows the strap's heart rate.
        await until(lambda: rig.prop("heartRateText") != "", within=10)
        assert rig.prop("heartRateText") == strap.property("heartRateText")
        assert rig.prop("heartRateSource") == "strap"
        # The virtual strap follows the session: facing backward in the backward block.
        await until(lambda: rig.prop("direction") == "backward", within=120)
        await until(lambda: worn(rig).direction == "backward", within=60)
        # Above the cap in the backward block, the session slows to the turning speed.
        await until(lambda: "above your cap" in rig.prop("alertText"), within=240)
        assert int(rig.prop("heartRateText")) > 115
        # "... slowing to 0.5 km/h in 5 s.": the belt gets there, and stays there.
        words = rig.prop("alertText").split("slowing to ")[1]
        turning = float(words.split(" km/h")[0])
        await until(lambda: rig.treadmill.belt_speed_kmh <= turning + 0.05, within=30)
        await asyncio.sleep(20)
        assert rig.treadmill.belt_speed_kmh <= turning + 0.05
        assert rig.prop("direction") == "backward"
        await until(lambda: rig.prop("state") == "finished", within=400)
    with HistoryStore.open() as store:
        (summary,) = store.list_sessions()
        detail = store.get_session(summary.id)
    assert summary.max_hr_bpm is not None
    assert summary.max_hr_bpm > 115
    assert sum(1 for s in detail.samples if s.hr_bpm) >= 0.9 * len(detail.samples)


async def test_losing_the_strap_mid_session_never_stops_it(tmp_path: Path) -> None:
    async with connected_rig(tmp_path, backward_plan()) as rig:
        strap = rig.bridge.strap_bridge
        strap.connectTo(STRAP_ADDRESS)
        await until(lambda: strap.property("state") == "connected", within=30)
        rig.bridge.session_bridge.start()
        await until(lambda: rig.prop("direction") == "backward", within=120)
        writes = len(rig.treadmill.control_writes)
        worn(rig).drop_link()  # gone for good
        assert strap.property("state") == "lost"
        # The ideal treadmill sends no heart rate: the tile has nothing to show now.
        await until(lambda: rig.prop("heartRateText") == "", within=5)
        assert rig.prop("heartRateSource") == ""
        assert strap.property("note") == "strap lost"  # what the tile says instead
        assert rig.prop("moving") is True
        assert rig.prop("direction") == "backward"
        assert 0x08 not in [d[0] for _t, d in rig.treadmill.control_writes[writes:]]
        await until(lambda: rig.prop("state") == "finished", within=400)


# ---- a slow radio: the user acts while a connect or a disconnect is under way ---------------

OTHER = "5A:11:00:00:48:53"


def second_strap(rig: Rig, delay_s: float = 0.5) -> VirtualHeartRateStrap:
    """A second strap on the air (a training partner's), and a radio that takes ``delay_s``
    for each connect and disconnect, as real ones do."""
    other = VirtualHeartRateStrap(rig.treadmill, name="Partner strap", address=OTHER)
    assert rig.source.air is not None
    rig.source.air.add(other)
    rig.source.straps.append(other)  # closed with the rig
    for strap in rig.source.straps:
        strap.radio_delay_s = delay_s
    return other


async def stays_empty(rig: Rig, seconds: float) -> None:
    """The session's heart-rate tile stays empty for ``seconds`` (a strap would fill it within
    a second)."""
    for _ in range(round(seconds / 0.5)):
        await asyncio.sleep(0.5)
        assert rig.prop("heartRateText") == ""


async def test_disconnect_while_switching_straps_leaves_none_connected_or_feeding(
    tmp_path: Path,
) -> None:
    async with connected_rig(tmp_path, backward_plan()) as rig:
        strap = rig.bridge.strap_bridge
        other = second_strap(rig)
        strap.connectTo(STRAP_ADDRESS)
        await until(lambda: strap.property("state") == "connected", within=10)
        rig.bridge.session_bridge.start()
        await until(lambda: rig.prop("heartRateText") != "", within=10)
        strap.connectTo(OTHER)  # switching: the first strap's disconnect takes 0.5 s
        await asyncio.sleep(0.1)
        strap.disconnectStrap()  # ... and the user changes their mind at once
        await until(lambda: strap.property("state") == "none", within=10)
        await asyncio.sleep(3)  # whatever was under way on the radio has finished
        assert strap.property("state") == "none"
        assert not worn(rig).connected
        assert not other.connected
        await until(lambda: rig.prop("heartRateText") == "", within=2)
        await stays_empty(rig, 6)
        assert rig.prop("moving") is True  # the session never noticed


async def test_using_another_strap_during_a_disconnect_connects_only_that_one(
    tmp_path: Path,
) -> None:
    rig = make_rig(tmp_path)
    try:
        strap = rig.bridge.strap_bridge
        other = second_strap(rig)
        strap.scan()
        await settle(rig)
        strap.connectTo(STRAP_ADDRESS)
        await settle(rig)
        strap.disconnectStrap()
        await asyncio.sleep(0.1)  # the disconnect is still under way
        strap.connectTo(OTHER)
        await settle(rig)
        assert strap.property("state") == "connected"
        assert strap.property("currentName") == "Partner strap"
        assert other.connected
        assert not worn(rig).connected
        assert rig.context.settings.hr_strap_address == OTHER
    finally:
        await rig.close()


async def test_forget_while_the_lost_strap_reconnects_and_another_connects(
    tmp_path: Path,
) -> None:
    rig = make_rig(tmp_path)
    try:
        strap = rig.bridge.strap_bridge
        other = second_strap(rig, delay_s=0.0)
        strap.connectTo(STRAP_ADDRESS)
        await settle(rig)
        worn(rig).drop_link(back_after_s=1.5)  # lost: reconnecting in the background
        assert strap.property("state") == "lost"
        strap.connectTo(OTHER)
        strap.forget()  # at once: before the switch has even begun
        await settle(rig)
        await asyncio.sleep(40)  # long enough for any reconnect attempt to have come back
        assert strap.property("state") == "none"
        assert strap.property("rememberedAddress") == ""
        assert rig.context.settings.hr_strap_address is None
        assert not worn(rig).connected
        assert not other.connected
    finally:
        await rig.close()


async def test_a_failed_strap_is_retried_not_the_remembered_one(tmp_path: Path) -> None:
    settings = Settings(hr_strap_address=STRAP_ADDRESS, hr_strap_name="Virtual HR Strap")
    rig = make_rig(tmp_path, settings)
    try:
        strap = rig.bridge.strap_bridge
        other = second_strap(rig, delay_s=0.0)
        other.drop_link()  # asleep: not worn yet
        strap.connectTo(OTHER)
        await settle(rig)
        assert strap.property("state") == "failed"
        assert strap.property("currentName") == OTHER  # never heard in a scan: its address
        other.restore_link()  # now worn
        strap.retry()
        await settle(rig)
        assert strap.property("state") == "connected"
        assert other.connected
        assert not worn(rig).connected
    finally:
        await rig.close()


async def test_a_strap_put_on_in_a_backward_block_knows_the_runner_faces_backward(
    tmp_path: Path,
) -> None:
    async with connected_rig(tmp_path, backward_plan()) as rig:
        rig.bridge.session_bridge.start()
        await until(lambda: rig.prop("direction") == "backward", within=120)
        await until(lambda: rig.prop("state") == "running_phase", within=60)
        assert worn(rig).direction == "forward"  # not worn yet: nobody told it
        strap = rig.bridge.strap_bridge
        strap.connectTo(STRAP_ADDRESS)
        await until(lambda: strap.property("state") == "connected", within=10)
        assert worn(rig).direction == "backward"
