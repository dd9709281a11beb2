"""The machine check on the Treadmill screen ("Check this treadmill"): its saved result shown on
the treadmill's card, the explicit confirmation, the run with its progress, STOP on any key,
and the result line.

Safety (docs/machine-check.md): the check drives the belt on its own, so it runs only after the
user confirms on this screen that nobody is on the belt and the safety key is in; while it runs
every key press (and the big STOP button) stops the belt at once with the link's pre-emptive
STOP. It is refused while a session is under way. The check uses its own link (targets as
written, km/h: ``AppContext.open_check_link``): the app's link is disconnected first, and the
treadmill is left disconnected afterwards; the next connect reads the new result.

The Qt-free check is ``session.machine_check``; its file ``session.machine_quirks``.
"""

from __future__ import annotations

import enum
import logging
from typing import TYPE_CHECKING, Any, Final, cast

from treadmill_ctl.app import qt
from treadmill_ctl.app.context import AppContext, NoticeLevel
from treadmill_ctl.app.qt import (
    Property,
    QGuiApplication,
    QmlElement,
    QmlUncreatable,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from treadmill_ctl.app.translation import translated
from treadmill_ctl.ftms.model import LinkState
from treadmill_ctl.session.events import SessionState
from treadmill_ctl.texts import tr

if TYPE_CHECKING:
    import asyncio

    from treadmill_ctl.session.machine_check import CheckableLink, CheckOutcome, MachineChecker

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

PROGRESS_MS: Final = 250
_AT_REST: Final = frozenset(
    {SessionState.IDLE, SessionState.STOPPED, SessionState.FINISHED, SessionState.LINK_LOST}
)
# The text the confirmation shows (session.machine_check.CONFIRM_PROMPT, copied so that this
# module does not load the check before the window's first frame; a test keeps them equal).
CONFIRM_TEXT: Final = tr(
    "The check starts the belt and runs it slowly (at most 3 km/h) for about a minute. "
    "Nobody may stand on the belt: the check changes speed, starts and stops on its own, and "
    "tries set-points a person would not expect. Is the belt clear and the safety key in?"
)
NOT_CHECKED_TEXT: Final = tr(
    "Not checked yet: sessions use safe defaults. Check it once (nobody on the belt) so the "
    "app learns its unit, steps and timing."
)


class CheckPhase(enum.StrEnum):
    """Where the check is, as the screen shows it."""

    IDLE = "idle"  # nothing under way (the card shows the saved result)
    CONFIRM = "confirm"  # asking: nobody on the belt, safety key in?
    RUNNING = "running"  # the probe runs: progress and STOP
    DONE = "done"  # the result (or why it did not run), until the user closes it


class _AnyKeyStops(QObject):
    """While the check runs: every key pressed in a window stops it (and goes nowhere else).
    Installed on the application after the app's key filter, so it sees keys first."""

    def __init__(self, stop: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = stop

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        # QEvent through qt's late import: this module loads before the window's first frame.
        if event.type() != qt.QEvent.Type.KeyPress or not watched.isWindowType():
            return False
        try:
            self._stop()
        except Exception:  # noqa: BLE001 - callback boundary: a key must never take the app down
            _log.exception("stopping the machine check failed")
        return True


@QmlElement
@QmlUncreatable("The app creates its bridges")
class CheckBridge(QObject):
    """What the Treadmill screen shows of the machine check (see the module docstring)."""

    changed = Signal()
    progressChanged = Signal()
    # The check disconnected the app's link: the app forgets it (and any prepared session).
    linkReleased = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._phase = CheckPhase.IDLE
        self._address = ""
        self._summary = ""
        self._checked: bool | None = None  # None: not read yet
        self._blocked = False
        self._progress = ""
        self._fraction = 0.0
        self._result = ""
        self._danger = False
        self._checker: MachineChecker | None = None
        self._began = 0.0
        self._keys: _AnyKeyStops | None = None
        self._task: asyncio.Task[None] | None = None
        self._user_cancelled = False
        self._read_task: asyncio.Task[None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._tick)

    # ---- properties ------------------------------------------------------------------------

    @Property(bool, notify=changed)
    def available(self) -> bool:
        """A treadmill is chosen and the app can check it."""
        return self._context.open_check_link is not None and self._address != ""

    @Property(str, notify=changed)
    def phase(self) -> str:
        """``idle``, ``confirm``, ``running`` or ``done``."""
        return str(self._phase)

    @Property(str, notify=changed)
    def address(self) -> str:
        """The treadmill the check is for (the connected one, else the one used last)."""
        return self._address

    @Property(str, notify=changed)
    def summary(self) -> str:
        """The saved check in one line, or what to do when it was never checked."""
        if self._checked is False:
            return translated(NOT_CHECKED_TEXT)
        return translated(self._summary)

    @Property(bool, notify=changed)
    def suggested(self) -> bool:
        """Never checked: the screen suggests the check."""
        return self._checked is False

    @Property(bool, notify=changed)
    def blocked(self) -> bool:
        """The saved check refuses sessions (a danger was found)."""
        return self._blocked

    @Property(str, constant=True)
    def prompt(self) -> str:
        """The confirmation the user must give before anything moves."""
        return translated(CONFIRM_TEXT)

    @Property(str, notify=progressChanged)
    def progress(self) -> str:
        """What the check is doing now."""
        return translated(self._progress)

    @Property(float, notify=progressChanged)
    def fraction(self) -> float:
        """How far the check is, 0..1 (of its time budget: it is done by 1)."""
        return self._fraction

    @Property(str, notify=changed)
    def result(self) -> str:
        """The result line (after a check, or why it could not run)."""
        return translated(self._result)

    @Property(bool, notify=changed)
    def danger(self) -> bool:
        """The result is a danger (sessions refused)."""
        return self._danger

    # ---- following the chosen treadmill ----------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """The chosen treadmill may have changed: show its saved check (read off the loop)."""
        link = self._context.link
        address = link.address if link is not None else ""
        address = address or (self._context.settings.treadmill_address or "")
        if address == self._address and self._checked is not None:
            return
        self._address = address
        self._checked = None
        self._summary = ""
        self._blocked = False
        self.changed.emit()
        if not address:
            return
        if self._context.when_running(self.refresh):
            self._address = ""  # read again once the loop runs
            return
        self._read_task = self._context.spawn(self._read(address), what="Read the machine check")

    async def _read(self, address: str) -> None:
        import asyncio  # noqa: PLC0415 - asyncio loads after the first frame (main.py)

        from treadmill_ctl.session.machine_quirks import load_check  # noqa: PLC0415 - as asyncio

        loaded = await asyncio.to_thread(load_check, address)
        if address != self._address:
            return
        check = loaded.check
        if loaded.problem is not None:
            self._checked = True
            self._summary = tr("The saved check cannot be read ({why}).", why=loaded.problem)
        elif check is None:
            self._checked = False
        else:
            self._checked = True
            self._summary = check.summary()
            self._blocked = check.blocked
        self.changed.emit()

    # ---- the user's steps ------------------------------------------------------------------

    @Slot()
    def begin(self) -> None:
        """ "Check this treadmill": ask for the confirmation (nothing moves yet)."""
        if self._phase is not CheckPhase.IDLE or not self.available:
            return
        if self._session_under_way():
            self._context.notify(
                NoticeLevel.WARNING,
                tr("A session is under way: stop and end it before the check."),
            )
            return
        self._set_phase(CheckPhase.CONFIRM)

    @Slot()
    def cancel(self) -> None:
        """Not now (before the check runs), or close the result."""
        if self._phase in (CheckPhase.CONFIRM, CheckPhase.DONE):
            self._set_phase(CheckPhase.IDLE)

    @Slot()
    def confirm(self) -> None:
        """The user confirmed: nobody is on the belt and the safety key is in. Run the check."""
        if self._phase is not CheckPhase.CONFIRM or self._session_under_way():
            return
        factory = self._context.open_check_link
        if factory is None:
            return
        self._result = ""
        self._danger = False
        self._user_cancelled = False
        self._set_progress(tr("Connecting…"), 0.0)
        self._set_phase(CheckPhase.RUNNING)
        self._keys = _AnyKeyStops(self.stopNow, self)
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self._keys)
        self._task = self._context.spawn(self._run(self._address), what="Machine check")

    @Slot()
    def stopNow(self) -> None:
        """STOP (any key, the STOP button): the belt stops at once and the check ends."""
        if self._phase is not CheckPhase.RUNNING:
            return
        checker = self._checker
        if checker is not None:
            checker.stop_now()
        elif self._task is not None:
            self._user_cancelled = True
            self._task.cancel()  # still connecting: nothing has moved
        self._set_progress(tr("Stopping…"), self._fraction)

    # ---- the run ---------------------------------------------------------------------------

    async def _run(self, address: str) -> None:
        import asyncio  # noqa: PLC0415 - asyncio loads after the first frame (main.py)

        factory = self._context.open_check_link
        assert factory is not None
        app_link = self._context.link
        if app_link is not None:
            if app_link.state is LinkState.CONNECTED:
                await _quiet(app_link.disconnect())
            self.linkReleased.emit()
        link = factory(address)
        try:
            try:
                await link.connect()
            except asyncio.CancelledError:
                if not self._user_cancelled:
                    raise
                self._finish(tr("Check stopped by you before anything moved; nothing saved."))
                return
            except Exception as exc:  # noqa: BLE001 - any connect failure is shown, not raised
                self._finish(tr("The check could not connect: {why}", why=exc))
                return
            await self._probe(link)
        except BaseException as exc:
            # Whatever went wrong (a bug, the app closing): the belt was stopped by the
            # check's own ending; the screen and the keys must not stay in the check.
            if self._phase is CheckPhase.RUNNING:
                self._finish(tr("The check failed: {why}", why=exc or type(exc).__name__))
            raise
        finally:
            self._checker = None
            await _quiet(link.disconnect())

    async def _probe(self, link: Any) -> None:
        """Run the check on ``link`` (connected), save it unless stopped by the user, and
        show the result."""
        import asyncio  # noqa: PLC0415 - asyncio loads after the first frame (main.py)

        from treadmill_ctl.session.machine_check import MachineChecker  # noqa: PLC0415
        from treadmill_ctl.session.machine_quirks import save_check  # noqa: PLC0415

        checker = MachineChecker(
            cast("CheckableLink", link),  # open_check_link makes a TreadmillLink
            confirmed=True,  # the user confirmed on this screen (confirm())
            name=getattr(link, "name", ""),
            on_progress=lambda text: self._set_progress(text, self._fraction),
        )
        self._checker = checker
        self._began = asyncio.get_running_loop().time()
        self._timer.start()
        outcome = await checker.run()
        self._checker = None
        if not outcome.stopped_by_user:
            try:
                await asyncio.to_thread(save_check, outcome.check)
            except OSError as exc:
                self._context.notify(NoticeLevel.WARNING, tr("Check not saved: {why}", why=exc))
        self._finish(_result_line(outcome), outcome=outcome)

    def _finish(self, line: str, outcome: CheckOutcome | None = None) -> None:
        self._timer.stop()
        if self._keys is not None:
            app = QGuiApplication.instance()
            if app is not None:
                app.removeEventFilter(self._keys)
            self._keys = None
        self._result = line
        self._danger = outcome is not None and outcome.check.blocked
        if outcome is not None and not outcome.stopped_by_user:
            self._checked = True
            self._summary = outcome.check.summary()
            self._blocked = outcome.check.blocked
        self._set_progress("", 1.0 if outcome is not None else 0.0)
        self._set_phase(CheckPhase.DONE)

    def _tick(self) -> None:
        from treadmill_ctl.session.machine_check import TIME_BUDGET_S  # noqa: PLC0415

        loop = self._context.loop
        if loop is None:
            return
        elapsed = loop.time() - self._began
        self._set_progress(self._progress, min(1.0, max(0.0, elapsed / TIME_BUDGET_S)))

    # ---- helpers ---------------------------------------------------------------------------

    def _session_under_way(self) -> bool:
        engine = self._context.engine
        return engine is not None and getattr(engine, "state", None) not in _AT_REST

    def _set_phase(self, phase: CheckPhase) -> None:
        self._phase = phase
        self.changed.emit()

    def _set_progress(self, text: str, fraction: float) -> None:
        if (text, fraction) != (self._progress, self._fraction):
            self._progress, self._fraction = text, fraction
            self.progressChanged.emit()

    def close(self) -> None:
        """The app is closing: stop a check under way (the belt with it)."""
        if self._checker is not None:
            self._checker.stop_now()
        if self._keys is not None:
            app = QGuiApplication.instance()
            if app is not None:
                app.removeEventFilter(self._keys)
            self._keys = None


def _result_line(outcome: CheckOutcome) -> str:
    check = outcome.check
    if outcome.stopped_by_user:
        return tr("Check stopped by you: the belt was stopped; nothing saved.")
    if check.blocked:
        return tr(
            "DANGER: {dangers}. Sessions on this treadmill are refused until you clear it "
            "('treadmill-ctl check --unblock {address}').",
            dangers="; ".join(check.dangers),
            address=check.address,
        )
    if not outcome.completed:
        return tr(
            "The check ended early (saved what it learned): {summary}", summary=check.summary()
        )
    return check.summary()


async def _quiet(work: Any) -> None:
    try:
        await work
    except Exception as exc:  # noqa: BLE001 - a failed disconnect is logged, never raised
        _log.warning("disconnect failed: %s", exc)


__all__ = ["CONFIRM_TEXT", "CheckBridge", "CheckPhase"]
