"""What the session screen shows, in words and numbers, from a session's snapshot (no Qt).

``present(...)`` turns one ``SessionSnapshot`` (or none: no session prepared) into the screen's
values in groups (state, phase, clock, readings, countdown, link, alert); the session bridge
publishes each group and emits its signal only when a value in it changed (a session's
summary: ``summary_presenter.py``). Tests can call it without a QGuiApplication.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app import formatting
from treadmill_ctl.app.timeline_layout import layout_of
from treadmill_ctl.ftms.model import LinkState
from treadmill_ctl.session.estimate import estimate_plan, estimate_text, remaining_s
from treadmill_ctl.session.events import CountdownReason, SessionState
from treadmill_ctl.session.plan import Phase, Plan
from treadmill_ctl.session.states import ACTIVE_STATES, MOVING_STATES, PAUSABLE_STATES
from treadmill_ctl.settings import Settings
from treadmill_ctl.statistics import clock_text
from treadmill_ctl.texts import tr
from treadmill_ctl.units import Direction, TurningStyle

if TYPE_CHECKING:  # the engine loads after the window has shown (see session_bridge)
    from treadmill_ctl.ftms.api import TreadmillControl
    from treadmill_ctl.session.engine import SessionSnapshot

S = SessionState

type Groups = dict[str, dict[str, Any]]

STATE_TEXT: Final[dict[SessionState, str]] = {
    S.IDLE: tr("Ready"),
    S.STARTING_COUNTDOWN: tr("Starting"),
    S.RAMPING: tr("Changing speed"),
    S.RUNNING_PHASE: tr("Running"),
    S.SLOWING_TO_TURN: tr("Slowing down to turn"),
    S.TURN_COUNTDOWN: tr("Turn around"),
    S.PAUSED: tr("Paused"),
    S.RESUME_COUNTDOWN: tr("Resuming"),
    S.STOPPING: tr("Stopping"),
    S.FINISHING: tr("Finishing"),
    S.STOPPED: tr("Stopped"),
    S.FINISHED: tr("Finished"),
    S.LINK_LOST: tr("Connection lost"),
}
LINK_TEXT: Final[dict[LinkState, str]] = {
    LinkState.DISCONNECTED: tr("Not connected"),
    LinkState.CONNECTING: tr("Connecting…"),
    LinkState.CONNECTED: tr("Connected"),
    LinkState.LOST: tr("Connection lost"),
}
BANNER_ALERTS: Final = frozenset({"link_lost", "stop_pending", "stop_not_confirmed"})
"""Alerts the screens show as banners of their own (not as passing notices)."""

COUNTDOWN_TITLE: Final[dict[CountdownReason, str]] = {
    CountdownReason.START: tr("Starting in"),
    CountdownReason.TURN: tr("Belt stopped — turn around"),
    CountdownReason.RESUME: tr("Resuming in"),
}
# The big word on the session screen and its tone (the colour QML gives it): the direction
# while the belt runs a phase, otherwise what the session is doing.
HEADLINES: Final[dict[SessionState, tuple[str, str]]] = {
    S.IDLE: (tr("READY"), "neutral"),
    S.STARTING_COUNTDOWN: (tr("GET READY"), "neutral"),
    # A turn-around in stages: the runner keeps running the old way while the belt slows
    # down, and turns only once the treadmill reports the turning speed (the countdown).
    S.SLOWING_TO_TURN: (tr("SLOWING DOWN"), "turn"),
    S.TURN_COUNTDOWN: (tr("TURN AROUND"), "turn"),
    S.PAUSED: (tr("PAUSED"), "paused"),
    S.RESUME_COUNTDOWN: (tr("GET READY"), "neutral"),
    S.STOPPING: (tr("STOPPING"), "stop"),
    S.FINISHING: (tr("SLOWING DOWN"), "neutral"),
    S.STOPPED: (tr("STOPPED"), "stop"),
    S.FINISHED: (tr("DONE"), "neutral"),
    S.LINK_LOST: (tr("CONNECTION LOST"), "stop"),
}


# Why the phase clock stands still (the time left in the phase waits for these).
TIMER_NOTES: Final[dict[SessionState, str]] = {
    S.IDLE: tr("starts at speed"),
    S.STARTING_COUNTDOWN: tr("starts at speed"),
    S.RAMPING: tr("starts at speed"),
    S.SLOWING_TO_TURN: tr("starts after the turn"),
    S.TURN_COUNTDOWN: tr("starts after the turn"),
    S.RESUME_COUNTDOWN: tr("starts at speed"),
    S.PAUSED: tr("held: paused"),
    S.STOPPED: tr("held: stopped"),
    S.LINK_LOST: tr("held: connection lost"),
}
# States in which the belt's speed changes on its way somewhere (the big number is the belt's).
CHANGING_STATES: Final = frozenset(
    {S.RAMPING, S.SLOWING_TO_TURN, S.TURN_COUNTDOWN, S.FINISHING, S.STOPPING}
)
SPEED_SHOWN_AS_REACHED_KMH: Final = 0.15  # the belt this close to the target: at speed


def _direction(value: Direction | None) -> str:
    return str(value) if value is not None else ""


def _turns_walking(plan: Plan | None, settings: Any) -> bool:
    style = (plan.turning_style if plan is not None else None) or getattr(
        settings, "turning_style", TurningStyle.STOP
    )
    return str(style) == TurningStyle.WALK.value


def _turning_kmh(plan: Plan | None, settings: Any) -> float:
    """The speed a turn-around slows to (0: stopped)."""
    if not _turns_walking(plan, settings):
        return 0.0
    walk = (plan.turning_walk_kmh if plan is not None else None) or getattr(
        settings, "turning_walk_kmh", 1.0
    )
    return min(float(walk or 1.0), 1.5)


def headline_detail(snap: SessionSnapshot | None, plan: Plan | None, settings: Any) -> str:
    """The line under the headline: what to do now, in the stages of a turn-around."""
    if snap is None:
        return ""
    backward = snap.facing is Direction.BACKWARD
    if snap.state is S.SLOWING_TO_TURN:
        return tr("Keep running backward") if backward else tr("Keep running forward")
    if snap.state is S.TURN_COUNTDOWN:
        return tr("Belt at walking speed") if _turns_walking(plan, settings) else tr("Belt stopped")
    if snap.state is S.FINISHING:
        return (
            tr("Keep running backward until the belt stops")
            if backward
            else tr("Keep running forward until the belt stops")
        )
    return ""


def headline(state: SessionState | None, direction: str) -> tuple[str, str]:
    """The big word and its tone for ``state`` (a phase shows its direction)."""
    if state is None:
        return (tr("NO SESSION"), "neutral")
    if state in HEADLINES:
        return HEADLINES[state]
    return (tr("BACKWARD"), "backward") if direction == "backward" else (tr("FORWARD"), "forward")


def present(
    snap: SessionSnapshot | None,
    *,
    plan: Plan | None,
    link: TreadmillControl | None,
    settings: Any,
    ended: bool = False,
    blocks_done: int | None = None,
    now: datetime | None = None,
) -> Groups:
    """The screen's values for ``snap`` of a session of ``plan`` (``snap`` None: no session
    prepared, ``plan`` the chosen one if any); ``ended``: that session is over (nothing more
    can be done in it); ``now``: the local wall-clock time, for the estimated finish (None:
    not shown)."""
    unit = str(getattr(settings, "speed_unit", "kmh"))
    dunit = str(getattr(settings, "distance_unit", "metric"))
    backward_default = float(getattr(settings, "backward_default_kmh", 3.0))
    phase = _phase(snap, plan, unit, backward_default, blocks_done)
    phase["headlineDetail"] = headline_detail(snap, plan, settings)
    return {
        "state": _state(snap, plan, link, ended=ended),
        "phase": phase,
        "clock": _clock(snap, plan, settings, now=now, ended=ended, machine_min=_machine_min(link)),
        "readings": _readings(snap, unit, dunit, heading_kmh=_heading(snap, plan, settings)),
        "countdown": _countdown(snap),
        "link": _link(snap, link, unit),
        "alert": _alert(snap, unit),
        "freshness": _freshness(snap),
    }


def _state(
    snap: SessionSnapshot | None, plan: Plan | None, link: TreadmillControl | None, *, ended: bool
) -> dict[str, Any]:
    if snap is None:
        hint = (
            tr("Connect to your treadmill first")
            if link is None
            else tr("Choose a preset")
            if plan is None
            else ""
        )
        return {
            "state": "",
            "stateText": tr("No session"),
            "active": False,
            "moving": False,
            "canStart": False,
            "canPause": False,
            "canResume": False,
            "paused": False,
            "canSkip": False,
            "canExtend": False,
            "canChangeSpeed": False,
            "canEnd": False,
            "hint": hint,
            "presetName": plan.name if plan is not None else "",
            "hasLink": link is not None,
            "hasPlan": plan is not None,
        }
    s = snap.state
    waiting = snap.waiting_for
    running = s in (S.RAMPING, S.RUNNING_PHASE) and not ended
    hint = {
        "start": tr("Press Enter or START to begin"),
        "resume": tr("Press P or RESUME to continue"),
    }.get(waiting or "", "")
    if s is S.LINK_LOST:
        hint = tr("Reconnecting to the same treadmill…")
    if s is S.STOPPED:
        hint = tr("Stopped. Press Enter to start again, or END to finish")
    if ended:
        # A new session starts with Enter (the app makes one for the same plan).
        hint = tr("Session over. Press Enter or START for a new one")
    return {
        "state": str(s),
        "stateText": STATE_TEXT.get(s, str(s).replace("_", " ").capitalize()),
        "active": s in ACTIVE_STATES and not ended,
        "moving": s in MOVING_STATES and not ended,
        "canStart": ended or waiting == "start" or s in (S.IDLE, S.STOPPED),
        "canPause": s in PAUSABLE_STATES and not ended,
        "canResume": s is S.PAUSED and not ended,
        "paused": s is S.PAUSED,
        "canSkip": running,
        "canExtend": running,
        "canChangeSpeed": running,
        "canEnd": s is S.STOPPED and not ended,
        "hint": hint,
        "presetName": plan.name if plan is not None else "",
        "hasLink": True,
        "hasPlan": True,
    }


def _phase_detail(duration: float, speed: float | None, unit: str) -> str:
    return tr(
        "{duration} at {speed} {unit}",
        duration=formatting.duration_text(duration),
        speed=formatting.speed_text(speed, unit),
        unit=formatting.speed_unit_label(unit),
    )


def _phase(
    snap: SessionSnapshot | None,
    plan: Plan | None,
    unit: str,
    backward_default: float,
    blocks_done: int | None,
) -> dict[str, Any]:
    phases: tuple[Phase, ...] = plan.phases if plan is not None else ()
    drawn = layout_of(phases)
    timeline = [
        {"direction": b.direction, "start": b.start_s, "duration": b.duration_s, "phases": b.phases}
        for b in drawn.blocks
    ]
    start = sum(b.duration_s for b in drawn.blocks)
    phase = snap.phase if snap is not None else None
    nxt = snap.next_phase if snap is not None else None
    if snap is None and phases:
        first = phases[0]
        title, direction, kind, index = first.label, _direction(first.direction), "", -1
    elif phase is not None:
        title, direction = phase.name or phase.kind.label, _direction(phase.direction)
        kind, index = str(phase.kind), phase.index
    else:
        title, direction, kind, index = "", "forward", "", -1
    if snap is not None and snap.state is S.IDLE and nxt is None and phases and plan is not None:
        # Before the start the "next" phase is the first one.
        first = phases[0]
        nxt_title, nxt_dir = first.label, _direction(first.direction)
        nxt_detail = _phase_detail(
            first.duration_s, plan.resolved_speed(first, backward_default), unit
        )
    elif nxt is not None:
        nxt_title, nxt_dir = nxt.name or nxt.kind.label, _direction(nxt.direction)
        nxt_detail = _phase_detail(nxt.duration_s, nxt.target_speed_kmh, unit)
    else:
        nxt_title, nxt_dir, nxt_detail = "", "", ""
    blocks_text = ""
    if snap is not None and snap.blocks_total:
        in_block = phase is not None and phase.direction is Direction.BACKWARD
        # The block's place in the plan (a skipped block before it still came first), and the
        # blocks done as the summary and the history count them (statistics.py).
        ordinal = sum(
            1
            for p in phases[: (phase.index + 1) if phase else 0]
            if p.direction is Direction.BACKWARD
        )
        done = snap.blocks_done if blocks_done is None else blocks_done
        blocks_text = (
            tr("Backward block {n} of {total}", n=ordinal, total=snap.blocks_total)
            if in_block
            else tr("{done} of 1 backward block done", done=done)
            if snap.blocks_total == 1
            else tr("{done} of {total} backward blocks done", done=done, total=snap.blocks_total)
        )
    turning = snap is not None and snap.state in (S.SLOWING_TO_TURN, S.TURN_COUNTDOWN)
    if turning and title:
        # The engine is at the next phase already; the runner still runs the old way.
        title = tr("Next: {title}", title=title)
    big, tone = headline(snap.state if snap is not None else None, direction)
    return {
        "headline": big,
        "headlineTone": tone,
        "direction": direction or "forward",
        "phaseTitle": title,
        "phaseKind": kind,
        "phaseIndex": index,
        "timelineIndex": drawn.block_of(index),
        "phaseCount": len(phases),
        "blocksText": blocks_text,
        "nextTitle": nxt_title,
        "nextDirection": nxt_dir,
        "nextDetail": nxt_detail,
        "turning": turning,
        "timeline": timeline,
        "timelineTotal": start,
    }


def _estimate_settings(settings: Any) -> Settings:
    return settings if isinstance(settings, Settings) else Settings()


def _machine_min(link: TreadmillControl | None) -> float | None:
    """The connected treadmill's minimum speed (the estimate's ramps start there)."""
    caps = link.capabilities if link is not None else None
    minimum = caps.speed.minimum if caps is not None else 0.0
    return minimum if minimum > 0 else None


def _clock(
    snap: SessionSnapshot | None,
    plan: Plan | None,
    settings: Any,
    *,
    now: datetime | None,
    ended: bool,
    machine_min: float | None = None,
) -> dict[str, Any]:
    """The clocks. ``totalText`` is the whole session's estimated length (turn-arounds, ramps
    and countdowns included: session/estimate.py), kept up to date as it runs; ``finishText``
    when it should end ("ends ≈ 14:32")."""
    est = _estimate_settings(settings)
    if snap is None:
        return {
            "phaseRemainingText": formatting.duration_text(None),
            "phaseTimerNote": "",
            "elapsedText": clock_text(0),
            "totalText": (
                estimate_text(
                    estimate_plan(plan, est, machine_min_kmh=machine_min).total_s, sign=False
                )
                if plan is not None
                else formatting.duration_text(None)
            ),
            "finishText": "",
            "progress": 0.0,
            "phaseFraction": 0.0,
            "timelineFraction": 0.0,
        }
    left: float | None = None
    if plan is not None and not ended and snap.state is not S.FINISHED:
        left = remaining_s(
            plan,
            est,
            state=snap.state,
            index=snap.phase.index if snap.phase is not None else len(plan.phases),
            phase_remaining_s=snap.phase_remaining_s,
            actual_kmh=snap.actual_speed_kmh,
            countdown_remaining_s=snap.countdown_remaining_s,
            machine_min_kmh=machine_min,
        )
    if left is None:
        total_text = clock_text(snap.elapsed_s)
    elif snap.state is S.IDLE and plan is not None:
        total_text = estimate_text(
            estimate_plan(plan, est, machine_min_kmh=machine_min).total_s, sign=False
        )
    else:
        total_text = estimate_text(snap.elapsed_s + left, sign=False)
    finish = ""
    if left is not None and now is not None and snap.state is not S.IDLE:
        finish = tr("ends ≈ {time}", time=f"{(now + timedelta(seconds=left)):%H:%M}")
    progress = snap.done_s / snap.total_s if snap.total_s > 0 else 0.0
    phase_total = snap.phase_elapsed_s + snap.phase_remaining_s
    fraction = snap.phase_elapsed_s / phase_total if phase_total > 0 else 0.0
    in_block = (
        layout_of(plan.phases).fraction(snap.phase.index, fraction)
        if plan is not None and snap.phase is not None
        else 0.0
    )
    return {
        "phaseRemainingText": formatting.duration_text(
            snap.phase_remaining_s if snap.phase is not None else None
        ),
        "phaseTimerNote": "" if ended else TIMER_NOTES.get(snap.state, ""),
        # The statistics' total time so far, shown as the summary and the history show it.
        "elapsedText": clock_text(snap.elapsed_s),
        "totalText": total_text,
        "finishText": finish,
        "progress": round(min(max(progress, 0.0), 1.0), 4),
        "phaseFraction": round(min(max(fraction, 0.0), 1.0), 3),
        "timelineFraction": round(in_block, 3),
    }


def _heading(snap: SessionSnapshot | None, plan: Plan | None, settings: Any) -> float | None:
    """Where the belt's speed is heading now: the turning speed in a turn-around, 0 at the
    end, otherwise the phase's target."""
    if snap is None:
        return None
    if snap.state in (S.SLOWING_TO_TURN, S.TURN_COUNTDOWN):
        return _turning_kmh(plan, settings)
    if snap.state in (S.FINISHING, S.STOPPING):
        return 0.0
    return snap.target_speed_kmh


