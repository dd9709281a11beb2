"""The virtual treadmill: real FTMS bytes, belt physics and real machines' quirks, served to the
app as a bleak backend."""
