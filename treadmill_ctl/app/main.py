"""The desktop app: one QGuiApplication, one asyncio loop (qasync), one QML window.

``main(simulate=..., sim_profile=...)`` runs it until the window closes. ``build_app`` makes
the whole app (context, bridges, virtual or real treadmill source, QML window) on an existing
``QGuiApplication`` and running loop: the tests, the screenshot script and the benchmark use it,
so they exercise the same code as the real app.

The window comes first. ``main`` opens it (``open_window``: settings, bridges, QML) and lets Qt
draw its first frame before asyncio and qasync are even imported; only then does it make the
app's event loop and start the app on it (``RunningApp.start``). Input given before that first
frame waits in Qt's queue; right after it, the key filter is installed and input is handled
between the steps that make the loop (a slot that needs the loop sooner has it made at once:
``AppContext.make_loop``). Calls the connect screen makes as it opens (its scan) are put off
until the loop runs (``AppContext.when_running``). What the first screen does not need is
loaded after the first frame, one piece per turn of the loop so that input is handled in
between (``load_rest``): the Bluetooth stack and the virtual treadmill, the session engine and
the history, the audio output, the preset library, the settings and history bridges, the other
screens' QML (with Qt Quick Controls and Layouts, which the window and the connect screen do
without). Each
piece is also loaded on first use, so nothing depends on this order; a session (and with it
STOP) can only exist once the engine has loaded.

Errors nobody caught (in Qt callbacks, slots, or tasks) go to one excepthook
(``error_reporter.py``): logged with their traceback and shown to the user as a notice. The
first frame is watched, and waited for, by ``first_frame.py``.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Final

from treadmill_ctl import settings as settings_mod
from treadmill_ctl import shipped
from treadmill_ctl.app import translation
from treadmill_ctl.app.app_bridge import AppBridge
from treadmill_ctl.app.context import SCREEN_FILES, AppContext, NoticeLevel, Screen
from treadmill_ctl.app.error_reporter import ErrorReporter, qt_message_to_log
from treadmill_ctl.app.first_frame import FirstFrame, wait_for_first_frame
from treadmill_ctl.app.qt import (
    QGuiApplication,
    QQmlApplicationEngine,
    QQuickItem,
    QQuickWindow,
    QTimer,
    QUrl,
    qInstallMessageHandler,
)
from treadmill_ctl.app.session_start import load_engine
from treadmill_ctl.app.sound import CuePlayer
from treadmill_ctl.app.treadmill_source import (
    TreadmillSource,
    bluetooth_source,
    simulated_source,
)
from treadmill_ctl.errors import TreadmillError
from treadmill_ctl.settings import Settings, WindowState
from treadmill_ctl.texts import tr

if TYPE_CHECKING:
    import asyncio

    from treadmill_ctl.app.qt import QQmlComponent

_log = logging.getLogger(__name__)

UI_DIR: Final = shipped.ui_dir()
MAIN_QML: Final = shipped.main_qml()
# Set to 1, the app prints "ready <seconds since start>" when its window has drawn its first
# frame, "loaded ..." when the rest has loaded (see ``load_rest``), and closes itself: the
# startup benchmark and the smoke test use it.
EXIT_WHEN_READY_ENV: Final = "TREADMILL_CTL_EXIT_WHEN_READY"
SHUTDOWN_STOP_S: Final = 6.0  # how long closing waits for the belt to be stopped
SHUTDOWN_DISCONNECT_S: Final = 3.0
HISTORY_CHECK_S: Final = 0.05  # the history's integrity check at start, on the loop
HISTORY_BUSY_S: Final = 0.1  # the app's own history writes (delete, undo) wait no longer


@dataclass(slots=True)
class RunningApp:
    """Everything ``open_window`` made, for the caller to start, drive and close."""

    context: AppContext
    bridge: AppBridge
    engine: QQmlApplicationEngine
    window: QQuickWindow
    source: TreadmillSource
    shown: FirstFrame
    # Loading what the first screen does not need, after the first frame (see ``load_rest``).
    loading: asyncio.Task[None] | None = None
    # The other screens' QML, compiled after the first frame (``compile_qml``).
    compiled: list[QQmlComponent] = dataclasses.field(default_factory=list)

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Run the app on ``loop`` (called on its thread, before or while it runs): what waited
        for the loop runs on its first turns, and what the first screen did not need loads once
        the window has drawn."""
        self.shown.start(loop)
        self.context.start(loop)
        self.loading = self.context.spawn(load_rest(self), what="Loading the app")

    async def aclose(self) -> None:
        """Stop the belt if a session is active, disconnect, save the window state, and tear
        the window down."""
        import asyncio  # noqa: PLC0415 - loaded by now (see the module doc)

        ctx = self.context
        save_window_state(self)
        self.bridge.shutdown()
        run_task = self.bridge.session_bridge.run_task
        if run_task is not None and not run_task.done():
            run_task.cancel()  # the engine stops the belt when its run is cancelled
            try:
                async with asyncio.timeout(SHUTDOWN_STOP_S):
                    await asyncio.gather(run_task, return_exceptions=True)
            except TimeoutError:
                _log.error("the session did not end in %.0f s while closing", SHUTDOWN_STOP_S)
        if ctx.link is not None:
            try:
                async with asyncio.timeout(SHUTDOWN_DISCONNECT_S):
                    await ctx.link.disconnect()
            except (TimeoutError, TreadmillError) as exc:
                _log.warning("disconnect while closing failed: %s", exc)
        try:
            async with asyncio.timeout(SHUTDOWN_DISCONNECT_S):
                await self.bridge.strap_bridge.aclose()
        except (TimeoutError, TreadmillError) as exc:
            _log.warning("strap disconnect while closing failed: %s", exc)
        # Let the bridges' own tasks (a scan, a connect) end while the bridges still exist.
        pending = [t for t in ctx.tasks if not t.done()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            self.bridge.remove_key_filter(app)
        self.bridge.session_bridge.close()
        if ctx.history is not None:
            ctx.history.close()
        self.window.close()
        self.engine.deleteLater()


def _persist_settings(settings: Settings) -> None:
    try:
        settings_mod.save_settings(settings)
    except OSError as exc:
        raise TreadmillError(f"Could not save the settings: {exc}") from exc


def build_app(
    *,
    simulate: bool,
    sim_profile: str = "ideal",
    settings: Settings | None = None,
    save_settings: Callable[[Settings], None] | None = None,
    cue_player_factory: Callable[[AppContext], CuePlayer] | None = None,
) -> RunningApp:
    """Make the app on the running loop and show its window (``open_window``, then
    ``RunningApp.start``). Raises TreadmillError if the window cannot load."""
    import asyncio  # noqa: PLC0415 - the caller's loop runs: asyncio is loaded

    running = open_window(
        simulate=simulate,
        sim_profile=sim_profile,
        settings=settings,
        save_settings=save_settings,
        cue_player_factory=cue_player_factory,
    )
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)  # open_window checked
    running.bridge.install_key_filter(app)
    running.start(asyncio.get_running_loop())
    return running


