"""STOP latency: from calling stop to the STOP write reaching the virtual treadmill's control
point, in wall-clock time (time.perf_counter), on the ``laggy`` profile (responses 2.5 s late):

- idle: nothing else pending;
- pending: while a Set Speed is waiting for its (late) response;

for the treadmill link (pyftms + our seam) and for bare pyftms 0.4.15 on the same device, which
serialises every command behind one lock. Goal: pending / idle <= 1.5 for the link.

Runs in real time on a normal event loop (no time compression: bare pyftms's wait is on the
loop clock). Each repetition uses its own freshly connected virtual treadmill, so that no
repetition waits for the previous one's late responses; the link's repetitions are measured one
after the other, bare pyftms's pending ones (each ~2.5 s) side by side.

    .venv/bin/python benchmarks/stop_latency.py [--reps N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.proof.bare_pyftms import open_bare_pyftms
from treadmill_ctl.sim.bleak_backend import SimAir, simulated_ble_device
from treadmill_ctl.sim.profiles import load_profile
from treadmill_ctl.sim.treadmill import VirtualTreadmill
from treadmill_ctl.virtual_link import open_simulated_link

STOP = b"\x08\x01"
PROFILE = "laggy"
PYFTMS_TIMEOUT_S = 3.0  # pyftms's default 2 s cannot work a console that answers in 2.5 s


@dataclass
class Rig:
    """One virtual treadmill and the client driving it; the hook notes when writes arrive."""

    device: VirtualTreadmill
    client: Any
    speed_written: asyncio.Event = field(default_factory=asyncio.Event)
    stop_written: asyncio.Event = field(default_factory=asyncio.Event)
    t_stop: float = 0.0

    def __post_init__(self) -> None:
        self.device.on_control_write = self._arrived

    def _arrived(self, _loop_t: float, data: bytes) -> None:
        if data == STOP and not self.stop_written.is_set():
            self.t_stop = time.perf_counter()
            self.stop_written.set()
        elif data[:1] == b"\x02":
            self.speed_written.set()


def _device(air: SimAir, i: int) -> VirtualTreadmill:
    device = VirtualTreadmill(
        load_profile(PROFILE), address=f"5A:11:00:00:{i // 256:02X}:{i % 256:02X}"
    )
    air.add(device)
    return device


async def _link_rig(air: SimAir, i: int) -> Rig:
    link, device = await open_simulated_link(device=_device(air, i), air=air)
    assert (await link.start()).ok
    return Rig(device, link)


async def _bare_rig(air: SimAir, i: int) -> Rig:
    device = _device(air, i)
    bare = await open_bare_pyftms(
        simulated_ble_device(device), air, pyftms_timeout_s=PYFTMS_TIMEOUT_S
    )
    assert await bare.start_resume() == 1
    return Rig(device, bare)


def _set_speed_call(rig: Rig) -> Awaitable[Any]:
    client = rig.client
    if isinstance(client, TreadmillLink):
        return client.set_speed(5.0)
    return client.set_target_speed(5.0)  # bare pyftms


async def _one(rig: Rig, *, pending: bool, keep: list[asyncio.Task[Any]]) -> float:
    """One repetition; returns the STOP latency in seconds."""
    if pending:
        keep.append(asyncio.create_task(_set_speed_call(rig)))
        await rig.speed_written.wait()
    await asyncio.sleep(0.05)  # the same quiet moment before both cases
    t0 = time.perf_counter()
    keep.append(asyncio.create_task(rig.client.stop()))
    await rig.stop_written.wait()
    return rig.t_stop - t0


@dataclass
class Row:
    client: str
    case: str
    samples: list[float]

    def pct(self, q: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _case(
    air: SimAir,
    first_id: int,
    count: int,
    make: Callable[[SimAir, int], Awaitable[Rig]],
    *,
    pending: bool,
    side_by_side: bool,
) -> list[float]:
    """Connect ``count`` rigs side by side, measure one STOP on each, close them."""
    rigs = await asyncio.gather(*(make(air, first_id + i) for i in range(count)))
    keep: list[asyncio.Task[Any]] = []
    gc.collect()
    gc.disable()
    try:
        if side_by_side:
            samples = list(
                await asyncio.gather(*(_one(r, pending=pending, keep=keep) for r in rigs))
            )
        else:
            samples = [await _one(r, pending=pending, keep=keep) for r in rigs]
    finally:
        gc.enable()
    for task in keep:
        task.cancel()
    await asyncio.gather(*keep, return_exceptions=True)
    for rig in rigs:
        if isinstance(rig.client, TreadmillLink):
            await rig.client.disconnect()
        await rig.device.close()
        air.remove(rig.device)
    return samples


async def measure(reps: int, bare_reps: int) -> list[Row]:
    air = SimAir()
    return [
        Row(
            "treadmill link",
            "idle",
            await _case(air, 0, reps, _link_rig, pending=False, side_by_side=False),
        ),
        Row(
            "treadmill link",
            "Set Speed pending",
            await _case(air, 1000, reps, _link_rig, pending=True, side_by_side=False),
        ),
        Row(
            "bare pyftms",
            "idle",
            await _case(air, 2000, bare_reps, _bare_rig, pending=False, side_by_side=False),
        ),
        Row(
            "bare pyftms",
            "Set Speed pending",
            # each waits ~2.5 s behind its lock: side by side
            await _case(air, 3000, bare_reps, _bare_rig, pending=True, side_by_side=True),
        ),
    ]


def report(rows: list[Row]) -> str:
    lines = [
        f"STOP latency on the '{PROFILE}' virtual treadmill: stop() called -> STOP write at the "
        "device (wall clock)",
        "",
        f"{'client':<16} {'case':<18} {'n':>4} {'p50 ms':>10} {'p99 ms':>10}",
    ]
    for r in rows:
        lines.append(
            f"{r.client:<16} {r.case:<18} {len(r.samples):>4} "
            f"{r.pct(0.5) * 1000:>10.2f} {r.pct(0.99) * 1000:>10.2f}"
        )
    lines.append("")
    for client in ("treadmill link", "bare pyftms"):
        idle, pending = (r for r in rows if r.client == client)
        ratio50 = pending.pct(0.5) / idle.pct(0.5)
        ratio99 = pending.pct(0.99) / idle.pct(0.99)
        lines.append(f"{client:<16} pending/idle ratio: p50 {ratio50:8.2f}   p99 {ratio99:8.2f}")
    link_idle, link_pending = rows[0], rows[1]
    ratio = link_pending.pct(0.5) / link_idle.pct(0.5)
    verdict = "met" if ratio <= 1.5 else "MISSED"
    lines.append("")
    lines.append(f"goal (treadmill link, p50 pending/idle <= 1.5): {verdict} ({ratio:.2f})")
    lines.append(f"mean link STOP latency: {statistics.fmean(link_pending.samples) * 1000:.2f} ms")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--reps", type=int, default=60, help="repetitions per case (link)")
    parser.add_argument("--bare-reps", type=int, default=20, help="repetitions per case (bare)")
    args = parser.parse_args()
    started = time.perf_counter()
    rows = asyncio.run(measure(args.reps, args.bare_reps))
    print(report(rows))
    print(f"(ran in {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
