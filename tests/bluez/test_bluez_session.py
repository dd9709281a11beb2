"""A whole session on the app's real Bluetooth path: the treadmill link and the strap link as
the GUI builds them (``bluetooth_source()``: bleak's BlueZ backend, bleak-retry-connector),
driven by the ``SessionController`` the session screen uses, over the fake BlueZ on a real
dbus-daemon. Real time, so the countdowns are short and the ramp steep (values the settings
screen would refuse; the engine takes them as they are)."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable

import pytest
from bluez_air import CHOSEN, STRAP, air
from fake_bluez import run_until
from private_bus import PrivateBus

from treadmill_ctl.app.treadmill_source import bluetooth_source
from treadmill_ctl.hr import strap as strap_module
from treadmill_ctl.hr.strap import StrapState
from treadmill_ctl.session.controller import SessionController
from treadmill_ctl.session.events import (
    AlertEvent,
    CommandEvent,
    EndReason,
    HeartRateEvent,
    SessionEvent,
    SessionState,
)
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.session.strap_feed import StrapFeed
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim import gatt
from treadmill_ctl.sim.profiles import SimProfile

S = SessionState
PLAN = Plan("BlueZ walk", (Phase(PhaseKind.WARMUP, 600, 2.0),), id="bluez-walk")
QUICK = dataclasses.replace(Settings(), start_countdown_s=1, countdown_s=1, cue_lead_s=1)
QUICK = dataclasses.replace(QUICK, ramp_kmh_per_s=2.0)
# A brisk belt: the waits for it to speed up and run down are short in real time.
BRISK = dataclasses.replace(SimProfile(), accel_kmh_s=3.0, decel_kmh_s=3.0, stop_decel_kmh_s=3.0)


@pytest.fixture(autouse=True)
def quick_strap_reconnects(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(strap_module, "RECONNECT_DELAYS_S", (0.05,))


async def test_a_session_over_bluez_start_setpoints_pause_stop_link_loss_and_the_strap(
    bluez_bus: PrivateBus,
) -> None:
    async with air(bluez_bus, BRISK) as (bluez, chosen, neighbour):
        source = bluetooth_source()
        heard = {d.address for d in await source.scan(0.5)}
        assert CHOSEN in heard
        link = source.open_link(CHOSEN, QUICK)
        await link.connect()
        strap = await source.open_strap(STRAP)
        await strap.connect()
        feed = StrapFeed(strap)
        events: list[SessionEvent] = []
        session = SessionController(link, PLAN, QUICK, heart_rate=feed, listeners=(events.append,))
        session.launch()
        writes = chosen.control_writes

        def ops_since(n: int) -> list[int]:
            return [data[0] for _t, data in writes[n:]]

        def state_is(state: SessionState) -> Callable[[], bool]:
            return lambda: session.session_state() is state

        try:
            # Start: the user's start, a countdown, Start, then set-points up the ramp.
            assert session.start()
            await run_until(state_is(S.RUNNING_PHASE), 10, "running at the warm-up speed")
            assert gatt.OP_START in ops_since(0)
            assert chosen.belt_speed_kmh == pytest.approx(2.0, abs=0.15)
            # A set-point from the user (the Up key): the belt follows.
            assert session.change_speed(0.5)
            await run_until(lambda: chosen.belt_speed_kmh > 2.4, 5, "the belt at 2.5 km/h")
            # The strap's heart rate reaches the session (recorded as hr events).
            await run_until(
                lambda: any(isinstance(e, HeartRateEvent) and e.bpm for e in events),
                3,
                "the strap's heart rate in the session",
            )
            # Pause and resume.
            assert session.pause()
            await run_until(state_is(S.PAUSED), 20, "paused")
            await run_until(lambda: chosen.belt_speed_kmh == 0, 20, "the belt still")
            assert session.resume()
            await run_until(lambda: chosen.belt_speed_kmh > 1.0, 10, "the belt moving again")
            # STOP: written at once and confirmed; nothing moves the belt afterwards.
            before_stop = len(writes)
            session.stop()
            await run_until(state_is(S.STOPPED), 20, "stopped")
            assert ops_since(before_stop)[0] == gatt.OP_STOP_PAUSE
            await run_until(lambda: chosen.belt_speed_kmh == 0, 20, "the belt still")
            # Start again, then the link is lost while the belt runs.
            assert session.start()
            await run_until(state_is(S.RUNNING_PHASE), 10, "running again")
            chosen.drop_link(back_after_s=0.3)
            await run_until(state_is(S.LINK_LOST), 3, "the link-lost alarm")
            lost = [e for e in events if isinstance(e, AlertEvent) and e.code == "link_lost"]
            assert lost
            assert "may still be running" in lost[0].message
            at_loss = len(writes)
            # The engine reconnects by itself (to the chosen address only), sends STOP first
            # and leaves the session paused: no speed is re-applied on its own.
            await run_until(state_is(S.PAUSED), 15, "reconnected and paused")
            after = [op for op in ops_since(at_loss) if op != gatt.OP_REQUEST_CONTROL]
            assert after[:1] == [gatt.OP_STOP_PAUSE]
            assert gatt.OP_START not in after
            assert gatt.OP_SET_SPEED not in after
            assert not neighbour.connected
            assert set(bluez.connect_calls()) == {bluez.path_of(CHOSEN), bluez.path_of(STRAP)}
            commands = [e for e in events if isinstance(e, CommandEvent)]
            assert all(c.result == "success" for c in commands if c.op == "start"), commands
            assert strap.state is StrapState.CONNECTED
            session.end()
            await run_until(lambda: session.ended, 20, "the session ended")
            assert session.end_reason is EndReason.STOPPED_BY_USER
        finally:
            session.close()
            if session.task is not None:
                await asyncio.gather(session.task, return_exceptions=True)
            feed.close()
            await strap.disconnect()
            await link.disconnect()
