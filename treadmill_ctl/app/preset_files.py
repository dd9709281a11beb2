"""Importing and exporting preset files for the presets screen: a preset file, or a ZWO or FIT
workout (copied in as a preset, with what it approximated said), and a preset written to a file
of the user's choice (atomically; a ZWO or FIT workout by the suffix the user typed).

While the loop runs, the file work goes through ``off_loop`` (a worker thread in the app) and
the outcome is said, as a notice, when it is done; with no loop running (a script, a test) it
runs at once. A bad file is refused with its file, line and reason, and nothing is copied.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from treadmill_ctl.app.context import AppContext, NoticeLevel
from treadmill_ctl.app.file_work import OffLoop, loop_is_running
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.session.preset_folder import PRESET_SUFFIX
from treadmill_ctl.session.presets import Preset, PresetLibrary
from treadmill_ctl.settings import Settings
from treadmill_ctl.texts import tr
from treadmill_ctl.workouts.importing import copy_in_workout, export_workout, workout_format

type Copied = tuple[Preset, tuple[FileFormatError, ...]]


class PresetFiles:
    """Import and export for ``library``; ``imported(preset)`` is called with each preset copied
    in (the screen lists and selects it) before the import is said."""

    def __init__(
        self,
        context: AppContext,
        library: PresetLibrary,
        off_loop: OffLoop,
        imported: Callable[[Preset], None],
    ) -> None:
        self._context = context
        self._library = library
        self._off_loop = off_loop
        self._on_imported = imported

    def import_file(self, path: Path) -> bool:
        """Copy the file at ``path`` into the user presets (the file itself is only read). While
        the loop runs, the result only says that the import started."""
        copy_in = functools.partial(self._copy_in, path)
        if loop_is_running():
            self._context.spawn(self._import_off_loop(path, copy_in), what="Importing a preset")
            return True
        try:
            preset, notes = copy_in()
        except (FileFormatError, OSError) as exc:
            self._not_imported(path, exc)
            return False
        self._imported(self._library.adopt(preset), notes)
        return True

    def export_file(self, preset_id: str, path: Path, settings: Settings) -> bool:
        """Write the preset ``preset_id`` to ``path`` (``.toml`` added unless it names a workout
        format); while the loop runs, the result only says that the export started."""
        fmt = workout_format(path)
        if fmt is None and path.suffix != PRESET_SUFFIX:
            path = path.with_name(path.name + PRESET_SUFFIX)
        write: Callable[[], Path]
        if fmt is not None:  # a ZWO or FIT workout file: by the suffix the user typed
            preset = self._library.find(preset_id)
            if preset is None:
                self._notify(NoticeLevel.WARNING, tr("Not exported: no such preset."))
                return False
            write = functools.partial(export_workout, preset, fmt, path, settings, force=True)
        else:
            write = functools.partial(self._library.export, preset_id, path)
        if loop_is_running():
            self._context.spawn(self._export_off_loop(write, path), what="Exporting a preset")
            return True
        try:
            write()
        except (FileFormatError, OSError) as exc:
            self._notify(NoticeLevel.WARNING, tr("Not exported: {why}", why=exc))
            return False
        self._notify(NoticeLevel.INFO, tr("Exported to {path}.", path=path))
        return True

    def _copy_in(self, path: Path) -> Copied:
        """The file work of an import: a preset file, or a ZWO or FIT workout (with what it
        approximated)."""
        if workout_format(path) is not None:
            preset, result = copy_in_workout(self._library, path)
            return preset, result.notes
        return self._library.copy_in(path), ()

    async def _import_off_loop(self, path: Path, copy_in: Callable[[], Copied]) -> None:
        try:
            preset, notes = await self._off_loop(copy_in)
        except (FileFormatError, OSError) as exc:
            self._not_imported(path, exc)
            return
        self._imported(self._library.adopt(preset), notes)

    def _imported(self, preset: Preset, notes: tuple[FileFormatError, ...] = ()) -> None:
        self._on_imported(preset)
        if not notes:
            text = tr("Imported “{name}”.", name=preset.name)
        elif len(notes) == 1:
            text = tr("Imported “{name}”. Adapted: {why}.", name=preset.name, why=notes[0].reason)
        else:
            text = tr(
                "Imported “{name}”. Adapted: {why} (and {more} more).",
                name=preset.name,
                why=notes[0].reason,
                more=len(notes) - 1,
            )
        self._notify(NoticeLevel.INFO, text)

    def _not_imported(self, path: Path, exc: Exception) -> None:
        if isinstance(exc, FileFormatError):
            self._notify(NoticeLevel.WARNING, tr("Not imported: {why}", why=exc))
        else:
            self._notify(
                NoticeLevel.WARNING,
                tr("Not imported: cannot read {path}: {why}", path=path, why=exc),
            )

    async def _export_off_loop(self, write: Callable[[], Path], path: Path) -> None:
        try:
            await self._off_loop(write)
        except (FileFormatError, OSError) as exc:
            self._notify(NoticeLevel.WARNING, tr("Not exported: {why}", why=exc))
            return
        self._notify(NoticeLevel.INFO, tr("Exported to {path}.", path=path))

    def _notify(self, level: str, message: str) -> None:
        self._context.notify(level, message)
