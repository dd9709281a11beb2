"""The settings screen's bridge: every user setting, shown in the user's units, checked by
``settings.Settings`` and saved atomically on each change.

The screen is built from ``sections`` (the fields of ``settings_fields.SECTIONS``,
translated) and shows ``values`` (field -> display value) and ``errors`` (field -> why the last
value typed was refused). A refused value is never saved: the setting keeps its previous
value. The backward cap can never go above the hard ceiling
(``settings.BACKWARD_HARD_CEILING_KMH``): the check in ``Settings`` refuses it, whatever the
screen sends.
"""

from __future__ import annotations

import logging
from typing import Any, Final

from treadmill_ctl.app.context import AppContext, NoticeLevel
from treadmill_ctl.app.file_work import local_path
from treadmill_ctl.app.formatting import parse_number, speeds_in_unit
from treadmill_ctl.app.qt import Property, QmlElement, QmlUncreatable, QObject, Signal, Slot
from treadmill_ctl.app.settings_fields import (
    ENUMS,
    SECTIONS,
    SPECS,
    SPEED_RATES,
    FieldKind,
    FieldSpec,
    bindings_rows,
)
from treadmill_ctl.app.translation import translated_tree
from treadmill_ctl.errors import TreadmillError
from treadmill_ctl.settings import (
    DEFAULT_CLICKER_BINDINGS,
    DEFAULT_KEY_BINDINGS,
    Settings,
)
from treadmill_ctl.texts import tr
from treadmill_ctl.units import KMH_PER_MPH, typed_speed_kmh

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)


