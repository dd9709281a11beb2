"""One session's life on the session screen: after End the screen is ready for a new session,
Enter never records an empty one, and the elapsed time stands still while the session is
stopped or over (looptime: the loop's clock is fast-forwarded, nothing sleeps)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from session_rig import Rig, connected_rig, until

from treadmill_ctl.history import Ending

pytestmark = [pytest.mark.looptime, pytest.mark.usefixtures("qapp")]


async def run_until_state(rig: Rig, state: str, within: float = 60.0) -> None:
    await until(lambda: rig.prop("state") == state, within)


async def run_stop_and_end(rig: Rig) -> None:
    """Start (Enter), let the belt run a while, STOP (Space), End: the summary shows."""
    assert rig.key("Return")
    await run_until_state(rig, "running_phase")
    await asyncio.sleep(5)
    assert rig.key("Space")
    await run_until_state(rig, "stopped")
    rig.bridge.session_bridge.end()
    await until(lambda: rig.bridge.property("screen") == "summary", 30)


def back_to_the_session_screen(rig: Rig) -> None:
    rig.bridge.setProperty("screen", "session")


async def test_after_end_the_screen_is_ready_for_a_new_session(tmp_path: Path) -> None:
    async with connected_rig(tmp_path) as rig:
        await run_until_state(rig, "idle")
        await run_stop_and_end(rig)
        assert rig.prop("summary")["endText"] == "Ended early"
        assert rig.prop("summary")["endDetail"].startswith("Stopped by you")
        back_to_the_session_screen(rig)
        await run_until_state(rig, "idle", 10)
        assert rig.prop("canStart") is True
        assert rig.prop("hint") == "Press Enter or START to begin"
        assert rig.prop("headline") == "READY"
        assert rig.prop("elapsedText") == "0:00"
        assert rig.prop("presetName") == "Test turn"  # the same plan, on the same link
        assert rig.prop("linkState") == "connected"
        # The ended session's summary stays what it was.
        assert rig.prop("summary")["endText"] == "Ended early"
        assert rig.prop("summary")["endDetail"].startswith("Stopped by you")


async def test_enter_after_end_starts_one_new_session_and_records_no_empty_one(
    tmp_path: Path,
) -> None:
    async with connected_rig(tmp_path) as rig:
        await run_until_state(rig, "idle")
        await run_stop_and_end(rig)
        back_to_the_session_screen(rig)
        for _ in range(3):  # Enter, pressed again and again
            assert rig.key("Return")
            await asyncio.sleep(0.3)
        await asyncio.sleep(30)  # whatever Enter started runs a while
        assert rig.key("Space")
        await asyncio.sleep(10)
        rig.bridge.session_bridge.end()
        await asyncio.sleep(2)  # the history's queued writes
        # Every entry is a session that ran and ended: none is an empty "in progress" one
        # (later shown as "interrupted").
        sessions = rig.context.history.list_sessions()
        assert [s.ended_reason for s in sessions] == ["stopped_by_user", "stopped_by_user"]
        for recorded in sessions:
            assert recorded.ended is Ending.STOPPED_BY_USER
            assert recorded.duration_s > 5
            assert recorded.forward_s > 3  # the belt ran in each
        assert rig.bridge.property("screen") == "summary"


async def test_a_second_session_after_end_is_recorded_complete(tmp_path: Path) -> None:
    async with connected_rig(tmp_path) as rig:
        await run_until_state(rig, "idle")
        await run_stop_and_end(rig)
        back_to_the_session_screen(rig)
        await run_until_state(rig, "idle", 10)
        assert rig.key("Return")
        await until(lambda: rig.bridge.property("screen") == "summary", 300)
        assert rig.prop("summary")["endText"] == "Session complete"
        assert rig.prop("summary")["blocksDone"] == 1
        await asyncio.sleep(1)
        second, first = rig.context.history.list_sessions()  # newest first
        assert first.ended_reason == "stopped_by_user"
        assert second.ended is Ending.FINISHED
        assert second.blocks_done == 1
        assert second.backward_s >= 20


async def test_elapsed_time_stands_still_while_stopped_and_after_the_end(tmp_path: Path) -> None:
    async with connected_rig(tmp_path) as rig:
        await run_until_state(rig, "idle")
        assert rig.key("Return")
        await run_until_state(rig, "running_phase")
        await asyncio.sleep(4)
        assert rig.key("Space")
        await run_until_state(rig, "stopped")
        stopped_at = rig.prop("elapsedText")
        await asyncio.sleep(90)  # the runner steps off for a minute and a half
        rig.bridge.session_bridge.refresh()
        assert rig.prop("elapsedText") == stopped_at
        # Started again: it runs on from where it stood.
        assert rig.key("Return")
        await run_until_state(rig, "running_phase")
        await asyncio.sleep(3)
        rig.bridge.session_bridge.refresh()
        minutes, seconds = (int(x) for x in rig.prop("elapsedText").split(":"))
        stood_m, stood_s = (int(x) for x in stopped_at.split(":"))
        again = minutes * 60 + seconds - (stood_m * 60 + stood_s)
        assert 3 <= again <= 15  # the 5 s countdown, the ramp and 3 s: never the 90 s stood
        assert rig.key("Space")
        await run_until_state(rig, "stopped")
        stopped_again = rig.prop("elapsedText")
        await asyncio.sleep(30)
        rig.bridge.session_bridge.end()
        await until(lambda: rig.bridge.property("screen") == "summary", 30)
        # The summary's time moving (statistics.py) leaves out the time it stood stopped.
        moving_m, moving_s = (int(x) for x in rig.prop("summary")["movingText"].split(":"))
        again_m, again_s = (int(x) for x in stopped_again.split(":"))
        assert moving_m * 60 + moving_s <= again_m * 60 + again_s


async def test_a_session_ended_on_a_lost_link_is_over_and_keeps_no_key(tmp_path: Path) -> None:
    async with connected_rig(tmp_path) as rig:
        await run_until_state(rig, "idle")
        assert rig.key("Return")
        await run_until_state(rig, "running_phase")
        rig.treadmill.drop_link(back_after_s=None)
        await until(lambda: rig.prop("linkLost"), 10)
        assert rig.prop("active") is True  # STOP on every screen while the belt may move
        rig.bridge.session_bridge.end()
        await until(lambda: rig.bridge.property("screen") == "summary", 30)
        assert rig.prop("summary")["endText"] == "Ended early"
        assert "connection" in rig.prop("summary")["endDetail"].lower()
        back_to_the_session_screen(rig)
        await asyncio.sleep(1)
        # Over: no STOP in the header for it, no session keys, and Enter starts a new one.
        assert rig.prop("active") is False
        assert rig.bridge.session_bridge.is_active() is False
        assert rig.prop("canEnd") is False
        assert rig.prop("canStart") is True
        assert rig.prop("hint") == "Session over. Press Enter or START for a new one"
        await asyncio.sleep(1)
        (recorded,) = rig.context.history.list_sessions()
        assert recorded.ended is Ending.LINK_LOST
