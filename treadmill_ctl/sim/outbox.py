"""The virtual treadmill's outgoing queue: notifications and indications due at given loop
times, delivered in order to the client's subscribers and written to the traffic log, and the
count of indications still on their way (a busy machine refuses writes while one is). What is
queued dies with the connection."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
from dataclasses import dataclass

from treadmill_ctl.ftms.traffic import TrafficKind, TrafficLog
from treadmill_ctl.sim.device_link import DeviceLink
from treadmill_ctl.sim.gatt import Packet
from treadmill_ctl.sim.workout import Workout

__all__ = ["Outbox"]

logger = logging.getLogger(__name__)


@dataclass(order=True)
class _Outgoing:
    due: float
    seq: int
    uuid: str
    data: bytes
    indication: bool


class Outbox:
    """What the device sends over ``link``, logged in ``traffic``, on the clock of the
    machine ``clock`` (its loop and device time)."""

    def __init__(self, link: DeviceLink, traffic: TrafficLog, clock: Workout) -> None:
        self._link = link
        self._traffic = traffic
        self._clock = clock
        self._queue: list[_Outgoing] = []
        self._seq = itertools.count()
        self._timer: asyncio.TimerHandle | None = None
        self.pending_indications = 0
        """Indications queued and not yet delivered."""

    def send(self, packets: list[Packet], delay: float = 0.0, *, indication: bool = False) -> None:
        """Queue packets for delivery ``delay`` s from now, in order."""
        if not self._link.connected or not packets:
            return
        due = self._clock.now() + delay
        for uuid, data in packets:
            item = _Outgoing(due, next(self._seq), uuid, data, indication)
            heapq.heappush(self._queue, item)
            if indication:
                self.pending_indications += 1
        self._arm()

    def deliver(self, uuid: str, data: bytes, *, indication: bool = False) -> None:
        """Hand one notification/indication to the subscriber (dropped when not subscribed)."""
        cb = self._link.subscribers.get(uuid)
        if cb is None or not self._link.connected:
            return
        kind = TrafficKind.INDICATE if indication else TrafficKind.NOTIFY
        self._traffic.record(self._clock.device_time(), kind, uuid, data)
        try:
            cb(data)
        except Exception:  # a client callback must not break the device
            logger.exception("subscriber of %s failed on %s", uuid, data.hex())

    def clear(self) -> None:
        """The connection ended: what is queued is lost (a split record loses its tail)."""
        self._queue.clear()
        self.pending_indications = 0
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _arm(self) -> None:
        if not self._queue:
            return
        first = self._queue[0].due
        timer = self._timer
        if timer is not None and timer.when() <= first:
            return
        if timer is not None:
            timer.cancel()
        self._timer = self._clock.bound_loop().call_at(first, self._flush)

    def _flush(self) -> None:
        self._timer = None
        now = self._clock.now()
        while self._queue and self._queue[0].due <= now and self._link.connected:
            item = heapq.heappop(self._queue)
            if item.indication:
                self.pending_indications -= 1
            self.deliver(item.uuid, item.data, indication=item.indication)
        self._arm()
