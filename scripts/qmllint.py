"""Run qmllint (shipped with PySide6) on every QML file in ui/; fail on any warning."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    files = sorted(str(p) for p in (ROOT / "ui").rglob("*.qml"))
    if not files:
        print("qmllint: no QML files yet")
        return 0
    exe = shutil.which("pyside6-qmllint", path=str(Path(sys.executable).parent))
    if exe is None:
        print("qmllint: pyside6-qmllint not found next to", sys.executable)
        return 1
    cmd = [exe, "--max-warnings", "0", "-I", str(ROOT / "ui"), *files]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
