"""The one async API the rest of the app uses to drive a treadmill.

``ftms.link.TreadmillLink`` implements it over pyftms + bleak (real radio or the virtual
treadmill). The session engine depends only on this protocol.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from treadmill_ctl.ftms.model import (
    Capabilities,
    CommandOutcome,
    LinkState,
    LinkUpdate,
    StopOutcome,
)

type UpdateListener = Callable[[LinkUpdate], None]
type CommandListener = Callable[[CommandOutcome], None]


class TreadmillControl(Protocol):
    """Drive one chosen treadmill. Every command returns its checked outcome; none raises for a
    rejected or unanswered command (the outcome says so). Nothing here reconnects or re-applies a
    speed on its own."""

    @property
    def address(self) -> str: ...

    @property
    def state(self) -> LinkState: ...

    @property
    def capabilities(self) -> Capabilities | None:
        """Known after connect()."""
        ...

    def add_listener(self, listener: UpdateListener) -> Callable[[], None]:
        """Get every update (data records, statuses, link events, bad packets) as it arrives;
        returns a function that removes the listener."""
        ...

    def add_command_listener(self, listener: CommandListener) -> Callable[[], None]:
        """Get every command's outcome (for the events file, history and the UI)."""
        ...

    async def connect(self) -> Capabilities:
        """Connect to the chosen address only; raises LinkError with a user message."""
        ...

    async def disconnect(self) -> None: ...

    async def request_control(self) -> CommandOutcome: ...

    async def start(self) -> CommandOutcome: ...

    async def pause(self) -> CommandOutcome: ...

    async def set_speed(self, kmh: float) -> CommandOutcome:
        """Send a speed set-point, rounded to the machine's step and clamped to its range."""
        ...

    async def set_incline(self, pct: float) -> CommandOutcome: ...

    async def resubscribe_data(self) -> bool:
        """Subscribe to Treadmill Data again while the link stays up (a lost subscription);
        False when it could not be done. Never raises for a failed write."""
        ...

    async def stop(self) -> StopOutcome:
        """Pre-emptive STOP: written at once (never queued behind a pending command), then
        confirmed by the indication, a stop status or the reported speed falling, and retried
        until confirmed or the confirmation window (a few seconds) runs out."""
        ...
