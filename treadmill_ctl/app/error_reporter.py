"""Errors nobody caught (in Qt callbacks, slots or tasks) and Qt's own messages: the
excepthook and the loop's exception handler log an error with its traceback and show it to the
user as a notice (the app keeps running); Qt's messages go to the log.
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Protocol

from treadmill_ctl.app.context import NoticeLevel
from treadmill_ctl.app.qt import QtMsgType
from treadmill_ctl.texts import tr

if TYPE_CHECKING:
    import asyncio

_log = logging.getLogger(__name__)

_QT_LOG_LEVELS: Final = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class Notifier(Protocol):
    """Where an error is shown (the app's bridge)."""

    def notify(self, level: str, message: str) -> None: ...


def qt_message_to_log(kind: QtMsgType, context: Any, message: str) -> None:
    category = getattr(context, "category", "") or "qt"
    logging.getLogger(f"qt.{category}").log(_QT_LOG_LEVELS.get(kind, logging.WARNING), message)


class ErrorReporter:
    """The global excepthook (and the loop's exception handler): log with the traceback and
    show the error to the user; the app keeps running."""

    def __init__(self, bridge: Notifier | None = None) -> None:
        self.bridge = bridge

    def excepthook(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        _log.critical("unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
        self._show(value)

    def loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        _log.error("error in the event loop: %s", context.get("message"), exc_info=exc)
        if isinstance(exc, BaseException):
            self._show(exc)

    def _show(self, exc: BaseException) -> None:
        if self.bridge is not None:
            self.bridge.notify(NoticeLevel.DANGER, tr("Unexpected error: {why}", why=exc))
