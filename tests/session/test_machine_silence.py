"""The treadmill goes quiet (Treadmill Data stops, the link stays up): the pure machine warns,
holds every automatic change, re-subscribes once, and STOPs if the data does not come back
(issue 11, "The treadmill goes quiet"). Over the real link and the virtual treadmill:
test_session_silence.py."""

from __future__ import annotations

import pytest
from machine_bench import Bench

from treadmill_ctl.ftms.model import LinkState
from treadmill_ctl.session import machine_io as io
from treadmill_ctl.session.events import AlertEvent, CueEvent, CueKind, EndReason, SessionState
from treadmill_ctl.session.plan import Phase, PhaseKind, Plan
from treadmill_ctl.session.watchdog import LATE_LOOKS_FORGIVEN
from treadmill_ctl.settings import Settings

S = SessionState


def plan() -> Plan:
    return Plan.from_steps(
        "quiet",
        [
            Phase(PhaseKind.WARMUP, 60, 3.0),
            Phase(PhaseKind.FORWARD, 60, 5.0),
            Phase(PhaseKind.BACKWARD, 60, 2.5),
        ],
    )


def bench_in(state: SessionState, *, settings: Settings | None = None, **kw: object) -> Bench:
    bench = Bench(plan=plan(), settings=settings or Settings(), **kw)  # type: ignore[arg-type]
    bench.user(io.UserAction.START)
    end = bench.t + 200
    while bench.state is not state:
        assert bench.t < end, f"not {state} (is {bench.state})"
        bench.run_normally(0.25)
    return bench


def since(bench: Bench, mark: int) -> list[tuple[float, io.Effect]]:
    return bench.effects[mark:]


def effects_of(bench: Bench, mark: int, kind: type) -> list[tuple[float, io.Effect]]:
    return [(t, e) for t, e in since(bench, mark) if isinstance(e, kind)]


def alerts_since(bench: Bench, mark: int, code: str) -> list[tuple[float, str]]:
    return [
        (t, e.event.message)
        for t, e in since(bench, mark)
        if isinstance(e, io.Emit) and isinstance(e.event, AlertEvent) and e.event.code == code
    ]


def cues_since(bench: Bench, mark: int, kind: CueKind) -> list[float]:
    return [
        t
        for t, e in since(bench, mark)
        if isinstance(e, io.Emit) and isinstance(e.event, CueEvent) and e.event.cue is kind
    ]


def test_silence_while_running_warns_resubscribes_once_then_stops_and_says_why() -> None:
    bench = bench_in(S.RUNNING_PHASE)
    bench.run_normally(5)
    mark, t_quiet = len(bench.effects), bench.t
    bench.sending = False
    bench.run_normally(1.9)
    assert alerts_since(bench, mark, "data_stale") == []  # 1.9 s: not yet
    bench.run_normally(0.2)
    (t_warn, warning), *_ = alerts_since(bench, mark, "data_stale")
    assert t_warn == pytest.approx(t_quiet + 2.0, abs=0.3)  # the 2 s minimum limit
    assert "holding every automatic change" in warning
    assert cues_since(bench, mark, CueKind.NO_DATA) == [t_warn]  # with its sound
    assert len(effects_of(bench, mark, io.Resubscribe)) == 1
    assert bench.machine.snapshot(bench.t, LinkState.CONNECTED).data_stale
    bench.run_normally(4.8)
    assert effects_of(bench, mark, io.SendStop) == []
    assert bench.state is S.RUNNING_PHASE
    bench.run_normally(0.4)
    (t_stop, _stop), *_ = effects_of(bench, mark, io.SendStop)
    assert t_stop == pytest.approx(t_warn + 5.0, abs=0.3)
    (_, why), *_ = alerts_since(bench, mark, "data_lost")
    assert why.startswith("The treadmill stopped sending its speed")
    bench.run_normally(5)
    assert bench.state is S.STOPPED  # the user decides what next
    assert not bench.ended
    assert len(effects_of(bench, mark, io.Resubscribe)) == 1  # once
    assert len(alerts_since(bench, mark, "data_stale")) == 1
    bench.user(io.UserAction.END)
    assert bench.machine.end_reason is EndReason.STOPPED_BY_MACHINE


