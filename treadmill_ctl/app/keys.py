"""Application-wide keys: one event filter on the application sees every key press sent to the
window before any QML item does, so STOP works whatever has focus.

Bindings come from the settings (``key_bindings``, ``clicker_bindings``; Qt key names such as
``"Space"``, ``"Shift+Up"``, ``"Period"``). Presenter-clicker bindings may only name *safe*
actions (STOP, pause, slower): a clicker binding to anything else is ignored and logged, so a
clicker can never start the belt or raise the speed.

Whatever the tables say (``settings.safe_key_bindings`` reports and corrects a file; this is the
second check, on the parsed keys): Space and Escape always stop, the clicker's stop buttons
always stop in clicker mode, and no clicker button is ever bound to an unsafe action.

While a text field has focus and no session is active, the typing keys (letters, Space, arrows,
Enter) go to the field; Escape (STOP), F11 and function keys are still the app's. While a
session is active, every bound key is the app's.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from treadmill_ctl.app.qt import QEvent, QGuiApplication, QKeyEvent, QKeySequence, QObject
from treadmill_ctl.settings import (
    ALWAYS_STOP_KEYS,
    CLICKER_KEYS,
    CLICKER_STOP_KEYS,
)
from treadmill_ctl.texts import tr

_log = logging.getLogger(__name__)


class KeyAction(enum.StrEnum):
    """What a key does (the names of the settings' binding tables)."""

    STOP = "stop"
    PAUSE_RESUME = "pause_resume"
    PAUSE = "pause"  # pause only (never resumes): the clicker's
    START_CONFIRM = "start_confirm"
    SKIP = "skip"
    EXTEND = "extend"
    SPEED_UP_SMALL = "speed_up_small"
    SPEED_DOWN_SMALL = "speed_down_small"
    SPEED_UP_BIG = "speed_up_big"
    SPEED_DOWN_BIG = "speed_down_big"
    FULLSCREEN = "fullscreen"
    HELP = "help"


ACTION_TEXT: Final[dict[KeyAction, str]] = {
    KeyAction.STOP: tr("STOP the belt at once (again: it stays stopped)"),
    KeyAction.PAUSE_RESUME: tr("Pause / resume (resume counts down first)"),
    KeyAction.PAUSE: tr("Pause (never resumes)"),
    KeyAction.START_CONFIRM: tr("Start the session / confirm"),
    KeyAction.SKIP: tr("Skip to the next phase"),
    KeyAction.EXTEND: tr("Extend the phase by 30 s"),
    KeyAction.SPEED_UP_SMALL: tr("Speed +0.1"),
    KeyAction.SPEED_DOWN_SMALL: tr("Speed −0.1"),
    KeyAction.SPEED_UP_BIG: tr("Speed +0.5"),
    KeyAction.SPEED_DOWN_BIG: tr("Speed −0.5"),
    KeyAction.FULLSCREEN: tr("Full screen on / off"),
    KeyAction.HELP: tr("Show / hide this list"),
}

SPEED_DELTAS: Final[dict[KeyAction, float]] = {
    KeyAction.SPEED_UP_SMALL: 0.1,
    KeyAction.SPEED_DOWN_SMALL: -0.1,
    KeyAction.SPEED_UP_BIG: 0.5,
    KeyAction.SPEED_DOWN_BIG: -0.5,
}

# What a presenter clicker may do: stop, pause, slow down. Never start, resume or speed up.
CLICKER_SAFE_ACTIONS: Final = frozenset(
    {KeyAction.STOP, KeyAction.PAUSE, KeyAction.SPEED_DOWN_SMALL, KeyAction.SPEED_DOWN_BIG}
)

# Actions that act on the session only while one is active (otherwise the key is not taken).
_SESSION_ACTIONS: Final = frozenset(
    {
        KeyAction.PAUSE_RESUME,
        KeyAction.PAUSE,
        KeyAction.SKIP,
        KeyAction.EXTEND,
        *SPEED_DELTAS,
    }
)

# Qt's key and modifier codes as plain ints (fixed values of Qt's API, see qnamespace.h; a
# test compares them with the enums). Key chords are read as ints (QKeyCombination.toCombined):
# the first use of any ``Qt.*`` enum makes PySide build the whole ``Qt`` namespace, ~15 ms,
# which the window does not need before its first frame.
_SHIFT: Final = 0x02000000  # Qt::ShiftModifier
_CONTROL: Final = 0x04000000  # Qt::ControlModifier
_ALT: Final = 0x08000000  # Qt::AltModifier
_META: Final = 0x10000000  # Qt::MetaModifier
_MODIFIERS: Final = _SHIFT | _CONTROL | _ALT | _META
_ALL_MODIFIERS: Final = 0xFE000000  # Qt::KeyboardModifierMask (keypad and group switch too)
_KEY_ESCAPE: Final = 0x01000000  # Qt::Key_Escape: below it are printable characters
_KEY_UNKNOWN: Final = 0x01FFFFFF  # Qt::Key_unknown
_FIRST_SPECIAL_KEY: Final = _KEY_ESCAPE


@dataclass(frozen=True, slots=True)
class KeyChord:
    """One key with its modifiers (Shift/Ctrl/Alt/Meta only; keypad is ignored)."""

    key: int
    modifiers: int

    @property
    def printable(self) -> bool:
        return self.key < _FIRST_SPECIAL_KEY


# Names people (and the settings file) use that Qt's key-sequence parser spells differently.
_KEY_ALIASES: Final = {
    "period": ".",
    "comma": ",",
    "pageup": "PgUp",
    "pagedown": "PgDown",
    "esc": "Escape",
    "question": "?",
}


def parse_key(name: str) -> KeyChord | None:
    """A key name ("Space", "Shift+Up", "Period", "PageDown", "?") as a chord; None if
    unknown. Modifiers are written before the key with "+" ("Shift+F5")."""
    *mods, last = name.split("+") if name != "+" else ["+"]
    text = "+".join([*mods, _KEY_ALIASES.get(last.strip().casefold(), last.strip())])
    seq = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    if seq.isEmpty() or seq.count() != 1:
        return None
    combo = seq[0]  # type: ignore[index]  # QKeySequence.operator[] (missing in the stub)
    return _chord_of_combined(int(combo.toCombined()))


def _chord_of_combined(combined: int) -> KeyChord | None:
    code = combined & ~_ALL_MODIFIERS
    if code in (0, _KEY_UNKNOWN):
        return None
    return KeyChord(code, combined & _MODIFIERS)


def _chord_of(event: QKeyEvent) -> KeyChord:
    return KeyChord(int(event.key()), int(event.keyCombination().toCombined()) & _MODIFIERS)


@dataclass(frozen=True, slots=True)
class Binding:
    """One key bound to an action; ``clicker`` marks a presenter-clicker binding."""

    name: str
    chord: KeyChord
    action: KeyAction
    clicker: bool


class KeyMap:
    """Key chord -> action, built from the settings' binding tables."""

    def __init__(
        self,
        key_bindings: Mapping[str, tuple[str, ...]],
        clicker_bindings: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self._bindings: list[Binding] = []
        self._by_chord: dict[KeyChord, Binding] = {}
        # STOP's own keys first: the first binding of a chord wins, so no table takes them.
        self._add_table({KeyAction.STOP.value: ALWAYS_STOP_KEYS}, clicker=False)
        user_clicker = [k for ks in (clicker_bindings or {}).values() for k in ks]
        clicker_names = [*CLICKER_KEYS, *user_clicker]
        self._clicker_chords = {c for c in map(parse_key, clicker_names) if c is not None}
        if clicker_bindings is not None:
            self._add_table({KeyAction.STOP.value: CLICKER_STOP_KEYS}, clicker=True)
        self._add_table(key_bindings, clicker=False)
        if clicker_bindings is not None:
            self._add_table(clicker_bindings, clicker=True)

    @classmethod
    def from_settings(cls, settings: object) -> KeyMap:
        """The bindings of a ``Settings`` (clicker keys only when clicker mode is on)."""
        keys: Mapping[str, tuple[str, ...]] = getattr(settings, "key_bindings", {})
        clicker_on = bool(getattr(settings, "clicker_mode", True))
        clicker: Mapping[str, tuple[str, ...]] = getattr(settings, "clicker_bindings", {})
        return cls(keys, clicker if clicker_on else None)

    def _add_table(self, table: Mapping[str, tuple[str, ...]], *, clicker: bool) -> None:
        for action_name, names in table.items():
            try:
                action = KeyAction(action_name)
            except ValueError:
                _log.warning("unknown key action %r in the settings; ignored", action_name)
                continue
            if clicker and action not in CLICKER_SAFE_ACTIONS:
                _log.warning(
                    "clicker key for %r ignored: a clicker may only stop, pause or slow down",
                    action_name,
                )
                continue
            for name in names:
                chord = parse_key(name)
                if chord is None:
                    _log.warning("unknown key %r for %r; ignored", name, action_name)
                    continue
                if action not in CLICKER_SAFE_ACTIONS and chord in self._clicker_chords:
                    _log.warning(
                        "key %r not bound to %s: a clicker button may only stop, pause or "
                        "slow down",
                        name,
                        action,
                    )
                    continue
                existing = self._by_chord.get(chord)
                if existing is not None and existing.action is not action:
                    _log.warning(
                        "key %r is bound to %s already; not to %s", name, existing.action, action
                    )
                    continue
                if any(b.chord == chord and b.clicker == clicker for b in self._bindings):
                    continue  # the same key twice in one table (e.g. STOP's own keys)
                binding = Binding(name, chord, action, clicker)
                self._bindings.append(binding)
                self._by_chord.setdefault(chord, binding)

    @property
    def bindings(self) -> tuple[Binding, ...]:
        return tuple(self._bindings)

    def lookup(self, chord: KeyChord) -> KeyAction | None:
        """The action of a pressed chord. A printable key typed with Shift ("?" on most
        layouts, a capital letter) also matches its binding without Shift."""
        binding = self._by_chord.get(chord)
        if binding is None and chord.printable and chord.modifiers:
            binding = self._by_chord.get(KeyChord(chord.key, chord.modifiers & ~_SHIFT))
        return binding.action if binding is not None else None

    def keys_for(self, action: KeyAction, *, clicker: bool | None = None) -> list[str]:
        return [
            b.name
            for b in self._bindings
            if b.action is action and (clicker is None or b.clicker == clicker)
        ]

    def help_rows(self) -> list[dict[str, object]]:
        """Rows for the ``?`` overlay and the docs: {keys, action, stop, clicker, heading}; a
        row with a ``heading`` starts a section ("Keyboard", "Presenter clicker")."""
        rows: list[dict[str, object]] = []
        for clicker in (False, True):
            heading: str = tr("Presenter clicker") if clicker else tr("Keyboard")
            for action in KeyAction:
                names = self.keys_for(action, clicker=clicker)
                if not names:
                    continue
                if heading:
                    rows.append(
                        {
                            "keys": "",
                            "action": "",
                            "stop": False,
                            "clicker": clicker,
                            "heading": heading,
                        }
                    )
                    heading = ""
                rows.append(
                    {
                        "heading": "",
                        "keys": ", ".join(dict.fromkeys(map(_display_name, names))),
                        "action": ACTION_TEXT[action],
                        "stop": action is KeyAction.STOP,
                        "clicker": clicker,
                    }
                )
        return rows


def _display_name(name: str) -> str:
    return {"Period": ". (period)", "Return": "Enter", "Escape": "Esc"}.get(name, name)


# Who carries out an action; the filter itself holds no session logic.
type ActionHandler = Callable[[KeyAction], bool]
type SessionActive = Callable[[], bool]


class AppKeyFilter(QObject):
    """The application-level key filter. ``handle(action)`` performs an action and returns
    whether it took the key (e.g. Enter outside the session screen is left to the screen)."""

    def __init__(
        self,
        keymap: KeyMap,
        handle: ActionHandler,
        session_active: SessionActive,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._keymap = keymap
        self._handle = handle
        self._session_active = session_active

    @property
    def keymap(self) -> KeyMap:
        return self._keymap

    def set_keymap(self, keymap: KeyMap) -> None:
        """New bindings (after the settings changed)."""
        self._keymap = keymap

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take bound keys pressed in any of the app's windows."""
        if event.type() != QEvent.Type.KeyPress or not watched.isWindowType():
            return False
        assert isinstance(event, QKeyEvent)
        chord = _chord_of(event)
        action = self._keymap.lookup(chord)
        if action is None:
            return False
        if self._typing_key_for_text_field(chord, action):
            return False
        if event.isAutoRepeat():
            return True  # a held key acts once
        try:
            return self._handle(action)
        except Exception:  # noqa: BLE001 - callback boundary; a key must never take the app down; the handler's error is shown
            _log.exception("key action %s failed", action)
            return True

    def _typing_key_for_text_field(self, chord: KeyChord, action: KeyAction) -> bool:
        if self._session_active():
            return False
        if action in (KeyAction.FULLSCREEN,) or chord.key == _KEY_ESCAPE:
            return False
        focus: QObject | None = QGuiApplication.focusObject()
        if focus is None:
            return False
        return bool(focus.inherits("QQuickTextInput") or focus.inherits("QQuickTextEdit"))

    def handles_session_action(self, action: KeyAction) -> bool:
        """Whether ``action`` only means something during a session."""
        return action in _SESSION_ACTIONS
