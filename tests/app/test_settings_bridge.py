"""The settings screen's bridge: every change checked by the real Settings and saved to the real
settings file (in a tmp config dir); refused values never reach the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from bridge_world import World, make_world

from treadmill_ctl.app.settings_bridge import SettingsBridge
from treadmill_ctl.settings import Settings, Theme, settings_path
from treadmill_ctl.units import SpeedUnit, TurningStyle

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    return make_world(tmp_path, monkeypatch)


def value(bridge: SettingsBridge, key: str) -> object:
    return bridge.property("values")[key]


def test_the_backward_cap_can_never_go_above_the_hard_ceiling(world: World) -> None:
    bridge = SettingsBridge(world.context)
    assert bridge.setText("backward_cap_kmh", "9") is False
    assert value(bridge, "backward_cap_kmh") == "6.0"
    assert bridge.property("errors")["backward_cap_kmh"] == (
        "Refused: 9.0 km/h is above the hard ceiling of 8.0 km/h for backward running."
    )
    assert not settings_path().exists()  # nothing was saved
    for _ in range(30):  # the + button stops at the ceiling
        bridge.stepValue("backward_cap_kmh", 1)
    assert value(bridge, "backward_cap_kmh") == "8.0"
    assert world.saved_settings().backward_cap_kmh == 8.0


def test_an_accepted_value_is_saved_at_once_and_clears_the_refusal(world: World) -> None:
    bridge = SettingsBridge(world.context)
    bridge.setText("backward_cap_kmh", "abc")
    assert bridge.property("errors")["backward_cap_kmh"] == "Type a number."
    assert bridge.setText("backward_cap_kmh", "5,5") is True
    assert bridge.property("errors") == {}
    assert world.saved_settings().backward_cap_kmh == 5.5
    assert world.context.settings.backward_cap_kmh == 5.5


def test_the_cap_cannot_go_below_the_default_backward_speed(world: World) -> None:
    bridge = SettingsBridge(world.context)
    assert bridge.setText("backward_cap_kmh", "2.5") is False
    assert (
        "default backward speed is 3.0 km/h. Lower it first."
        in (bridge.property("errors")["backward_cap_kmh"])
    )
    assert bridge.setText("backward_default_kmh", "6.5") is False
    assert "above your backward cap" in bridge.property("errors")["backward_default_kmh"]


def test_other_limits_are_refused_with_the_reason(world: World) -> None:
    bridge = SettingsBridge(world.context)
    assert bridge.setText("turning_walk_kmh", "2") is False
    assert "above the maximum, 1.5 km/h" in bridge.property("errors")["turning_walk_kmh"]
    assert bridge.setText("countdown_s", "2") is False
    assert "outside 3–30 s" in bridge.property("errors")["countdown_s"]
    assert bridge.setText("countdown_s", "4.5") is False
    assert bridge.property("errors")["countdown_s"] == "Type a whole number."
    assert bridge.setText("ramp_kmh_per_s", "0.3") is True
    assert world.saved_settings().ramp_kmh_per_s == 0.3


def test_speeds_are_shown_and_typed_in_mph(world: World) -> None:
    bridge = SettingsBridge(world.context)
    bridge.setChoice("speed_unit", "mph")
    assert world.saved_settings().speed_unit is SpeedUnit.MPH
    assert value(bridge, "backward_cap_kmh") == "3.7"  # 6.0 km/h
    assert bridge.property("units")["backward_cap_kmh"] == "mph"
    assert bridge.setText("backward_cap_kmh", "5.5") is False  # 8.85 km/h
    assert "hard ceiling of 5.0 mph" in bridge.property("errors")["backward_cap_kmh"]
    assert bridge.setText("backward_cap_kmh", "4") is True
    assert world.saved_settings().backward_cap_kmh == 6.44


def test_in_mph_typing_a_limit_as_it_reads_is_that_limit_as_the_plus_button_gives(
    world: World,
) -> None:
    """The hard ceiling of 8.0 km/h reads "5.0 mph": + reaches it, and typing 5.0 mph gives
    the same 8.0 km/h (it was "5.0 mph is above the hard ceiling of 5.0 mph"); 5.1 mph is
    refused in mph."""
    bridge = SettingsBridge(world.context)
    bridge.setChoice("speed_unit", "mph")
    for _ in range(20):
        bridge.stepValue("backward_cap_kmh", +1)
    assert value(bridge, "backward_cap_kmh") == "5.0"
    by_plus = world.saved_settings().backward_cap_kmh
    assert by_plus == 8.0
    assert bridge.setText("backward_cap_kmh", "4") is True
    assert bridge.setText("backward_cap_kmh", "5.0") is True
    assert world.saved_settings().backward_cap_kmh == by_plus
    assert "backward_cap_kmh" not in bridge.property("errors")
    assert bridge.setText("backward_cap_kmh", "5.1") is False
    assert bridge.property("errors")["backward_cap_kmh"] == (
        "Refused: 5.1 mph is above the hard ceiling of 5.0 mph for backward running."
    )
    # The default backward speed keeps to the cap as it reads, both ways.
    assert bridge.setText("backward_cap_kmh", "3.7") is True  # 5.95 km/h
    assert bridge.setText("backward_default_kmh", "3.7") is True
    assert world.saved_settings().backward_default_kmh <= world.saved_settings().backward_cap_kmh
    assert bridge.setText("backward_default_kmh", "3.8") is False
    assert "km/h" not in bridge.property("errors")["backward_default_kmh"]
    assert "3.7 mph" in bridge.property("errors")["backward_default_kmh"]


def test_in_mph_the_ramp_is_shown_and_typed_in_mph_per_second(world: World) -> None:
    bridge = SettingsBridge(world.context)
    bridge.setChoice("speed_unit", "mph")
    assert bridge.property("units")["ramp_kmh_per_s"] == "mph per s"
    assert value(bridge, "ramp_kmh_per_s") == "0.31"  # 0.5 km/h per s
    assert bridge.setText("ramp_kmh_per_s", "0.2") is True
    assert world.saved_settings().ramp_kmh_per_s == pytest.approx(0.322)
    assert bridge.setText("ramp_kmh_per_s", "3") is False
    assert bridge.property("errors")["ramp_kmh_per_s"] == (
        "Refused: 3 is outside 0.03–1.24 mph per s."
    )


def test_in_mph_the_help_texts_name_mph(world: World) -> None:
    bridge = SettingsBridge(world.context)
    helps = {f["key"]: f["help"] for s in bridge.property("sections") for f in s["fields"]}
    assert "Never above 8.0 km/h." in helps["backward_cap_kmh"]
    with_signal = []
    bridge.sectionsChanged.connect(lambda: with_signal.append(True))
    bridge.setChoice("speed_unit", "mph")
    assert with_signal == [True]
    helps = {f["key"]: f["help"] for s in bridge.property("sections") for f in s["fields"]}
    assert "Never above 5.0 mph." in helps["backward_cap_kmh"]
    assert "at most 0.9 mph" in helps["turning_walk_kmh"]
    speed_keys = [k for k, u in bridge.property("units").items() if u == "mph"]
    assert all("km/h" not in helps[k] for k in speed_keys)


def test_choices_switches_volume_and_folder_are_saved(world: World, tmp_path: Path) -> None:
    bridge = SettingsBridge(world.context)
    bridge.setChoice("turning_style", "walk")
    bridge.setChoice("theme", "light")
    bridge.setSwitch("voice_on", False)
    bridge.setSwitch("debug_traffic_log", True)
    bridge.setVolume(45)
    bridge.setFolder((tmp_path / "logs").as_uri())
    saved = world.saved_settings()
    assert saved.turning_style is TurningStyle.WALK
    assert saved.theme is Theme.LIGHT
    assert (saved.voice_on, saved.debug_traffic_log, saved.volume) == (False, True, 0.45)
    assert saved.traffic_log_dir == str(tmp_path / "logs")
    assert value(bridge, "volume") == 45
    bridge.resetFolder()
    assert world.saved_settings().traffic_log_dir == ""


def test_the_heart_rate_cap_is_optional(world: World) -> None:
    bridge = SettingsBridge(world.context)
    assert value(bridge, "hr_cap_bpm") == ""
    bridge.stepValue("hr_cap_bpm", 1)
    assert world.saved_settings().hr_cap_bpm == 60
    assert bridge.setText("hr_cap_bpm", "165") is True
    assert world.saved_settings().hr_cap_bpm == 165
    assert bridge.setText("hr_cap_bpm", "") is True
    assert world.saved_settings().hr_cap_bpm is None


def test_key_bindings_are_listed_with_their_actions(world: World) -> None:
    bridge = SettingsBridge(world.context)
    keys = {r["action"]: r["keys"] for r in bridge.property("keyBindings")}
    assert keys["stop"] == "Space, Escape"
    assert keys["speed_up_big"] == "Shift+Up"
    clicker = {r["label"]: r["keys"] for r in bridge.property("clickerBindings")}
    assert clicker["STOP"] == "Escape, B, Period, F5, Shift+F5"


def test_saved_settings_are_what_the_next_start_reads(world: World) -> None:
    bridge = SettingsBridge(world.context)
    bridge.setText("forward_cap_kmh", "10")
    bridge.setChoice("distance_unit", "imperial")
    world.context.settings = Settings()  # a new start reads the file
    world.context.settings = world.saved_settings()
    again = SettingsBridge(world.context)
    assert value(again, "forward_cap_kmh") == "10.0"
    assert value(again, "distance_unit") == "imperial"
