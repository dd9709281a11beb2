"""``treadmill-ctl replay``: feed a raw traffic log through the link as if a treadmill sent it,
and write what the app understood.

    treadmill-ctl replay CAPTURE --events OUT.jsonl

CAPTURE holds ``<t_seconds> <R|W|N|I> <uuid16> <hex>`` lines (the virtual treadmill's traffic
log, or one recorded from a real treadmill with ``--debug``); hex may be spaced, upper case, and
``->`` is allowed before it. R and W lines are context; N and I lines are delivered to the link's
parsing path. OUT gets one JSON line per Treadmill Data record::

    {"t": 1.25, "type": "data", "speed_kmh": 2.0, "avg_speed_kmh": null, "distance_m": 9, ...}

and one per Machine Status or Training Status (``"type": "status"``). A malformed line or
packet is reported on stderr with its line number and skipped. Exit status 0, or 1 when CAPTURE
cannot be read or OUT cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from treadmill_ctl.ftms.connection import BluetoothConnection
from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.ftms.model import (
    BadPacket,
    LinkUpdate,
    MachineStatus,
    TrainingStatus,
    TrainingStatusCode,
    TreadmillData,
)
from treadmill_ctl.ftms.traffic import TrafficEntry, TrafficKind, parse_traffic_line
from treadmill_ctl.storage import atomic_write_text

DATA_FIELDS: Final = (
    "speed_kmh",
    "avg_speed_kmh",
    "distance_m",
    "incline_pct",
    "elevation_gain_m",
    "energy_kcal",
    "hr_bpm",
    "elapsed_s",
    "steps",
)
"""The Treadmill Data fields written per record, in this order."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``replay``."""
    parser = subparsers.add_parser(
        "replay",
        help="decode a GATT traffic log as the app would",
        description="Feed a traffic log (<t> <R|W|N|I> <uuid16> <hex> lines) through the "
        "treadmill link as if a treadmill sent it; write what the app understood as JSON lines.",
    )
    parser.add_argument("capture", type=Path, metavar="CAPTURE", help="traffic log to replay")
    parser.add_argument(
        "--events", type=Path, required=True, metavar="OUT.jsonl", help="where to write the events"
    )
    parser.set_defaults(func=run_replay)


def parse_capture_line(line: str) -> TrafficEntry:
    """One capture line, leniently (spaced or upper-case hex, ``->``, ``0x2AD9``); raises
    ValueError saying what is wrong."""
    try:
        return parse_traffic_line(line)
    except ValueError as strict_error:
        tokens = [t for t in line.split() if t != "->"]
        if len(tokens) < 3:
            raise strict_error from None
        t, kind, uuid, *payload = tokens
        try:
            u16 = int(uuid.lower().removeprefix("0x")[-4:], 16)
            return TrafficEntry(
                float(t), TrafficKind(kind.upper()), u16, bytes.fromhex("".join(payload))
            )
        except ValueError:
            raise strict_error from None


def event_json(t: float, update: TreadmillData | MachineStatus | TrainingStatus) -> dict[str, Any]:
    """The JSON object written for one understood update at capture time ``t``."""
    if isinstance(update, TreadmillData):
        return {"t": t, "type": "data", **{name: getattr(update, name) for name in DATA_FIELDS}}
    if isinstance(update, MachineStatus):
        return {
            "t": t,
            "type": "status",
            "source": "machine_status",
            "status": update.kind.value,
            "value": update.value,
            "raw": update.raw,
        }
    try:
        name = TrainingStatusCode(update.code).name.lower()
    except ValueError:
        name = "unknown"
    return {
        "t": t,
        "type": "status",
        "source": "training_status",
        "status": name,
        "code": update.code,
        "text": update.text,
    }


@dataclass
class ReplayResult:
    """What a replay produced."""

    events: list[dict[str, Any]]
    problems: list[str]  # "line N: ..." messages
    lines: int


def replay_lines(lines: list[str]) -> ReplayResult:
    """Replay capture lines through a TreadmillLink's parsing path."""
    link = TreadmillLink("replay", connection=BluetoothConnection())  # never connected
    events: list[dict[str, Any]] = []
    problems: list[str] = []
    where: dict[str, Any] = {"t": 0.0, "line": 0}

    def heard(update: LinkUpdate) -> None:
        if isinstance(update, BadPacket):
            problems.append(
                f"line {where['line']}: bad packet on {update.uuid16:04x} ({update.raw}): "
                f"{update.reason}"
            )
        elif isinstance(update, TreadmillData | MachineStatus | TrainingStatus):
            events.append(event_json(where["t"], update))

    link.add_listener(heard)
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            entry = parse_capture_line(line)
        except ValueError as exc:
            problems.append(f"line {number}: {exc}")
            continue
        if entry.kind in (TrafficKind.NOTIFY, TrafficKind.INDICATE):
            where["t"], where["line"] = entry.t, number
            link.feed(entry.uuid16, entry.data, indication=entry.kind is TrafficKind.INDICATE)
    return ReplayResult(events, problems, len(lines))


def run_replay(args: argparse.Namespace) -> int:
    """Replay CAPTURE into OUT; problems go to stderr."""
    capture: Path = args.capture
    try:
        lines = capture.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"treadmill-ctl replay: cannot read {capture}: {exc}\n")
        return 1
    result = replay_lines(lines)
    for problem in result.problems:
        sys.stderr.write(f"{capture}:{problem.removeprefix('line ')}\n")
    text = "".join(json.dumps(e) + "\n" for e in result.events)
    try:
        atomic_write_text(args.events, text)
    except OSError as exc:
        sys.stderr.write(f"treadmill-ctl replay: cannot write {args.events}: {exc}\n")
        return 1
    return 0