def open_window(
    *,
    simulate: bool,
    sim_profile: str = "ideal",
    settings: Settings | None = None,
    save_settings: Callable[[Settings], None] | None = None,
    cue_player_factory: Callable[[AppContext], CuePlayer] | None = None,
    check_profile: bool = True,
) -> RunningApp:
    """Make the app and show its window, with no event loop yet (asyncio need not be
    imported): ``bridge.install_key_filter(app)`` then ``RunningApp.start(loop)`` run it.
    ``settings`` default to the user's file; ``save_settings`` to writing it. Raises
    TreadmillError if the window cannot load, or for an unknown virtual treadmill profile (with
    ``check_profile=False``: the caller checks it with ``source.check_profile()``)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise TreadmillError("open_window needs a QGuiApplication")
    problems: list[str] = []
    if settings is None:
        loaded = settings_mod.load_settings()
        settings = loaded.settings
        problems = [str(p) for p in loaded.problems]
    translation.use_language(str(getattr(settings, "language", "system")))
    source = simulated_source(sim_profile, check=check_profile) if simulate else bluetooth_source()
    shown = FirstFrame()

    def once_shown[**P, R](call: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        # The connect screen starts a scan (and connects the remembered strap) as it opens:
        # let the window draw first.
        async def after_first_frame(*args: P.args, **kwargs: P.kwargs) -> R:
            await shown.wait()
            return await call(*args, **kwargs)

        return after_first_frame

    ctx = AppContext(
        settings=settings,
        save_settings=save_settings or _persist_settings,
        loop=None,
        open_link=lambda address: source.open_link(address, ctx.settings),
        open_check_link=source.open_link,
        scan=once_shown(source.scan),
        simulate=simulate,
        sim_profile=sim_profile,
        scan_straps=once_shown(source.scan_straps),
        open_strap=once_shown(source.open_strap),
        strap_direction=source.strap_direction,
    )
    cue_player = cue_player_factory(ctx) if cue_player_factory is not None else None
    bridge = AppBridge(ctx, cue_player=cue_player)
    engine = QQmlApplicationEngine()
    # The engine owns the bridge: it is deleted after the QML that binds to it.
    bridge.setParent(engine)
    engine.setInitialProperties({"app": bridge})
    engine.load(QUrl.fromLocalFile(str(MAIN_QML)))
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise TreadmillError(f"The window could not be loaded from {MAIN_QML} (see the log)")
    window = roots[0]
    running = RunningApp(ctx, bridge, engine, window, source, shown)
    shown.watch(window)
    restore_window_state(running)
    bridge.fullScreenChanged.connect(lambda: _apply_full_screen(running))
    for problem in problems:
        bridge.notify(NoticeLevel.WARNING, tr("Settings file: {problem}", problem=problem))
    if simulate:
        bridge.notify(NoticeLevel.INFO, tr("Virtual treadmill: nothing real moves."))
    return running


async def load_rest(running: RunningApp) -> None:
    """Once the window has shown, load what its first screen did not need, one piece per turn
    of the loop (input and redraws are handled in between)."""
    import asyncio  # noqa: PLC0415 - loaded by now (see the module doc)

    await running.shown.wait()
    await running.source.load_in_steps()
    await open_history(running)
    pieces: tuple[tuple[str, Callable[[], object]], ...] = (
        ("the session engine and the history", load_engine),
        ("the audio output", running.bridge.cue_player.open_output),
        ("the preset library", running.bridge.presets_bridge),
        ("the settings screen", running.bridge.settings_bridge),
        ("the history screen", running.bridge.history_bridge),
        ("the plans", running.bridge.plans_bridge),  # its QML type, before the screens compile
        *(
            (f"ui/{file}", partial(compile_qml, running, file))
            for file in SCREEN_FILES.values()
            if file != SCREEN_FILES[Screen.CONNECT]
        ),
    )
    for what, load in pieces:
        await asyncio.sleep(0)
        started = time.perf_counter()
        load()
        _log.debug("loaded %s in %.0f ms", what, (time.perf_counter() - started) * 1000)


async def open_history(running: RunningApp) -> None:
    """Open the session history after the first frame: its integrity check is bounded to
    HISTORY_CHECK_S (a huge file is not checked whole) and a damaged file is moved aside; the
    connection's writes (the list's delete and undo) wait at most HISTORY_BUSY_S for another
    program's lock, so a locked file cannot stall the loop. A problem is told to the user;
    the app runs without a history. (Not on a worker thread: see history/writer.py.)"""
    from treadmill_ctl.history import HistoryStore  # noqa: PLC0415 - after the first frame

    ctx = running.context
    if ctx.history is not None:
        return
    try:
        store = HistoryStore.open(busy_timeout_s=HISTORY_BUSY_S, check_budget_s=HISTORY_CHECK_S)
    except TreadmillError as exc:
        _log.warning("history not available: %s", exc)
        ctx.notify(NoticeLevel.WARNING, str(exc))
        return
    ctx.history = store
    if store.notice:
        ctx.notify(NoticeLevel.WARNING, store.notice)


def compile_qml(running: RunningApp, file: str) -> None:
    """Compile a screen's QML (and load the QML modules it imports: Qt Quick Controls and
    Layouts, which the first screen does without) so that it shows at once when first chosen.
    Kept in ``running.compiled``: the engine's cache may drop a type nobody holds."""
    from treadmill_ctl.app.qt import QQmlComponent  # noqa: PLC0415 - not needed to start (qt.py)

    component = QQmlComponent(running.engine, QUrl.fromLocalFile(str(UI_DIR / file)))
    if component.isError():
        _log.error("ui/%s: %s", file, component.errorString())
    running.compiled.append(component)


