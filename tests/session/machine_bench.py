"""A pure ``SessionMachine`` on a test bench: inputs fed by hand or by hypothesis, every effect
recorded with its time, and a small treadmill model that answers commands when asked. No event
loop: time is the bench's own number."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from treadmill_ctl.ftms.model import (
    Capabilities,
    CommandOutcome,
    MachineStatus,
    MachineStatusKind,
    Op,
    Result,
    SettingRange,
    StopOutcome,
    TreadmillData,
)
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import (
    AlertEvent,
    CountdownEvent,
    CueEvent,
    EndEvent,
    PhaseEvent,
    SessionEvent,
    SessionState,
    StateEvent,
)
from treadmill_ctl.session.machine import SessionMachine
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan, Repeat
from treadmill_ctl.settings import Settings

CAPS = Capabilities(SettingRange(1.0, 12.0, 0.1), None, True, False)
_OPS = {io.Cmd.START: Op.START, io.Cmd.PAUSE: Op.PAUSE, io.Cmd.SET_SPEED: Op.SET_SPEED}
BELT_RATE_KMH_PER_S = 1.0  # how fast the model's belt follows its target


def short_plan() -> Plan:
    """Seconds-long phases in both directions: a few hundred inputs cover a whole session."""
    return Plan.from_steps(
        "bench",
        [
            Phase(PhaseKind.WARMUP, 6, 3.0),
            Repeat(2, (Phase(PhaseKind.BACKWARD, 5, 2.5), Phase(PhaseKind.RECOVERY, 5, 4.0))),
            Phase(PhaseKind.COOLDOWN, 4, 3.5),
        ],
    )


@dataclass
class Bench:
    """One machine, its effects, and a treadmill that does what it is told when asked."""

    plan: Plan = field(default_factory=short_plan)
    settings: Settings = field(default_factory=Settings)
    caps: Capabilities = CAPS
    t: float = 100.0
    machine: SessionMachine = field(init=False)
    effects: list[tuple[float, io.Effect]] = field(default_factory=list)
    inputs: list[io.Input] = field(default_factory=list)
    commands: deque[io.Send] = field(default_factory=deque)  # unanswered, oldest first
    stops: deque[io.SendStop] = field(default_factory=deque)
    wake: float | None = None
    link_up: bool = True
    connecting: bool = False
    belt_kmh: float = 0.0  # what the belt does (and reports)
    target_kmh: float = 0.0  # what the model's console aims at
    running: bool = False
    ended: bool = False
    sending: bool = True  # the treadmill sends Treadmill Data (False: it went quiet)
    data_interval_s: float | None = None  # None: a record at every step of ``move``
    _next_data: float = 0.0
    observers: list[Callable[[Bench, io.Input, list[io.Effect]], None]] = field(
        default_factory=list
    )

    def __post_init__(self) -> None:
        self.machine = SessionMachine(self.plan, self.settings)
        self.feed(io.Opening(self.t))
        self.feed(io.Begin(self.t, self.caps))

    # ---- feeding -----------------------------------------------------------------------

    def feed(self, inp: io.Input) -> list[io.Effect]:
        self.inputs.append(inp)
        out = self.machine.feed(inp)
        for effect in out:
            self.effects.append((self.t, effect))
            match effect:
                case io.Send():
                    self.commands.append(effect)
                case io.SendStop():
                    self.stops.append(effect)
                case io.WakeAt(t):
                    self.wake = t
                case io.Connect():
                    self.connecting = True
                case io.End():
                    self.ended = True
                case _:
                    pass
        for observe in self.observers:
            observe(self, inp, out)
        return out

    def user(self, action: io.UserAction, value: float = 0.0) -> list[io.Effect]:
        return self.feed(io.User(self.t, action, value))

    def data(self) -> list[io.Effect]:
        return self.feed(io.Data(self.t, TreadmillData(speed_kmh=round(self.belt_kmh, 2))))

    def status(self, kind: MachineStatusKind, value: float | None = None) -> list[io.Effect]:
        return self.feed(io.Status(self.t, MachineStatus(kind, value)))

    # ---- the treadmill model -----------------------------------------------------------

    def answer(self, result: Result = Result.SUCCESS) -> list[io.Effect]:
        """Answer the oldest command (a link that is down answers ERROR at once)."""
        send = self.commands.popleft()
        if not self.link_up:
            result = Result.ERROR
        if result is Result.SUCCESS:
            match send.op:
                case io.Cmd.START:
                    self.running = True
                    self.target_kmh = max(self.target_kmh, self.caps.speed.minimum)
                case io.Cmd.PAUSE:
                    self.running = False
                case io.Cmd.SET_SPEED:
                    self.target_kmh = send.value or 0.0
                case _:
                    pass
        outcome = CommandOutcome(_OPS.get(send.op, Op.SET_INCLINE), send.value, "", result)
        return self.feed(io.CommandDone(self.t, send.cmd, outcome, self.link_up))

    def answer_stop(self, *, confirmed: bool = True) -> list[io.Effect]:
        stop = self.stops.popleft()
        confirmed = confirmed and self.link_up
        if confirmed:
            self.running = False
        return self.feed(io.StopDone(self.t, stop.cmd, StopOutcome(confirmed, 1, "speed")))

    def answer_all(self) -> None:
        while self.commands or self.stops:
            if self.stops:
                self.answer_stop()
            else:
                self.answer()

    def move(self, dt: float) -> None:
        """Time passes: the belt follows the console, data records come, timers fire."""
        end = self.t + dt
        while self.t < end - 1e-9:
            step = min(0.25, end - self.t)
            if self.wake is not None and self.t < self.wake < self.t + step:
                step = self.wake - self.t
            self.t += step
            aim = self.target_kmh if self.running else 0.0
            delta = BELT_RATE_KMH_PER_S * step
            self.belt_kmh += max(-delta, min(delta, aim - self.belt_kmh))
            if self.running and self.belt_kmh < self.caps.speed.minimum:
                self.belt_kmh = min(aim, self.caps.speed.minimum)
            if self.link_up and self.sending and self.t >= self._next_data - 1e-9:
                self._next_data = self.t + (self.data_interval_s or 0.0)
                self.data()
            if self.wake is not None and self.t >= self.wake - 1e-9:
                self.wake = None
                self.feed(io.Tick(self.t))

    def lose_link(self) -> list[io.Effect]:
        self.link_up = False
        return self.feed(io.LinkLost(self.t))

    def connect(self, *, ok: bool = True) -> list[io.Effect]:
        self.connecting = False
        if ok:
            self.link_up = True
            return self.feed(io.LinkBack(self.t, self.caps))
        return self.feed(io.ConnectFailed(self.t, "not found", user_can_act=True))

    def run_normally(self, seconds: float) -> None:
        """A well-behaved treadmill for ``seconds``: every command answered at once."""
        end = self.t + seconds
        while self.t < end - 1e-9 and not self.ended:
            self.answer_all()
            if self.connecting:
                self.connect()
                continue
            self.move(min(0.5, end - self.t))
        self.answer_all()

    # ---- reading -----------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self.machine.state

    def events(self) -> list[SessionEvent]:
        return [e.event for _, e in self.effects if isinstance(e, io.Emit)]

    def states(self) -> list[SessionState]:
        return [e.state for e in self.events() if isinstance(e, StateEvent)]

    def alerts(self, code: str | None = None) -> list[AlertEvent]:
        return [
            e
            for e in self.events()
            if isinstance(e, AlertEvent) and (code is None or e.code == code)
        ]

    def cues(self) -> list[CueEvent]:
        return [e for e in self.events() if isinstance(e, CueEvent)]

    def countdowns(self) -> list[CountdownEvent]:
        return [e for e in self.events() if isinstance(e, CountdownEvent)]

    def phases(self) -> list[PhaseEvent]:
        return [e for e in self.events() if isinstance(e, PhaseEvent)]

    def sends(self, op: io.Cmd | None = None) -> list[tuple[float, io.Send]]:
        return [
            (t, e) for t, e in self.effects if isinstance(e, io.Send) and (op is None or e.op is op)
        ]

    def end_events(self) -> list[EndEvent]:
        return [e for e in self.events() if isinstance(e, EndEvent)]
