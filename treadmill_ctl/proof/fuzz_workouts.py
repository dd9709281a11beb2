"""Fuzzing the workout importers (ZWO and FIT workout files; contracts as for presets):
every input is either a valid preset, within every cap, that saves and loads as itself, or
errors that name the file (and for ZWO a line inside it) with a reason. Nothing escapes.

The targets are registered in ``proof.fuzz`` (``FUZZ_TARGETS``); this module imports nothing
of it at load time, so either can be imported first.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from garmin_fit_sdk import Encoder, Profile
from garmin_fit_sdk.crc_calculator import CrcCalculator
from hypothesis import strategies as st

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.proof.fuzz_core import NUMBER_EDITS, mutate_text
from treadmill_ctl.session.presets import PresetLibrary, check_preset_text, preset_to_toml
from treadmill_ctl.settings import Settings
from treadmill_ctl.units import Direction
from treadmill_ctl.workouts.draft import WorkoutImport
from treadmill_ctl.workouts.importing import WorkoutFormat, read_workout_data, workout_bytes

if TYPE_CHECKING:
    from treadmill_ctl.proof.fuzz_core import Verdict

ZWO_SOURCE: Final = "fuzz.zwo"
FIT_SOURCE: Final = "fuzz.fit"
_CREATED: Final = datetime(2026, 12, 3, tzinfo=UTC)
_MESG: Final[dict[str, int]] = Profile["mesg_num"]

_ZWO_TOKENS: Final = (
    "<",
    ">",
    '"',
    "/>",
    "</workout>",
    '<SteadyState Duration="60" Power="0.7"/>',
    '<IntervalsT Repeat="200" OnDuration="1" OffDuration="1" OnPower="1" OffPower="1"/>',
    '<Ramp Duration="6000" PowerLow="0.1" PowerHigh="1.5"/>',
    '<FreeRide Duration="30"/>',
    '<MaxEffort Duration="5"/>',
    '<!DOCTYPE x [<!ENTITY a "b">]>',
    '<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">',
    "&a;",
    "&amp;",
    "&#0;",
    'Power="1e308"',
    'Power="-1"',
    'Power="nan"',
    'Duration="0"',
    'Duration="99999999"',
    'Repeat="999999"',
    'treadmillKind="backward"',
    'treadmillKind="sideways"',
    'treadmillIncline="99"',
    'treadmillName="\u202e\u0007x"',
    '<textevent timeoffset="5" message="hi"/>',
    '<textevent timeoffset="-5" message=""/>',
    "<![CDATA[x]]>",
    "<?pi x?>",
    "<!-- c -->",
    "\x00",
    "\ud7ff\ufffe",
    "<sportType>bike</sportType>",
)

_FIT_WORDS: Final = {
    "duration_type": ("time", "distance", "open", "repeat_until_steps_cmplt", "calories"),
    "target_type": ("speed", "open", "heart_rate", "cadence", "power"),
    "intensity": ("active", "rest", "warmup", "cooldown", "recovery", "interval", "other"),
}


def _builtin_library() -> PresetLibrary:
    return PresetLibrary(Settings(), user_dir=Path("/nonexistent-fuzz-user-presets"))


def workout_seeds(fmt: WorkoutFormat) -> tuple[bytes, ...]:
    """Every built-in preset written as ``fmt`` (the files the mutations start from)."""
    settings = Settings()
    return tuple(
        workout_bytes(p, fmt, settings, created=_CREATED) for p in _builtin_library().presets
    )


@st.composite
def _mutated_zwo(draw: st.DrawFn, seeds: tuple[bytes, ...]) -> bytes:
    text = mutate_text(
        draw,
        draw(st.sampled_from(seeds)).decode("utf-8"),
        tokens=_ZWO_TOKENS,
        ops=("delete", "insert", "number", "dup", "drop"),
        max_cut=20,
        numbers=(*NUMBER_EDITS, "1e400"),
    )
    return text.encode("utf-8", "surrogatepass")


def zwo_strategy() -> st.SearchStrategy[bytes]:
    """Mutated exports of the built-ins, XML-ish noise, and raw bytes."""
    seeds = workout_seeds(WorkoutFormat.ZWO)
    xml_ish = st.text(alphabet=st.sampled_from('<>/="&;! ?abcdeknorstw01.-\n'), max_size=160)
    return st.one_of(
        _mutated_zwo(seeds),
        _mutated_zwo(seeds),
        _mutated_zwo(seeds),
        xml_ish.map(lambda t: t.encode()),
        st.binary(max_size=64),
    )


def _with_crc(data: bytes) -> bytes:
    """``data`` with its trailing file CRC made right again (so the decoder reads further)."""
    if len(data) < 16:
        return data
    body = data[:-2]
    crc = CrcCalculator.calculate_crc(body, 0, len(body))
    return body + crc.to_bytes(2, "little")


@st.composite
def _mutated_fit(draw: st.DrawFn, seeds: tuple[bytes, ...]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(("flip", "delete", "insert", "truncate")))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if how == "flip":
            data[i] = draw(st.integers(0, 255))
        elif how == "delete":
            del data[i : i + draw(st.integers(1, 8))]
        elif how == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[i:]
    out = bytes(data)
    return _with_crc(out) if draw(st.booleans()) else out


@st.composite
def _encoded_fit(draw: st.DrawFn) -> bytes:
    """A well-formed FIT workout of random steps (valid CRC: the mapping is what is tested)."""
    n = draw(st.integers(0, 8))
    steps: list[dict[str, Any]] = []
    for i in range(n):
        step: dict[str, Any] = {"mesg_num": _MESG["WORKOUT_STEP"], "message_index": i}
        if draw(st.booleans()):  # a plausible step: reaches the checks and the caps
            mm = draw(st.integers(100, 4000))
            step |= {
                "duration_type": "time",
                "duration_value": draw(st.integers(0, 1_800_000)),
                "target_type": "speed",
                "target_value": 0,
                "custom_target_value_low": mm,
                "custom_target_value_high": mm + draw(st.sampled_from((0, 0, 300))),
                "intensity": draw(st.sampled_from(_FIT_WORDS["intensity"])),
            }
            if draw(st.booleans()):
                step["notes"] = "direction: backward"
            steps.append(step)
            continue
        for key, words in _FIT_WORDS.items():
            if draw(st.booleans()) or key == "duration_type":
                step[key] = draw(st.sampled_from(words))
        for key in (
            "duration_value",
            "target_value",
            "custom_target_value_low",
            "custom_target_value_high",
        ):
            if draw(st.booleans()):
                step[key] = draw(st.one_of(st.integers(0, 20), st.integers(0, 2**32 - 2)))
        if draw(st.booleans()):
            step["notes"] = draw(st.sampled_from(("direction: backward", "incline: 4 %", "x")))
        if draw(st.booleans()):
            step["wkt_step_name"] = draw(st.text(max_size=12))
        steps.append(step)
    enc = Encoder()
    file_type = draw(st.sampled_from(("workout", "workout", "activity")))
    try:
        enc.write_mesg(
            {
                "mesg_num": _MESG["FILE_ID"],
                "type": file_type,
                "manufacturer": "development",
                "product": 0,
                "serial_number": 1,
                "time_created": _CREATED,
            }
        )
        enc.write_mesg({"mesg_num": _MESG["WORKOUT"], "wkt_name": "fuzz", "sport": "running"})
        for step in steps:
            enc.write_mesg(step)
        return bytes(enc.close())
    except Exception:  # noqa: BLE001 - a step the SDK will not encode: use a plain seed
        return workout_seeds(WorkoutFormat.FIT)[0]


def fit_strategy() -> st.SearchStrategy[bytes]:
    """Mutated exports of the built-ins (half with a repaired CRC), random steps encoded by
    the SDK, and raw bytes."""
    seeds = workout_seeds(WorkoutFormat.FIT)
    return st.one_of(_mutated_fit(seeds), _encoded_fit(), _encoded_fit(), st.binary(max_size=64))


def _check_result(result: WorkoutImport, data: bytes, source: str, *, lines: bool) -> Verdict:
    from treadmill_ctl.proof.fuzz_core import ContractBroken, Verdict  # noqa: PLC0415 - see top

    def require(condition: bool, problem: str) -> None:
        if not condition:
            raise ContractBroken(problem)

    settings = Settings()
    if result.preset is None:
        require(bool(result.errors), "refused without a reason")
        n_lines = data.count(b"\n") + 1
        for p in result.errors:
            require(isinstance(p, FileFormatError), f"not a FileFormatError: {p!r}")
            require(p.path == source, f"names {p.path!r}, not the file")
            require(bool(p.reason), "no reason")
            if p.line is not None:
                require(lines, "a line in a binary file")
                require(1 <= p.line <= n_lines, f"line {p.line} outside the file ({n_lines})")
        return Verdict.BAD
    preset = result.preset
    require(not result.errors, "a preset and errors at once")
    require(bool(preset.phases), "a preset without phases")
    for phase in preset.phases:
        require(
            math.isfinite(phase.duration_s) and phase.duration_s > 0,
            f"duration {phase.duration_s}",
        )
        speed = phase.speed_kmh
        require(speed is not None and math.isfinite(speed) and speed > 0, f"speed {speed}")
        assert speed is not None
        cap = (
            settings.backward_cap_kmh
            if phase.direction is Direction.BACKWARD
            else settings.forward_cap_kmh
        )
        require(speed <= cap, f"{phase.direction} speed {speed} above the cap {cap}")
    # What the library saves must load as the same preset.
    again = check_preset_text(
        preset_to_toml(preset), source=source, preset_id="fuzz", settings=settings
    )
    require(again.preset is not None, f"its own TOML does not load: {again.errors}")
    assert again.preset is not None
    require(again.preset.steps == preset.steps, "steps changed in a save/load round trip")
    return Verdict.TYPED


def check_zwo(data: bytes) -> Verdict:
    """The ZWO importer's contract on one input."""
    result = read_workout_data(data, WorkoutFormat.ZWO, ZWO_SOURCE, settings=Settings())
    return _check_result(result, data, ZWO_SOURCE, lines=True)


def check_fit(data: bytes) -> Verdict:
    """The FIT workout importer's contract on one input."""
    result = read_workout_data(data, WorkoutFormat.FIT, FIT_SOURCE, settings=Settings())
    return _check_result(result, data, FIT_SOURCE, lines=False)
