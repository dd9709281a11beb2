"""The history screen's bridge: past sessions (newest first), one session's detail with its
speed-over-time chart coloured by direction, phases marked and heart rate overlaid when known,
delete with undo, and backward minutes and blocks per week.

The store is ``history.HistoryStore`` (``context.history``; opened here when the app did not).
Everything is formatted here; QML only draws. The history package is imported on first use, not
with this module (the app's window shows before it is loaded).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app.context import AppContext, NoticeLevel
from treadmill_ctl.app.formatting import (
    distance_text,
    speed_text,
    speed_unit_label,
    speed_value,
)
from treadmill_ctl.app.history_export import ExportOutcome, export_session
from treadmill_ctl.app.qt import (
    Property,
    QLocale,
    QmlElement,
    QmlUncreatable,
    QObject,
    Signal,
    Slot,
)
from treadmill_ctl.app.session_presenter import blocks_text, notice_rows
from treadmill_ctl.app.translation import translated, translated_tree
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.export.naming import EXPORT_FORMATS, default_export_path
from treadmill_ctl.session.builtin_texts import shown_name
from treadmill_ctl.session.plan import PhaseKind
from treadmill_ctl.statistics import clock_text
from treadmill_ctl.texts import tr

if TYPE_CHECKING:
    from treadmill_ctl.history import (
        Ending,
        HistoryStore,
        SessionDetail,
        SessionSummary,
        WeekTotals,
    )

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

MAX_CHART_POINTS: Final = 600  # enough for a 1280-px-wide chart; longer sessions are thinned
# A phase band too narrow for its name says this (the chart draws what fits).
_SHORT_LABELS: Final[dict[str, str]] = {  # a phase's band on the chart, where its name is long
    "warmup": tr("Warm"),
    "cooldown": tr("Cool"),
    "recovery": tr("Rec."),
    "backward": tr("Back"),
    "forward": tr("Run"),
    "walk": tr("Walk"),
}


def _preset_name(s: SessionSummary) -> str:
    """The session's preset as the list shows it (a built-in's name translated)."""
    return shown_name(s.preset_id, s.preset_name) if s.preset else tr("(no preset)")


def _date(day: date, pattern: str) -> str:
    """A date in the language's words ("Mo. 02 März 2026" for ``ddd dd MMM yyyy``)."""
    return str(QLocale().toString(day, pattern))  # type: ignore[call-overload]  # a date: QDate


WEEKS_SHOWN: Final = 8
UNDO_DEPTH: Final = 10


@functools.cache
def ending_text() -> dict[Ending, str]:
    """How each ending reads in the list."""
    from treadmill_ctl.history import Ending  # noqa: PLC0415 - see the module doc

    return {
        Ending.FINISHED: tr("Finished"),
        Ending.STOPPED_BY_USER: tr("Stopped by you"),
        Ending.STOPPED_BY_MACHINE: tr("Stopped by the treadmill"),
        Ending.LINK_LOST: tr("Connection lost"),
        Ending.ERROR: tr("Ended by an error"),
        Ending.INTERRUPTED: tr("Interrupted (app closed or crashed)"),
        Ending.IN_PROGRESS: tr("Recording now"),
        Ending.DAMAGED: tr("Damaged record (cannot be read)"),
    }


def _kind_label(kind: str) -> str:
    try:
        return PhaseKind(kind).label
    except ValueError:
        return kind


def session_row(s: SessionSummary, distance_unit: str) -> dict[str, Any]:
    """One line of the history list, formatted."""
    from treadmill_ctl.history import Ending  # noqa: PLC0415 - see the module doc

    return {
        "id": s.id,
        "date": _date(s.started_at.date(), "ddd dd MMM yyyy"),
        "time": f"{s.started_at:%H:%M}",
        "preset": _preset_name(s),
        "duration": clock_text(s.duration_s),
        "backward": clock_text(s.backward_s),
        "distance": distance_text(s.distance_m, distance_unit),
        "blocks": s.blocks_done,
        "blocksText": blocks_text(s.blocks_done),
        "ended": ending_text().get(s.ended, str(s.ended)),
        "endedKind": s.ended.value,
        "finished": s.ended is Ending.FINISHED,
        "incomplete": s.ended.incomplete,
    }


