"""Hand-editable, versioned TOML files (presets, settings): parse with line numbers for every
key, migrate old schemas, and write back a plain, readable document.

``tomllib`` gives values but no positions; ``locate_keys`` scans the text once and maps each
key path (``("step", 2, "phase", 0, "speed_kmh")``) to the line it is on, so that a problem
found while validating values can name the line a user has to fix.

Every file is hostile until checked: files are read and parsed through ``toml_limits`` (regular
files only, bounded size, nesting and keys checked before ``tomllib`` sees the text).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.texts import tr
from treadmill_ctl.toml_limits import load_toml

type KeyPath = tuple[str | int, ...]
type Migration = Callable[[dict[str, Any]], dict[str, Any]]

_HEADER_ARRAY: Final = re.compile(r"^\[\[\s*(.+?)\s*\]\]")
_HEADER_TABLE: Final = re.compile(r"^\[\s*(.+?)\s*\]")
_KEY_LINE: Final = re.compile(
    r"""^((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=\s*(.*)$"""
)
_BARE_KEY: Final = re.compile(r"^[A-Za-z0-9_-]+$")


def _split_dotted(name: str) -> list[str]:
    parts = re.findall(r"""\s*("[^"]*"|'[^']*'|[^.\s]+)\s*(?:\.|$)""", name)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


@dataclass(frozen=True, slots=True)
class KeyLines:
    """Line numbers (1-based) of the keys and table headers of one TOML text."""

    lines: Mapping[KeyPath, int]

    def line_of(self, path: KeyPath) -> int | None:
        """The line of ``path``, or of its nearest enclosing table when the key is absent."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return None


def locate_keys(text: str) -> KeyLines:
    """Map key paths to line numbers; best effort on the hand-written subset of TOML we use
    (tables, arrays of tables, ``key = value``, multi-line strings and arrays)."""
    positions: dict[KeyPath, int] = {}
    array_counts: dict[KeyPath, int] = {}
    table: KeyPath = ()
    open_delim: str | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if open_delim is not None:
            if open_delim in raw:
                open_delim = None
            continue
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if m := _HEADER_ARRAY.match(line):
            names = _split_dotted(m.group(1))
            base = (*_resolve(names[:-1], array_counts), names[-1])
            index = array_counts.get(base, -1) + 1
            array_counts[base] = index
            table = (*base, index)
            positions.setdefault(base, lineno)
            positions[table] = lineno
            continue
        if m := _HEADER_TABLE.match(line):
            table = _resolve(_split_dotted(m.group(1)), array_counts)
            positions[table] = lineno
            continue
        if m := _KEY_LINE.match(line):
            path = (*table, *_split_dotted(m.group(1)))
            positions.setdefault(path, lineno)
            rest = m.group(2)
            for delim in ('"""', "'''"):
                if rest.startswith(delim) and rest.count(delim) == 1:
                    open_delim = delim
    return KeyLines(positions)


def _resolve(names: list[str], array_counts: Mapping[KeyPath, int]) -> KeyPath:
    """A dotted header name to a key path, entering the latest element of arrays of tables."""
    path: KeyPath = ()
    for name in names:
        path = (*path, name)
        if path in array_counts:
            path = (*path, array_counts[path])
    return path


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A TOML document's values, its key lines, and where it came from (for messages)."""

    source: str
    data: dict[str, Any]
    keys: KeyLines

    def error(self, path: KeyPath, reason: str) -> FileFormatError:
        """A located error for ``path`` (its line, or its table's line)."""
        return FileFormatError(self.source, self.keys.line_of(path), reason)


def parse_document(text: str, source: str) -> ParsedDocument:
    """Parse TOML ``text`` (within the limits of ``toml_limits``); a syntax error or a file
    over the limits becomes a FileFormatError with the line."""
    return ParsedDocument(source, load_toml(text, source), locate_keys(text))


def migrate(
    doc: ParsedDocument, *, current: int, migrations: Mapping[int, Migration], what: str
) -> dict[str, Any]:
    """Bring ``doc``'s data to schema ``current``.

    ``migrations[n]`` turns a schema-``n`` document into a schema-``n+1`` one. A missing
    ``schema`` key is read as the current schema (files written by hand); a newer schema than
    this version knows is refused rather than guessed at.
    """
    data = dict(doc.data)
    schema = data.get("schema", current)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
        raise doc.error(
            ("schema",), f"schema must be a whole number (this version writes {current})"
        )
    if schema > current:
        raise doc.error(
            ("schema",),
            f"this {what} was written by a newer treadmill-ctl (schema {schema}); "
            f"this version reads schema {current} or older",
        )
    while schema < current:
        step = migrations.get(schema)
        if step is None:
            raise doc.error(("schema",), f"{what} schema {schema} is not supported any more")
        data = step(data)
        schema += 1
        data["schema"] = schema
    data["schema"] = current
    return data


def suggest_key(key: str, known: Mapping[str, object] | frozenset[str] | set[str]) -> str:
    """' (did you mean x?)' for a misspelt key, or ''."""
    import difflib  # noqa: PLC0415 - only needed when a file has a typo

    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# ---- writing -------------------------------------------------------------------------------


def toml_key(key: str) -> str:
    """A key as TOML: bare when possible, quoted otherwise."""
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def toml_value(value: object) -> str:
    """A scalar or a list of scalars as TOML text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write {value} to TOML")
        text = repr(value)
        return text if any(c in text for c in ".en") else f"{text}.0"
    if isinstance(value, str):
        plain_lines = all(c in "\n\t" or unicodedata.category(c) != "Cc" for c in value)
        if "\n" in value and '"""' not in value and "\\" not in value and plain_lines:
            return f'"""\n{value.strip(chr(10))}\n"""'
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def toml_lines(mapping: Mapping[str, object]) -> list[str]:
    """``key = value`` lines for the scalar entries of ``mapping`` (``None`` entries omitted)."""
    return [f"{toml_key(k)} = {toml_value(v)}" for k, v in mapping.items() if v is not None]


class DocumentChecker:
    """Collects located problems (file and line) while building a value from a parsed TOML
    document: the checks every document kind shares (presets, training plans)."""

    def __init__(self, doc: ParsedDocument) -> None:
        self.doc = doc
        self.errors: list[FileFormatError] = []

    def error(self, path: KeyPath, reason: str) -> None:
        self.errors.append(self.doc.error(path, reason))

    def unknown_keys(self, table: Mapping[str, Any], known: frozenset[str], at: KeyPath) -> None:
        for key in table:
            if key not in known:
                self.error(
                    (*at, key),
                    tr(
                        "unknown key '{key}'{hint}; allowed here: {allowed}",
                        key=key,
                        hint=suggest_key(key, known),
                        allowed=", ".join(sorted(known)),
                    ),
                )

    def text(self, table: Mapping[str, Any], key: str, at: KeyPath) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(
                (*at, key),
                tr("{key} must be text in quotes, not {value}", key=key, value=repr(value)),
            )
            return None
        return value

    def whole(
        self, table: Mapping[str, Any], key: str, at: KeyPath, lo: int, hi: int
    ) -> int | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            self.error(
                (*at, key),
                tr(
                    "{key} must be a whole number from {lo} to {hi}, not {value}",
                    key=key,
                    lo=lo,
                    hi=hi,
                    value=repr(value),
                ),
            )
            return None
        return value
