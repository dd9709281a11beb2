"""Launching the app prints nothing but its readiness lines: no Python or Qt warning, on the
offscreen platform and in a real X window (Xvfb + Qt's xcb plugin, whose threaded render loop
delivers frames on the render thread)."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from treadmill_ctl.app.main import EXIT_WHEN_READY_ENV

# What the app prints when EXIT_WHEN_READY_ENV is set; anything else on stderr is a warning.
READY_PREFIXES = ("ready ", "loaded ")


def launch(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Start ``treadmill-ctl --simulate`` until its window has drawn and the rest has loaded."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    full_env = {
        **os.environ,
        EXIT_WHEN_READY_ENV: "1",
        "XDG_RUNTIME_DIR": str(runtime),
        "TREADMILL_CTL_CONFIG_DIR": str(tmp_path / "config"),
        "TREADMILL_CTL_DATA_DIR": str(tmp_path / "data"),
        **env,
    }
    exe = Path(sys.executable).with_name("treadmill-ctl")
    return subprocess.run(
        [str(exe), "--simulate"],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def unexpected_lines(done: subprocess.CompletedProcess[str]) -> list[str]:
    """Lines on stdout or stderr that are not the readiness lines."""
    lines = (done.stdout + done.stderr).splitlines()
    return [line for line in lines if not line.startswith(READY_PREFIXES)]


def assert_clean_launch(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, done.stderr
    assert unexpected_lines(done) == []
    assert [line.split()[0] for line in done.stderr.splitlines()] == ["ready", "loaded"]


def test_a_launch_prints_no_warning_offscreen(tmp_path: Path) -> None:
    assert_clean_launch(launch(tmp_path, QT_QPA_PLATFORM="offscreen"))


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private X server (Xvfb) for one test: its DISPLAY."""
    if shutil.which("Xvfb") is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is missing: scripts/dev setup installs it (package xvfb)")
        pytest.skip("Xvfb is not installed (scripts/dev setup installs it)")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        # Xvfb writes its display number once it accepts clients.
        ready, _, _ = select.select([read_fd], [], [], 20)
        number = os.read(read_fd, 32).decode().strip() if ready else ""
        if not number:
            pytest.fail("Xvfb did not start within 20 s")
        yield f":{number}"
    finally:
        os.close(read_fd)
        server.terminate()
        server.wait(timeout=10)


def test_every_library_of_qts_xcb_plugin_is_installed() -> None:
    """scripts/dev set-up installs what ``ldd`` says the xcb plugin needs (the window could not
    open on a fresh machine without libxcb-icccm4 and libxcb-keysyms1)."""
    if shutil.which("ldd") is None:
        pytest.skip("no ldd on this system")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    try:
        import system_deps
    finally:
        sys.path.pop(0)
    plugins = [p for p in system_deps.qt_files() if p.name == "libqxcb.so"]
    assert plugins, "PySide6's xcb platform plugin is not installed"
    assert system_deps.missing_sonames(plugins) == []


def test_a_real_x_window_opens_and_draws_without_a_warning(
    tmp_path: Path, xvfb_display: str
) -> None:
    done = launch(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=xvfb_display)
    assert_clean_launch(done)
    assert "screen=connect" in done.stderr
