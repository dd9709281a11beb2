"""Fuzzing the history's readers with damaged rows.

A history database outlives app versions, is open to any SQLite tool, and can be damaged by a
disk or a hand: any column of any row may hold anything SQLite can store (NULL where the schema
says NOT NULL, text in a number column, huge or negative numbers, infinities, bad dates, giant
strings, control characters, bytes). ``history_rows_harness`` records a small history (three
sessions with their phases, samples, commands, alerts, states, a plan run and debriefs), then
for each input writes one hostile value into one column of one row and checks what the user
would see:

- ``history list`` (text and JSON), ``history show ID [--json]``, ``history weeks [--json]``,
  ``history export ID --format fit|tcx`` never let an exception escape and end within
  ``MAX_PARSE_S``; JSON is strict JSON (no NaN); the terminal gets no control characters;
- every session is still listed (unless the value is a real deletion mark);
- the damaged session is either read normally or shown as damaged with its id and the column
  (``table.column``) named, in the list, in ``show`` and in ``export``; the other sessions read
  as before;
- the History screen's presenter (``app.history_presenter``) formats every list line, the
  weeks, and every session that ``show`` reads;
- the plan readers (current plan run, debriefs) never raise.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final

from hypothesis import strategies as st

from treadmill_ctl.app.history_presenter import detail_view, session_row, week_rows
from treadmill_ctl.commands import history as history_cli
from treadmill_ctl.errors import HistoryError
from treadmill_ctl.history import debriefs
from treadmill_ctl.history.model import SessionHeader
from treadmill_ctl.history.recorder import record_events
from treadmill_ctl.history.schema import migrate
from treadmill_ctl.history.store import HistoryStore, default_path
from treadmill_ctl.proof.fuzz_core import Check, FuzzTally, Verdict, _require
from treadmill_ctl.proof.sample_sessions import blocks_plan, plan_json, sample_events
from treadmill_ctl.session.events import AlertEvent, AlertLevel
from treadmill_ctl.texts import Speed, tr

MAX_PARSE_S: Final = 5.0
SESSIONS: Final = 3
_UNSAFE_OUTPUT: Final = ("\x1b", "\u202e", "\x00", "\x07")


def _columns() -> tuple[tuple[str, str], ...]:
    """Every (table, column) of the current schema."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, ":memory:")
        tables = [
            str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return tuple(
            (table, str(c[1]))
            for table in tables
            for c in conn.execute(f"PRAGMA table_info({table})")
        )
    finally:
        conn.close()


COLUMNS: Final = _columns()

_BAD_TEXTS: Final = (
    "NaN",
    "nan",
    "inf",
    "-inf",
    "-1",
    "1e400",
    "",
    "not a date",
    "2026-02-30T10:00:00+01:00",
    "2026-13-01",
    "0001-01-01T00:00:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-12:00",
    "2026-01-05",
    "\x1b[2J\x1b[31mREAD ME",
    "\u202eevil",
    "a\x00b",
    "backward",
    "forward",
    "finished",
    "idle",
    "running_phase",
    "null",
    "{",
    "[1, 2",
    '{"phases": "x"}',
    "99999999999999999999",
    # an alert's params (its message as data): speeds no number holds, deep nesting, fields
    '{"template": "{s}", "args": {"s": {"kmh": 1e999}}}',
    '{"template": "{s}", "args": {"s": {"kmh": 1' + "0" * 400 + "}}}",
    '{"template": "{s.__class__}", "args": {"s": "a"}}',
    '{"template": "{s:>99999999}", "args": {"s": "a"}}',
    '{"template": "{a}", "args": {"a": {"text": ' * 3000 + "1" + "}}}" * 3000,
    '{"template": "{a}", "args": {"a": {"text": ' * 50 + '{"template": "x"}' + "}}}" * 50,
)


@dataclass(frozen=True, slots=True)
class RowDamage:
    """One hostile value written into one column of one row."""

    table: str
    column: str
    session: int  # which of the recorded sessions (0-based), or which plan run
    row: int  # which of that session's rows in ``table``
    value: Any

    @property
    def label(self) -> str:
        return f"{self.table}.{self.column}"


def _values() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.sampled_from((0, -1, 1, -86400, 2**31, 2**63 - 1, -(2**63), 10**9)),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.floats(allow_nan=False),
        st.sampled_from((float("inf"), float("-inf"), -0.5, 1e300, 5e-324)),
        st.sampled_from(_BAD_TEXTS),
        st.text(max_size=30),
        st.builds(
            lambda n, c: c * n, st.integers(10_000, 300_000), st.sampled_from("x\x1b9é\u202e")
        ),
        st.binary(max_size=24),
    )


