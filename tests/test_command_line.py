"""The command line as a user meets it: ``--version``, output into a pipe that closes early,
``run`` on the virtual treadmill with a progress line on a terminal, ``install-desktop``."""

from __future__ import annotations

import io
import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from treadmill_ctl import __version__
from treadmill_ctl.app.preset_rows import preset_row
from treadmill_ctl.cli import EXIT_BROKEN_PIPE, main
from treadmill_ctl.commands import desktop
from treadmill_ctl.commands.progress import ProgressLine
from treadmill_ctl.session.events import CountdownEvent, CountdownReason, DataEvent, PhaseEvent
from treadmill_ctl.session.plan import Direction, PhaseKind
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings

CLI = [sys.executable, "-m", "treadmill_ctl.cli"]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"treadmill-ctl {__version__}\n"


@pytest.mark.parametrize("command", [["history", "list"], ["presets", "list"]])
def test_a_reader_that_goes_away_gets_no_traceback(command: list[str]) -> None:
    """``treadmill-ctl history list | head``: the pipe closes before the output is written."""
    child = subprocess.Popen(
        [*CLI, *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ
    )
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.close()  # the reader is gone before anything is written
    err = child.stderr.read().decode()
    child.stderr.close()
    assert child.wait(timeout=60) == EXIT_BROKEN_PIPE
    assert err == ""


def test_run_uses_the_virtual_treadmill_without_being_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["run", "first-steps", "--speedup", "max", "--no-history"]) == 0
    assert "First steps: finished" in capsys.readouterr().err
    # --simulate is still accepted.
    assert main(["run", "first-steps", "--speedup", "max", "--no-history", "--simulate"]) == 0


def _read_pty(fd: int, child: subprocess.Popen[bytes]) -> tuple[bytes, float | None]:
    """Everything the child writes to the terminal, and how long until its first byte."""
    started = time.perf_counter()
    first: float | None = None
    out = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        if first is None:
            first = time.perf_counter() - started
        out += chunk
    child.wait(timeout=60)
    return out, first


def test_run_on_a_terminal_shows_a_progress_line_at_once() -> None:
    controller, terminal = pty.openpty()
    child = subprocess.Popen(
        [*CLI, "run", "first-steps", "--speedup", "max", "--no-history"],
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        env=os.environ,
    )
    os.close(terminal)
    try:
        out, first_s = _read_pty(controller, child)
    finally:
        os.close(controller)
    assert child.returncode == 0
    text = out.decode()
    lines = text.replace("\r\n", "\n").split("\r")
    assert lines[1].startswith("First steps: starting on the virtual treadmill")
    # The planned length is the Presets screen's: the whole session with its turn-arounds,
    # ramps and countdowns (it was the time at speed, "/ 15:00").
    preset = PresetLibrary(Settings()).find("first-steps")
    assert preset is not None
    planned = preset_row(preset, Settings())["total"]
    assert planned != "≈ 15:00"
    assert any(f"/ {planned}  phase 3/7 Backward, backward → 3.0 km/h" in x for x in lines)
    # The progress line is cleared; the summary is the last line.
    assert text.rstrip().splitlines()[-1].startswith("First steps: finished after ")
    assert first_s is not None
    assert first_s < 5.0


def test_run_into_a_pipe_has_no_progress_line() -> None:
    done = subprocess.run(
        [*CLI, "run", "first-steps", "--speedup", "max", "--no-history"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=os.environ,
    )
    assert done.returncode == 0
    assert "\r" not in done.stderr
    assert done.stderr.startswith("First steps: finished after ")


def test_the_progress_line_redraws_at_most_every_interval_and_at_each_phase() -> None:
    now = [0.0]
    out = io.StringIO()
    line = ProgressLine(out, planned_s=600, interval_s=0.2, clock=lambda: now[0])
    line.start("Four by thirty: starting…")
    line(CountdownEvent(0.0, 5, CountdownReason.START))
    phase = PhaseEvent(5.0, 0, PhaseKind.WARMUP, Direction.FORWARD, 5.0, 180, "Warm-up", count=9)
    line(phase)
    for step in range(10):  # ten data records within 0.1 s of wall time: one redraw at most
        now[0] += 0.01
        line(DataEvent(6.0 + step, 4.0 + step / 10, None, None, None))
    now[0] += 0.2
    line(DataEvent(17.0, 5.0, None, None, None))
    drawn = out.getvalue().split("\r")[1:]
    assert [d.rstrip() for d in drawn] == [
        "Four by thirty: starting…",
        "0:00 / ≈ 10:00  starting in 5 s",
        "0:05 / ≈ 10:00  phase 1/9 Warm-up, forward → 5.0 km/h",
        "0:17 / ≈ 10:00  phase 1/9 Warm-up, forward → 5.0 km/h  belt 5.0 km/h",
    ]
    line.close()
    assert out.getvalue().endswith("\r" + " " * len(drawn[-1].rstrip()) + "\r")


def test_install_desktop_adds_an_entry_and_icon_to_the_menu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("desktop entries are for Linux desktops")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    exe = Path(sys.executable).with_name("treadmill-ctl")
    monkeypatch.setattr(sys, "argv", [str(exe), "install-desktop"])
    assert main(["install-desktop"]) == 0
    entry = tmp_path / "share" / "applications" / "treadmill-ctl.desktop"
    icon = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "treadmill-ctl.svg"
    assert f"wrote {entry}" in capsys.readouterr().out
    text = entry.read_text(encoding="utf-8")
    keys = dict(line.split("=", 1) for line in text.split("\n\n")[0].splitlines()[1:])
    assert keys["Type"] == "Application"
    assert keys["Icon"] == "treadmill-ctl"
    assert keys["Exec"] == str(exe)
    assert exe.is_file()
    assert f"Exec={exe} --simulate" in text
    assert icon.read_bytes().startswith(b"<?xml")
    if shutil.which("desktop-file-validate"):  # desktop-file-utils, where installed
        checked = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
        )
        assert (checked.returncode, checked.stdout) == (0, "")
    assert main(["install-desktop", "--remove"]) == 0
    assert not entry.exists()
    assert not icon.exists()


def test_desktop_exec_arguments_are_quoted_as_the_spec_says() -> None:
    entry = desktop.desktop_entry(["/opt/my apps/bin/treadmill-ctl"])
    assert 'Exec="/opt/my apps/bin/treadmill-ctl"\n' in entry


def test_install_desktop_elsewhere_than_linux_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert main(["install-desktop"]) == desktop.EXIT_UNSUPPORTED
    assert "only for Linux" in capsys.readouterr().err
