"""Workout files into the preset library, and presets out as workout files.

``read_workout_file`` picks the format by the file's suffix (``.zwo``, ``.fit``); nothing is
written unless the whole workout maps and passes the preset checks. ``import_workout`` then
saves it as a new user preset (a TOML file, as any preset), with the settings and machine the
library checks presets with.
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import datetime
from pathlib import Path
from typing import Final

from treadmill_ctl import storage
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.ftms.model import Capabilities
from treadmill_ctl.session.preset_folder import PRESET_SUFFIX
from treadmill_ctl.session.presets import (
    Preset,
    PresetLibrary,
    check_preset_file,
    check_preset_text,
    preset_to_toml,
)
from treadmill_ctl.settings import Settings
from treadmill_ctl.workouts.backward_finish import BackwardFinish, add_backward_finish
from treadmill_ctl.workouts.draft import WorkoutImport
from treadmill_ctl.workouts.files import read_workout_bytes
from treadmill_ctl.workouts.fit_workout import FIT_SUFFIX, preset_to_fit, read_fit_workout
from treadmill_ctl.workouts.zwo import ZWO_SUFFIX, preset_to_zwo, read_zwo


class WorkoutFormat(enum.StrEnum):
    """The workout file formats presets go in and out as."""

    ZWO = "zwo"
    FIT = "fit"


WORKOUT_SUFFIXES: Final = {ZWO_SUFFIX: WorkoutFormat.ZWO, FIT_SUFFIX: WorkoutFormat.FIT}


def workout_format(path: Path) -> WorkoutFormat | None:
    """The workout format of ``path`` by its suffix (``None``: not a workout file)."""
    return WORKOUT_SUFFIXES.get(path.suffix.casefold())


def read_workout_data(
    data: bytes,
    fmt: WorkoutFormat,
    source: str,
    *,
    settings: Settings,
    capabilities: Capabilities | None = None,
) -> WorkoutImport:
    """The preset of a workout file's bytes (never raises for their content)."""
    read = read_zwo if fmt is WorkoutFormat.ZWO else read_fit_workout
    return read(data, source, settings=settings, capabilities=capabilities)


def read_workout_file(
    path: Path, *, settings: Settings, capabilities: Capabilities | None = None
) -> WorkoutImport:
    """Read and map one workout file (only read, never changed)."""
    fmt = workout_format(path)
    if fmt is None:
        reason = f"not a workout file (known: {', '.join(sorted(WORKOUT_SUFFIXES))})"
        return WorkoutImport(None, (FileFormatError(str(path), None, reason),))
    try:
        data = read_workout_bytes(path)
    except FileFormatError as exc:
        return WorkoutImport(None, (exc,))
    return read_workout_data(data, fmt, str(path), settings=settings, capabilities=capabilities)


def import_workout(
    library: PresetLibrary, path: Path, *, finish: BackwardFinish | None = None
) -> tuple[Preset, WorkoutImport]:
    """Save the workout in ``path`` as a new user preset (with ``finish``'s backward blocks
    added at the end, if given); raises FileFormatError listing every problem (and writes
    nothing) when it cannot be imported whole."""
    preset, result = copy_in_workout(library, path, finish=finish)
    return library.adopt(preset), result


def copy_in_workout(
    library: PresetLibrary, path: Path, *, finish: BackwardFinish | None = None
) -> tuple[Preset, WorkoutImport]:
    """The file work of an import (as ``PresetLibrary.copy_in``): read and map ``path`` and
    write the preset as a new user preset file. No list of the library changes (``adopt`` the
    result), so this can run in a worker thread. Raises FileFormatError or OSError."""
    result = read_workout_file(path, settings=library.settings, capabilities=library.capabilities)
    if result.preset is None:
        raise combined(result.errors)
    preset = result.preset
    if finish is not None:
        preset = add_backward_finish(preset, finish, library.settings)
    text = preset_to_toml(preset)
    check = check_preset_text(
        text,
        source=str(path),
        preset_id="import",
        settings=library.settings,
        capabilities=library.capabilities,
    )
    if check.preset is None:  # nothing is written for a preset that would not load
        raise combined(check.errors)
    preset_id = library.new_id(preset.name)
    target = library.user_dir / f"{preset_id}{PRESET_SUFFIX}"
    storage.atomic_write_text(target, text)
    written = check_preset_file(
        target, settings=library.settings, capabilities=library.capabilities, preset_id=preset_id
    )
    if written.preset is None:  # never expected: the same checks passed before the write
        raise combined(written.errors)
    return written.preset, result


def import_preset_with_finish(library: PresetLibrary, path: Path, finish: BackwardFinish) -> Preset:
    """A preset file imported with backward blocks added at the end (saved as a new preset;
    the source file is only read)."""
    loaded = check_preset_file(path, settings=library.settings, capabilities=library.capabilities)
    if loaded.preset is None:
        raise combined(loaded.errors)
    changed = add_backward_finish(loaded.preset, finish, library.settings)
    return library.save(dataclasses.replace(changed, id="", path=None, builtin=False))


def combined(errors: tuple[FileFormatError, ...]) -> FileFormatError:
    """One error carrying every problem, one per line (the first one's location)."""
    if not errors:
        return FileFormatError("?", None, "cannot be imported")
    first = errors[0]
    if len(errors) == 1:
        return first
    rest = "".join(f"\n  {e}" for e in errors[1:])
    return FileFormatError(first.path, first.line, f"{first.reason}{rest}")


def workout_bytes(
    preset: Preset, fmt: WorkoutFormat, settings: Settings, *, created: datetime | None = None
) -> bytes:
    """The preset as a workout file in ``fmt``."""
    if fmt is WorkoutFormat.ZWO:
        return preset_to_zwo(preset, settings).encode("utf-8")
    return preset_to_fit(preset, settings, created=created)


def export_workout(
    preset: Preset, fmt: WorkoutFormat, path: Path, settings: Settings, *, force: bool = False
) -> Path:
    """Write the preset to ``path`` (atomically); an existing file is kept unless ``force``
    (FileExistsError)."""
    if path.exists() and not force:
        raise FileExistsError(str(path))
    storage.atomic_write_bytes(path, workout_bytes(preset, fmt, settings))
    return path
