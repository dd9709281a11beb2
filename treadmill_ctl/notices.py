"""What happened during a session that the runner should know afterwards: link drops (and how
long the belt may have run unattended), stops from the console or the safety key, pauses from
the console, skipped phases, the heart-rate cap's slow-downs and the safety stops.

Derived once, here, from the session's events (the events file's objects): the summary screen
feeds the live events to a ``NoticeTally``; the history rebuilds the same events from what it
stored (``history.totals.notices_of``) and feeds them to one too, so the summary and the
History screen (its list and the marks on its chart) say the same. Skips come from the
statistics' phase outcomes (statistics.py: a phase left before its time was up).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from treadmill_ctl.alerts import SAFETY_STOPS, AlertCode
from treadmill_ctl.statistics import PhaseOutcome, SessionStatistics, clock_text
from treadmill_ctl.statistics_totals import MOVING_KMH
from treadmill_ctl.texts import Speed, Text, from_data, tr, with_speeds

__all__ = ["Notice", "NoticeKind", "NoticeTally", "notices_of_events"]


class NoticeKind(enum.StrEnum):
    """What a notice is about (the History chart marks each with its own sign)."""

    LINK_LOST = "link_lost"
    SAFETY_KEY = "safety_key"
    CONSOLE_STOP = "console_stop"
    CONSOLE_PAUSE = "console_pause"
    SKIPPED = "skipped"
    HR_CAP = "hr_cap"
    SAFETY_STOP = "safety_stop"  # the app stopped the belt on its own (overspeed, still moving...)


def _kmh_text(kmh: float) -> str:
    return f"{kmh:.1f} km/h"


@dataclass(frozen=True, slots=True)
class Notice:
    """One thing that happened, at session time ``t`` (for ``duration_s`` when it lasted)."""

    t: float
    kind: NoticeKind
    template: str  # the words; a ``Text`` keeps its speeds as ``texts.Speed`` (km/h)
    duration_s: float | None = None

    def words(self, speed_text: Callable[[float], str] = _kmh_text) -> str:
        """The notice in words, its speeds written by ``speed_text`` (the user's unit); a
        ``Text`` stays translatable."""
        return with_speeds(self.template, speed_text)

    @property
    def text(self) -> str:
        """The words with the speed in km/h."""
        return self.words()

    def to_json(self, speed_text: Callable[[float], str] = _kmh_text) -> dict[str, Any]:
        """The notice as the bridges and ``--json`` give it."""
        return {
            "t": round(self.t, 1),
            "kind": self.kind.value,
            "text": self.words(speed_text),
            "duration_s": None if self.duration_s is None else round(self.duration_s, 1),
        }


_KIND_WORDS: Final = {
    "warmup": tr("Warm-up"),
    "cooldown": tr("Cool-down"),
    "backward": tr("Backward block"),
    "recovery": tr("Recovery"),
    "forward": tr("Forward"),
}


@dataclass(slots=True)
class _Drop:
    t: float
    speed_kmh: float | None  # the belt's last reported speed before the drop


class NoticeTally:
    """Builds a session's notices from its events, in order (``add``); read ``notices``."""

    def __init__(self) -> None:
        self._out: list[Notice] = []
        self._drops: list[tuple[_Drop, float, bool]] = []  # (drop, until, never reconnected)
        self._speed: float | None = None
        self._drop: _Drop | None = None
        self._last_t = 0.0
        self._end_t: float | None = None

    def add(self, event: Mapping[str, Any]) -> None:
        """One events-file object; other types are ignored."""
        t = event.get("t")
        if isinstance(t, bool) or not isinstance(t, int | float):
            return
        t = float(t)
        self._last_t = max(self._last_t, t)
        kind = event.get("type")
        if kind == "data":
            speed = event.get("speed_kmh")
            if self._drop is None and isinstance(speed, int | float):
                self._speed = float(speed)
        elif kind == "alert":
            message = from_data(event.get("params")) or str(event.get("message", ""))
            self.alert(t, str(event.get("code", "") or ""), message)
        elif kind == "end":
            self._end_t = t if self._end_t is None else self._end_t

    def alert(self, t: float, code: str, message: str) -> None:
        """An alert: the ones that are news afterwards become notices. ``message`` is the
        alert's ``Text`` when its data was kept (``texts.from_data``), else its English words."""
        match code:
            case AlertCode.LINK_LOST:
                if self._drop is None:
                    self._drop = _Drop(t, self._speed)
            case AlertCode.RECONNECTED:
                self._close_drop(t, ended=False)
            case AlertCode.SAFETY_KEY_STOP:
                self._add(t, NoticeKind.SAFETY_KEY, tr("Safety key pulled: the treadmill stopped"))
            case AlertCode.CONSOLE_STOP:
                self._add(t, NoticeKind.CONSOLE_STOP, tr("Stopped from the treadmill's console"))
            case AlertCode.MACHINE_RESET:
                self._add(t, NoticeKind.CONSOLE_STOP, tr("The treadmill was reset"))
            case AlertCode.MACHINE_STOPPED:  # recorded before the codes above (schema 4)
                if message.startswith("Safety key"):
                    self.alert(t, AlertCode.SAFETY_KEY_STOP, message)
                else:
                    self._add(t, NoticeKind.CONSOLE_STOP, _first_sentence(message))
            case AlertCode.MACHINE_PAUSED:
                self._add(t, NoticeKind.CONSOLE_PAUSE, tr("Paused from the treadmill's console"))
            case AlertCode.HR_CAP:
                self._add(t, NoticeKind.HR_CAP, _first_sentence(message))
            case _ if code in SAFETY_STOPS:
                self._add(t, NoticeKind.SAFETY_STOP, _first_sentence(message))
            case _:
                pass

    def notices(self, statistics: SessionStatistics | None = None) -> tuple[Notice, ...]:
        """The notices so far, in time order, with the skipped phases of ``statistics``."""
        out = list(self._out)
        drops = list(self._drops)
        if self._drop is not None:
            drops.append((self._drop, self._end_t or self._last_t, True))
        out += [_drop_notice(d, until, ended=e) for d, until, e in drops]
        if statistics is not None:
            for p in statistics.phases:
                if p.outcome is not PhaseOutcome.SKIPPED:
                    continue
                name = _KIND_WORDS.get(p.kind, p.kind.replace("_", " ").capitalize())
                ran = clock_text(p.at_speed_s)
                text = (
                    tr(
                        "{name} skipped after {ran} of {planned}",
                        name=name,
                        ran=ran,
                        planned=clock_text(p.planned_s),
                    )
                    if p.planned_s
                    else tr("{name} skipped after {ran}", name=name, ran=ran)
                )
                out.append(
                    Notice(p.end_t if p.end_t is not None else p.start_t, NoticeKind.SKIPPED, text)
                )
        return tuple(sorted(out, key=lambda n: n.t))

    # ---------------------------------------------------------------- helpers

    def _add(self, t: float, kind: NoticeKind, text: str, duration: float | None = None) -> None:
        self._out.append(Notice(t, kind, text, duration))

    def _close_drop(self, t: float, *, ended: bool) -> None:
        drop = self._drop
        if drop is None:
            return
        self._drop = None
        self._drops.append((drop, t, ended))


def _drop_notice(drop: _Drop, until: float, *, ended: bool) -> Notice:
    lost = max(until - drop.t, 0.0)
    for_ = clock_text(lost)
    speed = drop.speed_kmh
    if speed is not None and speed > MOVING_KMH:
        # Nothing watched the belt: it ran on at its last speed, unless stopped at the
        # console, until the app reconnected and stopped it (or the record ends). The speed
        # is written in the user's unit where it is shown (Notice.words).
        text = (
            tr(
                "Connection lost for {lost}, not back by the end: the belt ran unattended at "
                "{speed} for up to {lost}",
                lost=for_,
                speed=Speed(speed),
            )
            if ended
            else tr(
                "Connection lost for {lost}: the belt ran unattended at {speed} for up to "
                "{lost}, until the app reconnected and stopped it",
                lost=for_,
                speed=Speed(speed),
            )
        )
        return Notice(drop.t, NoticeKind.LINK_LOST, text, lost)
    text = (
        tr("Connection lost for {lost}, not back by the end", lost=for_)
        if ended
        else tr("Connection lost for {lost}", lost=for_)
    )
    return Notice(drop.t, NoticeKind.LINK_LOST, text, lost)


def _first_sentence(message: str) -> str:
    """The alert's first sentence, as a notice says it; a ``Text`` whole (its sentences are
    one template, translated together), or its ``{why}`` when it says why first."""
    if isinstance(message, Text):
        why = message.args.get("why")
        return why if message.template.startswith("{why}") and isinstance(why, Text) else message
    head, dot, _rest = message.partition(". ")
    return (head if dot else message).rstrip(".")


def notices_of_events(
    events: Iterable[Mapping[str, Any]], statistics: SessionStatistics | None = None
) -> tuple[Notice, ...]:
    """The notices of a whole list of events (with the skips of ``statistics``)."""
    tally = NoticeTally()
    for event in events:
        tally.add(event)
    return tally.notices(statistics)
