"""Real sessions for the history screen's tests: the session engine over the virtual treadmill
(loop time fast-forwarded by looptime), recorded by the history's own recorder, with heart rate
from the virtual strap worn on that treadmill."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
from datetime import datetime

from treadmill_ctl.history import HistoryStore, SessionHeader, attach_to_engine
from treadmill_ctl.session.engine import SessionEngine
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan, Repeat
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.hr_strap import VirtualHeartRateStrap
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link


def short_intervals() -> Plan:
    """Warm-up 0:40, 2 × (backward 0:30 + recovery 0:30), cool-down 0:20."""
    return Plan.from_steps(
        "Short intervals",
        (
            Phase(PhaseKind.WARMUP, 40, 4.0),
            Repeat(2, (Phase(PhaseKind.BACKWARD, 30, 3.0), Phase(PhaseKind.RECOVERY, 30, 5.0))),
            Phase(PhaseKind.COOLDOWN, 20, 4.0),
        ),
        id="short-intervals",
    )


async def record_session(
    store: HistoryStore,
    *,
    plan: Plan | None = None,
    started_at: datetime | None = None,
    stop_after_s: float | None = None,
    skip_after_s: float | None = None,
    heart_rate: bool = True,
) -> int:
    """Run ``plan`` to its end (or STOP it after ``stop_after_s`` and end the session; skip
    the phase in effect after ``skip_after_s``) and return the recorded session's id."""
    plan = plan or short_intervals()
    # One Treadmill Data record a second (the history keeps 1 Hz anyway): a faster test.
    profile = dataclasses.replace(BUILTIN_PROFILES["ideal"], data_interval_s=1.0)
    link, treadmill = await open_simulated_link(profile, connect=False)
    engine = SessionEngine(link, plan, Settings())
    # The plan as the app stores it (the history counts the blocks planned from it).
    plan_json = json.loads(json.dumps(dataclasses.asdict(plan), default=str))
    header = SessionHeader.now(
        preset_id=plan.id, preset_name=plan.name, plan=plan_json, device=link.address
    )
    if started_at is not None:
        header = SessionHeader(started_at, plan.id, plan.name, plan_json, link.address)
    recorder = attach_to_engine(engine, header, store)
    strap = VirtualHeartRateStrap(treadmill)

    async def wear_strap() -> None:
        # What the app's strap feed does: the engine gets the heart rate (for the HR cap) and
        # records it as an "hr" event, which the attached recorder keeps.
        while True:
            engine.report_heart_rate(round(strap.heart_rate_bpm))
            await asyncio.sleep(1.0)

    async def stop_later(delay: float) -> None:
        await asyncio.sleep(delay)
        engine.user_stop()
        engine.user_end()  # as the summary's END does: the run returns once the belt stopped

    async def skip_later(delay: float) -> None:
        await asyncio.sleep(delay)
        engine.user_skip()

    helpers = []
    if skip_after_s is not None:
        helpers.append(asyncio.create_task(skip_later(skip_after_s)))
    if heart_rate:
        helpers.append(asyncio.create_task(wear_strap()))
    if stop_after_s is not None:
        helpers.append(asyncio.create_task(stop_later(stop_after_s)))
    try:
        engine.user_start()
        await engine.run()
    finally:
        for task in helpers:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        recorder.close()
        await close_simulated_link(link, treadmill)
    return recorder.session_id
