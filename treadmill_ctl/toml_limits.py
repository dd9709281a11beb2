"""Reading TOML that may be hostile: regular files only, bounded size, and a linear pre-scan
that refuses what ``tomllib`` would crash or stall on, before it is parsed.

``tomllib`` recurses once per nested array (a 2 KB file of 1 000 nested arrays raised
RecursionError), and its cost for one dotted key grows with the square of its parts (a key of
20 000 parts took about a minute and gigabytes). ``read_toml_file`` never waits on a FIFO or a
device named ``*.toml``; ``check_limits`` names the file, the line and the limit; ``load_toml``
does both checks' parsing part and turns every failure into a located ``FileFormatError``.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any, Final

from treadmill_ctl.errors import FileFormatError

# Far above any file the app writes or a person types (a 100-step preset is ~6 KB), far below
# what makes tomllib slow: a file over these is refused with the reason, before it is parsed.
MAX_TOML_BYTES: Final = 256 * 1024
MAX_TOML_NESTING: Final = 16  # arrays / inline tables inside each other
MAX_TOML_KEY_PARTS: Final = 16  # parts of one dotted key or table header (a.b.c is 3)
MAX_TOML_KEYS: Final = 5_000  # key = value pairs and table headers in the whole file
MAX_TOML_ITEMS: Final = 10_000  # array elements and inline-table entries (commas) in the file

_DECODE_POS: Final = re.compile(r"\(at line (\d+), column \d+\)")
_DECODE_AT_END: Final = " (at end of document)"


def read_toml_file(path: Path, *, max_bytes: int = MAX_TOML_BYTES) -> str:
    """The text of ``path`` if it is a regular UTF-8 file of at most ``max_bytes``; else a
    FileFormatError saying why. Never waits on a FIFO or a device: the file is opened
    non-blocking and checked with fstat before anything is read. OSError (missing file, no
    permission) is left to the caller."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileFormatError(str(path), None, f"not a regular file ({_file_kind(info)})")
        if info.st_size > max_bytes:
            raise FileFormatError(str(path), None, _too_big(info.st_size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(max_bytes + 1)  # the file may have grown since fstat
    finally:
        os.close(fd)
    if len(raw) > max_bytes:
        raise FileFormatError(str(path), None, _too_big(len(raw), max_bytes))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FileFormatError(str(path), line, "not UTF-8 text") from None


def _file_kind(info: os.stat_result) -> str:
    mode = info.st_mode
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "not a plain file"


def _too_big(size: int, max_bytes: int) -> str:
    return f"too big: {size} bytes (a file here may be at most {max_bytes // 1024} KB)"


_SIGNIFICANT: Final = re.compile(r"[\"'#\[\]{}=.,\n]")
_BASIC_STRING: Final = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_ML_BASIC_END: Final = re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL)


def check_limits(text: str, source: str) -> None:
    """Refuse, with the line, TOML that would make ``tomllib`` crash or stall: more than
    ``MAX_TOML_BYTES``, arrays or inline tables nested deeper than ``MAX_TOML_NESTING``, a key
    or header of more than ``MAX_TOML_KEY_PARTS`` dotted parts, more than ``MAX_TOML_KEYS``
    keys or more than ``MAX_TOML_ITEMS`` values in arrays (each costs tomllib far more than its
    bytes: 130 000 numbers in one array took over 2 s). One linear pass that skips strings and
    comments; what it cannot make sense of is left for the parser to report."""
    size = len(text.encode("utf-8", "surrogatepass")) if len(text) * 4 > MAX_TOML_BYTES else 0
    if size > MAX_TOML_BYTES:
        raise FileFormatError(source, None, _too_big(size, MAX_TOML_BYTES))

    def fail(pos: int, reason: str) -> FileFormatError:
        return FileFormatError(source, text.count("\n", 0, pos) + 1, reason)

    stack: list[str] = []  # open "[" (arrays) and "{" (inline tables) of values
    in_key = True  # between the start of a key and its "="
    in_header = False  # inside a [table] or [[array.of.tables]] header
    parts = 1
    keys = items = 0
    pos = 0
    n = len(text)
    while pos < n:
        m = _SIGNIFICANT.search(text, pos)
        if m is None:
            break
        i, ch = m.start(), m.group()
        pos = i + 1
        if ch == "#":
            end = text.find("\n", i)
            pos = n if end < 0 else end
        elif ch == '"':
            if text.startswith('"""', i):
                sm = _ML_BASIC_END.match(text, i + 3)
                if sm is None:
                    return  # unterminated: the parser says where
                pos = sm.end()
            else:
                sm = _BASIC_STRING.match(text, i)
                if sm is None:
                    return
                pos = sm.end()
        elif ch == "'":
            delim = "'''" if text.startswith("'''", i) else "'"
            end = text.find(delim, i + len(delim))
            if end < 0:
                return
            pos = end + len(delim)
        elif ch == "\n":
            if not stack:
                in_key, in_header, parts = True, False, 1
        elif ch == ".":
            if in_key or in_header:
                parts += 1
                if parts > MAX_TOML_KEY_PARTS:
                    raise fail(i, f"a key with more than {MAX_TOML_KEY_PARTS} dotted parts")
        elif ch == "=":
            keys += 1
            if keys > MAX_TOML_KEYS:
                raise fail(i, f"more than {MAX_TOML_KEYS} keys in one file")
            in_key = False
        elif ch == "[":
            if in_key and not stack:
                if not in_header:  # "[[" opens one header, not two
                    in_header, parts = True, 1
                    keys += 1
                    if keys > MAX_TOML_KEYS:
                        raise fail(i, f"more than {MAX_TOML_KEYS} keys in one file")
                continue
            stack.append("[")
            if len(stack) > MAX_TOML_NESTING:
                raise fail(i, f"values nested more than {MAX_TOML_NESTING} deep")
        elif ch == "{":
            stack.append("{")
            if len(stack) > MAX_TOML_NESTING:
                raise fail(i, f"values nested more than {MAX_TOML_NESTING} deep")
            in_key, parts = True, 1
        elif ch in "]}":
            if in_header and not stack:
                in_key = in_header = False  # the header's name is over
            elif stack:
                stack.pop()
                in_key = False  # what follows is the rest of a value
        elif ch == ",":
            items += 1
            if items > MAX_TOML_ITEMS:
                raise fail(i, f"more than {MAX_TOML_ITEMS} values in arrays in one file")
            if stack and stack[-1] == "{":
                in_key, parts = True, 1


def load_toml(text: str, source: str) -> dict[str, Any]:
    """Parse TOML ``text`` after ``check_limits``; a syntax error, a file over the limits or a
    shape the pre-scan did not foresee becomes a FileFormatError with the line."""
    check_limits(text, source)
    try:
        return tomllib.loads(text)
    except RecursionError:  # never expected after check_limits: still an error, not a crash
        raise FileFormatError(source, None, "nested too deeply to read") from None
    except tomllib.TOMLDecodeError as exc:
        lineno = getattr(exc, "lineno", None)
        message = str(exc)
        if lineno is None and (m := _DECODE_POS.search(message)):
            lineno = int(m.group(1))
        if lineno is None and _DECODE_AT_END in message:
            # The error is at the end of the file: point at its last line.
            lineno = max(len(text.splitlines()), 1)
        reason = _DECODE_POS.sub("", message).replace(_DECODE_AT_END, "").strip()
        raise FileFormatError(source, lineno, f"not valid TOML: {reason}") from None