def _apply_full_screen(running: RunningApp) -> None:
    if running.bridge.property("fullScreen"):
        running.window.showFullScreen()
    else:
        running.window.showNormal()


def restore_window_state(running: RunningApp) -> None:
    """Size, place, maximise or full-screen the window as it was last closed."""
    state = getattr(running.context.settings, "window", None)
    if not isinstance(state, WindowState):
        return
    window = running.window
    window.resize(
        max(state.width, window.minimumWidth()), max(state.height, window.minimumHeight())
    )
    if state.x is not None and state.y is not None:
        window.setPosition(state.x, state.y)
    if state.fullscreen:
        running.bridge.setProperty("fullScreen", True)
    elif state.maximized:
        window.showMaximized()


def save_window_state(running: RunningApp) -> None:
    """Remember the window's size, place and mode in the settings."""
    from treadmill_ctl.app.qt import QWindow  # noqa: PLC0415 - not needed to start (qt.py)

    window = running.window
    vis = window.visibility()
    full = vis == QWindow.Visibility.FullScreen
    maximized = vis == QWindow.Visibility.Maximized
    old = getattr(running.context.settings, "window", WindowState())
    # Keep the normal geometry when closing maximised or full screen.
    geometry = (
        (old.width, old.height, old.x, old.y)
        if full or maximized
        else (window.width(), window.height(), window.x(), window.y())
    )
    state = WindowState(*geometry, maximized=maximized, fullscreen=full)
    if state == old:
        return
    try:
        running.context.save_settings(dataclasses.replace(running.context.settings, window=state))
    except TreadmillError as exc:
        _log.warning("window state not saved: %s", exc)


