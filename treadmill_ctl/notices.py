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

from treadmill_ctl.statistics import (
    MOVING_KMH,
    PhaseOutcome,
    SessionStatistics,
    clock_text,
)
from treadmill_ctl.texts import Text, tr

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


_SPEED: Final = "{speed}"  # where a notice's speed goes in its words (in the user's unit)


def _kmh_text(kmh: float) -> str:
    return f"{kmh:.1f} km/h"


@dataclass(frozen=True, slots=True)
class Notice:
    """One thing that happened, at session time ``t`` (for ``duration_s`` when it lasted)."""

    t: float
    kind: NoticeKind
    template: str  # the words, with ``{speed}`` where ``speed_kmh`` is said
    duration_s: float | None = None
    speed_kmh: float | None = None

    def words(self, speed_text: Callable[[float], str] = _kmh_text) -> str:
        """The notice in words, its speed written by ``speed_text`` (the user's unit)."""
        if self.speed_kmh is None:
            return self.template
        if isinstance(self.template, Text):  # still translatable, the speed as an argument
            return Text(
                self.template.template, {**self.template.args, "speed": speed_text(self.speed_kmh)}
            )
        return self.template.replace(_SPEED, speed_text(self.speed_kmh))

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


# Alert codes of the engine that are a safety stop of its own (events.py lists the codes).
_SAFETY_STOPS: Final = frozenset(
    {"overspeed", "still_moving", "stop_not_confirmed", "command_refused", "safety"}
)


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
            self.alert(t, str(event.get("code", "") or ""), str(event.get("message", "")))
        elif kind == "end":
            self._end_t = t if self._end_t is None else self._end_t

    def alert(self, t: float, code: str, message: str) -> None:
        """An alert: the ones that are news afterwards become notices."""
        match code:
            case "link_lost":
                if self._drop is None:
                    self._drop = _Drop(t, self._speed)
            case "reconnected":
                self._close_drop(t, ended=False)
            case "machine_stopped":
                if message.startswith("Safety key"):
                    self._add(
                        t, NoticeKind.SAFETY_KEY, tr("Safety key pulled: the treadmill stopped")
                    )
                else:
                    self._add(t, NoticeKind.CONSOLE_STOP, _first_sentence(message))
            case "machine_paused":
                self._add(t, NoticeKind.CONSOLE_PAUSE, _first_sentence(message))
            case "hr_cap":
                self._add(t, NoticeKind.HR_CAP, _first_sentence(message))
            case _ if code in _SAFETY_STOPS:
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
        # is filled in the user's unit (Notice.words).
        text = (
            tr(
                "Connection lost for {lost}, not back by the end: the belt ran unattended at "
                "{speed} for up to {lost}",
                lost=for_,
                speed=_SPEED,
            )
            if ended
            else tr(
                "Connection lost for {lost}: the belt ran unattended at {speed} for up to "
                "{lost}, until the app reconnected and stopped it",
                lost=for_,
                speed=_SPEED,
            )
        )
        return Notice(drop.t, NoticeKind.LINK_LOST, text, lost, speed)
    text = (
        tr("Connection lost for {lost}, not back by the end", lost=for_)
        if ended
        else tr("Connection lost for {lost}", lost=for_)
    )
    return Notice(drop.t, NoticeKind.LINK_LOST, text, lost)


def _first_sentence(message: str) -> str:
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
