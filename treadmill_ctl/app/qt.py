"""Every Qt name the app uses, from one place (the qutebrowser habit): the rest of
``treadmill_ctl.app`` imports Qt from here, never from PySide6 directly, so a Qt binding change
or a missing module shows up in one file.

``Qt`` (the enum namespace), and the classes the window's first frame does not need, are imported
on first use (see ``__getattr__``: PySide sets each class up as it is first imported, ~0.1-2 ms
apiece). QtMultimedia is
loaded late and optionally (``load_multimedia``): a machine without its system
libraries still runs the app, silently.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, NamedTuple, cast

from PySide6.QtCore import (
    Property,
    QBasicTimer,
    QEventLoop,
    QObject,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtQml import QmlElement, QQmlApplicationEngine
from PySide6.QtQml import QmlUncreatable as _QmlUncreatable
from PySide6.QtQuick import QQuickItem, QQuickWindow

if TYPE_CHECKING:
    from PySide6.QtCore import (
        QByteArray,
        QCoreApplication,
        QEvent,
        QLocale,
        QMetaObject,
        QPoint,
        QRect,
        QRectF,
        QSettings,
        QSize,
        Qt,
        QTranslator,
    )
    from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QWindow
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices, QSoundEffect
    from PySide6.QtQml import QQmlComponent, QQmlEngine, QQmlExpression

# Imported on first use, from these modules. ``Qt``: PySide builds every one of its enums as it
# is first imported, ~15 ms.
_LATE: Final = {
    "Qt": "PySide6.QtCore",
    "QByteArray": "PySide6.QtCore",
    "QCoreApplication": "PySide6.QtCore",
    "QEvent": "PySide6.QtCore",
    "QLocale": "PySide6.QtCore",
    "QMetaObject": "PySide6.QtCore",
    "QPoint": "PySide6.QtCore",
    "QRect": "PySide6.QtCore",
    "QRectF": "PySide6.QtCore",
    "QSettings": "PySide6.QtCore",
    "QSize": "PySide6.QtCore",
    "QTranslator": "PySide6.QtCore",
    "QImage": "PySide6.QtGui",
    "QKeyEvent": "PySide6.QtGui",
    "QKeySequence": "PySide6.QtGui",
    "QWindow": "PySide6.QtGui",
    "QQmlComponent": "PySide6.QtQml",
    "QQmlEngine": "PySide6.QtQml",
    "QQmlExpression": "PySide6.QtQml",
}


def __getattr__(name: str) -> object:
    """The names in ``_LATE``, imported on first use (the window does not need them before
    its first frame)."""
    module = _LATE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value: object = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next use finds it at once
    return value


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
    "QLocale",
    "QMetaObject",
    "QObject",
    "QPoint",
    "QQmlApplicationEngine",
    "QQmlComponent",
    "QQmlEngine",
    "QQmlExpression",
    "QQuickItem",
    "QQuickWindow",
    "QRect",
    "QRectF",
    "QSettings",
    "QSize",
    "QTimer",
    "QTranslator",
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