def week_rows(
    weeks: list[WeekTotals], count: int = WEEKS_SHOWN, today: date | None = None
) -> list[dict[str, Any]]:
    """The ``count`` weeks up to this one (oldest first; weeks without a session are zeros)
    with a bar height for the backward minutes."""
    from treadmill_ctl.history import WeekTotals  # noqa: PLC0415 - see the module doc

    by_week = {(w.iso_year, w.iso_week): w for w in weeks}
    today = today or date.today()
    monday = today - timedelta(days=today.weekday())
    if weeks and weeks[-1].week_start > monday:  # a session dated in the future: show it
        monday = weeks[-1].week_start
    shown = []
    for back in range(count - 1, -1, -1):
        start = monday - timedelta(weeks=back)
        iso = start.isocalendar()
        shown.append(
            by_week.get((iso.year, iso.week)) or WeekTotals(iso.year, iso.week, 0, 0, 0, 0, 0)
        )
    most = max((w.backward_min for w in shown), default=0.0)
    return [
        {
            "label": _date(w.week_start, "d MMM"),
            "week": w.label,
            "backwardMin": round(w.backward_min, 1),
            "backwardText": tr("{n} min", n=f"{w.backward_min:.0f}" if w.backward_min >= 1 else 0),
            "blocks": w.backward_blocks,
            "blocksText": blocks_text(w.backward_blocks, short=True),
            "sessions": w.sessions,
            "fraction": (w.backward_min / most) if most > 0 else 0.0,
        }
        for w in shown
    ]


def chart_of(detail: SessionDetail, speed_unit: str) -> dict[str, Any]:
    """The detail chart: ``points`` [{t, speed, direction}] (thinned to at most
    ``MAX_CHART_POINTS``), ``hr`` [{t, bpm}] (empty when unknown), ``phases``
    [{start, end, direction, label}], the axes' ``duration`` and ``maxSpeed`` (user unit)."""
    samples = detail.samples
    step = max(1, -(-len(samples) // MAX_CHART_POINTS))
    points: list[dict[str, Any]] = []
    hr: list[dict[str, Any]] = []
    for i, s in enumerate(samples):
        # Keep every step-th sample, and every direction change so colours switch in place.
        changed = i > 0 and s.direction is not samples[i - 1].direction
        if i % step and not changed and i != len(samples) - 1:
            continue
        speed = speed_value(s.speed_kmh, speed_unit)
        points.append(
            {"t": s.t, "speed": speed if speed is not None else 0.0, "direction": s.direction.value}
        )
        if s.hr_bpm:
            hr.append({"t": s.t, "bpm": s.hr_bpm})
    phases = [
        {
            "start": p.start_t,
            "end": detail.phase_end_t(p),
            "direction": p.direction.value,
            "label": _kind_label(p.kind),
            "short": _SHORT_LABELS.get(p.kind, _kind_label(p.kind)[:4]),
        }
        for p in detail.phases
    ]
    top = max((p["speed"] for p in points), default=0.0)
    duration = max(detail.summary.end_t, points[-1]["t"] if points else 0.0, 1.0)
    return {
        "points": points,
        "hr": hr,
        "phases": phases,
        "duration": duration,
        "maxSpeed": max(1.0, top),
        "maxHr": max((h["bpm"] for h in hr), default=0),
        "minHr": min((h["bpm"] for h in hr), default=0),
        "speedUnit": speed_unit_label(speed_unit),
    }


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
        rows = [session_row(s, distance_unit) for s in summaries]
        week_list = week_rows(weeks)
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
        from treadmill_ctl.history.totals import (  # noqa: PLC0415 - module doc
            notices_of,
            statistics_of,
        )

        speed_unit, distance_unit = self._units()
        s = detail.summary
        self._export_name = (s.started_at, s.preset)
        stats = statistics_of(detail)
        out = session_row(s, distance_unit)
        # The same statistics as the summary screen showed: blocks out of planned, skips, why
        # it ended early.
        out["blocksText"] = blocks_text(stats.blocks_done, stats.blocks_planned)
        # The tile's short form: "4 of 4 blocks" (the caption says backward).
        out["blocksShort"] = blocks_text(stats.blocks_done, stats.blocks_planned, short=True)
        out["outcomeText"] = (
            tr("Session complete")
            if stats.complete
            else tr("Ended early: {why}", why=stats.why_text)
        )
        out["complete"] = stats.complete
        out["statistics"] = stats.to_json()
        chart = chart_of(detail, speed_unit)
        # What happened (notices.py), as the summary listed it: listed and marked on the chart.
        notices = notice_rows(notices_of(detail, stats), stats.start_t, speed_unit)
        chart["notices"] = notices
        out["notices"] = notices
        out["chart"] = chart
        out["forward"] = clock_text(s.forward_s)
        out["maxSpeed"] = f"{speed_text(s.max_speed_kmh, speed_unit)} {chart['speedUnit']}"
        out["hr"] = str(s.avg_hr_bpm) if s.avg_hr_bpm else ""
        out["hrMax"] = str(s.max_hr_bpm) if s.max_hr_bpm else ""
        out["device"] = s.device
        out["startedAt"] = s.started_at.isoformat()
        return out

    def _set_problem(self, text: str) -> None:
        if text != self._problem:
            self._problem = text
            self.problemChanged.emit()
