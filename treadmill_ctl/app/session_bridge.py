"""The session screen's bridge over the session engine (skeleton; filled in when the engine
lands)."""

from __future__ import annotations

from typing import Final

from treadmill_ctl.app.context import AppContext
from treadmill_ctl.app.qt import Property, QmlElement, QmlUncreatable, QObject, Signal, Slot
from treadmill_ctl.ftms.api import TreadmillControl

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1


@QmlElement
@QmlUncreatable("The app creates its bridges")
class SessionBridge(QObject):
    """What the session screen shows and the actions it offers."""

    phaseLabelChanged = Signal()
    activeChanged = Signal()
    linkStateChanged = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._phase_label = ""

    @Property(str, notify=phaseLabelChanged)
    def phaseLabel(self) -> str:
        """The current phase in big words ("BACKWARD", "WARM-UP")."""
        return self._phase_label

    @Property(bool, notify=activeChanged)
    def active(self) -> bool:
        """A session is under way (the belt may move): STOP is shown on every screen."""
        return False

    @Property(str, notify=linkStateChanged)
    def linkState(self) -> str:
        """One of: disconnected, connecting, connected, lost."""
        return "disconnected"

    @Property(str, notify=linkStateChanged)
    def linkText(self) -> str:
        """The link's state in words."""
        return "Not connected"

    def use_link(self, link: TreadmillControl) -> None:
        """A connected link to drive."""

    def use_plan(self, plan: object) -> None:
        """The plan the next session runs."""

    @Slot()
    def stop(self) -> None:
        """STOP."""
