"""The app's language: Qt's translator for the QML (``qsTr``) and for the core's marked texts
(``treadmill_ctl.texts.tr``), the locale numbers are shown in, and which cue clips speak.

``use_language(setting)`` installs ``resources/translations/treadmill_ctl_<lang>.qm`` (built by
``scripts/translations.py`` from ``i18n/*.ts``), sets the default ``QLocale`` and the decimal
separator of ``app.formatting``. ``translated(text)`` turns a core ``Text`` into the user's
language where a bridge hands it to QML; a plain ``str`` (a preset's name, a device's) is left
as it is. See docs/translations.md.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Final

from treadmill_ctl import shipped
from treadmill_ctl.app import formatting
from treadmill_ctl.app.qt import QCoreApplication, QLocale, QTranslator
from treadmill_ctl.texts import Day, Figure, Speed, Text

_log = logging.getLogger(__name__)

# Language code -> its name in that language (the settings screen's choices).
LANGUAGES: Final[dict[str, str]] = {
    "en": "English",
    "de": "Deutsch",
    "es": "Español",
    "fr": "Français",
}
TRANSLATED: Final = ("de", "es", "fr")  # the ones with a catalogue (English is the source)
CONTEXT: Final = ""  # lupdate's context for the core's tr() calls
_NUMBER: Final = re.compile(r"-?\d+\.\d+")

_translator: QTranslator | None = None
_language = "en"


def resolve(setting: str) -> str:
    """The language code for a ``language`` setting: itself, or for "system" the first of the
    system's UI languages the app has (English when none)."""
    if setting in LANGUAGES:
        return setting
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def current() -> str:
    """The language in use ("en", "de", "es", "fr")."""
    return _language


def use_language(setting: str) -> str:
    """Install the translator for ``setting`` (replacing the previous one); returns the code.
    A missing catalogue is logged and leaves the app in English."""
    global _translator, _language  # noqa: PLW0603 - the process has one translator
    app = QCoreApplication.instance()
    code = resolve(setting)
    if _translator is not None and app is not None:
        app.removeTranslator(_translator)
    _translator = None
    if code in TRANSLATED and app is not None:
        translator = QTranslator(app)
        path = shipped.translations_dir() / f"treadmill_ctl_{code}.qm"
        if translator.load(str(path)):
            app.installTranslator(translator)
            _translator = translator
        else:
            _log.warning("no translation at %s; the app stays in English", path)
            code = "en"
    _language = code
    locale = QLocale(code)
    QLocale.setDefault(locale)
    formatting.set_decimal_point(locale.decimalPoint())
    return code


def _argument(value: object) -> object:
    if isinstance(value, Text):
        return translated(value)
    if isinstance(value, Speed | Figure):  # a Speed not written in the user's unit: km/h
        return formatting.decimal(str(value))
    if isinstance(value, Day):  # in the language's words: "3 Dez. 2026", "3 déc. 2026"
        return QLocale().toString(value.day, "d MMM yyyy")  # type: ignore[call-overload]
    if isinstance(value, float):
        return formatting.decimal(f"{value:g}")
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        return formatting.decimal(value)
    return value


def translated(text: str) -> str:
    """``text`` in the user's language when it is a core ``Text`` (its arguments too), with the
    language's decimal separator in its numbers; any other string unchanged."""
    if not isinstance(text, Text):
        return text
    if isinstance(text, formatting.SpeedsInUnit):
        return formatting.convert_speeds(
            translated(text.args["text"]),  # type: ignore[arg-type]
            text.unit,
            localised=True,
        )
    template = QCoreApplication.translate(CONTEXT, text.template) if text.template else ""
    if not text.args:
        return template
    args = {name: _argument(value) for name, value in text.args.items()}
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
        _log.warning("translation of %r does not fit its arguments", text.template)
        return text.template.format(**args)


def translated_tree[T](value: T) -> T:
    """``value`` with every ``Text`` inside it (dicts, lists, tuples) translated."""
    if isinstance(value, Text):
        return translated(value)  # type: ignore[return-value]
    if isinstance(value, Mapping):
        return {k: translated_tree(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, list):
        return [translated_tree(v) for v in value]  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(translated_tree(v) for v in value)  # type: ignore[return-value]
    return value
