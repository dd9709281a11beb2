"""The session screen's properties: what QML binds to, published in small groups.

``SessionView`` is the Qt surface of ``SessionBridge`` (app/session_bridge.py), which derives
from it and owns the session's life and the actions. The bridge hands each refresh's values
(made by app/session_presenter.py, grouped as "state", "phase", "clock"...) to ``publish``; a
group's notify signal is emitted only when one of its values really changed, and every getter
reads the published value. Kept apart so the bridge reads as what it does, and this file as
the list of what the screen can show.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from treadmill_ctl.app.qt import Property, QObject, Signal
from treadmill_ctl.app.translation import translated_tree


class SessionView(QObject):
    """What the session screen shows: one read-only property per value (see the module
    docstring); ``SessionBridge`` publishes them."""

    stateChanged = Signal()
    phaseChanged = Signal()
    clockChanged = Signal()
    readingsChanged = Signal()
    countdownChanged = Signal()
    linkStateChanged = Signal()
    alertChanged = Signal()
    freshnessChanged = Signal()
    summaryChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, Any] = {}
        self._groups: dict[str, tuple[Any, ...]] = {}
        self._summary: dict[str, Any] = {}
        self._signals = {
            "state": self.stateChanged,
            "phase": self.phaseChanged,
            "clock": self.clockChanged,
            "readings": self.readingsChanged,
            "countdown": self.countdownChanged,
            "link": self.linkStateChanged,
            "alert": self.alertChanged,
            "freshness": self.freshnessChanged,
        }

    def publish(self, values: Mapping[str, Mapping[str, Any]]) -> None:
        """One refresh's values by group, in the user's language; emit only what changed."""
        for group, texts in values.items():
            group_values = translated_tree(texts)
            new = tuple(group_values.values())
            if self._groups.get(group) == new:
                continue
            self._groups[group] = new
            self._values.update(group_values)
            self._signals[group].emit()

    def publish_summary(self, summary: dict[str, Any]) -> None:
        """The last session's summary (already translated), emitted when it changed."""
        if summary != self._summary:
            self._summary = summary
            self.summaryChanged.emit()

    def _v(self, name: str) -> Any:
        return self._values[name]

    @Property(str, notify=stateChanged)
    def state(self) -> str:
        """The engine's state name ("" with no session): see SessionState."""
        return str(self._v("state"))

    @Property(str, notify=stateChanged)
    def stateText(self) -> str:
        """The state in words ("Running", "Paused", ...)."""
        return str(self._v("stateText"))

    @Property(bool, notify=stateChanged)
    def active(self) -> bool:
        """A session is under way (the belt may move): STOP is shown on every screen."""
        return bool(self._v("active"))

    @Property(bool, notify=stateChanged)
    def moving(self) -> bool:
        """The belt is meant to be moving (running, ramping, slowing)."""
        return bool(self._v("moving"))

    @Property(bool, notify=stateChanged)
    def canStart(self) -> bool:
        """START (Enter) would start the session now."""
        return bool(self._v("canStart"))

    @Property(bool, notify=stateChanged)
    def canPause(self) -> bool:
        return bool(self._v("canPause"))

    @Property(bool, notify=stateChanged)
    def canResume(self) -> bool:
        return bool(self._v("canResume"))

    @Property(bool, notify=stateChanged)
    def paused(self) -> bool:
        return bool(self._v("paused"))

    @Property(bool, notify=stateChanged)
    def canSkip(self) -> bool:
        return bool(self._v("canSkip"))

    @Property(bool, notify=stateChanged)
    def canExtend(self) -> bool:
        return bool(self._v("canExtend"))

    @Property(bool, notify=stateChanged)
    def canChangeSpeed(self) -> bool:
        return bool(self._v("canChangeSpeed"))

    @Property(bool, notify=stateChanged)
    def canEnd(self) -> bool:
        """END (finish the session and see the summary) is possible: the belt is stopped."""
        return bool(self._v("canEnd"))

    @Property(str, notify=stateChanged)
    def hint(self) -> str:
        """What the user can do next, in words ("Press Enter or START to begin")."""
        return str(self._v("hint"))

    @Property(str, notify=stateChanged)
    def presetName(self) -> str:
        return str(self._v("presetName"))

    @Property(bool, notify=stateChanged)
    def hasLink(self) -> bool:
        return bool(self._v("hasLink"))

    @Property(bool, notify=stateChanged)
    def hasPlan(self) -> bool:
        return bool(self._v("hasPlan"))

    @Property(str, notify=phaseChanged)
    def headline(self) -> str:
        """The big word: "FORWARD", "BACKWARD", "TURN AROUND", "PAUSED", "STOPPED", ..."""
        return str(self._v("headline"))

    @Property(str, notify=phaseChanged)
    def headlineTone(self) -> str:
        """How to colour the headline: forward, backward, turn, paused, stop, neutral."""
        return str(self._v("headlineTone"))

    @Property(str, notify=phaseChanged)
    def direction(self) -> str:
        """ "forward" or "backward": the current (or first) phase's direction."""
        return str(self._v("direction"))

    @Property(str, notify=phaseChanged)
    def phaseTitle(self) -> str:
        """The current phase's name ("Warm-up", "Backward", ...)."""
        return str(self._v("phaseTitle"))

    @Property(str, notify=phaseChanged)
    def phaseKind(self) -> str:
        return str(self._v("phaseKind"))

    @Property(int, notify=phaseChanged)
    def phaseIndex(self) -> int:
        """0-based index of the current phase (-1 before the start)."""
        return int(self._v("phaseIndex"))

    @Property(int, notify=phaseChanged)
    def phaseCount(self) -> int:
        return int(self._v("phaseCount"))

    @Property(str, notify=phaseChanged)
    def blocksText(self) -> str:
        """ "Backward blocks 2 of 4"."""
        return str(self._v("blocksText"))

    @Property(str, notify=phaseChanged)
    def nextTitle(self) -> str:
        """The next phase's name ("" when this is the last)."""
        return str(self._v("nextTitle"))

    @Property(str, notify=phaseChanged)
    def nextDirection(self) -> str:
        return str(self._v("nextDirection"))

    @Property(str, notify=phaseChanged)
    def nextDetail(self) -> str:
        """ "1:00 at 5.0 km/h"."""
        return str(self._v("nextDetail"))

    @Property(bool, notify=phaseChanged)
    def turning(self) -> bool:
        """The belt is slowing down for, or counting down to, a direction change."""
        return bool(self._v("turning"))

    @Property(list, notify=phaseChanged)
    def timeline(self) -> list[dict[str, Any]]:
        """The plan's timeline blocks: [{direction, start, duration, phases}] (seconds at
        speed; one block per phase, fewer for a long plan: timeline_layout.py)."""
        return list(self._v("timeline"))

    @Property(float, notify=phaseChanged)
    def timelineTotal(self) -> float:
        return float(self._v("timelineTotal"))

    @Property(int, notify=phaseChanged)
    def timelineIndex(self) -> int:
        """The timeline block holding the current phase (-1 for none; a long plan's timeline
        draws several phases as one block: timeline_layout.py)."""
        return int(self._v("timelineIndex"))

    @Property(str, notify=clockChanged)
    def phaseRemainingText(self) -> str:
        """Time left in the current phase ("0:24")."""
        return str(self._v("phaseRemainingText"))

    @Property(str, notify=clockChanged)
    def elapsedText(self) -> str:
        return str(self._v("elapsedText"))

    @Property(str, notify=clockChanged)
    def totalText(self) -> str:
        """The session's estimated whole length ("≈ 28:30"), kept up to date as it runs."""
        return str(self._v("totalText"))

    @Property(float, notify=clockChanged)
    def progress(self) -> float:
        """Share of the planned time at speed done (0..1)."""
        return float(self._v("progress"))

    @Property(float, notify=clockChanged)
    def phaseFraction(self) -> float:
        """Share of the current phase done (0..1)."""
        return float(self._v("phaseFraction"))

    @Property(float, notify=clockChanged)
    def timelineFraction(self) -> float:
        """Share of the current timeline block done (0..1), for the timeline's marker."""
        return float(self._v("timelineFraction"))

    @Property(str, notify=readingsChanged)
    def targetSpeedText(self) -> str:
        return str(self._v("targetSpeedText"))

    @Property(str, notify=readingsChanged)
    def actualSpeedText(self) -> str:
        """What the machine reports."""
        return str(self._v("actualSpeedText"))

    @Property(str, notify=readingsChanged)
    def speedUnit(self) -> str:
        return str(self._v("speedUnit"))

    @Property(str, notify=readingsChanged)
    def inclineText(self) -> str:
        return str(self._v("inclineText"))

    @Property(str, notify=readingsChanged)
    def distanceText(self) -> str:
        return str(self._v("distanceText"))

    @Property(str, notify=readingsChanged)
    def heartRateText(self) -> str:
        """Beats per minute, "" when unknown."""
        return str(self._v("heartRateText"))

    @Property(str, notify=readingsChanged)
    def heartRateSource(self) -> str:
        """Where ``heartRateText`` comes from: "strap", "treadmill", or "" when unknown."""
        return str(self._v("heartRateSource"))

    @Property(bool, notify=freshnessChanged)
    def readingsStale(self) -> bool:
        """The speed and distance are not live (link down, or the treadmill went quiet)."""
        return bool(self._v("readingsStale"))

    @Property(str, notify=freshnessChanged)
    def readingsStaleText(self) -> str:
        """How the stale readings are marked ("no data 4 s"; "" while live)."""
        return str(self._v("readingsStaleText"))

    @Property(int, notify=countdownChanged)
    def countdown(self) -> int:
        """Seconds left in the countdown (0: none)."""
        return int(self._v("countdown"))

    @Property(bool, notify=countdownChanged)
    def countdownVisible(self) -> bool:
        return bool(self._v("countdownVisible"))

    @Property(str, notify=countdownChanged)
    def countdownTitle(self) -> str:
        return str(self._v("countdownTitle"))

    @Property(str, notify=countdownChanged)
    def countdownReason(self) -> str:
        """ "start", "turn", "resume" or ""."""
        return str(self._v("countdownReason"))

    @Property(str, notify=countdownChanged)
    def countdownDirection(self) -> str:
        """The direction the belt will run in when the countdown ends."""
        return str(self._v("countdownDirection"))

    @Property(str, notify=linkStateChanged)
    def linkState(self) -> str:
        """One of: disconnected, connecting, connected, lost."""
        return str(self._v("linkState"))

    @Property(str, notify=linkStateChanged)
    def linkText(self) -> str:
        """The link's state in words."""
        return str(self._v("linkText"))

    @Property(bool, notify=linkStateChanged)
    def linkLost(self) -> bool:
        """The link dropped: the belt may still move at the last speed."""
        return bool(self._v("linkLost"))

    @Property(str, notify=linkStateChanged)
    def lastSpeedText(self) -> str:
        """The last known belt speed ("3.0 km/h"), for the link-lost banner."""
        return str(self._v("lastSpeedText"))

    @Property(str, notify=alertChanged)
    def alertText(self) -> str:
        return str(self._v("alertText"))

    @Property(str, notify=alertChanged)
    def alertLevel(self) -> str:
        return str(self._v("alertLevel"))

    @Property(bool, notify=alertChanged)
    def stopUnconfirmed(self) -> bool:
        """STOP was not confirmed by the machine: the user must pull the safety key."""
        return bool(self._v("stopUnconfirmed"))

    @Property(dict, notify=summaryChanged)
    def summary(self) -> dict[str, Any]:
        """The last session's summary: {presetName, presetId, endReason, endText, forwardText,
        backwardText, totalText, elapsedText, distanceText, blocksDone, blocksTotal}; empty
        before a session ended."""
        return dict(self._summary)

    # -- the session screen's stages, belt speed and estimates (after the others: stable
    # property indices) ---------------------------------------------------------------------

    @Property(str, notify=phaseChanged)
    def headlineDetail(self) -> str:
        """The line under the headline in a turn-around's stages ("Keep running forward",
        then "Belt stopped") and at the end; "" otherwise."""
        return str(self._v("headlineDetail"))

    @Property(str, notify=clockChanged)
    def phaseTimerNote(self) -> str:
        """Why the phase's time left stands still ("starts at speed"); "" while it runs."""
        return str(self._v("phaseTimerNote"))

    @Property(str, notify=clockChanged)
    def finishText(self) -> str:
        """The estimated finish, live ("ends ≈ 14:32"); "" before the start."""
        return str(self._v("finishText"))

    @Property(str, notify=readingsChanged)
    def speedText(self) -> str:
        """The speed tile's big number: the belt's reported speed while it runs."""
        return str(self._v("speedText"))

    @Property(str, notify=readingsChanged)
    def speedDetailText(self) -> str:
        """The speed tile's small line: "→ 3.0" while the speed changes, else the target."""
        return str(self._v("speedDetailText"))
