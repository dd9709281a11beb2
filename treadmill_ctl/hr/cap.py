"""The heart-rate cap: a pure policy the session engine asks on every heart-rate update.

Above the cap during a backward block the session slows to the turning speed and says why.
The policy can only ever ask for *less* speed: there is no action that raises it, so heart rate
can never speed the belt up. A missing heart rate (strap lost, no contact) never triggers the
cap and never stops a session; the engine shows the loss instead.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final

# The range settings and presets accept (settings.py, session/presets.py).
MIN_CAP_BPM: Final = 60
MAX_CAP_BPM: Final = 230


class HeartRateCapAction(enum.StrEnum):
    """What the engine should do about the current heart rate."""

    NONE = "none"
    SLOW_TO_TURNING_SPEED = "slow_to_turning_speed"


@dataclass(frozen=True, slots=True)
class HeartRateCapDecision:
    """The action and the words for the cue and the banner (empty when nothing to do)."""

    action: HeartRateCapAction
    message: str = ""

    @property
    def slows(self) -> bool:
        """True when the engine must slow to the turning speed."""
        return self.action is HeartRateCapAction.SLOW_TO_TURNING_SPEED


_NOTHING: Final = HeartRateCapDecision(HeartRateCapAction.NONE)


class HeartRateCap:
    """``HeartRateCap(165).check(hr_bpm, direction, t)`` -> decision.

    The heart rate must stay above the cap for ``confirm_s`` (1 s) of backward readings, by
    their time ``t``, so that one spike does not break a block: two readings in a row from a
    1 Hz strap, and more than one of a treadmill's 1 Hz values however often it repeats them
    in its 4 Hz records. Once triggered it stays triggered until the direction is forward again
    (the block is over), so the engine is never told to speed back up inside the same block."""

    def __init__(self, cap_bpm: int, *, confirm_s: float = 1.0) -> None:
        if not MIN_CAP_BPM <= cap_bpm <= MAX_CAP_BPM:
            raise ValueError(
                f"heart-rate cap {cap_bpm} bpm is outside {MIN_CAP_BPM}..{MAX_CAP_BPM}"
            )
        if confirm_s < 0:
            raise ValueError("confirm_s must not be negative")
        self.cap_bpm = cap_bpm
        self.confirm_s = confirm_s
        self._above_since: float | None = None
        self._triggered = False

    @property
    def triggered(self) -> bool:
        """True from the confirmed crossing until the backward block ends."""
        return self._triggered

    def check(self, hr_bpm: int | None, direction: str, t: float) -> HeartRateCapDecision:
        """Decide on one heart-rate reading taken at time ``t`` (seconds, any clock that only
        goes forward). ``direction`` is "forward" or "backward" (the current phase's);
        ``hr_bpm`` None means unknown (never acted on)."""
        if direction != "backward":
            self.reset()
            return _NOTHING
        if self._triggered:
            return self._decision(hr_bpm)
        if hr_bpm is None or hr_bpm <= self.cap_bpm:
            self._above_since = None
            return _NOTHING
        if self._above_since is None:
            self._above_since = t
        if t - self._above_since < self.confirm_s - 1e-9:
            return _NOTHING
        self._triggered = True
        return self._decision(hr_bpm)

    def _decision(self, hr_bpm: int | None) -> HeartRateCapDecision:
        shown = f"{hr_bpm} bpm" if hr_bpm is not None else "heart rate"
        return HeartRateCapDecision(
            HeartRateCapAction.SLOW_TO_TURNING_SPEED,
            f"Heart rate {shown} is above your cap of {self.cap_bpm}: slowing to turning speed",
        )

    def reset(self) -> None:
        """Forget the current block (new session, or the user resumes after a stop)."""
        self._above_since = None
        self._triggered = False
