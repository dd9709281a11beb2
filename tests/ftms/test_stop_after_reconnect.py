"""What confirms a STOP by the reported speed. Written right after a reconnect, before the first
speed record, the falling speed still confirms it (issue 11: a strict console answered 04 and
the app raised a false "pull the safety key" alarm while the belt was visibly running down);
a belt that only runs down to our last set-point does not."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from link_harness import lost_at, open_link, running, wait_until

from treadmill_ctl.ftms.model import LinkState, Result
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES
from treadmill_ctl.sim.treadmill import BeltState

pytestmark = pytest.mark.looptime


async def test_a_stop_just_after_a_reconnect_is_confirmed_by_the_falling_speed(
    backend: str,
) -> None:
    async with open_link(backend, "strict") as r:  # a repeated Stop gets 04
        await running(r)
        assert (await r.link.set_speed(8.0)).ok
        await wait_until(lambda: (r.link.last_speed_kmh or 0.0) >= 7.9)
        r.device.console_stop()  # the belt runs down at 1.5 km/h per s: more than 5 s
        await asyncio.sleep(0.1)
        r.device.drop_link(0.5)
        await lost_at(r)
        await asyncio.sleep(1.0)
        await r.link.connect()
        assert r.link.state is LinkState.CONNECTED
        assert r.link.last_speed_kmh is None  # no record yet since the reconnect
        outcome = await r.link.stop()
        assert [o.result for o in outcome.commands][:1] == [Result.FAILED]  # already stopping
        assert outcome.confirmed, outcome  # not "pull the safety key" while it runs down
        assert outcome.how == "speed"


async def test_a_belt_running_down_to_our_last_set_point_does_not_confirm_a_refused_stop(
    backend: str,
) -> None:
    # Found by the fault matrix (the end of a session on "picky"): the STOP was refused (05,
    # control is needed before every command) while the belt still ran down to the last
    # set-point; that fall was taken for the stop, the STOP never retried, the belt ran on.
    slow = dataclasses.replace(BUILTIN_PROFILES["picky"], indication_delay_s=0.6)
    async with open_link(backend, slow) as r:
        await running(r)
        assert (await r.link.set_speed(3.0)).ok
        await wait_until(lambda: (r.link.last_speed_kmh or 0.0) >= 2.9)
        assert (await r.link.set_speed(2.0)).ok  # the belt now runs down to 2.0
        outcome = await r.link.stop()
        assert outcome.confirmed
        assert r.device.state in (BeltState.STOPPING, BeltState.STOPPED)  # it took the STOP
        await wait_until(lambda: r.device.belt_speed_kmh == 0.0)
