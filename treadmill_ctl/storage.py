"""Where the app keeps its files, and how it writes them: atomically, never half-written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

# platformdirs and tempfile are imported where they are used: the app imports this module
# before its window shows, and needs neither then when the directories are set by the
# environment (tempfile only to write).

APP_NAME: Final = "treadmill-ctl"

# Tests and headless runs point these elsewhere (never at the user's real files).
_ENV_CONFIG: Final = "TREADMILL_CTL_CONFIG_DIR"
_ENV_DATA: Final = "TREADMILL_CTL_DATA_DIR"
_ENV_DOCUMENTS: Final = "TREADMILL_CTL_DOCUMENTS_DIR"


def config_dir() -> Path:
    """User presets and settings (platform config directory, or $TREADMILL_CTL_CONFIG_DIR)."""
    override = os.environ.get(_ENV_CONFIG)
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - see the note at the top

    return Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """History database and traffic logs (platform data directory, or $TREADMILL_CTL_DATA_DIR)."""
    override = os.environ.get(_ENV_DATA)
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - see the note at the top

    return Path(platformdirs.user_data_dir(APP_NAME))


def documents_dir() -> Path:
    """Where exported files go by default (session FIT/TCX, presets): the user's documents
    folder, else their downloads folder, else their home (or $TREADMILL_CTL_DOCUMENTS_DIR)."""
    override = os.environ.get(_ENV_DOCUMENTS)
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 - see the note at the top

    for folder in (platformdirs.user_documents_dir(), platformdirs.user_downloads_dir()):
        if Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash leaves either the old file or the new one."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one."""
    import tempfile  # noqa: PLC0415 - see the note at the top

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        dfd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