def test_no_speed_increase_while_silent_and_the_ramp_goes_on_when_data_is_back() -> None:
    bench = bench_in(S.RUNNING_PHASE)
    bench.run_normally(54)  # the warm-up ends at 60 s: the ramp to 5.0 follows
    bench.sending = False
    mark = len(bench.effects)
    bench.run_normally(6.5)  # warned at 2 s; the phase ends at 6 s: the ramp up is held
    assert bench.state is S.RAMPING
    held = [e.value for _, e in effects_of(bench, mark, io.Send) if e.op is io.Cmd.SET_SPEED]
    assert all(v is not None and v <= 3.0 + 1e-6 for v in held), held
    bench.run_normally(1)
    assert effects_of(bench, mark, io.SendStop)  # 2 + 5 s: stopped
    # The same, with the data back before the 5 s are up.
    bench = bench_in(S.RUNNING_PHASE)
    bench.run_normally(57)
    bench.sending = False
    mark = len(bench.effects)
    bench.run_normally(5.5)  # warned at 2 s, held since
    assert alerts_since(bench, mark, "data_stale")
    assert bench.state is S.RAMPING
    ups = [e.value for _, e in effects_of(bench, mark, io.Send) if e.op is io.Cmd.SET_SPEED]
    assert all(v is not None and v <= 3.0 + 1e-6 for v in ups), ups
    bench.sending = True
    bench.run_normally(0.5)
    assert alerts_since(bench, mark, "data_back")
    assert not bench.machine.snapshot(bench.t, LinkState.CONNECTED).data_stale
    bench.run_normally(10)
    assert effects_of(bench, mark, io.SendStop) == []
    assert bench.state is S.RUNNING_PHASE  # went on from where it held
    speeds = [e.value for _, e in effects_of(bench, mark, io.Send) if e.op is io.Cmd.SET_SPEED]
    assert speeds[-1] == pytest.approx(5.0)


def test_the_turn_around_waits_for_live_data() -> None:
    bench = bench_in(S.RUNNING_PHASE)
    bench.run_normally(60 + 8)  # into the forward phase at 5.0
    end = bench.t + 80
    while bench.state is not S.SLOWING_TO_TURN:
        assert bench.t < end
        bench.run_normally(0.25)
    bench.sending = False
    mark = len(bench.effects)
    bench.run_normally(4)  # the belt slows down (unseen); the warning is on
    assert alerts_since(bench, mark, "data_stale")
    assert bench.state is S.SLOWING_TO_TURN  # no turn countdown on a stale speed
    bench.sending = True
    bench.run_normally(25)
    assert effects_of(bench, mark, io.SendStop) == []
    assert S.TURN_COUNTDOWN in bench.states()


def test_the_limit_is_three_record_intervals_of_a_slow_machine() -> None:
    bench = bench_in(S.RUNNING_PHASE, data_interval_s=1.0)
    bench.run_normally(10)
    assert bench.machine._data_watch.limit_s == pytest.approx(3.0)
    mark, t_quiet = len(bench.effects), bench.t
    bench.sending = False
    bench.run_normally(2.5)
    assert alerts_since(bench, mark, "data_stale") == []
    bench.run_normally(1.5)
    (t_warn, _), *_ = alerts_since(bench, mark, "data_stale")
    assert t_warn - t_quiet == pytest.approx(3.0, abs=1.01)  # 3 s after the last record


def test_stop_is_never_held() -> None:
    bench = bench_in(S.RUNNING_PHASE)
    bench.sending = False
    bench.run_normally(2.5)
    assert bench.machine._data_watch.holding
    effects = bench.user(io.UserAction.STOP)
    assert any(isinstance(e, io.SendStop) for e in effects)


def test_a_quiet_treadmill_with_the_belt_still_is_not_an_alarm() -> None:
    bench = Bench(plan=plan())
    bench.sending = False
    bench.run_normally(30)  # idle: many consoles send nothing at rest
    assert bench.alerts("data_stale") == []
    bench = bench_in(S.RUNNING_PHASE)
    bench.user(io.UserAction.PAUSE)
    bench.run_normally(10)
    bench.sending = False
    bench.run_normally(30)
    assert bench.state is S.PAUSED
    assert bench.alerts("data_stale") == []


def test_a_wait_for_the_belt_to_slow_down_on_a_quiet_treadmill_ends_in_a_stop() -> None:
    # The data stops while the belt runs down after a pause: the resume's countdown waits
    # for the belt to be still, which a stale speed never says. STOP, not a 45 s wait.
    bench = bench_in(S.RUNNING_PHASE)
    bench.user(io.UserAction.PAUSE)
    bench.run_normally(0.5)
    assert bench.belt_kmh > 1.0  # still running down
    bench.sending = False
    bench.run_normally(20)
    assert bench.alerts("data_stale") == []  # paused: no alarm
    mark = len(bench.effects)
    bench.user(io.UserAction.RESUME)
    bench.run_normally(2.1)
    assert alerts_since(bench, mark, "data_stale")
    bench.run_normally(5)
    assert alerts_since(bench, mark, "data_lost")
    assert bench.state is S.STOPPED
    assert [e for _, e in effects_of(bench, mark, io.Send) if e.op is io.Cmd.START] == []


