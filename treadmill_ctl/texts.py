"""User-facing text in the Qt-free core: English, marked for translation (docs/translations.md).

The core cannot import Qt, so it cannot translate. It marks each message with ``tr()``:

    tr("Backward in {seconds}", seconds=5)

returns a ``Text``: a ``str`` holding the English words ("Backward in 5"), so logs, the events
file, the terminal and every test read it as before, that also carries its template and
arguments. Qt's ``lupdate`` finds the template (``tr("...")`` calls, context ``""``) and puts it
in the ``.ts`` catalogues; the Qt layer (``app/translation.py``) translates a ``Text`` when it
hands it to the screen: the template through ``QCoreApplication.translate("", template)``, then
the arguments, each translated the same way if it is a ``Text`` itself.

Rules for the template: a string literal (``lupdate`` reads only literals), placeholders
``{name}`` filled by keyword arguments (translators may move them, never rename them), no
format specs (format the number first and pass the string). Putting a ``Text`` together with
``+`` or an f-string gives a plain ``str``, which is no longer translated: write one template
with a placeholder instead (``tr("{why} Stopping.", why=why)``). ``tests/test_translations.py``
fails on an alert, cue or error written with a bare literal.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Self

_NO_ARGS: Final[Mapping[str, object]] = MappingProxyType({})


class Text(str):
    """English text that can still be translated: the template and its arguments."""

    __slots__ = ("args", "template")
    template: str
    args: Mapping[str, object]

    def __new__(cls, template: str, args: Mapping[str, object] | None = None) -> Self:
        values = dict(args or {})
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template = template
        self.args = MappingProxyType(values) if values else _NO_ARGS
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (Text, (self.template, dict(self.args)))


def tr(template: str, /, **args: object) -> Text:
    """Mark ``template`` (a literal) as user text; ``args`` fill its ``{name}`` placeholders."""
    return Text(template, args)


def join(parts: list[str], sep: str = " ") -> Text | str:
    """``parts`` joined, still translatable when every part is a ``Text`` (each is translated on
    its own and the pieces joined with ``sep``)."""
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    names = [f"p{i}" for i in range(len(parts))]
    return Text(sep.join("{" + n + "}" for n in names), dict(zip(names, parts, strict=True)))
