"""Alerts as data: each of the treadmill's own stops has its code, and an alert keeps its
message's template and values (speeds in km/h), so the history shows it in the user's unit
(and, on screen, language) when it is shown, not as the English words it was said in."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from treadmill_ctl.alerts import AlertCode
from treadmill_ctl.cli import main
from treadmill_ctl.history import HistoryStore, SessionHeader
from treadmill_ctl.history.recorder import record_events
from treadmill_ctl.history.schema import SCHEMA_VERSION
from treadmill_ctl.history.totals import notices_of
from treadmill_ctl.notices import NoticeKind
from treadmill_ctl.proof.sample_sessions import blocks_plan, plan_json, sample_events
from treadmill_ctl.session.events import AlertEvent, AlertLevel
from treadmill_ctl.settings import Settings, save_settings
from treadmill_ctl.texts import Speed, from_data, to_data, tr, with_speeds
from treadmill_ctl.units import speed_words

START = datetime.fromisoformat("2026-03-02T18:30:00+01:00")


def header() -> SessionHeader:
    plan = plan_json(blocks_plan(30, 2))
    return SessionHeader(
        START, "two-by-thirty", "Two by thirty", plan, "Virtual Treadmill", "ideal"
    )


def _overspeed(t: float) -> dict[str, object]:
    why = tr("The belt runs at {speed}, above your {direction} cap {cap}. Stopping.",
             speed=Speed(6.4), direction=tr("backward"), cap=Speed(4.0))  # fmt: skip
    return AlertEvent(t, AlertLevel.DANGER, why, AlertCode.OVERSPEED).to_json()


def _key_stop(t: float, words: str = "") -> dict[str, object]:
    message = words or tr(
        "{what} Press start when you are ready.",
        what=tr("Safety key pulled: the treadmill stopped."),
    )
    return AlertEvent(t, AlertLevel.DANGER, message, AlertCode.SAFETY_KEY_STOP).to_json()


def _events_with(*alerts: dict[str, object]) -> list[dict[str, object]]:
    events = list(sample_events(blocks_plan(30, 2)))
    end = events.pop()
    return [*events, *alerts, end]


def test_a_message_survives_as_data_with_its_speeds_in_kmh() -> None:
    alert = _overspeed(10.0)
    assert alert["message"] == (
        "The belt runs at 6.4 km/h, above your backward cap 4.0 km/h. Stopping."
    )
    text = from_data(json.loads(json.dumps(alert["params"])))
    assert text is not None
    assert text == alert["message"]
    assert to_data(text) == alert["params"]
    mph = with_speeds(text, lambda kmh: speed_words(kmh, "mph"))
    assert mph == "The belt runs at 4.0 mph, above your backward cap 2.5 mph. Stopping."
    assert "km/h" not in mph


def _nested(levels: int) -> dict[str, object]:
    data: dict[str, object] = {"template": "x"}
    for _ in range(levels):
        data = {"template": "{a}", "args": {"a": {"text": data}}}
    return data


def test_a_message_nested_as_deep_as_real_ones_is_read() -> None:
    text = from_data(_nested(3))
    assert text is not None
    assert str(text) == "x"


@pytest.mark.parametrize(
    "damaged",
    [
        None,
        "text",
        {"template": 3},
        {"template": "{x}", "args": {"y": 1}},
        {"template": "a", "args": 1},
        # a crafted record (an imported events file) reaching attributes or formatting
        {"template": "{x.__class__}", "args": {"x": "a"}},
        {"template": "{x!r}", "args": {"x": "a"}},
        {"template": "{x:>999999}", "args": {"x": "a"}},
        {"template": "{0}", "args": {"x": "a"}},
        # speeds that are no number a treadmill runs at (10**400 crashed float())
        {"template": "{s}", "args": {"s": {"kmh": 10**400}}},
        {"template": "{s}", "args": {"s": {"kmh": float("nan")}}},
        {"template": "{s}", "args": {"s": {"kmh": float("inf")}}},
        # nested deeper than any message (5 000 levels raised RecursionError)
        _nested(5000),
        _nested(9),
    ],
)
def test_damaged_params_give_none_so_the_stored_words_are_shown(damaged: object) -> None:
    assert from_data(damaged) is None


def test_the_safety_key_is_told_from_the_console_by_its_code_not_its_words(
    store: HistoryStore,
) -> None:
    # Words that do not start with "Safety key" (a future wording, another language)
    session = record_events(
        store, header(), _events_with(_key_stop(40.0, "Sicherheitsschlüssel gezogen."))
    ).session_id
    notices = notices_of(store.get_session(session))
    assert NoticeKind.SAFETY_KEY in [n.kind for n in notices]
    assert NoticeKind.CONSOLE_STOP not in [n.kind for n in notices]


def test_history_shows_a_stored_alert_in_the_users_unit(
    store: HistoryStore, capsys: pytest.CaptureFixture[str]
) -> None:
    session = record_events(store, header(), _events_with(_overspeed(40.0))).session_id
    [alert] = [a for a in store.get_session(session).alerts if a.code == AlertCode.OVERSPEED]
    assert alert.params is not None
    assert alert.text == "The belt runs at 6.4 km/h, above your backward cap 4.0 km/h. Stopping."
    [notice] = [n for n in notices_of(store.get_session(session)) if n.kind == "safety_stop"]
    assert "4.0 mph" in notice.words(lambda kmh: speed_words(kmh, "mph"))

    save_settings(dataclasses.replace(Settings(), speed_unit="mph"))
    assert main(["history", "show", str(session)]) == 0
    out = capsys.readouterr().out
    assert "The belt runs at 4.0 mph, above your backward cap 2.5 mph. Stopping." in out
    assert "km/h" not in out.split("\n", 2)[2]  # the phases, notices and alerts
    assert main(["history", "show", str(session), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    [row] = [a for a in shown["alerts"] if a["code"] == "overspeed"]
    assert row["message"] == "The belt runs at 4.0 mph, above your backward cap 2.5 mph. Stopping."


def test_version_3_rows_are_migrated_and_still_shown(tmp_path: Path) -> None:
    """A history written before version 4: the treadmill's stops all had the code
    "machine_stopped" and no params. After the migration each has its own code, and the
    stored English words are still what is shown."""
    path = tmp_path / "old.sqlite3"
    legacy = [
        ("danger", "Safety key pulled: the treadmill stopped. Press start when you are ready."),
        ("warning", "Stopped from the treadmill's console. Press start when you are ready."),
        ("warning", "The treadmill was reset. Press start when you are ready."),
    ]
    with HistoryStore.open(path) as store:
        session = record_events(store, header(), sample_events(blocks_plan(30, 1))).session_id
    with sqlite3.connect(path) as conn:  # the database as version 3 left it
        conn.execute("ALTER TABLE alerts DROP COLUMN params")
        for i, (level, message) in enumerate(legacy):
            conn.execute(
                "INSERT INTO alerts (session_id, t, level, message, code) VALUES (?, ?, ?, ?, ?)",
                (session, 20.0 + i, level, message, "machine_stopped"),
            )
        conn.execute("PRAGMA user_version = 3")
    conn.close()

    with HistoryStore.open(path) as store:
        detail = store.get_session(session)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    conn.close()
    old = [a for a in detail.alerts if a.t >= 20.0]
    assert [a.code for a in old] == ["safety_key_stop", "console_stop", "machine_reset"]
    assert [a.params for a in old] == [None, None, None]
    assert [a.text for a in old] == [m for _level, m in legacy]
    kinds = [n.kind for n in notices_of(detail) if n.t >= 20.0]
    assert kinds == [NoticeKind.SAFETY_KEY, NoticeKind.CONSOLE_STOP, NoticeKind.CONSOLE_STOP]
