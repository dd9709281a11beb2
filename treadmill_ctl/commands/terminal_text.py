"""Text from files and radios, made safe to print on a terminal.

Preset names and descriptions, history entries, settings problems and Bluetooth device names are
untrusted: an ANSI escape can repaint the screen, move the cursor or set the window title, a bidi
override can make "stop" read as "pots". ``plain`` removes every escape sequence and every control
or format character; every command prints through it. ``json_text`` keeps JSON lossless instead:
the same characters are written as ``\\uXXXX`` escapes, which a terminal shows as text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Final

# ESC [ ... final (CSI), ESC ] ... BEL or ESC \ (OSC), ESC P/X/^/_ ... ESC \ (DCS, SOS, PM, APC),
# and the single-character C1 forms of CSI/OSC. Removed whole, so nothing of them is printed.
_ESCAPE_SEQUENCE: Final = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b."
)
_LINE_BREAKS: Final = frozenset("\n\r\u2028\u2029\x85\x0b\x0c")


def _unsafe(ch: str) -> bool:
    """A character a terminal acts on instead of showing: C0, DEL and C1 controls, Unicode's
    format characters (bidi controls, zero-width, BOM), surrogates, line/paragraph separators."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def plain(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` without escape sequences and control or format characters. A tab and, unless
    ``keep_newlines``, a line break become a space (a name stays on its line)."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    out: list[str] = []
    for ch in text:
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch == "\t" or ch in _LINE_BREAKS:
            out.append(" ")
        elif not _unsafe(ch):
            out.append(ch)
    return "".join(out)


def json_text(value: object, *, indent: int | None = 2) -> str:
    """``value`` as JSON with readable non-ASCII text, every control or format character
    escaped (the data is kept exactly; the terminal only sees plain text)."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return "".join(_escape_char(ch) for ch in text) if _has_unsafe(text) else text


def _has_unsafe(text: str) -> bool:
    return any(_unsafe(ch) and ch != "\n" for ch in text)


def _escape_char(ch: str) -> str:
    if ch == "\n" or not _unsafe(ch):
        return ch
    cp = ord(ch)
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    cp -= 0x10000
    return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"
