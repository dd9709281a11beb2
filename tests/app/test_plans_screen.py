"""The Plans view and the debrief after a plan session, on the real QML with real key presses
and clicks over the virtual treadmill (sped-up loop). Any QML warning fails these tests."""

from __future__ import annotations

import json

import pytest
from screen_items import click, item, prop, shown, type_into
from window_rig import WindowRig

from treadmill_ctl.app.layout_audit import audit
from treadmill_ctl.app.qt import QMetaObject, Qt
from treadmill_ctl.cli import main
from treadmill_ctl.history import HistoryStore
from treadmill_ctl.history.debriefs import get_debrief
from treadmill_ctl.session.presets import user_presets_dir
from treadmill_ctl.session.training_plans import user_plans_dir

QUICK = """schema = 1
name = "Quick block"

[[step]]
kind = "warmup"
duration_s = 10
speed_kmh = 3.0

[[step]]
repeat = 1
  [[step.phase]]
  kind = "backward"
  duration_s = 10
  speed_kmh = 2.0
  [[step.phase]]
  kind = "walk"
  duration_s = 10
  speed_kmh = 3.0
"""

QUICK_PLAN = """schema = 1
name = "Quick knee plan"
description = "Two quick steps, for the tests."
sessions_per_week = 3
asks_knee_pain = true

[[step]]
preset = "quick-block"
sessions = 2

[[step]]
preset = "quick-block"
name = "Longer block"
block_s = 15
sessions = 1
"""


def open_plans(window: WindowRig) -> None:
    window.running.bridge.setProperty("screen", "presets")
    window.wait(lambda: shown(window, "plansViewButton"))
    click(window, "plansViewButton")
    window.wait(lambda: shown(window, "planList"))


def quick_plan_files() -> None:
    user_presets_dir().mkdir(parents=True, exist_ok=True)
    (user_presets_dir() / "quick-block.toml").write_text(QUICK, "utf-8")
    user_plans_dir().mkdir(parents=True, exist_ok=True)
    (user_plans_dir() / "quick-knee.toml").write_text(QUICK_PLAN, "utf-8")


def key(window: WindowRig, k: Qt.Key) -> None:
    window.qtbot.keyClick(window.running.window, k)


def test_the_plans_view_starts_a_plan_and_shows_today(window: WindowRig) -> None:
    open_plans(window)
    assert shown(window, "noPlan")
    assert shown(window, "plan_learn-backward-running")
    click(window, "startPlan_learn-backward-running")
    window.wait(lambda: shown(window, "planName"))
    assert prop(window, "planName", "text") == "Learn backward running"
    assert prop(window, "todayTitle", "text") == "First steps"
    assert prop(window, "nextTime", "text") == "First session: step 1, “First steps”."
    assert prop(window, "planWeeks", "text").startswith("Step 1 of 8 · Week 1")
    assert not shown(window, "startPlan_learn-backward-running")  # it is the current one
    click(window, "stopPlanButton")
    window.wait(lambda: shown(window, "noPlan"))