# While the rest loads after the first frame, how late a timer this often fires is how long
# input could have waited (the "loaded" line reports the worst).
STALL_PROBE_MS: Final = 5


def _exit_when_ready(
    running: RunningApp, started: float
) -> tuple[Callable[[], None], Callable[[], None]]:
    """``ready <s> screen=<name>`` at the first frame (``<name>``: the screen drawn in it, or
    ``none``), then ``loaded <s> longest <ms>`` once the rest has loaded, with the longest the
    main thread was busy between the two (``STALL_PROBE_MS``; this includes making the loop
    after the first frame), then close. Call before the first frame; returns what to call just
    after it (starts the probe) and once the app's loop exists (closes when loaded)."""
    window = running.window
    # The screen the first frame draws: the one loaded with the window (the screen loader is
    # synchronous; read here, on the GUI thread, as frameSwapped may come from the render
    # thread).
    loader = window.findChild(QQuickItem, "screenLoader")
    loaded = loader is not None and loader.property("item") is not None
    screen = running.bridge.property("screen") if loaded else "none"
    first_frame_at: list[float] = []
    last_tick = [time.perf_counter()]
    longest = [0.0]

    probe = QTimer(window)

    def first_frame() -> None:  # once, on the thread that drew it (FirstFrame)
        first_frame_at.append(time.perf_counter())
        last_tick[0] = first_frame_at[0]
        elapsed = first_frame_at[0] - started
        print(f"ready {elapsed:.3f} screen={screen}", file=sys.stderr, flush=True)  # noqa: T201

    def tick() -> None:
        now = time.perf_counter()
        longest[0] = max(longest[0], now - last_tick[0] - STALL_PROBE_MS / 1000)
        last_tick[0] = now

    probe.setInterval(STALL_PROBE_MS)
    probe.timeout.connect(tick)

    async def close_when_loaded() -> None:
        try:
            assert running.loading is not None
            await running.loading
            if first_frame_at:
                tick()
            probe.stop()
            line = f"loaded {time.perf_counter() - started:.3f} longest {longest[0] * 1000:.0f}"
            print(line, file=sys.stderr, flush=True)  # noqa: T201
        finally:
            window.close()

    def start_probe() -> None:
        # Only after the first frame: the app touches no ``Qt.*`` enum before it, and the first
        # use of one costs ~15 ms (see keys.py); it counts as busy (the first tick measures from
        # the first frame).
        from treadmill_ctl.app.qt import Qt  # noqa: PLC0415 - after the first frame (see qt.py)

        probe.setTimerType(Qt.TimerType.PreciseTimer)
        probe.start()

    def close_when_ready() -> None:
        running.context.spawn(close_when_loaded(), what="Closing when ready")

    running.shown.at_first_frame.append(first_frame)
    return start_probe, close_when_ready


