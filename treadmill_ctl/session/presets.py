"""Presets: the library that holds them (``PresetLibrary``): built-ins first, then the user's
own, read one file at a time, saved atomically, imported and exported. The file format and its
checks are ``session.preset_format`` (its names are also importable from here).

Built-ins ship in ``resources/presets/``; user presets live in ``config_dir()/presets``. A bad
file is reported (file, line, problem) and left exactly as it is; the others still load.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from treadmill_ctl import storage
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.ftms.model import Capabilities
from treadmill_ctl.session.preset_folder import (
    PRESET_SUFFIX,
    LibraryContents,
    ReadSteps,
    drain,
    read_folders,
)
from treadmill_ctl.session.preset_format import (
    INCLINE_LIMITS_PCT,
    LADDER_TRACK,
    MAX_PHASE_S,
    MAX_REPEAT,
    PRESET_MIGRATIONS,
    PRESET_SCHEMA,
    Preset,
    PresetCheck,
    builtin_presets_dir,
    check_preset_file,
    check_preset_text,
    library_order,
    preset_to_toml,
    slugify,
    user_presets_dir,
)
from treadmill_ctl.settings import (
    Settings,
)
from treadmill_ctl.toml_limits import read_toml_file

log = logging.getLogger(__name__)

# ---- the library ------------------------------------------------------------------------


type FileReader = Callable[[Path], str]


class PresetLibrary:
    """Every preset the user can run: built-ins first, then the user's own.

    Bad files are listed in ``problems`` (and logged) and skipped; they are never written,
    renamed or deleted. When ``capabilities`` are given, presets are also checked against the
    connected machine (e.g. an incline it cannot do).

    ``read`` does all the file work and changes nothing, so it can run in a worker thread;
    ``apply`` takes its result (on the caller's thread). ``reload`` is both at once. Saving,
    deleting and importing touch only their own file, never the whole folder.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        capabilities: Capabilities | None = None,
        *,
        builtin_dir: Path | None = None,
        user_dir: Path | None = None,
        read_file: FileReader = read_toml_file,
        load: bool = True,
    ) -> None:
        self._settings = settings or Settings()
        self._caps = capabilities
        self._builtin_dir = builtin_dir or builtin_presets_dir()
        self._user_dir = user_dir or user_presets_dir()
        self._read_file = read_file
        self._presets: list[Preset] = []
        self._problems: list[FileFormatError] = []
        self._stems: set[str] = set()
        self._changes = 0
        if load:
            self.reload()

    @property
    def presets(self) -> tuple[Preset, ...]:
        return tuple(self._presets)

    @property
    def problems(self) -> tuple[FileFormatError, ...]:
        """Errors of the files that did not load (file, line, reason)."""
        return tuple(self._problems)

    @property
    def warnings(self) -> tuple[FileFormatError, ...]:
        return tuple(w for p in self._presets for w in p.warnings)

    @property
    def user_dir(self) -> Path:
        return self._user_dir

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def capabilities(self) -> Capabilities | None:
        return self._caps

    @property
    def changes(self) -> int:
        """Counts the saves, deletions and imports: a ``read`` begun before one is stale."""
        return self._changes

    def reload(
        self, settings: Settings | None = None, capabilities: Capabilities | None = None
    ) -> None:
        """Read every preset again (after settings or the machine changed)."""
        self.apply(self.read(settings, capabilities), settings, capabilities)

    def read(
        self, settings: Settings | None = None, capabilities: Capabilities | None = None
    ) -> LibraryContents:
        """Read and check every preset file (with these settings and machine, or the current
        ones). Changes nothing: safe to run while the library is used."""
        return drain(self.read_steps(settings, capabilities))

    def read_steps(
        self, settings: Settings | None = None, capabilities: Capabilities | None = None
    ) -> ReadSteps:
        """``read`` one file per step (``preset_folder.read_folders``), so a caller on the
        event loop can give it back between files."""
        settings = settings if settings is not None else self._settings
        caps = capabilities if capabilities is not None else self._caps

        def check(path: Path, builtin: bool, preset_id: str) -> PresetCheck:
            return check_preset_file(
                path,
                settings=settings,
                capabilities=caps,
                builtin=builtin,
                preset_id=preset_id,
                read_file=self._read_file,
            )

        folders = ((self._builtin_dir, True), (self._user_dir, False))
        return read_folders(folders, check, slugify)

    def apply(
        self,
        contents: LibraryContents,
        settings: Settings | None = None,
        capabilities: Capabilities | None = None,
    ) -> None:
        """Use what ``read`` found (and the settings and machine it was read with)."""
        if settings is not None:
            self._settings = settings
        if capabilities is not None:
            self._caps = capabilities
        self._presets = list(contents.presets)
        self._problems = list(contents.problems)
        self._stems = set(contents.stems)

    def find(self, ref: str) -> Preset | None:
        """A preset by id, or by name (case-insensitive)."""
        for preset in self._presets:
            if preset.id == ref:
                return preset
        folded = ref.casefold().strip()
        for preset in self._presets:
            if preset.name.casefold() == folded:
                return preset
        slug = slugify(ref)
        for preset in self._presets:
            if preset.id == slug:
                return preset
        return None

    def resolve(self, ref: str) -> Preset:
        """A preset by id, name, or path of a preset file; raises FileFormatError with the
        reason (unknown name, or the file's first problem)."""
        preset = self.find(ref)
        if preset is not None:
            return preset
        path = Path(ref)
        if path.suffix == PRESET_SUFFIX or path.exists():
            if not path.exists():
                raise FileFormatError(ref, None, "no such preset file")
            result = check_preset_file(path, settings=self._settings, capabilities=self._caps)
            if result.preset is None:
                raise _combined(result.errors)
            return result.preset
        known = ", ".join(p.id for p in self._presets)
        raise FileFormatError(ref, None, f"no preset with this id or name (known: {known})")

    def new_id(self, name: str) -> str:
        """A fresh id for ``name`` that neither a loaded preset nor any file (even a bad one,
        or one added since the last read) uses."""
        base = slugify(name)
        taken = {p.id for p in self._presets} | self._stems
        candidate, n = base, 2
        while candidate in taken or self._file_for(candidate).exists():
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _file_for(self, preset_id: str) -> Path:
        return self._user_dir / f"{preset_id}{PRESET_SUFFIX}"

    def _refresh(self, path: Path, preset_id: str) -> Preset:
        """Read back the one file just written and put it in the library."""
        result = check_preset_file(
            path,
            settings=self._settings,
            capabilities=self._caps,
            preset_id=preset_id,
            read_file=self._read_file,
        )
        if result.preset is None:
            raise _combined(result.errors)
        return self.adopt(result.preset)

    def save(self, preset: Preset) -> Preset:
        """Write ``preset`` (atomically) as a user preset. A built-in, or a preset without an
        id, is saved as a new user preset; a user preset overwrites its own file."""
        text = preset_to_toml(preset)
        check = check_preset_text(
            text,
            source=preset.name,
            preset_id="check",
            settings=self._settings,
            capabilities=self._caps,
        )
        if check.preset is None:
            raise _combined(check.errors)
        existing = self.find(preset.id) if preset.id else None
        if existing is not None and not existing.builtin and existing.path is not None:
            path, preset_id = existing.path, existing.id
        else:
            preset_id = self.new_id(preset.name)
            path = self._file_for(preset_id)
        storage.atomic_write_text(path, text)
        return self._refresh(path, preset_id)

    def delete(self, preset_id: str) -> Preset:
        """Remove a user preset's file; returns it (save it again to undo). Built-ins cannot be
        deleted."""
        preset = self.find(preset_id)
        if preset is None or preset.path is None:
            raise FileFormatError(preset_id, None, "no such preset")
        if preset.builtin:
            raise FileFormatError(preset_id, None, "built-in presets cannot be deleted")
        preset.path.unlink()
        self._presets = [p for p in self._presets if p.id != preset.id]
        self._stems.discard(slugify(preset.path.stem))
        self._changes += 1
        return dataclasses.replace(preset, path=None, id="")

    def import_file(self, path: Path) -> Preset:
        """Copy a preset file into the user presets (the source is only read). Raises
        FileFormatError listing its problems when it is not valid."""
        return self.adopt(self.copy_in(path))

    def copy_in(self, path: Path) -> Preset:
        """The file work of an import: read and check ``path`` once and write the same text as
        a new user preset. No list of the library changes (``adopt`` the result), so this can
        run in a worker thread. Raises FileFormatError (its problems) or OSError."""
        text = self._read_file(path)
        result = check_preset_text(
            text,
            source=str(path),
            preset_id="import",
            settings=self._settings,
            capabilities=self._caps,
        )
        if result.preset is None:
            raise _combined(result.errors)
        preset_id = self.new_id(result.preset.name)
        target = self._file_for(preset_id)
        storage.atomic_write_text(target, text)
        return dataclasses.replace(result.preset, id=preset_id, path=target)

    def adopt(self, preset: Preset) -> Preset:
        """Put a preset whose file was just written (``copy_in``, ``save``) in the library."""
        self._presets = [p for p in self._presets if p.id != preset.id] + [preset]
        self._presets.sort(key=lambda p: (not p.builtin, p.path.name if p.path else ""))
        if preset.path is not None:
            self._problems = [e for e in self._problems if e.path != str(preset.path)]
            self._stems.add(slugify(preset.path.stem))
        self._changes += 1
        return preset

    def export(self, ref: str, path: Path) -> Path:
        """Write a preset to ``path`` (atomically): its file as written, comments and all."""
        preset = self.resolve(ref)
        if preset.path is not None and preset.path.is_file():
            text = read_toml_file(preset.path)
        else:
            text = preset_to_toml(preset)
        storage.atomic_write_text(path, text)
        return path


def _combined(errors: Sequence[FileFormatError]) -> FileFormatError:
    """One error carrying all of a file's problems (first one's location)."""
    if not errors:
        return FileFormatError("?", None, "invalid preset")
    first = errors[0]
    if len(errors) == 1:
        return first
    rest = "; ".join(str(e) for e in errors[1:])
    combined = FileFormatError(first.path, first.line, f"{first.reason} (also: {rest})")
    return combined


__all__ = [
    "INCLINE_LIMITS_PCT",
    "LADDER_TRACK",
    "MAX_PHASE_S",
    "MAX_REPEAT",
    "PRESET_MIGRATIONS",
    "PRESET_SCHEMA",
    "Preset",
    "PresetCheck",
    "PresetLibrary",
    "builtin_presets_dir",
    "check_preset_file",
    "check_preset_text",
    "library_order",
    "preset_to_toml",
    "slugify",
    "user_presets_dir",
]
