"""What every bridge of the app shares, as plain Python (no Qt), so bridges and their tests can
be built from real objects without a window.

``main.py`` builds one ``AppContext`` and passes it to every bridge: ``ConnectBridge(ctx)``,
``PresetsBridge(ctx)``, ``SettingsBridge(ctx)``, ``HistoryBridge(ctx)``, ``SessionBridge(ctx)``.
Bridges talk to each other only through the context's hooks (``switch_screen``, ``use_link``,
``choose_plan``, ``notify``) which the ``AppBridge`` wires; a test can wire them to plain
functions.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.errors import TreadmillError
from treadmill_ctl.texts import tr

if TYPE_CHECKING:
    # Not imported at run time: the app's window draws its first frame before asyncio is
    # imported (main.py); the loop is set with ``start`` after that.
    import asyncio

    from treadmill_ctl.ftms.api import TreadmillControl
    from treadmill_ctl.ftms.model import DiscoveredDevice
    from treadmill_ctl.history.store import HistoryStore
    from treadmill_ctl.hr.strap import DiscoveredStrap, HeartRateStrap
    from treadmill_ctl.session.engine import SessionEngine
    from treadmill_ctl.session.machine_quirks import MachineSessionSettings
    from treadmill_ctl.session.plan import Plan
    from treadmill_ctl.session.presets import PresetLibrary
    from treadmill_ctl.settings import Settings

_log = logging.getLogger(__name__)


class Screen(enum.StrEnum):
    """The app's screens; QML loads ``ui/<Name>Screen.qml`` for each."""

    CONNECT = "connect"
    PRESETS = "presets"
    EDITOR = "editor"
    SESSION = "session"
    SUMMARY = "summary"
    SETTINGS = "settings"
    HISTORY = "history"
    PLANS = "plans"  # the Presets screen's Plans view
    DEBRIEF = "debrief"  # after a plan session, before the summary


SCREEN_FILES: Final[dict[Screen, str]] = {
    Screen.CONNECT: "ConnectScreen.qml",
    Screen.PRESETS: "PresetsScreen.qml",
    Screen.EDITOR: "PresetEditorScreen.qml",
    Screen.SESSION: "SessionScreen.qml",
    Screen.SUMMARY: "SummaryScreen.qml",
    Screen.SETTINGS: "SettingsScreen.qml",
    Screen.HISTORY: "HistoryScreen.qml",
    Screen.PLANS: "PlansScreen.qml",
    Screen.DEBRIEF: "DebriefScreen.qml",
}


class NoticeLevel(enum.StrEnum):
    """How loud a notice to the user is (the same words as the engine's alerts)."""

    INFO = "info"
    WARNING = "warning"
    DANGER = "danger"


type ScanFunction = Callable[[float], Awaitable[Sequence[DiscoveredDevice]]]
type LinkFactory = Callable[[str], TreadmillControl]
type StrapScanFunction = Callable[[float], Awaitable[Sequence[DiscoveredStrap]]]
type StrapFactory = Callable[[str], Awaitable[HeartRateStrap]]
type StrapDirection = Callable[[str], Callable[[str], None] | None]


def _ignore_screen(screen: str) -> None:
    _log.debug("no screen switcher wired; ignoring switch to %s", screen)


def _ignore_link(link: TreadmillControl) -> None:
    _log.debug("no link user wired; ignoring link %s", link.address)


def _ignore_plan(plan: Plan) -> None:
    _log.debug("no plan chooser wired; ignoring plan %r", plan)


def _ignore_engine(engine: SessionEngine | None) -> None:
    _log.debug("no engine follower wired; ignoring engine %r", engine)


def _log_notice(level: str, message: str) -> None:
    _log.info("notice (%s): %s", level, message)


