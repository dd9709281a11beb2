"""The translation checks (tests/test_translations.py and ``scripts/translations.py check``).

Each problem is one line that names the file (and line) to fix and what to do.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UPDATE = "run `.venv/bin/python scripts/translations.py update`, translate it, then `... build`"

# QML properties that hold words a user reads (or a screen reader speaks).
QML_TEXT_PROPERTIES = (
    "text", "title", "placeholderText", "caption", "label", "hint", "message", "detail",
    "keyHint", "unit", "Accessible.name", "Accessible.description", "ToolTip.text",
)  # fmt: skip
_QML_LITERAL = re.compile(
    r"(?:^|[{;])\s*(?:readonly\s+)?(?:property\s+string\s+)?(?P<prop>"
    + "|".join(re.escape(p) for p in QML_TEXT_PROPERTIES)
    + r')\s*:\s*(?P<value>.*"[^"]*".*)$'
)
# Any string property given words with a capital ("FORWARD"; "forward" is a value, not text).
_QML_STRING_PROPERTY = re.compile(
    r'^\s*(?:readonly\s+)?property\s+string\s+(?P<prop>\w+)\s*:\s*"(?P<literal>[^"]*[A-Z][^"]*)"'
)
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
# Calls whose text arguments reach the user: name -> the indexes of those arguments.
PY_TEXT_CALLS: dict[str, tuple[int, ...]] = {
    "_alert": (2,),
    "_info": (1,),
    "_cue": (2,),
    "_start_stop": (1,),
    "_command_refused": (1,),
    "_belt_not_following": (1,),
    "_refuse": (1,),
    "notify": (1,),
    "_notify": (1,),
    "CueEvent": (1,),
    "AlertEvent": (2,),
    "_set_status": (0,),  # the Treadmill screen's and the strap card's status lines
    "Problem": (1, 2),  # a connection problem's title and advice
}
PY_CORE = ("treadmill_ctl/session/", "treadmill_ctl/app/")
PY_NOT_USER_TEXT = ("treadmill_ctl/app/layout_audit.py",)  # findings for developers
_PLACEHOLDER = re.compile(r"\{(\w+)\}|%(\d+|n)")


@dataclass(frozen=True, slots=True)
class Message:
    context: str
    source: str
    translation: str
    unfinished: bool
    where: str  # file:line (from a fresh lupdate run), or ""


def read_ts(path: Path) -> list[Message]:
    """The messages of one .ts file (locations relative to the repository, when it has them)."""
    root = ET.parse(path).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            loc = msg.find("location")
            where = ""
            if loc is not None:
                file = (path.parent / (loc.get("filename") or "")).resolve()
                shown = file.relative_to(ROOT) if file.is_relative_to(ROOT) else file
                where = f"{shown}:{loc.get('line')}"
            out.append(
                Message(
                    name,
                    msg.findtext("source") or "",
                    (tr.text or "") if tr is not None else "",
                    tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"),
                    where,
                )
            )
    return out


def untranslatable_qml() -> list[str]:
    """Literal words in a QML text property, not wrapped in qsTr()."""
    found = []
    for path in sorted((ROOT / "ui").glob("*.qml")):
        found += qml_problems(f"ui/{path.name}", path.read_text(encoding="utf-8"))
    return found


def qml_problems(name: str, text: str) -> list[str]:
    """The untranslatable literals of one QML file's ``text``."""
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        declared = _QML_STRING_PROPERTY.match(line)
        if declared and _WORDS.search(declared.group("literal")):
            literal = declared.group("literal")
            found.append(
                f'{name}:{n}: "{literal}" in {declared.group("prop")} is not translatable: '
                f'write qsTr("{literal}")'
            )
            continue
        m = _QML_LITERAL.search(line)
        if m is None or line.lstrip().startswith("//"):
            continue
        value = m.group("value")
        stripped = re.sub(r"qsTr\(\s*\"(?:[^\"\\]|\\.)*\"", "qsTr(", value)
        for lit in _STRING.finditer(stripped):
            literal = lit.group(1)
            before = stripped[: lit.start()].rstrip()
            # Shown: the whole value, a "+" piece or a branch of "?:". Not shown: a value
            # compared with (===), a key ([...], a call's argument).
            shown = (
                before == ""
                or before.endswith(("+", "?"))
                or (before.endswith(":") and "?" in before)
            )
            shown = shown and before.count("[") <= before.count("]")
            if shown and _WORDS.search(literal) and literal not in _QML_NOT_WORDS:
                found.append(
                    f'{name}:{n}: "{literal}" in {m.group("prop")} is not '
                    f'translatable: write qsTr("{literal}")'
                )
    return found


