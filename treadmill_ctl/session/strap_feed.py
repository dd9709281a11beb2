"""Hands a heart-rate strap's readings to the session engine running now (the glue between the
strap link in ``hr/`` and the session; it lives with the session, which it depends on).

One ``StrapFeed`` per strap link, for as long as the strap is used (the app: from connect to
disconnect; ``treadmill-ctl run``: the whole run). ``follow(engine)`` points it at the engine of
the current session (None between sessions): every reading becomes
``engine.report_heart_rate(bpm)`` (recorded as an ``hr`` event, checked against the HR cap),
and a lost or disconnected strap becomes ``report_heart_rate(None)``, so the engine goes back to
the treadmill's own heart rate. The strap never stops or starts anything.

A virtual strap cannot see which way the runner faces: ``on_direction`` (when given) hears the
direction of every phase the followed engine begins, so the simulated heart rate follows the
session's real effort.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from treadmill_ctl.hr.strap import HeartRateReading, HeartRateStrap, StrapEvent, StrapState
from treadmill_ctl.session.events import PhaseEvent, SessionEvent


class HeartRateConsumer(Protocol):
    """What the feed needs of the session engine."""

    def report_heart_rate(self, bpm: int | None) -> None: ...

    def add_listener(self, listener: Callable[[SessionEvent], None]) -> Callable[[], None]: ...


class StrapFeed:
    """See the module docstring."""

    def __init__(
        self,
        strap: HeartRateStrap,
        *,
        on_direction: Callable[[str], None] | None = None,
    ) -> None:
        self.strap = strap
        self._on_direction = on_direction
        self._engine: HeartRateConsumer | None = None
        self._unfollow: Callable[[], None] | None = None
        self._remove = strap.add_listener(self._on_update)

    @property
    def engine(self) -> HeartRateConsumer | None:
        """The engine being fed (None between sessions)."""
        return self._engine

    def follow(self, engine: HeartRateConsumer | None) -> None:
        """Feed ``engine`` from now on (None: no session). The strap's latest reading is handed
        over at once, so a session started with the strap on does not wait a second for it."""
        if engine is self._engine:
            return
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None
        self._engine = engine
        if engine is None:
            return
        if self._on_direction is not None:
            self._unfollow = engine.add_listener(self._on_session_event)
            # A strap put on mid-session learns the direction now, not at the next phase.
            facing = getattr(engine, "facing", None)
            if facing is not None:
                self._on_direction(str(facing))
        last = self.strap.last_reading
        if self.strap.state is StrapState.CONNECTED and last is not None:
            engine.report_heart_rate(last.bpm)

    def close(self) -> None:
        """Stop feeding (the strap link itself is the caller's to disconnect)."""
        self.follow(None)
        self._remove()

    def _on_update(self, update: object) -> None:
        engine = self._engine
        if engine is None:
            return
        if isinstance(update, HeartRateReading):
            engine.report_heart_rate(update.bpm)
        elif isinstance(update, StrapEvent) and update.state in (
            StrapState.LOST,
            StrapState.DISCONNECTED,
        ):
            engine.report_heart_rate(None)

    def _on_session_event(self, event: SessionEvent) -> None:
        if isinstance(event, PhaseEvent) and self._on_direction is not None:
            self._on_direction(str(event.direction))
