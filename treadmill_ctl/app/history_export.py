"""Exporting a recorded session (FIT or TCX) from the History screen, off the event loop.

Reading a long session and encoding it is work that grows with the session (thousands of
samples), and the history database may be locked by another program; none of it may hold up
STOP. A worker thread is not an option in this PySide6 app (see history/writer.py), so the
export runs in a child process: ``treadmill-ctl history export`` itself, the same code and
messages as on the command line, while the loop only waits for it to end. The child inherits
the app's environment, so it reads the same history.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from treadmill_ctl.texts import tr

EXPORT_TIMEOUT_S: Final = 120.0
"""A child still running after this long is ended and the export reported as failed."""
POLL_FIRST_S: Final = 0.01
POLL_MAX_S: Final = 0.1
MAX_MESSAGE_BYTES: Final = 64 * 1024


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """How an export ended: ``ok``, and what to tell the user (the path, or why not)."""

    ok: bool
    path: Path
    message: str


def export_command(
    session_id: int, fmt: str, path: Path, *, force: bool, frozen: bool | None = None
) -> list[str]:
    """The command line of the child process: this interpreter running the CLI, or in a
    one-folder bundle (``sys.frozen``, docs/packaging.md) the bundle's own executable, which
    is the CLI."""
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    cli = [sys.executable] if frozen else [sys.executable, "-m", "treadmill_ctl.cli"]
    args = [*cli, "history", "export", str(session_id), "--format", fmt, "-o", str(path)]
    return [*args, "--force"] if force else args


async def export_session(
    session_id: int, fmt: str, path: Path, *, force: bool, timeout_s: float = EXPORT_TIMEOUT_S
) -> ExportOutcome:
    """Export one session to ``path`` in a child process; the loop runs on meanwhile. The
    child is polled on the loop's timers (no child watcher, no reader on the loop: the same on
    every platform qasync runs on); what it says goes to a temporary file, never a pipe that
    could fill up."""
    # The child runs in real time whatever the loop's clock does (a sped-up test loop): its
    # time limit is on the wall clock.
    deadline = time.monotonic() + timeout_s
    with tempfile.TemporaryFile() as said:
        try:
            child = subprocess.Popen(  # noqa: ASYNC220 - polled below, never waited on
                export_command(session_id, fmt, path, force=force),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=said,
            )
        except OSError as exc:
            return ExportOutcome(False, path, tr("could not start the export: {why}", why=exc))
        delay = POLL_FIRST_S
        while child.poll() is None:
            if time.monotonic() > deadline:
                child.kill()
                child.wait()
                return ExportOutcome(
                    False,
                    path,
                    tr("the export took longer than {seconds} s", seconds=f"{timeout_s:.0f}"),
                )
            await asyncio.sleep(delay)
            delay = min(delay * 2, POLL_MAX_S)
        said.seek(0)
        err = said.read(MAX_MESSAGE_BYTES).decode("utf-8", "replace")
    if child.returncode == 0:
        return ExportOutcome(True, path, tr("Exported to {path}", path=path))
    reason = _last_line(err) or f"exit status {child.returncode}"
    return ExportOutcome(False, path, tr("Not exported: {why}", why=reason))


def _last_line(text: str) -> str:
    """The child's own message, without the command's prefix."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    return lines[-1].removeprefix("treadmill-ctl history: ")
