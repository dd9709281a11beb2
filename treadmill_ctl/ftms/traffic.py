"""The raw GATT traffic log: one text line per read, write, notification or indication.

Format (the same whether it comes from the virtual treadmill or a real one with debug logging):

    <t_seconds> <R|W|N|I> <uuid16> <hex>

``t_seconds`` has three decimals, ``uuid16`` is four lower-case hex digits (``2ad9``), ``hex`` is
the payload in lower-case hex without spaces (empty for an empty payload). Example::

    12.250 W 2ad9 022c01
    12.281 I 2ad9 800201
"""

from __future__ import annotations

import enum
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from treadmill_ctl.storage import atomic_write_text

DEFAULT_MAX_LINES: Final = 200_000

_LINE_RE: Final = re.compile(r"^(\d+(?:\.\d+)?) ([RWNI]) ([0-9a-f]{4}) ((?:[0-9a-f]{2})*)$")


class TrafficKind(enum.StrEnum):
    """What one traffic line records."""

    READ = "R"
    WRITE = "W"
    NOTIFY = "N"
    INDICATE = "I"


@dataclass(frozen=True, slots=True)
class TrafficEntry:
    """One parsed traffic line."""

    t: float
    kind: TrafficKind
    uuid16: int
    data: bytes

    def line(self) -> str:
        """This entry in the log's text format."""
        return format_traffic_line(self.t, self.kind, self.uuid16, self.data)


def short_uuid(uuid: str) -> int:
    """The 16-bit form of a Bluetooth SIG UUID ("00002ad9-0000-1000-8000-00805f9b34fb" or
    "2ad9") as an int."""
    u = uuid.lower()
    if len(u) <= 4:
        return int(u, 16)
    return int(u[4:8], 16)


def format_traffic_line(t: float, kind: TrafficKind | str, uuid16: int, data: bytes) -> str:
    """One line of the traffic log."""
    return f"{t:.3f} {TrafficKind(kind).value} {uuid16:04x} {data.hex()}"


def parse_traffic_line(line: str) -> TrafficEntry:
    """Parse one traffic log line; raises ValueError saying what is wrong."""
    text = line.strip()
    m = _LINE_RE.match(text)
    if m is None:
        # Be lenient about a missing trailing space for an empty payload.
        m = _LINE_RE.match(text + " ")
    if m is None:
        raise ValueError(f"not a traffic line ('<t> <R|W|N|I> <uuid16> <hex>'): {text[:60]!r}")
    return TrafficEntry(
        t=float(m.group(1)),
        kind=TrafficKind(m.group(2)),
        uuid16=int(m.group(3), 16),
        data=bytes.fromhex(m.group(4)),
    )


class TrafficLog:
    """A bounded in-memory traffic log (oldest lines fall off past ``max_lines``)."""

    def __init__(self, max_lines: int = DEFAULT_MAX_LINES) -> None:
        self._lines: deque[str] = deque(maxlen=max_lines)
        self.dropped = 0  # lines that fell off the front

    @property
    def max_lines(self) -> int:
        maxlen = self._lines.maxlen
        assert maxlen is not None
        return maxlen

    def record(self, t: float, kind: TrafficKind | str, uuid: str | int, data: bytes) -> None:
        """Append one line (``uuid`` full, short string or int)."""
        u16 = uuid if isinstance(uuid, int) else short_uuid(uuid)
        if len(self._lines) == self._lines.maxlen:
            self.dropped += 1
        self._lines.append(format_traffic_line(t, kind, u16, data))

    def lines(self) -> list[str]:
        """The lines kept, oldest first."""
        return list(self._lines)

    def entries(self) -> list[TrafficEntry]:
        """The lines kept, parsed."""
        return [parse_traffic_line(line) for line in self._lines]

    def clear(self) -> None:
        self._lines.clear()
        self.dropped = 0

    def write_to(self, path: str | Path) -> None:
        """Write the log to ``path`` (atomically), one line per entry."""
        atomic_write_text(Path(path), _joined(self._lines))

    def __len__(self) -> int:
        return len(self._lines)


def _joined(lines: Iterable[str]) -> str:
    text = "\n".join(lines)
    return text + "\n" if text else ""