# Literals that are not words to translate (names, units the same in every language).
_QML_NOT_WORDS = frozenset({"treadmill-ctl", "km/h", "mph", "bpm", "PageUp", "PageDown"})


def _is_plain_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _WORDS.search(str(v.value)) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_plain_text(node.left) or _is_plain_text(node.right)
    return False


def untranslatable_python() -> list[str]:
    """A literal (or f-string) given straight to an alert, a cue, a notice or a refusal in the
    app or the session core, instead of ``tr("...")``."""
    found = []
    for prefix in PY_CORE:
        for path in sorted((ROOT / prefix).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel not in PY_NOT_USER_TEXT:
                found += python_problems(rel, path.read_text(encoding="utf-8"))
    return found


def python_problems(rel: str, source: str) -> list[str]:
    """The untranslatable user texts of one Python module's ``source``."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        for index in PY_TEXT_CALLS.get(name, ()):
            if index >= len(node.args) or not _is_plain_text(node.args[index]):
                continue
            arg = node.args[index]
            found.append(
                f"{rel}:{arg.lineno}: {ast.unparse(arg)} given to {name}() is not "
                'translatable: write tr("... {name} ...", name=value) (treadmill_ctl/texts.py)'
            )
    return found


def _placeholders(text: str) -> set[str]:
    return {a or b for a, b in _PLACEHOLDER.findall(text)}


def catalogue_problems(tmp: Path) -> list[str]:
    """Strings in the code missing from a catalogue, translations missing or not matching
    their placeholders, compiled files out of date."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import translations

    found: list[str] = []
    fresh_ts = tmp / "fresh.ts"
    translations.lupdate([fresh_ts], locations="absolute")
    fresh = {(m.context, m.source): m for m in read_ts(fresh_ts)}
    for lang in translations.LANGUAGES:
        ts = translations.ts_file(lang)
        rel = ts.relative_to(ROOT).as_posix()
        if not ts.exists():
            found.append(f"{rel} is missing: {UPDATE}")
            continue
        have = {(m.context, m.source): m for m in read_ts(ts)}
        for key, m in fresh.items():
            if key not in have:
                found.append(
                    f'{m.where}: "{m.source}" (context "{m.context}") is not in {rel}: {UPDATE}'
                )
        for key, m in have.items():
            where = fresh[key].where if key in fresh else rel
            if m.unfinished or not m.translation.strip():
                found.append(
                    f'{where}: "{m.source}" has no {lang} translation in {rel}: translate it '
                    "there (pyside6-linguist, or the XML), then run "
                    "`.venv/bin/python scripts/translations.py build`"
                )
            elif _placeholders(m.translation) != _placeholders(m.source):
                found.append(
                    f'{where}: the {lang} translation "{m.translation}" of "{m.source}" in {rel} '
                    f"does not have the same placeholders"
                )
        qm = translations.qm_file(lang)
        built = tmp / qm.name
        translations.lrelease(ts, built)
        if not qm.exists() or qm.read_bytes() != built.read_bytes():
            found.append(
                f"{qm.relative_to(ROOT).as_posix()} is out of date with {rel}: "
                "run `.venv/bin/python scripts/translations.py build`"
            )
    return found


def problems(tmp: Path) -> list[str]:
    return untranslatable_qml() + untranslatable_python() + catalogue_problems(tmp)
