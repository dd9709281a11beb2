"""The presets screen's bridge: the library of built-in and user presets, each with its timeline
preview; create, duplicate, edit, delete (with undo), import and export; the suggested next
preset; and "start" (hands the plan to the session screen).

The library itself is ``session.presets.PresetLibrary``: every write goes through it (atomic,
validated). This bridge only formats rows for QML and keeps the undo stack of deletions.

Reading the folders is file work that grows with what is in them (a folder of big or hostile
files once held STOP ~5 s): while the loop runs, the folders are read one bounded file per turn
of the loop (``PresetLibrary.read_steps``; each file is limited by ``toml_limits``; where the
file work runs: ``file_work.read_file_work``), and the loop runs everything else (a STOP key)
between files; the result is applied when the last file is read. A reload asked for while one
is running starts it again from the first file. Import and export, one file each, go through
``off_loop`` (``preset_files.py``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any, Final

from treadmill_ctl.app.context import AppContext, NoticeLevel, Screen
from treadmill_ctl.app.file_work import (
    OffLoop,
    in_loop_turn,
    local_path,
    loop_is_running,
    read_file_work,
)
from treadmill_ctl.app.preset_draft import Draft
from treadmill_ctl.app.preset_editor_bridge import EditorBridge
from treadmill_ctl.app.preset_files import PresetFiles
from treadmill_ctl.app.preset_rows import preset_row
from treadmill_ctl.app.qt import Property, QmlElement, QmlUncreatable, QObject, QUrl, Signal, Slot
from treadmill_ctl.app.translation import translated, translated_tree
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.session.preset_folder import PRESET_SUFFIX, LibraryContents, ReadSteps
from treadmill_ctl.session.presets import (
    LADDER_TRACK,
    Preset,
    PresetLibrary,
    library_order,
)
from treadmill_ctl.session.progression import Suggestion, repeat_after, suggest_next
from treadmill_ctl.settings import Settings
from treadmill_ctl.storage import documents_dir
from treadmill_ctl.texts import tr

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

UNDO_DEPTH: Final = 10

FILE_GAP_S: Final = 0.01
"""The pause between two preset files of a read: a STOP key pressed during a file is handled
in it, its whole path to the wire (several turns of the loop) without a file read between
each turn."""


@QmlElement
@QmlUncreatable("The app creates its bridges")
class PresetsBridge(QObject):
    """The preset library for the presets screen. ``presets`` is a list of rows (see
    ``preset_row``); ``selected`` is the selected row (an empty dict when none)."""

    presetsChanged = Signal()
    selectionChanged = Signal()
    suggestionChanged = Signal()
    undoChanged = Signal()
    problemsChanged = Signal()

    def __init__(
        self,
        context: AppContext,
        parent: QObject | None = None,
        *,
        off_loop: OffLoop = in_loop_turn,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._reading: asyncio.Task[None] | None = None
        self._read_again = False
        first_read = context.presets is None and loop_is_running()
        if context.presets is None:
            # With the loop running (the app), the folders are read off the loop, below; with
            # none (a script, a test) there is nothing to hold up and they are read now.
            context.presets = PresetLibrary(
                self._settings(), self._capabilities(), load=not first_read
            )
        self._library: PresetLibrary = context.presets
        self._rows: list[dict[str, Any]] = []
        self._selected_id = ""
        self._suggestion = Suggestion(None, "")
        # True once the suggestion follows a completed session (set_last_completed).
        self._suggestion_is_known = False
        self._deleted: list[Preset] = []
        self._problems: list[str] = []
        # Rows already formatted, by preset (the same object and settings): a big preset's row
        # takes milliseconds, so a read's rows are made one per loop turn before it is applied.
        self._row_cache: dict[int, tuple[Preset, Settings, dict[str, Any]]] = {}
        self._files = PresetFiles(context, self._library, off_loop, self._show_imported)
        self._editor = EditorBridge(context, self._library, self)
        self._editor.saved.connect(self._on_editor_saved)
        self._rebuild()
        if first_read:
            self.reload()

    def _settings(self) -> Settings:
        settings = self._context.settings
        return settings if isinstance(settings, Settings) else Settings()

    def _capabilities(self) -> Any:
        link = self._context.link
        return link.capabilities if link is not None else None

    # -- properties --------------------------------------------------------------------------

    @Property(list, notify=presetsChanged)
    def presets(self) -> list[dict[str, Any]]:
        """Every preset: built-ins first, then the user's own (in the user's language)."""
        return translated_tree(self._rows)

    @Property(list, notify=problemsChanged)
    def problems(self) -> list[str]:
        """Preset files that did not load, as ``file, line N: reason`` in the user's language
        (they are left as they are)."""
        return [translated(p) for p in self._problems]

    @Property(str, notify=problemsChanged)
    def problemsText(self) -> str:
        """``problems`` as lines, under a heading ("" when every file loaded)."""
        if not self._problems:
            return ""
        heading = translated(tr("Not loaded (the files are left as they are):"))
        return heading + "\n" + "\n".join(translated(p) for p in self._problems)

    def _get_selected_id(self) -> str:
        return self._selected_id

    def _set_selected_id(self, preset_id: str) -> None:
        if preset_id != self._selected_id:
            self._selected_id = preset_id
            self.selectionChanged.emit()

    selectedId = Property(str, _get_selected_id, _set_selected_id, notify=selectionChanged)

    @Property(dict, notify=selectionChanged)
    def selected(self) -> dict[str, Any]:
        """The selected preset's row (empty when none)."""
        return translated_tree(self._row(self._selected_id) or {})

    @Property(str, notify=suggestionChanged)
    def suggestedId(self) -> str:
        """The id of the suggested next preset ("" when none, or when it is a generated one
        that is not saved yet)."""
        preset = self._suggestion.preset
        return preset.id if preset is not None and not self._suggestion.generated else ""

    @Property(str, notify=suggestionChanged)
    def suggestedName(self) -> str:
        """The suggested next preset's name ("" when there is no suggestion)."""
        preset = self._suggestion.preset
        return translated(preset.name) if preset is not None else ""

    @Property(str, notify=suggestionChanged)
    def suggestionReason(self) -> str:
        """Why it is suggested, in a runner's words."""
        suggestion = self._suggestion
        return translated(suggestion.reason) if suggestion.preset is not None else ""

    @Property(bool, notify=suggestionChanged)
    def suggestionIsNew(self) -> bool:
        """The suggestion is a lengthened copy, not yet in the library (``saveSuggestion``)."""
        return self._suggestion.preset is not None and self._suggestion.generated

    @Property(bool, notify=undoChanged)
    def canUndo(self) -> bool:
        """A deletion can be undone."""
        return bool(self._deleted)

    @Property(str, notify=undoChanged)
    def undoText(self) -> str:
        """E.g. "Deleted “My intervals”"."""
        if not self._deleted:
            return ""
        return translated(tr("Deleted “{name}”", name=self._deleted[-1].name))

    @Property(EditorBridge, constant=True)
    def editor(self) -> EditorBridge:
        """The preset editor (editor screen)."""
        return self._editor

    @property
    def editor_bridge(self) -> EditorBridge:
        """The preset editor (typed, for Python callers)."""
        return self._editor

    # -- actions -----------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read every preset file again (with the current settings and treadmill): one file per
        turn of the loop while it runs (the rows change when it is done), at once otherwise."""
        if not loop_is_running():
            self._library.reload(self._settings(), self._capabilities())
            self._rebuild()
            return
        self._read_again = True
        if self._reading is None or self._reading.done():
            self._reading = self._context.spawn(self._read_off_loop(), what="Reading the presets")

    @property
    def reading(self) -> asyncio.Task[None] | None:
        """The read in progress (None or done when there is none)."""
        return self._reading

    async def _read_off_loop(self) -> None:
        while self._read_again:
            self._read_again = False
            settings, caps = self._settings(), self._capabilities()
            library = self._library
            changes = library.changes
            contents = await self._one_file_a_turn(library.read_steps(settings, caps))
            if contents is None:
                continue  # asked again meanwhile: start over
            if library.changes != changes:
                self._read_again = True  # a save or delete happened meanwhile: read again
            if self._read_again:
                continue  # what was read is stale
            for preset in contents.presets:
                self._formatted(preset, settings)
                await asyncio.sleep(FILE_GAP_S)
            if self._read_again or library.changes != changes:
                self._read_again = True
                continue
            library.apply(contents, settings, caps)
            self._rebuild()

    async def _one_file_a_turn(self, steps: ReadSteps) -> LibraryContents | None:
        """Drain ``steps``, giving the loop back after every file; None when a new reload
        was asked for meanwhile (what was read is stale)."""

        def one_file() -> LibraryContents | None:
            try:
                next(steps)
            except StopIteration as done:
                contents: LibraryContents = done.value
                return contents
            return None

        while True:
            found: LibraryContents | None = await read_file_work()(one_file)
            if found is not None:
                return found
            await asyncio.sleep(FILE_GAP_S)
            if self._read_again:
                steps.close()
                return None

    @Slot(str)
    def select(self, preset_id: str) -> None:
        """Select a preset (its details and timeline show on the right)."""
        self._set_selected_id(preset_id)

    @Slot(str)
    def start(self, preset_id: str) -> None:
        """Use this preset for the next session (the session screen opens; the belt does not
        move until the user starts there)."""
        preset = self._library.find(preset_id)
        if preset is None:
            self._notify(NoticeLevel.WARNING, tr("That preset is gone (was its file removed?)."))
            self.reload()
            return
        self._set_selected_id(preset_id)
        self._context.choose_plan(preset.to_plan())

    @Slot()
    def create(self) -> None:
        """Open the editor on a new preset."""
        self._editor.open(Draft.blank(self._settings().speed_unit.value))
        self._context.switch_screen(Screen.EDITOR)

    @Slot(str)
    def edit(self, preset_id: str) -> None:
        """Open the editor on a preset. A built-in cannot change: the editor works on a copy
        and says so."""
        preset = self._library.find(preset_id)
        if preset is None:
            return
        draft = Draft.of(preset, self._settings().speed_unit.value, as_copy=preset.builtin)
        if preset.builtin:
            draft.name = self._copy_name(preset.name)
        self._editor.open(draft, based_on=preset.name if preset.builtin else "")
        self._context.switch_screen(Screen.EDITOR)

    @Slot(str)
    def duplicate(self, preset_id: str) -> None:
        """Save a copy of a preset as a new user preset ("… (copy)") and select it."""
        preset = self._library.find(preset_id)
        if preset is None:
            return
        copy = _without_ladder(preset, self._copy_name(preset.name))
        try:
            saved = self._library.save(copy)
        except (FileFormatError, OSError) as exc:
            self._notify(
                NoticeLevel.WARNING,
                tr("Could not duplicate “{name}”: {why}", name=preset.name, why=exc),
            )
            return
        self._rebuild()
        self._set_selected_id(saved.id)
        self._notify(NoticeLevel.INFO, tr("Saved a copy: “{name}”.", name=saved.name))

    @Slot(str)
    def remove(self, preset_id: str) -> None:
        """Delete a user preset's file (undo brings it back). Built-ins cannot be deleted."""
        preset = self._library.find(preset_id)
        if preset is None:
            return
        if preset.builtin:
            self._notify(NoticeLevel.INFO, tr("Built-in presets cannot be deleted."))
            return
        try:
            removed = self._library.delete(preset_id)
        except (FileFormatError, OSError) as exc:
            self._notify(
                NoticeLevel.WARNING,
                tr("Could not delete “{name}”: {why}", name=preset.name, why=exc),
            )
            return
        self._deleted = [*self._deleted, removed][-UNDO_DEPTH:]
        self.undoChanged.emit()
        if self._selected_id == preset_id:
            self._set_selected_id("")
        self._rebuild()

    @Slot()
    def undo(self) -> None:
        """Bring back the last deleted preset."""
        if not self._deleted:
            return
        preset = self._deleted[-1]
        try:
            restored = self._library.save(preset)
        except (FileFormatError, OSError) as exc:
            self._notify(
                NoticeLevel.WARNING,
                tr("Could not restore “{name}”: {why}", name=preset.name, why=exc),
            )
            return
        self._deleted = self._deleted[:-1]
        self.undoChanged.emit()
        self._rebuild()
        self._set_selected_id(restored.id)

    @Slot(str, result=bool)
    def importFile(self, path_or_url: str) -> bool:
        """Copy a preset file (or a ZWO or FIT workout) into the user presets; a bad file is
        refused with its file, line and reason. While the loop runs, the file is read and
        copied off the loop and the outcome is said when it is done (the result then only says
        that the import started)."""
        return self._files.import_file(local_path(path_or_url))

    @Slot(str, str, result=bool)
    def exportFile(self, preset_id: str, path_or_url: str) -> bool:
        """Write a preset to a file of the user's choice (atomically); off the loop while it
        runs (the outcome is said when it is done)."""
        return self._files.export_file(preset_id, local_path(path_or_url), self._settings())

    @Slot(str, result=str)
    def exportName(self, preset_id: str) -> str:
        """A file name to offer in the export dialog."""
        preset = self._library.find(preset_id)
        return f"{preset.id if preset else 'preset'}{PRESET_SUFFIX}"

    @Slot(result=str)
    def exportFolderUrl(self) -> str:
        """The folder the export dialog opens in: the user's documents folder (a URL)."""
        folder = documents_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _log.warning("cannot make the export folder %s: %s", folder, exc)
        return QUrl.fromLocalFile(str(folder)).toString()

    @Slot(str, result=str)
    def exportUrl(self, preset_id: str) -> str:
        """The file the export dialog offers: ``exportName`` in the documents folder (a URL)."""
        return QUrl.fromLocalFile(str(documents_dir() / self.exportName(preset_id))).toString()

    @Slot()
    def saveSuggestion(self) -> None:
        """Save a generated suggestion (a lengthened copy) as a user preset and select it."""
        preset = self._suggestion.preset
        if preset is None or not self._suggestion.generated:
            return
        try:
            saved = self._library.save(preset)
        except (FileFormatError, OSError) as exc:
            self._notify(NoticeLevel.WARNING, tr("Could not save the suggestion: {why}", why=exc))
            return
        self._suggestion = Suggestion(saved, self._suggestion.reason)
        self._rebuild()
        self._set_selected_id(saved.id)

    @Slot(str, str)
    def sessionEnded(self, preset_id: str, end_reason: str) -> None:
        """A session of ``preset_id`` ended (the summary screen says so, with its
        ``progressionReason``): after a complete one ("finished") the progression suggests the
        next preset; after one that ended early (skipped, stopped...), the same again."""
        if end_reason == "finished":
            self.set_last_completed(preset_id)
            return
        preset = self._library.find(preset_id) if preset_id else None
        suggestion = Suggestion(None, "") if preset is None else repeat_after(preset, end_reason)
        self._suggestion_is_known = True
        if suggestion != self._suggestion:
            self._suggestion = suggestion
            self.suggestionChanged.emit()
            self._rebuild()

    @Slot()
    def useSuggestion(self) -> None:
        """Use the suggested preset for the next session (saving a generated one first)."""
        if self._suggestion.preset is None:
            return
        if self._suggestion.generated:
            self.saveSuggestion()
        preset = self._suggestion.preset
        if preset is not None and not self._suggestion.generated:
            self.start(preset.id)

    # -- helpers for other bridges ------------------------------------------------------------

    def suggestion_after(self, preset_id: str) -> Suggestion:
        """The progression's suggestion after completing ``preset_id`` (summary screen)."""
        last = self._library.find(preset_id) if preset_id else None
        if last is None:
            return Suggestion(None, "")
        return suggest_next(
            last,
            self._library.presets,
            backward_default_kmh=self._settings().backward_default_kmh,
        )

    def set_last_completed(self, preset_id: str) -> None:
        """The session of ``preset_id`` was completed: suggest what comes next."""
        suggestion = self.suggestion_after(preset_id)
        self._suggestion_is_known = True
        if suggestion != self._suggestion:
            self._suggestion = suggestion
            self.suggestionChanged.emit()
            self._rebuild()

    # -- internals ---------------------------------------------------------------------------

    def _last_completed_from_history(self) -> str:
        history = self._context.history
        list_sessions = getattr(history, "list_sessions", None)
        if list_sessions is None:
            return ""
        try:
            sessions = list_sessions()
        except Exception as exc:  # noqa: BLE001 - a broken history must not break presets
            _log.warning("history not readable for the suggestion: %s", exc, exc_info=exc)
            return ""
        for summary in sessions:
            # Complete by statistics.py's rule: a finished session with a skip is not.
            if getattr(summary, "complete", False) and summary.preset_id:
                return str(summary.preset_id)
        return ""

    def _copy_name(self, name: str) -> str:
        taken = {p.name.casefold() for p in self._library.presets}
        candidate, n = f"{name} (copy)", 2
        while candidate.casefold() in taken:
            candidate, n = f"{name} (copy {n})", n + 1
        return candidate

    def _show_imported(self, preset: Preset) -> None:
        self._rebuild()
        self._set_selected_id(preset.id)

    def _on_editor_saved(self, preset_id: str) -> None:
        self._rebuild()
        self._set_selected_id(preset_id)

    def _formatted(self, preset: Preset, settings: Settings) -> dict[str, Any]:
        """``preset_row(preset, settings)``, made once per preset and settings."""
        cached = self._row_cache.get(id(preset))
        if cached is not None and cached[0] is preset and cached[1] == settings:
            return cached[2]
        row = preset_row(preset, settings)
        self._row_cache[id(preset)] = (preset, settings, row)
        return row

    def _row(self, preset_id: str) -> dict[str, Any] | None:
        return next((r for r in self._rows if r["id"] == preset_id), None)

    def _first_rung(self) -> Suggestion:
        """For a runner with no completed session: the first rung of the backward ladder."""
        ladder = [p for p in self._library.presets if p.builtin and p.track == LADDER_TRACK]
        if not ladder:
            return Suggestion(None, "")
        first = min(ladder, key=library_order)
        return Suggestion(first, tr("New to backward running? Start here, at a gentle speed."))

    def _rebuild(self) -> None:
        if not self._suggestion_is_known:
            # The history may have a completed session by now (the first rung until then).
            last = self._last_completed_from_history()
            suggestion = self.suggestion_after(last) if last else self._first_rung()
            if suggestion != self._suggestion:
                self._suggestion = suggestion
                self.suggestionChanged.emit()
        settings = self._settings()
        suggested = self._suggestion.preset.id if self._suggestion.preset is not None else ""
        rows = []
        presets = sorted(self._library.presets, key=library_order)
        self._row_cache = {
            id(p): self._row_cache[id(p)] for p in presets if id(p) in self._row_cache
        }
        for preset in presets:
            row = dict(self._formatted(preset, settings))
            row["suggested"] = bool(suggested) and preset.id == suggested
            rows.append(row)
        if rows != self._rows:
            self._rows = rows
            self.presetsChanged.emit()
            self.selectionChanged.emit()
        problems: list[str] = [p.text for p in self._library.problems]
        if problems != self._problems:
            self._problems = problems
            self.problemsChanged.emit()
        if self._selected_id and self._row(self._selected_id) is None:
            self._set_selected_id("")
        if not self._selected_id and rows:
            self._set_selected_id(suggested or rows[0]["id"])

    def _notify(self, level: str, message: str) -> None:
        self._context.notify(level, message)


def _without_ladder(preset: Preset, name: str) -> Preset:
    """A user copy of ``preset``: new name, no id or file, off the progression ladder."""
    return dataclasses.replace(
        preset, id="", name=name, builtin=False, path=None, track="", level=None, warnings=()
    )
