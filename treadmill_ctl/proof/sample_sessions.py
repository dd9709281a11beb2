"""Realistic example sessions as engine event streams: for the history and export tests, the
kill test and the history benchmark. Pure generators; ``record_sample_history`` writes a few
weeks of sessions into a store.

The stream follows the engine's contract: a start countdown, set-points ramped at
0.5 km/h per second, every direction change through a stop and a 5 s turn countdown, a phase
event when the engine starts moving towards the phase, 4 Hz data records (what a walking pad
sends) with a distance counter and a heart rate that lags behind the effort.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from treadmill_ctl.history.model import SessionHeader
from treadmill_ctl.history.recorder import record_events
from treadmill_ctl.history.store import HistoryStore
from treadmill_ctl.sim.hr_strap import steady_state_bpm

RAMP_KMH_PER_S: Final = 0.5
COUNTDOWN_S: Final = 5
HR_TIME_CONSTANT_S: Final = 30.0


@dataclass(frozen=True, slots=True)
class SamplePhase:
    """One phase of an example plan."""

    kind: str
    direction: str
    speed_kmh: float
    duration_s: float
    incline_pct: float = 0.0


def blocks_plan(block_s: float, blocks: int, *, backward_kmh: float = 3.0) -> list[SamplePhase]:
    """Warm-up, ``blocks`` × (backward block + forward recovery), cool-down."""
    phases = [SamplePhase("warmup", "forward", 5.0, 300)]
    for i in range(blocks):
        phases.append(SamplePhase("backward", "backward", backward_kmh, block_s))
        if i + 1 < blocks:
            phases.append(SamplePhase("recovery", "forward", 5.5, 120))
    phases.append(SamplePhase("cooldown", "forward", 4.0, 180))
    return phases


FOUR_BY_THIRTY: Final = tuple(blocks_plan(30, 4))


def plan_json(phases: list[SamplePhase] | tuple[SamplePhase, ...]) -> dict[str, Any]:
    """The plan as JSON, as the session header carries it."""
    return {
        "phases": [
            {
                "kind": p.kind,
                "direction": p.direction,
                "speed_kmh": p.speed_kmh,
                "duration_s": p.duration_s,
                "incline_pct": p.incline_pct,
            }
            for p in phases
        ]
    }


class _Belt:
    """The belt, the runner's heart and the clock of the generated stream."""

    def __init__(self, rate_hz: float, resting_bpm: float, stop_at_t: float | None) -> None:
        self.t = 0.0
        self.dt = 1.0 / rate_hz
        self.speed = 0.0
        self.incline = 0.0
        self.distance = 0.0
        self.backward = False
        self.hr = resting_bpm
        self.resting = resting_bpm
        self.stop_at_t = stop_at_t
        self.events: list[dict[str, Any]] = []

    @property
    def cut(self) -> bool:
        return self.stop_at_t is not None and self.t >= self.stop_at_t

    def emit(self, event: dict[str, Any]) -> None:
        self.events.append({"t": round(self.t, 3), **event})

    def tick(self, setpoint: float) -> None:
        """One data interval with the belt following ``setpoint`` at the ramp rate."""
        step = RAMP_KMH_PER_S * self.dt
        self.speed = (
            min(setpoint, self.speed + step)
            if setpoint > self.speed
            else max(setpoint, self.speed - step)
        )
        self.distance += self.speed * self.dt / 3.6
        target = steady_state_bpm(
            self.speed,
            self.incline,
            self.backward,
            resting_bpm=self.resting,
            max_bpm=188,
            vo2max=45,
        )
        self.hr += (target - self.hr) * (1 - math.exp(-self.dt / HR_TIME_CONSTANT_S))
        self.t += self.dt
        self.emit(
            {
                "type": "data",
                "speed_kmh": round(self.speed, 2),
                "distance_m": int(self.distance),
                "incline_pct": round(self.incline, 1),
                "hr_bpm": round(self.hr),
            }
        )

    def command(self, op: str, value: float | None) -> None:
        self.emit(
            {
                "type": "command",
                "op": op,
                "value": value,
                "wire": _wire(op, value),
                "result": "success",
            }
        )

    def ramp_to(self, kmh: float) -> None:
        """Set-points every second, 0.5 km/h apart, until the belt is at ``kmh``."""
        next_setpoint_t = self.t
        setpoint = self.speed
        while abs(self.speed - kmh) > 1e-6 and not self.cut:
            if self.t >= next_setpoint_t - 1e-9:
                setpoint = (
                    min(kmh, setpoint + RAMP_KMH_PER_S)
                    if kmh > setpoint
                    else max(kmh, setpoint - RAMP_KMH_PER_S)
                )
                self.command("set_speed", round(setpoint, 2))
                next_setpoint_t += 1.0
            self.tick(setpoint)

    def hold(self, seconds: float, kmh: float) -> None:
        end = self.t + seconds
        while self.t < end - 1e-9 and not self.cut:
            self.tick(kmh)

    def countdown(self, reason: str) -> None:
        for remaining in range(COUNTDOWN_S, 0, -1):
            self.emit({"type": "countdown", "remaining_s": remaining, "reason": reason})
            self.hold(1.0, 0.0 if reason != "turn" else self.speed)


