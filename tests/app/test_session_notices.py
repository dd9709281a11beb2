"""After the fact, the runner learns what happened during a session: a link drop and how long
the belt ran unattended, a stop from the console or the safety key, a skip, the heart-rate
cap's slow-down. notices.py derives them once from the session's events, so the summary and
the History screen (its list and the marks on its chart) say the same; a session with a skip
or an early end is "Ended early", never "Session complete". Before, the summary listed none of
it and the History chart marked nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from screen_items import click, prop, shown
from screens_numbers import at_speed_in, run_with
from session_rig import Rig, short_plan, until
from window_rig import WindowRig

from treadmill_ctl.notices import NoticeKind, notices_of_events
from treadmill_ctl.statistics import statistics_of_events


@pytest.fixture
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREADMILL_CTL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("TREADMILL_CTL_DATA_DIR", str(tmp_path / "data"))


async def drop_stop_and_skip(rig: Rig) -> None:
    """The link drops 10 s into the first backward block (back 5 s later: STOP first, then
    paused; the runner resumes); the console stops the belt in the recovery (the runner
    starts again); the runner skips the second backward block."""
    await at_speed_in(rig, 1, 10)
    rig.treadmill.drop_link(back_after_s=5.0)
    await until(lambda: rig.prop("state") == "paused", 60)
    rig.bridge.session_bridge.resume()
    await at_speed_in(rig, 2, 10)
    rig.treadmill.console_stop()
    await until(lambda: rig.prop("state") == "stopped", 60)
    rig.bridge.session_bridge.start()
    await at_speed_in(rig, 3, 5)
    rig.bridge.session_bridge.skip()


@pytest.mark.looptime
@pytest.mark.usefixtures("qapp", "app_dirs")
async def test_summary_and_history_list_and_mark_what_happened(tmp_path: Path) -> None:
    seen = await run_with(tmp_path, drop_stop_and_skip)
    summary, screen = seen["summary"], seen["screen"]
    # Finished, but with a skip: ended early, and it says why.
    assert summary["endText"] == "Ended early"
    assert summary["complete"] is False
    assert "1 phase skipped" in summary["endDetail"]
    assert screen["outcomeText"].startswith("Ended early")

    kinds = [n["kind"] for n in summary["notices"]]
    assert kinds == ["link_lost", "console_stop", "skipped"], summary["notices"]
    drop, console, skip = summary["notices"]
    # The link was lost for about 5 s with the belt running at 3.0 km/h: nothing watched it.
    assert drop["text"].startswith("Connection lost for 0:0")
    assert ": the belt ran unattended at 3.0 km/h for up to 0:0" in drop["text"]
    assert drop["text"].endswith(", until the app reconnected and stopped it")
    assert 4.0 <= drop["end"] - drop["t"] <= 9.0
    assert console["text"] == "Stopped from the treadmill's console"
    assert skip["text"].startswith("Backward block skipped after 0:0")
    assert skip["text"].endswith("of 0:30")
    assert [n["n"] for n in summary["notices"]] == [1, 2, 3]

    # The History screen lists the same, and marks them on its chart.
    def same(rows: list[dict[str, object]]) -> list[tuple[object, ...]]:
        return [(r["kind"], r["time"], r["text"]) for r in rows]

    assert same(screen["notices"]) == same(summary["notices"])
    # And `history show --json` (speeds in km/h there, times in session time).
    shown = seen["show"]["notices"]
    assert [(n["kind"], n["text"]) for n in shown] == [
        (r["kind"], r["text"]) for r in summary["notices"]
    ]
    assert same(screen["chart"]["notices"]) == same(summary["notices"])
    for mark, row in zip(screen["chart"]["notices"], summary["notices"], strict=True):
        assert mark["t"] == pytest.approx(row["t"], abs=0.01)


def test_safety_key_and_heart_rate_cap_are_told_apart_from_the_console() -> None:
    events = [
        {"t": 0.0, "type": "state", "state": "starting_countdown"},
        {"t": 6.0, "type": "data", "speed_kmh": 4.0},
        {
            "t": 40.0,
            "type": "alert",
            "code": "hr_cap",
            "message": "Heart rate 171 is above your cap 165 bpm: slowing to 1.0 km/h in 5 s.",
        },
        {
            "t": 60.0,
            "type": "alert",
            "code": "machine_stopped",
            "message": "Safety key pulled: the treadmill stopped. Press start when you are ready.",
        },
        {"t": 61.0, "type": "end", "reason": "stopped_by_machine"},
    ]
    notices = notices_of_events(events, statistics_of_events(events))
    assert [n.kind for n in notices] == [NoticeKind.HR_CAP, NoticeKind.SAFETY_KEY]
    assert notices[0].text == "Heart rate 171 is above your cap 165 bpm: slowing to 1.0 km/h in 5 s"
    assert notices[1].text == "Safety key pulled: the treadmill stopped"


def test_a_link_never_back_says_the_belt_may_have_run_to_the_end() -> None:
    events = [
        {"t": 0.0, "type": "state", "state": "starting_countdown"},
        {"t": 10.0, "type": "data", "speed_kmh": 5.0},
        {"t": 12.0, "type": "alert", "code": "link_lost", "message": "Connection lost."},
        {"t": 70.0, "type": "end", "reason": "link_lost"},
    ]
    (notice,) = notices_of_events(events)
    assert notice.duration_s == pytest.approx(58.0)
    assert notice.text == (
        "Connection lost for 0:58, not back by the end: "
        "the belt ran unattended at 5.0 km/h for up to 0:58"
    )
    assert "at 3.1 mph for" in notice.words(lambda kmh: f"{kmh / 1.609344:.1f} mph")


def test_the_summary_window_lists_what_happened(window: WindowRig) -> None:
    """The real summary screen after a session whose belt the console stopped: "Ended early",
    and the notice in the list (a real click on END)."""
    window.connect()
    window.running.context.choose_plan(short_plan())
    window.wait_state("idle")
    window.press("Return")
    window.wait_state("running_phase")
    window.treadmill.console_stop()
    window.wait_state("stopped")
    window.wait(lambda: shown(window, "endButton"))
    click(window, "endButton")
    window.wait(lambda: window.running.bridge.property("screen") == "summary")
    window.wait(lambda: shown(window, "sessionNotices"))
    assert prop(window, "summaryHeadline", "text") == "Ended early"
    texts = [n["text"] for n in window.session("summary")["notices"]]
    assert texts == ["Stopped from the treadmill's console"]
    window.wait(lambda: shown(window, "sessionNoticeText"))
    assert prop(window, "sessionNoticeText", "text") == "Stopped from the treadmill's console"
