"""What the engine's states mean to the person on the belt and to the screens (no asyncio, no
engine: cheap to import before the session engine is loaded)."""

from __future__ import annotations

from typing import Final

from treadmill_ctl.session.events import SessionState

S = SessionState

ACTIVE_STATES: Final = frozenset(
    {
        S.STARTING_COUNTDOWN,
        S.RAMPING,
        S.RUNNING_PHASE,
        S.SLOWING_TO_TURN,
        S.TURN_COUNTDOWN,
        S.PAUSED,
        S.RESUME_COUNTDOWN,
        S.STOPPING,
        S.FINISHING,
        S.LINK_LOST,
    }
)
"""The belt may move or is about to: STOP is shown on every screen, the keys act on the
session."""

PAUSABLE_STATES: Final = frozenset(
    {
        S.STARTING_COUNTDOWN,
        S.RAMPING,
        S.RUNNING_PHASE,
        S.SLOWING_TO_TURN,
        S.TURN_COUNTDOWN,
        S.RESUME_COUNTDOWN,
    }
)
"""Pausing holds these (a countdown included: safety.md, "STOP or pause during the countdown
holds it")."""

MOVING_STATES: Final = frozenset({S.RAMPING, S.RUNNING_PHASE, S.SLOWING_TO_TURN, S.FINISHING})
"""The belt is meant to be moving."""

STARTABLE_STATES: Final = frozenset({S.IDLE, S.STOPPED})
"""A start (Enter) applies: before the first start, and after a STOP."""