def test_a_plan_session_is_debriefed_with_keys_and_the_gate_answers(window: WindowRig) -> None:
    quick_plan_files()
    window.connect()
    open_plans(window)
    window.wait(lambda: shown(window, "startPlan_quick-knee"))
    # The user's plans come after the built-ins: scroll the list down to it.
    QMetaObject.invokeMethod(item(window, "planList"), "positionViewAtEnd")
    click(window, "startPlan_quick-knee")
    window.wait(lambda: prop(window, "todayTitle", "text") == "Quick block")
    window.press("Return")  # run today's session
    window.wait(lambda: window.session("state") == "idle")
    assert window.running.bridge.property("screen") == "session"
    window.press("Return")  # start
    window.wait(lambda: window.running.bridge.property("screen") == "debrief", timeout=30_000)
    window.wait(lambda: shown(window, "question_2"))  # a knee plan: effort and two pains
    assert "Quick knee plan — Quick block" in prop(window, "debriefSession", "text")
    key(window, Qt.Key.Key_4)  # effort 4
    key(window, Qt.Key.Key_3)  # knee during: 3 ...
    key(window, Qt.Key.Key_Backspace)  # ... no, back to it
    key(window, Qt.Key.Key_1)  # 1
    key(window, Qt.Key.Key_0)  # after: 0
    assert prop(window, "question_1", "text").endswith("—  1")
    key(window, Qt.Key.Key_Return)
    window.wait(lambda: window.running.bridge.property("screen") == "summary")
    window.wait(lambda: shown(window, "planVerdict"))  # the plan's word, on the summary
    assert prop(window, "planVerdict", "text").startswith("Next time: same session, 1 of 2")
    assert not shown(window, "debriefButton")
    with HistoryStore.open() as store:
        (session,) = store.list_sessions()
        got = get_debrief(store, session.id)
    assert got is not None
    assert (got.rpe, got.pain_during, got.pain_after, got.completed) == (4, 1, 0, True)
    open_plans(window)
    window.wait(lambda: shown(window, "nextTime"))
    assert prop(window, "nextTime", "text") == (
        "Next time: same session, 1 of 2 good sessions done — finished, effort 4/10, knee 1/10."
    )

    # A second session with the knee at 6/10, answered with the big buttons: one step back.
    window.press("Return")
    window.wait(lambda: window.session("state") == "idle")
    window.press("Return")
    window.wait(lambda: window.running.bridge.property("screen") == "debrief", timeout=30_000)
    window.wait(lambda: shown(window, "score_0_3"))
    click(window, "score_0_3")
    click(window, "score_1_6")
    click(window, "score_2_2")
    click(window, "saveDebriefButton")
    window.wait(lambda: window.running.bridge.property("screen") == "summary")
    open_plans(window)
    window.wait(lambda: shown(window, "nextTime"))
    assert prop(window, "nextTime", "text") == (
        "Next time: the first step again, “Quick block” — your knee said 6/10."
    )


SIZES = [(1024, 600), (1280, 720), (1920, 1080)]


def layout_problems(window: WindowRig) -> list[str]:
    """What the layout audit finds (elided, clipped, overlapping) at each size, in two frames
    running (a list just filled places its rows over a frame or two)."""
    win = window.running.window
    found: list[str] = []
    for width, height in SIZES:
        win.resize(width, height)
        window.wait(lambda w=width, h=height: win.width() == w and win.height() == h)
        window.qtbot.wait(50)
        win.grabWindow()
        first = {str(p) for p in audit(win)}
        if first:
            window.qtbot.wait(200)
            win.grabWindow()
            found += [f"{width}x{height}: {p}" for p in audit(win) if str(p) in first]
    return found


def test_the_plans_view_and_the_debrief_at_every_size(window: WindowRig) -> None:
    open_plans(window)
    assert layout_problems(window) == []
    click(window, "startPlan_knee-friendly-backward-walking")
    window.wait(lambda: shown(window, "planName"))
    assert layout_problems(window) == []
    plans = window.running.bridge.plans
    plans.runToday()
    window.wait(lambda: window.running.bridge.property("screen") == "session")
    plans.session_ended(None, False)
    window.running.bridge.setProperty("screen", "debrief")
    window.wait(lambda: shown(window, "question_2"))
    assert "(ended early)" in prop(window, "debriefSession", "text")
    assert layout_problems(window) == []
    click(window, "skipDebriefButton")  # nothing recorded (no history entry): the summary
    window.wait(lambda: window.running.bridge.property("screen") == "summary")


def run_preset_to_its_summary(window: WindowRig, preset_id: str) -> None:
    """Choose ``preset_id`` (a user preset), start it with Enter, wait for its summary."""
    context = window.running.context
    # The library is made after the first frame and its presets are read one file per loop
    # turn: wait until the user's preset is in.
    window.wait(lambda: context.presets is not None and context.presets.find(preset_id) is not None)
    found = context.presets.find(preset_id) if context.presets is not None else None
    assert found is not None
    context.choose_plan(found.to_plan())
    window.wait(lambda: window.session("state") == "idle")
    window.press("Return")  # start
    window.wait(lambda: window.running.bridge.property("screen") == "summary", timeout=30_000)


