"""The root object QML sees as ``app``: which screen is shown, whether the treadmill is virtual,
notices for the user, and the screens' bridges as constant properties (``app.session``,
``app.connect``, ``app.presets``, ``app.settings``, ``app.history``).

Types are registered for QML (module ``TreadmillCtl``) so ``qmllint`` checks every binding
against the real properties; ``scripts/make_qmltypes.py`` regenerates the type description
``ui/TreadmillCtl/bridges.qmltypes`` after a bridge's properties change.
"""

from __future__ import annotations

import logging
from typing import Final

from treadmill_ctl.app.context import SCREEN_FILES, AppContext, NoticeLevel, Screen
from treadmill_ctl.app.qt import Property, QmlElement, QmlUncreatable, QObject, Signal, Slot
from treadmill_ctl.app.session_bridge import SessionBridge
from treadmill_ctl.ftms.api import TreadmillControl

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

_THEMES: Final = ("dark", "light")


@QmlElement
@QmlUncreatable("The app creates its bridges")
class AppBridge(QObject):
    """The app's root bridge: screen navigation, theme, notices and the sub-bridges."""

    screenChanged = Signal()
    themeChanged = Signal()
    fullScreenChanged = Signal()
    keyHelpVisibleChanged = Signal()
    # level ("info" | "warning" | "danger"), message in user words
    notice = Signal(str, str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._screen = Screen.SESSION if context.link is not None else Screen.CONNECT
        self._theme = "dark"
        self._full_screen = False
        self._key_help_visible = False
        context.switch_screen = self._switch_screen
        context.use_link = self._use_link
        context.choose_plan = self._choose_plan
        context.notify = self._notify
        self._session = SessionBridge(context, self)
        # The other screens' bridges plug in here as they land (see docs/gui.md).
        self._connect = QObject(self)
        self._presets = QObject(self)
        self._settings = QObject(self)
        self._history = QObject(self)

    @property
    def context(self) -> AppContext:
        """The shared context (for Python callers; QML uses the properties)."""
        return self._context

    # -- sub-bridges -------------------------------------------------------------------------

    @Property(SessionBridge, constant=True)
    def session(self) -> SessionBridge:
        """The running session (session screen)."""
        return self._session

    @Property(QObject, constant=True)
    def connect(self) -> QObject:  # type: ignore[override]
        """Scan and connect (connect screen)."""
        return self._connect

    @Property(QObject, constant=True)
    def presets(self) -> QObject:
        """The preset library and editor."""
        return self._presets

    @Property(QObject, constant=True)
    def settings(self) -> QObject:
        """User settings."""
        return self._settings

    @Property(QObject, constant=True)
    def history(self) -> QObject:
        """Past sessions."""
        return self._history

    # -- navigation and window ---------------------------------------------------------------

    def _get_screen(self) -> str:
        return self._screen.value

    def _set_screen(self, screen: str) -> None:
        try:
            value = Screen(screen)
        except ValueError:
            _log.warning("unknown screen %r", screen)
            return
        if value is not self._screen:
            self._screen = value
            self.screenChanged.emit()

    screen = Property(str, _get_screen, _set_screen, notify=screenChanged)

    @Property(str, notify=screenChanged)
    def screenFile(self) -> str:
        """The QML file of the current screen, relative to Main.qml."""
        return SCREEN_FILES[self._screen]

    @Property(bool, constant=True)
    def simulated(self) -> bool:
        """True when the app drives the virtual treadmill."""
        return self._context.simulate

    def _get_theme(self) -> str:
        return self._theme

    def _set_theme(self, theme: str) -> None:
        if theme in _THEMES and theme != self._theme:
            self._theme = theme
            self.themeChanged.emit()

    theme = Property(str, _get_theme, _set_theme, notify=themeChanged)

    def _get_full_screen(self) -> bool:
        return self._full_screen

    def _set_full_screen(self, on: bool) -> None:
        if on != self._full_screen:
            self._full_screen = on
            self.fullScreenChanged.emit()

    fullScreen = Property(bool, _get_full_screen, _set_full_screen, notify=fullScreenChanged)

    def _get_key_help_visible(self) -> bool:
        return self._key_help_visible

    def _set_key_help_visible(self, on: bool) -> None:
        if on != self._key_help_visible:
            self._key_help_visible = on
            self.keyHelpVisibleChanged.emit()

    keyHelpVisible = Property(
        bool, _get_key_help_visible, _set_key_help_visible, notify=keyHelpVisibleChanged
    )

    @Property(list, constant=True)
    def keyHelp(self) -> list[dict[str, object]]:
        """Rows of the ``?`` overlay: {keys, action, stop}."""
        return []

    @Slot()
    def toggleFullScreen(self) -> None:
        """F11."""
        self._set_full_screen(not self._full_screen)

    @Slot()
    def toggleKeyHelp(self) -> None:
        """The ``?`` overlay listing every key."""
        self._set_key_help_visible(not self._key_help_visible)

    @Slot(str, str)
    def notify(self, level: str, message: str) -> None:
        """Show a notice to the user (QML or Python)."""
        self._notify(level, message)

    # -- context hooks -----------------------------------------------------------------------

    def _switch_screen(self, screen: str) -> None:
        self._set_screen(screen)

    def _use_link(self, link: TreadmillControl) -> None:
        self._context.link = link
        self._session.use_link(link)

    def _choose_plan(self, plan: object) -> None:
        self._context.plan = plan
        self._session.use_plan(plan)
        self._set_screen(Screen.SESSION)

    def _notify(self, level: str, message: str) -> None:
        if level not in tuple(NoticeLevel):
            level = NoticeLevel.INFO
        _log.info("notice (%s): %s", level, message)
        self.notice.emit(level, message)
