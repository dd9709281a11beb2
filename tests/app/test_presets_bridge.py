"""The presets screen's bridge over the real preset library: built-ins from resources/presets,
user presets as real files in a tmp config dir."""

from __future__ import annotations

from pathlib import Path

import pytest
from bridge_world import World, make_world

from treadmill_ctl.app.presets_bridge import PresetsBridge
from treadmill_ctl.session.plan import Plan
from treadmill_ctl.session.presets import user_presets_dir
from treadmill_ctl.settings import Settings
from treadmill_ctl.units import Direction
from treadmill_ctl.workouts.importing import read_workout_file

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    return make_world(tmp_path, monkeypatch)


def rows(bridge: PresetsBridge) -> dict[str, dict[str, object]]:
    return {r["id"]: r for r in bridge.property("presets")}


def user_files() -> list[str]:
    folder = user_presets_dir()
    return sorted(p.name for p in folder.glob("*.toml")) if folder.is_dir() else []


def test_built_ins_show_description_timeline_total_and_backward_time(world: World) -> None:
    bridge = PresetsBridge(world.context)
    row = rows(bridge)["four-by-thirty"]
    assert row["name"] == "Four by thirty"
    assert row["builtin"] is True
    assert "four backward blocks of 30 seconds" in str(row["description"])
    assert (row["atSpeed"], row["backward"], row["blocks"]) == ("19:00", "2:00", 4)
    assert row["total"].startswith("≈ 2")  # with its turn-arounds, ramps and countdowns
    assert row["blocksText"] == "4 × 0:30 backward"
    segments = row["segments"]
    assert isinstance(segments, list)
    assert [s["direction"] for s in segments].count("backward") == 4
    assert sum(s["duration"] for s in segments) == 19 * 60
    assert abs(sum(s["fraction"] for s in segments) - 1.0) < 1e-9


def test_the_ladder_comes_first_and_a_new_runner_is_pointed_at_first_steps(world: World) -> None:
    bridge = PresetsBridge(world.context)
    ids = [r["id"] for r in bridge.property("presets")]
    assert ids[:3] == ["first-steps", "four-by-thirty", "four-by-forty-five"]
    assert bridge.property("suggestedName") == "First steps"
    assert bridge.property("selectedId") == "first-steps"
    assert rows(bridge)["first-steps"]["suggested"] is True


def test_after_a_completed_session_the_next_rung_is_suggested(world: World) -> None:
    bridge = PresetsBridge(world.context)
    bridge.set_last_completed("four-by-thirty")
    assert bridge.property("suggestedId") == "four-by-forty-five"
    assert "longer blocks" in bridge.property("suggestionReason")
    assert rows(bridge)["four-by-forty-five"]["suggested"] is True


def test_start_hands_the_plan_to_the_session_without_moving_anything(world: World) -> None:
    bridge = PresetsBridge(world.context)
    bridge.start("first-steps")
    [plan] = world.plans
    assert isinstance(plan, Plan)
    assert plan.name == "First steps"
    assert plan.backward_blocks == 2
    assert plan.phases[0].direction is Direction.FORWARD


def test_duplicate_saves_a_user_copy_off_the_ladder(world: World) -> None:
    bridge = PresetsBridge(world.context)
    bridge.duplicate("four-by-thirty")
    assert user_files() == ["four-by-thirty-copy.toml"]
    copy = rows(bridge)["four-by-thirty-copy"]
    assert copy["name"] == "Four by thirty (copy)"
    assert copy["builtin"] is False
    assert copy["atSpeed"] == "19:00"
    assert bridge.property("selectedId") == "four-by-thirty-copy"
    text = (user_presets_dir() / "four-by-thirty-copy.toml").read_text()
    assert "track" not in text  # a user copy is not a rung of the built-in ladder


def test_delete_removes_the_file_and_undo_brings_it_back(world: World) -> None:
    bridge = PresetsBridge(world.context)
    bridge.duplicate("first-steps")
    assert "first-steps-copy" in rows(bridge)
    bridge.remove("first-steps-copy")
    assert user_files() == []
    assert "first-steps-copy" not in rows(bridge)
    assert bridge.property("canUndo") is True
    assert bridge.property("undoText") == "Deleted “First steps (copy)”"
    bridge.undo()
    assert user_files() == ["first-steps-copy.toml"]
    assert rows(bridge)["first-steps-copy"]["atSpeed"] == "15:00"
    assert bridge.property("canUndo") is False


