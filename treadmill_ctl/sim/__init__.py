"""The virtual treadmill: real FTMS bytes, belt physics and real machines' quirks, as a bleak backend."""
