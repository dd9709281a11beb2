"""Fuzz targets for what a user or a file hands the app: preset texts and the library, hostile
TOML, settings files (STOP keeps its keys) and sim profiles (``fuzz.py`` lists them).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

from hypothesis import strategies as st

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.proof.fuzz_core import (
    Check,
    ContractBroken,
    FuzzTally,
    Verdict,
    _require,
    mutate_text,
)
from treadmill_ctl.session.presets import (
    PresetLibrary,
    builtin_presets_dir,
    check_preset_text,
    preset_to_toml,
)
from treadmill_ctl.settings import (
    ALWAYS_STOP_KEYS,
    CLICKER_KEYS,
    CLICKER_SAFE_ACTION_NAMES,
    CLICKER_STOP_KEYS,
    DEFAULT_KEY_BINDINGS,
    WINDOW_POS_RANGE,
    WINDOW_SIZE_RANGE,
    Settings,
    key_identity,
    settings_from_text,
)
from treadmill_ctl.sim.profiles import SimProfile, profile_from_toml, profile_problem

_TOKENS: Final = (
    '"',
    "'",
    "[",
    "]",
    "[[step]]",
    "[[step.phase]]",
    "[step]",
    "=",
    "\n",
    "#",
    ",",
    "{",
    "}",
    '"""',
    "-1",
    "0",
    "1e309",
    "nan",
    "inf",
    "-inf",
    "99999999999999999999",
    "true",
    "1979-05-27",
    "\x00",
    "é",
    "\t",
    'kind = "backward"',
    'kind = "sideways"',
    # a phase's cues and heart-rate zone (session/phase_cues.py, session/phase_hr.py)
    'cue = [{ at_s = 10, text = "Relax" }]',
    'cue = [{ at_s = 1e9, text = "" }, 3]',
    "hr_zone_bpm = [130, 145]",
    "hr_zone_bpm = [145, 130]",
    'hr_zone_bpm = ["a", 1.5]',
    "hr_max_kmh = 30",
    "speed_kmh = 9.5",
    "speed_kmh = -3",
    "duration_s = -30",
    "duration_s = 0",
    "duration_s = 1e9",
    "repeat = 0",
    "repeat = 1000",
    "schema = 2",
    'schema = "1"',
    "incline_pct = 40",
    'turning_style = "jump"',
    "turning_walk_kmh = 3",
    "countdown_s = 1",
    "hr_cap_bpm = 400",
    "speed = 3",
    'name = ""',
    "name = 5",
    "step = 1",
    "step.phase = []",
)


def builtin_preset_texts() -> tuple[str, ...]:
    """The text of every built-in preset (the seeds the mutations start from)."""
    return tuple(
        p.read_text(encoding="utf-8") for p in sorted(builtin_presets_dir().glob("*.toml"))
    )


@st.composite
def _mutated_preset(draw: st.DrawFn, seeds: tuple[str, ...]) -> str:
    return mutate_text(draw, draw(st.sampled_from(seeds)), tokens=_TOKENS)


def _preset_text_strategy() -> st.SearchStrategy[str]:
    seeds = builtin_preset_texts()
    toml_ish = st.text(
        alphabet=st.sampled_from("abcdekinprstu_=[].\"'#0123456789-+ \n\t{},"), max_size=120
    )
    tokens = st.lists(st.sampled_from(_TOKENS), max_size=12).map(" ".join)
    return st.one_of(_mutated_preset(seeds), _mutated_preset(seeds), toml_ish, tokens)


_SOURCE: Final = "fuzz.toml"


def _check_problems(problems: Sequence[FileFormatError], text: str, source: str) -> None:
    _require(bool(problems), "rejected without a reason")
    n_lines = max(1, text.count("\n") + 1)
    for p in problems:
        _require(isinstance(p, FileFormatError), f"not a FileFormatError: {p!r}")
        _require(p.path == source, f"names {p.path!r}, not the file")
        _require(bool(p.reason), "no reason")
        if p.line is not None:
            _require(1 <= p.line <= n_lines, f"line {p.line} outside the text ({n_lines} lines)")
        elif p.reason.startswith("not valid TOML"):
            # A syntax error is always somewhere; a missing key may be nowhere.
            raise ContractBroken(f"syntax error without a line: {p.reason!r}")


def _check_preset_text(text: str) -> Verdict:
    settings_ = Settings()
    result = check_preset_text(text, source=_SOURCE, preset_id="fuzz", settings=settings_)
    if result.preset is None:
        _check_problems(result.errors, text, _SOURCE)
        return Verdict.BAD
    preset = result.preset
    plan = preset.to_plan()
    _require(bool(plan.phases), "a preset without phases")
    for phase in plan.phases:
        _require(
            math.isfinite(phase.duration_s) and phase.duration_s > 0,
            f"duration {phase.duration_s}",
        )
        speed = plan.resolved_speed(phase, settings_.backward_default_kmh)
        _require(math.isfinite(speed) and speed > 0, f"speed {speed}")
    # What the app writes back must read back as the same preset.
    again = check_preset_text(
        preset_to_toml(preset), source=_SOURCE, preset_id="fuzz", settings=settings_
    )
    _require(again.preset is not None, f"its own TOML does not load: {again.errors}")
    assert again.preset is not None
    _require(again.preset.steps == preset.steps, "steps changed in a write/read round trip")
    return Verdict.TYPED