def test_a_belt_that_ran_ahead_while_unseen_is_stopped_when_the_data_is_back() -> None:
    # A console that resumes at its remembered speed while no data comes: when the data is
    # back the belt runs far above what the session asked for. STOP; never adopt that speed.
    bench = bench_in(S.RUNNING_PHASE)
    bench.run_normally(5)
    bench.sending = False
    bench.run_normally(2.5)
    assert bench.machine._data_watch.holding
    mark = len(bench.effects)
    bench.target_kmh = 6.0  # the belt speeds up on its own, unseen
    bench.move(3)
    bench.sending = True
    bench.move(0.25)
    assert effects_of(bench, mark, io.SendStop)
    (_, why), *_ = alerts_since(bench, mark, "data_lost")
    assert "after the treadmill was silent" in why
    assert alerts_since(bench, mark, "data_back") == []


def test_before_the_interval_is_measured_the_checked_limit_applies() -> None:
    # A treadmill whose check learned "data every 1.5 s": its limit is 4.5 s from the first
    # record on, before the session has measured the interval itself; then the measured one.
    from treadmill_ctl.session.watchdog import DataWatchdog

    checked, unchecked = DataWatchdog(checked_limit_s=4.5), DataWatchdog()
    for watch in (checked, unchecked):
        watch.seen(10.0)
    assert unchecked.stale(12.5)  # the default 2 s
    assert not checked.stale(12.5)
    assert not checked.stale(14.4)
    assert checked.stale(14.6)
    checked.seen(10.25)  # now measured: 4 records a second, the 2 s floor
    assert checked.limit_s == pytest.approx(2.0)
    assert DataWatchdog(checked_limit_s=0.5).limit_s == pytest.approx(2.0)  # never below 2 s


def test_a_stalled_loop_is_not_a_silent_treadmill() -> None:
    # The app's loop does not run for a minute (a loaded machine, a sped-up test: 1 s of
    # stall is 60 s of session at 60x) while the treadmill goes on sending: its records wait
    # unread. When the loop runs again the watchdog's timer fires first, and the loop catches
    # up slowly (4 s of loop time before the first waiting record is read). Neither a warning
    # nor a STOP: the treadmill never went quiet.
    bench = bench_in(S.RUNNING_PHASE)
    bench.run_normally(5)
    mark = len(bench.effects)
    bench.t += 60  # stalled: nothing ran
    bench.feed(io.Tick(bench.t))  # the overdue watchdog timer
    bench.t += 4
    bench.data()  # the first of the records that waited
    bench.run_normally(10)
    assert alerts_since(bench, mark, "data_lost") == []
    assert effects_of(bench, mark, io.SendStop) == []
    assert alerts_since(bench, mark, "data_stale") == []
    assert bench.state is S.RUNNING_PHASE


def test_a_stall_during_the_warning_is_not_counted_towards_the_stop() -> None:
    # A real hiccup of the treadmill warns; its data is back just after, but the loop stalls
    # before it reads it: the late look ends in no STOP, the waiting record ends the warning.
    bench = bench_in(S.RUNNING_PHASE)
    bench.run_normally(5)
    mark = len(bench.effects)
    bench.sending = False
    bench.run_normally(2.5)
    assert alerts_since(bench, mark, "data_stale")
    bench.t += 30  # stalled
    bench.feed(io.Tick(bench.t))
    bench.t += 2
    bench.sending = True
    bench.data()
    bench.run_normally(10)
    assert effects_of(bench, mark, io.SendStop) == []
    assert alerts_since(bench, mark, "data_back")
    assert bench.state is S.RUNNING_PHASE


def test_a_silent_treadmill_behind_a_stalled_loop_still_stops() -> None:
    # Really quiet, and the loop stalls too: once it runs again the silence is counted from
    # there, the warning within the limit and the STOP 5 s after it; a loop late at every
    # look (each timer 3 s late) still gets both.
    bench = bench_in(S.RUNNING_PHASE)
    bench.run_normally(5)
    mark = len(bench.effects)
    bench.sending = False
    bench.t += 30
    bench.feed(io.Tick(bench.t))
    t_back = bench.t
    bench.run_normally(2.1)
    (t_warn, _), *_ = alerts_since(bench, mark, "data_stale")
    assert t_warn == pytest.approx(t_back + 2.0, abs=0.3)
    bench.run_normally(5.2)
    (t_stop, _), *_ = effects_of(bench, mark, io.SendStop)
    assert t_stop == pytest.approx(t_warn + 5.0, abs=0.3)
    assert bench.state is S.STOPPED

    bench = bench_in(S.RUNNING_PHASE)
    bench.run_normally(5)
    mark = len(bench.effects)
    bench.sending = False
    for _ in range(2 * (LATE_LOOKS_FORGIVEN + 1)):
        assert bench.wake is not None
        bench.t = bench.wake + 3.0  # every look 3 s late
        bench.feed(io.Tick(bench.t))
    assert alerts_since(bench, mark, "data_stale")
    assert effects_of(bench, mark, io.SendStop)
