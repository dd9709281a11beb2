"""A minimal FTMS client for driving the virtual treadmill's device API in tests: it subscribes
to everything and records what it receives, in order, with the loop time."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from treadmill_ctl.sim import gatt
from treadmill_ctl.sim.treadmill import VirtualTreadmill

CP = gatt.CONTROL_POINT
STATUS = gatt.MACHINE_STATUS
TRAINING = gatt.TRAINING_STATUS
DATA = gatt.TREADMILL_DATA

SHORT = {CP: "I", STATUS: "S", TRAINING: "T", DATA: "D"}


@dataclass
class Received:
    t: float
    what: str  # I (indication), S (machine status), T (training status), D (treadmill data)
    data: bytes


@dataclass
class DeviceClient:
    """Subscribes to the control point, statuses and data; keeps every packet."""

    device: VirtualTreadmill
    got: list[Received] = field(default_factory=list)

    async def connect(self, *, data: bool = True) -> None:
        await self.device.connect()
        uuids = [CP, STATUS, TRAINING] + ([DATA] if data else [])
        for uuid in uuids:
            self.device.set_subscriber(uuid, self._make_cb(uuid))

    def _make_cb(self, uuid: str):  # type: ignore[no-untyped-def]
        loop = asyncio.get_running_loop()

        def cb(data: bytes) -> None:
            self.got.append(Received(loop.time(), SHORT[uuid], data))

        return cb

    async def command(self, hex_bytes: str, *, wait: float = 0.5) -> bytes | None:
        """Write to the control point and return the response indication (None if none came
        within ``wait`` s after the write)."""
        mark = len(self.got)
        await self.device.write(CP, bytes.fromhex(hex_bytes))
        await asyncio.sleep(wait)
        for r in self.got[mark:]:
            if r.what == "I":
                return r.data
        return None

    async def ok(self, hex_bytes: str, *, wait: float = 0.5) -> None:
        """Write and insist on a success indication."""
        response = await self.command(hex_bytes, wait=wait)
        assert response is not None, f"no indication for {hex_bytes}"
        op = bytes.fromhex(hex_bytes)[0]
        assert response == bytes([0x80, op, 0x01]), f"{hex_bytes} -> {response.hex()}"

    def since(self, mark: int, what: str | None = None) -> list[str]:
        """Packets received after index ``mark`` as "X hex" strings (optionally one kind)."""
        return [
            f"{r.what} {r.data.hex()}" for r in self.got[mark:] if what is None or r.what == what
        ]

    def events(self, mark: int) -> list[str]:
        """Everything but Treadmill Data received after index ``mark``, as "X hex" strings."""
        return [f"{r.what} {r.data.hex()}" for r in self.got[mark:] if r.what != "D"]

    def statuses(self, what: str = "S") -> list[str]:
        return [r.data.hex() for r in self.got if r.what == what]

    def data_packets(self) -> list[bytes]:
        return [r.data for r in self.got if r.what == "D"]
