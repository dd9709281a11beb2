"""The evidence that a treadmill is stopping after our STOP (``StopWatch``): a stop status, or
the reported speed falling (to 0, or clearly below what it was when the STOP reached the
machine). ``TreadmillLink.stop()`` writes STOP again until the watch is confirmed or its window
runs out.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Final

from treadmill_ctl.ftms.model import LinkUpdate, MachineStatus, MachineStatusKind, TreadmillData

__all__ = ["FOLLOW_GAP_MAX_KMH", "SPEED_FALL_KMH", "StopWatch"]

SPEED_FALL_KMH: Final = 0.05
FOLLOW_GAP_MAX_KMH: Final = 1.0

_STOP_STATUSES: Final = frozenset(
    {MachineStatusKind.STOPPED_BY_USER, MachineStatusKind.STOPPED_BY_SAFETY_KEY}
)


@dataclasses.dataclass(eq=False)
class StopWatch:
    """Collects the evidence that the machine is stopping."""

    confirmed: asyncio.Future[str]
    reference_kmh: float | None = None  # last reported speed when the STOP reached the device
    armed: bool = False  # the STOP write has been acknowledged by the device

    def arm(self, last_speed: float | None, last_setpoint: float | None = None) -> None:
        """The STOP reached the machine: from here the reported speed must fall below
        ``last_speed`` (less the gap to ``last_setpoint`` of a belt still following it)."""
        if not self.armed:
            self.armed = True
            # A belt still running down to our last (lower) set-point is not stopping: it must
            # fall further than that (at most FOLLOW_GAP_MAX_KMH: a belt further above the
            # set-point is not just following it).
            gap = 0.0
            if last_speed is not None and last_setpoint is not None:
                gap = min(max(last_speed - last_setpoint, 0.0), FOLLOW_GAP_MAX_KMH)
            self.reference_kmh = None if last_speed is None else last_speed - gap

    def see(self, update: LinkUpdate) -> None:
        """Weigh one update from the machine (a status, a data record)."""
        if self.confirmed.done():
            return
        if isinstance(update, MachineStatus) and update.kind in _STOP_STATUSES:
            self.confirmed.set_result("status")
        elif isinstance(update, TreadmillData) and self.armed and update.speed_kmh is not None:
            ref = self.reference_kmh
            if update.speed_kmh == 0 or (
                ref is not None and update.speed_kmh < ref - SPEED_FALL_KMH
            ):
                self.confirmed.set_result("speed")
            elif ref is None:
                # No speed known when the STOP went out (e.g. just after a reconnect): the
                # first record is the reference; a lower one says the belt is stopping.
                self.reference_kmh = update.speed_kmh

    def is_confirmed(self) -> bool:
        """The machine is stopping (by a status or its speed)."""
        fut = self.confirmed
        return fut.done() and not fut.cancelled()
