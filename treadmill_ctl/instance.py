"""One app instance drives the treadmill (safety.md, "The link").

Two copies of the app on one treadmill would fight over its control point: each one's
Request Control takes control from the other, a set-point from one undoes the other's STOP.
So the app (the GUI, and any headless run on real Bluetooth) holds an OS file lock while it
may drive a real treadmill, and a second one is refused with a message saying who holds it.

What is locked: the app, not one treadmill address. One lock per user, for every process
that may drive real Bluetooth: the app chooses its treadmill after it starts (and may switch),
and one laptop drives one treadmill; a lock per address would let a second app connect to the
same machine under another name (a console that advertises two addresses) or steal it by
scanning. Runs on the virtual treadmill (``--simulate``) take no lock: they drive nothing.

Where: ``<runtime dir>/bluetooth.lock`` (platformdirs' user runtime directory, cleared at
logout; ``$TREADMILL_CTL_RUNTIME_DIR`` overrides it). The lock is an exclusive ``flock`` on
the open file, so the OS lets go of it when the process ends however it ends (a crash, a
kill, a power cut): a stale file never blocks the next start. The file holds the holder's
process id and start time, only for the message. Where ``fcntl`` does not exist (Windows) the
lock is not enforced (a warning is logged).
"""

from __future__ import annotations

import contextlib
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import IO, Final

from treadmill_ctl import storage
from treadmill_ctl.errors import TreadmillError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

HAVE_FLOCK: Final = fcntl is not None

_LOGGER = logging.getLogger(__name__)

_ENV_RUNTIME: Final = "TREADMILL_CTL_RUNTIME_DIR"
LOCK_NAME: Final = "bluetooth.lock"


class AlreadyRunningError(TreadmillError):
    """Another treadmill-ctl already drives a treadmill over Bluetooth."""


def runtime_dir() -> Path:
    """Where the instance lock lives (see the module docstring)."""
    override = os.environ.get(_ENV_RUNTIME)
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - only when a lock is taken

    return Path(platformdirs.user_runtime_dir(storage.APP_NAME))


class InstanceLock:
    """Held while this process may drive a real treadmill; ``acquire`` refuses a second one.
    Released by ``release`` or by the process ending."""

    def __init__(self, path: Path, file: IO[str]) -> None:
        self.path = path
        self._file: IO[str] | None = file

    @classmethod
    def acquire(cls, folder: Path | None = None, *, what: str = "the app") -> InstanceLock:
        """Take the lock, or raise AlreadyRunningError naming the process that holds it.
        ``what`` (this process, in words) is written for the next one's message."""
        folder = folder if folder is not None else runtime_dir()
        path = folder / LOCK_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            file = path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise TreadmillError(f"{path}: cannot take the one-instance lock: {exc}") from exc
        if HAVE_FLOCK:
            try:
                fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                file.seek(0)
                holder = file.read().strip() or "another process"
                file.close()
                raise AlreadyRunningError(
                    f"treadmill-ctl is already driving a treadmill ({holder}). Close it "
                    "first: two apps on one treadmill would fight over its controls, and one "
                    "could undo the other's STOP. (The virtual treadmill, --simulate, is "
                    "always allowed.)"
                ) from None
        else:  # pragma: no cover - Windows
            _LOGGER.warning("one-instance lock not enforced on this platform")
        file.seek(0)
        file.truncate()
        started = datetime.now().astimezone().strftime("%H:%M")
        file.write(f"{what}, process {os.getpid()}, started at {started}\n")
        file.flush()
        return cls(path, file)

    @property
    def held(self) -> bool:
        """True until ``release``."""
        return self._file is not None

    def release(self) -> None:
        """Let go of the lock (the file stays: removing it would race the next holder)."""
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            self._file.truncate(0)
        self._file.close()  # closing drops the flock
        self._file = None
