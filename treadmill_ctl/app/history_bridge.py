"""The history screen's bridge: past sessions (newest first), one session's detail with its
speed-over-time chart coloured by direction, phases marked and heart rate overlaid when known,
delete with undo, and backward minutes and blocks per week.

The store is ``history.HistoryStore`` (``context.history``; opened here when the app did not).
Everything is formatted in ``history_presenter`` (no Qt); QML only draws. The history package
is imported on first use, not with this module (the app's window shows before it is loaded).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app.context import AppContext, NoticeLevel
from treadmill_ctl.app.history_export import ExportOutcome, export_session
from treadmill_ctl.app.history_presenter import (
    chart_of,
    detail_view,
    ending_text,
    session_row,
    week_rows,
)
from treadmill_ctl.app.qt import (
    Property,
    QLocale,
    QmlElement,
    QmlUncreatable,
    QObject,
    Signal,
    Slot,
)
from treadmill_ctl.app.translation import translated, translated_tree
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.export.naming import EXPORT_FORMATS, default_export_path
from treadmill_ctl.texts import tr

if TYPE_CHECKING:
    from treadmill_ctl.history import HistoryStore, SessionDetail

__all__ = ["HistoryBridge", "chart_of", "ending_text", "session_row", "week_rows"]

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

UNDO_DEPTH: Final = 10


def _date(day: date, pattern: str) -> str:
    """A date in the language's words ("Mo. 02 März 2026" for ``ddd dd MMM yyyy``)."""
    return str(QLocale().toString(day, pattern))  # type: ignore[call-overload]  # a date: QDate


