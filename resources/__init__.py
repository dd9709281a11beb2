"""Built-in presets, sim profiles, cue sounds and the icon, shipped inside the package as
``treadmill_ctl.resources`` (data only; ``treadmill_ctl.shipped`` finds the folder)."""
