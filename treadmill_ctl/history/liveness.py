"""Who is recording which session: an OS file lock per session being recorded.

A recorder holds an exclusive ``flock`` on ``<db>.locks/<id>.lock`` while it records. The OS
drops the lock when the process dies however it dies (SIGKILL, power cut), so a session without
an end whose lock nobody holds was interrupted, whatever the clock says. ``flock`` locks belong
to an open file, so this also works between two stores in one process (the GUI reading while
its own recorder writes).

Where ``fcntl`` does not exist (Windows) the lock files are still written and
``is_recording`` falls back to the session's heartbeat (its last commit time).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Final

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

HAVE_FLOCK: Final = fcntl is not None


def lock_path(db_path: Path, session_id: int) -> Path:
    """The lock file of one session."""
    return db_path.with_name(db_path.name + ".locks") / f"{session_id}.lock"


class RecordingLock:
    """Held by a recorder for the whole session; ``release`` when the session is closed."""

    def __init__(self, db_path: Path, session_id: int, *, new: bool = False) -> None:
        """Lock ``session_id``'s file; with ``new`` the file must not exist yet
        (FileExistsError otherwise): that is how ``reserve`` claims an id."""
        self.session_id = session_id
        self._path = lock_path(db_path, session_id)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._file: IO[bytes] | None = self._path.open("xb" if new else "wb")
        if fcntl is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    @classmethod
    def reserve(cls, db_path: Path, next_in_db: Callable[[], int]) -> RecordingLock:
        """Claim a new session id without writing to the database (which another process
        may hold locked): one above both the highest id in the database (``next_in_db``)
        and every lock file, whose exclusive creation is the claim. A lock file stays until
        its session's row is written, so two recorders never get the same id."""
        folder = db_path.with_name(db_path.name + ".locks")
        taken = [int(p.stem) for p in folder.glob("*.lock") if p.stem.isdigit()]
        candidate = max([next_in_db(), *(t + 1 for t in taken)])
        while True:
            try:
                return cls(db_path, candidate, new=True)
            except FileExistsError:
                candidate += 1

    def release(self) -> None:
        """Let go of the lock and remove its file."""
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            self._path.unlink()
        self._file.close()  # closing drops the flock
        self._file = None


def is_recording(db_path: Path, session_id: int) -> bool | None:
    """True if a live process holds the session's lock, False if nobody does, None when this
    platform cannot tell (no flock): the caller then uses the heartbeat."""
    path = lock_path(db_path, session_id)
    if not path.exists():
        return False
    if not HAVE_FLOCK:  # pragma: no cover - Windows
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # closing our own descriptor never touches the recorder's lock
    return False
