"""treadmill-ctl: safe backward-running interval sessions on a Bluetooth FTMS treadmill."""

__version__ = "0.1.0"
