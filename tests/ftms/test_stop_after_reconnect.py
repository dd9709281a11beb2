"""A STOP written right after a reconnect, before the first speed record: the falling speed
still confirms it (issue 11: a strict console answered 04 and the app raised a false "pull the
safety key" alarm while the belt was visibly running down)."""

from __future__ import annotations

import asyncio

import pytest
from link_harness import lost_at, open_link, running, wait_until

from treadmill_ctl.ftms.model import LinkState, Result

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
