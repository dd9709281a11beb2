"""What the session bridge needs before and around a session, without Qt: the session
controller imported on first need, the history entry a session opens at its first start, and
a speed change asked in the user's unit turned into km/h.

The history package and the session controller are imported on first use, not with this
module (the app's window shows before they are loaded, and the app loads them right after).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from treadmill_ctl.app.context import AppContext, NoticeLevel
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.texts import tr
from treadmill_ctl.units import KMH_PER_MPH, SpeedUnit

if TYPE_CHECKING:
    from treadmill_ctl.ftms.api import TreadmillControl
    from treadmill_ctl.history import SessionRecorder
    from treadmill_ctl.session.controller import SessionController
    from treadmill_ctl.session.plan import Plan

__all__ = ["MPH_READING_TOP", "load_engine", "open_session_history", "speed_delta_kmh"]

_log = logging.getLogger(__name__)

MPH_READING_TOP: Final = 0.049  # below +0.05 mph: the top of a one-decimal mph reading


def load_engine() -> type[SessionController]:
    """The session controller, imported on first need (and with it the engine and the
    history that records it): the app's window shows before they are
    loaded, and the app loads them right after."""
    from treadmill_ctl import history  # noqa: PLC0415, F401 - see the docstring
    from treadmill_ctl.session.controller import SessionController  # noqa: PLC0415 - as above

    return SessionController


def open_session_history(
    ctx: AppContext,
    plan: Plan,
    link: TreadmillControl,
    on_state: Callable[[str, str], None],
) -> SessionRecorder | None:
    """The history entry of a session of ``plan`` on ``link`` (opened at its first start;
    ``on_state(state, message)``: the writer's news, busy or free again). A history that
    cannot be opened is reported; the session runs anyway (None)."""
    from treadmill_ctl.history import (  # noqa: PLC0415 - see the module doc
        HistoryStore,
        SessionHeader,
        SessionRecorder,
    )
    from treadmill_ctl.session.controller import plan_record  # noqa: PLC0415 - as above

    caps = link.capabilities
    device = (caps.name if caps is not None and caps.name else "") or link.address
    try:
        if not isinstance(ctx.history, HistoryStore):
            ctx.history = HistoryStore.open()
        return SessionRecorder.open(
            ctx.history,
            SessionHeader.now(
                preset_id=plan.id,
                preset_name=plan.name,
                plan=plan_record(plan, ctx.settings),
                device=device,
                profile=ctx.sim_profile if ctx.simulate else "",
            ),
            on_state=on_state,
        )
    except HistoryError as exc:
        _log.error("history not recorded: %s", exc)
        ctx.notify(NoticeLevel.WARNING, tr("This session is not recorded: {why}", why=exc))
        return None


def speed_delta_kmh(delta: float, unit: str, target_kmh: float | None) -> float:
    """A speed change of ``delta`` in the user's unit (+0.1 is 0.1 mph with mph chosen, as
    the screen reads) as km/h from ``target_kmh``: in mph, to the next speed as it reads (one
    decimal of mph), at the top of that reading, which the engine rounds down onto the
    machine's 0.1 km/h grid, still inside it."""
    if unit != SpeedUnit.MPH:
        return delta
    if target_kmh is None:
        return delta * KMH_PER_MPH
    shown = round(target_kmh / KMH_PER_MPH, 1) + delta
    return (shown + MPH_READING_TOP) * KMH_PER_MPH - target_kmh
