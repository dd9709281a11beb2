"""Headless sessions: a whole plan on the virtual treadmill, no window, no user waiting.

``treadmill-ctl run`` is a thin command-line wrapper around ``run_headless``. The run starts
itself (the command line is the user's explicit start) and ``--inject`` events stand in for
the user and the machine at given session times. Wherever the app would wait for a user (after
a STOP, a pause, a safety-key or console stop, a reconnect) and no later injected user action
is pending, the run ends there; the exit status says how (``EXIT_STATUS``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Final

from treadmill_ctl.errors import HeartRateStrapError, TreadmillError
from treadmill_ctl.hr.strap import HeartRateStrap
from treadmill_ctl.session.clock import new_speedup_loop
from treadmill_ctl.session.controller import OpenHistory, SessionController
from treadmill_ctl.session.engine import EventListener, SessionEngine
from treadmill_ctl.session.events import EndReason, SessionEvent
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.session.strap_feed import StrapFeed
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.bleak_backend import SimAir, SimBleakClient
from treadmill_ctl.sim.hr_strap import VirtualHeartRateStrap
from treadmill_ctl.sim.profiles import (
    RememberTarget,
    SimProfile,
    SpeedWhenStopped,
    load_profile,
)
from treadmill_ctl.sim.treadmill import VirtualTreadmill
from treadmill_ctl.units import SpeedUnit
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link

log = logging.getLogger(__name__)

EXIT_STATUS: Final[dict[EndReason, int]] = {
    EndReason.FINISHED: 0,
    EndReason.ERROR: 1,
    EndReason.STOPPED_BY_USER: 3,
    EndReason.STOPPED_BY_MACHINE: 4,
    EndReason.LINK_LOST: 5,
}
"""Exit status of ``treadmill-ctl run`` per end reason (2 is a usage error: bad arguments,
unknown or invalid preset or profile)."""

EXIT_USAGE: Final = 2
LINK_DROP_BACK_AFTER_S: Final = 5.0
STRAP_DROP_BACK_AFTER_S: Final = 30.0
STRAP_CONTACT_BACK_AFTER_S: Final = 20.0
DATA_STOP_S: Final = 30.0  # data-stop: long enough for the session to give up (STOP)
DATA_GAP_S: Final = 4.0  # data-gap: back before the session gives up
LATE_START_DELAY_S: Final = (
    12.0  # late-start: the belt starts longer than the 10 s wait after Start
)

# --inject names: user actions (they keep a waiting run alive) and machine/link faults.
USER_INJECTS: Final = frozenset({"start", "stop", "pause", "resume", "skip", "extend"})
FAULT_INJECTS: Final = frozenset(
    {
        "link-drop",
        "safety-key",
        "control-lost",
        "console-stop",
        "console-pause",
        "strap-drop",
        "strap-contact",
        "data-stop",
        "data-gap",
        "data-unsubscribed",
        "console-stop-at-start",
        "late-start",
        "remembering-console",
    }
)
INJECT_NAMES: Final = USER_INJECTS | FAULT_INJECTS


@dataclass(frozen=True, slots=True)
class Inject:
    """One ``--inject EVENT@SECONDS``: ``event`` at session time ``at_s``."""

    event: str
    at_s: float

    @classmethod
    def parse(cls, text: str) -> Inject:
        """``"pause@120"`` -> Inject("pause", 120.0); raises ValueError with the reason."""
        name, sep, when = text.partition("@")
        name = name.strip().lower()
        if not sep:
            raise ValueError(f"--inject {text!r}: expected EVENT@SECONDS, e.g. pause@120")
        if name not in INJECT_NAMES:
            known = ", ".join(sorted(INJECT_NAMES))
            raise ValueError(f"--inject {text!r}: unknown event {name!r} (known: {known})")
        try:
            at_s = float(when)
        except ValueError:
            raise ValueError(f"--inject {text!r}: {when!r} is not a number of seconds") from None
        if not math.isfinite(at_s) or at_s < 0:
            raise ValueError(f"--inject {text!r}: the time must be 0 or more seconds")
        return cls(name, at_s)


@dataclass(frozen=True, slots=True)
class FiredInject:
    """An inject as it happened: how many control-point writes the machine had received by
    then (which commands came before it, and which after, even at the same instant)."""

    inject: Inject
    writes_before: int


@dataclass(slots=True)
class HeadlessRun:
    """What a headless run did (for the command line, tests and benchmarks)."""

    end_reason: EndReason
    events: int = 0
    session_s: float = 0.0
    device: VirtualTreadmill | None = None
    fired: list[FiredInject] = field(default_factory=list)
    started_at: float = 0.0  # loop time of session time 0 (the device's clock is loop time)
    strap: VirtualHeartRateStrap | None = None  # the virtual strap worn, if any
    complete: bool = False  # finished with no phase skipped (statistics: "complete")

    @property
    def exit_status(self) -> int:
        return EXIT_STATUS[self.end_reason]


class JsonLinesWriter:
    """An event listener that writes each event's ``to_json()`` as one line (line-buffered)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file: IO[str] = path.open("w", encoding="utf-8", buffering=1)
        self.count = 0

    def __call__(self, event: SessionEvent) -> None:
        self._file.write(json.dumps(event.to_json(), separators=(",", ":")) + "\n")
        self.count += 1

    def close(self) -> None:
        self._file.close()


