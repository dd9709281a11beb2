"""The steps of a session's flow: where the plan is between two inputs.

The old engine ran the plan as coroutines that ``await``-ed commands, the belt and the clock.
The machine names each of those waits instead: a ``Step`` is what the flow waits for, and
``WAKES`` says which inputs move it on. A flow belongs to the moving and countdown states; any
other state has the step ``NONE``.
"""

from __future__ import annotations

import enum
from typing import Final

__all__ = ["WAKES", "Belt", "Signal", "Step"]


class Belt(enum.StrEnum):
    """The machine's second region: who moves the belt."""

    STILL = "still"  # not started by this session, or stopped or paused since
    RUNNING = "running"  # this session started it and nothing stopped or paused it since
    CONSOLE = "console"  # the runner started it on the console (paused/stopped): not fought


class Signal(enum.StrEnum):
    """What can move a waiting step on."""

    TIME = "time"  # its wake time came
    DATA = "data"  # a Treadmill Data record
    POKE = "poke"  # a user's skip, extend or speed change; the heart-rate cap's slow-down


class Step(enum.StrEnum):
    """Where the flow is: what it does next, or what it waits for."""

    NONE = "none"  # no flow (waiting for the user, stopped, link lost...)
    WAIT_STILL = "wait_still"  # before a start/resume countdown: the belt to be still
    COUNTDOWN = "countdown"  # counting down, one number a second
    PLAN = "plan"  # the top of a phase: announce it, start the belt if needed
    PRESETTING = "presetting"  # the start speed written as the target before Start: its answer
    STARTING_BELT = "starting_belt"  # Start written: its answer
    PINNING = "pinning"  # the start speed written at once after Start: its answer
    WAIT_MOVING = "wait_moving"  # Start answered: the belt to move (at most 10 s)
    INCLINE = "incline"  # the phase's incline, if any
    SETTING_INCLINE = "setting_incline"  # incline written: its answer
    RAMP = "ramp"  # set-points towards the phase's speed, then its reported speed
    REACHED = "reached"  # the phase's speed is reached: its clock starts
    CLOCK = "clock"  # the phase's clock runs (and follows speed changes)
    CLOCK_CUED = "clock_cued"  # ... and what comes after the phase has been cued
    PHASE_OVER = "phase_over"  # the phase is done or skipped: the next one, a turn, the end
    SLOW_TO_TURN = "slow_to_turn"  # a turn-around begins
    RAMP_DOWN = "ramp_down"  # set-points down to the turning/finishing speed
    PAUSE_FOR_TURN = "pause_for_turn"  # at the machine's minimum: pause to turn stopped
    PAUSING_FOR_TURN = "pausing_for_turn"  # pause written: its answer
    STOPPING_FOR_TURN = "stopping_for_turn"  # the pause was refused: STOP, its outcome
    WAIT_TURNING = "wait_turning"  # the reported speed to be at/below the turning speed
    SETPOINT_SENT = "setpoint_sent"  # a set-point written: its answer
    BACKOFF = "backoff"  # a set-point was refused: one second before the next
    FINISH = "finish"  # the plan is over: slow down, then STOP
    FINISH_STOP = "finish_stop"  # at the machine's minimum: STOP
    FINISH_STOPPING = "finish_stopping"  # STOP written: its outcome


_T = frozenset({Signal.TIME})
_TD = frozenset({Signal.TIME, Signal.DATA})
_TP = frozenset({Signal.TIME, Signal.POKE})
_TDP = frozenset({Signal.TIME, Signal.DATA, Signal.POKE})

WAKES: Final[dict[Step, frozenset[Signal]]] = {
    Step.WAIT_STILL: _TD,
    Step.COUNTDOWN: _T,
    Step.WAIT_MOVING: _TD,
    Step.RAMP: _TDP,  # a wait for the next step wakes on time or a poke only (see ramp)
    Step.CLOCK: _TP,
    Step.CLOCK_CUED: _TP,
    Step.RAMP_DOWN: _T,
    Step.WAIT_TURNING: _TD,
    Step.BACKOFF: _T,
}
"""The inputs each waiting step wakes on (the other steps wait for a command's answer, or run
on at once)."""
