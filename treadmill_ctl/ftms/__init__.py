"""The treadmill link: one async API over pyftms + bleak, hardened for real machines' bytes."""
