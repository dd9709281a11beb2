"""The Plans view (``ui/PlansScreen.qml``) and the debrief after a plan session
(``ui/DebriefScreen.qml``): the training plans, the current one with today's session, the weeks
done and the next step and why; start and stop a plan; run today's session; answer the
debrief (effort and, for knee plans, knee pain 0-10, an optional note).

Where the runner is comes from the history (``session.plan_progress``): nothing about a plan's
progress is kept here. The debrief is written by a history writer of its own, which never
waits for a locked database on the loop. Files read here (three small plan files, through the
TOML limits) are read on the loop, as the presets are (``file_work.in_loop_turn``).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app.context import AppContext, NoticeLevel, Screen
from treadmill_ctl.app.qt import Property, QmlElement, QmlUncreatable, QObject, Signal, Slot
from treadmill_ctl.app.translation import translated, translated_tree
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.session import plan_progress
from treadmill_ctl.session.plan_gate import Debrief
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.session.training_plans import PlanLibrary
from treadmill_ctl.texts import tr

if TYPE_CHECKING:
    from treadmill_ctl.app.session_bridge import SessionBridge
    from treadmill_ctl.history.store import HistoryStore

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

NOT_ANSWERED: Final = -1


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


@QmlElement
@QmlUncreatable("The app creates its bridges")
class PlansBridge(QObject):
    """Training plans for the Plans view and the debrief screen."""

    plansChanged = Signal()
    statusChanged = Signal()
    debriefChanged = Signal()

    def __init__(
        self,
        context: AppContext,
        session: SessionBridge | None = None,
        parent: QObject | None = None,
        *,
        now: Any = _now,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._session = session
        self._now = now
        self._library: PlanLibrary | None = None
        self._status: plan_progress.PlanStatus | None = None
        self._missing = ""
        self._pending: plan_progress.PlanStatus | None = None  # today's session, once chosen
        self._debrief: dict[str, Any] = {}
        self._said = ""
        self._debriefed: set[int] = set()  # sessions debriefed in this run of the app
        if session is not None:
            # A session ended (its summary is new): the gate's words were about the one before.
            session.summaryChanged.connect(self._session_changed)

    # -- reading ------------------------------------------------------------------------------

    def _plans(self) -> PlanLibrary:
        if self._library is None:
            self._library = self._read_plans()
        return self._library

    def _read_plans(self) -> PlanLibrary:
        """The plans over the presets as they are now (the Presets screen may have changed
        them: read again at each refresh)."""
        library = PlanLibrary(PresetLibrary(self._context.settings))
        library.reload()
        for problem in library.problems:
            _log.warning("plan not loaded: %s", problem)
        return library

    def _store(self) -> HistoryStore | None:
        from treadmill_ctl.history.store import HistoryStore  # noqa: PLC0415 - late, as its users

        ctx = self._context
        if not isinstance(ctx.history, HistoryStore):
            try:
                ctx.history = HistoryStore.open(check_budget_s=0.05)
            except (HistoryError, OSError) as exc:
                ctx.notify(NoticeLevel.WARNING, tr("Plans need the history: {why}", why=exc))
                return None
        return ctx.history

    @Slot()
    def refresh(self) -> None:
        """Read the plans and the current plan's position again."""
        store = self._store()
        plans = self._library = self._read_plans()
        status, missing = None, None
        if store is not None:
            try:
                status = plan_progress.current_status(
                    store, plans, self._context.settings, self._now()
                )
                missing = plan_progress.missing_plan(store, plans)
            except HistoryError as exc:
                self._context.notify(NoticeLevel.WARNING, tr("Plans: {why}", why=exc))
        self._status, self._missing = status, missing or ""
        self.plansChanged.emit()
        self.statusChanged.emit()

    # -- the Plans view -------------------------------------------------------------------------

    @Property(list, notify=plansChanged)
    def plans(self) -> list[dict[str, Any]]:
        """Every plan: id, name, description, weeks, perWeek, steps, knee, current."""
        current = self._status.plan.id if self._status else ""
        return [
            {
                "id": p.id,
                "name": p.name,
                "description": p.description,
                "weeksText": translated(
                    tr(
                        "{per_week}× a week · about {weeks} weeks · {steps} steps",
                        per_week=p.sessions_per_week,
                        weeks=p.weeks,
                        steps=len(p.steps),
                    )
                ),
                "knee": p.asks_knee_pain,
                "current": p.id == current,
            }
            for p in self._plans().plans
        ]

    @Property(dict, notify=statusChanged)
    def current(self) -> dict[str, Any]:
        """The current plan, as the view shows it (``{}``: none)."""
        s = self._status
        if s is None:
            return {"missing": self._missing} if self._missing else {}
        pos = s.position
        step = s.step
        steps = [
            {
                "number": i + 1,
                "title": st.title,
                "detail": (
                    tr("{load} · 1 good session", load=st.load.words())
                    if st.sessions == 1
                    else tr("{load} · {n} good sessions", load=st.load.words(), n=st.sessions)
                ),
                "state": "done"
                if i < pos.step or pos.finished
                else ("today" if i == pos.step else "later"),
            }
            for i, st in enumerate(s.plan.steps)
        ]
        return translated_tree(
            {
                "id": s.plan.id,
                "name": s.plan.name,
                "stepText": tr(
                    "Step {step} of {total}", step=pos.step + 1, total=len(s.plan.steps)
                ),
                "todayTitle": step.title,
                "todayDetail": tr(
                    "{load} · {good} of {total} good sessions done",
                    load=step.load.words(),
                    good=pos.good,
                    total=step.sessions,
                ),
                "weeksText": s.adherence.words(),
                "nextTime": s.next_time,
                "seeProfessional": s.see_professional,
                "finished": pos.finished,
                "steps": steps,
            }
        )

    @Slot(str)
    def start(self, plan_id: str) -> None:
        """Follow ``plan_id`` from its first step."""
        plan = self._plans().find(plan_id)
        store = self._store()
        if plan is None or store is None:
            return
        try:
            plan_progress.start(store, plan, self._now())
        except HistoryError as exc:
            self._context.notify(
                NoticeLevel.WARNING, tr("The plan was not started: {why}", why=exc)
            )
            return
        self.refresh()

    @Slot()
    def stop(self) -> None:
        """Stop following the current plan (its sessions stay in the history)."""
        from treadmill_ctl.history.debriefs import stop_plan_run  # noqa: PLC0415 - late

        store = self._store()
        if store is None:
            return
        try:
            stop_plan_run(store, self._now())
        except HistoryError as exc:
            self._context.notify(
                NoticeLevel.WARNING, tr("The plan was not stopped: {why}", why=exc)
            )
        self.refresh()

    @Slot()
    def runToday(self) -> None:
        """Today's session of the current plan, on the session screen; a debrief follows."""
        s = self._status
        if s is None or s.position.finished:
            return
        self._pending = s
        self._context.choose_plan(s.step.preset.to_plan())
        if self._session is not None:
            self._session.debrief_after = True  # after choosing: a new choice clears it

    # -- the debrief ----------------------------------------------------------------------------

    def session_ended(
        self, session_id: int | None, completed: bool, *, of_plan: bool = True
    ) -> None:
        """The session bridge: a session ended (``session_id`` in the history; None: not
        recorded); ``of_plan``: today's session of the current plan, else any other session
        (its debrief is kept with it; knee questions when a knee plan uses its preset)."""
        if not of_plan:
            self._pending = None
        s = self._pending
        plan = self._session.controller.plan if self._session and self._session.controller else None
        preset_id = plan.id if plan is not None else ""
        self._debrief = {
            "sessionId": session_id,
            "completed": completed,
            "knee": bool(s.plan.asks_knee_pain) if s else self._asks_knee(preset_id),
            "title": s.step.title if s else (plan.name if plan is not None else ""),
            "planName": s.plan.name if s else "",
        }
        self._said = ""
        self.debriefChanged.emit()

    def _asks_knee(self, preset_id: str) -> bool:
        """A session outside a plan asks about the knee when a knee plan is built on its
        preset (the knee-friendly walk): presets have no setting of their own for it."""
        return bool(preset_id) and any(
            p.asks_knee_pain and any(st.base_id == preset_id for st in p.steps)
            for p in self._plans().plans
        )

    def _session_changed(self) -> None:
        self._said = ""
        self.debriefChanged.emit()

    @Property(str, notify=debriefChanged)
    def verdict(self) -> str:
        """The gate's words on the plan session just debriefed ("" after any other session)."""
        return translated(self._said)

    @Property(bool, notify=debriefChanged)
    def canDebriefLast(self) -> bool:
        """The session just ended is in the history and has no debrief yet (the summary's
        Debrief button)."""
        sid = self._session.history_session_id if self._session is not None else None
        return sid is not None and sid not in self._debriefed

    @Slot()
    def debriefLast(self) -> None:
        """Debrief the session just ended (not one of a plan): the debrief screen."""
        session = self._session
        sid = session.history_session_id if session is not None else None
        if session is None or sid is None:
            return
        controller = session.controller
        complete = controller is not None and controller.tally.statistics().complete
        self.session_ended(sid, complete, of_plan=False)
        self._context.switch_screen(Screen.DEBRIEF)

    @Property(dict, notify=debriefChanged)
    def debrief(self) -> dict[str, Any]:
        """The debrief asked now: knee (ask for knee pain), title, planName, completed, said
        (the gate's words once answered)."""
        return {**self._debrief, "said": translated(self._said)}

    @Slot(int, int, int, str)
    def submitDebrief(self, rpe: int, pain_during: int, pain_after: int, note: str) -> None:
        """Store the answers (``NOT_ANSWERED`` for none) with the session, then the summary."""

        def score(value: int) -> int | None:
            return value if 0 <= value <= 10 else None

        self._finish(Debrief(score(rpe), score(pain_during), score(pain_after), note))

    @Slot()
    def skipDebrief(self) -> None:
        """No answers (a plan then repeats the step: it cannot know how it went)."""
        self._finish(None)

    def _finish(self, answers: Debrief | None) -> None:
        from treadmill_ctl.history.debriefs import SessionDebrief  # noqa: PLC0415 - late

        session_id = self._debrief.get("sessionId")
        s, self._pending = self._pending, None
        completed = bool(self._debrief.get("completed"))
        if isinstance(session_id, int):
            self._debriefed.add(session_id)
        if s is not None and not isinstance(session_id, int):
            self._context.notify(
                NoticeLevel.WARNING,
                tr("This session is not in the history: the plan cannot count it."),
            )
        if isinstance(session_id, int) and (answers is not None or s is not None):
            now = self._now()
            if s is not None:
                row = plan_progress.session_record(
                    s, session_id, completed=completed, debrief=answers, now=now
                )
            else:
                assert answers is not None
                row = SessionDebrief(
                    session_id,
                    completed,
                    rpe=answers.rpe,
                    pain_during=answers.pain_during,
                    pain_after=answers.pain_after,
                    note=answers.note,
                    answered_at=now,
                )
            self._write(row)
            if s is not None:
                earlier = [d for d in self._recorded(s) if d.session_id != session_id]
                after = plan_progress.status_of(
                    s.plan, s.run, [*earlier, row], self._context.settings, now
                )
                self._said = after.next_time  # the summary says it
        self._debrief = {}
        self.debriefChanged.emit()
        self._context.switch_screen(Screen.SUMMARY)
        self.refresh()

    def _recorded(self, s: plan_progress.PlanStatus) -> list[Any]:
        from treadmill_ctl.history.debriefs import run_debriefs  # noqa: PLC0415 - late

        store = self._store()
        return run_debriefs(store, s.run.id) if store is not None else []

    def _write(self, row: Any) -> None:
        """Hand the row to a history writer of its own (written now if the database is free,
        kept and retried if it is busy; never waited for here)."""
        from treadmill_ctl.history.debriefs import save_debrief  # noqa: PLC0415 - late
        from treadmill_ctl.history.writer import HistoryWriter  # noqa: PLC0415 - late

        store = self._store()
        if store is None:
            return
        writer = HistoryWriter(store.path, store.durability, name="debrief-writer")
        writer.submit([lambda st: save_debrief(st, row, commit=False)])
        writer.close()