def _speed_tile(
    snap: SessionSnapshot | None, unit: str, heading_kmh: float | None
) -> tuple[str, str]:
    """The speed tile's big number and its small line. While the belt runs the big number is
    the belt's reported speed; while it changes, the small line says where it is heading
    ("→ 3.0"). Otherwise (before the start, stopped) the big number is the target."""
    if snap is None:
        return formatting.speed_text(None, unit), ""
    actual = snap.actual_speed_kmh
    belt_runs = snap.state in MOVING_STATES or snap.state in CHANGING_STATES
    if not belt_runs or actual is None:
        return (
            formatting.speed_text(snap.target_speed_kmh, unit),
            tr("belt {speed}", speed=formatting.speed_text(actual, unit)),
        )
    changing = snap.state in CHANGING_STATES or (
        heading_kmh is not None and abs(actual - heading_kmh) > SPEED_SHOWN_AS_REACHED_KMH
    )
    if changing and heading_kmh is not None:
        return formatting.speed_text(actual, unit), f"→ {formatting.speed_text(heading_kmh, unit)}"
    return formatting.speed_text(actual, unit), (
        tr("target {speed}", speed=formatting.speed_text(heading_kmh, unit))
        if heading_kmh is not None
        else ""
    )


def _readings(
    snap: SessionSnapshot | None, unit: str, dunit: str, *, heading_kmh: float | None = None
) -> dict[str, Any]:
    big, detail = _speed_tile(snap, unit, heading_kmh)
    return {
        "speedText": big,
        "speedDetailText": detail,
        "targetSpeedText": formatting.speed_text(
            snap.target_speed_kmh if snap is not None else None, unit
        ),
        "actualSpeedText": formatting.speed_text(
            snap.actual_speed_kmh if snap is not None else None, unit
        ),
        "speedUnit": formatting.speed_unit_label(unit),
        "inclineText": formatting.incline_text(snap.incline_pct if snap is not None else None),
        "distanceText": formatting.distance_text(
            snap.distance_m if snap is not None else 0.0, dunit
        ),
        "heartRateText": formatting.heart_rate_text(snap.hr_bpm if snap is not None else None),
        "heartRateSource": (snap.hr_source if snap is not None and snap.hr_bpm is not None else ""),
    }


