"""STOP pre-empts: it never waits behind a pending command, it is confirmed, and retried until
confirmed or the caller is told it could not be."""

from __future__ import annotations

import asyncio

import pytest
from link_harness import TimedTraffic, lost_at, open_link, running, wait_until

from treadmill_ctl.ftms.model import (
    BadPacket,
    CommandOutcome,
    MachineStatusKind,
    Op,
    Result,
    StopOutcome,
)
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES
from treadmill_ctl.sim.treadmill import BeltState

pytestmark = pytest.mark.looptime

STOP = b"\x08\x01"


async def test_stop_reaches_the_device_at_once_while_a_slow_set_speed_is_pending(
    backend: str,
) -> None:
    loop = asyncio.get_running_loop()
    async with open_link(backend, "laggy") as r:  # responses come 2.5 s late
        await running(r)
        pending = asyncio.create_task(r.link.set_speed(5.0))
        await wait_until(lambda: r.writes()[-1] == "02 f4 01")
        await asyncio.sleep(0.2)  # the Set Speed is now waiting for its response
        t_call = loop.time()
        outcome = await r.link.stop()

        stop_writes = [t for t, data in r.device.control_writes if data == STOP]
        assert stop_writes[0] - t_call < 0.001  # not 2.3 s later behind the Set Speed
        assert outcome.confirmed
        assert outcome.how == "speed"  # the belt slowed before the late response came
        assert loop.time() - t_call < 1.0

        superseded = await pending
        assert superseded.result is Result.ERROR
        assert superseded.detail == "superseded by stop"
        assert superseded.wire == "02 f4 01"  # it was written; only its wait was abandoned

        await asyncio.sleep(5)  # the late responses come and are not mistaken for anything
        assert not r.heard.of(BadPacket)
        (stop,) = [o for _, o in r.heard.outcomes if o.op is Op.STOP]
        # Its own response came 2.5 s late: reported as such, the speed had confirmed it.
        assert (stop.result, stop.wire) == (Result.TIMEOUT, "08 01")
        await wait_until(lambda: r.device.belt_speed_kmh == 0.0)


async def test_commands_queued_before_stop_are_never_sent(backend: str) -> None:
    async with open_link(backend, "laggy") as r:
        await running(r)
        first = asyncio.create_task(r.link.set_speed(4.0))
        queued = asyncio.create_task(r.link.set_speed(6.0))
        await wait_until(lambda: r.writes()[-1] == "02 90 01")
        stop = await r.link.stop()
        assert stop.confirmed
        results: list[CommandOutcome] = [await first, await queued]
        assert [(o.result, o.detail) for o in results] == [
            (Result.ERROR, "superseded by stop"),
            (Result.ERROR, "superseded by stop"),
        ]
        assert results[1].wire == ""
        await asyncio.sleep(6)
        assert "02 58 02" not in r.writes()  # 6.0 km/h never reached the machine
        # Commands asked for after the STOP run normally.
        assert (await r.link.start()).ok


async def test_stop_is_retried_when_the_device_says_a_procedure_is_in_progress(
    backend: str,
) -> None:
    async with open_link(
        backend, "ideal"
    ) as r:  # refuses a write while a response is outstanding (0xFE)
        await running(r)
        stops: list[asyncio.Task[StopOutcome]] = []
        speed = asyncio.create_task(r.link.set_speed(3.0))

        def stop_when_the_speed_arrives(t: float, data: bytes) -> None:
            if data[:1] == b"\x02" and not stops:
                stops.append(asyncio.create_task(r.link.stop()))

        r.device.on_control_write = stop_when_the_speed_arrives
        await wait_until(lambda: bool(stops))
        outcome = await stops[0]
        assert outcome.confirmed
        t_speed = next(t for t, data in r.device.control_writes if data[:1] == b"\x02")
        stop_times = [t for t, data in r.device.control_writes if data == STOP]
        assert len(stop_times) >= 2  # refused with ATT 0xFE while the speed's response was due
        assert stop_times[0] - t_speed < 0.001
        assert stop_times[-1] - t_speed <= 0.05  # retried promptly
        assert (await speed).detail == "superseded by stop"
        await wait_until(lambda: r.device.state in (BeltState.STOPPING, BeltState.STOPPED))


