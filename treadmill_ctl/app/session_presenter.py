"""What the session screen shows, in words and numbers, from a session's snapshot (no Qt).

``present(...)`` turns one ``SessionSnapshot`` (or none: no session prepared) into the screen's
values in groups (state, phase, clock, readings, countdown, link, alert); the session bridge
publishes each group and emits its signal only when a value in it changed. ``summary_view``
formats a session's summary. Tests can call both without a QGuiApplication.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app import formatting
from treadmill_ctl.ftms.model import LinkState
from treadmill_ctl.session.events import CountdownReason, SessionState
from treadmill_ctl.session.plan import Phase, Plan
from treadmill_ctl.session.states import ACTIVE_STATES, MOVING_STATES, PAUSABLE_STATES
from treadmill_ctl.statistics import SessionTally, clock_text
from treadmill_ctl.texts import tr
from treadmill_ctl.units import Direction

if TYPE_CHECKING:  # the engine loads after the window has shown (see session_bridge)
    from treadmill_ctl.ftms.api import TreadmillControl
    from treadmill_ctl.session.controller import SessionSummary
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
    CountdownReason.TURN: tr("Turn around"),
    CountdownReason.RESUME: tr("Resuming in"),
}
# The big word on the session screen and its tone (the colour QML gives it): the direction
# while the belt runs a phase, otherwise what the session is doing.
HEADLINES: Final[dict[SessionState, tuple[str, str]]] = {
    S.IDLE: (tr("READY"), "neutral"),
    S.STARTING_COUNTDOWN: (tr("GET READY"), "neutral"),
    S.SLOWING_TO_TURN: (tr("TURN AROUND"), "turn"),
    S.TURN_COUNTDOWN: (tr("TURN AROUND"), "turn"),
    S.PAUSED: (tr("PAUSED"), "paused"),
    S.RESUME_COUNTDOWN: (tr("GET READY"), "neutral"),
    S.STOPPING: (tr("STOPPING"), "stop"),
    S.FINISHING: (tr("SLOWING DOWN"), "neutral"),
    S.STOPPED: (tr("STOPPED"), "stop"),
    S.FINISHED: (tr("DONE"), "neutral"),
    S.LINK_LOST: (tr("CONNECTION LOST"), "stop"),
}


def _direction(value: Direction | None) -> str:
    return str(value) if value is not None else ""


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
) -> Groups:
    """The screen's values for ``snap`` of a session of ``plan`` (``snap`` None: no session
    prepared, ``plan`` the chosen one if any); ``ended``: that session is over (nothing more
    can be done in it)."""
    unit = str(getattr(settings, "speed_unit", "kmh"))
    dunit = str(getattr(settings, "distance_unit", "metric"))
    backward_default = float(getattr(settings, "backward_default_kmh", 3.0))
    return {
        "state": _state(snap, plan, link, ended=ended),
        "phase": _phase(snap, plan, unit, backward_default, blocks_done),
        "clock": _clock(snap, plan),
        "readings": _readings(snap, unit, dunit),
        "countdown": _countdown(snap),
        "link": _link(snap, link, unit),
        "alert": _alert(snap),
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
    timeline: list[dict[str, Any]] = []
    start = 0.0
    for p in phases:
        timeline.append(
            {
                "direction": str(p.direction),
                "kind": str(p.kind),
                "start": start,
                "duration": p.duration_s,
            }
        )
        start += p.duration_s
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
    big, tone = headline(snap.state if snap is not None else None, direction)
    return {
        "headline": big,
        "headlineTone": tone,
        "direction": direction or "forward",
        "phaseTitle": title,
        "phaseKind": kind,
        "phaseIndex": index,
        "phaseCount": len(phases),
        "blocksText": blocks_text,
        "nextTitle": nxt_title,
        "nextDirection": nxt_dir,
        "nextDetail": nxt_detail,
        "turning": turning,
        "timeline": timeline,
        "timelineTotal": start,
    }


def _clock(snap: SessionSnapshot | None, plan: Plan | None) -> dict[str, Any]:
    if snap is None:
        return {
            "phaseRemainingText": formatting.duration_text(None),
            "elapsedText": formatting.duration_text(0),
            "totalText": formatting.duration_text(plan.total_s if plan is not None else None),
            "progress": 0.0,
            "phaseFraction": 0.0,
        }
    progress = snap.done_s / snap.total_s if snap.total_s > 0 else 0.0
    phase_total = snap.phase_elapsed_s + snap.phase_remaining_s
    fraction = snap.phase_elapsed_s / phase_total if phase_total > 0 else 0.0
    return {
        "phaseRemainingText": formatting.duration_text(
            snap.phase_remaining_s if snap.phase is not None else None
        ),
        "elapsedText": formatting.duration_text(snap.elapsed_s),
        "totalText": formatting.duration_text(snap.total_s),
        "progress": round(min(max(progress, 0.0), 1.0), 4),
        "phaseFraction": round(min(max(fraction, 0.0), 1.0), 3),
    }


def _readings(snap: SessionSnapshot | None, unit: str, dunit: str) -> dict[str, Any]:
    return {
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


def _alert(snap: SessionSnapshot | None) -> dict[str, Any]:
    alert = snap.last_alert if snap is not None else None
    return {
        "alertText": alert.message if alert is not None else "",
        "alertLevel": str(alert.level) if alert is not None else "",
        "stopUnconfirmed": alert is not None and alert.code == "stop_not_confirmed",
    }


def summary_view(summary: SessionSummary, settings: Any) -> dict[str, Any]:
    """The summary screen's values: {presetName, presetId, endReason, endText ("Session
    complete" or "Ended early"), endDetail (why it ended early), complete, progressionReason,
    forwardText, backwardText, backwardDistanceText, totalText, elapsedText, movingText,
    distanceText, blocksDone, blocksTotal, blocksText, statistics}. The numbers are
    ``statistics.py``'s (the same the history, the CLI and the exports show)."""
    dunit = str(getattr(settings, "distance_unit", "metric"))
    stats = summary.statistics
    if stats is None:
        stats = SessionTally(blocks_planned=summary.blocks_total).statistics()
    reason = summary.end_reason
    return {
        "presetName": summary.preset_name,
        "presetId": summary.preset_id,
        "endReason": str(reason),
        "endText": tr("Session complete") if stats.complete else tr("Ended early"),
        "endDetail": stats.why_text,
        "complete": stats.complete,
        "progressionReason": (
            "finished" if stats.complete else "skipped" if stats.phases_skipped else str(reason)
        ),
        "forwardText": clock_text(stats.forward_s),
        "backwardText": clock_text(stats.backward_s),
        "backwardDistanceText": formatting.distance_text(stats.backward_m, dunit),
        "totalText": clock_text(stats.total_s),
        "elapsedText": clock_text(stats.total_s),
        "movingText": clock_text(stats.moving_s),
        "distanceText": formatting.distance_text(stats.distance_m, dunit),
        "blocksDone": stats.blocks_done,
        "blocksTotal": stats.blocks_planned,
        "blocksText": (
            tr("{done} of 1 block done", done=stats.blocks_done)
            if stats.blocks_planned == 1
            else tr(
                "{done} of {total} blocks done", done=stats.blocks_done, total=stats.blocks_planned
            )
        ),
        "statistics": stats.to_json(),
    }