def row_damage_strategy() -> st.SearchStrategy[RowDamage]:
    """A column, a row of one of the sessions and a hostile value."""
    return st.builds(
        lambda tc, session, row, value: RowDamage(tc[0], tc[1], session, row, value),
        st.sampled_from(COLUMNS),
        st.integers(0, SESSIONS - 1),
        st.integers(0, 5),
        _values(),
    )


def _record_template(path: Path) -> list[int]:
    now = datetime.now().astimezone().replace(microsecond=0)
    ids: list[int] = []
    with HistoryStore.open(path) as store:
        for n, ending in enumerate(("finished", "stopped_by_user", "finished")):
            phases = blocks_plan(8, 1)
            header = SessionHeader(
                started_at=now - timedelta(days=7 * n + 1),
                preset_id="two-by-twenty",
                preset_name="Two by twenty",
                plan=plan_json(phases),
                device="Virtual Treadmill",
                profile="ideal",
            )
            cut = None if ending == "finished" else 30.0
            events = list(sample_events(phases, rate_hz=1.0, end_reason=ending, stop_at_t=cut))
            # alerts with their message as data (params), for the damage to reach them
            for t in (5.0, 12.0):
                alert = AlertEvent(
                    t,
                    AlertLevel.WARNING,
                    tr("Speed set to {speed} on the console: kept for this phase.", speed=Speed(4)),
                    "console_speed",
                ).to_json()
                at = next(i for i, e in enumerate(events) if e["t"] >= t)
                events.insert(at, alert)
            ids.append(record_events(store, header, events).session_id)
        run = debriefs.start_plan_run(store, "couch-to-backward", "Couch to backward", now)
        for step, session_id in enumerate(ids):
            debriefs.save_debrief(
                store,
                debriefs.SessionDebrief(
                    session_id, True, run.id, step, 5, 1, 2, "fine", now + timedelta(seconds=1)
                ),
            )
    return ids


