"""Real sessions through the app's session bridge (engine, virtual treadmill, the history's
recorder), with user actions injected at phase times, and what every place that shows the
session's numbers says about it: the summary, ``history show --json``, the FIT file, the TCX
file and the history screen. Used by test_statistics_agree.py."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from garmin_fit_sdk import Decoder, Stream
from session_rig import Rig, connected_rig, until

from treadmill_ctl.app.history_bridge import HistoryBridge
from treadmill_ctl.cli import main as cli_main
from treadmill_ctl.export.fit import encode_fit
from treadmill_ctl.export.tcx import encode_tcx
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan, Repeat

TCX = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"


def two_blocks() -> Plan:
    """Warm-up 0:30, 2 × (backward 0:30 + recovery 0:30), cool-down 0:20."""
    return Plan.from_steps(
        "Two blocks",
        (
            Phase(PhaseKind.WARMUP, 30, 4.0),
            Repeat(2, (Phase(PhaseKind.BACKWARD, 30, 3.0), Phase(PhaseKind.RECOVERY, 30, 5.0))),
            Phase(PhaseKind.COOLDOWN, 20, 4.0),
        ),
        id="two-blocks",
    )


@dataclass(frozen=True)
class Numbers:
    """Backward time (s), backward distance (m) and blocks done, as one place says them."""

    backward_s: float
    backward_m: float
    blocks_done: int


async def at_speed_in(rig: Rig, phase_index: int, seconds: float) -> None:
    """Wait until phase ``phase_index`` has run ``seconds`` at speed."""
    engine = rig.bridge.session_bridge.engine
    assert engine is not None

    def there() -> bool:
        snap = engine.snapshot()
        return (
            snap.phase is not None
            and snap.phase.index == phase_index
            and snap.phase_elapsed_s >= seconds
        )

    await until(there, 600, 0.1)


async def skip_a_block(rig: Rig) -> None:
    """Skip the first backward block 26 s into its 30 s, then let the session finish."""
    await at_speed_in(rig, 1, 26)
    rig.bridge.session_bridge.skip()


async def stop_early(rig: Rig) -> None:
    """STOP 10 s into the second backward block, then END."""
    await at_speed_in(rig, 3, 10)
    rig.bridge.session_bridge.stop()
    await until(lambda: rig.prop("canEnd"), 60)
    rig.bridge.session_bridge.end()


async def stop_and_restart(rig: Rig) -> None:
    """STOP 10 s into the first recovery, start again once stopped, let it finish."""
    await at_speed_in(rig, 2, 10)
    rig.bridge.session_bridge.stop()
    await until(lambda: rig.prop("canStart") and rig.prop("state") == "stopped", 60)
    rig.bridge.session_bridge.start()


async def run_with(
    tmp_path: Path, actions: Callable[[Rig], Awaitable[None]], plan: Plan | None = None
) -> dict[str, Any]:
    """Run one session with ``actions`` and gather what each place shows of it."""
    async with connected_rig(tmp_path, plan or two_blocks()) as rig:
        await until(lambda: rig.prop("state") == "idle", 30)
        rig.bridge.session_bridge.start()
        helper = asyncio.create_task(actions(rig))
        await until(lambda: rig.bridge.property("screen") == "summary", 900, 0.1)
        await helper
        summary = rig.prop("summary")
        store = rig.context.history
        assert store is not None
        await until(lambda: store.list_sessions()[0].ended_reason is not None, 30)
        (recorded,) = store.list_sessions()
        detail = store.get_session(recorded.id)
        history = HistoryBridge(rig.context)
        history.reload()
        history.select(recorded.id, force=True)
        return {
            "id": recorded.id,
            "summary": summary,
            "show": show_json(recorded.id),
            "fit": encode_fit(detail),
            "tcx": encode_tcx(detail),
            "screen": history.property("detail"),
        }


def show_json(session_id: int) -> dict[str, Any]:
    """``treadmill-ctl history show ID --json``, run as the CLI runs."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli_main(["history", "show", str(session_id), "--json"])
    assert status == 0
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


def fit_laps(data: bytes) -> list[dict[str, Any]]:
    """The laps of a FIT file, with their developer fields by name."""
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert not errors
    laps: list[dict[str, Any]] = messages["lap_mesgs"]
    return laps


def fit_numbers(data: bytes, *, direction_key: int = 0, outcome_key: int = 3) -> Numbers:
    """Backward laps: their moving time and distance summed, and those done."""
    backward = [
        lap
        for lap in fit_laps(data)
        if lap.get("developer_fields", {}).get(direction_key) == "backward"
    ]
    return Numbers(
        sum(lap["total_moving_time"] for lap in backward),
        sum(lap["total_distance"] for lap in backward),
        sum(1 for lap in backward if lap.get("developer_fields", {}).get(outcome_key) == "done"),
    )


def tcx_numbers(text: str) -> Numbers:
    """Backward (Active) laps: their time and distance summed, and those whose notes say
    done."""
    root = ET.fromstring(text)
    laps = [lap for lap in root.iter(f"{TCX}Lap") if lap.findtext(f"{TCX}Intensity") == "Active"]
    return Numbers(
        sum(float(lap.findtext(f"{TCX}TotalTimeSeconds") or 0) for lap in laps),
        sum(float(lap.findtext(f"{TCX}DistanceMeters") or 0) for lap in laps),
        sum(1 for lap in laps if re.search(r"\bdone\b", lap.findtext(f"{TCX}Notes") or "")),
    )


def clock_seconds(text: str) -> int:
    """ "2:51" -> 171."""
    parts = [int(p) for p in text.split(":")]
    seconds = 0
    for p in parts:
        seconds = seconds * 60 + p
    return seconds
