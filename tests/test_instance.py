"""One app instance drives the treadmill: a second app on real Bluetooth is refused with a
clear message, the first keeps its lock, and the lock goes when its process dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from treadmill_ctl.instance import AlreadyRunningError, InstanceLock, runtime_dir

HOLDER = """
import sys, time
from treadmill_ctl.instance import InstanceLock
lock = InstanceLock.acquire(what="the first window")
print("held", flush=True)
sys.stdin.readline()
"""


@contextmanager
def first_app() -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock (as the first app does), until it ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert proc.stdout is not None
    assert proc.stdin is not None
    try:
        assert proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        proc.stdin.close()
        proc.stdout.close()


def test_a_second_process_is_refused_naming_the_first_which_keeps_the_lock() -> None:
    with first_app() as first:
        with pytest.raises(AlreadyRunningError) as refused:
            InstanceLock.acquire()
        message = str(refused.value)
        assert f"process {first.pid}" in message
        assert "the first window" in message
        assert "Close it first" in message
        assert first.poll() is None  # the first app is untouched and still holds it
        with pytest.raises(AlreadyRunningError):
            InstanceLock.acquire()
        # Killed (a crash, SIGKILL): the OS lets go of its lock; the next app may start.
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    lock = InstanceLock.acquire()
    assert lock.held
    lock.release()


def test_two_holders_in_one_process_and_release() -> None:
    first = InstanceLock.acquire(what="one")
    with pytest.raises(AlreadyRunningError, match=f"process {os.getpid()}"):
        InstanceLock.acquire(what="two")
    first.release()
    again = InstanceLock.acquire(what="two")
    again.release()
    assert (runtime_dir() / "bluetooth.lock").exists()


def test_the_app_on_real_bluetooth_refuses_to_start_when_another_drives(tmp_path: Path) -> None:
    with first_app() as first:
        second = subprocess.run(
            [sys.executable, "-m", "treadmill_ctl.cli"],  # the GUI, not --simulate
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            timeout=60,
            check=False,
        )
        assert second.returncode == 1
        assert "already driving a treadmill" in second.stderr
        assert f"process {first.pid}" in second.stderr
        assert first.poll() is None


def test_the_virtual_treadmill_takes_no_lock() -> None:
    """Runs on --simulate drive nothing: they never hold or need the lock."""
    with first_app():
        run = ["run", "first-steps", "--simulate", "--speedup", "inf", "--quiet", "--no-history"]
        done = subprocess.run(
            [sys.executable, "-m", "treadmill_ctl.cli", *run],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