@QmlElement
@QmlUncreatable("The app creates its bridges")
class HistoryBridge(QObject):
    """Past sessions for the history screen. ``sessions`` and ``weeks`` are lists of rows;
    ``detail`` is the selected session (an empty dict when none)."""

    sessionsChanged = Signal()
    selectionChanged = Signal()
    undoChanged = Signal()
    problemChanged = Signal()
    exportChanged = Signal()
    exported = Signal(bool, str)  # ok, what the user was told (tests, the screen)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._rows: list[dict[str, Any]] = []
        self._weeks: list[dict[str, Any]] = []
        self._selected = 0
        self._detail: dict[str, Any] = {}
        self._deleted: list[tuple[int, str]] = []
        self._problem = ""
        # The selected session's start and preset: what its exported file is named after.
        self._export_name: tuple[datetime, str] | None = None
        self._exporting: asyncio.Task[None] | None = None
        self._overwrite: tuple[int, str, Path] | None = None  # waits for the user's answer

    def _store(self) -> HistoryStore | None:
        """The app's history store, opened on first use when the app has none."""
        if self._context.history is None:
            from treadmill_ctl.history import HistoryStore  # noqa: PLC0415 - see the module doc

            try:
                self._context.history = HistoryStore.open()
            except HistoryError as exc:
                _log.warning("history not available: %s", exc, exc_info=exc)
                self._set_problem(str(exc))
                return None
        store: HistoryStore = self._context.history
        return store

    def _units(self) -> tuple[str, str]:
        s = self._context.settings
        return (
            str(getattr(s, "speed_unit", "kmh")),
            str(getattr(s, "distance_unit", "metric")),
        )

    # -- properties --------------------------------------------------------------------------

    @Property(list, notify=sessionsChanged)
    def sessions(self) -> list[dict[str, Any]]:
        """Every session, newest first (see ``session_row``)."""
        return translated_tree(self._rows)

    @Property(int, notify=sessionsChanged)
    def count(self) -> int:
        return len(self._rows)

    @Property(list, notify=sessionsChanged)
    def weeks(self) -> list[dict[str, Any]]:
        """Backward minutes and blocks of the last weeks, oldest first (see ``week_rows``)."""
        return translated_tree(self._weeks)

    @Property(str, notify=sessionsChanged)
    def weekSummary(self) -> str:
        """This week in words: "This week: 12 min backward in 9 blocks"."""
        if not self._rows:
            return ""
        last = self._weeks[-1]
        return translated(
            tr(
                "This week: {time} backward in {blocks}",
                time=last["backwardText"],
                blocks=last["blocksText"],
            )
        )

    @Property(int, notify=selectionChanged)
    def selectedId(self) -> int:
        """The session shown in detail (0: none)."""
        return self._selected

    @Property(dict, notify=selectionChanged)
    def detail(self) -> dict[str, Any]:
        """The selected session: its list row plus ``chart`` (see ``chart_of``), ``device``,
        ``maxSpeed`` and ``hr`` texts; empty when none is selected."""
        return translated_tree(self._detail)

    @Property(bool, notify=undoChanged)
    def canUndo(self) -> bool:
        return bool(self._deleted)

    @Property(str, notify=undoChanged)
    def undoText(self) -> str:
        if not self._deleted:
            return ""
        return translated(tr("Deleted the session of {when}", when=self._deleted[-1][1]))

    @Property(str, notify=problemChanged)
    def problem(self) -> str:
        """Why the history cannot be shown (a damaged database...), empty when all is well."""
        return self._problem

    @Property(bool, notify=exportChanged)
    def exporting(self) -> bool:
        """An export is being written (the export buttons wait)."""
        return self._exporting is not None and not self._exporting.done()

    @Property(str, notify=exportChanged)
    def overwritePath(self) -> str:
        """The file an export would replace, while the screen asks whether to ("" otherwise)."""
        return str(self._overwrite[2]) if self._overwrite is not None else ""

    @Slot(str, result=str)
    def exportPath(self, fmt: str) -> str:
        """Where the selected session's export goes: the user's documents folder, named by
        date and preset ("" when no session is selected)."""
        path = self._export_path(fmt)
        return str(path) if path is not None else ""

    # -- actions -----------------------------------------------------------------------------

    @Slot(str)
    def exportSelected(self, fmt: str) -> None:
        """Export the selected session as ``fmt`` ("fit" or "tcx") to ``exportPath``: at once
        when no such file exists, else once the user says to replace it (``overwritePath``).
        The file is written by a child process; the outcome is a notice with the path."""
        path = self._export_path(fmt)
        if path is None or self.exporting:
            return
        if path.exists():
            self._overwrite = (self._selected, fmt, path)
            self.exportChanged.emit()
            return
        self._start_export(self._selected, fmt, path, force=False)

    @Slot()
    def replaceExisting(self) -> None:
        """The user said to replace the file (``overwritePath``)."""
        pending, self._overwrite = self._overwrite, None
        self.exportChanged.emit()
        if pending is not None:
            self._start_export(*pending, force=True)

    @Slot()
    def keepExisting(self) -> None:
        """The user said to keep the file: nothing is exported."""
        if self._overwrite is not None:
            self._overwrite = None
            self.exportChanged.emit()

    @Slot()
    def reload(self) -> None:
        """Read the list and the weekly totals again (the screen does on opening)."""
        store = self._store()
        if store is None:
            return
        _, distance_unit = self._units()
        try:
            summaries = store.list_sessions()
            weeks = store.weekly_totals()
        except HistoryError as exc:
            self._set_problem(str(exc))
            return
        self._set_problem("")
        rows = [session_row(s, distance_unit, _date) for s in summaries]
        week_list = week_rows(weeks, date_text=_date)
        if rows != self._rows or week_list != self._weeks:
            self._rows, self._weeks = rows, week_list
            self.sessionsChanged.emit()
        ids = [r["id"] for r in rows]
        if self._selected not in ids:
            self.select(ids[0] if ids else 0)
        elif self._selected:
            self.select(self._selected, force=True)

    @Slot(int)
    def select(self, session_id: int, *, force: bool = False) -> None:
        """Show one session in detail."""
        if session_id == self._selected and not force:
            return
        store = self._store()
        detail: dict[str, Any] = {}
        if session_id and store is not None:
            try:
                detail = self._detail_of(store.get_session(session_id))
            except HistoryError as exc:
                self._context.notify(NoticeLevel.WARNING, str(exc))
                session_id = 0
        self._selected = session_id
        self._detail = detail
        if self._overwrite is not None and self._overwrite[0] != session_id:
            self._overwrite = None
            self.exportChanged.emit()
        self.selectionChanged.emit()

    @Slot(int)
    def remove(self, session_id: int) -> None:
        """Delete a session from the history (undo brings it back)."""
        store = self._store()
        row = next((r for r in self._rows if r["id"] == session_id), None)
        if store is None or row is None:
            return
        from treadmill_ctl.history import Ending  # noqa: PLC0415 - see the module doc

        if row["endedKind"] == Ending.IN_PROGRESS.value:
            self._context.notify(NoticeLevel.INFO, tr("This session is being recorded right now."))
            return
        try:
            store.delete_session(session_id)
        except HistoryError as exc:
            self._context.notify(NoticeLevel.WARNING, tr("Not deleted: {why}", why=exc))
            return
        self._deleted = [*self._deleted, (session_id, f"{row['date']} {row['time']}")][-UNDO_DEPTH:]
        self.undoChanged.emit()
        if self._selected == session_id:
            self._selected = 0
        self.reload()

    @Slot()
    def undo(self) -> None:
        """Bring back the last deleted session."""
        store = self._store()
        if not self._deleted or store is None:
            return
        session_id, _ = self._deleted[-1]
        try:
            store.restore_session(session_id)
        except HistoryError as exc:
            self._context.notify(NoticeLevel.WARNING, tr("Not restored: {why}", why=exc))
            return
        self._deleted = self._deleted[:-1]
        self.undoChanged.emit()
        self.reload()
        self.select(session_id)

    # -- internals ---------------------------------------------------------------------------

    def _export_path(self, fmt: str) -> Path | None:
        if fmt not in EXPORT_FORMATS or not self._selected or self._export_name is None:
            return None
        started_at, preset = self._export_name
        return default_export_path(started_at, preset, fmt)

    def _start_export(self, session_id: int, fmt: str, path: Path, *, force: bool) -> None:
        self._exporting = self._context.spawn(
            self._export(session_id, fmt, path, force=force), what="Exporting a session"
        )
        self.exportChanged.emit()

    async def _export(self, session_id: int, fmt: str, path: Path, *, force: bool) -> None:
        try:
            outcome = await export_session(session_id, fmt, path, force=force)
        except Exception as exc:  # noqa: BLE001 - said to the user, never lost
            _log.warning("export failed", exc_info=exc)
            outcome = ExportOutcome(False, path, tr("Not exported: {why}", why=exc))
        finally:
            asyncio.get_running_loop().call_soon(self.exportChanged.emit)  # task is done then
        level = NoticeLevel.INFO if outcome.ok else NoticeLevel.WARNING
        self._context.notify(level, outcome.message)
        self.exported.emit(outcome.ok, translated(outcome.message))

    def _detail_of(self, detail: SessionDetail) -> dict[str, Any]:
        speed_unit, distance_unit = self._units()
        s = detail.summary
        self._export_name = (s.started_at, s.preset)
        return detail_view(detail, speed_unit, distance_unit, _date)

    def _set_problem(self, text: str) -> None:
        if text != self._problem:
            self._problem = text
            self.problemChanged.emit()
