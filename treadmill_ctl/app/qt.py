"""Every Qt name the app uses, from one place (the qutebrowser habit): the rest of
``treadmill_ctl.app`` imports Qt from here, never from PySide6 directly, so a Qt binding change
or a missing module shows up in one file.

``Qt`` (the enum namespace) is imported on first use (see ``__getattr__``). QtMultimedia is
loaded late and optionally (``load_multimedia``): a machine without its system
libraries still runs the app, silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, cast

from PySide6.QtCore import (
    Property,
    QBasicTimer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMetaObject,
    QObject,
    QPoint,
    QRect,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QGuiApplication, QImage, QKeyEvent, QKeySequence, QWindow
from PySide6.QtQml import (
    QmlElement,
    QQmlApplicationEngine,
    QQmlComponent,
    QQmlEngine,
)
from PySide6.QtQml import QmlUncreatable as _QmlUncreatable
from PySide6.QtQuick import QQuickItem, QQuickWindow

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices, QSoundEffect


def __getattr__(name: str) -> object:
    """``Qt`` (the namespace of Qt's enums) is imported on first use: PySide builds every one
    of its enums then, ~15 ms, which the window does not need before its first frame."""
    if name == "Qt":
        from PySide6.QtCore import Qt  # noqa: PLC0415 - deliberately late

        return Qt
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Multimedia(NamedTuple):
    """The QtMultimedia classes the cue player uses."""

    QSoundEffect: type[QSoundEffect]
    QMediaDevices: type[QMediaDevices]
    QAudioDevice: type[QAudioDevice]


def load_multimedia() -> Multimedia | str:
    """Import QtMultimedia on first use (importing it probes the audio and video backends,
    which is slow and noisy, so only the cue player does it). Returns the classes, or the
    reason it cannot be loaded."""
    try:
        from PySide6 import QtMultimedia  # noqa: PLC0415 - deliberately late
    except ImportError as exc:  # the machine lacks QtMultimedia's system libraries
        return str(exc)
    return Multimedia(
        QtMultimedia.QSoundEffect, QtMultimedia.QMediaDevices, QtMultimedia.QAudioDevice
    )


def QmlUncreatable[T](reason: str) -> Callable[[type[T]], type[T]]:
    """``@QmlUncreatable(reason)``: QML may use the type but not create it (the app does).
    Same name as PySide's decorator so ``pyside6-metaobjectdump`` recognises it; typed here
    because PySide's stub declares it as a class."""
    return cast("Callable[[type[T]], type[T]]", _QmlUncreatable(reason))


__all__ = [
    "Multimedia",
    "Property",
    "QBasicTimer",
    "QByteArray",
    "QColor",
    "QCoreApplication",
    "QEvent",
    "QEventLoop",
    "QGuiApplication",
    "QImage",
    "QKeyEvent",
    "QKeySequence",
    "QMetaObject",
    "QObject",
    "QPoint",
    "QQmlApplicationEngine",
    "QQmlComponent",
    "QQmlEngine",
    "QQuickItem",
    "QQuickWindow",
    "QRect",
    "QSettings",
    "QSize",
    "QTimer",
    "QUrl",
    "QWindow",
    "QmlElement",
    "QmlUncreatable",
    "Qt",
    "QtMsgType",
    "Signal",
    "Slot",
    "load_multimedia",
    "qInstallMessageHandler",
]
