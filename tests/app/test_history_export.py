"""Exporting a session from the History screen, in the app's window with real key presses and
clicks: FIT and TCX to the documents folder under a date + preset name, asking before a file
is replaced, written by a child process while the loop runs on, the outcome said with the
path. Any QML warning fails these tests."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from garmin_fit_sdk import Decoder, Stream
from screen_items import click, item, prop, shown
from test_history_screen import show_history, two_sessions  # noqa: F401 - the fixture
from window_rig import WindowRig

from treadmill_ctl.app.qt import Qt
from treadmill_ctl.history.store import default_path

CHILD_MS = 60_000  # a child Python process starting on a busy machine (wall clock)


def exported(window: WindowRig) -> list[tuple[bool, str]]:
    said: list[tuple[bool, str]] = []
    window.running.bridge.history_bridge().exported.connect(lambda ok, m: said.append((ok, m)))
    return said


def select_newest_finished(window: WindowRig, done: int) -> None:
    show_history(window)
    click(window, f"session_{done}")
    window.wait(lambda: "Finished" in prop(window, "detailWhen", "text"))


def test_f_exports_a_fit_file_named_by_date_and_preset_and_says_where(
    two_sessions: tuple[int, int],  # noqa: F811 - the fixture
    window: WindowRig,
    tmp_path: Path,
) -> None:
    done, _ = two_sessions
    said = exported(window)
    select_newest_finished(window, done)
    assert prop(window, "exportFitButton", "keyHint") == "F"
    assert prop(window, "exportTcxButton", "keyHint") == "T"
    window.qtbot.keyClick(window.running.window, Qt.Key.Key_F)  # a real key press
    window.wait(lambda: said, timeout=CHILD_MS)
    [written] = (tmp_path / "documents").iterdir()
    assert said == [(True, f"Exported to {written}")]
    assert written.name.endswith("_short-intervals.fit")
    assert written.name[:10].count("-") == 2  # 2026-01-05_0900_...
    assert Decoder(Stream.from_byte_array(bytearray(written.read_bytes()))).check_integrity()
    window.wait(lambda: window.shown("noticeBar"))
    assert str(written) in window.item("noticeText").property("text")


def test_an_existing_file_is_replaced_only_when_the_user_says_so(
    two_sessions: tuple[int, int],  # noqa: F811 - the fixture
    window: WindowRig,
) -> None:
    done, _ = two_sessions
    said = exported(window)
    select_newest_finished(window, done)
    target = Path(window.running.bridge.history_bridge().exportPath("tcx"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("the user's own file")
    click(window, "exportTcxButton")
    window.wait(lambda: shown(window, "exportOverwriteBar"))
    assert str(target) in prop(window, "exportOverwriteText", "text")
    click(window, "exportKeepButton")
    window.wait(lambda: not shown(window, "exportOverwriteBar"))
    assert target.read_text() == "the user's own file"
    assert said == []
    click(window, "exportTcxButton")
    window.wait(lambda: shown(window, "exportOverwriteBar"))
    click(window, "exportReplaceButton")
    window.wait(lambda: said, timeout=CHILD_MS)
    assert said == [(True, f"Exported to {target}")]
    assert "TrainingCenterDatabase" in target.read_text()
    assert not shown(window, "exportOverwriteBar")


HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


def test_the_export_never_holds_the_loop_even_on_a_locked_history(
    two_sessions: tuple[int, int],  # noqa: F811 - the fixture
    window: WindowRig,
    tmp_path: Path,
) -> None:
    """Another program holds the history's write lock: the export waits for it in its own
    process while the app's loop keeps running (a STOP key would be handled at once), and the
    file is written once the lock is gone."""
    done, _ = two_sessions
    said = exported(window)
    select_newest_finished(window, done)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(default_path())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "locked"
        click(window, "exportFitButton")
        bridge = window.running.bridge.history_bridge()
        assert bridge.property("exporting") is True
        assert item(window, "exportFitButton").property("enabled") is False
        ticks: list[float] = []
        loop = asyncio.get_event_loop()
        for n in range(5):  # loop timers fire while the export waits for the lock
            loop.call_later(0.1 * (n + 1), lambda: ticks.append(loop.time()))
        window.wait(lambda: len(ticks) == 5)
        assert bridge.property("exporting") is True
        assert said == []
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    window.wait(lambda: said, timeout=CHILD_MS)
    assert said[0][0] is True, said
    assert len(list((tmp_path / "documents").iterdir())) == 1
    window.wait(lambda: item(window, "exportFitButton").property("enabled") is True)


def test_the_child_is_the_cli_of_this_install_or_of_the_bundle(tmp_path: Path) -> None:
    from treadmill_ctl.app.history_export import export_command

    out = tmp_path / "x.fit"
    assert export_command(3, "fit", out, force=False, frozen=False) == [
        sys.executable,
        "-m",
        "treadmill_ctl.cli",
        "history",
        "export",
        "3",
        "--format",
        "fit",
        "-o",
        str(out),
    ]
    bundled = export_command(3, "tcx", out, force=True, frozen=True)
    assert bundled[:4] == [sys.executable, "history", "export", "3"]
    assert bundled[-1] == "--force"


def test_a_failed_export_says_why_in_the_commands_words(window: WindowRig, tmp_path: Path) -> None:
    from treadmill_ctl.app.history_export import export_session

    out = tmp_path / "none.fit"
    outcome = window.run(export_session(42, "fit", out, force=False))
    assert outcome.ok is False
    assert outcome.message.startswith("Not exported: ")
    assert "No session 42" in outcome.message
    assert not out.exists()
