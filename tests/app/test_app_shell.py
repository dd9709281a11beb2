"""The app shell: how it is started, what it remembers, how it reports errors, the theme, and
the QML type description qmllint checks the screens against."""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from window_rig import WindowRig

from treadmill_ctl.app.error_reporter import ErrorReporter
from treadmill_ctl.app.main import EXIT_WHEN_READY_ENV, save_window_state
from treadmill_ctl.app.qt import QColor
from treadmill_ctl.cli import build_parser
from treadmill_ctl.commands.gui import run_gui
from treadmill_ctl.settings import Settings, Theme, WindowState

ROOT = Path(__file__).resolve().parents[2]


def test_no_subcommand_opens_the_app_on_bluetooth_or_the_virtual_treadmill() -> None:
    args = build_parser().parse_args([])
    assert args.default_func is run_gui
    assert args.simulate is False
    args = build_parser().parse_args(["--simulate", "--sim-profile", "cs-wp8"])
    assert args.default_func is run_gui
    assert (args.simulate, args.sim_profile) == (True, "cs-wp8")


def test_treadmill_ctl_simulate_opens_a_window(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        EXIT_WHEN_READY_ENV: "1",
        "TREADMILL_CTL_CONFIG_DIR": str(tmp_path / "config"),
        "TREADMILL_CTL_DATA_DIR": str(tmp_path / "data"),
    }
    exe = Path(sys.executable).with_name("treadmill-ctl")
    done = subprocess.run(
        [str(exe), "--simulate"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    # Its first frame drew the connect screen, then the rest loaded.
    assert re.search(r"^ready \S+ screen=connect$", done.stderr, re.MULTILINE), done.stderr
    assert re.search(r"^loaded ", done.stderr, re.MULTILINE), done.stderr
    # Closing saved the window state in the user's settings file.
    assert (tmp_path / "config" / "settings.toml").read_text().count("[window]") == 1


def test_an_unknown_virtual_treadmill_profile_is_said_and_the_app_exits(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TREADMILL_CTL_CONFIG_DIR": str(tmp_path / "config"),
        "TREADMILL_CTL_DATA_DIR": str(tmp_path / "data"),
    }
    exe = Path(sys.executable).with_name("treadmill-ctl")
    done = subprocess.run(
        [str(exe), "--simulate", "--sim-profile", "nope"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "treadmill-ctl: nope: no such profile or file (known: ideal," in done.stderr


# Loaded after the window's first frame (with their submodules): the connect screen needs none
# of them. Not even the event loop: asyncio and qasync are imported once the window has drawn.
LOADED_AFTER_THE_WINDOW = (
    "asyncio",
    "qasync",
    "treadmill_ctl.app.event_loop",
    "bleak",
    "pyftms",
    "treadmill_ctl.ftms.pyftms_seam",
    "treadmill_ctl.sim.treadmill",
    "treadmill_ctl.session.engine",
    "treadmill_ctl.history",
    "PySide6.QtMultimedia",
    "treadmill_ctl.app.presets_bridge",
    "treadmill_ctl.app.settings_bridge",
    "treadmill_ctl.app.history_bridge",
    "treadmill_ctl.app.keys",
    "treadmill_ctl.session.presets",
    "treadmill_ctl.sim.profiles",
)


def test_the_window_shows_before_the_event_loop_bluetooth_stack_engine_history_and_sound_load(
    tmp_path: Path,
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        EXIT_WHEN_READY_ENV: "1",
        "TREADMILL_CTL_CONFIG_DIR": str(tmp_path / "config"),
        "TREADMILL_CTL_DATA_DIR": str(tmp_path / "data"),
    }
    # -X importtime writes each import statement's module, as it completes, to stderr, where
    # the app writes "ready" at its first frame and "loaded" when the rest has loaded. (A module
    # imported with importlib.import_module is not written, its submodules and imports are.)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "treadmill_ctl.cli", "--simulate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    before, ready, after = done.stderr.partition("\nready ")
    assert ready, done.stderr

    def imported(text: str) -> set[str]:
        """Of LOADED_AFTER_THE_WINDOW, those ``text`` shows (or a submodule of)."""
        names = {
            line.rsplit("|", 1)[-1].strip()
            for line in text.splitlines()
            if line.startswith("import time:")
        }
        return {
            module
            for module in LOADED_AFTER_THE_WINDOW
            if any(name == module or name.startswith(f"{module}.") for name in names)
        }

    assert "| treadmill_ctl.app.main\n" in f"{before}\n"  # the app was imported (a sanity check)
    assert imported(before) == set()
    # ... and right after it, without waiting for someone to need them.
    loaded, _, _ = after.partition("\nloaded ")
    assert imported(loaded) == set(LOADED_AFTER_THE_WINDOW)


def test_the_first_frame_loads_no_qt_quick_controls_or_layouts(tmp_path: Path) -> None:
    """The window and the connect screen are plain Qt Quick: loading Controls and Layouts
    (~30 ms) before the first frame would delay it. The other screens load them when shown."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        EXIT_WHEN_READY_ENV: "1",
        "QML_IMPORT_TRACE": "1",  # Qt says which QML module it loads (logged with --debug)
        "TREADMILL_CTL_CONFIG_DIR": str(tmp_path / "config"),
        "TREADMILL_CTL_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "treadmill_ctl.cli", "--simulate", "--debug"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    before, ready, _ = done.stderr.partition("\nready ")
    assert ready, done.stderr
    modules = set(re.findall(r'qml\.import: module "([\w.]+)" provided', before))
    assert "QtQuick" in modules  # the trace works (a sanity check)
    assert {m for m in modules if m.startswith(("QtQuick.Controls", "QtQuick.Layouts"))} == set()


def test_window_state_is_restored_and_saved(window: WindowRig) -> None:
    win = window.running.window
    ctx = window.running.context
    assert (win.width(), win.height()) == (1280, 720)
    win.resize(1100, 650)
    window.qtbot.waitUntil(lambda: (win.width(), win.height()) == (1100, 650))
    save_window_state(window.running)
    assert ctx.settings.window == WindowState(1100, 650, win.x(), win.y(), False, False)


def _fail() -> None:
    raise ValueError("boom")


def test_errors_nobody_caught_are_logged_and_shown(
    window: WindowRig, caplog: pytest.LogCaptureFixture
) -> None:
    reporter = ErrorReporter(window.running.bridge)
    with window.qtbot.waitSignal(window.running.bridge.notice) as notice:
        try:
            _fail()
        except ValueError as exc:
            with caplog.at_level(logging.CRITICAL):
                reporter.excepthook(type(exc), exc, exc.__traceback__)
    assert notice.args == ["danger", "Unexpected error: boom"]
    assert "ValueError: boom" in caplog.text
    window.wait(lambda: window.shown("noticeBar"))
    assert window.item("noticeText").property("text") == "Unexpected error: boom"


def test_light_theme_follows_the_settings_at_once(window: WindowRig) -> None:
    ctx = window.running.context
    win = window.running.window
    assert win.property("color") == QColor("#0f1419")
    ctx.save_settings(dataclasses.replace(ctx.settings, theme=Theme.LIGHT))
    assert window.running.bridge.property("theme") == "light"
    window.wait(lambda: win.property("color") == QColor("#f4f6f8"))


def test_qml_type_description_is_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts/make_qmltypes.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_settings_default_keys_are_the_documented_ones() -> None:
    keys = Settings().key_bindings
    assert keys["stop"] == ("Space", "Escape")
    assert Settings().clicker_mode is True


def test_the_key_codes_written_as_numbers_are_qts() -> None:
    # keys.py spells Qt's key and modifier codes as ints (see there why); they are Qt's.
    from treadmill_ctl.app import keys
    from treadmill_ctl.app.qt import Qt

    mod = Qt.KeyboardModifier
    assert mod.ShiftModifier.value == keys._SHIFT
    assert mod.ControlModifier.value == keys._CONTROL
    assert mod.AltModifier.value == keys._ALT
    assert mod.MetaModifier.value == keys._META
    assert mod.KeyboardModifierMask.value == keys._ALL_MODIFIERS
    assert Qt.Key.Key_Escape.value == keys._KEY_ESCAPE
    assert Qt.Key.Key_unknown.value == keys._KEY_UNKNOWN
    shift_up = keys.parse_key("Shift+Up")
    assert shift_up == keys.KeyChord(Qt.Key.Key_Up.value, mod.ShiftModifier.value)
    assert keys.parse_key("NoSuchKey") is None
