"""The connect screen's bridge: scan, list, and connect to the treadmill the user chooses.

Safety (../shared/docs/safety.md, "The link"): the app connects only to the address the user
picked on this screen (a click, Enter on a row, or Enter on the remembered treadmill). A scan
never connects; a device that does not advertise FTMS is only offered after the user says
"this device is my treadmill".
"""

from __future__ import annotations

import dataclasses
import enum
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app.context import AppContext, NoticeLevel, Screen
from treadmill_ctl.app.qt import Property, QmlElement, QmlUncreatable, QObject, Signal, Slot
from treadmill_ctl.app.radio_problems import (
    Problem,
    ProblemKind,
    describe_bluetooth_error,
    radio_errors,
    signal_bars,
)
from treadmill_ctl.app.translation import translated
from treadmill_ctl.errors import TreadmillError
from treadmill_ctl.ftms.model import DiscoveredDevice, LinkState
from treadmill_ctl.session.events import SessionState
from treadmill_ctl.texts import tr
from treadmill_ctl.units import SpeedUnit

if TYPE_CHECKING:
    import asyncio

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

SCAN_SECONDS: Final = 5.0


def change_settings(context: AppContext, **changes: Any) -> None:
    """Remember ``changes`` in the settings (a device chosen, forgotten): saved at once; a
    failed save is said to the user and the change still holds for this run."""
    new = dataclasses.replace(context.settings, **changes)
    try:
        context.save_settings(new)
    except (OSError, ValueError, TreadmillError) as exc:
        _log.warning("settings not saved: %s", exc, exc_info=exc)
        context.notify(NoticeLevel.WARNING, tr("Settings not saved: {why}", why=exc))
    context.settings = new


_SIGNAL_WORDS: Final = (tr("unknown"), tr("weak"), tr("fair"), tr("good"), tr("strong"))


def signal_text(rssi: int | None) -> str:
    """``good (-72 dBm)``, or ``signal unknown``, in the user's language."""
    if rssi is None:
        return translated(tr("signal unknown"))
    quality = _SIGNAL_WORDS[signal_bars(rssi)]
    return translated(tr("{quality} ({rssi} dBm)", quality=quality, rssi=rssi))


class _Phase(enum.StrEnum):
    IDLE = "idle"
    SCANNING = "scanning"
    CONNECTING = "connecting"
    CONNECTED = "connected"


