"""Workouts in and out of other apps: ZWO (Zwift) and FIT workout files become presets, and a
preset can be written as either (docs/workouts.md)."""
