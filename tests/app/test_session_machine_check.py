"""The session screen's session takes the connected treadmill's saved check (what the connect
screen put in ``AppContext.machine_timing``): a console that takes 14 s from Start to motion
gets no false "has not started" warning once checked. On the virtual treadmill (looptime)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from session_rig import make_rig, short_plan, until

from treadmill_ctl.session.events import AlertEvent, SessionEvent
from treadmill_ctl.session.machine_quirks import MachineCheck, MachineQuirks, session_settings

pytestmark = [pytest.mark.looptime, pytest.mark.usefixtures("qapp")]


@pytest.fixture(autouse=True)
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREADMILL_CTL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("TREADMILL_CTL_DATA_DIR", str(tmp_path / "data"))


async def alert_codes_of_a_start(tmp_path: Path, *, checked: bool) -> list[str]:
    profile = tmp_path / "slow-start.toml"
    profile.write_text("start_delay_s = 14.0\n", encoding="utf-8")
    rig = make_rig(tmp_path, profile=str(profile))
    try:
        link = await rig.connect()
        if checked:
            check = MachineCheck(
                link.address, MachineQuirks(start_delay_s=14.0), dt.datetime.now(dt.UTC)
            )
            rig.context.machine_timing = session_settings(check)
        rig.context.choose_plan(short_plan())
        controller = rig.bridge.session_bridge.controller
        assert controller is not None
        events: list[SessionEvent] = []
        controller.engine.add_listener(events.append)
        assert controller.start()
        await until(lambda: rig.prop("state") == "running_phase", 120)
        return [e.code for e in events if isinstance(e, AlertEvent)]
    finally:
        await rig.close()


async def test_never_checked_a_slow_start_is_warned_of(tmp_path: Path) -> None:
    assert "slow_start" in await alert_codes_of_a_start(tmp_path, checked=False)


async def test_checked_the_sessions_wait_for_the_belt_comes_from_the_check(tmp_path: Path) -> None:
    assert "slow_start" not in await alert_codes_of_a_start(tmp_path, checked=True)