@contextlib.contextmanager
def _library_harness(_: FuzzTally) -> Iterator[Check[str]]:
    """A user preset directory holding one mangled file next to the built-ins: the file is
    reported with its path (and line) and left as it was; every built-in still loads."""
    builtin_count = len(builtin_preset_texts())
    with tempfile.TemporaryDirectory(prefix="treadmill-ctl-fuzz-") as tmp:
        user_dir = Path(tmp)
        path = user_dir / "mangled.toml"

        def check(text: str) -> Verdict:
            raw = text.encode("utf-8", errors="surrogatepass")
            path.write_bytes(raw)
            library = PresetLibrary(Settings(), user_dir=user_dir)
            _require(path.read_bytes() == raw, "the bad file was modified")
            builtins = [p for p in library.presets if p.builtin]
            _require(len(builtins) == builtin_count, "a bad user file kept a built-in out")
            mine = [p for p in library.problems if Path(p.path) == path]
            if any(not p.builtin for p in library.presets):
                _require(not mine, f"loaded and reported: {mine}")
                return Verdict.TYPED
            _check_problems(mine, text, str(path))
            return Verdict.BAD

        yield check


# ---- hostile TOML: what crashed or stalled tomllib ------------------------------------------

# The 20 000-part key took about a minute; anything near this budget is a stall.
MAX_PARSE_S: Final = 5.0


