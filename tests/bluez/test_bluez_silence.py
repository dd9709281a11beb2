"""The data watchdog on the app's real Bluetooth path (bleak's BlueZ backend over the fake
BlueZ), driven by the ``SessionController`` the session screen uses: the Treadmill Data
subscription is lost while the belt runs; the watchdog warns and subscribes once more. When that
restores the data, the warning clears and the session goes on; when it does not (a stack that
takes the CCCD write and still sends nothing), STOP is written 5 s after the warning and the
session says why. Real time: about 10 s each."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable

import pytest
from bluez_air import CHOSEN, air
from fake_bluez import run_until
from private_bus import PrivateBus

from treadmill_ctl.app.treadmill_source import bluetooth_source
from treadmill_ctl.session.controller import SessionController
from treadmill_ctl.session.events import AlertEvent, SessionEvent, SessionState
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim import gatt
from treadmill_ctl.sim.profiles import SimProfile

S = SessionState
PLAN = Plan("BlueZ walk", (Phase(PhaseKind.WARMUP, 600, 2.0),), id="bluez-walk")
QUICK = dataclasses.replace(
    Settings(), start_countdown_s=1, countdown_s=1, cue_lead_s=1, ramp_kmh_per_s=2.0
)
BRISK = dataclasses.replace(SimProfile(), accel_kmh_s=3.0, decel_kmh_s=3.0, stop_decel_kmh_s=3.0)
TREADMILL_DATA = "00002acd-0000-1000-8000-00805f9b34fb"


@pytest.mark.parametrize("restored", [True, False], ids=["restored", "not-restored"])
async def test_a_lost_data_subscription_over_bluez(bluez_bus: PrivateBus, restored: bool) -> None:
    async with air(bluez_bus, BRISK) as (_bluez, chosen, _neighbour):
        link = bluetooth_source().open_link(CHOSEN, QUICK)
        await link.connect()
        events: list[SessionEvent] = []
        session = SessionController(link, PLAN, QUICK, listeners=(events.append,))
        session.launch()

        def alerts(code: str) -> list[AlertEvent]:
            return [e for e in events if isinstance(e, AlertEvent) and e.code == code]

        def state_is(state: SessionState) -> Callable[[], bool]:
            return lambda: session.session_state() is state

        try:
            assert session.start()
            await run_until(state_is(S.RUNNING_PHASE), 10, "running at the warm-up speed")
            if not restored:  # the stack takes the CCCD write and still sends nothing
                subscribe = chosen.set_subscriber

                def deaf(uuid: str, cb: Callable[[bytes], None] | None) -> None:
                    subscribe(uuid, None if uuid.lower() == TREADMILL_DATA else cb)

                chosen.set_subscriber = deaf  # type: ignore[method-assign]
            at_loss = len(chosen.control_writes)
            chosen.lose_data_subscription()
            await run_until(lambda: bool(alerts("data_stale")), 10, "the stale-data warning")
            if restored:
                await run_until(lambda: bool(alerts("data_back")), 5, "the data back")
                await asyncio.sleep(6.0)  # past the 5 s the watchdog would have waited
                assert alerts("data_lost") == []
                assert session.session_state() is S.RUNNING_PHASE
                assert chosen.belt_speed_kmh > 1.5
            else:
                await run_until(lambda: bool(alerts("data_lost")), 10, "the data-lost STOP")
                (warning,) = alerts("data_stale")
                (lost,) = alerts("data_lost")
                assert lost.t - warning.t == pytest.approx(5.0, abs=0.5)
                assert lost.message.startswith("The treadmill stopped sending its speed")

                def stop_written() -> bool:
                    ops = [data[0] for _t, data in chosen.control_writes[at_loss:]]
                    return gatt.OP_STOP_PAUSE in ops

                await run_until(stop_written, 0.25, "STOP written at once")
                await run_until(lambda: chosen.belt_speed_kmh == 0, 10, "the belt still")
            session.end()
            await run_until(lambda: session.ended, 20, "the session ended")
        finally:
            session.close()
            if session.task is not None:
                await asyncio.gather(session.task, return_exceptions=True)
            await link.disconnect()
