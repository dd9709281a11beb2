"""Faults a virtual device runs at given loop times (``schedule``), shared by the virtual
treadmill and the virtual heart-rate strap: each fault is one of the device's fault methods,
called by name; the ones still waiting are called off when the device switches off."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

_LOGGER = logging.getLogger(__name__)


class FaultSchedule:
    """The scheduled faults of one ``device`` whose fault methods are named in ``faults``."""

    def __init__(self, device: object, faults: frozenset[str]) -> None:
        self._device = device
        self._faults = faults
        self._handles: list[asyncio.TimerHandle] = []

    def add(
        self, loop: asyncio.AbstractEventLoop, fault_name: str, at_s: float, kw: dict[str, Any]
    ) -> asyncio.TimerHandle:
        """Call the device's ``fault_name(**kw)`` at loop time ``at_s``; ValueError for a name
        that is not one of its faults. A fault that raises is logged, never propagated."""
        if fault_name not in self._faults:
            known = ", ".join(sorted(self._faults))
            raise ValueError(f"unknown fault {fault_name!r}; known: {known}")
        method: Callable[..., None] = getattr(self._device, fault_name)

        def fire() -> None:
            try:
                method(**kw)
            except Exception:
                _LOGGER.exception("scheduled fault %s failed", fault_name)

        handle = loop.call_at(at_s, fire)
        self._handles = [h for h in self._handles if not h.cancelled()]
        self._handles.append(handle)
        return handle

    def cancel_all(self) -> None:
        """The device is switched off: nothing more fires."""
        for handle in self._handles:
            handle.cancel()
        self._handles.clear()
