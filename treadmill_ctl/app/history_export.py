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
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

EXPORT_TIMEOUT_S: Final = 120.0
"""A child still running after this long is ended and the export reported as failed."""


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """How an export ended: ``ok``, and what to tell the user (the path, or why not)."""

    ok: bool
    path: Path
    message: str


def export_command(session_id: int, fmt: str, path: Path, *, force: bool) -> list[str]:
    """The command line of the child process."""
    args = [sys.executable, "-m", "treadmill_ctl.cli", "history", "export", str(session_id)]
    args += ["--format", fmt, "-o", str(path)]
    return [*args, "--force"] if force else args


async def export_session(
    session_id: int, fmt: str, path: Path, *, force: bool, timeout_s: float = EXPORT_TIMEOUT_S
) -> ExportOutcome:
    """Export one session to ``path`` in a child process; the loop runs on meanwhile."""
    try:
        child = await asyncio.create_subprocess_exec(
            *export_command(session_id, fmt, path, force=force),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
    except OSError as exc:
        return ExportOutcome(False, path, f"could not start the export: {exc}")
    try:
        async with asyncio.timeout(timeout_s):
            _out, err = await child.communicate()
    except TimeoutError:
        child.kill()
        await child.wait()
        return ExportOutcome(False, path, f"the export took longer than {timeout_s:.0f} s")
    if child.returncode == 0:
        return ExportOutcome(True, path, f"Exported to {path}")
    reason = _last_line(err.decode("utf-8", "replace")) or f"exit status {child.returncode}"
    return ExportOutcome(False, path, f"Not exported: {reason}")


def _last_line(text: str) -> str:
    """The child's own message, without the command's prefix."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    return lines[-1].removeprefix("treadmill-ctl history: ")
