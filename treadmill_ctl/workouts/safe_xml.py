"""Parsing untrusted XML into a small tree, with nothing that can reach outside the file.

A document type declaration (and with it every entity declaration: "billion laughs", external
entities) is refused at once, the parser is told never to read an external parameter entity,
and the tree is bounded in depth and in elements. Every element keeps the line it starts on,
so a bad step is reported where it is. (The standard library's expat, with these handlers,
does what defusedxml would; no new dependency.)
"""

from __future__ import annotations

import xml.parsers.expat
from dataclasses import dataclass, field
from typing import Final

from treadmill_ctl.errors import FileFormatError

MAX_XML_DEPTH: Final = 16
MAX_XML_ELEMENTS: Final = 5_000
MAX_TEXT_CHARS: Final = 20_000  # text inside all elements together


@dataclass(slots=True)
class XmlElement:
    """One element: its tag, attributes, text, children and the line it starts on."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[XmlElement] = field(default_factory=list)
    text: str = ""

    def child(self, tag: str) -> XmlElement | None:
        """The first child called ``tag`` (case-insensitive, as ZWO writers differ)."""
        folded = tag.casefold()
        return next((c for c in self.children if c.tag.casefold() == folded), None)

    def child_text(self, tag: str) -> str:
        found = self.child(tag)
        return found.text.strip() if found is not None else ""


class _Refused(Exception):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


def parse_xml(data: bytes, source: str) -> XmlElement:
    """The root element of ``data``; a FileFormatError with the line for anything malformed,
    a DOCTYPE or an entity, or a document beyond the bounds."""
    # UTF-8 whatever the declaration says: no codec lookup on a name from the file.
    parser = xml.parsers.expat.ParserCreate(encoding="UTF-8")
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[XmlElement] = []
    root: list[XmlElement] = []
    count = 0
    text_chars = 0

    def refuse(reason: str) -> None:
        raise _Refused(parser.CurrentLineNumber, reason)

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > MAX_XML_ELEMENTS:
            refuse(f"more than {MAX_XML_ELEMENTS} elements")
        if len(stack) >= MAX_XML_DEPTH:
            refuse(f"elements nested more than {MAX_XML_DEPTH} deep")
        element = XmlElement(tag, dict(attrs), parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(element)
        else:
            root.append(element)
        stack.append(element)

    def end(_: str) -> None:
        stack.pop()

    def chars(text: str) -> None:
        nonlocal text_chars
        text_chars += len(text)
        if text_chars > MAX_TEXT_CHARS:
            refuse(f"more than {MAX_TEXT_CHARS} characters of text")
        if stack:
            stack[-1].text += text

    def doctype(*_: object) -> None:
        refuse("a DOCTYPE is not allowed in a workout file (entities could expand or load)")

    def entity(*_: object) -> None:
        refuse("an ENTITY declaration is not allowed in a workout file")

    def external(*_: object) -> int:
        refuse("an external entity is not allowed in a workout file")
        return 0

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ExternalEntityRefHandler = external
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise FileFormatError(source, exc.line, exc.reason) from None
    except xml.parsers.expat.ExpatError as exc:
        reason = xml.parsers.expat.ErrorString(exc.code) if exc.code else str(exc)
        raise FileFormatError(source, exc.lineno or None, f"not valid XML: {reason}") from None
    except (LookupError, ValueError) as exc:  # never expected with the encoding fixed
        raise FileFormatError(source, None, f"not valid XML: {exc}") from None
    except RecursionError:  # never expected: the depth is bounded above
        raise FileFormatError(source, None, "nested too deeply to read") from None
    if not root:
        raise FileFormatError(source, None, "not valid XML: no root element")
    return root[0]
