"""Property-based tests over random plans, settings, machine profiles, user actions and
injected faults, on the real link and the virtual treadmill:

- no set-point ever above the direction's cap or the machine's maximum;
- no speed step faster than the ramp;
- every direction change passes through the turning speed and a full countdown;
- after STOP nothing starts the belt without a new user start;
- after a link loss the first command on reconnect is STOP.

Two shapes: a stateful machine (hypothesis ``RuleBasedStateMachine``) that lets the session run
and acts on it step by step, and a scripted headless run with random ``--inject`` events. Both
use the product's as-fast-as-possible loop (``session.clock``). ``HYPOTHESIS_PROFILE=long``
searches deeper than the default "ci" profile."""

from __future__ import annotations

import asyncio
import math

from hypothesis import given, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from session_safety import check_all
from session_world import Action, Record, run_fast

from treadmill_ctl.ftms.link import TreadmillLink
from treadmill_ctl.session.clock import SpeedupEventLoop
from treadmill_ctl.session.engine import SessionEngine
from treadmill_ctl.session.events import EndReason, SessionEvent
from treadmill_ctl.session.headless import INJECT_NAMES, target_unit_for
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan, Repeat, Step
from treadmill_ctl.settings import Settings
from treadmill_ctl.sim.profiles import BUILTIN_PROFILES
from treadmill_ctl.sim.treadmill import VirtualTreadmill
from treadmill_ctl.units import TurningStyle
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link

PROFILES = sorted(BUILTIN_PROFILES)
USER_ACTIONS = ("start", "stop", "pause", "resume", "skip", "extend", "faster", "slower")
FAULTS = ("link-drop", "safety-key", "control-lost", "console-stop", "console-pause")


@st.composite
def phases(draw: st.DrawFn) -> Phase:
    kind = draw(st.sampled_from(list(PhaseKind)))
    duration = draw(st.integers(5, 60))
    if kind is PhaseKind.BACKWARD:
        speed: float | None = draw(
            st.one_of(st.none(), st.floats(0.5, 9.0).map(lambda v: round(v, 1)))
        )
    else:
        speed = round(draw(st.floats(0.3, 22.0)), 1)
    return Phase(kind, float(duration), speed)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    steps: list[Step] = draw(st.lists(phases(), min_size=1, max_size=3))
    if draw(st.booleans()):
        block = tuple(draw(st.lists(phases(), min_size=1, max_size=2)))
        steps.insert(draw(st.integers(0, len(steps))), Repeat(draw(st.integers(1, 3)), block))
    style = draw(st.sampled_from([None, TurningStyle.STOP, TurningStyle.WALK]))
    return Plan.from_steps(
        "random",
        steps,
        turning_style=style,
        countdown_s=draw(st.sampled_from([None, 3, 5])),
    )


@st.composite
def settings_(draw: st.DrawFn) -> Settings:
    backward_cap = round(draw(st.floats(1.0, 8.0)), 1)
    return Settings(
        backward_cap_kmh=backward_cap,
        backward_default_kmh=min(3.0, backward_cap),
        forward_cap_kmh=round(draw(st.floats(3.0, 20.0)), 1),
        ramp_kmh_per_s=draw(st.sampled_from([0.2, 0.5, 1.0])),
        turning_style=draw(st.sampled_from(list(TurningStyle))),
        turning_walk_kmh=draw(st.sampled_from([0.5, 1.0, 1.5])),
        countdown_s=draw(st.sampled_from([3, 5])),
        start_countdown_s=draw(st.sampled_from([3, 5])),
    )


