"""Exporting a preset from the Presets screen with a real click: the save dialog opens in the
user's documents folder with the file name filled in (it opened in the app's working folder
with a bare name). Any QML warning fails these tests."""

from __future__ import annotations

from pathlib import Path

from screen_items import click
from window_rig import WindowRig

from treadmill_ctl.app.qt import QObject, QUrl


def test_preset_export_opens_in_the_documents_folder_with_the_name_filled_in(
    window: WindowRig, tmp_path: Path
) -> None:
    window.running.bridge.setProperty("screen", "presets")
    window.wait(lambda: window.running.bridge.presets_bridge().property("selectedId") != "")
    preset_id = window.running.bridge.presets_bridge().property("selectedId")
    click(window, "exportButton")
    dialog = window.running.window.findChild(QObject, "exportDialog")
    assert dialog is not None
    window.wait(lambda: dialog.property("visible") is True)
    documents = tmp_path / "documents"  # TREADMILL_CTL_DOCUMENTS_DIR, in tests
    folder = QUrl(dialog.property("currentFolder")).toLocalFile()
    chosen = QUrl(dialog.property("selectedFile")).toLocalFile()
    assert Path(folder) == documents
    assert Path(chosen) == documents / f"{preset_id}.toml"
    dialog.close()
    window.wait(lambda: dialog.property("visible") is False)
