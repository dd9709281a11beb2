"""The window's title as the window manager gets it, on a real X server (Xvfb + Qt's xcb
plugin): the app's name appears once ("Virtual treadmill — treadmill-ctl"), not twice. Qt
appends the application's display name to the title itself. Skipped where there is no Xvfb."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

XVFB = shutil.which("Xvfb")
XPROP = shutil.which("xprop")

pytestmark = pytest.mark.skipif(XVFB is None or XPROP is None, reason="needs Xvfb and xprop")

# Shows the real window on the X server, then asks the server for the title it holds.
_SHOW_AND_READ_TITLE = """
import os, subprocess, sys
from treadmill_ctl.app.qt import QGuiApplication
app = QGuiApplication(sys.argv[:1])
app.setApplicationName("treadmill-ctl")  # as treadmill_ctl.app.main.main() does
app.setApplicationDisplayName("treadmill-ctl")
from treadmill_ctl.app.main import open_window
from treadmill_ctl.settings import Settings
running = open_window(simulate=True, settings=Settings(), save_settings=lambda s: None)
for _ in range(20):
    app.processEvents()
out = subprocess.run(
    ["xprop", "-id", str(int(running.window.winId())), "_NET_WM_NAME"],
    capture_output=True, text=True, timeout=10,
)
print(out.stdout.strip(), flush=True)
os._exit(0)
"""


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """A private X server (its own display number; the server picks a free one)."""
    assert XVFB is not None
    read, write = os.pipe()
    server = subprocess.Popen(
        [XVFB, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_title_names_the_app_once_on_a_real_x_server(display: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "TREADMILL_CTL_CONFIG_DIR": str(tmp_path / "config"),
        "TREADMILL_CTL_DATA_DIR": str(tmp_path / "data"),
    }
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", _SHOW_AND_READ_TITLE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert time.monotonic() - started < 60
    assert out.stdout.strip().endswith('= "Virtual treadmill — treadmill-ctl"'), out.stdout