def _cannot_start(exc: TreadmillError) -> int:
    _log.critical("%s", exc)
    print(f"treadmill-ctl: {exc}", file=sys.stderr)  # noqa: T201 - no window to show it
    return 1


def main(*, simulate: bool, sim_profile: str = "ideal") -> int:
    """Run the app until its window closes; returns the exit status. On real Bluetooth a
    second app is refused (``instance.InstanceLock``) before anything else happens."""
    started = time.perf_counter()
    instance = None
    if not simulate:
        from treadmill_ctl.instance import InstanceLock  # noqa: PLC0415 - real Bluetooth only

        try:
            instance = InstanceLock.acquire(what="the treadmill-ctl window")
        except TreadmillError as exc:
            return _cannot_start(exc)
    try:
        return _main(simulate=simulate, sim_profile=sim_profile, started=started)
    finally:
        if instance is not None:
            instance.release()


def _main(*, simulate: bool, sim_profile: str, started: float) -> int:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("treadmill-ctl")
    app.setApplicationDisplayName("treadmill-ctl")
    # Matches the desktop entry (``treadmill-ctl install-desktop``): its icon and name.
    app.setDesktopFileName("treadmill-ctl")
    app.setQuitOnLastWindowClosed(False)
    qInstallMessageHandler(qt_message_to_log)
    reporter = ErrorReporter()
    sys.excepthook = reporter.excepthook
    try:
        # The virtual treadmill's profile is read after the window's first frame.
        running = open_window(simulate=simulate, sim_profile=sim_profile, check_profile=False)
    except TreadmillError as exc:
        return _cannot_start(exc)
    reporter.bridge = running.bridge

    def make_loop() -> asyncio.AbstractEventLoop:
        import asyncio  # noqa: PLC0415 - after the first frame (see the module doc)

        from treadmill_ctl.app.event_loop import AppEventLoop  # noqa: PLC0415 - likewise

        loop = AppEventLoop(app)
        loop.set_exception_handler(reporter.loop_exception)
        asyncio.set_event_loop(loop)
        return loop

    # Made below, or sooner if input handled after the first frame needs it (a task to start).
    running.context.make_loop = make_loop
    after_first_frame: list[Callable[[], None]] = []
    when_running: list[Callable[[], None]] = []
    if os.environ.get(EXIT_WHEN_READY_ENV) == "1":
        start_probe, close_when_ready = _exit_when_ready(running, started)
        after_first_frame.append(start_probe)
        when_running.append(close_when_ready)
    if simulate:
        running.bridge.setProperty("screen", Screen.CONNECT)
    wait_for_first_frame(running.shown, running.window)
    for call in after_first_frame:
        call()
    # Keys go to the filter first (STOP whatever has focus) from the first key handled on.
    running.bridge.install_key_filter(app)
    # From here on, input is handled between the steps that make the loop. (The filter's first
    # events take ~35 ms: PySide sets up each event class it first hands to Python.)
    app.processEvents()
    try:
        running.source.check_profile()
    except TreadmillError as exc:
        running.window.close()
        return _cannot_start(exc)
    app.processEvents()
    # Only now, with the window drawn: asyncio and qasync (~40 ms) are not needed before.
    import asyncio  # noqa: PLC0415 - after the first frame (see the module doc)

    app.processEvents()
    loop = running.context.running_loop()  # made now, unless input needed it already
    # Before the loop runs, so that the tasks input may have started find the app started.
    running.start(loop)
    assert running.loading is not None
    # The garbage collector is off while the app starts (commands/gui.py); from here on the
    # loop's collector runs it, on the GUI thread only (app/gui_gc.py).
    for call in when_running:
        call()
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)

    async def run() -> int:
        await closed.wait()
        await running.aclose()
        return 0

    try:
        status: int = loop.run_until_complete(run())
    finally:  # as qasync's ``with loop:`` does
        loop.stop()
        loop.close()
    return status
