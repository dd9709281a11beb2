"""Heart rate: the 0x2A37 codec, the Bluetooth strap link, and the heart-rate cap policy."""