@QmlElement
@QmlUncreatable("The app creates its bridges")
class SettingsBridge(QObject):
    """Every user setting for the settings screen; each accepted change is saved at once."""

    valuesChanged = Signal()
    errorsChanged = Signal()
    sectionsChanged = Signal()  # when the speed unit or the language changes
    # Python side: the settings were replaced (theme, units, sound... may have changed).
    changed = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._errors: dict[str, str] = {}

    def _settings(self) -> Settings:
        settings = self._context.settings
        return settings if isinstance(settings, Settings) else Settings()

    def _unit(self) -> str:
        return self._settings().speed_unit.value

    # -- properties --------------------------------------------------------------------------

    @Property(list, notify=sectionsChanged)
    def sections(self) -> list[dict[str, Any]]:
        """``[{title, fields: [{key, label, help, kind, choices: [{value, label}]}]}]``, in the
        user's language (changes with the ``language`` setting); the help texts' speeds in the
        user's unit."""
        unit = self._unit()
        return translated_tree(
            [
                {
                    "title": title,
                    "fields": [
                        {
                            "key": f.key,
                            "label": f.label,
                            "help": speeds_in_unit(f.help, unit),
                            "kind": f.kind.value,
                            "choices": [{"value": v, "label": label} for v, label in f.choices],
                        }
                        for f in fields
                    ],
                }
                for title, fields in SECTIONS
            ]
        )

    @Property(dict, notify=valuesChanged)
    def values(self) -> dict[str, Any]:
        """Field -> value as shown: speeds as text in the user's unit ("6.0"), numbers as text,
        choices as their value, switches as bool, volume as 0-100."""
        s = self._settings()
        out: dict[str, Any] = {}
        for key, spec in SPECS.items():
            value = getattr(s, key)
            if spec.kind is FieldKind.SPEED:
                out[key] = self._speed_text(value)
            elif key in SPEED_RATES and self._unit() == "mph":
                out[key] = f"{value / KMH_PER_MPH:.2f}"  # per second, in mph
            elif spec.kind is FieldKind.NUMBER:
                out[key] = f"{value:g}"
            elif spec.kind is FieldKind.OPTIONAL_NUMBER:
                out[key] = "" if value is None else f"{value:g}"
            elif spec.kind is FieldKind.CHOICE:
                out[key] = str(value)
            elif spec.kind is FieldKind.SWITCH:
                out[key] = bool(value)
            elif spec.kind is FieldKind.VOLUME:
                out[key] = round(float(value) * 100)
            else:
                out[key] = str(s.effective_traffic_log_dir())
        return out

    @Property(dict, notify=valuesChanged)
    def units(self) -> dict[str, str]:
        """Field -> unit label ("km/h" or "mph" for speeds)."""
        speed = "mph" if self._unit() == "mph" else "km/h"
        return translated_tree(
            {
                key: (
                    speed
                    if spec.kind is FieldKind.SPEED
                    else spec.unit.replace("km/h", speed)
                    if key in SPEED_RATES
                    else spec.unit
                )
                for key, spec in SPECS.items()
            }
        )

    @Property(dict, notify=errorsChanged)
    def errors(self) -> dict[str, str]:
        """Field -> why the last value typed was refused (the setting kept its value)."""
        return translated_tree(self._errors)

    @Property(list, notify=valuesChanged)
    def keyBindings(self) -> list[dict[str, str]]:
        """``[{action, label, keys}]`` for the keyboard."""
        return translated_tree(
            bindings_rows(self._settings().key_bindings, dict(DEFAULT_KEY_BINDINGS))
        )

    @Property(list, notify=valuesChanged)
    def clickerBindings(self) -> list[dict[str, str]]:
        """``[{action, label, keys}]`` for a presenter clicker."""
        return translated_tree(
            bindings_rows(self._settings().clicker_bindings, dict(DEFAULT_CLICKER_BINDINGS))
        )

    @Property(str, constant=True)
    def settingsFile(self) -> str:
        """Where the settings are saved (hand-editable)."""
        from treadmill_ctl.settings import settings_path  # noqa: PLC0415

        return str(settings_path())

    # -- changes -----------------------------------------------------------------------------

    @Slot(str, str, result=bool)
    def setText(self, key: str, text: str) -> bool:
        """Set a speed or number field from what was typed (in the user's unit). Refused with
        a reason in ``errors`` when it is not a number or out of range."""
        spec = SPECS.get(key)
        if spec is None or spec.kind not in (
            FieldKind.SPEED,
            FieldKind.NUMBER,
            FieldKind.OPTIONAL_NUMBER,
            FieldKind.FOLDER,
        ):
            return False
        if spec.kind is FieldKind.FOLDER:
            return self._apply(key, text.strip())
        if spec.kind is FieldKind.OPTIONAL_NUMBER and not text.strip():
            return self._apply(key, None)
        number = parse_number(text)
        if number is None:
            return self._refuse(key, tr("Type a number."))
        if spec.kind is FieldKind.SPEED:
            # The limits as the stepper reaches them: a value typed as one reads is that one.
            kmh = typed_speed_kmh(number, self._unit(), self._speed_limits(spec))
            refusal = self._speed_refusal(spec, kmh)
            if refusal:
                return self._refuse(key, refusal)
            return self._apply(key, round(kmh, 2))
        if key in SPEED_RATES and self._unit() == "mph":
            typed, number = number, round(number * KMH_PER_MPH, 3)  # typed per second in mph
            if not spec.minimum - 1e-9 <= number <= spec.maximum + 1e-9:
                low, high = spec.minimum / KMH_PER_MPH, spec.maximum / KMH_PER_MPH
                return self._refuse(
                    key,
                    tr(
                        "Refused: {typed} is outside {low}–{high} mph per s.",
                        typed=f"{typed:g}",
                        low=f"{low:.2f}",
                        high=f"{high:.2f}",
                    ),
                )
        default = getattr(Settings(), key)
        value: float | int = number
        if isinstance(default, int) or spec.kind is FieldKind.OPTIONAL_NUMBER:
            if not number.is_integer():
                return self._refuse(key, tr("Type a whole number."))
            value = int(number)
        return self._apply(key, value)

    @Slot(str, int)
    def stepValue(self, key: str, direction: int) -> None:
        """The stepper's − (direction -1) and + (direction +1) buttons: one step, stopping at
        the field's limits (never past the hard ceiling)."""
        spec = SPECS.get(key)
        if spec is None or spec.kind not in (
            FieldKind.SPEED,
            FieldKind.NUMBER,
            FieldKind.OPTIONAL_NUMBER,
        ):
            return
        current = getattr(self._settings(), key)
        if current is None:
            current = spec.minimum if direction > 0 else spec.maximum
            new = current
        elif spec.kind is FieldKind.SPEED and self._unit() == "mph":
            mph = round(current / KMH_PER_MPH + direction * spec.step, 1)
            new = typed_speed_kmh(mph, "mph", self._speed_limits(spec))  # as if typed
        else:
            new = round(current + direction * spec.step, 2)
        new = min(max(new, spec.minimum), spec.maximum)
        if isinstance(getattr(Settings(), key), int) or spec.kind is FieldKind.OPTIONAL_NUMBER:
            new = round(new)
        if spec.kind is FieldKind.SPEED:
            refusal = self._speed_refusal(spec, new)
            if refusal:
                self._refuse(key, refusal)
                return
        self._apply(key, new)

    @Slot(str, str)
    def setChoice(self, key: str, value: str) -> None:
        """Set a choice field (turning style, units, theme)."""
        enum_type = ENUMS.get(key)
        if enum_type is None:
            return
        try:
            choice = enum_type(value)
        except ValueError:
            self._refuse(key, tr("Unknown choice {value}.", value=repr(value)))
            return
        self._apply(key, choice)

    @Slot(str, bool)
    def setSwitch(self, key: str, on: bool) -> None:
        """Turn a switch field on or off."""
        spec = SPECS.get(key)
        if spec is not None and spec.kind is FieldKind.SWITCH:
            self._apply(key, on)

    @Slot(int)
    def setVolume(self, percent: int) -> None:
        """Volume in % (0-100)."""
        self._apply("volume", round(min(max(percent, 0), 100) / 100, 2))

    @Slot(str)
    def setFolder(self, path_or_url: str) -> None:
        """The traffic log folder, from a folder dialog (URL) or typed."""
        self._apply("traffic_log_dir", str(local_path(path_or_url)) if path_or_url else "")

    @Slot()
    def resetFolder(self) -> None:
        """Back to the default traffic log folder."""
        self._apply("traffic_log_dir", "")

    @Slot()
    def resetKeys(self) -> None:
        """Back to the default key bindings."""
        self._apply("key_bindings", dict(DEFAULT_KEY_BINDINGS))
        self._apply("clicker_bindings", dict(DEFAULT_CLICKER_BINDINGS))

    # -- internals ---------------------------------------------------------------------------

    def _speed_limits(self, spec: FieldSpec) -> tuple[float, ...]:
        """The km/h limits of a speed field (its range, and the cap or default it must keep
        to): what ``_speed_refusal`` checks."""
        s = self._settings()
        limits = [spec.maximum, spec.minimum]
        if spec.key == "backward_default_kmh":
            limits.insert(0, s.backward_cap_kmh)
        elif spec.key == "backward_cap_kmh":
            limits.append(s.backward_default_kmh)
        return tuple(limits)

    def _speed_text(self, kmh: float) -> str:
        if self._unit() == "mph":
            return f"{kmh / KMH_PER_MPH:.1f}"
        return f"{kmh:.1f}"

    def _speed_refusal(self, spec: FieldSpec, kmh: float) -> str:
        """A speed out of its field's range, in the user's unit, with the reason."""
        unit = "mph" if self._unit() == "mph" else "km/h"
        shown = self._speed_text(kmh)
        if kmh > spec.maximum + 1e-9:
            limit = self._speed_text(spec.maximum)
            if spec.key == "backward_cap_kmh":
                return tr(
                    "Refused: {speed} {unit} is above the hard ceiling of {limit} {unit} for "
                    "backward running.",
                    speed=shown,
                    unit=unit,
                    limit=limit,
                )
            return tr(
                "Refused: {speed} {unit} is above the maximum, {limit} {unit}.",
                speed=shown,
                unit=unit,
                limit=limit,
            )
        if kmh < spec.minimum - 1e-9:
            lowest = self._speed_text(spec.minimum)
            return tr(
                "Refused: {speed} {unit} is below the minimum, {limit} {unit}.",
                speed=shown,
                unit=unit,
                limit=lowest,
            )
        s = self._settings()
        if spec.key == "backward_default_kmh" and kmh > s.backward_cap_kmh + 1e-9:
            return tr(
                "Refused: {speed} {unit} is above your backward cap ({cap} {unit}). Raise the "
                "cap first.",
                speed=shown,
                unit=unit,
                cap=self._speed_text(s.backward_cap_kmh),
            )
        if spec.key == "backward_cap_kmh" and kmh < s.backward_default_kmh - 1e-9:
            return tr(
                "Refused: your default backward speed is {speed} {unit}. Lower it first.",
                speed=self._speed_text(s.backward_default_kmh),
                unit=unit,
            )
        return ""

    def _refuse(self, key: str, reason: str) -> bool:
        reason = speeds_in_unit(reason, self._unit())  # the settings' own checks say km/h
        if self._errors.get(key) != reason:
            self._errors = {**self._errors, key: reason}
            self.errorsChanged.emit()
        # The field shows the kept value again.
        self.valuesChanged.emit()
        return False

    def _apply(self, key: str, value: Any) -> bool:
        current = self._settings()
        try:
            new = current.with_changes(**{key: value})
        except ValueError as exc:
            reason = str(exc).split(": ", 1)[-1]
            return self._refuse(key, tr("Refused: {reason}.", reason=reason))
        if key in self._errors:
            self._errors = {k: v for k, v in self._errors.items() if k != key}
            self.errorsChanged.emit()
        if new == current:
            return True
        # The help texts name the speed unit and are in the user's language.
        sections_changed = (new.speed_unit, new.language) != (current.speed_unit, current.language)
        try:
            self._context.save_settings(new)
        except (OSError, ValueError, TreadmillError) as exc:
            _log.warning("settings not saved: %s", exc, exc_info=exc)
            self._context.notify(NoticeLevel.WARNING, tr("Settings not saved: {why}", why=exc))
            return False
        self._context.settings = new
        self.valuesChanged.emit()
        self.changed.emit()  # the language is applied here
        if sections_changed:
            self.sectionsChanged.emit()
        return True
