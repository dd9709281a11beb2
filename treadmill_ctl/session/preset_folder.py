"""Reading the preset folders one file at a time.

A full read of the folders is file work that grows with what is in them: 40 large presets of
200 KB each took ~0.9 s in one go, and a STOP pressed meanwhile waited for all of it. The read
is a generator (``read_folders``) that reads and checks one file per step (each bounded by
``toml_limits``: size, depth, keys), so the app can give the event loop back between files
(``PresetsBridge``) while a script or the CLI simply drains it (``PresetLibrary.read``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from treadmill_ctl.errors import FileFormatError

if TYPE_CHECKING:
    from treadmill_ctl.session.presets import Preset, PresetCheck

log = logging.getLogger(__name__)

PRESET_SUFFIX: Final = ".toml"


@dataclass(frozen=True, slots=True)
class LibraryContents:
    """What one read of the preset folders found (``PresetLibrary.read``): the presets that
    loaded, the problems of the files that did not, and every file stem (bad files too, so no
    new preset is ever written over one)."""

    presets: tuple[Preset, ...] = ()
    problems: tuple[FileFormatError, ...] = ()
    stems: frozenset[str] = frozenset()


type CheckFile = Callable[[Path, bool, str], PresetCheck]
"""Reads and checks one file: (path, builtin, preset id) -> its check."""

type ReadSteps = Generator[Path, None, LibraryContents]
"""``read_folders``: yields each file's path once it is read; returns what was found."""


def preset_files(directory: Path) -> list[Path]:
    """The preset files of a folder, sorted (regular files only: a FIFO is never opened)."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob(f"*{PRESET_SUFFIX}") if p.is_file())


def read_folders(
    folders: Sequence[tuple[Path, bool]], check: CheckFile, slugify: Callable[[str], str]
) -> ReadSteps:
    """Read and check every preset file of ``folders`` ((folder, builtin), in order), one file
    per step: the generator yields after each file, and returns the ``LibraryContents``."""
    presets: list[Preset] = []
    problems: list[FileFormatError] = []
    stems: set[str] = set()
    taken: set[str] = set()
    for directory, builtin in folders:
        for path in preset_files(directory):
            stems.add(slugify(path.stem))
            preset_id = slugify(path.stem)
            if preset_id in taken:
                preset_id = f"{preset_id}-user"
            result = check(path, builtin, preset_id)
            if result.preset is None:
                for problem in result.errors:
                    log.warning("preset not loaded: %s", problem)
                problems.extend(result.errors)
            else:
                taken.add(preset_id)
                presets.append(result.preset)
            yield path
    return LibraryContents(tuple(presets), tuple(problems), frozenset(stems))


def drain(steps: ReadSteps) -> LibraryContents:
    """Run ``steps`` to the end at once (scripts, the CLI, no loop to give back)."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            contents: LibraryContents = done.value
            return contents