class SessionMachine(RuleBasedStateMachine):
    """A session on one loop that keeps running between rules: each rule lets session time
    pass, then acts (as the user, or as the machine/link)."""

    def __init__(self) -> None:
        super().__init__()
        self.runner = asyncio.Runner(loop_factory=lambda: SpeedupEventLoop(math.inf))
        self.events: list[SessionEvent] = []
        self.actions: list[Action] = []
        self.engine: SessionEngine | None = None
        self.link: TreadmillLink | None = None
        self.device: VirtualTreadmill | None = None
        self.task: asyncio.Task[EndReason] | None = None
        self.plan: Plan | None = None
        self.settings = Settings()

    @initialize(plan=plans(), settings=settings_(), profile=st.sampled_from(PROFILES))
    def open_session(self, plan: Plan, settings: Settings, profile: str) -> None:
        self.plan, self.settings = plan, settings
        note(f"profile {profile}")
        prof = BUILTIN_PROFILES[profile]

        async def open_() -> None:
            self.link, self.device = await open_simulated_link(
                prof, connect=False, target_unit=target_unit_for(prof)
            )
            self.engine = SessionEngine(self.link, plan, settings, listener=self.events.append)
            self.task = asyncio.get_running_loop().create_task(self.engine.run())
            await self.engine.wait_started()  # the session screen opens once connected

        self.runner.run(open_())
        self._act("start")

    def _now(self) -> float:
        assert self.engine is not None
        return self.engine.snapshot().t

    def _wait(self, seconds: float) -> None:
        self.runner.run(asyncio.sleep(seconds))

    def _act(self, name: str) -> None:
        engine, device = self.engine, self.device
        assert engine is not None
        assert device is not None
        self.actions.append(Action(self._now(), name, len(device.control_writes)))
        note(f"{self._now():.1f} {name} in {engine.state}")
        {
            "start": engine.user_start,
            "stop": engine.user_stop,
            "pause": engine.user_pause,
            "resume": engine.user_resume,
            "skip": engine.user_skip,
            "extend": lambda: engine.user_extend(10),
            "faster": lambda: engine.user_speed_delta(0.5),
            "slower": lambda: engine.user_speed_delta(-0.5),
            "link-drop": lambda: device.drop_link(5.0),
            "safety-key": device.pull_safety_key,
            "control-lost": device.revoke_control,
            "console-stop": device.console_stop,
            "console-pause": device.console_pause,
        }[name]()

    def _running(self) -> bool:
        return self.task is not None and not self.task.done()

    @rule(action=st.sampled_from(USER_ACTIONS), wait=st.floats(0.0, 40.0))
    def user_acts(self, action: str, wait: float) -> None:
        self._wait(wait)
        if self._running():
            self._act(action)

    @rule(fault=st.sampled_from(FAULTS), wait=st.floats(0.0, 40.0))
    def machine_acts(self, fault: str, wait: float) -> None:
        self._wait(wait)
        if self._running():
            self._act(fault)

    @rule(wait=st.floats(1.0, 120.0))
    def time_passes(self, wait: float) -> None:
        if self._running():
            self._wait(wait)

    def record(self) -> Record:
        assert self.engine is not None
        assert self.device is not None
        return Record(
            [e.to_json() for e in self.events],
            self.device,
            self.engine.started_at or 0.0,
            None,
            self.device.profile,
        )

    @invariant()
    def safe_so_far(self) -> None:
        if self.plan is None or self.engine is None:
            return
        check_all(self.record(), self.plan, self.settings, self.actions)

    def teardown(self) -> None:
        async def close() -> None:
            if self.engine is not None and self.task is not None and not self.task.done():
                self.engine.user_end()
                async with asyncio.timeout(600):
                    await self.task
            if self.link is not None and self.device is not None:
                await close_simulated_link(self.link, self.device)

        try:
            self.runner.run(close())
            if self.plan is not None and self.engine is not None:
                check_all(self.record(), self.plan, self.settings, self.actions)
                ends = [e for e in self.record().of("end")]
                assert len(ends) == 1
        finally:
            self.runner.close()


def test_session_state_machine_keeps_the_safety_rules() -> None:
    run_state_machine_as_test(
        SessionMachine, settings=settings(settings.default, stateful_step_count=12)
    )


@given(
    plan=plans(),
    settings=settings_(),
    profile=st.sampled_from(PROFILES),
    injects=st.lists(
        st.tuples(st.sampled_from(sorted(INJECT_NAMES)), st.integers(0, 400)), max_size=4
    ),
)
def test_headless_runs_with_random_injects_keep_the_safety_rules(
    plan: Plan, settings: Settings, profile: str, injects: list[tuple[str, int]]
) -> None:
    texts = [f"{name}@{at}" for name, at in injects]
    record = run_fast(plan, profile=profile, settings=settings, injects=texts)
    ends = record.of("end")
    assert len(ends) == 1
    assert ends[0]["reason"] == str(record.reason)
    if not injects:
        assert record.reason is EndReason.FINISHED, record.alerts()
    check_all(record, plan, settings, record.actions)