@QmlElement
@QmlUncreatable("The app creates its bridges")
class ConnectBridge(QObject):
    """Scan for treadmills, list them (the remembered one first) and connect to the one the
    user chooses. ``devices`` is a list of rows (dicts) for a QML ListView:
    ``name, address, rssi, bars, signal, ftms, kind, remembered, marked, connectable``."""

    devicesChanged = Signal()
    stateChanged = Signal()
    problemChanged = Signal()
    rememberedChanged = Signal()
    showAllChanged = Signal()
    statusChanged = Signal()
    # Emitted after a successful connect, with the treadmill's name.
    connected = Signal(str)
    connectedChanged = Signal()
    # Emitted once the user's Disconnect has closed the link (the app forgets it).
    disconnected = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._seen: dict[str, DiscoveredDevice] = {}
        self._rows: list[dict[str, Any]] = []
        self._phase = _Phase.IDLE
        self._target = ""
        self._problem = Problem(ProblemKind.NONE, "", "")
        self._show_all = False
        self._status = ""
        # Devices the user said are their treadmill (this run; the one connected to is then
        # remembered in the settings).
        self._marked_addresses: set[str] = set()
        self._last_remembered = (self._remembered_address(), self._remembered_name())
        self._scan_task: asyncio.Task[None] | None = None
        self._connect_task: asyncio.Task[None] | None = None
        self._link_unsubscribe: Callable[[], None] | None = None
        self._shown_link = ("", "")  # (address, name) of the connected treadmill shown

    # -- settings (the remembered treadmill and the user's "this is my treadmill" list) ------

    def _remembered_address(self) -> str:
        return str(getattr(self._context.settings, "treadmill_address", "") or "")

    def _remembered_name(self) -> str:
        return str(getattr(self._context.settings, "treadmill_name", "") or "")

    def _marked(self) -> set[str]:
        return self._marked_addresses

    def _change_settings(self, **changes: Any) -> None:
        change_settings(self._context, **changes)
        self._rebuild()

    def _remember(self, address: str, name: str) -> None:
        self._change_settings(treadmill_address=address, treadmill_name=name)

    # -- properties --------------------------------------------------------------------------

    @Property(list, notify=devicesChanged)
    def devices(self) -> list[dict[str, Any]]:
        """Rows to show: treadmills (and marked devices), the remembered one first; with
        ``showAll`` also the other named devices seen."""
        return self._rows

    @Property(bool, notify=stateChanged)
    def scanning(self) -> bool:
        """A scan is running."""
        return self._phase is _Phase.SCANNING

    @Property(bool, notify=stateChanged)
    def connecting(self) -> bool:
        """A connect to ``connectingAddress`` is running."""
        return self._phase is _Phase.CONNECTING

    @Property(str, notify=stateChanged)
    def connectingAddress(self) -> str:
        """The address being connected to (empty when none)."""
        return self._target if self._phase is _Phase.CONNECTING else ""

    @Property(bool, notify=stateChanged)
    def isConnected(self) -> bool:
        """A treadmill is connected (through this screen)."""
        return self._phase is _Phase.CONNECTED

    @Property(str, notify=connectedChanged)
    def connectedAddress(self) -> str:
        """Address of the treadmill the app is connected to now (whoever connected it), empty
        when none."""
        return self._shown_link[0]

    @Property(str, notify=connectedChanged)
    def connectedName(self) -> str:
        """Name of the treadmill the app is connected to now (its address if it has none)."""
        return self._shown_link[1]

    @Property(str, notify=problemChanged)
    def problem(self) -> str:
        """Short title of the last Bluetooth problem ("Bluetooth is off"), empty when none."""
        return translated(self._problem.title)

    @Property(str, notify=problemChanged)
    def problemAdvice(self) -> str:
        """What to do about ``problem``."""
        return translated(self._problem.advice)

    @Property(str, notify=problemChanged)
    def problemKind(self) -> str:
        """``bluetooth_off``, ``no_adapter``, ``no_permission``, ``busy``, ``not_found``,
        ``failed`` or empty."""
        return self._problem.kind.value

    @Property(str, notify=statusChanged)
    def status(self) -> str:
        """One line about what is happening ("Scanning…", "3 treadmills found")."""
        return translated(self._status)

    @Property(str, notify=rememberedChanged)
    def rememberedAddress(self) -> str:
        """Address of the treadmill used last time (empty if none)."""
        return self._remembered_address()

    @Property(str, notify=rememberedChanged)
    def rememberedName(self) -> str:
        """Name of the treadmill used last time."""
        return self._remembered_name() or self._remembered_address()

    def _get_show_all(self) -> bool:
        return self._show_all

    def _set_show_all(self, on: bool) -> None:
        if on != self._show_all:
            self._show_all = on
            self.showAllChanged.emit()
            self._rebuild()

    showAll = Property(bool, _get_show_all, _set_show_all, notify=showAllChanged)

    # -- actions -----------------------------------------------------------------------------

    @Slot()
    def scan(self) -> None:
        """Scan for nearby devices (never connects)."""
        if self._phase in (_Phase.SCANNING, _Phase.CONNECTING):
            return
        self._set_problem(None)
        self._set_phase(_Phase.SCANNING)
        self._set_status(tr("Scanning for treadmills…"))
        # The connect screen scans as it opens, which may be before the app's loop runs (the
        # window's first frame comes first): the scan itself starts once it does.
        if not self._context.when_running(self._start_scan):
            self._start_scan()

    def _start_scan(self) -> None:
        if self._phase is _Phase.SCANNING and self._scan_task is None:
            self._scan_task = self._context.spawn(self._async_scan(), what="Scan")

    async def _async_scan(self) -> None:
        try:
            found = await self._context.scan(SCAN_SECONDS)
        except radio_errors() as exc:
            _log.warning("scan failed: %s", exc, exc_info=exc)
            self._set_problem(describe_bluetooth_error(exc))
            self._set_status("")
            self._seen.clear()  # what an earlier scan heard may be gone: show nothing stale
            found = ()
        else:
            self._set_status(_found_words(found, self._marked()))
        finally:
            self._scan_task = None
            if self._phase is _Phase.SCANNING:
                self._set_phase(_Phase.IDLE)
        self._merge(found)

    @Slot(str)
    def connectTo(self, address: str) -> None:
        """Connect to ``address``: the device the user picked. Only treadmills, devices the
        user marked, and the remembered treadmill can be connected to."""
        if self._phase in (_Phase.CONNECTING,) or not address:
            return
        if not self._may_connect(address):
            self._set_problem(
                Problem(
                    ProblemKind.FAILED,
                    tr("Not a treadmill"),
                    tr(
                        "This device does not say it is a fitness machine. If it is your "
                        "treadmill, choose “This is my treadmill” first."
                    ),
                )
            )
            return
        current = self._context.link
        if current is not None and current.state is LinkState.CONNECTED:
            if self._session_under_way():
                self._set_problem(
                    Problem(
                        ProblemKind.BUSY,
                        tr("A session is under way"),
                        tr("Stop it (and end it) before connecting to another treadmill."),
                    )
                )
                return
            if current.address.upper() == address.upper():
                self._context.switch_screen(Screen.PRESETS)  # already connected to it
                return
        if self._scan_task is not None:
            self._scan_task.cancel()
            self._scan_task = None
        self._set_problem(None)
        self._target = address
        self._set_phase(_Phase.CONNECTING)
        name = self._name_of(address)
        self._set_status(tr("Connecting to {name}…", name=name))
        self._connect_task = self._context.spawn(self._async_connect(address), what="Connect")

    @Slot()
    def connectRemembered(self) -> None:
        """Connect to the treadmill used last time (the one-key path: Enter)."""
        address = self._remembered_address()
        if address:
            self.connectTo(address)

    @Slot()
    def cancel(self) -> None:
        """Abandon a running scan or connect."""
        for task in (self._scan_task, self._connect_task):
            if task is not None:
                task.cancel()
        self._scan_task = self._connect_task = None
        if self._phase in (_Phase.SCANNING, _Phase.CONNECTING):
            self._set_phase(_Phase.IDLE)
            self._set_status(tr("Cancelled."))

    @Slot(str)
    def markAsTreadmill(self, address: str) -> None:
        """The user says this device (which does not advertise FTMS) is their treadmill: it can
        now be connected to (and is remembered once connected). Nothing connects yet."""
        if not address:
            return
        self._marked_addresses.add(address)
        self._rebuild()

    @Slot()
    def disconnectTreadmill(self) -> None:
        """Disconnect the connected treadmill (as the strap card does). Refused while a
        session is under way: the belt could then run with nobody able to stop it from here."""
        link = self._context.link
        if link is None or link.state is not LinkState.CONNECTED:
            return
        if self._session_under_way():
            self._set_problem(
                Problem(
                    ProblemKind.BUSY,
                    tr("A session is under way"),
                    tr("Stop it (and end it) before disconnecting the treadmill."),
                )
            )
            return
        self._set_problem(None)
        self._set_status(tr("Disconnecting from {name}…", name=self._shown_link[1]))
        self._context.spawn(self._async_disconnect(link), what="Disconnect")

    async def _async_disconnect(self, link: Any) -> None:
        await _quiet_disconnect(link)
        if self._context.link is link:
            self.disconnected.emit()  # the app forgets the link and the prepared session
        if self._phase is _Phase.CONNECTED:
            self._set_phase(_Phase.IDLE)
        self._set_status(tr("Disconnected."))
        self.link_changed()

    def link_changed(self) -> None:
        """The app's link changed (connected, replaced or forgotten): follow its state."""
        if self._link_unsubscribe is not None:
            self._link_unsubscribe()
            self._link_unsubscribe = None
        link = self._context.link
        if link is not None:
            self._link_unsubscribe = link.add_listener(lambda _update: self._show_link())
        elif self._phase is _Phase.CONNECTED:
            self._set_phase(_Phase.IDLE)  # forgotten elsewhere (the machine check took it)
        self._show_link()

    def _show_link(self) -> None:
        link = self._context.link
        shown = ("", "")
        if link is not None and link.state is LinkState.CONNECTED:
            caps = link.capabilities
            name = (caps.name if caps is not None and caps.name else "") or self._name_of(
                link.address
            )
            shown = (link.address, name)
        if shown != self._shown_link:
            self._shown_link = shown
            self.connectedChanged.emit()

    def close(self) -> None:
        """Stop following the link (the app is closing)."""
        if self._link_unsubscribe is not None:
            self._link_unsubscribe()
            self._link_unsubscribe = None

    @Slot()
    def forget(self) -> None:
        """Forget the remembered treadmill."""
        self._change_settings(treadmill_address=None, treadmill_name=None)
        self._rebuild()

    async def _async_connect(self, address: str) -> None:
        import asyncio  # noqa: PLC0415 - asyncio loads after the first frame (main.py)

        previous = self._context.link
        if previous is not None and previous.state is LinkState.CONNECTED:
            await _quiet_disconnect(previous)  # one treadmill at a time
        if not await self._apply_machine_check(address):
            return
        link = self._context.open_link(address)
        try:
            caps = await link.connect()
        except asyncio.CancelledError:
            await _quiet_disconnect(link)
            raise
        except radio_errors() as exc:
            _log.warning("connect to %s failed: %s", address, exc, exc_info=exc)
            await _quiet_disconnect(link)
            self._connect_task = None
            self._set_problem(describe_bluetooth_error(exc))
            self._set_status("")
            self._set_phase(_Phase.IDLE)
            return
        self._connect_task = None
        name = caps.name or self._name_of(address)
        self._remember(address, name)
        self._set_phase(_Phase.CONNECTED)
        self._set_status(tr("Connected to {name}.", name=name))
        self._context.use_link(link)
        self.connected.emit(name)
        self._context.switch_screen(Screen.PRESETS)

    async def _apply_machine_check(self, address: str) -> bool:
        """Read this treadmill's saved check (off the loop) and use it: the unit its console
        reads targets in goes to the link; a check that blocks sessions refuses the connect
        (False); a treadmill never checked gets the hint to check it."""
        import asyncio  # noqa: PLC0415 - asyncio loads after the first frame (main.py)

        from treadmill_ctl.session.machine_quirks import (  # noqa: PLC0415 - as asyncio
            NOT_CHECKED_HINT,
            MachineBlockedError,
            load_check,
            session_settings,
        )

        loaded = await asyncio.to_thread(load_check, address)
        if loaded.problem is not None:
            self._context.notify(
                NoticeLevel.WARNING,
                tr(
                    "{problem} — this treadmill's check is not used; sessions use the safe "
                    "defaults.",
                    problem=loaded.problem,
                ),
            )
        settings = self._context.settings
        fallback = getattr(settings, "treadmill_speed_unit", None)
        try:
            options = session_settings(
                loaded.check,
                fallback_unit=fallback if isinstance(fallback, SpeedUnit) else SpeedUnit.KMH,
            )
        except MachineBlockedError as exc:
            self._connect_task = None
            self._set_problem(
                Problem(ProblemKind.FAILED, tr("Sessions on this treadmill are refused"), str(exc))
            )
            self._set_status("")
            self._set_phase(_Phase.IDLE)
            return False
        if dataclasses.is_dataclass(settings) and hasattr(settings, "treadmill_speed_unit"):
            # For this run only (the check file keeps it): the link sends targets in this unit.
            self._context.settings = dataclasses.replace(
                settings, treadmill_speed_unit=options.target_unit
            )
        self._context.machine_timing = options if loaded.check is not None else None
        if loaded.check is None:
            self._context.notify(NoticeLevel.INFO, NOT_CHECKED_HINT)
        return True

    # -- helpers -----------------------------------------------------------------------------

    def _session_under_way(self) -> bool:
        engine = self._context.engine
        state = getattr(engine, "state", None)
        return engine is not None and state not in _AT_REST

    def _may_connect(self, address: str) -> bool:
        if address == self._remembered_address() or address in self._marked():
            return True
        device = self._seen.get(address)
        return device is not None and _is_treadmill(device)

    def _name_of(self, address: str) -> str:
        device = self._seen.get(address)
        if device is not None and device.name:
            return device.name
        if address == self._remembered_address() and self._remembered_name():
            return self._remembered_name()
        return address

    def _merge(self, found: Sequence[DiscoveredDevice]) -> None:
        for device in found:
            self._seen[device.address] = device
        self._rebuild()

    def _rebuild(self) -> None:
        remembered = self._remembered_address()
        if (remembered, self._remembered_name()) != self._last_remembered:
            self._last_remembered = (remembered, self._remembered_name())
            self.rememberedChanged.emit()
        marked = self._marked()
        rows: list[dict[str, Any]] = []
        for device in self._seen.values():
            treadmill = _is_treadmill(device)
            is_marked = device.address in marked
            if not (treadmill or is_marked or device.address == remembered or self._show_all):
                continue
            if not device.name and not (treadmill or is_marked):
                continue  # nameless non-FTMS devices are noise even with "show all"
            bars = signal_bars(device.rssi)
            rows.append(
                {
                    "name": device.name or "(no name)",
                    "address": device.address,
                    "rssi": device.rssi if device.rssi is not None else 0,
                    "bars": bars,
                    "signal": signal_text(device.rssi),
                    "ftms": device.advertises_ftms,
                    "kind": device.machine_type,
                    "remembered": device.address == remembered,
                    "marked": is_marked,
                    "connectable": treadmill or is_marked or device.address == remembered,
                }
            )
        rows.sort(
            key=lambda r: (
                not r["remembered"],
                not (r["ftms"] or r["marked"]),
                -(r["rssi"] or -999),
                r["name"],
            )
        )
        if rows != self._rows:
            self._rows = rows
            self.devicesChanged.emit()

    def _set_phase(self, phase: _Phase) -> None:
        if phase is not self._phase:
            self._phase = phase
            self.stateChanged.emit()

    def _set_problem(self, problem: Problem | None) -> None:
        problem = problem or Problem(ProblemKind.NONE, "", "")
        if problem != self._problem:
            self._problem = problem
            self.problemChanged.emit()

    def _set_status(self, text: str) -> None:
        if text != self._status:
            self._status = text
            self.statusChanged.emit()


# Engine states in which the belt is not part of a session any more (or not yet).
_AT_REST: Final = frozenset({SessionState.IDLE, SessionState.STOPPED, SessionState.FINISHED})


def _is_treadmill(device: DiscoveredDevice) -> bool:
    """An FTMS device that says it is a treadmill (or whose type bytes are unreadable)."""
    return device.advertises_ftms and device.machine_type in ("treadmill", "unknown")


def _found_words(found: Sequence[DiscoveredDevice], marked: set[str]) -> str:
    count = sum(1 for d in found if _is_treadmill(d) or d.address in marked)
    if count == 0:
        return tr("No treadmill found yet. Is it switched on and free (no other app connected)?")
    return tr("1 treadmill found.") if count == 1 else tr("{count} treadmills found.", count=count)


async def _quiet_disconnect(link: Any) -> None:
    """Disconnect after a failed or cancelled connect; its own failure is only logged."""
    try:
        await link.disconnect()
    except radio_errors() as exc:
        _log.debug("disconnect after a failed connect: %s", exc)
