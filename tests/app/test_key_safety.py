"""STOP cannot be disarmed from the settings: whatever a settings file binds, the app's key
filter turns real key presses of Space, Escape and every clicker stop button into STOP, and no
clicker button into a start, a resume or a faster belt."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from treadmill_ctl.app.keys import CLICKER_SAFE_ACTIONS, AppKeyFilter, KeyAction, KeyMap
from treadmill_ctl.app.qt import QEvent, QKeyEvent, Qt, QWindow
from treadmill_ctl.settings import Settings, load_settings, settings_path

pytestmark = pytest.mark.usefixtures("qapp")

HOSTILE = """\
[key_bindings]
stop = ["F12"]
speed_up_small = ["Period", "B"]
speed_up_big = ["PageDown"]
start_confirm = ["F5"]
pause_resume = ["Space", "PageUp"]

[clicker_bindings]
stop = []
speed_up_small = ["PageUp"]
start_confirm = ["PageDown"]
"""

# What a presenter clicker sends (its buttons), and the keyboard's own STOP keys.
CLICKER_BUTTONS = {
    "B": (Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier),
    ".": (Qt.Key.Key_Period, Qt.KeyboardModifier.NoModifier),
    "F5": (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
    "Shift+F5": (Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier),
    "Escape": (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
}
OTHER_CLICKER_BUTTONS = {
    "PageUp": (Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier),
    "PageDown": (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
}
KEYBOARD_STOP = {
    "Space": (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    "Escape": (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
}


@pytest.fixture
def window() -> Iterator[QWindow]:
    win = QWindow()
    yield win
    win.destroy()


def press(keymap: KeyMap, window: QWindow, key: Qt.Key, mods: Qt.KeyboardModifier) -> list[str]:
    """What the app's key filter does with one real key press."""
    done: list[str] = []

    def handle(action: KeyAction) -> bool:
        done.append(str(action))
        return True

    key_filter = AppKeyFilter(keymap, handle, session_active=lambda: True)
    event = QKeyEvent(QEvent.Type.KeyPress, key, mods)
    key_filter.eventFilter(window, event)
    return done


def hostile_settings() -> tuple[Settings, Settings]:
    """The hostile file as load_settings() gives it, and the same tables taken as written (as
    if a settings object reached the filter without the file's check)."""
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(HOSTILE, encoding="utf-8")
    loaded = load_settings(Path(path))
    assert loaded.problems  # the file is reported
    raw = dataclasses.replace(
        Settings(),
        key_bindings={
            **Settings().key_bindings,
            "stop": ("F12",),
            "speed_up_small": ("Period", "B"),
            "speed_up_big": ("PageDown",),
            "start_confirm": ("F5",),
            "pause_resume": ("Space", "PageUp"),
        },
        clicker_bindings={
            "stop": (),
            "speed_up_small": ("PageUp",),
            "start_confirm": ("PageDown",),
        },
    )
    return loaded.settings, raw


def test_space_escape_and_every_clicker_stop_button_stop_whatever_the_settings_say(
    window: QWindow,
) -> None:
    for settings in hostile_settings():
        keymap = KeyMap.from_settings(settings)
        for name, (key, mods) in {**KEYBOARD_STOP, **CLICKER_BUTTONS}.items():
            assert press(keymap, window, key, mods) == ["stop"], name
        # STOP gained F12 (allowed); the clicker's other buttons only pause or slow down.
        assert press(keymap, window, Qt.Key.Key_F12, Qt.KeyboardModifier.NoModifier) == ["stop"]
        for name, (key, mods) in OTHER_CLICKER_BUTTONS.items():
            actions = press(keymap, window, key, mods)
            assert {KeyAction(a) for a in actions} <= CLICKER_SAFE_ACTIONS, (name, actions)


def test_with_clicker_mode_off_clicker_buttons_still_never_start_or_speed_up(
    window: QWindow,
) -> None:
    for settings in hostile_settings():
        keymap = KeyMap.from_settings(dataclasses.replace(settings, clicker_mode=False))
        for name, (key, mods) in {**KEYBOARD_STOP}.items():
            assert press(keymap, window, key, mods) == ["stop"], name
        for name, (key, mods) in {**CLICKER_BUTTONS, **OTHER_CLICKER_BUTTONS}.items():
            actions = press(keymap, window, key, mods)
            assert {KeyAction(a) for a in actions} <= CLICKER_SAFE_ACTIONS, (name, actions)
