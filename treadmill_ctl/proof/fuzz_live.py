"""Fuzz harnesses that feed packets to live objects rather than to a decoder: every
notification a treadmill sends, through the real link (pyftms + the seam + bleak on the
virtual treadmill), and the heart-rate strap's notification callback. The packets are shaped
by ``fuzz_packets.py``; ``fuzz.py`` lists the targets (the contracts in its docstring).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import math
from collections.abc import Iterator
from typing import Final

from hypothesis import strategies as st

from treadmill_ctl.ftms import codec
from treadmill_ctl.ftms.model import BadPacket, LinkState
from treadmill_ctl.hr.codec import parse_heart_rate_measurement
from treadmill_ctl.proof.fuzz_core import Check, FuzzTally, Verdict, _require
from treadmill_ctl.proof.fuzz_packets import (
    _packets,
    _shaped_data_packet,
    _shaped_indication,
    _shaped_status,
)
from treadmill_ctl.session.clock import SpeedupEventLoop
from treadmill_ctl.sim.profiles import SimProfile

# ---- the link: notifications through pyftms + the seam + bleak, on the virtual treadmill ---

_LINK_CHARS: Final = {
    "treadmill_data": codec.TREADMILL_DATA,
    "machine_status": codec.MACHINE_STATUS,
    "training_status": codec.TRAINING_STATUS,
    "control_point": codec.CONTROL_POINT,
}


class _ErrorLog(logging.Handler):
    """Collects log records that carry an exception (something escaped to a boundary)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info is not None or record.levelno >= logging.ERROR:
            self.records.append(record)


@contextlib.contextmanager
def _captured_errors() -> Iterator[_ErrorLog]:
    handler = _ErrorLog()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


def _link_notification_strategy() -> st.SearchStrategy[tuple[str, bytes]]:
    shaped = {
        "treadmill_data": _packets(_shaped_data_packet(), 30),
        "machine_status": _packets(_shaped_status(), 6),
        "training_status": _packets(st.binary(min_size=2, max_size=8), 6),
        "control_point": _packets(_shaped_indication(), 6),
    }
    return st.one_of(*(st.tuples(st.just(name), s) for name, s in shaped.items()))


def _expected_bad(name: str, data: bytes) -> bool:
    """Whether the link must report ``data`` as a BadPacket (the codec's own verdict)."""
    match name:
        case "treadmill_data":
            packet = codec.parse_treadmill_data(data)
            return isinstance(packet, BadPacket) or bool(packet.missing)
        case "machine_status":
            return isinstance(codec.decode_machine_status(data), BadPacket)
        case "training_status":
            return isinstance(codec.decode_training_status(data), BadPacket)
        case _:
            # A well-formed response to no pending command is logged (info), not an alarm.
            return isinstance(codec.decode_indication(data), BadPacket)


@contextlib.contextmanager
def _link_harness(tally: FuzzTally) -> Iterator[Check[tuple[str, bytes]]]:
    """A connected link to a quiet virtual treadmill (no data ticks) on a fast-forwarded
    loop; each input is sent by the device as a notification and must arrive as the codec
    says, without breaking the link."""
    from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link  # noqa: PLC0415 - heavy

    profile = dataclasses.replace(SimProfile(), name="fuzz-quiet", data_interval_s=3600.0)
    updates: list[object] = []
    with (
        asyncio.Runner(loop_factory=lambda: SpeedupEventLoop(math.inf)) as runner,
        _captured_errors() as errors,
    ):
        link, device = runner.run(open_simulated_link(profile))
        link.add_listener(updates.append)

        def check(value: tuple[str, bytes]) -> Verdict:
            name, data = value
            updates.clear()
            errors.records.clear()
            device.send_malformed(f"{_LINK_CHARS[name]:04x}", data)
            runner.run(asyncio.sleep(0.05))
            escaped = [r.getMessage() for r in errors.records]
            _require(not escaped, f"logged with an exception: {escaped[:2]}")
            _require(link.state is LinkState.CONNECTED, f"link {link.state} after a packet")
            bad = [u for u in updates if isinstance(u, BadPacket)]
            typed = [u for u in updates if not isinstance(u, BadPacket)]
            if _expected_bad(name, data):
                _require(
                    any(b.raw == codec.hexstr(data) for b in bad),
                    f"no BadPacket reached the listeners (got {updates})",
                )
                return Verdict.BAD
            _require(not bad, f"a good packet reported bad: {bad}")
            if name == "treadmill_data" and not typed:
                return Verdict.HELD  # More Data: the record goes on in the next packet
            if name == "control_point":
                return Verdict.TYPED  # understood; nobody waits for it (logged)
            _require(bool(typed), "nothing reached the listeners")
            return Verdict.TYPED

        try:
            yield check
            # After all that garbage the link must still drive the machine.
            outcome = runner.run(link.request_control())
            if not outcome.ok:
                tally.fail("(after the run)", f"request control failed: {outcome}")
        finally:
            runner.run(close_simulated_link(link, device))


# ---- the heart-rate strap's notification callback ----------------------------------------


@contextlib.contextmanager
def _strap_harness(_: FuzzTally) -> Iterator[Check[bytes]]:
    """The strap object's notification callback (what bleak calls): a bad packet is counted in
    ``bad_packets``, logged, and handed to the listeners."""
    from treadmill_ctl.hr.strap import HeartRateStrap  # noqa: PLC0415 - imports bleak

    strap = HeartRateStrap("00:00:00:00:00:01", reconnect=False)
    heard: list[object] = []
    strap.add_listener(heard.append)

    async def feed(data: bytes) -> None:
        strap._on_notification(None, bytearray(data))  # bleak calls this on a notification

    class _Warnings(logging.Handler):
        def __init__(self) -> None:
            super().__init__(logging.WARNING)
            self.count = 0

        def emit(self, record: logging.LogRecord) -> None:
            self.count += 1

    warnings = _Warnings()
    strap_log = logging.getLogger("treadmill_ctl.hr.strap")
    strap_log.addHandler(warnings)
    try:
        with asyncio.Runner() as runner:

            def check(data: bytes) -> Verdict:
                heard.clear()
                before, logged = strap.bad_packets, warnings.count
                runner.run(feed(data))
                if isinstance(parse_heart_rate_measurement(data), BadPacket):
                    _require(strap.bad_packets == before + 1, "bad packet not counted")
                    _require(warnings.count == logged + 1, "bad packet not logged")
                    _require(any(isinstance(h, BadPacket) for h in heard), "not passed on")
                    return Verdict.BAD
                _require(strap.bad_packets == before, "a good packet counted as bad")
                _require(strap.last_reading is not None and bool(heard), "reading lost")
                return Verdict.TYPED

            yield check
    finally:
        strap_log.removeHandler(warnings)
