"""Text from files and radios printed on a terminal: nothing in it can act on the terminal."""

from __future__ import annotations

import json

from treadmill_ctl.commands.terminal_text import json_text, plain


def test_plain_removes_escapes_and_format_characters_and_json_text_keeps_them_exactly() -> None:
    hostile = (
        "Go\x1b[31m red\x1b[0m\x1b]0;title\x07 \u202efast\u202c\u2066x\u2069\u200b\x9b2J\r\nend"
    )
    assert plain(hostile) == "Go red fastx  end"
    assert plain("a\nb", keep_newlines=True) == "a\nb"
    text = json_text({"name": hostile, "emoji": "ok \U0001f3c3", "tag": "\U000e0041"})
    assert json.loads(text) == {"name": hostile, "emoji": "ok \U0001f3c3", "tag": "\U000e0041"}
    assert plain(text, keep_newlines=True) == text  # nothing a terminal would act on
