"""Default names for exported sessions: the date and the preset, in characters every file
system and every upload form accepts (``2026-01-05_0900_four-by-thirty.fit``)."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Final

from treadmill_ctl.storage import documents_dir

EXPORT_FORMATS: Final = ("fit", "tcx")
MAX_NAME_WORDS_CHARS: Final = 60

_UNSAFE: Final = re.compile(r"[^a-z0-9]+")


def safe_words(text: str) -> str:
    """``text`` as lower-case ASCII letters and digits joined by "-" ("Four by 30!" ->
    "four-by-30"): accents are folded, everything else (slashes, dots, control characters)
    becomes a separator; at most ``MAX_NAME_WORDS_CHARS`` characters."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))  # ü -> u
    words = _UNSAFE.sub("-", folded.lower()).strip("-")  # any other character separates
    return words[:MAX_NAME_WORDS_CHARS].rstrip("-")


def export_file_name(started_at: datetime, preset: str, fmt: str) -> str:
    """The file name offered for a session's export: date, time and preset."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    words = safe_words(preset)
    stem = f"{started_at:%Y-%m-%d_%H%M}"
    return f"{stem}_{words}.{fmt}" if words else f"{stem}.{fmt}"


def default_export_path(started_at: datetime, preset: str, fmt: str) -> Path:
    """``export_file_name`` in the user's documents folder (``storage.documents_dir``)."""
    return documents_dir() / export_file_name(started_at, preset, fmt)