def target_unit_for(profile: SimProfile) -> SpeedUnit:
    """The speed unit the user would set for this (virtual) treadmill's console."""
    return profile.speed_unit


async def run_headless(
    plan: Plan,
    settings: Settings,
    *,
    profile: SimProfile | str | Path = "ideal",
    injects: Sequence[Inject] = (),
    listeners: Sequence[EventListener] = (),
    traffic_path: Path | None = None,
    device: VirtualTreadmill | None = None,
    hr_strap: bool = False,
    open_history: OpenHistory | None = None,
) -> HeadlessRun:
    """Run ``plan`` on a virtual treadmill with ``profile`` on the running loop's clock and
    return how it ended. The session starts at once (countdown first, as always).
    ``hr_strap``: the runner wears a virtual heart-rate strap, connected over the same
    (virtual) Bluetooth as a real one; its heart rate is recorded and checked against the cap.
    A strap that cannot connect is reported and the run goes on without it. ``open_history``
    opens the session's history entry (see ``SessionController``; None: not recorded)."""
    sim_profile = profile if isinstance(profile, SimProfile) else load_profile(profile)
    air = SimAir()
    link, treadmill = await open_simulated_link(
        sim_profile,
        device=device,
        connect=False,
        target_unit=target_unit_for(sim_profile),
        traffic_path=traffic_path,
        air=air,
    )
    loop = asyncio.get_running_loop()
    pending = sorted(injects, key=lambda i: i.at_s)
    fired: list[FiredInject] = []
    counted = 0

    def count(_: SessionEvent) -> None:
        nonlocal counted
        counted += 1

    def user_action_pending() -> bool:
        done = [f.inject for f in fired]
        return any(i.event in USER_INJECTS for i in pending if i not in done)

    strap = VirtualHeartRateStrap(treadmill) if hr_strap else None
    feed = await _wear_strap(air, strap) if strap is not None else None
    handles: list[asyncio.TimerHandle] = []
    try:
        session = SessionController(
            link,
            plan,
            settings,
            open_history=open_history,
            heart_rate=feed,
            listeners=(count, *listeners),
            user_available=user_action_pending,
        )
        session.start()  # the command line is the user's explicit start
        run_task = session.launch()
        started = loop.create_task(session.wait_started())
        await asyncio.wait({run_task, started}, return_when=asyncio.FIRST_COMPLETED)
        started.cancel()
        engine = session.engine
        origin = engine.started_at if engine.started_at is not None else loop.time()
        for inject in pending:
            handles.append(
                loop.call_at(
                    origin + inject.at_s,
                    _fire,
                    engine,
                    (treadmill, strap),
                    inject,
                    fired,
                )
            )
        reason = await run_task
        session_s = session.snapshot().t
        started_at = origin
        complete = session.tally.statistics().complete
    except TreadmillError as exc:
        log.error("headless run failed: %s", exc)  # noqa: TRY400 - the message says it all
        reason, session_s, started_at = EndReason.ERROR, 0.0, loop.time()
        complete = False
    finally:
        for handle in handles:
            handle.cancel()
        if feed is not None:
            feed.close()
            await feed.strap.disconnect()
        if strap is not None:
            await strap.close()
        with contextlib.suppress(TreadmillError):
            await close_simulated_link(link, treadmill)
    return HeadlessRun(reason, counted, session_s, treadmill, fired, started_at, strap, complete)


