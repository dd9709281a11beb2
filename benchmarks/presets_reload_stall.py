"""The worst single stall of the app's event loop while the Presets screen reloads a busy
folder (not a test), in wall-clock time, all in one run:

- idle: a heartbeat on the loop (a 1 ms timer, over and over) with nothing else happening:
  the baseline;
- one read per turn (before): the whole folder read and checked in one loop callback, as the
  Presets screen did until it read one file per turn (``PresetLibrary.reload`` on the loop);
- one file per turn (now): ``PresetsBridge.reload`` as the Presets screen calls it;
- one big file: a folder holding one preset at the size bound (256 KB, 5 000 keys), read by
  ``PresetsBridge.reload``: on the loop (automatic garbage collection on, as before) and in a
  worker thread (the app's collector on the GUI thread, as the app runs).

The stall is the longest gap between two heartbeats (what a STOP key pressed then would wait
for before the app even sees it). Printed in ms and as a ratio of the idle baseline and of
"before".

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/presets_reload_stall.py
        [--files 40] [--kb 200] [--rounds 3]

Settings, presets and history go to a temporary directory.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

HEARTBEAT_S = 0.001


def write_big_presets(folder: Path, count: int, kb: int) -> int:
    """``count`` valid preset files of about ``kb`` KB each (a long description and many
    steps, under the TOML limits); returns the size of one."""
    folder.mkdir(parents=True, exist_ok=True)
    step = '[[step]]\nkind = "forward"\nduration_s = 60\nspeed_kmh = 4.0\n'
    steps = step * 1000  # 4 000 keys: under the 5 000 a file may have
    size = 0
    for n in range(count):
        head = f'schema = 1\nname = "Heavy {n}"\n'
        filler = max(0, kb * 1024 - len(head) - len(steps) - 40)
        text = f'{head}description = "{"x" * filler}"\n{steps}'
        (folder / f"heavy-{n:03d}.toml").write_text(text, encoding="utf-8")
        size = len(text.encode())
    return size


async def worst_stall(work: Callable[[], Awaitable[None]]) -> float:
    """The longest gap between heartbeats while ``work`` runs."""
    gaps: list[float] = []
    done = False

    async def heartbeat() -> None:
        last = time.perf_counter()
        while not done:
            await asyncio.sleep(HEARTBEAT_S)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)  # the heartbeat is going
    gaps.clear()
    await work()
    await asyncio.sleep(0.05)
    done = True
    await beat
    return max(gaps)


async def measure(args: argparse.Namespace) -> dict[str, list[float]]:
    from treadmill_ctl.app.main import build_app
    from treadmill_ctl.session.presets import user_presets_dir
    from treadmill_ctl.settings import Settings

    size = write_big_presets(user_presets_dir(), args.files, args.kb)
    print(f"{args.files} preset files of {size / 1024:.0f} KB each")
    running = build_app(simulate=True, settings=Settings(), save_settings=lambda s: None)
    presets: Any = running.bridge.presets_bridge()
    library = running.context.presets
    assert library is not None

    async def settle() -> None:
        while presets.reading is not None and not presets.reading.done():
            await asyncio.wait({presets.reading})

    await settle()

    async def idle() -> None:
        await asyncio.sleep(1.0)

    async def whole_folder_in_one_turn() -> None:
        library.reload()

    async def one_file_a_turn() -> None:
        presets.reload()
        await asyncio.sleep(0)
        await settle()

    import gc

    results: dict[str, list[float]] = {
        "idle": [],
        "before": [],
        "now": [],
        "big_on_loop": [],
        "big_in_thread": [],
    }
    collecting = gc.isenabled()
    for _ in range(args.rounds):
        results["idle"].append(await worst_stall(idle))
        results["before"].append(await worst_stall(whole_folder_in_one_turn))
        results["now"].append(await worst_stall(one_file_a_turn))
    assert len(library.presets) >= args.files, "the big presets did not load"
    for old in user_presets_dir().glob("*.toml"):
        old.unlink()
    write_big_presets(user_presets_dir(), 1, 255)
    for _ in range(args.rounds):
        gc.enable()
        results["big_on_loop"].append(await worst_stall(one_file_a_turn))
        gc.disable()
        results["big_in_thread"].append(await worst_stall(one_file_a_turn))
    if collecting:
        gc.enable()
    await running.aclose()
    return results


def report(results: dict[str, list[float]]) -> None:
    idle = max(results["idle"])
    before = max(results["before"])
    now = max(results["now"])
    print("Worst single loop stall while the Presets screen reloads (wall clock)")
    print(f"  idle (baseline)                {idle * 1000:8.1f} ms")
    print(f"  whole folder in one turn       {before * 1000:8.1f} ms  {before / idle:7.1f} x idle")
    print(
        f"  one file per turn (now)        {now * 1000:8.1f} ms  {now / idle:7.1f} x idle"
        f"  {now / before:6.3f} x before"
    )
    on_loop = max(results["big_on_loop"])
    in_thread = max(results["big_in_thread"])
    print(f"  one 255 KB file, on the loop   {on_loop * 1000:8.1f} ms  (before)")
    print(f"  one 255 KB file, in a thread   {in_thread * 1000:8.1f} ms  (now)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--kb", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="treadmill-ctl-presets-stall-") as scratch:
        os.environ["TREADMILL_CTL_CONFIG_DIR"] = str(Path(scratch) / "config")
        os.environ["TREADMILL_CTL_DATA_DIR"] = str(Path(scratch) / "data")
        os.environ["TREADMILL_CTL_RUNTIME_DIR"] = str(Path(scratch) / "run")
        logging.basicConfig(level=logging.CRITICAL)
        from treadmill_ctl.app.event_loop import AppEventLoop
        from treadmill_ctl.app.qt import QGuiApplication

        qapp = QGuiApplication(sys.argv[:1])
        loop = AppEventLoop(qapp)
        asyncio.set_event_loop(loop)
        with loop:
            results = loop.run_until_complete(measure(args))
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