def _write_damage(path: Path, damage: RowDamage, ids: list[int]) -> bool:
    """Write ``damage`` into the file; False when SQLite itself refuses the value (a rowid that
    is not an integer: no file can hold that)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        table, column = damage.table, damage.column
        params: tuple[int, ...]
        if table == "sessions":
            where, params = "id = ?", (ids[damage.session],)
        elif table == "plan_runs":
            where, params = "rowid = (SELECT MIN(rowid) FROM plan_runs)", ()
        else:
            where = (
                f"rowid = (SELECT rowid FROM {table} WHERE session_id = ? "
                "ORDER BY rowid LIMIT 1 OFFSET ?)"
            )
            params = (ids[damage.session], damage.row)
        sql = f"UPDATE {table} SET {column} = ? WHERE {where}"
        try:
            conn.execute(sql, (damage.value, *params))
        except sqlite3.IntegrityError:
            if damage.value is not None:
                return False  # a unique key taken, a rowid that is not a number
            try:
                _write_null_anyway(conn, table, sql, params)
            except sqlite3.DatabaseError:
                return False  # NULL in an INTEGER PRIMARY KEY: no file holds that
        except sqlite3.DatabaseError:
            return False  # "datatype mismatch": an INTEGER PRIMARY KEY holds integers only
    finally:
        conn.close()
    return True


def _write_null_anyway(
    conn: sqlite3.Connection, table: str, sql: str, params: tuple[Any, ...]
) -> None:
    """A NULL in a NOT NULL column, as a damaged file (or an older tool) can hold it: written
    through the schema without the constraint, which is then put back."""
    (schema,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    version = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    conn.execute("PRAGMA writable_schema = ON")
    loose = str(schema).replace("NOT NULL", "")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (loose, table))
    conn.execute(f"PRAGMA schema_version = {version + 1}")
    conn.execute(sql, (None, *params))
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (schema, table))
    conn.execute(f"PRAGMA schema_version = {version + 2}")
    conn.execute("PRAGMA writable_schema = OFF")


def _cli(func: Any, **args: Any) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = func(argparse.Namespace(**args))
    said = out.getvalue() + err.getvalue()
    for bad in _UNSAFE_OUTPUT:
        _require(bad not in said, f"terminal: {bad!r} printed by {func.__name__}")
    return code, out.getvalue(), err.getvalue()


def _strict_json(text: str, what: str) -> Any:
    def no_constant(name: str) -> None:
        raise ValueError(f"{name} in the JSON")

    try:
        return json.loads(text, parse_constant=no_constant)
    except ValueError as exc:
        raise AssertionError(f"{what}: not strict JSON: {exc}") from None


def _names_it(text: str, damage: RowDamage) -> bool:
    return damage.label in text


@contextlib.contextmanager
def history_rows_harness(_: FuzzTally) -> Iterator[Check[RowDamage]]:
    """A data folder holding a recorded history; each input damages one row of a fresh copy."""
    with tempfile.TemporaryDirectory(prefix="treadmill-ctl-fuzz-history-") as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        saved = {k: os.environ.get(k) for k in ("TREADMILL_CTL_DATA_DIR",)}
        os.environ["TREADMILL_CTL_DATA_DIR"] = str(data)
        try:
            db = default_path()
            ids = _record_template(db)
            template = db.read_bytes()
            exports = Path(tmp) / "export"
            exports.mkdir()

            def check(damage: RowDamage) -> Verdict:
                t0 = time.perf_counter()
                for part in data.iterdir():
                    if part.is_file():
                        part.unlink()
                db.write_bytes(template)
                if not _write_damage(db, damage, ids):
                    return Verdict.TYPED  # SQLite refused the value: nothing to read
                verdict = _check_readers(damage, ids, exports)
                elapsed = time.perf_counter() - t0
                _require(elapsed <= MAX_PARSE_S, f"stall: {elapsed:.1f} s for one input")
                return verdict

            yield check
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def _deletion_mark(damage: RowDamage) -> bool:
    """The value is a real deletion mark: the session is hidden (or purged), as meant."""
    if damage.label != "sessions.deleted_at" or not isinstance(damage.value, str):
        return False
    try:
        datetime.fromisoformat(damage.value)
    except ValueError:
        return False
    return True


def _check_readers(damage: RowDamage, ids: list[int], exports: Path) -> Verdict:
    victim = ids[damage.session] if damage.table != "plan_runs" else None
    keys = damage.column in ("id", "session_id")  # the row may now belong to another session

    code, text, err = _cli(history_cli._list, json=False)
    _require(code == 0, f"list: exit {code}: {err.strip()[:200]}")
    code, out, err = _cli(history_cli._list, json=True)
    _require(code == 0, f"list --json: exit {code}: {err.strip()[:200]}")
    listed = _strict_json(out, "list --json")
    expected = SESSIONS - (1 if _deletion_mark(damage) else 0)
    _require(len(listed) == expected, f"list: {len(listed)} sessions listed of {expected}")
    damaged = False
    for entry in listed:
        sid = entry["id"]
        mine = sid == victim or keys or victim is None
        if "damage" in entry:
            _require(mine, f"list: session {sid} damaged by {damage.label}: {entry['damage']}")
            _require(_names_it(entry["damage"], damage), f"list: damage {entry['damage']!r}")
            _require(
                any(
                    line.lstrip().startswith(f"{sid} ") and damage.label in line
                    for line in text.splitlines()
                ),
                f"list: session {sid}'s line does not say what is damaged",
            )
            damaged = True

    with HistoryStore.open() as store:
        summaries = store.list_sessions()
        weeks = store.weekly_totals()
        for s in summaries:
            session_row(s, "metric")
            session_row(s, "imperial")
        week_rows(weeks)
        for s in summaries:
            if s.damage:
                continue
            try:
                detail = store.get_session(s.id)
            except HistoryError as exc:
                _require(s.id == victim or keys, f"show: session {s.id}: {exc}")
                _require(_names_it(str(exc), damage), f"show: {exc}")
                damaged = True
                continue
            detail_view(detail, "kmh", "metric")
            detail_view(detail, "mph", "imperial")
        _plan_readers(store, [s.id for s in summaries])

    for entry in listed:
        sid = entry["id"]
        mine = sid == victim or keys or victim is None
        for as_json in (False, True):
            code, out, err = _cli(history_cli._show, id=sid, json=as_json)
            if code != 0:
                _require(mine, f"show {sid}: exit {code}: {err.strip()[:200]}")
                _require(f"{sid}" in err and _names_it(err, damage), f"show {sid}: {err[:200]}")
                damaged = True
            elif as_json:
                _strict_json(out, f"show {sid} --json")
        # the untouched sessions export as before: only a damaged one is exported
        for fmt in ("fit", "tcx") if mine else ():
            target = exports / f"s.{fmt}"
            code, out, err = _cli(
                history_cli._export, id=sid, format=fmt, output=target, force=True
            )
            if code != 0:
                _require(mine, f"export {sid} {fmt}: exit {code}: {err.strip()[:200]}")
                _require(_names_it(err, damage), f"export {sid} {fmt}: {err[:200]}")
                damaged = True
            else:
                _require(target.stat().st_size > 0, f"export {sid} {fmt}: empty file")
    for as_json in (False, True):
        code, out, err = _cli(history_cli._weeks, json=as_json)
        _require(code == 0, f"weeks: exit {code}: {err.strip()[:200]}")
        _require(len(out) < 2_000_000, f"weeks: {len(out)} characters printed")
        if as_json:
            _strict_json(out, "weeks --json")
    return Verdict.BAD if damaged else Verdict.TYPED


def _plan_readers(store: HistoryStore, session_ids: list[int]) -> None:
    run = debriefs.current_plan_run(store)
    if run is not None:
        debriefs.run_debriefs(store, run.id)
    for sid in session_ids:
        debriefs.get_debrief(store, sid)
