"""Preset names and descriptions are untrusted text (issue: a name could paint giant fake
warnings and make the app fetch remote images). In the real window, a hostile preset's name,
description and phase names are painted as the literal characters they are, and nothing is
fetched from the network. A scan of ui/*.qml keeps every text item plain."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from screen_items import click, item, shown
from window_rig import WindowRig

from treadmill_ctl.app.main import UI_DIR
from treadmill_ctl.app.qt import QQuickItem
from treadmill_ctl.session.presets import user_presets_dir

PLAIN_TEXT = 0  # Qt::PlainText


@pytest.fixture
def trap() -> Iterator[tuple[int, list[str]]]:
    """A local HTTP port that records every connection made to it."""
    from PySide6.QtNetwork import QHostAddress, QTcpServer

    server = QTcpServer()
    assert server.listen(QHostAddress.SpecialAddress.LocalHost, 0)
    hits: list[str] = []

    def accept() -> None:
        while server.hasPendingConnections():
            sock = server.nextPendingConnection()
            hits.append(sock.peerAddress().toString())
            sock.close()

    server.newConnection.connect(accept)
    yield server.serverPort(), hits
    server.close()


def hostile(port: int) -> str:
    return (
        '<b><font size=7 color=red>FAKE WARNING</font></b><img src="http://127.0.0.1:'
        f'{port}/x.png">'
    )


@pytest.fixture
def hostile_preset(trap: tuple[int, list[str]]) -> str:
    """A user preset whose name, description and phase name are markup (written before the
    app starts, so the library reads it)."""
    port = trap[0]
    folder = user_presets_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = hostile(port)
    (folder / "hostile.toml").write_text(
        "schema = 1\n"
        f"name = '{text}'\n"
        f"description = '''{text} <a href=\"http://127.0.0.1:{port}/\">click</a>'''\n"
        "[[step]]\nkind = 'warmup'\n"
        f"name = '{text}'\n"
        "duration_s = 60\nspeed_kmh = 4.0\n"
        "[[step]]\nkind = 'backward'\nduration_s = 30\nspeed_kmh = 3.0\n",
        encoding="utf-8",
    )
    return text


def texts_showing(window: WindowRig, needle: str) -> list[QQuickItem]:
    """Every visible text item (Text, Label, TextEdit) whose text holds ``needle``."""
    found: list[QQuickItem] = []
    stack = [window.running.window.contentItem()]
    while stack:
        node = stack.pop()
        stack.extend(node.childItems())
        if not node.isVisible():
            continue
        is_text = node.inherits("QQuickText") or node.inherits("QQuickTextEdit")
        if is_text and needle in str(node.property("text")):
            found.append(node)
    return found


def qml_value(node: QQuickItem, expression: str) -> object:
    """Evaluate ``expression`` on ``node`` in QML (PySide cannot convert some enums itself)."""
    from PySide6.QtQml import QQmlEngine, QQmlExpression

    context = QQmlEngine.contextForObject(node)
    assert context is not None
    value, error = QQmlExpression(context, node, expression).evaluate()
    assert not error, expression
    return value


def assert_plain(window: WindowRig, text: str) -> None:
    items = texts_showing(window, "FAKE WARNING")
    assert items, "the hostile text is not on screen at all"
    for node in items:
        name = node.objectName() or node.metaObject().className()
        assert qml_value(node, "textFormat") == PLAIN_TEXT, f"{name} renders markup"
    # Painted as the literal characters: a single-line plain item is as wide as the whole
    # string, tags included (rich text would paint only "FAKE WARNING", in a huge font).
    from PySide6.QtGui import QFontMetricsF

    for node in items:
        if qml_value(node, "wrapMode") == 0 and node.property("lineCount") == 1:
            shown_text = str(node.property("text"))
            advance = QFontMetricsF(node.property("font")).horizontalAdvance(shown_text)
            assert abs(float(node.property("implicitWidth")) - advance) < 2, node.objectName()


def test_a_hostile_preset_is_shown_as_plain_text_and_fetches_nothing(
    trap: tuple[int, list[str]], hostile_preset: str, window: WindowRig
) -> None:
    _port, hits = trap
    window.connect()
    window.running.bridge.setProperty("screen", "presets")
    window.wait(lambda: shown(window, "presetList"))
    # (The list shows the built-ins first: the user's preset is below the fold.)
    window.running.bridge.presets.select("hostile")
    window.wait(lambda: item(window, "presetTitle").property("text") == hostile_preset)
    assert_plain(window, hostile_preset)
    # Use it: the session screen shows the preset's and the phase's names.
    click(window, "usePresetButton")
    window.wait(lambda: window.session("state") == "idle")
    window.wait(lambda: texts_showing(window, "FAKE WARNING"))
    assert_plain(window, hostile_preset)
    # Time for an image request to reach the port (it does within a frame or two when the
    # text is rendered as rich text).
    window.qtbot.wait(300)
    assert hits == [], "the app fetched an image named by a preset"


# Properties whose text a Text/Label/TextArea shows.
_TEXT_ITEM = re.compile(
    r"^(?P<indent>\s*)(?:[\w.]+:\s*|component\s+\w+:\s*)?(?:Text|Label|TextArea|TextEdit)\s*\{\s*$"
)


def text_items_without_plain_format(qml: str) -> list[int]:
    """Line numbers of text items in ``qml`` that do not say ``textFormat: …PlainText``."""
    lines = qml.splitlines()
    missing: list[int] = []
    for number, line in enumerate(lines, 1):
        match = _TEXT_ITEM.match(line)
        if match is None:
            continue
        inner = " " * (len(match["indent"]) + 4)
        body: list[str] = []
        for later in lines[number:]:
            if later.strip() == "}" and len(later) - len(later.lstrip()) == len(match["indent"]):
                break
            body.append(later)
        own = [b for b in body if b.startswith(inner) and not b.startswith(inner + " ")]
        if not any(re.match(r"\s*textFormat:\s*Text(Edit)?\.PlainText\s*$", b) for b in own):
            missing.append(number)
    return missing


def test_every_text_item_in_the_ui_is_plain_text() -> None:
    """A new Text or Label that forgets ``textFormat: Text.PlainText`` fails here: Qt's
    default guesses rich text from the string, so any bound text could be markup."""
    bad: list[str] = []
    files = sorted(Path(UI_DIR).glob("*.qml"))
    assert len(files) > 20
    for path in files:
        bad += [f"{path.name}:{n}" for n in text_items_without_plain_format(path.read_text())]
    assert bad == []


def test_the_scan_finds_a_text_without_a_format() -> None:
    assert text_items_without_plain_format("Item {\n    Text {\n        text: x\n    }\n}\n") == [2]
    assert (
        text_items_without_plain_format(
            "Item {\n    Label {\n        textFormat: Text.PlainText\n        text: x\n    }\n}\n"
        )
        == []
    )