async def test_unconfirmed_stop_is_retried_then_reported(backend: str) -> None:
    loop = asyncio.get_running_loop()
    async with open_link(backend, "ideal", stop_window_s=4.0) as r:
        await running(r, min_kmh=0.5)

        def ignore_stops(_t: float, data: bytes) -> None:
            if data == STOP:
                r.device.swallow_next_command()  # never answered, never obeyed

        r.device.on_control_write = ignore_stops
        t0 = loop.time()
        outcome = await r.link.stop()
        assert not outcome.confirmed
        assert outcome.how == ""
        assert outcome.attempts >= 2
        assert [o.result for o in outcome.commands] == [Result.TIMEOUT] * outcome.attempts
        assert loop.time() - t0 == pytest.approx(4.0, abs=0.1)
        assert r.device.belt_speed_kmh > 0  # nobody pretends the belt stopped


async def test_stop_confirmed_by_indication_on_a_prompt_machine(backend: str) -> None:
    async with open_link(backend, "cs-wp8") as r:  # status before the indication, trailing bytes
        await running(r)
        outcome = await r.link.stop()
        assert outcome.confirmed
        assert outcome.how in ("indication", "status")
        assert outcome.attempts == 1


async def test_concurrent_stops_are_one_stop(backend: str) -> None:
    async with open_link(backend, "ideal") as r:
        await running(r)
        a, b = await asyncio.gather(r.link.stop(), r.link.stop())
        assert a is b
        assert sum(1 for _, data in r.device.control_writes if data == STOP) == 1


async def test_stop_carries_on_when_its_caller_is_cancelled(backend: str) -> None:
    async with open_link(backend, "laggy") as r:
        await running(r)
        caller = asyncio.create_task(r.link.stop())
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        caller.cancel()
        await wait_until(lambda: STOP in [d for _, d in r.device.control_writes])
        await wait_until(lambda: r.device.belt_speed_kmh == 0.0)


async def test_stop_without_a_link_is_not_confirmed(backend: str) -> None:
    sent = TimedTraffic()  # when the link handed each write to bleak
    async with open_link(backend, "ideal", traffic=sent) as r:
        await running(r)
        mark = len(r.writes())
        r.device.drop_link(back_after_s=None)
        outcome = await r.link.stop()
        t_lost, _ = await lost_at(r)
        assert not outcome.confirmed
        assert outcome.how == ""
        stops = [t for t, wire in sent.writes() if wire == "08 01"]
        # Nothing is written once the link is known lost: at once on the in-process backend,
        # so no attempt at all there; over a radio the link cannot know for the supervision
        # timeout, and its one STOP in that time is lost on the silent air.
        assert all(t < t_lost for t in stops)
        assert outcome.attempts == len(stops) <= 1
        # Every STOP outcome, in the StopOutcome and at the command listeners, is an error.
        assert all(o.result is Result.ERROR for o in outcome.commands)
        await wait_until(lambda: any(o.op is Op.STOP for _, o in r.heard.outcomes))
        assert {o.result for _, o in r.heard.outcomes if o.op is Op.STOP} == {Result.ERROR}
        assert r.writes()[mark:] == []  # nothing reached the treadmill
        assert r.device.belt_speed_kmh > 0  # nobody pretends the belt stopped


async def test_stop_after_control_was_lost_is_written_first_then_control_then_stop(
    backend: str,
) -> None:
    async with open_link(backend, "strict") as r:
        await running(r)
        r.device.revoke_control()
        await asyncio.sleep(0.1)
        mark = len(r.writes())
        outcome = await r.link.stop()
        assert outcome.confirmed
        # STOP at once; the machine answers 05; control is asked for and STOP written again.
        assert r.writes()[mark:] == ["08 01", "00", "08 01"]
        await wait_until(lambda: r.device.belt_speed_kmh == 0.0)


@pytest.mark.parametrize("profile", sorted(BUILTIN_PROFILES))
async def test_stop_after_control_loss_is_written_at_once(backend: str, profile: str) -> None:
    """Status FF on any console, then STOP: the STOP is on the wire at once (not behind a
    Request Control that times out on a slow console), and the belt stops."""
    loop = asyncio.get_running_loop()
    async with open_link(backend, profile) as r:
        await running(r)
        r.device.revoke_control()
        await wait_until(lambda: bool(r.heard.statuses(MachineStatusKind.CONTROL_LOST)))
        mark = len(r.device.control_writes)
        t_call = loop.time()
        outcome = await r.link.stop()
        t_first, first = r.device.control_writes[mark]
        assert first == STOP
        assert t_first - t_call <= 0.25  # the STOP budget
        assert outcome.confirmed, outcome
        await wait_until(lambda: r.device.belt_speed_kmh == 0.0)