@st.composite
def _hostile_toml(draw: st.DrawFn) -> str:
    """A TOML fragment of the shapes that broke tomllib: deep nesting, long dotted keys or
    headers, many keys, huge arrays, an oversize file; sometimes just inside the limits."""
    shape = draw(st.sampled_from(("arrays", "wide", "tables", "dotted", "header", "keys", "big")))
    if shape == "wide":
        n = draw(st.one_of(st.integers(1, 50), st.integers(9_000, 20_000)))
        return "x = [" + "1, " * n + "]"
    if shape == "arrays":
        depth = draw(st.one_of(st.integers(1, 20), st.integers(900, 3000)))
        return "x = " + "[" * depth + "]" * draw(st.sampled_from((depth, 0, depth // 2)))
    if shape == "tables":
        depth = draw(st.one_of(st.integers(1, 20), st.integers(500, 2000)))
        return "x = " + "{ a = " * depth + "1" + " }" * depth
    if shape == "dotted":
        parts = draw(st.one_of(st.integers(1, 20), st.integers(2_000, 20_000)))
        return ".".join(["k"] * parts) + " = 1"
    if shape == "header":
        parts = draw(st.one_of(st.integers(1, 20), st.integers(2_000, 20_000)))
        return "[[" + ".".join(["s"] * parts) + "]]"
    if shape == "keys":
        n = draw(st.one_of(st.integers(1, 50), st.integers(4_990, 8_000)))
        return "\n".join(f"k{i} = {i}" for i in range(n))
    n = draw(st.integers(200_000, 300_000))
    return "# " + "x" * n


@st.composite
def _preset_with_hostile_toml(draw: st.DrawFn) -> str:
    """A built-in preset with a hostile fragment put in at a line (or in a comment, where it
    is harmless text)."""
    text = draw(st.sampled_from(builtin_preset_texts()))
    lines = text.split("\n")
    fragment = draw(_hostile_toml())
    if draw(st.booleans()) and len(fragment) < 50_000:
        fragment = "# " + fragment.replace("\n", "\n# ")
    i = draw(st.integers(0, len(lines)))
    return "\n".join([*lines[:i], fragment, *lines[i:]])


def _timed[T](check: Check[T]) -> Check[T]:
    """``check`` within ``MAX_PARSE_S`` (a stall is a failure, not a slow pass)."""
    import time  # noqa: PLC0415 - only the timed targets need it

    def timed(value: T) -> Verdict:
        t0 = time.perf_counter()
        verdict = check(value)
        elapsed = time.perf_counter() - t0
        _require(elapsed <= MAX_PARSE_S, f"stall: {elapsed:.1f} s for one input")
        return verdict

    return timed


# ---- hostile settings files --------------------------------------------------------------

_ACTIONS: Final = (*DEFAULT_KEY_BINDINGS, "pause", "no_such_action")
_KEY_NAMES: Final = (
    *ALWAYS_STOP_KEYS,
    *CLICKER_KEYS,
    ".",
    "period",
    "esc",
    "ESCAPE",
    "pgdown",
    "PgUp",
    "shift+f5",
    "SPACE",
    " ",
    "F12",
    "Up",
    "Shift+Up",
    "X",
    "",
)
_SETTING_VALUES: Final = (
    "3000000000",
    "-99999999999",
    "1e309",
    "-1e309",
    "nan",
    "inf",
    "0",
    "-1",
    "5.5",
    "1e300",
    "true",
    '"text"',
    '"a\\u0000b"',
    '"\\u001b[2J"',
    "[1, 2]",
    "{ a = 1 }",
    "1979-05-27",
)
_SETTING_KEYS: Final = (
    *(f.name for f in dataclasses.fields(Settings)),
    "width",
    "height",
    "x",
    "y",
)


@st.composite
def _hostile_settings(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 8))):
        key = draw(st.sampled_from(_SETTING_KEYS))
        lines.append(f"{key} = {draw(st.sampled_from(_SETTING_VALUES))}")
    for table in draw(st.lists(st.sampled_from(("key_bindings", "clicker_bindings")), max_size=2)):
        lines.append(f"[{table}]")
        for action in draw(st.lists(st.sampled_from(_ACTIONS), max_size=6, unique=True)):
            keys = draw(st.lists(st.sampled_from(_KEY_NAMES), max_size=5))
            lines.append(f"{action} = [{', '.join(json.dumps(k) for k in keys)}]")
    if draw(st.booleans()):
        lines.append("[window]")
        for key in draw(st.lists(st.sampled_from(("width", "height", "x", "y")), max_size=4)):
            lines.append(f"{key} = {draw(st.sampled_from(_SETTING_VALUES))}")
    if draw(st.integers(0, 4)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(_hostile_toml()))
    return "\n".join(lines) + "\n"


def _check_settings_text(text: str) -> Verdict:
    loaded, problems = settings_from_text(text, _SOURCE)
    _require(not loaded.problems(), f"a value out of range was kept: {loaded.problems()}")
    w = loaded.window
    for name, (lo, hi) in (("width", WINDOW_SIZE_RANGE), ("height", WINDOW_SIZE_RANGE)):
        _require(lo <= getattr(w, name) <= hi, f"window.{name} {getattr(w, name)} kept")
    for name in ("x", "y"):
        v = getattr(w, name)
        _require(v is None or WINDOW_POS_RANGE[0] <= v <= WINDOW_POS_RANGE[1], f"window.{name}")
    _check_stop_keys(loaded)
    if problems:
        _check_problems(problems, text, _SOURCE)
        return Verdict.BAD
    return Verdict.TYPED


def _check_stop_keys(s: Settings) -> None:
    """STOP's keys, checked here independently of ``safe_key_bindings``."""
    keyboard = {a: {key_identity(k) for k in ks} for a, ks in s.key_bindings.items()}
    clicker = {a: {key_identity(k) for k in ks} for a, ks in s.clicker_bindings.items()}
    always = {key_identity(k) for k in ALWAYS_STOP_KEYS}
    clicker_stop = {key_identity(k) for k in CLICKER_STOP_KEYS}
    buttons = {key_identity(k) for k in CLICKER_KEYS}.union(*clicker.values())
    _require(always <= keyboard.get("stop", set()), "Space or Escape does not stop")
    _require(clicker_stop <= clicker.get("stop", set()), "a clicker stop button does not stop")
    for table in (keyboard, clicker):
        for action, idents in table.items():
            if action == "stop":
                continue
            _require(not idents & (always | clicker_stop), f"a STOP key is bound to {action}")
            if action not in CLICKER_SAFE_ACTION_NAMES:
                _require(not idents & buttons, f"a clicker button is bound to {action}")


# ---- sim profiles ------------------------------------------------------------------------

_PROFILE_LINES: Final = (
    'base = "cs-wp8"',
    'base = "nope"',
    "speed_max = 8.0",
    "speed_max = nan",
    "accel_kmh_s = inf",
    "start_delay_s = -inf",
    "data_interval_s = 0.001",
    "speed-min = 0.5",
    "att_payload = 99999999999999999999",
    "idle_drop_after_s = false",
    'data_fields = ["distance"]',
    'data_fields = ["nope"]',
    "unknown_key = 1",
    'speed_unit = "mph"',
)


@st.composite
def _profile_text(draw: st.DrawFn) -> str:
    lines = list(draw(st.lists(st.sampled_from(_PROFILE_LINES), max_size=6)))
    if draw(st.integers(0, 2)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(_hostile_toml()))
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def _profile_harness(_: FuzzTally) -> Iterator[Check[str]]:
    """A sim profile file: a consistent profile with finite numbers, or a located error."""
    with tempfile.TemporaryDirectory(prefix="treadmill-ctl-fuzz-") as tmp:
        path = Path(tmp) / "profile.toml"

        def check(text: str) -> Verdict:
            path.write_text(text, encoding="utf-8")
            try:
                profile = profile_from_toml(path)
            except FileFormatError as exc:
                _check_problems([exc], text, str(path))
                return Verdict.BAD
            _require(isinstance(profile, SimProfile), "not a profile")
            _require(profile_problem(profile) is None, "an inconsistent profile loaded")
            for f in dataclasses.fields(profile):
                v = getattr(profile, f.name)
                if isinstance(v, float):
                    _require(math.isfinite(v), f"{f.name} = {v} loaded")
            return Verdict.TYPED

        yield check


# ---- the catalogue -------------------------------------------------------------------------
