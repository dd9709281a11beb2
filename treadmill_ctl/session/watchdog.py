"""The data watchdog's clock: is the treadmill still sending Treadmill Data?

Pure and small (times are given): it measures the machine's record interval from the records
it sees, and says when the data has gone stale while the belt should move (older than
``max(2 s, 3 × the measured interval)``) and when the session must give up (still silent
``GIVE_UP_AFTER_S`` later). What the session does about it (the warning, the hold, the
re-subscription, the STOP) is ``session.silence``'s.

Only time the app's loop was running counts as silence. A look that comes more than
``LATE_LOOK_S`` after the moment the watchdog asked to be woken means the loop was not running
in between (the machine was stalled, the process stopped): the records the treadmill sent
meanwhile wait unread behind that look (and behind the loop's catch-up), so it says nothing and
the silence is counted again from that look. At most ``LATE_LOOKS_FORGIVEN`` looks in a row per
deadline: a loop that is late at every look still gets its verdict at the next one.
"""

from __future__ import annotations

import enum
import statistics
from collections import deque
from typing import Final

__all__ = [
    "GIVE_UP_AFTER_S",
    "HOLD_POLL_S",
    "LATE_LOOK_S",
    "STALE_MIN_S",
    "DataWatchdog",
    "Verdict",
]

STALE_MIN_S: Final = 2.0  # data older than this (at least) is stale ...
STALE_RECORDS: Final = 3  # ... or older than this many record intervals, if that is longer
GIVE_UP_AFTER_S: Final = 5.0  # stale this long after the warning: STOP
HOLD_POLL_S: Final = 0.5  # a ramp held for lack of data looks again this often
INTERVALS_KEPT: Final = 9  # the measured interval is the median of the last few
LATE_LOOK_S: Final = 1.0  # a look this much after its deadline: the loop was not running
LATE_LOOKS_FORGIVEN: Final = 2  # the stall's first look and one more while the loop catches up
_EPS: Final = 1e-9


class Verdict(enum.StrEnum):
    """What the watchdog says after a look at the clock."""

    NONE = "none"  # nothing new
    STALE = "stale"  # the data just went stale while the belt should move: warn and hold
    GIVE_UP = "give_up"  # still stale GIVE_UP_AFTER_S after the warning: STOP
    LET_GO = "let_go"  # the warning ends without data (the belt need not move any more)


class DataWatchdog:
    """The age of the machine's data and the watchdog's warning (see the module docstring)."""

    def __init__(self, checked_limit_s: float = 0.0) -> None:
        # Until the session has measured the interval: the limit the treadmill's check
        # learned (max(2 s, 3 × its data interval); session.machine_quirks), never below 2 s.
        self._checked_limit_s = max(STALE_MIN_S, checked_limit_s)
        self._last_t: float | None = None
        self._intervals: deque[float] = deque(maxlen=INTERVALS_KEPT)
        self._watch_since: float | None = None  # the belt should move since (None: it need not)
        self._warning_since: float | None = None
        self._late_looks = 0  # late looks that restarted the count towards this deadline

    @property
    def holding(self) -> bool:
        """A warning is on: every automatic change waits."""
        return self._warning_since is not None

    @property
    def interval_s(self) -> float | None:
        """The machine's measured record interval (``None`` before two records)."""
        return statistics.median(self._intervals) if self._intervals else None

    @property
    def limit_s(self) -> float:
        """Data older than this is stale: from the measured interval, or before it is known,
        from the treadmill's check."""
        interval = self.interval_s
        if interval is None:
            return self._checked_limit_s
        return max(STALE_MIN_S, STALE_RECORDS * interval)

    def age_s(self, t: float) -> float | None:
        """How old the last record is at ``t`` (``None``: none came yet)."""
        return None if self._last_t is None else max(t - self._last_t, 0.0)

    def stale(self, t: float) -> bool:
        """The last record is older than the limit (what the screen greys out)."""
        age = self.age_s(t)
        return age is not None and age > self.limit_s + _EPS

    def silent_s(self, t: float) -> float:
        """How long the belt has gone without data while it should move."""
        since = self._reference()
        return 0.0 if since is None else max(t - since, 0.0)

    def seen(self, t: float) -> bool:
        """A record came at ``t``; True when it ends a warning (the data is back)."""
        if self._last_t is not None and t > self._last_t:
            self._intervals.append(t - self._last_t)
        self._last_t = t
        was_holding = self.holding
        self._warning_since = None
        self._late_looks = 0
        return was_holding

    def watch(self, t: float, *, belt_should_move: bool) -> Verdict:
        """Look at the clock at ``t``; ``belt_should_move``: the session has the belt moving
        (or is about to change what it does)."""
        if not belt_should_move:
            self._watch_since = None
            self._late_looks = 0
            if self._warning_since is not None:
                self._warning_since = None
                return Verdict.LET_GO
            return Verdict.NONE
        if self._watch_since is None:
            self._watch_since = t
        due = self.wake_at()
        if due is not None and t > due + LATE_LOOK_S and self._late_looks < LATE_LOOKS_FORGIVEN:
            # The loop did not look in time: what the treadmill sent meanwhile is still unread.
            self._late_looks += 1
            if self._warning_since is not None:
                self._warning_since = t
            else:
                self._watch_since = t
            return Verdict.NONE
        if self._warning_since is not None:
            if t >= self._warning_since + GIVE_UP_AFTER_S - _EPS:
                self._warning_since = None  # the session stops: it is watched no more
                self._late_looks = 0
                return Verdict.GIVE_UP
            return Verdict.NONE
        reference = self._reference()
        if reference is not None and t >= reference + self.limit_s - _EPS:
            self._warning_since = t
            self._late_looks = 0
            return Verdict.STALE
        return Verdict.NONE

    def wake_at(self) -> float | None:
        """When ``watch`` has something to say next (``None``: nothing is watched)."""
        if self._warning_since is not None:
            return self._warning_since + GIVE_UP_AFTER_S
        reference = self._reference()
        return None if reference is None else reference + self.limit_s

    def _reference(self) -> float | None:
        """Since when the data is missed: the last record, or the start of the watch if the
        belt was set moving after it."""
        if self._watch_since is None:
            return None
        if self._last_t is None:
            return self._watch_since
        return max(self._last_t, self._watch_since)
