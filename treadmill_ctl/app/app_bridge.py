"""The root object QML sees as ``app``: which screen is shown, whether the treadmill is virtual,
notices for the user, and the screens' bridges as constant properties (``app.session``,
``app.connect``, ``app.presets``, ``app.settings``, ``app.history``).

Types are registered for QML (module ``TreadmillCtl``) so ``qmllint`` checks every binding
against the real properties; ``scripts/make_qmltypes.py`` regenerates the type description
``ui/TreadmillCtl/bridges.qmltypes`` after a bridge's properties change.

The bridges of the presets (with the preset library, the editor and their types), settings and
history screens are imported after the window's first frame (or on first use): ``app.presets``,
``app.settings`` and ``app.history`` are declared ``QObject`` here, and
``LATE_PROPERTY_TYPES`` tells ``make_qmltypes.py`` (so qmllint) their real types. A screen that
uses one loads only after it has (``_set_screen``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Final

from treadmill_ctl.app import translation
from treadmill_ctl.app.check_bridge import CheckBridge
from treadmill_ctl.app.connect_bridge import ConnectBridge
from treadmill_ctl.app.context import SCREEN_FILES, AppContext, NoticeLevel, Screen
from treadmill_ctl.app.qt import (
    Property,
    QGuiApplication,
    QmlElement,
    QmlUncreatable,
    QObject,
    QQmlEngine,
    Signal,
    Slot,
)
from treadmill_ctl.app.session_bridge import SessionBridge
from treadmill_ctl.app.sound import CuePlayer
from treadmill_ctl.app.strap_bridge import StrapBridge
from treadmill_ctl.app.translation import translated
from treadmill_ctl.ftms.api import TreadmillControl
from treadmill_ctl.session.plan import Plan

if TYPE_CHECKING:
    from treadmill_ctl.app.history_bridge import HistoryBridge
    from treadmill_ctl.app.keys import AppKeyFilter, KeyAction
    from treadmill_ctl.app.plans_bridge import PlansBridge
    from treadmill_ctl.app.presets_bridge import PresetsBridge
    from treadmill_ctl.app.settings_bridge import SettingsBridge

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

_THEMES: Final = ("dark", "light", "high_contrast")

# AppBridge properties declared as QObject because their class loads late: their QML type.
LATE_PROPERTY_TYPES: Final = {
    "presets": "PresetsBridge",
    "settings": "SettingsBridge",
    "history": "HistoryBridge",
    "plans": "PlansBridge",
}
# The late bridge (AppBridge property) each screen's QML uses: it loads before the screen.
_SCREEN_BRIDGES: Final = {
    Screen.PRESETS: "presets",
    Screen.EDITOR: "presets",
    Screen.SUMMARY: "presets",
    Screen.SETTINGS: "settings",
    Screen.HISTORY: "history",
    Screen.PLANS: "plans",
    Screen.DEBRIEF: "plans",
}


@QmlElement
@QmlUncreatable("The app creates its bridges")
class AppBridge(QObject):
    """The app's root bridge: screen navigation, theme, notices and the sub-bridges."""

    screenChanged = Signal()
    themeChanged = Signal()
    fullScreenChanged = Signal()
    keyHelpVisibleChanged = Signal()
    keyHelpChanged = Signal()
    questionsChanged = Signal()
    quitConfirmed = Signal()  # the user chose to quit: the belt is being stopped; close now
    # level ("info" | "warning" | "danger"), message in user words
    notice = Signal(str, str)

    def __init__(
        self,
        context: AppContext,
        parent: QObject | None = None,
        *,
        cue_player: CuePlayer | None = None,
    ) -> None:
        """``cue_player``: where cues sound (default: a player on the system's audio output)."""
        super().__init__(parent)
        self._context = context
        self._screen = Screen.SESSION if context.link is not None else Screen.CONNECT
        self._theme = str(getattr(context.settings, "theme", "dark"))
        self._full_screen = False
        self._key_help_visible = False
        context.switch_screen = self._switch_screen
        context.use_link = self._use_link
        context.choose_plan = self._choose_plan
        context.notify = self._notify
        # Every settings change (any screen) goes through save_settings: react to it here too.
        persist = context.save_settings

        def save_and_apply(settings: Any) -> None:
            context.settings = settings
            persist(settings)
            self.apply_settings(settings)

        context.save_settings = save_and_apply
        # The audio output and the preset library are loaded after the window has shown
        # (main.load_rest): the connect screen needs neither.
        self._sound = (
            cue_player if cue_player is not None else CuePlayer(context, self, probe_later=True)
        )
        self._sound.setParent(self)
        self._session = SessionBridge(context, self)
        self._session.use_cue_player(self._sound)
        # Made with its module when first used: install_key_filter, after the window's first
        # frame (main.py; no input is handled before it) and before any session can exist.
        self._keys: AppKeyFilter | None = None
        self._connect = ConnectBridge(context, self)
        self._connect.disconnected.connect(self._release_link)
        self._strap = StrapBridge(context, self)
        context.engine_changed = self._strap.follow
        # The machine check of the chosen treadmill (Treadmill screen).
        self._check = CheckBridge(context, self)
        self._check.linkReleased.connect(self._release_link)
        self._connect.rememberedChanged.connect(self._check.refresh)
        self._connect.connectedChanged.connect(self._check.refresh)
        self._check.refresh()
        self._presets: PresetsBridge | None = None
        self._settings: SettingsBridge | None = None
        self._history: HistoryBridge | None = None
        self._plans: PlansBridge | None = None
        self._quit_asked = False
        self._may_close = False  # the user said to quit, or the app is shutting down
        self._leave_editor_for: Screen | None = None  # the screen asked for, while asking
        self._load_bridge_for(self._screen)

    @property
    def context(self) -> AppContext:
        """The shared context (for Python callers; QML uses the properties)."""
        return self._context

    @property
    def strap_bridge(self) -> StrapBridge:
        """The heart-rate strap's bridge (typed, for Python callers)."""
        return self._strap

    @property
    def session_bridge(self) -> SessionBridge:
        """The session bridge (typed, for Python callers)."""
        return self._session

    @property
    def cue_player(self) -> CuePlayer:
        return self._sound

    @property
    def key_filter(self) -> AppKeyFilter:
        """The application-wide key filter (``install_key_filter`` puts it in place)."""
        if self._keys is None:
            from treadmill_ctl.app.keys import AppKeyFilter, KeyMap  # noqa: PLC0415 - see above

            self._keys = AppKeyFilter(
                KeyMap.from_settings(self._context.settings),
                self.handle_key,
                self._session.is_active,
                self,
            )
        return self._keys

    def install_key_filter(self, app: QGuiApplication) -> None:
        """Take the app's keys before any QML item sees them (STOP whatever has focus)."""
        app.installEventFilter(self.key_filter)

    def remove_key_filter(self, app: QGuiApplication) -> None:
        if self._keys is not None:
            app.removeEventFilter(self._keys)

    def apply_settings(self, settings: Any) -> None:
        """Settings changed (from any screen): theme and keys follow at once; sound and units
        are read from the settings on each use."""
        self._set_theme(str(getattr(settings, "theme", self._theme)))
        language = translation.resolve(str(getattr(settings, "language", "system")))
        if language != translation.current():
            translation.use_language(language)
            engine = self.parent()
            if isinstance(engine, QQmlEngine):
                engine.retranslate()  # every qsTr() binding, at once
        if self._keys is not None:
            from treadmill_ctl.app.keys import KeyMap  # noqa: PLC0415 - loaded with the filter

            self._keys.set_keymap(KeyMap.from_settings(settings))
        self.keyHelpChanged.emit()
        self._sound.settings_changed()  # sound on or off: the session screen's warning
        self._session.refresh()

    def presets_bridge(self) -> PresetsBridge:
        """The presets bridge, made (and the library read) on first use (or by main.load_rest
        after the window has shown)."""
        if self._presets is None:
            from treadmill_ctl.app.presets_bridge import PresetsBridge  # noqa: PLC0415 - late

            self._presets = PresetsBridge(self._context, self)
        return self._presets

    def settings_bridge(self) -> SettingsBridge:
        """The settings screen's bridge, made on first use."""
        if self._settings is None:
            from treadmill_ctl.app.settings_bridge import SettingsBridge  # noqa: PLC0415 - late

            self._settings = SettingsBridge(self._context, self)
        return self._settings

    def plans_bridge(self) -> PlansBridge:
        """The Plans view's and the debrief's bridge, made on first use."""
        if self._plans is None:
            from treadmill_ctl.app.plans_bridge import PlansBridge  # noqa: PLC0415 - late

            self._plans = PlansBridge(self._context, self._session, self)
            self._session.on_debrief = self._plans.session_ended
        return self._plans

    def history_bridge(self) -> HistoryBridge:
        """The history screen's bridge, made on first use."""
        if self._history is None:
            from treadmill_ctl.app.history_bridge import HistoryBridge  # noqa: PLC0415 - late

            self._history = HistoryBridge(self._context, self)
        return self._history

    def _load_bridge_for(self, screen: Screen) -> None:
        late = _SCREEN_BRIDGES.get(screen)
        if late == "presets":
            self.presets_bridge()
            self.plans_bridge()  # the summary uses it too (a plan's word, the debrief button)
        elif late == "settings":
            self.settings_bridge()
        elif late == "history":
            self.history_bridge()
        elif late == "plans":
            self.plans_bridge()

    def shutdown(self) -> None:
        """The window is closing: stop the belt if a session is active, silence the cues."""
        self._may_close = True
        self._session.shutdown()
        self._sound.shutdown()
        self._connect.close()
        self._check.close()

    # -- keys ----------------------------------------------------------------------------------

    def handle_key(self, action: KeyAction) -> bool:
        """Carry out a key's action; False leaves the key to the focused item (Enter outside
        the session screen, session keys when no session is active)."""
        from treadmill_ctl.app.keys import SPEED_DELTAS, KeyAction  # noqa: PLC0415 - loaded

        session = self._session
        if action is KeyAction.STOP:
            session.stop()
            self._set_key_help_visible(False)
            return True
        if action is KeyAction.FULLSCREEN:
            self.toggleFullScreen()
            return True
        if action is KeyAction.HELP:
            self.toggleKeyHelp()
            return True
        if action is KeyAction.START_CONFIRM:
            if self._screen is not Screen.SESSION:
                return False
            session.confirm()
            return True
        if not session.is_active():
            return False
        if action is KeyAction.PAUSE_RESUME:
            session.togglePause()
        elif action is KeyAction.PAUSE:
            if session.can_pause():
                session.pause()  # the clicker only ever pauses
        elif action is KeyAction.SKIP:
            session.skip()
        elif action is KeyAction.EXTEND:
            session.extend()
        elif action in SPEED_DELTAS:
            session.changeSpeed(SPEED_DELTAS[action])
        return True

    # -- sub-bridges -------------------------------------------------------------------------

    @Property(SessionBridge, constant=True)
    def session(self) -> SessionBridge:
        """The running session (session screen)."""
        return self._session

    @Property(CuePlayer, constant=True)
    def sound(self) -> CuePlayer:
        """The cue player: ``available``, ``statusText`` (shown in settings), ``test()``."""
        return self._sound

    @Property(ConnectBridge, constant=True)
    def connect(self) -> ConnectBridge:  # type: ignore[override]
        """Scan and connect (connect screen)."""
        return self._connect

    @Property(CheckBridge, constant=True)
    def check(self) -> CheckBridge:
        """The machine check of the chosen treadmill (Treadmill screen)."""
        return self._check

    @Property(StrapBridge, constant=True)
    def strap(self) -> StrapBridge:
        """The heart-rate strap (connect screen; its state on the session screen)."""
        return self._strap

    @Property(QObject, constant=True)
    def presets(self) -> QObject:
        """The preset library and editor (a PresetsBridge: see LATE_PROPERTY_TYPES)."""
        return self.presets_bridge()

    @Property(QObject, constant=True)
    def settings(self) -> QObject:
        """User settings (a SettingsBridge: see LATE_PROPERTY_TYPES)."""
        return self.settings_bridge()

    @Property(QObject, constant=True)
    def plans(self) -> QObject:
        """Training plans and the debrief (a PlansBridge: see LATE_PROPERTY_TYPES)."""
        return self.plans_bridge()

    @Property(QObject, constant=True)
    def history(self) -> QObject:
        """Past sessions (a HistoryBridge: see LATE_PROPERTY_TYPES)."""
        return self.history_bridge()

    # -- navigation and window ---------------------------------------------------------------

    def _get_screen(self) -> str:
        return self._screen.value

    def _set_screen(self, screen: str) -> None:
        try:
            value = Screen(screen)
        except ValueError:
            _log.warning("unknown screen %r", screen)
            return
        if value is not self._screen and self._editor_has_unsaved_changes():
            self._leave_editor_for = value  # ask first (leaveEditorAsked)
            self.questionsChanged.emit()
            return
        self._show_screen(value)

    def _show_screen(self, value: Screen) -> None:
        if self._leave_editor_for is not None:
            self._leave_editor_for = None
            self.questionsChanged.emit()
        if value is not self._screen:
            self._load_bridge_for(value)  # its QML types, before the screen's QML needs them
            if value is Screen.SESSION:
                self._session.shown()  # after an end: ready for the next session
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

    @Property(list, notify=keyHelpChanged)
    def keyHelp(self) -> list[dict[str, object]]:
        """Rows of the ``?`` overlay: {keys, action, stop, clicker}."""
        return translation.translated_tree(self.key_filter.keymap.help_rows())

    @Slot()
    def toggleFullScreen(self) -> None:
        """F11."""
        self._set_full_screen(not self._full_screen)

    @Slot()
    def toggleKeyHelp(self) -> None:
        """The ``?`` overlay listing every key."""
        self._set_key_help_visible(not self._key_help_visible)

    # -- questions before leaving ------------------------------------------------------------

    @Property(bool, notify=questionsChanged)
    def quitAsked(self) -> bool:
        """The window was closed during a session: the app asks whether to STOP and quit."""
        return self._quit_asked

    @Property(bool, notify=questionsChanged)
    def leaveEditorAsked(self) -> bool:
        """The user went to another screen with unsaved changes in the preset editor."""
        return self._leave_editor_for is not None

    @Slot(result=bool)
    def mayClose(self) -> bool:
        """The window is asked to close: True lets it. During a session it does not close at
        once: the user is asked (``quitAsked``) and quitting STOPs the belt."""
        if self._may_close or not self._session.active:
            return True
        if not self._quit_asked:
            self._quit_asked = True
            self.questionsChanged.emit()
        return False

    @Slot()
    def confirmQuit(self) -> None:
        """Quit during a session: STOP the belt at once, then close (``quitConfirmed``)."""
        self._session.stop()
        self._may_close = True
        self._quit_asked = False
        self.questionsChanged.emit()
        self.quitConfirmed.emit()

    @Slot()
    def cancelQuit(self) -> None:
        """Keep running: the window stays."""
        if self._quit_asked:
            self._quit_asked = False
            self.questionsChanged.emit()

    @Slot()
    def discardAndLeave(self) -> None:
        """Leave the editor without saving, to the screen asked for."""
        target = self._leave_editor_for
        if target is not None:
            self._show_screen(target)

    @Slot()
    def keepEditing(self) -> None:
        """Stay in the editor."""
        if self._leave_editor_for is not None:
            self._leave_editor_for = None
            self.questionsChanged.emit()

    def _editor_has_unsaved_changes(self) -> bool:
        return (
            self._screen is Screen.EDITOR
            and self._presets is not None
            and self._presets.editor_bridge.has_unsaved_changes()
        )

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
        self._connect.link_changed()

    def _release_link(self) -> None:
        """The user disconnected the treadmill on the connect screen (no session under way)."""
        self._session.release_link()
        self._context.link = None
        self._connect.link_changed()

    def _choose_plan(self, plan: Plan) -> None:
        self._context.plan = plan
        self._session.use_plan(plan)
        self._set_screen(Screen.SESSION)

    def _notify(self, level: str, message: str) -> None:
        if level not in tuple(NoticeLevel):
            level = NoticeLevel.INFO
        _log.info("notice (%s): %s", level, message)
        self.notice.emit(level, translated(message))
