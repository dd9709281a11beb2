"""What a virtual device answers when a read, write or connection fails: ATT error codes
(``SimAttError``) and a link that is down (``SimLinkDown``). The bleak backend
(``sim.bleak_backend``) turns them into the errors bleak itself raises.
"""

from __future__ import annotations

from typing import Final

from treadmill_ctl.errors import LinkError, TreadmillError

__all__ = [
    "ATT_ATTRIBUTE_NOT_FOUND",
    "ATT_CCCD_IMPROPERLY_CONFIGURED",
    "ATT_INVALID_LENGTH",
    "ATT_PROCEDURE_IN_PROGRESS",
    "ATT_READ_NOT_PERMITTED",
    "ATT_WRITE_NOT_PERMITTED",
    "SimAttError",
    "SimLinkDown",
]

ATT_READ_NOT_PERMITTED: Final = 0x02
ATT_WRITE_NOT_PERMITTED: Final = 0x03
ATT_ATTRIBUTE_NOT_FOUND: Final = 0x0A
ATT_INVALID_LENGTH: Final = 0x0D
ATT_CCCD_IMPROPERLY_CONFIGURED: Final = 0xFD
ATT_PROCEDURE_IN_PROGRESS: Final = 0xFE

_ATT_NAMES: Final = {
    ATT_READ_NOT_PERMITTED: "read not permitted",
    ATT_WRITE_NOT_PERMITTED: "write not permitted",
    ATT_ATTRIBUTE_NOT_FOUND: "attribute not found",
    ATT_INVALID_LENGTH: "invalid attribute value length",
    ATT_CCCD_IMPROPERLY_CONFIGURED: "client characteristic configuration improperly configured",
    ATT_PROCEDURE_IN_PROGRESS: "procedure already in progress",
}


class SimAttError(TreadmillError):
    """The virtual device answered a read or write with an ATT error (``code``)."""

    def __init__(self, code: int, message: str = "") -> None:
        name = _ATT_NAMES.get(code, "error")
        super().__init__(message or f"ATT error 0x{code:02x}: {name}")
        self.code = code


class SimLinkDown(LinkError):
    """The virtual link is down: not connected, or dropped by a fault."""