@dataclass(slots=True)
class AppContext:
    """Shared state and hooks for the app's bridges.

    ``open_link(address)`` makes a (not yet connected) link to the chosen address: the real
    Bluetooth link, or one to the virtual treadmill when ``simulate`` is set. ``scan(seconds)``
    lists nearby devices (real or virtual). After a successful connect the connect screen calls
    ``use_link(link)``; the presets screen calls ``choose_plan(plan)`` to hand a plan to the
    session screen. ``switch_screen`` takes a ``Screen`` value (or its string).

    ``loop`` is None while the app's window draws its first frame (asyncio is not imported
    yet); ``start(loop)`` sets it and runs what ``when_running`` put off until then. A bridge
    that needs the loop before that (input handled just after the first frame) gets it made
    at once by ``make_loop`` (``running_loop``).
    """

    settings: Settings
    save_settings: Callable[[Settings], None]
    loop: asyncio.AbstractEventLoop | None
    open_link: LinkFactory
    scan: ScanFunction
    simulate: bool = False
    sim_profile: str = "ideal"
    presets: PresetLibrary | None = None
    history: HistoryStore | None = None
    link: TreadmillControl | None = None
    engine: SessionEngine | None = None
    plan: Plan | None = None
    switch_screen: Callable[[str], None] = _ignore_screen
    use_link: Callable[[TreadmillControl], None] = _ignore_link
    choose_plan: Callable[[Plan], None] = _ignore_plan
    notify: Callable[[str, str], None] = _log_notice
    # The session bridge says which engine runs the session now (None: none); the heart-rate
    # strap's bridge follows it.
    engine_changed: Callable[[SessionEngine | None], None] = _ignore_engine
    # Heart-rate straps (app/strap_bridge.py): ``await scan_straps(seconds)`` lists the straps
    # heard, ``await open_strap(address)`` makes a (not yet connected) strap link;
    # ``strap_direction(address)`` gives a virtual strap's direction setter (None for a real
    # one). All None: no straps here.
    scan_straps: StrapScanFunction | None = None
    open_strap: StrapFactory | None = None
    strap_direction: StrapDirection | None = None
    # Tasks started on behalf of the user (connect, scan, session); kept so none is lost and
    # every failure is logged (see ``spawn``).
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)
    # Calls put off until the loop runs (``when_running``).
    waiting: list[Callable[[], object]] = field(default_factory=list)
    # Makes the app's loop when something needs it before ``start`` (main.py).
    make_loop: Callable[[], asyncio.AbstractEventLoop] | None = None
    # The connected treadmill's machine check, as a session takes it
    # (``session.machine_quirks.MachineSessionSettings``, set by the connect screen); None:
    # never checked, sessions use the safe defaults.
    machine_timing: MachineSessionSettings | None = None
    # A link for the machine check (``app/check_bridge.py``): targets sent as written (km/h),
    # whatever unit the settings give sessions. None: the check is not offered.
    open_check_link: LinkFactory | None = None

    def running_loop(self) -> asyncio.AbstractEventLoop:
        """The app's loop (tasks made on it run once it runs): made now with ``make_loop`` if
        there is none yet; TreadmillError if there is no way to make one."""
        if self.loop is None:
            if self.make_loop is None:
                raise TreadmillError("the app's event loop is not running yet")
            self.start(self.make_loop())
        assert self.loop is not None
        return self.loop

    def when_running(self, call: Callable[[], object]) -> bool:
        """Before the loop runs (while the window draws its first frame): keep ``call`` for
        ``start`` and return True. Once it runs: return False (the caller goes on)."""
        if self.loop is not None:
            return False
        self.waiting.append(call)
        return True

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """The loop exists now: use it, and run the calls put off until now, in order, on its
        first turns (again with the same loop: nothing more to do)."""
        self.loop = loop
        waiting, self.waiting = self.waiting, []
        for call in waiting:
            loop.call_soon(call)

    def spawn[T](self, coro: Coroutine[Any, Any, T], *, what: str) -> asyncio.Task[T]:
        """Run ``coro`` on the app's loop, keep a reference until it ends, and log + notify any
        exception (never a silent fire-and-forget)."""
        try:
            loop = self.running_loop()
        except TreadmillError:
            coro.close()  # never awaited: say nothing about it
            raise
        task = loop.create_task(coro, name=what)
        self.tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            _log.error("%s failed", task.get_name(), exc_info=exc)
            self.notify(
                NoticeLevel.DANGER, tr("{task} failed: {why}", task=task.get_name(), why=exc)
            )
