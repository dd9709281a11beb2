"""The heart-rate strap's bridge: find a strap, connect to the one the user chooses, remember it,
and feed its heart rate to the session running now.

The strap is optional and never in charge (../shared/docs/safety.md): it cannot start, stop or
speed up the belt; above the HR cap it can only make the engine slow a backward block. Losing it
is shown (a notice, the session's heart-rate tile) and the session goes on with the treadmill's
own heart rate, if it sends one.

Like the treadmill, a strap is connected only when the user picks it (a click on its row), or
when it is the strap they picked before (``autoConnect``: once per app run, as the connect
screen opens; straps sleep until worn, so a failed try says so and waits for the user).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app.connect_bridge import change_settings, signal_text
from treadmill_ctl.app.context import AppContext, NoticeLevel
from treadmill_ctl.app.formatting import heart_rate_text
from treadmill_ctl.app.qt import Property, QmlElement, QmlUncreatable, QObject, Signal, Slot
from treadmill_ctl.app.radio_problems import describe_bluetooth_error, radio_errors, signal_bars
from treadmill_ctl.app.translation import translated
from treadmill_ctl.errors import HeartRateStrapError, TreadmillError
from treadmill_ctl.texts import tr

if TYPE_CHECKING:
    import asyncio

    from treadmill_ctl.hr.strap import DiscoveredStrap, HeartRateStrap, StrapUpdate
    from treadmill_ctl.session.strap_feed import HeartRateConsumer, StrapFeed

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

SCAN_SECONDS: Final = 5.0
# The straps listed: the one the runner wears is the strongest (or the remembered one); in a
# gym a scan hears everybody's.
MAX_ROWS: Final = 3

type StrapScanFunction = Callable[[float], Awaitable[Sequence[DiscoveredStrap]]]
type StrapOpener = Callable[[str], Awaitable[HeartRateStrap]]
# Tells the virtual strap (when simulating) which way the runner faces; None for a real one.
type DirectionHook = Callable[[str], Callable[[str], None] | None]


def _open_errors() -> tuple[type[BaseException], ...]:
    return (*radio_errors(), TreadmillError)


class StrapPhase(enum.StrEnum):
    """What the strap link is doing, as the screens show it."""

    NONE = "none"  # no strap connected (none chosen, or disconnected on purpose)
    CONNECTING = "connecting"
    CONNECTED = "connected"
    LOST = "lost"  # dropped on its own; reconnecting in the background
    FAILED = "failed"  # the last connect failed (asleep, out of range, taken by another app)


@QmlElement
@QmlUncreatable("The app creates its bridges")
class StrapBridge(QObject):
    """Scan for heart-rate straps, connect to the chosen one, remember it, and feed the session
    engine (``follow``). ``devices`` rows: ``name, address, bars, signal, remembered, current``.
    """

    devicesChanged = Signal()
    stateChanged = Signal()
    heartRateChanged = Signal()
    rememberedChanged = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._scan_fn: StrapScanFunction | None = context.scan_straps
        self._open_fn: StrapOpener | None = context.open_strap
        self._direction_hook: DirectionHook | None = context.strap_direction
        self._found: list[DiscoveredStrap] = []
        self._rows: list[dict[str, Any]] = []
        self._scanning = False
        self._phase = StrapPhase.NONE
        self._status = ""
        self._target = ""
        self._strap: HeartRateStrap | None = None
        self._feed: StrapFeed | None = None
        self._unlisten: Callable[[], None] | None = None
        self._engine: HeartRateConsumer | None = None
        self._bpm: int | None = None
        self._no_contact = False
        self._auto_tried = False
        self._task: asyncio.Task[None] | None = None
        self._scan_task: asyncio.Task[None] | None = None
        self._op = 0  # the latest user action (see _begin)
        self._lock: asyncio.Lock | None = None

    # -- the engine --------------------------------------------------------------------------

    def follow(self, engine: HeartRateConsumer | None) -> None:
        """The session engine of the moment (None: no session); the strap feeds it."""
        self._engine = engine
        if self._feed is not None:
            self._feed.follow(engine)

    # -- properties --------------------------------------------------------------------------

    @Property(bool, notify=stateChanged)
    def available(self) -> bool:
        """Heart-rate straps can be used here (a Bluetooth or virtual air is wired)."""
        return self._scan_fn is not None and self._open_fn is not None

    @Property(list, notify=devicesChanged)
    def devices(self) -> list[dict[str, Any]]:
        """Straps heard in the last scan, the remembered one first, then by signal (at most
        ``MAX_ROWS``)."""
        return self._rows

    @Property(bool, notify=stateChanged)
    def scanning(self) -> bool:
        return self._scanning

    @Property(str, notify=stateChanged)
    def state(self) -> str:
        """``none``, ``connecting``, ``connected``, ``lost`` or ``failed`` (see StrapPhase)."""
        return self._phase.value

    @Property(bool, notify=stateChanged)
    def busy(self) -> bool:
        """A connect is running."""
        return self._phase is StrapPhase.CONNECTING

    @Property(str, notify=stateChanged)
    def currentAddress(self) -> str:
        """The strap connected, being connected to, or lost (empty when none)."""
        return self._target if self._phase is not StrapPhase.NONE else ""

    @Property(str, notify=stateChanged)
    def status(self) -> str:
        """One line for the user: what the strap link is doing, or what went wrong."""
        return translated(self._status)

    @Property(str, notify=heartRateChanged)
    def heartRateText(self) -> str:
        """The strap's heart rate now (``72``), empty when it gives none."""
        return heart_rate_text(self._bpm)

    @Property(str, notify=heartRateChanged)
    def note(self) -> str:
        """What is wrong with the strap's heart rate, in a word or two for the session's
        heart-rate tile ("no contact", "strap lost"), empty when nothing is."""
        if self._phase is StrapPhase.CONNECTED and self._no_contact:
            return translated(tr("no contact"))
        if self._phase is StrapPhase.LOST:
            return translated(tr("strap lost"))
        return ""

    @Property(str, notify=stateChanged)
    def currentName(self) -> str:
        """The name of the strap in use, being connected to or that failed; else the
        remembered one's (empty when none)."""
        if self._phase is not StrapPhase.NONE and self._target:
            return self._name_of(self._target)
        return str(self.rememberedName)

    @Property(str, notify=rememberedChanged)
    def rememberedAddress(self) -> str:
        """The strap used last time (empty if none)."""
        return str(getattr(self._context.settings, "hr_strap_address", "") or "")

    @Property(str, notify=rememberedChanged)
    def rememberedName(self) -> str:
        """Its name (its address when it had none)."""
        name = str(getattr(self._context.settings, "hr_strap_name", "") or "")
        return name or str(self.rememberedAddress)

    # -- actions -----------------------------------------------------------------------------

    @Slot()
    def scan(self) -> None:
        """Listen for heart-rate straps (never connects)."""
        if self._scanning or self._scan_fn is None:
            return
        self._scanning = True
        self._set_status(tr("Looking for heart-rate straps… (wear yours: most sleep until worn)"))
        self._scan_task = self._context.spawn(self._async_scan(), what="Strap scan")

    @Slot(str)
    def connectTo(self, address: str) -> None:
        """Connect to the strap the user picked (the one connected before is let go; a connect
        still running to another strap is abandoned)."""
        if not address or self._open_fn is None:
            return
        same = self._target.upper() == address.upper()
        if same and self._phase in (StrapPhase.CONNECTING, StrapPhase.CONNECTED):
            return
        op = self._begin()
        self._target = address
        self._set_phase(StrapPhase.CONNECTING)
        self._set_status(tr("Connecting to {name}…", name=self._name_of(address)))
        # The connect screen connects the remembered strap as it opens, which may be before
        # the app's loop runs (the window's first frame comes first): it starts once it does.
        if not self._context.when_running(lambda: self._start_connect(address, op)):
            self._start_connect(address, op)

    def _start_connect(self, address: str, op: int) -> None:
        if self._latest(op):
            self._task = self._context.spawn(self._async_connect(address, op), what="Strap connect")

    @Slot()
    def connectRemembered(self) -> None:
        """Connect to the strap used last time."""
        if self.rememberedAddress:
            self.connectTo(str(self.rememberedAddress))

    @Slot()
    def retry(self) -> None:
        """Try again the strap that failed (else the remembered one)."""
        if self._phase is StrapPhase.FAILED and self._target:
            self.connectTo(self._target)
        else:
            self.connectRemembered()

    @Slot()
    def autoConnect(self) -> None:
        """Connect to the remembered strap, once per run of the app (the connect screen calls
        it as it opens)."""
        if self._auto_tried or self._phase is not StrapPhase.NONE:
            return
        self._auto_tried = True
        self.connectRemembered()

    @Slot()
    def disconnectStrap(self) -> None:
        """Let the strap go (it stays remembered)."""
        op = self._begin()
        self._context.spawn(self._release(op, "Heart-rate strap disconnected."), what="Strap")

    @Slot()
    def forget(self) -> None:
        """Let the strap go and forget it."""
        op = self._begin()
        self._context.spawn(
            self._release(op, "Heart-rate strap forgotten.", forget=True), what="Strap"
        )

    async def aclose(self) -> None:
        """The app is closing: disconnect the strap."""
        if self._scan_task is not None:
            self._scan_task.cancel()
        await self._release(self._begin(), "")

    # -- internals ---------------------------------------------------------------------------
    #
    # Each user action (use, disconnect, forget, close) starts a new operation: the one
    # running before is cancelled, and the operations run one at a time (a lock), so a slow
    # radio cannot interleave a disconnect with the next connect. Only the latest operation
    # changes what the card shows and what the settings remember.

    def _begin(self) -> int:
        self._op += 1
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
        return self._op

    def _latest(self, op: int) -> bool:
        return op == self._op

    def _op_lock(self) -> asyncio.Lock:
        import asyncio  # noqa: PLC0415 - asyncio loads after the first frame (main.py)

        if self._lock is None:
            self._lock = asyncio.Lock()
        return self._lock

    async def _async_scan(self) -> None:
        assert self._scan_fn is not None
        try:
            found = await self._scan_fn(SCAN_SECONDS)
        except radio_errors() as exc:
            _log.warning("strap scan failed: %s", exc, exc_info=exc)
            problem = describe_bluetooth_error(exc)
            self._set_status(
                tr("{problem}: {advice}", problem=problem.title, advice=problem.advice)
            )
            found = []
        else:
            count = len(found)
            self._set_status(
                tr("No heart-rate strap heard. Wear it (moisten the electrodes) and look again.")
                if count == 0
                else (
                    tr("1 strap found.") if count == 1 else tr("{count} straps found.", count=count)
                )
            )
        finally:
            self._scanning = False
            self._scan_task = None
            self.stateChanged.emit()
        self._found = list(found)
        self._rebuild()

    async def _async_connect(self, address: str, op: int) -> None:
        import asyncio  # noqa: PLC0415 - asyncio loads after the first frame (main.py)

        assert self._open_fn is not None
        async with self._op_lock():
            if not self._latest(op):
                return
            await self._drop_strap()  # one strap at a time
            try:
                strap = await self._open_fn(address)
            except _open_errors() as exc:
                if self._latest(op):
                    self._failed(f"Heart-rate strap not connected: {exc}")
                return
            on_direction = self._direction_hook(address) if self._direction_hook else None
            from treadmill_ctl.session.strap_feed import StrapFeed  # noqa: PLC0415 - loaded with the stack

            feed = StrapFeed(strap, on_direction=on_direction)
            remove = strap.add_listener(self._on_update)
            try:
                await strap.connect()
            except HeartRateStrapError as exc:
                remove()
                feed.close()
                if self._latest(op):
                    self._failed(str(exc))
                return
            except asyncio.CancelledError:
                remove()
                feed.close()
                await asyncio.shield(strap.disconnect())
                raise
            except Exception as exc:  # a bug: say so here too, not only in the task's notice
                remove()
                feed.close()
                if self._latest(op):
                    self._failed(f"Heart-rate strap not connected: {exc}")
                raise
            if not self._latest(op):  # the user did something else meanwhile
                remove()
                feed.close()
                await asyncio.shield(strap.disconnect())
                return
            self._strap, self._feed, self._unlisten = strap, feed, remove
            feed.follow(self._engine)
            self._set_phase(StrapPhase.CONNECTED)
            name = self._name_of(address)
            self._set_status(tr("Connected to {name}.", name=name))
            self._remember(address, name)
            self._rebuild()

    async def _release(self, op: int, say: str, *, forget: bool = False) -> None:
        """Let the strap go on purpose (no "lost" notice); ``forget``: and forget it."""
        async with self._op_lock():
            await self._drop_strap()
            if not self._latest(op):
                return
            if self._phase is not StrapPhase.NONE:
                self._set_phase(StrapPhase.NONE)
            if forget:
                self._remember(None, None)
            if say:
                self._set_status(say)
            self._rebuild()

    async def _drop_strap(self) -> None:
        """Detach the strap from the card and the engine at once, then disconnect it."""
        import asyncio  # noqa: PLC0415 - asyncio loads after the first frame (main.py)

        strap, feed, unlisten = self._strap, self._feed, self._unlisten
        self._strap = self._feed = self._unlisten = None
        if unlisten is not None:
            unlisten()
        if feed is not None:
            engine = feed.engine
            feed.close()
            if engine is not None:
                engine.report_heart_rate(None)  # no strap heart rate from now on
        self._set_bpm(None, no_contact=False)
        if strap is not None:
            await asyncio.shield(strap.disconnect())

    def _failed(self, message: str) -> None:
        _log.warning("%s", message)
        self._set_phase(StrapPhase.FAILED)
        self._set_status(message)

    def _on_update(self, update: StrapUpdate) -> None:
        from treadmill_ctl.hr.strap import (  # noqa: PLC0415 - loaded with the stack
            HeartRateReading,
            StrapEvent,
            StrapState,
        )

        if isinstance(update, HeartRateReading):
            self._set_bpm(update.bpm, no_contact=update.measurement.contact_lost)
        elif isinstance(update, StrapEvent):
            if update.state is StrapState.LOST and self._phase is StrapPhase.CONNECTED:
                self._set_phase(StrapPhase.LOST)
                self._set_bpm(None, no_contact=False)
                self._set_status(update.message)
                self._context.notify(NoticeLevel.WARNING, update.message)
            elif update.state is StrapState.CONNECTED and self._phase is StrapPhase.LOST:
                self._set_phase(StrapPhase.CONNECTED)
                self._set_status(tr("Connected to {name}.", name=self._name_of(self._target)))
                self._context.notify(NoticeLevel.INFO, tr("Heart-rate strap back."))

    def _set_bpm(self, bpm: int | None, *, no_contact: bool) -> None:
        if (bpm, no_contact) != (self._bpm, self._no_contact):
            self._bpm, self._no_contact = bpm, no_contact
            self.heartRateChanged.emit()

    def _set_phase(self, phase: StrapPhase) -> None:
        if phase is not self._phase:
            self._phase = phase
            self.stateChanged.emit()
            self.heartRateChanged.emit()  # the note follows the phase

    def _set_status(self, text: str) -> None:
        if text != self._status:
            self._status = text
            self.stateChanged.emit()

    def _name_of(self, address: str) -> str:
        for strap in self._found:
            if strap.address.upper() == address.upper():
                return strap.name
        if address.upper() == str(self.rememberedAddress).upper():
            return str(self.rememberedName)
        return address

    def _remember(self, address: str | None, name: str | None) -> None:
        settings = self._context.settings
        if (settings.hr_strap_address, settings.hr_strap_name) == (address, name):
            return
        change_settings(self._context, hr_strap_address=address, hr_strap_name=name)
        self.rememberedChanged.emit()
        self.stateChanged.emit()  # currentName may be the remembered one's
        self._rebuild()

    def _rebuild(self) -> None:
        remembered = str(self.rememberedAddress).upper()
        current = self._target.upper() if self._phase is not StrapPhase.NONE else ""
        rows: list[dict[str, Any]] = [
            {
                "name": strap.name,
                "address": strap.address,
                "bars": signal_bars(strap.rssi),
                "signal": signal_text(strap.rssi),
                "remembered": strap.address.upper() == remembered,
                "current": strap.address.upper() == current,
            }
            for strap in self._found
        ]
        rows.sort(key=lambda r: (not r["remembered"], -int(r["bars"]), str(r["name"])))
        rows = rows[:MAX_ROWS]
        if rows != self._rows:
            self._rows = rows
            self.devicesChanged.emit()