async def _wear_strap(air: SimAir, strap: VirtualHeartRateStrap) -> StrapFeed | None:
    """Put ``strap`` on the air and connect to it as the app does: a feed for the session."""
    air.add(strap)
    strap_link = HeartRateStrap(
        strap.address, backend=SimBleakClient, client_kwargs={"sim_air": air}
    )
    try:
        await strap_link.connect()
    except HeartRateStrapError as exc:
        log.warning("running without the heart-rate strap: %s", exc)
        return None
    return StrapFeed(strap_link, on_direction=strap.face)


def _fire(
    engine: SessionEngine,
    devices: tuple[VirtualTreadmill, VirtualHeartRateStrap | None],
    inject: Inject,
    fired: list[FiredInject],
) -> None:
    treadmill, strap = devices
    fired.append(FiredInject(inject, len(treadmill.control_writes)))
    log.info("inject %s at %.1f s", inject.event, inject.at_s)
    if inject.event.startswith("strap-") and strap is None:
        log.warning("inject %s: no heart-rate strap is worn in this run", inject.event)
        return
    try:
        inject_actions(engine, treadmill, strap)[inject.event]()
    except Exception:  # an inject must not kill the loop: log it, the session goes on
        log.exception("inject %s failed", inject.event)


def inject_actions(
    engine: SessionEngine,
    treadmill: VirtualTreadmill,
    strap: VirtualHeartRateStrap | None = None,
) -> dict[str, Callable[[], None]]:
    """What each ``--inject`` name does to this run (the strap's only when one is worn); the
    fault matrix adds its own faults to the same table."""
    actions: dict[str, Callable[[], None]] = {
        "start": engine.user_start,
        "stop": engine.user_stop,
        "pause": engine.user_pause,
        "resume": engine.user_resume,
        "skip": engine.user_skip,
        "extend": engine.user_extend,
        "link-drop": lambda: treadmill.drop_link(LINK_DROP_BACK_AFTER_S),
        "safety-key": treadmill.pull_safety_key,
        "control-lost": treadmill.revoke_control,
        "console-stop": treadmill.console_stop,
        "console-pause": treadmill.console_pause,
        "data-stop": lambda: treadmill.stop_data(DATA_STOP_S),
        "data-gap": lambda: treadmill.stop_data(DATA_GAP_S),
        "data-unsubscribed": treadmill.lose_data_subscription,
        # The ramp's faults (the fault matrix's too): from now on the console...
        # ...takes a console stop at the instant our next Start arrives,
        "console-stop-at-start": treadmill.console_stop_at_next_start,
        # ...starts its belt 12 s after a Start,
        "late-start": lambda: treadmill.change_profile(start_delay_s=LATE_START_DELAY_S),
        # ...resumes at the speed it had and refuses a target while stopped or paused.
        "remembering-console": lambda: treadmill.change_profile(
            remember_target=RememberTarget.ALWAYS,
            speed_when_paused=SpeedWhenStopped.REJECT,
            speed_when_stopped=SpeedWhenStopped.REJECT,
        ),
    }
    if strap is not None:
        actions["strap-drop"] = lambda: strap.drop_link(STRAP_DROP_BACK_AFTER_S)
        actions["strap-contact"] = lambda: _lose_contact(strap, STRAP_CONTACT_BACK_AFTER_S)
    return actions


def _lose_contact(strap: VirtualHeartRateStrap, back_after_s: float) -> None:
    strap.lose_contact()
    strap.schedule("restore_contact", asyncio.get_running_loop().time() + back_after_s)


def run_headless_blocking(
    plan: Plan,
    settings: Settings,
    *,
    speedup: float = 1.0,
    **kwargs: object,
) -> HeadlessRun:
    """``run_headless`` on a fresh event loop whose clock runs ``speedup`` × faster
    (``math.inf``: as fast as possible; see ``session.clock``)."""
    with asyncio.Runner(loop_factory=lambda: new_speedup_loop(speedup)) as runner:
        return runner.run(run_headless(plan, settings, **kwargs))  # type: ignore[arg-type]
