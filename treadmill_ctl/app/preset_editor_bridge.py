"""The preset editor's bridge: a draft preset, checked as the user types.

Two kinds of change, two signals, so the editor never loses the field being typed in:
``stepsChanged`` only when the structure changes (a phase added, removed, moved, or its kind
changed), which rebuilds the rows; ``checkChanged`` on every keystroke, which only updates the
problems shown next to the fields (``errors``) and the totals.

Problems are keyed by field: ``"name"``, ``"countdown"``, ``"turningStyle"``, ``"turningWalk"``
for the preset; ``"<step>.repeat"`` for a repeat group; ``"<step>.<phase>.<field>"`` (field
``kind``, ``name``, ``duration``, ``speed``, ``incline``) for a phase; ``"<step>.<phase>"`` for
a phase as a whole. ``generalErrors`` holds the rest.
"""

from __future__ import annotations

import logging
from typing import Any, Final

from treadmill_ctl.app.context import AppContext, NoticeLevel, Screen
from treadmill_ctl.app.formatting import duration_text, speed_text, speed_unit_label
from treadmill_ctl.app.preset_draft import (
    Draft,
    DraftCheck,
    FieldKey,
    PhaseDraft,
    StepDraft,
    check_draft,
)
from treadmill_ctl.app.preset_rows import timeline_segments
from treadmill_ctl.app.qt import Property, QmlElement, QmlUncreatable, QObject, Signal, Slot
from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.session.plan import PhaseKind
from treadmill_ctl.session.presets import PresetLibrary
from treadmill_ctl.settings import Settings
from treadmill_ctl.texts import tr

QML_IMPORT_NAME: Final = "TreadmillCtl"
QML_IMPORT_MAJOR_VERSION: Final = 1

_log = logging.getLogger(__name__)

_TOP_FIELDS: Final = ("name", "description", "countdown", "turningStyle", "turningWalk")


def field_id(key: FieldKey) -> str:
    """The string key QML uses for a field (see the module docstring)."""
    step, phase, name = key
    if step < 0:
        return name
    if phase < 0:
        return f"{step}.{name}" if name else str(step)
    return f"{step}.{phase}.{name}" if name else f"{step}.{phase}"


