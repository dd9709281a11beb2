"""Which alert an alert is: its code, stored with it (events file, history) so the screens and
the notices tell alerts apart by code, never by their English words.

An alert also keeps its message as data (``texts.to_data``: the template and its arguments,
speeds in km/h as ``texts.Speed``), so the summary, the History screen, ``history show`` and
the notices say it in the user's language and unit when they show it.
"""

from __future__ import annotations

import enum
from typing import Final


class AlertCode(enum.StrEnum):
    """The ``code`` of an alert event (``session/events.AlertEvent``)."""

    CONNECT = "connect"
    LINK_LOST = "link_lost"
    RECONNECTED = "reconnected"
    CONTROL_LOST = "control_lost"
    ERROR = "error"
    IGNORED = "ignored"  # a key or a console change the session did not act on
    START = "start"
    STOP_PENDING = "stop_pending"
    STOP_NOT_CONFIRMED = "stop_not_confirmed"
    COMMAND_FAILED = "command_failed"
    COMMAND_REFUSED = "command_refused"
    # The treadmill stopped by itself, each cause its own code (before history version 4 all
    # three were "machine_stopped", told apart by their English words).
    SAFETY_KEY_STOP = "safety_key_stop"
    CONSOLE_STOP = "console_stop"
    MACHINE_RESET = "machine_reset"
    MACHINE_STOPPED = "machine_stopped"  # read back from old records only
    MACHINE_PAUSED = "machine_paused"
    CONSOLE_SPEED = "console_speed"
    SPEED_LIMITED = "speed_limited"
    SPEED_NOT_REACHED = "speed_not_reached"
    SLOW_START = "slow_start"
    BELT_NOT_FOLLOWING = "belt_not_following"
    BELT_AHEAD = "belt_ahead"
    OVERSPEED = "overspeed"
    STILL_MOVING = "still_moving"
    SAFETY = "safety"
    INCLINE = "incline"
    HR_CAP = "hr_cap"
    DATA_STALE = "data_stale"
    DATA_LOST = "data_lost"
    DATA_BACK = "data_back"


SAFETY_STOPS: Final = frozenset(
    {
        AlertCode.OVERSPEED,
        AlertCode.STILL_MOVING,
        AlertCode.STOP_NOT_CONFIRMED,
        AlertCode.COMMAND_REFUSED,
        AlertCode.SAFETY,
    }
)
"""Alerts that are a safety stop of the app's own."""

MACHINE_STOPS: Final = frozenset(
    {AlertCode.SAFETY_KEY_STOP, AlertCode.CONSOLE_STOP, AlertCode.MACHINE_RESET}
)
"""The treadmill stopped the belt by itself."""
