"""One preset file that takes long to read and parse (at the size bound it took 100-330 ms)
is read in a worker thread while the app's collector keeps garbage collection on the GUI
thread: the loop (a STOP key) runs on meanwhile, and the preset is listed when it is done."""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bridge_world import make_world

from treadmill_ctl.app.presets_bridge import PresetsBridge
from treadmill_ctl.session.presets import PresetLibrary, user_presets_dir
from treadmill_ctl.settings import Settings
from treadmill_ctl.toml_limits import read_toml_file

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def gui_thread_collection() -> Iterator[None]:
    """As the app runs: automatic collection off (``GuiThreadCollector`` collects instead)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("gui_thread_collection")
async def test_a_slow_preset_file_is_read_while_the_loop_runs_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(tmp_path, monkeypatch)
    folder = user_presets_dir()
    folder.mkdir(parents=True, exist_ok=True)
    big = folder / "big.toml"
    big.write_text(
        'schema = 1\nname = "Big"\n\n[[step]]\nkind = "warmup"\nduration_s = 60\nspeed_kmh = 4.0\n',
        encoding="utf-8",
    )
    holding, release = threading.Event(), threading.Event()
    readers: list[bool] = []

    def slow_parse(path: Path) -> str:
        if path == big:
            readers.append(threading.current_thread() is threading.main_thread())
            holding.set()
            release.wait(timeout=2)  # released by the test; the timeout ends an old-code run
            holding.clear()
        return read_toml_file(path)

    world.context.presets = PresetLibrary(Settings(), read_file=slow_parse)
    bridge = PresetsBridge(world.context)
    await world.settle()
    readers.clear()
    bridge.reload()
    loop = asyncio.get_running_loop()
    # Wait (without holding the loop) until the reader is inside the file: a thread watches.
    inside: asyncio.Future[bool] = loop.create_future()

    def watch() -> None:
        got = holding.wait(timeout=10)
        loop.call_soon_threadsafe(lambda: inside.done() or inside.set_result(got))

    threading.Thread(target=watch, daemon=True).start()
    assert await inside, "the preset was never read"
    ran: asyncio.Future[bool] = loop.create_future()
    loop.call_soon(lambda: ran.set_result(holding.is_set()))
    assert await ran is True  # the loop went on while the file was being read
    release.set()
    await world.settle()
    assert readers == [False]  # read in a worker thread
    assert any(r["id"] == "big" for r in bridge.property("presets"))
