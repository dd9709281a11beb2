"""A private D-Bus system bus for one test: Debian's ``dbus-daemon`` with a generated
configuration (a system-type bus on a unix socket in a temporary folder, everything allowed),
and a stand-in ``bluetoothctl`` that bleak runs for the BlueZ version."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

BLUEZ_VERSION: Final = "5.66"

_CONFIG: Final = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_type="method_call"/>
    <allow send_type="method_return"/>
    <allow send_type="signal"/>
    <allow send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="signal"/>
    <allow receive_type="error"/>
  </policy>
</busconfig>
"""

MISSING_REASON: Final = (
    "dbus-daemon is not installed (Debian: apt-get install dbus-daemon; scripts/dev setup "
    "does it): the BlueZ tests (tests/bluez) need a private D-Bus bus"
)


def dbus_daemon() -> str | None:
    """The dbus-daemon executable, if installed."""
    return shutil.which("dbus-daemon")


@dataclass
class PrivateBus:
    """A running dbus-daemon: its address (``unix:path=...``) and the folder it lives in
    (also holding the ``bluetoothctl`` stand-in, in ``bin/``)."""

    address: str
    folder: Path
    process: subprocess.Popen[bytes]

    @property
    def bin_dir(self) -> Path:
        return self.folder / "bin"

    def kill(self) -> None:
        """The daemon dies (SIGKILL): every connection on it breaks at once."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=5)

    def close(self) -> None:
        """Stop the daemon and remove its folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_private_bus(executable: str) -> PrivateBus:
    """Start a dbus-daemon on a fresh socket; returns once it accepts connections. The socket
    is in a short /tmp folder: a unix socket path must stay under 108 bytes."""
    folder = Path(tempfile.mkdtemp(prefix="bluez-bus-"))
    socket = folder / "system_bus_socket"
    config = folder / "system.conf"
    config.write_text(_CONFIG.format(socket=socket), encoding="utf-8")
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    ctl = bin_dir / "bluetoothctl"
    # What `bluetoothctl --version` prints on Debian 12.
    ctl.write_text(f"#!/bin/sh\necho 'bluetoothctl: {BLUEZ_VERSION}'\n", encoding="utf-8")
    ctl.chmod(0o755)
    with (folder / "dbus-daemon.log").open("wb") as log_file:
        process = subprocess.Popen(
            [executable, f"--config-file={config}", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=log_file,
            env={**os.environ, "LC_ALL": "C"},
        )
    assert process.stdout is not None
    # The daemon prints its address once it listens.
    line = process.stdout.readline().decode().strip()
    process.stdout.close()
    if not line.startswith("unix:"):
        process.kill()
        log = (folder / "dbus-daemon.log").read_text(errors="replace")
        raise RuntimeError(f"dbus-daemon did not start: {log.strip() or line!r}")
    return PrivateBus(line.split(",", 1)[0], folder, process)
