"""One session's life in a ``SessionController`` (no Qt): ready, running, ended; what it
records in the history and when; the elapsed time while stopped and after the end; and a
controller that is done once its session ended. On the virtual treadmill, loop time
fast-forwarded (looptime): nothing sleeps."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.history import Durability, Ending, HistoryStore, SessionHeader, SessionRecorder
from treadmill_ctl.session.controller import (
    ControllerState,
    HistorySink,
    SessionController,
    SessionSummary,
    plan_record,
    summarize,
)
from treadmill_ctl.session.engine import SessionEngine, SessionSnapshot
from treadmill_ctl.session.events import EndReason, SessionState
from treadmill_ctl.session.headless import target_unit_for
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import load_profile
from treadmill_ctl.sim.treadmill import VirtualTreadmill
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link

pytestmark = pytest.mark.looptime

OP_START = 0x07
OP_STOP_PAUSE = 0x08

PLAN = Plan(
    "Short turn",
    (
        Phase(PhaseKind.WARMUP, 20, 3.0),
        Phase(PhaseKind.BACKWARD, 20, 2.5),
        Phase(PhaseKind.RECOVERY, 20, 3.0),
    ),
    id="short-turn",
)


@dataclass
class Rig:
    """A connected link to the virtual treadmill, and a history in the test's data folder."""

    link: TreadmillLink
    device: VirtualTreadmill
    store: HistoryStore
    opened: list[int] = field(default_factory=list)  # session ids, one per history opened
    made: list[SessionController] = field(default_factory=list)

    def open_history(self) -> HistorySink:
        recorder = SessionRecorder.open(
            self.store,
            SessionHeader.now(
                preset_id=PLAN.id,
                preset_name=PLAN.name,
                plan=plan_record(PLAN, Settings()),
                device="Virtual Treadmill",
            ),
        )
        self.opened.append(recorder.session_id)
        return recorder

    def controller(self, **kwargs: Any) -> SessionController:
        controller = SessionController(
            self.link, PLAN, Settings(), open_history=self.open_history, **kwargs
        )
        controller.launch()
        self.made.append(controller)
        return controller

    def ops(self) -> list[int]:
        return [data[0] for _t, data in self.device.control_writes]


@contextlib.asynccontextmanager
async def session_rig() -> AsyncIterator[Rig]:
    """Entered inside the test, not in a fixture: under looptime the clock starts with the
    test, and the virtual treadmill's physics must start on that clock."""
    profile = load_profile("ideal")
    link, device = await open_simulated_link(
        profile, connect=False, target_unit=target_unit_for(profile)
    )
    assert isinstance(link, TreadmillLink)
    await link.connect()
    store = HistoryStore.open(durability=Durability.NORMAL)
    rig = Rig(link, device, store)
    try:
        yield rig
    finally:
        for controller in rig.made:
            controller.close()
        tasks = [c.task for c in rig.made if c.task is not None]
        await asyncio.gather(*tasks, return_exceptions=True)
        store.close()
        await close_simulated_link(link, device)


async def until(check: Callable[[], bool], within: float = 120.0) -> None:
    async with asyncio.timeout(within):
        while not check():  # noqa: ASYNC110 - polls the session's state, as a screen does
            await asyncio.sleep(0.05)


async def run_then_stop(controller: SessionController, run_s: float = 5.0) -> None:
    assert controller.start()
    await until(lambda: controller.session_state() is SessionState.RUNNING_PHASE)
    await asyncio.sleep(run_s)
    controller.stop()
    await until(lambda: controller.session_state() is SessionState.STOPPED)


async def end(controller: SessionController) -> EndReason:
    assert controller.end()
    task = controller.task
    assert task is not None
    return await asyncio.wait_for(task, 30)


async def test_a_session_that_never_started_leaves_no_history_entry() -> None:
    async with session_rig() as rig:
        controller = rig.controller()
        await controller.wait_started()
        assert controller.state is ControllerState.READY
        controller.stop()  # STOP before any start: the belt is stopped, nothing is recorded
        await until(lambda: controller.session_state() is SessionState.STOPPED)
        assert await end(controller) == EndReason.STOPPED_BY_USER
        assert controller.state is ControllerState.ENDED
        assert rig.opened == []
        assert rig.store.list_sessions() == []
        assert OP_START not in rig.ops()


async def test_the_history_entry_opens_at_the_start_and_a_restart_stays_in_it() -> None:
    async with session_rig() as rig:
        controller = rig.controller()
        await controller.wait_started()
        await asyncio.sleep(3)
        assert rig.opened == []  # ready, not started: nothing yet
        await run_then_stop(controller)
        assert controller.state is ControllerState.RUNNING
        assert controller.recording
        await run_then_stop(controller)  # started again after the STOP: the same session
        assert await end(controller) == EndReason.STOPPED_BY_USER
        assert not controller.recording
        assert len(rig.opened) == 1
        (recorded,) = rig.store.list_sessions()
        assert recorded.ended is Ending.STOPPED_BY_USER
        detail = rig.store.get_session(recorded.id)
        states = [s.state for s in detail.states]
        assert states[0] == "starting_countdown"  # recorded from the start on
        assert states.count("starting_countdown") == 2
        assert recorded.forward_s > 8