def sample_events(
    phases: list[SamplePhase] | tuple[SamplePhase, ...] = FOUR_BY_THIRTY,
    *,
    rate_hz: float = 4.0,
    resting_bpm: float = 62.0,
    end_reason: str | None = "finished",
    stop_at_t: float | None = None,
) -> Iterator[dict[str, Any]]:
    """The events of one session running ``phases``. With ``stop_at_t`` the session is cut
    there: ended with ``end_reason`` (e.g. "stopped_by_user"), or with no end at all when
    ``end_reason`` is None (a session still running, or killed)."""
    belt = _Belt(rate_hz, resting_bpm, stop_at_t)
    belt.emit({"type": "state", "state": "idle"})
    belt.emit({"type": "state", "state": "starting_countdown"})
    belt.countdown("start")
    belt.command("request_control", None)
    belt.command("start", None)
    previous: SamplePhase | None = None
    for index, phase in enumerate(phases):
        if belt.cut:
            break
        if previous is not None and previous.direction != phase.direction:
            belt.emit({"type": "cue", "text": "turn around", "cue": "turn_around"})
            belt.emit({"type": "state", "state": "slowing_to_turn"})
            belt.ramp_to(0.0)
            belt.emit({"type": "state", "state": "turn_countdown"})
            belt.countdown("turn")
        belt.backward = phase.direction == "backward"
        belt.incline = phase.incline_pct
        belt.emit(
            {
                "type": "phase",
                "index": index,
                "kind": phase.kind,
                "direction": phase.direction,
                "target_speed_kmh": phase.speed_kmh,
                "duration_s": phase.duration_s,
                "count": len(phases),
            }
        )
        belt.emit({"type": "state", "state": "ramping"})
        belt.ramp_to(phase.speed_kmh)
        belt.emit({"type": "state", "state": "running_phase"})
        belt.hold(phase.duration_s, phase.speed_kmh)
        previous = phase
    if not belt.cut:
        belt.emit({"type": "cue", "text": "session done", "cue": "session_done"})
        belt.ramp_to(0.0)
        belt.command("stop", None)
        belt.emit({"type": "state", "state": "finished"})
        belt.emit({"type": "end", "reason": end_reason or "finished"})
    elif end_reason is not None:
        belt.command("stop", None)
        belt.emit({"type": "state", "state": "stopped"})
        belt.stop_at_t = None  # the belt runs down after the cut
        belt.ramp_to(0.0)
        belt.emit({"type": "end", "reason": end_reason})
    yield from belt.events


def _wire(op: str, value: float | None) -> str:
    match op:
        case "request_control":
            return "00"
        case "start":
            return "07"
        case "stop":
            return "0801"
        case "set_speed" if value is not None:
            return "02" + round(value * 100).to_bytes(2, "little").hex()
    return ""


def record_sample_history(store: HistoryStore, *, now: datetime | None = None) -> list[int]:
    """Three weeks of a runner's progression (30 s, 45 s, 60 s blocks; one session stopped by
    the user, one interrupted). Returns the new session ids, oldest first."""
    now = now or datetime.now().astimezone().replace(microsecond=0)
    sessions: list[tuple[int, str, str, list[SamplePhase], str | None]] = [
        (20, "first-steps", "First steps", blocks_plan(30, 2), "finished"),
        (17, "four-by-thirty", "Four by thirty", blocks_plan(30, 4), "finished"),
        (13, "four-by-thirty", "Four by thirty", blocks_plan(30, 4), "stopped_by_user"),
        (10, "four-by-forty-five", "Four by forty-five", blocks_plan(45, 4), "finished"),
        (6, "four-by-sixty", "Four by sixty", blocks_plan(60, 4), "finished"),
        (3, "four-by-sixty", "Four by sixty", blocks_plan(60, 4), None),
        (1, "six-by-sixty", "Six by sixty", blocks_plan(60, 6), "finished"),
    ]
    ids: list[int] = []
    for days_ago, preset_id, name, phases, ending in sessions:
        header = SessionHeader(
            started_at=now - timedelta(days=days_ago, hours=1),
            preset_id=preset_id,
            preset_name=name,
            plan=plan_json(phases),
            device="Virtual Treadmill",
            profile="ideal",
        )
        total = sum(p.duration_s for p in phases)
        cut = None if ending == "finished" else total * (0.6 if ending else 0.45)
        events = sample_events(phases, end_reason=ending, stop_at_t=cut)
        ids.append(record_events(store, header, events).session_id)
    return ids
