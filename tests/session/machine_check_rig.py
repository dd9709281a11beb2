"""Running the machine check on a virtual treadmill, for the check's tests."""

from __future__ import annotations

import dataclasses
import math

from treadmill_ctl.session.machine_check import CheckOutcome, MachineChecker
from treadmill_ctl.session.machine_quirks import QUIRK_KEYS, MachineQuirks
from treadmill_ctl.sim.profiles import SimProfile
from treadmill_ctl.virtual_link import close_simulated_link, open_simulated_link

RATE_KEYS = ("accel_kmh_s", "decel_kmh_s", "stop_decel_kmh_s")
TIME_KEYS = ("start_delay_s", "data_interval_s")


async def check_profile(profile: SimProfile) -> CheckOutcome:
    """Connect to a virtual treadmill with ``profile`` and run the whole check on it."""
    link, device = await open_simulated_link(profile)
    try:
        return await MachineChecker(link, confirmed=True).run()
    finally:
        await close_simulated_link(link, device)


def expected(profile: SimProfile, key: str) -> object:
    """The profile's value for a learned key, as the check reports it."""
    value = getattr(profile, key)
    return value.value if hasattr(value, "value") else value


def matches(profile: SimProfile, key: str, learned: object) -> bool:
    """The learned value is the profile's (rates within 5 %, times within 0.1 s)."""
    want = expected(profile, key)
    if key in RATE_KEYS:
        return isinstance(learned, float) and math.isclose(learned, float(want), rel_tol=0.05)  # type: ignore[arg-type]
    if key in TIME_KEYS:
        return isinstance(learned, float) and abs(learned - float(want)) <= 0.1 + 1e-9  # type: ignore[arg-type]
    if isinstance(want, float):
        return isinstance(learned, float) and math.isclose(learned, want, abs_tol=1e-6)
    return learned == want


def wrong_keys(profile: SimProfile, quirks: MachineQuirks) -> dict[str, tuple[object, object]]:
    """Keys whose learned value is known but not the profile's: (learned, profile)."""
    found = quirks.to_json()
    return {
        k: (found[k], expected(profile, k))
        for k in QUIRK_KEYS
        if found[k] is not None and not matches(profile, k, found[k])
    }


def unknown_keys(quirks: MachineQuirks) -> list[str]:
    return [f.name for f in dataclasses.fields(quirks) if getattr(quirks, f.name) is None]
