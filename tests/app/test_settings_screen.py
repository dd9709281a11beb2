"""The settings screen in the app's window: a value typed above the hard ceiling is refused with
the reason on screen and the field goes back to the kept value; the stepper stops at the
ceiling. Any QML warning fails these tests."""

from __future__ import annotations

from screen_items import click, prop, shown, type_into
from window_rig import WindowRig


def show_settings(window: WindowRig) -> None:
    window.running.bridge.setProperty("screen", "settings")
    window.wait(lambda: shown(window, "setting_backward_cap_kmh"))


def test_a_backward_cap_above_the_ceiling_is_refused_on_screen(window: WindowRig) -> None:
    show_settings(window)
    type_into(window, "field_backward_cap_kmh", "9", enter=True)
    window.wait(lambda: shown(window, "error_backward_cap_kmh"))
    assert prop(window, "error_backward_cap_kmh", "text") == (
        "Refused: 9.0 km/h is above the hard ceiling of 8.0 km/h for backward running."
    )
    assert prop(window, "field_backward_cap_kmh", "text") == "6.0"
    assert window.running.context.settings.backward_cap_kmh == 6.0


def test_the_plus_button_stops_at_the_ceiling(window: WindowRig) -> None:
    show_settings(window)
    type_into(window, "field_backward_cap_kmh", "7.9", enter=True)
    window.wait(lambda: window.running.context.settings.backward_cap_kmh == 7.9)
    for _ in range(3):
        click(window, "plus_backward_cap_kmh")
    window.wait(lambda: prop(window, "field_backward_cap_kmh", "text") == "8.0")
    assert window.running.context.settings.backward_cap_kmh == 8.0


def test_sections_and_the_audio_status(window: WindowRig) -> None:
    show_settings(window)
    click(window, "section_Sound")
    window.wait(lambda: shown(window, "audioStatus"))
    assert prop(window, "audioStatusText", "text") != ""
    click(window, "section_Display")
    window.wait(lambda: shown(window, "choices_theme"))
    click(window, "choice_light")
    window.wait(lambda: window.running.bridge.property("theme") == "light")
    assert str(window.running.context.settings.theme) == "light"
