"""Another program holds the history database's write lock (a sqlite3 shell left in a
transaction, a database browser) while a session runs in the app: starting and STOP are as
prompt as ever (loop time and wall time), the user is told the history is busy, and once the
lock is gone the whole session is in the history."""

from __future__ import annotations

import asyncio
import itertools
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from session_rig import connected_rig, until

from treadmill_ctl.app.keys import KeyAction
from treadmill_ctl.history import Ending
from treadmill_ctl.history.writer import BUSY_MESSAGE, SAVED_MESSAGE, flush_all

pytestmark = [pytest.mark.looptime, pytest.mark.usefixtures("qapp")]

STOP = b"\x08\x01"
BUDGET_S = 0.25

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()  # until the test lets go
conn.execute("ROLLBACK")
"""


@pytest.fixture(autouse=True)
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREADMILL_CTL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("TREADMILL_CTL_DATA_DIR", str(tmp_path / "data"))


@contextmanager
def locked_by_another_process(db: Path) -> Iterator[subprocess.Popen[str]]:
    """A second process holding an exclusive transaction on ``db`` until it is released."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        release(holder)


def release(holder: subprocess.Popen[str]) -> None:
    """Let the other process end its transaction and exit."""
    assert holder.stdin is not None
    assert holder.stdout is not None
    if not holder.stdin.closed:
        holder.stdin.write("\n")
        holder.stdin.close()
    holder.wait(timeout=10)
    holder.stdout.close()


async def test_a_locked_history_delays_neither_start_nor_stop_and_the_session_is_kept(
    tmp_path: Path,
) -> None:
    notices: list[tuple[str, str]] = []
    async with connected_rig(tmp_path) as rig:
        rig.bridge.notice.connect(lambda level, message: notices.append((level, message)))
        stop_wall: list[float] = []
        rig.treadmill.on_control_write = lambda _t, data: (
            stop_wall.append(time.perf_counter()) if data == STOP else None
        )
        store = rig.context.history
        with locked_by_another_process(store.path) as holder:
            wall = time.perf_counter()
            assert rig.act(KeyAction.START_CONFIRM) is True
            assert time.perf_counter() - wall < BUDGET_S  # was 10 s: the session row's write
            await until(lambda: rig.prop("state") == "running_phase")
            await until(lambda: any(m == BUSY_MESSAGE for _, m in notices), 30)
            assert ("warning", BUSY_MESSAGE) in notices
            assert not any("damaged" in m or "not recorded" in m for _, m in notices)
            await until(
                lambda: (
                    rig.prop("direction") == "backward" and rig.prop("state") == "running_phase"
                ),
                60,
            )
            await asyncio.sleep(3)  # loop time: 3 s into the backward block

            loop_t = asyncio.get_running_loop().time()
            writes = len(rig.treadmill.control_writes)
            wall = time.perf_counter()
            assert rig.key("Space") is True
            await until(lambda: bool(stop_wall), 5)
            assert stop_wall[0] - wall < BUDGET_S  # wall time: was 10-40 s
            t_stop, data = rig.treadmill.control_writes[writes]
            assert data == STOP  # the first write after the key
            assert t_stop - loop_t < BUDGET_S  # loop time
            await until(lambda: rig.prop("state") == "stopped", 30)
            rig.bridge.session_bridge.end()  # the user ends the stopped session
            await until(lambda: rig.bridge.property("screen") == "summary", 30)
            assert rig.context.history.list_sessions() == []  # nothing written yet: locked
            release(holder)

        # The writer tries again every half second, and saves it all once the lock is gone.
        await until(lambda: any(m == SAVED_MESSAGE for _, m in notices), 10)
        assert flush_all(timeout_s=0)  # nothing is left unwritten
        [summary] = store.list_sessions()
        assert summary.ended is Ending.STOPPED_BY_USER
        detail = store.get_session(summary.id)
        assert [p.direction.value for p in detail.phases] == ["forward", "backward"]
        assert summary.backward_s > 0
        assert any(c.op == "stop" for c in detail.commands)
        # One sample a second from the start to the STOP: nothing was lost while it waited.
        times = [s.t for s in detail.samples]
        assert times[-1] >= 20
        assert all(b - a <= 1.5 for a, b in itertools.pairwise(times))
