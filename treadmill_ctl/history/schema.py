"""The history database schema and its migrations, versioned with ``PRAGMA user_version``.

Migrations only ever go forward and are applied in one transaction each, so a crash during an
upgrade leaves the previous version intact. A database from a newer app is refused (never
rewritten), with a message saying so.
"""

from __future__ import annotations

import sqlite3
from typing import Final

from treadmill_ctl.errors import HistoryError

# Version 1: sessions, phases, samples, commands, alerts, states.
_V1: Final = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,          -- ISO 8601 wall-clock time with its UTC offset
    preset_id TEXT NOT NULL DEFAULT '',
    preset_name TEXT NOT NULL DEFAULT '',
    plan_json TEXT NOT NULL DEFAULT 'null',
    device TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT '',
    ended_reason TEXT,                 -- NULL: still recording, or interrupted (crash, kill)
    ended_t REAL,
    updated_at TEXT NOT NULL,          -- wall clock of the last commit (heartbeat)
    last_t REAL NOT NULL DEFAULT 0,    -- session time of the last thing recorded
    forward_s REAL NOT NULL DEFAULT 0,
    backward_s REAL NOT NULL DEFAULT 0,
    forward_m REAL NOT NULL DEFAULT 0,
    backward_m REAL NOT NULL DEFAULT 0,
    blocks_done INTEGER NOT NULL DEFAULT 0,
    hr_sum REAL NOT NULL DEFAULT 0,
    hr_count INTEGER NOT NULL DEFAULT 0,
    hr_max INTEGER,
    speed_max REAL NOT NULL DEFAULT 0,
    deleted_at TEXT                    -- soft delete, so the GUI can undo
);
CREATE INDEX sessions_started ON sessions (started_at);

CREATE TABLE phases (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,              -- order of appearance in this session
    plan_index INTEGER NOT NULL,       -- the engine's phase index in the plan
    kind TEXT NOT NULL,
    direction TEXT NOT NULL,
    target_speed_kmh REAL,
    planned_s REAL,
    start_t REAL NOT NULL,
    end_t REAL,
    moving_s REAL NOT NULL DEFAULT 0,
    distance_m REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, seq)
);

CREATE TABLE samples (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    t REAL NOT NULL,
    speed_kmh REAL,
    distance_m REAL,
    incline_pct REAL,
    hr_bpm INTEGER,
    phase_seq INTEGER                  -- NULL before the first phase (start countdown)
);
CREATE INDEX samples_session ON samples (session_id, t);

CREATE TABLE commands (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    t REAL NOT NULL,
    op TEXT NOT NULL,
    value REAL,
    wire TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL
);
CREATE INDEX commands_session ON commands (session_id, t);

CREATE TABLE alerts (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    t REAL NOT NULL,
    level TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX alerts_session ON alerts (session_id, t);

CREATE TABLE states (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    t REAL NOT NULL,
    state TEXT NOT NULL
);
CREATE INDEX states_session ON states (session_id, t);
"""

# Version 2: training plans. A plan run is one runner following one plan from a start; a
# debrief is what the runner said after a session (effort, knee pain, a note), with the plan
# step it was done for. Both only add tables: every version-1 row stays as it was.
_V2: Final = """
CREATE TABLE plan_runs (
    id INTEGER PRIMARY KEY,
    plan_id TEXT NOT NULL,
    plan_name TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,          -- ISO 8601 wall-clock time with its UTC offset
    ended_at TEXT                      -- NULL: the current plan (at most one)
);

CREATE TABLE debriefs (
    session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    plan_run INTEGER REFERENCES plan_runs (id) ON DELETE SET NULL,
    plan_step INTEGER,                 -- 0-based step of the plan the session was done for
    completed INTEGER NOT NULL DEFAULT 0,
    rpe INTEGER,                       -- effort 0-10, NULL: not answered
    pain_during INTEGER,               -- knee pain 0-10 during the session
    pain_after INTEGER,                -- knee pain 0-10 after it
    note TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL
);
CREATE INDEX debriefs_plan_run ON debriefs (plan_run, session_id);
"""

# Version 3: an alert's code (which alert it was: "link_lost", "machine_stopped"...), for the
# session's notices (notices.py). Older rows have "".
_V3: Final = """
ALTER TABLE alerts ADD COLUMN code TEXT NOT NULL DEFAULT '';
"""

# Version 4: an alert's message as data (``params``: JSON of ``texts.to_data``, the template
# and its arguments, speeds in km/h), so it is shown in the user's language and unit; NULL in
# older rows, which show their stored English words. The treadmill's own stops get one code
# each (they shared "machine_stopped", told apart by their English words).
_V4: Final = """
ALTER TABLE alerts ADD COLUMN params TEXT;
UPDATE alerts SET code = 'safety_key_stop'
    WHERE code = 'machine_stopped' AND message LIKE 'Safety key%';
UPDATE alerts SET code = 'console_stop'
    WHERE code = 'machine_stopped' AND message LIKE 'Stopped from the treadmill''s console%';
UPDATE alerts SET code = 'machine_reset'
    WHERE code = 'machine_stopped' AND message LIKE 'The treadmill was reset%';
"""

MIGRATIONS: Final[tuple[str, ...]] = (_V1, _V2, _V3, _V4)
"""MIGRATIONS[n] takes the database from version n to n + 1."""

SCHEMA_VERSION: Final = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the database at ``conn`` to SCHEMA_VERSION; returns the version found before.

    ``conn`` must be in autocommit mode (isolation_level None): each migration runs in its own
    explicit transaction together with its ``user_version`` bump."""
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > SCHEMA_VERSION:
        raise HistoryError(
            f"{path}: history database version {found} is newer than this app understands "
            f"({SCHEMA_VERSION}); update treadmill-ctl. The file was not changed."
        )
    for version in range(found, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        code = line.split("--", 1)[0]
        buf += code
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
