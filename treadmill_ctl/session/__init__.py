"""Session plans, presets, the safety policy and the session engine."""
