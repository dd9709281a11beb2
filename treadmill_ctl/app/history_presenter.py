"""What the History screen shows, formatted from the history's plain values (no Qt): one line
per session, the weekly bars, and one session's detail with its chart. The history bridge
publishes these; the fuzzers and tests call them without a QGuiApplication.

The history package is imported on first use, not with this module (the app's window shows
before it is loaded).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app.formatting import (
    distance_text,
    speed_text,
    speed_unit_label,
    speed_value,
)
from treadmill_ctl.app.summary_presenter import blocks_text, notice_rows
from treadmill_ctl.session.builtin_texts import shown_name
from treadmill_ctl.session.plan import PhaseKind
from treadmill_ctl.statistics import clock_text
from treadmill_ctl.texts import tr

if TYPE_CHECKING:
    from treadmill_ctl.history import Ending, SessionDetail, SessionSummary, WeekTotals

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
WEEKS_SHOWN: Final = 8

DateText = Callable[[date, str], str]
"""A date in the language's words for a Qt date pattern ("ddd dd MMM yyyy", "d MMM"): the
bridge gives QLocale's; without Qt (fuzzers, tests) ``plain_date``."""

_STRFTIME: Final = {"ddd dd MMM yyyy": "%a %d %b %Y", "d MMM": "%d %b"}


def plain_date(day: date, pattern: str) -> str:
    """``day`` in English, for the patterns this module uses."""
    return day.strftime(_STRFTIME[pattern])


def _preset_name(s: SessionSummary) -> str:
    """The session's preset as the list shows it (a built-in's name translated)."""
    return shown_name(s.preset_id, s.preset_name) if s.preset else tr("(no preset)")


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


def session_row(
    s: SessionSummary, distance_unit: str, date_text: DateText = plain_date
) -> dict[str, Any]:
    """One line of the history list, formatted."""
    from treadmill_ctl.history import Ending  # noqa: PLC0415 - see the module doc

    early = s.ended is Ending.FINISHED and not s.complete
    return {
        "id": s.id,
        "date": date_text(s.started_at.date(), "ddd dd MMM yyyy"),
        "time": f"{s.started_at:%H:%M}",
        "preset": _preset_name(s),
        "duration": clock_text(s.duration_s),
        "backward": clock_text(s.backward_s),
        "distance": distance_text(s.distance_m, distance_unit),
        "blocks": s.blocks_done,
        "blocksText": blocks_text(s.blocks_done),
        # A finished session with a skipped phase ended early (statistics.py's one rule).
        "ended": tr("Ended early") if early else ending_text().get(s.ended, str(s.ended)),
        "endedKind": "ended_early" if early else s.ended.value,
        "finished": s.complete,
        "incomplete": s.ended.incomplete,
    }


def week_rows(
    weeks: list[WeekTotals],
    count: int = WEEKS_SHOWN,
    today: date | None = None,
    date_text: DateText = plain_date,
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
            "label": date_text(w.week_start, "d MMM"),
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


def detail_view(
    detail: SessionDetail, speed_unit: str, distance_unit: str, date_text: DateText = plain_date
) -> dict[str, Any]:
    """The selected session for the detail pane: its list row, statistics, chart (see
    ``chart_of``), notices and the device, speed and heart-rate texts."""
    from treadmill_ctl.history.totals import (  # noqa: PLC0415 - the module doc
        notices_of,
        statistics_of,
    )

    s = detail.summary
    stats = statistics_of(detail)
    out = session_row(s, distance_unit, date_text)
    # The same statistics as the summary screen showed: blocks out of planned, skips, why
    # it ended early.
    out["blocksText"] = blocks_text(stats.blocks_done, stats.blocks_planned)
    # The tile's short form: "4 of 4 blocks" (the caption says backward).
    out["blocksShort"] = blocks_text(stats.blocks_done, stats.blocks_planned, short=True)
    out["outcomeText"] = (
        tr("Session complete") if stats.complete else tr("Ended early: {why}", why=stats.why_text)
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
