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

from collections.abc import Callable, Mapping
from datetime import date
from string import Formatter
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


class Speed:
    """A speed in a message, kept in km/h: "3.5 km/h" in the English words, shown in the user's
    unit and language where the message is displayed (``app/translation.translated``). Write the
    template with the unit left to the value: ``tr("The belt runs at {speed}.", speed=Speed(3.5))``.
    """

    __slots__ = ("kmh",)

    def __init__(self, kmh: float) -> None:
        self.kmh = float(kmh)

    def __str__(self) -> str:
        return f"{self.kmh:.1f} km/h"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Speed({self.kmh!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Speed) and other.kmh == self.kmh

    def __hash__(self) -> int:
        return hash(("Speed", self.kmh))


def has_speed(text: str) -> bool:
    """Whether ``text`` is a ``Text`` with a ``Speed`` among its arguments (at any depth)."""
    if not isinstance(text, Text):
        return False
    return any(
        isinstance(v, Speed) or (isinstance(v, Text) and has_speed(v)) for v in text.args.values()
    )


# ---- messages as data (the history stores an alert's template and arguments) -------------


def to_data(text: str) -> dict[str, object] | None:
    """A ``Text`` as JSON-able data: ``{"template": ..., "args": {...}}``, a ``Speed`` argument
    as ``{"kmh": 3.5}``, a ``Text`` argument as ``{"text": {...}}``; None for a plain ``str``
    (nothing to translate)."""
    if not isinstance(text, Text):
        return None
    return {"template": text.template, "args": {k: _arg_data(v) for k, v in text.args.items()}}


def _arg_data(value: object) -> object:
    if isinstance(value, Speed):
        return {"kmh": value.kmh}
    if isinstance(value, Text):
        return {"text": to_data(value)}
    if isinstance(value, bool | int | float):
        return value
    return str(value)


_MAX_KMH: Final = 1000.0  # no treadmill speed is above; a stored one that is, is damage
MAX_DATA_DEPTH: Final = 8
"""Messages nest (a "why" inside a message) a level or two deep; deeper data is not ours."""


def from_data(data: object, depth: int = 0) -> Text | None:
    """The ``Text`` that ``to_data`` wrote; None when ``data`` is not such an object (a damaged
    or foreign row: the caller shows the stored English words instead): nested deeper than
    ``MAX_DATA_DEPTH``, a speed that is no finite number, a template with other fields."""
    if not isinstance(data, Mapping) or depth > MAX_DATA_DEPTH:
        return None
    template, args = data.get("template"), data.get("args", {})
    if not isinstance(template, str) or not isinstance(args, Mapping):
        return None
    values: dict[str, object] = {}
    for name, value in args.items():
        if isinstance(value, Mapping):
            kmh = value.get("kmh")
            if isinstance(kmh, int | float) and not isinstance(kmh, bool):
                if not -_MAX_KMH <= kmh <= _MAX_KMH:  # NaN, infinities, 10**400 too
                    return None
                values[str(name)] = Speed(kmh)
                continue
            inner = from_data(value.get("text"), depth + 1)
            if inner is None:
                return None
            values[str(name)] = inner
        elif isinstance(value, str | int | float):
            values[str(name)] = value
        else:
            return None
    # Only plain ``{name}`` fields of the arguments given: a record read from a file (an
    # imported events file) must not reach attributes through "{speed.__class__}" and the like.
    try:
        fields = [(n, spec, conv) for _lit, n, spec, conv in Formatter().parse(template) if n]
    except ValueError:
        return None
    if any(not n.isidentifier() or n not in values or spec or conv for n, spec, conv in fields):
        return None
    try:
        return Text(template, values)
    except (KeyError, IndexError, ValueError):  # the template does not fit its arguments
        return None


class Day(str):
    """A date in a message: "3 Dec 2026" in the English words, in the language's words where
    it is shown ("3 Dez. 2026")."""

    __slots__ = ("day",)
    day: date

    def __new__(cls, day: date) -> Self:
        self = super().__new__(cls, f"{day.day} {day:%b %Y}")
        self.day = day
        return self


class Figure(str):
    """A number as words, written with ".": "2.2 mph". The Qt layer shows it with the
    language's decimal separator ("2,2 mph"); the English words keep the point."""

    __slots__ = ()


def with_speeds(text: str, speed_text: Callable[[float], str]) -> str:
    """``text`` with every ``Speed`` argument (at any depth) written by ``speed_text`` (the
    user's unit: "2.2 mph") as a ``Figure``, still translatable; a plain ``str`` unchanged."""
    if not isinstance(text, Text) or not text.args:
        return text
    args: dict[str, object] = {}
    for name, value in text.args.items():
        if isinstance(value, Speed):
            args[name] = Figure(speed_text(value.kmh))
        elif isinstance(value, Text):
            args[name] = with_speeds(value, speed_text)
        else:
            args[name] = value
    return Text(text.template, args)
