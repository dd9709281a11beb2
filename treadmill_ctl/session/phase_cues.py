"""A phase's text cues in a preset file: ``cue = [{ at_s = 10, text = "Relax the shoulders" }]``.

Cues come from imported workouts (a ZWO ``textevent``) or a hand-edited preset. Each is plain
text shown to the runner ``at_s`` seconds into its phase; it never changes a speed or a
direction. Kept apart from ``presets`` so that module does not grow.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, Final

from treadmill_ctl.session.plan import PhaseCue
from treadmill_ctl.toml_document import KeyPath, toml_value

MAX_CUES_PER_PHASE: Final = 20
MAX_CUE_CHARS: Final = 200
_CUE_KEYS: Final = frozenset({"at_s", "text"})


def clean_cue_text(text: str) -> str:
    """The text as one plain line: control characters become spaces, runs of space one."""
    plain = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    return " ".join(plain.split())


def read_cues(
    raw: Any,
    at: KeyPath,
    duration_s: float | None,
    error: Callable[[KeyPath, str], None],
) -> tuple[PhaseCue, ...]:
    """The cues of one phase table (``raw`` is its ``cue`` value); every problem goes to
    ``error`` with its key path."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        error(at, 'cue must be a list like [{ at_s = 10, text = "..." }]')
        return ()
    if len(raw) > MAX_CUES_PER_PHASE:
        error(at, f"{len(raw)} cues: a phase may have at most {MAX_CUES_PER_PHASE}")
        return ()
    out: list[PhaseCue] = []
    for i, item in enumerate(raw):
        where: KeyPath = (*at, i)
        if not isinstance(item, Mapping):
            error(where, 'a cue is a table like { at_s = 10, text = "..." }')
            continue
        unknown = sorted(str(k) for k in item if k not in _CUE_KEYS)
        if unknown:
            error(where, f"unknown key '{unknown[0]}' in a cue; allowed: at_s, text")
            continue
        at_s, text = item.get("at_s", 0), item.get("text")
        if isinstance(at_s, bool) or not isinstance(at_s, int | float) or not math.isfinite(at_s):
            error(where, f"a cue's at_s must be a number of seconds, not {at_s!r}")
            continue
        if at_s < 0 or (duration_s is not None and at_s >= duration_s):
            error(where, f"a cue at {at_s:g} s is outside its phase")
            continue
        if not isinstance(text, str) or not clean_cue_text(text):
            error(where, "a cue needs its text, in quotes")
            continue
        if len(text) > MAX_CUE_CHARS:
            error(where, f"a cue's text may be at most {MAX_CUE_CHARS} characters")
            continue
        out.append(PhaseCue(float(at_s), clean_cue_text(text)))
    return tuple(out)


def cue_lines(cues: tuple[PhaseCue, ...]) -> list[str]:
    """The ``cue = [...]`` line of a phase table (none when it has no cues)."""
    if not cues:
        return []
    items = ", ".join(
        f"{{ at_s = {toml_value(_clean(c.at_s))}, text = {toml_value(c.text)} }}" for c in cues
    )
    return [f"cue = [{items}]"]


def _clean(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


class CueClock:
    """Which of a phase's cues are due, each said once: the session machine asks with the
    time at speed in the current phase (pure: the time is given)."""

    def __init__(self) -> None:
        self._index = -1
        self._said = 0

    def due(self, index: int, cues: tuple[PhaseCue, ...], elapsed_s: float) -> list[str]:
        """The texts of phase ``index``'s cues whose time has come since the last call."""
        if index != self._index:
            self._index, self._said = index, 0
        out: list[str] = []
        while self._said < len(cues) and cues[self._said].at_s <= elapsed_s + 1e-9:
            out.append(cues[self._said].text)
            self._said += 1
        return out
