"""Regenerate ui/TreadmillCtl/ (qmldir + bridges.qmltypes): the description of the Python
bridge types that qmllint reads, so every QML binding to a bridge property is checked.

    .venv/bin/python scripts/make_qmltypes.py          # rewrite the files
    .venv/bin/python scripts/make_qmltypes.py --check  # exit 1 if they are out of date

Run it after adding or renaming a Property, Signal or Slot in treadmill_ctl/app/*_bridge.py.
The files are read by the linter only: the app never adds ui/ to the QML import path (the
types are registered at run time by @QmlElement when the bridge modules are imported).
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "treadmill_ctl" / "app"
OUT = ROOT / "ui" / "TreadmillCtl"
MODULE = "TreadmillCtl"


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent))
    if exe is None:
        raise SystemExit(f"{name} not found next to {sys.executable}")
    return exe


def _sources() -> list[Path]:
    """Bridge modules (the ones that register QML types) and the modules of the QObject base
    classes they derive from, each base class's module before its subclasses' (the dump knows
    a class is a QObject only from a base it has already read)."""
    trees = {p: ast.parse(p.read_text("utf-8")) for p in sorted(APP.glob("*.py"))}
    defined = {  # class name -> (module, names of its bases)
        node.name: (path, [b.id for b in node.bases if isinstance(b, ast.Name)])
        for path, tree in trees.items()
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }
    ordered: list[Path] = []

    def add(path: Path) -> None:
        for node in trees[path].body:
            if isinstance(node, ast.ClassDef):
                for base in defined[node.name][1]:
                    if base in defined and defined[base][0] != path:
                        add(defined[base][0])
        if path not in ordered:
            ordered.append(path)

    for path in trees:
        if "@QmlElement" in path.read_text("utf-8"):
            add(path)
    return ordered


def _qt_metatypes(name: str) -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "metatypes").glob(f"{name}_*.json"))
    if not found:
        raise SystemExit(f"Qt metatypes {name} not found in the PySide6 install")
    return found[0]


# metaobjectdump writes Python type names; PySide stores these as the Qt types on the right.
_CPP_TYPES = {
    "float": "double",
    "list": "QVariantList",
    "dict": "QVariantMap",
    "object": "QVariant",
}


def _python_types_to_cpp(data: object) -> object:
    """Replace Python type names by the Qt types PySide uses for them."""
    if isinstance(data, dict):
        return {
            k: (
                _CPP_TYPES.get(v, v)
                if k in ("type", "returnType") and isinstance(v, str)
                else _python_types_to_cpp(v)
            )
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_python_types_to_cpp(v) for v in data]
    return data


def _late_property_types(entries: list[Any]) -> None:
    """AppBridge declares the properties whose class loads after the window's first frame as
    QObject (app_bridge.LATE_PROPERTY_TYPES, read from this checkout's source): give QML their
    real type."""
    tree = ast.parse((APP / "app_bridge.py").read_text("utf-8"))
    late: dict[str, str] = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "LATE_PROPERTY_TYPES"
        and node.value is not None
    )
    for entry in entries:
        for cls in entry.get("classes", []):
            if cls.get("className") != "AppBridge":
                continue
            for prop in cls.get("properties", []):
                if prop.get("name") in late:
                    prop["type"] = late[prop["name"]]


def generate(out: Path) -> None:
    """Write qmldir and bridges.qmltypes into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.json"
        subprocess.run(
            [_tool("pyside6-metaobjectdump"), "-o", str(raw), *map(str, _sources())],
            check=True,
        )
        fixed = Path(tmp) / "bridges_metatypes.json"
        entries = _python_types_to_cpp(json.loads(raw.read_text()))
        assert isinstance(entries, list)
        _late_property_types(entries)
        for entry in entries:  # repo-relative, so the output does not depend on the checkout
            entry["inputFile"] = Path(entry["inputFile"]).resolve().relative_to(ROOT).as_posix()
        fixed.write_text(json.dumps(entries))
        foreign = ",".join(str(_qt_metatypes(n)) for n in ("qt6core",))
        subprocess.run(
            [
                _tool("pyside6-qmltyperegistrar"),
                "--generate-qmltypes",
                str(out / "bridges.qmltypes"),
                "-o",
                str(Path(tmp) / "registrations.cpp"),
                "--import-name",
                MODULE,
                "--major-version",
                "1",
                "--minor-version",
                "0",
                f"--foreign-types={foreign}",
                str(fixed),
            ],
            check=True,
        )
    (out / "qmldir").write_text(f"module {MODULE}\ntypeinfo bridges.qmltypes\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the files are stale")
    args = parser.parse_args()
    if not args.check:
        generate(OUT)
        print(f"wrote {OUT.relative_to(ROOT)}/")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        stale = [
            name
            for name in ("qmldir", "bridges.qmltypes")
            if not (OUT / name).exists()
            or (OUT / name).read_text("utf-8") != (Path(tmp) / name).read_text("utf-8")
        ]
    if stale:
        print(f"stale: {', '.join(stale)}; run scripts/make_qmltypes.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