def _countdown(snap: SessionSnapshot | None) -> dict[str, Any]:
    remaining = snap.countdown_remaining_s if snap is not None else None
    reason = snap.countdown_reason if snap is not None else None
    visible = remaining is not None and remaining > 0 and reason is not None
    title = COUNTDOWN_TITLE[reason] if visible and reason is not None else ""
    # What the belt does when the countdown ends: the countdown leads into the current phase
    # (at a turn the engine has moved on to the next phase while the runner still faces the
    # old way).
    upcoming = ""
    if visible and snap is not None:
        if snap.phase is not None:
            upcoming = _direction(snap.phase.direction)
        elif snap.facing is not None:
            upcoming = _direction(snap.facing)
    return {
        "countdown": remaining if visible and remaining is not None else 0,
        "countdownVisible": visible,
        "countdownTitle": title,
        "countdownReason": str(reason) if visible and reason is not None else "",
        "countdownDirection": upcoming or "forward",
    }


def _link(snap: SessionSnapshot | None, link: TreadmillControl | None, unit: str) -> dict[str, Any]:
    if snap is not None:
        state = snap.link_state
    elif link is not None:
        state = link.state
    else:
        state = LinkState.DISCONNECTED
    lost = state is LinkState.LOST or (snap is not None and snap.state is S.LINK_LOST)
    last = None
    if snap is not None:
        # The belt heads for the last set-point: say the higher of it and the last reading.
        known = [v for v in (snap.actual_speed_kmh, snap.setpoint_kmh) if v is not None]
        last = max(known, default=None)
    name = ""
    if link is not None:
        caps = link.capabilities
        name = (caps.name if caps is not None and caps.name else "") or link.address
    text = LINK_TEXT[LinkState.LOST if lost else state]
    if state is LinkState.CONNECTED and name:
        text = tr("Connected to {name}", name=name)
    return {
        "linkState": str(LinkState.LOST if lost else state),
        "linkText": text,
        "linkLost": lost,
        "lastSpeedText": (
            f"{formatting.speed_text(last, unit)} {formatting.speed_unit_label(unit)}"
            if last
            else ""
        ),
    }


def _freshness(snap: SessionSnapshot | None) -> dict[str, Any]:
    """Are the machine's readings (speed, distance) live? Not while the link is down or the
    data is older than the session's watchdog allows: then they are shown greyed, with how
    long the treadmill has been quiet ("no data 4 s"), never as live."""
    if snap is None:
        return {"readingsStale": False, "readingsStaleText": ""}
    down = snap.link_state is not LinkState.CONNECTED or snap.state is S.LINK_LOST
    known = snap.actual_speed_kmh is not None or snap.data_age_s is not None
    stale = snap.data_stale or (down and known)
    age = snap.data_age_s
    text = ""
    if stale:
        text = tr("no data {seconds} s", seconds=f"{age:.0f}") if age is not None else tr("no data")
    return {"readingsStale": stale, "readingsStaleText": text}


def _alert(snap: SessionSnapshot | None, unit: str) -> dict[str, Any]:
    alert = snap.last_alert if snap is not None else None
    return {
        "alertText": formatting.speeds_in_unit(alert.message, unit) if alert is not None else "",
        "alertLevel": str(alert.level) if alert is not None else "",
        "stopUnconfirmed": alert is not None and alert.code == "stop_not_confirmed",
    }
