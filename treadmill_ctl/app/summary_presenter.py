"""A session once it has ended, in words and numbers (no Qt): the summary screen's values
(``summary_view``), and what the summary and the History screen share — the blocks done
(``blocks_text``) and the list of what happened (``notice_rows``).

The numbers are ``statistics.py``'s, the same the history, the CLI and the exports show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from treadmill_ctl.app import formatting
from treadmill_ctl.notices import Notice
from treadmill_ctl.session.builtin_texts import shown_name
from treadmill_ctl.statistics import SessionTally, clock_text
from treadmill_ctl.texts import Text, tr
from treadmill_ctl.units import speed_words

if TYPE_CHECKING:
    from treadmill_ctl.session.controller import SessionSummary


def blocks_text(done: int, planned: int = 0, *, short: bool = False) -> Text:
    """ "3 of 4 blocks done" ("3 of 4 blocks" short; "1 block done" without a plan), one
    template per case so that each language says its plural."""
    if planned:
        if short:
            return (
                tr("{done} of 1 block", done=done)
                if planned == 1
                else tr("{done} of {total} blocks", done=done, total=planned)
            )
        return (
            tr("{done} of 1 block done", done=done)
            if planned == 1
            else tr("{done} of {total} blocks done", done=done, total=planned)
        )
    if short:
        return tr("1 block") if done == 1 else tr("{n} blocks", n=done)
    return tr("1 block done") if done == 1 else tr("{n} blocks done", n=done)


def notice_rows(
    notices: tuple[Notice, ...], start_t: float, speed_unit: str
) -> list[dict[str, Any]]:
    """Notices as the summary and the History screen list them (and the chart marks them):
    ``n`` (1, 2...: the chart's mark), ``time`` (session time from the first START, as the
    statistics count it), ``t`` and ``end`` (session time), ``kind`` and ``text`` (speeds in
    the user's unit)."""

    def speed(kmh: float) -> str:  # "3.1 mph", shown with the language's decimal separator
        return speed_words(kmh, speed_unit)

    return [
        {
            "n": i + 1,
            "time": clock_text(max(n.t - start_t, 0.0)),
            "t": n.t,
            "end": n.t + (n.duration_s or 0.0),
            "kind": n.kind.value,
            "text": n.words(speed),
        }
        for i, n in enumerate(notices)
    ]


def summary_view(summary: SessionSummary, settings: Any) -> dict[str, Any]:
    """The summary screen's values: {presetName, presetId, endReason, endText ("Session
    complete" or "Ended early"), endDetail (why it ended early), complete, progressionReason,
    forwardText, backwardText, backwardDistanceText, totalText, elapsedText, movingText,
    distanceText, blocksDone, blocksTotal, blocksText, notices, statistics}. The numbers are
    ``statistics.py``'s (the same the history, the CLI and the exports show); the notices
    (what happened: link drops, machine stops, skips...) ``notices.py``'s, as the History
    screen lists them."""
    dunit = str(getattr(settings, "distance_unit", "metric"))
    unit = str(getattr(settings, "speed_unit", "kmh"))
    stats = summary.statistics
    if stats is None:
        stats = SessionTally(blocks_planned=summary.blocks_total).statistics()
    reason = summary.end_reason
    return {
        "presetName": shown_name(summary.preset_id, summary.preset_name),
        "presetId": summary.preset_id,
        "endReason": str(reason),
        "endText": tr("Session complete") if stats.complete else tr("Ended early"),
        "endDetail": stats.why_text,
        "complete": stats.complete,
        "progressionReason": (
            "finished" if stats.complete else "skipped" if stats.phases_skipped else str(reason)
        ),
        "forwardText": clock_text(stats.forward_s),
        "backwardText": clock_text(stats.backward_s),
        "backwardDistanceText": formatting.distance_text(stats.backward_m, dunit),
        "totalText": clock_text(stats.total_s),
        "elapsedText": clock_text(stats.total_s),
        "movingText": clock_text(stats.moving_s),
        "distanceText": formatting.distance_text(stats.distance_m, dunit),
        "blocksDone": stats.blocks_done,
        "blocksTotal": stats.blocks_planned,
        "blocksText": blocks_text(stats.blocks_done, stats.blocks_planned),
        "notices": notice_rows(summary.notices, stats.start_t, unit),
        "statistics": stats.to_json(),
    }
