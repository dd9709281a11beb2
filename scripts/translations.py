"""The app's translations: Qt's lupdate/lrelease (shipped with PySide6-Essentials, in .venv).

    .venv/bin/python scripts/translations.py update   # new strings (ui/, the code) -> i18n/*.ts
    .venv/bin/python scripts/translations.py build    # i18n/*.ts -> resources/translations/*.qm
    .venv/bin/python scripts/translations.py check    # exit 1: a string missing or untranslated

``update`` keeps every translation already made and adds new strings as "unfinished" (open
the .ts in ``pyside6-linguist``, or edit the XML); strings gone from the code are dropped.
The .ts files carry no line numbers (``-locations none``), so editing code around a string
does not change them. See docs/translations.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "i18n"
QM_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("de", "es", "fr")
# Python the user reads in the window: the app and the core. Not the command line (its output
# stays English, like its --help), the virtual treadmill or the test evidence.
SKIP = ("treadmill_ctl/proof/", "treadmill_ctl/sim/", "treadmill_ctl/commands/")


def ts_file(lang: str) -> Path:
    return TS_DIR / f"treadmill_ctl_{lang}.ts"


def qm_file(lang: str) -> Path:
    return QM_DIR / f"treadmill_ctl_{lang}.qm"


def tool(name: str) -> str:
    """lupdate or lrelease: PySide6's own binaries (the venv's ``pyside6-*`` wrappers start a
    Python each time)."""
    import PySide6

    path = Path(PySide6.__file__).parent / name
    if os.name == "nt":
        path = path.with_suffix(".exe")
    if not path.exists():
        found = shutil.which(f"pyside6-{name}") or shutil.which(name)
        if found is None:
            raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
        return found
    return str(path)


def sources() -> list[str]:
    """Every file lupdate reads, relative to the repository, sorted."""
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.qml"))
    for p in sorted((ROOT / "treadmill_ctl").rglob("*.py")):
        rel = p.relative_to(ROOT).as_posix()
        if not rel.startswith(SKIP):
            files.append(rel)
    return files


def lupdate(ts: list[Path], *, locations: str = "none") -> None:
    """Update (or create) the ``ts`` catalogues from the sources."""
    subprocess.run(
        [tool("lupdate"), "-silent", "-no-obsolete", "-locations", locations, *sources(),
         "-ts", *map(str, ts)],
        cwd=ROOT, check=True,
    )  # fmt: skip


def lrelease(ts: Path, qm: Path) -> None:
    """Compile one catalogue (unfinished translations are left out: English shows)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def build() -> list[Path]:
    out = []
    for lang in LANGUAGES:
        lrelease(ts_file(lang), qm_file(lang))
        out.append(qm_file(lang))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description="Update, build or check the translations")
    parser.add_argument("action", choices=("update", "build", "check"))
    args = parser.parse_args()
    if args.action == "update":
        TS_DIR.mkdir(exist_ok=True)
        lupdate([ts_file(lang) for lang in LANGUAGES])
        print(f"updated {', '.join(ts_file(lang).name for lang in LANGUAGES)}")
        return 0
    if args.action == "build":
        files = build()
        print(f"wrote {', '.join(p.name for p in files)} into {QM_DIR.relative_to(ROOT)}")
        return 0
    # check: what tests/test_translations.py checks, for the command line
    sys.path.insert(0, str(ROOT / "tests"))
    from translation_check import problems

    with tempfile.TemporaryDirectory() as tmp:
        found = problems(Path(tmp))
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
