"""Reading a workout file that may be hostile: a regular file only, never a FIFO or a device
(opened non-blocking and checked before anything is read), and bounded in size."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

from treadmill_ctl.errors import FileFormatError

# A 200-step ZWO is about 20 KB and a FIT workout of 100 steps about 5 KB: far above any real
# workout file, far below what could stall the app.
MAX_WORKOUT_BYTES: Final = 512 * 1024


def read_workout_bytes(path: Path, *, max_bytes: int = MAX_WORKOUT_BYTES) -> bytes:
    """The bytes of ``path``, or a FileFormatError saying why not (not a regular file, too
    big, cannot be read)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileFormatError(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileFormatError(str(path), None, "not a regular file")
        if info.st_size > max_bytes:
            raise FileFormatError(str(path), None, _too_big(info.st_size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(max_bytes + 1)  # the file may have grown since fstat
    except OSError as exc:
        raise FileFormatError(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(raw) > max_bytes:
        raise FileFormatError(str(path), None, _too_big(len(raw), max_bytes))
    return raw


def _too_big(size: int, max_bytes: int) -> str:
    return f"too big: {size} bytes (a workout file may be at most {max_bytes // 1024} KB)"
