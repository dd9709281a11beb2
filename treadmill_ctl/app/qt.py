"""Every Qt name the app uses, from one place (the qutebrowser habit): the rest of
``treadmill_ctl.app`` imports Qt from here, never from PySide6 directly, so a Qt binding change
or a missing module shows up in one file.

QtMultimedia is optional at run time (a machine without its system libraries still runs the
app silently): ``multimedia_error`` says why it could not be loaded, and ``QSoundEffect`` is
``None`` then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import (
    Property,
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
    Qt,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QKeySequence, QWindow
from PySide6.QtQml import (
    QmlElement,
    QQmlApplicationEngine,
    QQmlComponent,
    QQmlEngine,
)
from PySide6.QtQml import QmlUncreatable as _QmlUncreatable
from PySide6.QtQuick import QQuickItem, QQuickWindow

try:
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices, QSoundEffect

    multimedia_error = ""
except ImportError as exc:  # pragma: no cover - depends on the machine's libraries
    QAudioDevice = None  # type: ignore[assignment,misc]
    QMediaDevices = None  # type: ignore[assignment,misc]
    QSoundEffect = None  # type: ignore[assignment,misc]
    multimedia_error = str(exc)


def QmlUncreatable[T](reason: str) -> Callable[[type[T]], type[T]]:
    """``@QmlUncreatable(reason)``: QML may use the type but not create it (the app does).
    Same name as PySide's decorator so ``pyside6-metaobjectdump`` recognises it; typed here
    because PySide's stub declares it as a class."""
    return cast("Callable[[type[T]], type[T]]", _QmlUncreatable(reason))


__all__ = [
    "Property",
    "QAudioDevice",
    "QByteArray",
    "QCoreApplication",
    "QEvent",
    "QEventLoop",
    "QGuiApplication",
    "QImage",
    "QKeyEvent",
    "QKeySequence",
    "QMediaDevices",
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
    "QSoundEffect",
    "QTimer",
    "QUrl",
    "QWindow",
    "QmlElement",
    "QmlUncreatable",
    "Qt",
    "QtMsgType",
    "Signal",
    "Slot",
    "multimedia_error",
    "qInstallMessageHandler",
]