@QmlElement
@QmlUncreatable("The app creates its bridges")
class EditorBridge(QObject):
    """A preset being created or edited. Saving goes through the preset library (atomic,
    validated); a built-in is never changed (the editor works on a copy)."""

    stepsChanged = Signal()
    headerChanged = Signal()
    checkChanged = Signal()
    # The id of the preset just saved.
    saved = Signal(str)

    def __init__(
        self, context: AppContext, library: PresetLibrary, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._library = library
        self._draft = Draft.blank(self._unit())
        self._original = self._draft.copy()
        self._based_on = ""
        self._check: DraftCheck = self._run_check()

    def _settings(self) -> Settings:
        settings = self._context.settings
        return settings if isinstance(settings, Settings) else Settings()

    def _unit(self) -> str:
        return self._settings().speed_unit.value

    # -- opening -----------------------------------------------------------------------------

    def open(self, draft: Draft, *, based_on: str = "") -> None:
        """Start editing ``draft`` (``based_on``: the built-in it copies, for the title)."""
        self._draft = draft
        self._original = draft.copy()
        self._based_on = based_on
        self.headerChanged.emit()
        self.stepsChanged.emit()
        self._recheck()

    # -- properties: the header --------------------------------------------------------------

    @Property(str, notify=headerChanged)
    def title(self) -> str:
        """What the editor is doing, e.g. "New preset" or "Edit “Four by thirty”"."""
        if self._based_on:
            return f"New preset from “{self._based_on}”"
        if self._draft.source_id:
            return f"Edit “{self._original.name}”"
        return "New preset"

    @Property(str, notify=headerChanged)
    def note(self) -> str:
        """A line under the title (why a built-in is saved as a copy)."""
        if self._based_on:
            return "Built-in presets stay as they are: this is saved as your own preset."
        return ""

    @Property(str, notify=headerChanged)
    def name(self) -> str:
        return self._draft.name

    @Property(str, notify=headerChanged)
    def description(self) -> str:
        return self._draft.description

    @Property(str, notify=headerChanged)
    def countdown(self) -> str:
        """Turn-around countdown in s; "" = the setting's."""
        return self._draft.countdown

    @Property(str, notify=headerChanged)
    def turningStyle(self) -> str:
        """ "" (the setting's), "stop" or "walk"."""
        return self._draft.turning_style

    @Property(str, notify=headerChanged)
    def turningWalk(self) -> str:
        """Walking speed while turning (turning style "walk"), in the user's unit."""
        return self._draft.turning_walk

    @Property(str, notify=headerChanged)
    def speedUnit(self) -> str:
        """ "km/h" or "mph"."""
        return speed_unit_label(self._unit())

    @Property(str, notify=headerChanged)
    def capsText(self) -> str:
        """The caps every speed is checked against, e.g. "Backward up to 6.0 km/h, forward up
        to 12.0 km/h (Settings)"."""
        s = self._settings()
        unit = self._unit()
        label = speed_unit_label(unit)
        return (
            f"Backward up to {speed_text(s.backward_cap_kmh, unit)} {label}, forward up to "
            f"{speed_text(s.forward_cap_kmh, unit)} {label} (change the caps in Settings). "
            f"An empty backward speed means your default, "
            f"{speed_text(s.backward_default_kmh, unit)} {label}."
        )

    @Property(list, constant=True)
    def kinds(self) -> list[dict[str, str]]:
        """The phase kinds for a chooser: ``value``, ``label``, ``direction``."""
        return [
            {"value": k.value, "label": k.label, "direction": k.direction.value} for k in PhaseKind
        ]

    # -- properties: structure and check -----------------------------------------------------

    @Property(list, notify=stepsChanged)
    def steps(self) -> list[dict[str, Any]]:
        """The steps as rows: ``index``, ``isRepeat``, ``repeat`` and ``phases`` (each with
        ``index``, ``kind``, ``direction``, ``name``, ``duration``, ``speed``, ``incline``).
        Values are the texts as typed when the structure last changed."""
        rows = []
        for i, step in enumerate(self._draft.steps):
            rows.append(
                {
                    "index": i,
                    "isRepeat": step.is_repeat,
                    "repeat": step.repeat,
                    "phases": [
                        {
                            "index": j,
                            "kind": p.kind,
                            "direction": _direction_of(p.kind),
                            "name": p.name,
                            "duration": p.duration,
                            "speed": p.speed,
                            "incline": p.incline,
                        }
                        for j, p in enumerate(step.phases)
                    ],
                }
            )
        return rows

    @Property(dict, notify=checkChanged)
    def errors(self) -> dict[str, str]:
        """Problems by field key (see the module docstring); empty when the draft is valid."""
        return {field_id(k): v for k, v in self._check.field_errors.items()}

    @Property(dict, notify=checkChanged)
    def warnings(self) -> dict[str, str]:
        """Warnings by field key (e.g. a speed this treadmill will round)."""
        return {field_id(k): v for k, v in self._check.field_warnings.items()}

    @Property(list, notify=checkChanged)
    def generalErrors(self) -> list[str]:
        """Problems not tied to one field."""
        return list(self._check.general_errors)

    @Property(bool, notify=checkChanged)
    def valid(self) -> bool:
        """The draft can be saved."""
        return self._check.ok

    @Property(int, notify=checkChanged)
    def errorCount(self) -> int:
        return self._check.error_count()

    @Property(bool, notify=checkChanged)
    def dirty(self) -> bool:
        """Something changed since the editor opened."""
        return self._draft != self._original or not self._draft.source_id

    def has_unsaved_changes(self) -> bool:
        """The draft differs from what was opened (or last saved): leaving would lose it."""
        return self._draft != self._original

    @Property(str, notify=checkChanged)
    def total(self) -> str:
        """Total planned time ("–:––" while the draft has errors)."""
        preset = self._check.preset
        return duration_text(preset.total_s if preset else None)

    @Property(str, notify=checkChanged)
    def backward(self) -> str:
        """Planned backward time."""
        preset = self._check.preset
        return duration_text(preset.backward_s if preset else None)

    @Property(list, notify=checkChanged)
    def segments(self) -> list[dict[str, Any]]:
        """The timeline of the draft (empty while it has errors)."""
        preset = self._check.preset
        if preset is None:
            return []
        s = self._settings()
        return timeline_segments(preset.phases, s.backward_default_kmh, self._unit())

    # -- edits -------------------------------------------------------------------------------

    @Slot(str, str)
    def setHeader(self, field: str, value: str) -> None:
        """Set ``name``, ``description``, ``countdown``, ``turningStyle`` or ``turningWalk``."""
        if field not in _TOP_FIELDS:
            _log.warning("unknown editor field %r", field)
            return
        attr = {"turningStyle": "turning_style", "turningWalk": "turning_walk"}.get(field, field)
        if getattr(self._draft, attr) == value:
            return
        setattr(self._draft, attr, value)
        if field == "turningStyle":
            self.headerChanged.emit()
        self._recheck()

    @Slot(int, int, str, str)
    def setPhaseField(self, step: int, phase: int, field: str, value: str) -> None:
        """Set a phase's ``kind``, ``name``, ``duration``, ``speed`` or ``incline`` text."""
        target = self._phase(step, phase)
        if target is None or field not in ("kind", "name", "duration", "speed", "incline"):
            return
        if getattr(target, field) == value:
            return
        setattr(target, field, value)
        if field == "kind":
            self.stepsChanged.emit()  # the row's colour and icon change
        self._recheck()

    @Slot(int, str)
    def setRepeat(self, step: int, value: str) -> None:
        """Set how many times a repeat group runs (text as typed)."""
        if not (0 <= step < len(self._draft.steps) and self._draft.steps[step].is_repeat):
            return
        # An empty field must stay a repeat group (then checked as "type a number").
        value = value or " "
        if self._draft.steps[step].repeat != value:
            self._draft.steps[step].repeat = value
            self._recheck()

    @Slot(str)
    def addPhase(self, kind: str) -> None:
        """Append a single phase of ``kind`` with easy default values."""
        self._draft.steps.append(StepDraft([PhaseDraft.new(PhaseKind(kind), self._unit())]))
        self._structure_changed()

    @Slot()
    def addRepeat(self) -> None:
        """Append a repeat group: 2 × (30 s backward + 90 s recovery)."""
        unit = self._unit()
        self._draft.steps.append(
            StepDraft(
                [
                    PhaseDraft.new(PhaseKind.BACKWARD, unit),
                    PhaseDraft.new(PhaseKind.RECOVERY, unit),
                ],
                repeat="2",
            )
        )
        self._structure_changed()

    @Slot(int, str)
    def addPhaseToGroup(self, step: int, kind: str) -> None:
        """Add a phase to a repeat group."""
        if 0 <= step < len(self._draft.steps) and self._draft.steps[step].is_repeat:
            self._draft.steps[step].phases.append(PhaseDraft.new(PhaseKind(kind), self._unit()))
            self._structure_changed()

    @Slot(int, int)
    def removePhase(self, step: int, phase: int) -> None:
        """Remove a phase (and its step when it was the last phase of it)."""
        if self._phase(step, phase) is None:
            return
        phases = self._draft.steps[step].phases
        del phases[phase]
        if not phases:
            del self._draft.steps[step]
        self._structure_changed()

    @Slot(int, int)
    def moveStep(self, step: int, delta: int) -> None:
        """Move a step up (-1) or down (+1)."""
        steps = self._draft.steps
        to = step + delta
        if 0 <= step < len(steps) and 0 <= to < len(steps):
            steps[step], steps[to] = steps[to], steps[step]
            self._structure_changed()

    @Slot(result=bool)
    def save(self) -> bool:
        """Save (atomically, through the preset library) and go back to the presets. Refused,
        with the reasons shown, while the draft has problems."""
        self._recheck()
        preset = self._check.preset
        if preset is None or not self._check.ok:
            self._context.notify(
                NoticeLevel.WARNING,
                tr(
                    "Not saved: {count} problem(s) to fix first.",
                    count=self._check.error_count(),
                ),
            )
            return False
        try:
            saved = self._library.save(preset)
        except (FileFormatError, OSError) as exc:
            self._context.notify(NoticeLevel.WARNING, tr("Not saved: {why}", why=exc))
            return False
        self._original = self._draft.copy()
        self._draft.source_id = saved.id
        self._original.source_id = saved.id
        self._context.notify(NoticeLevel.INFO, tr("Saved “{name}”.", name=saved.name))
        self.saved.emit(saved.id)
        self._context.switch_screen(Screen.PRESETS)
        return True

    @Slot()
    def cancel(self) -> None:
        """Leave without saving."""
        self._context.switch_screen(Screen.PRESETS)

    # -- internals ---------------------------------------------------------------------------

    def _phase(self, step: int, phase: int) -> PhaseDraft | None:
        if 0 <= step < len(self._draft.steps):
            phases = self._draft.steps[step].phases
            if 0 <= phase < len(phases):
                return phases[phase]
        return None

    def _structure_changed(self) -> None:
        self.stepsChanged.emit()
        self._recheck()

    def _run_check(self) -> DraftCheck:
        link = self._context.link
        caps = link.capabilities if link is not None else None
        return check_draft(self._draft, settings=self._settings(), capabilities=caps)

    def _recheck(self) -> None:
        self._check = self._run_check()
        self.checkChanged.emit()


def _direction_of(kind: str) -> str:
    try:
        return PhaseKind(kind).direction.value
    except ValueError:
        return "forward"
