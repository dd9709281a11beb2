"""A virtual device's end of the radio link, shared by the virtual treadmill and the virtual
heart-rate strap: whether the device can be reached (a ``drop_link`` fault makes it
unreachable until it comes back), whether a client is connected, which characteristics it
subscribed to, and the callback that tells the client the device dropped the link.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable

from treadmill_ctl.sim.att import (
    ATT_ATTRIBUTE_NOT_FOUND,
    ATT_WRITE_NOT_PERMITTED,
    SimAttError,
    SimLinkDown,
)
from treadmill_ctl.sim.gatt import SimCharacteristic, normalize_uuid

__all__ = ["DeviceLink"]

_LOGGER = logging.getLogger(__name__)


class DeviceLink:
    """The link state of the device ``name`` with ``characteristics``. ``on_end`` is called
    whenever a connection ends (the client's disconnect, a drop, switching off), after the
    subscriptions are gone: the device forgets what lives only as long as a connection."""

    def __init__(
        self,
        name: str,
        characteristics: Iterable[SimCharacteristic],
        *,
        on_end: Callable[[], None] | None = None,
    ) -> None:
        self.name = name
        self.chars: dict[str, SimCharacteristic] = {c.uuid: c for c in characteristics}
        self.up = True  # False while a drop_link fault keeps the device unreachable
        self.connected = False
        self.subscribers: dict[str, Callable[[bytes], None]] = {}
        self._on_end = on_end
        self._disconnect_cb: Callable[[], None] | None = None
        self._restore_timer: asyncio.TimerHandle | None = None

    def char(self, uuid: str) -> SimCharacteristic:
        """The characteristic ``uuid`` (any spelling); ATT "attribute not found" otherwise."""
        char = self.chars.get(normalize_uuid(uuid))
        if char is None:
            raise SimAttError(ATT_ATTRIBUTE_NOT_FOUND, f"no characteristic {uuid}")
        return char

    def require(self) -> None:
        """Raise SimLinkDown unless a client is connected over a link that is up."""
        if not self.up or not self.connected:
            raise SimLinkDown(f"{self.name} is not connected")

    def set_disconnect_callback(self, cb: Callable[[], None] | None) -> None:
        """``cb`` is called when the device drops the link (faults), not on a disconnect."""
        self._disconnect_cb = cb

    def subscribe(self, uuid: str, cb: Callable[[bytes], None] | None) -> SimCharacteristic:
        """Enable (``cb``) or disable (None) notifications or indications of ``uuid``."""
        char = self.char(uuid)
        if not ({"notify", "indicate"} & set(char.properties)):
            raise SimAttError(ATT_WRITE_NOT_PERMITTED, f"{uuid} cannot notify or indicate")
        if cb is None:
            self.subscribers.pop(char.uuid, None)
        else:
            self.require()
            self.subscribers[char.uuid] = cb
        return char

    def end_connection(self) -> None:
        """The connection ends: subscriptions and whatever the device keeps per connection."""
        self.connected = False
        self.subscribers.clear()
        if self._on_end is not None:
            self._on_end()

    def drop(
        self, back_after_s: float | None, loop: asyncio.AbstractEventLoop | None = None
    ) -> None:
        """The device drops the link now and cannot be reached until it is back (after
        ``back_after_s`` on ``loop``, by default the running one, or at :meth:`restore` when
        None); the client is told."""
        was_connected = self.connected
        self.up = False
        self.end_connection()
        self.cancel_restore()
        if back_after_s is not None:
            loop = loop or asyncio.get_running_loop()
            self._restore_timer = loop.call_later(back_after_s, self.restore)
        if was_connected and self._disconnect_cb is not None:
            try:
                self._disconnect_cb()
            except Exception:
                _LOGGER.exception("disconnect callback of %s failed", self.name)

    def restore(self) -> None:
        """The device can be reached again (the client must connect again)."""
        self._restore_timer = None
        self.up = True

    def cancel_restore(self) -> None:
        """Call off a pending :meth:`restore` (a new drop, or the device switched off)."""
        if self._restore_timer is not None:
            self._restore_timer.cancel()
            self._restore_timer = None