def test_a_built_in_cannot_be_deleted(world: World) -> None:
    bridge = PresetsBridge(world.context)
    bridge.remove("first-steps")
    assert "first-steps" in rows(bridge)
    assert bridge.property("canUndo") is False
    assert world.notices[-1] == ("info", "Built-in presets cannot be deleted.")


def test_export_then_import_round_trips_a_preset(world: World, tmp_path: Path) -> None:
    bridge = PresetsBridge(world.context)
    out = tmp_path / "shared" / "mine"
    assert bridge.exportFile("four-by-sixty", out.as_uri()) is True
    exported = out.with_name("mine.toml")
    assert 'name = "Four by sixty"' in exported.read_text()
    assert bridge.importFile(str(exported)) is True
    imported = [r for r in bridge.property("presets") if not r["builtin"]]
    assert [(r["name"], r["atSpeed"]) for r in imported] == [("Four by sixty", "21:00")]
    assert exported.read_text().startswith("# Built-in preset")  # the source is only read


def test_a_bad_file_is_refused_with_file_line_and_reason_and_left_untouched(
    world: World, tmp_path: Path
) -> None:
    bad = tmp_path / "too-fast.toml"
    text = (
        'schema = 1\nname = "Too fast"\n\n'
        '[[step]]\nkind = "backward"\nduration_s = 30\nspeed_kmh = 9.5\n'
    )
    bad.write_text(text)
    bridge = PresetsBridge(world.context)
    assert bridge.importFile(bad.as_uri()) is False
    level, message = world.notices[-1]
    assert level == "warning"
    assert f"{bad}:7" in message
    assert "above the hard ceiling" in message
    assert bad.read_text() == text
    assert user_files() == []


def test_a_broken_user_file_is_listed_as_a_problem_and_the_rest_still_load(
    world: World,
) -> None:
    folder = user_presets_dir()
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('name = "Broken"\n[[step]]\nkind = "sideways"\n')
    bridge = PresetsBridge(world.context)
    assert "first-steps" in rows(bridge)
    assert "broken.toml, line 3: kind must be one of" in bridge.property("problemsText")
    assert (folder / "broken.toml").exists()


def test_edit_of_a_built_in_opens_the_editor_on_a_copy(world: World) -> None:
    bridge = PresetsBridge(world.context)
    bridge.edit("four-by-thirty")
    editor = bridge.editor
    assert world.screens == ["editor"]
    assert editor.property("title") == "New preset from “Four by thirty”"
    assert editor.property("name") == "Four by thirty (copy)"
    assert editor.property("valid") is True