def test_any_session_can_be_debriefed_from_its_summary_and_n_skips_it(window: WindowRig) -> None:
    quick_plan_files()
    (user_presets_dir() / "quick-walk.toml").write_text(
        QUICK.replace("Quick block", "Quick walk"), "utf-8"
    )
    window.connect()
    run_preset_to_its_summary(window, "quick-walk")
    window.wait(lambda: shown(window, "debriefButton"))
    click(window, "debriefButton")
    window.wait(lambda: shown(window, "question_0"))
    assert not shown(window, "question_1")  # no knee questions: no knee plan uses the preset
    assert prop(window, "debriefSession", "text") == "Quick walk"  # was " — "
    key(window, Qt.Key.Key_6)
    key(window, Qt.Key.Key_N)  # N skips: nothing is kept
    window.wait(lambda: window.running.bridge.property("screen") == "summary")
    window.wait(lambda: not shown(window, "debriefButton"))  # skipped: not asked again
    with HistoryStore.open() as store:
        (session,) = store.list_sessions()
        assert get_debrief(store, session.id) is None


def test_a_knee_plans_preset_asks_about_the_knee_outside_the_plan_too(
    window: WindowRig, capsys: pytest.CaptureFixture[str]
) -> None:
    # Quick block is the preset of the quick knee plan: run on its own, its debrief asks about
    # the knee (it asked for effort only), is kept with the session and `history show` says it.
    quick_plan_files()
    window.connect()
    run_preset_to_its_summary(window, "quick-block")
    click(window, "debriefButton")
    window.wait(lambda: shown(window, "question_2"))
    for k in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_Return):
        key(window, k)
    window.wait(lambda: window.running.bridge.property("screen") == "summary")
    window.wait(lambda: not shown(window, "debriefButton"))
    with HistoryStore.open() as store:
        (session,) = store.list_sessions()
        got = get_debrief(store, session.id)
    assert got is not None
    assert (got.rpe, got.pain_during, got.pain_after, got.plan_run) == (3, 2, 1, None)
    capsys.readouterr()
    assert main(["history", "show", str(session.id)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "debrief: effort 3/10, knee 2/10 during, 1/10 after"
    )
    assert main(["history", "show", str(session.id), "--json"]) == 0
    shown_json = json.loads(capsys.readouterr().out)["debrief"]
    assert (shown_json["rpe"], shown_json["pain_during"], shown_json["pain_after"]) == (3, 2, 1)


def test_the_gates_thresholds_on_the_settings_screen_change_what_the_plan_says(
    window: WindowRig,
) -> None:
    # The thresholds were settings only in the file: the Settings screen lists them and a
    # change there is what the Plans view says next.
    quick_plan_files()
    window.connect()
    open_plans(window)
    window.wait(lambda: shown(window, "startPlan_quick-knee"))
    QMetaObject.invokeMethod(item(window, "planList"), "positionViewAtEnd")
    click(window, "startPlan_quick-knee")
    window.wait(lambda: prop(window, "todayTitle", "text") == "Quick block")
    window.press("Return")  # run today's session
    window.wait(lambda: window.session("state") == "idle")
    window.press("Return")  # start
    window.wait(lambda: window.running.bridge.property("screen") == "debrief", timeout=30_000)
    window.wait(lambda: shown(window, "question_2"))
    for k in (Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_0, Qt.Key.Key_Return):  # knee 5/10
        key(window, k)
    window.wait(lambda: window.running.bridge.property("screen") == "summary")
    open_plans(window)
    window.wait(lambda: shown(window, "nextTime"))
    assert prop(window, "nextTime", "text") == (
        "Next time: the first step again, “Quick block” — your knee said 5/10."
    )
    # High knee pain from 6 on, with the + button of the Settings screen.
    window.running.bridge.setProperty("screen", "settings")
    window.wait(lambda: shown(window, "section_Plans"))
    click(window, "section_Plans")
    window.wait(lambda: shown(window, "setting_plan_pain_high"))
    assert prop(window, "field_plan_pain_high", "text") == "5"
    assert "steps the plan back" in prop(window, "help_plan_pain_high", "text")
    click(window, "plus_plan_pain_high")
    window.wait(lambda: window.running.context.settings.plan_pain_high == 6)
    # Out of range typed: refused on screen, the setting kept (4-8: never below "move on").
    type_into(window, "field_plan_pain_high", "2", enter=True)
    window.wait(lambda: shown(window, "error_plan_pain_high"))
    assert window.running.context.settings.plan_pain_high == 6
    open_plans(window)
    window.wait(lambda: shown(window, "nextTime"))
    window.wait(
        lambda: prop(window, "nextTime", "text") == "Next time: same session — your knee said 5/10."
    )
