"""Session history: every session recorded as it runs into SQLite, read back by the GUI's
History screen, the CLI and the exporters. See docs/history.md."""

from treadmill_ctl.history.model import (
    AlertRecord,
    CommandRecord,
    Ending,
    PhaseRecord,
    SampleRecord,
    SessionDetail,
    SessionHeader,
    SessionSummary,
    StateRecord,
    WeekTotals,
)
from treadmill_ctl.history.recorder import SessionRecorder, attach_to_engine
from treadmill_ctl.history.store import Durability, HistoryStore

__all__ = [
    "AlertRecord",
    "CommandRecord",
    "Durability",
    "Ending",
    "HistoryStore",
    "PhaseRecord",
    "SampleRecord",
    "SessionDetail",
    "SessionHeader",
    "SessionRecorder",
    "SessionSummary",
    "StateRecord",
    "WeekTotals",
    "attach_to_engine",
]
