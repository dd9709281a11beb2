"""One exception root for the app. Every error carries what the user needs to act."""

from __future__ import annotations

from treadmill_ctl.texts import Text, tr


class TreadmillError(Exception):
    """Root of every error the app raises on purpose."""


class LinkError(TreadmillError):
    """The Bluetooth link to the treadmill failed (not found, busy, lost, no permission)."""


class DeviceNotFoundError(LinkError):
    """The chosen address did not show up in a scan."""

    def __init__(self, address: str) -> None:
        super().__init__(
            f"Treadmill {address} was not found. Is it on and not connected elsewhere?"
        )
        self.address = address


class FileFormatError(TreadmillError):
    """A preset, settings or capture file is malformed. Carries file, line and reason."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason

    @property
    def text(self) -> Text:
        """The error as the window shows it: "first.toml, line 3: ..." (translatable; the
        reason too when the check marked it with ``tr``)."""
        if self.line is None:
            return tr("{file}: {why}", file=self.path, why=self.reason)
        return tr("{file}, line {line}: {why}", file=self.path, line=self.line, why=self.reason)


class HistoryError(TreadmillError):
    """The session history cannot be read or written (unknown session, newer database, disk)."""


class HeartRateStrapError(LinkError):
    """The heart-rate strap cannot be found or connected."""