async def test_the_presets_are_read_a_file_a_turn_and_stop_is_never_kept_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A busy folder never holds the loop for more than one (bounded) file: a loop callback
    (a STOP key's) asked for while the first file is read runs before the second one is read;
    nothing half-read is shown, and the rows appear once the last file is read."""
    import asyncio

    from treadmill_ctl.session import presets as presets_module

    world = make_world(tmp_path, monkeypatch)
    folder = user_presets_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(5):
        (folder / f"mine-{n}.toml").write_text(
            f'schema = 1\nname = "Mine {n}"\n\n[[step]]\nkind = "warmup"\nduration_s = 60\n'
            "speed_kmh = 4.0\n",
            encoding="utf-8",
        )
    loop = asyncio.get_running_loop()
    real_check = presets_module.check_preset_file
    read: list[Path] = []
    stop_ran_after: list[int] = []

    def counted_check(path: Path, **kw: object) -> object:
        read.append(path)
        if len(read) == 1:  # the user presses STOP while the first file is read
            loop.call_soon(lambda: stop_ran_after.append(len(read)))
        return real_check(path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(presets_module, "check_preset_file", counted_check)
    bridge = PresetsBridge(world.context)  # the first read starts here
    bridge.reload()  # and the Presets screen asks again when it opens
    assert bridge.property("presets") == []  # nothing half-read is shown
    while bridge.reading is not None and not bridge.reading.done():
        await asyncio.wait({bridge.reading})
    assert stop_ran_after == [1]  # it ran before the second file was read (was: all of them)
    assert len(read) > 5  # the built-ins and the user's five
    assert rows(bridge)["mine-4"]["name"] == "Mine 4"
    assert bridge.property("selectedId") == "first-steps"


async def test_an_import_reads_and_copies_off_the_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A preset file on a slow disk (a reader the test holds) is imported without holding the
    loop; the preset is listed, and said, when the copy is done."""
    import asyncio
    import threading

    from treadmill_ctl.app.file_work import _in_worker_thread
    from treadmill_ctl.session.presets import PresetLibrary
    from treadmill_ctl.settings import Settings
    from treadmill_ctl.toml_limits import read_toml_file

    world = make_world(tmp_path, monkeypatch)
    source = tmp_path / "slow-disk" / "shared.toml"
    source.parent.mkdir()
    source.write_text(
        'schema = 1\nname = "Shared"\n\n[[step]]\nkind = "warmup"\nduration_s = 60\n'
        "speed_kmh = 4.0\n",
        encoding="utf-8",
    )
    holding, release = threading.Event(), threading.Event()

    def slow_disk(path: Path) -> str:
        if path == source:
            holding.set()
            release.wait(timeout=2)  # released by the test; the timeout ends an old-code run
            holding.clear()
        return read_toml_file(path)

    world.context.presets = PresetLibrary(Settings(), read_file=slow_disk)
    bridge = PresetsBridge(world.context, off_loop=_in_worker_thread)
    assert bridge.importFile(source.as_uri()) is True  # started
    loop = asyncio.get_running_loop()
    for _ in range(10_000):
        if holding.is_set():
            break
        await asyncio.sleep(0)
    ran: asyncio.Future[bool] = loop.create_future()
    loop.call_soon(lambda: ran.set_result(holding.is_set()))
    assert await ran is True  # the loop went on while the file was being read
    assert "shared" not in rows(bridge)
    release.set()
    await world.settle()
    assert rows(bridge)["shared"]["name"] == "Shared"
    assert bridge.property("selectedId") == "shared"
    assert world.notices[-1] == ("info", "Imported “Shared”.")
    assert user_files() == ["shared.toml"]


WORKOUT_SAMPLES = Path(__file__).parent.parent / "data" / "workouts"


def test_a_fit_workout_is_imported_and_what_was_adapted_is_said(world: World) -> None:
    bridge = PresetsBridge(world.context)
    assert bridge.importFile((WORKOUT_SAMPLES / "garmin-style-intervals.fit").as_uri()) is True
    assert rows(bridge)["speed-intervals"]["name"] == "Speed intervals"
    assert bridge.property("selectedId") == "speed-intervals"
    level, message = world.notices[-1]
    assert level == "info"
    assert message.startswith(
        "Imported “Speed intervals”. Adapted: step 1: no speed target: it runs at"
    )
    assert message.endswith("(and 3 more).")
    assert user_files() == ["speed-intervals.toml"]


def test_a_zwift_workout_too_fast_for_the_caps_is_refused_with_its_line(
    world: World, tmp_path: Path
) -> None:
    bad = tmp_path / "sprint.zwo"
    bad.write_text(
        "<workout_file><sportType>run</sportType><workout>\n"
        '<SteadyState Duration="30" Power="1.6"/>\n</workout></workout_file>',
        encoding="utf-8",
    )
    bridge = PresetsBridge(world.context)
    assert bridge.importFile(bad.as_uri()) is False
    level, message = world.notices[-1]
    assert level == "warning"
    assert f"{bad}:2: step 1 <SteadyState>: forward speed 16.0 km/h is above your forward cap" in (
        message
    )
    assert user_files() == []


def test_export_as_a_fit_workout_by_its_suffix(world: World, tmp_path: Path) -> None:
    bridge = PresetsBridge(world.context)
    out = tmp_path / "four.fit"
    assert bridge.exportFile("four-by-thirty", out.as_uri()) is True
    back = read_workout_file(out, settings=Settings())
    assert back.preset is not None
    assert back.preset.backward_s == 120
    assert world.notices[-1] == ("info", f"Exported to {out}.")
