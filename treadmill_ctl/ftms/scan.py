"""Finding treadmills on the radio a ``Connection`` gives (``ftms.connection``): ``scan()``
lists the FTMS devices heard (and any named device the user insists is a treadmill);
``find_by_address()`` waits for one chosen address, the only device a link ever connects to.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from bleak import BleakScanner
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData
from bleak.exc import BleakBluetoothNotAvailableError, BleakError

from treadmill_ctl.errors import LinkError
from treadmill_ctl.ftms import codec
from treadmill_ctl.ftms.model import FTMS_SERVICE_UUID, DiscoveredDevice

if TYPE_CHECKING:
    from treadmill_ctl.ftms.connection import Connection

__all__ = ["DEFAULT_SCAN_TIMEOUT_S", "describe_device", "error_text", "find_by_address", "scan"]

DEFAULT_SCAN_TIMEOUT_S: Final = 5.0


def error_text(exc: BaseException) -> str:
    """An error in the user's words: bleak's "Bluetooth not available" errors carry their
    message and a reason code as two arguments, and would print as the repr of both."""
    if isinstance(exc, BleakBluetoothNotAvailableError) and exc.args:
        return str(exc.args[0])
    return str(exc)


def describe_device(device: BLEDevice, adv: AdvertisementData) -> DiscoveredDevice:
    """A scan result in the app's terms (machine type read tolerantly from the service data)."""
    service_data = adv.service_data.get(FTMS_SERVICE_UUID)
    decoded = codec.decode_service_data(service_data)
    advertises = FTMS_SERVICE_UUID in adv.service_uuids or service_data is not None
    return DiscoveredDevice(
        name=adv.local_name or device.name or "",
        address=device.address,
        rssi=adv.rssi,
        machine_type=decoded.machine_type.value,
        advertises_ftms=advertises,
        details={"service_data": decoded.raw},
    )


async def scan(
    timeout_s: float = DEFAULT_SCAN_TIMEOUT_S,
    *,
    connection: Connection,
    names: Iterable[str] = (),
    all_named: bool = False,
) -> list[DiscoveredDevice]:
    """Listen for ``timeout_s`` (loop time) and list the FTMS devices heard, strongest first.

    ``names``: also list devices with these names (case-insensitive) although they do not
    advertise FTMS (the user insists they are treadmills); ``all_named``: list every device
    that has a name. ``connection``: the radio to listen on (``ftms.connection``)."""
    wanted = {n.casefold() for n in names}
    found: dict[str, DiscoveredDevice] = {}

    def heard(device: BLEDevice, adv: AdvertisementData) -> None:
        seen = describe_device(device, adv)
        if seen.advertises_ftms or (seen.name and (all_named or seen.name.casefold() in wanted)):
            found[seen.address] = seen

    try:
        async with BleakScanner(detection_callback=heard, **connection.scanner_kwargs()):
            await asyncio.sleep(timeout_s)
    except (BleakError, OSError) as exc:
        raise LinkError(
            f"Cannot scan for Bluetooth devices ({error_text(exc)}). Is Bluetooth switched on, "
            "and may this user use it (Linux: BlueZ running, user in the 'bluetooth' group)?"
        ) from exc
    return sorted(found.values(), key=lambda d: -(d.rssi if d.rssi is not None else -999))


async def find_by_address(
    address: str, timeout_s: float, scanner_kwargs: dict[str, Any]
) -> tuple[BLEDevice, AdvertisementData] | None:
    """Listen until ``address`` advertises (only that one: we never pick another device)."""
    loop = asyncio.get_running_loop()
    hit: asyncio.Future[tuple[BLEDevice, AdvertisementData]] = loop.create_future()

    def heard(device: BLEDevice, adv: AdvertisementData) -> None:
        if device.address.upper() == address.upper() and not hit.done():
            hit.set_result((device, adv))

    async with BleakScanner(detection_callback=heard, **scanner_kwargs):
        try:
            async with asyncio.timeout(timeout_s):
                return await hit
        except TimeoutError:
            return None