async def test_once_ended_the_controller_is_done_and_refuses_every_action() -> None:
    async with session_rig() as rig:
        controller = rig.controller()
        await run_then_stop(controller)
        await end(controller)
        assert controller.ended
        writes = len(rig.device.control_writes)
        assert controller.start() is False
        assert controller.confirm() is False
        assert controller.pause() is False
        assert controller.resume() is False
        assert controller.toggle_pause() is False
        assert controller.skip() is False
        assert controller.extend() is False
        assert controller.change_speed(0.5) is False
        assert controller.end() is False
        assert not controller.can_start()
        assert not controller.is_active()
        await asyncio.sleep(10)
        assert OP_START not in rig.ops()[writes:]
        assert rig.device.belt_speed_kmh == 0.0
        assert len(rig.store.list_sessions()) == 1  # no entry for the refused start
        # STOP is never refused: it still reaches the treadmill.
        controller.stop()
        await until(lambda: OP_STOP_PAUSE in rig.ops()[writes:], 5)
        controller.close()  # and closing twice, or after the end, is harmless
        controller.close()


async def test_elapsed_time_stands_still_while_stopped_and_after_the_end() -> None:
    async with session_rig() as rig:
        controller = rig.controller()
        await run_then_stop(controller, run_s=6)
        stood = controller.snapshot().elapsed_s
        assert stood > 6
        await asyncio.sleep(120)
        assert controller.snapshot().elapsed_s == pytest.approx(stood)
        await run_then_stop(controller, run_s=4)  # runs again from where it stood
        again = controller.snapshot().elapsed_s
        assert stood + 4 < again < stood + 4 + 20  # countdown, ramps: never the 120 s stood
        await asyncio.sleep(30)
        await end(controller)
        await asyncio.sleep(60)
        assert controller.snapshot().elapsed_s == pytest.approx(again)
        assert controller.summary is not None
        assert controller.summary.elapsed_s == pytest.approx(again)


async def test_a_second_controller_records_a_second_complete_entry() -> None:
    async with session_rig() as rig:
        first = rig.controller()
        await run_then_stop(first)
        await end(first)
        second = rig.controller()  # the next session: a new controller, same plan and link
        assert second.start()
        task = second.task
        assert task is not None
        assert await asyncio.wait_for(task, 300) == EndReason.FINISHED
        newest, oldest = rig.store.list_sessions()
        assert oldest.ended is Ending.STOPPED_BY_USER
        assert newest.ended is Ending.FINISHED
        assert newest.blocks_done == 1
        assert newest.backward_s >= 20
        assert len(rig.opened) == 2


async def test_the_summary_comes_from_the_function_given() -> None:
    async with session_rig() as rig:
        seen: list[tuple[Plan, SessionSnapshot, EndReason]] = []

        def statistics(plan: Plan, snap: SessionSnapshot, reason: EndReason) -> SessionSummary:
            seen.append((plan, snap, reason))
            return summarize(plan, snap, reason)

        controller = rig.controller(summarize=statistics)
        assert controller.start()
        task = controller.task
        assert task is not None
        assert await asyncio.wait_for(task, 300) == EndReason.FINISHED
        ((plan, snap, reason),) = seen
        assert plan is PLAN
        assert reason is EndReason.FINISHED
        summary = controller.summary
        assert summary is not None
        assert summary.end_reason is EndReason.FINISHED
        assert summary.blocks_done == summary.blocks_total == 1
        assert summary.statistics is not None
        assert summary.statistics.backward_s >= 20  # time moving backward, ramps included
        assert summary.elapsed_s == snap.elapsed_s == summary.statistics.total_s


async def test_the_heart_rate_feed_follows_the_session_and_lets_go_at_the_end() -> None:
    async with session_rig() as rig:
        followed: list[SessionEngine | None] = []

        class Feed:
            def follow(self, engine: SessionEngine | None) -> None:
                followed.append(engine)

        controller = rig.controller(heart_rate=Feed())
        assert followed == [controller.engine]
        await run_then_stop(controller)
        await end(controller)
        assert followed == [controller.engine, None]


async def test_a_history_that_cannot_be_opened_leaves_the_session_running() -> None:
    async with session_rig() as rig:

        def no_history() -> HistorySink | None:
            return None  # the opener reported why

        controller = SessionController(rig.link, PLAN, Settings(), open_history=no_history)
        controller.launch()
        rig.made.append(controller)
        await run_then_stop(controller)
        assert not controller.recording
        assert await end(controller) == EndReason.STOPPED_BY_USER


class _ListSink:
    def __init__(self) -> None:
        self.events: list[Mapping[str, Any]] = []
        self.closed = 0

    def on_event(self, event: Mapping[str, Any]) -> None:
        self.events.append(event)

    def close(self, reason: str | None = None) -> None:
        del reason
        self.closed += 1


async def test_closing_a_running_session_stops_the_belt_and_records_its_end() -> None:
    async with session_rig() as rig:
        sink = _ListSink()
        controller = SessionController(rig.link, PLAN, Settings(), open_history=lambda: sink)
        controller.launch()
        rig.made.append(controller)
        assert controller.start()
        await until(lambda: controller.session_state() is SessionState.RUNNING_PHASE)
        controller.close()  # the app closes mid-session
        task = controller.task
        assert task is not None
        await asyncio.gather(task, return_exceptions=True)
        await until(lambda: rig.device.belt_speed_kmh == 0.0, 30)
        assert controller.ended
        assert sink.closed == 1
        assert sink.events[-1]["type"] == "end"
        assert sink.events[0] == {
            "t": sink.events[0]["t"],
            "type": "state",
            "state": "starting_countdown",
        }
