"""Every parser that reads a machine's bytes or a user's preset survives fuzzing (the CI-sized
run of benchmarks/fuzz.py; contracts in treadmill_ctl/proof/fuzz.py): no exception escapes,
a bad packet is reported (counted and logged by the strap), a bad preset names its file and
line, and the real link stays connected and in control through a stream of garbage. Hostile
TOML (deep nesting, huge keys, oversize files) in presets, settings and sim profiles is a
located error within the time budget, and no settings file takes STOP off its keys. A hostile
value in any column of a history row is one session shown as damaged (id and column named) in
``history list/show/weeks/export`` and the History screen's presenter; the rest still listed."""

from __future__ import annotations

import pytest

from treadmill_ctl.proof.fuzz import FUZZ_TARGETS, FuzzTally, run_target, target_named

# Inputs per target: the slow paths (a link over the virtual treadmill, a preset library on
# disk) get fewer.
EXAMPLES = {
    "link.notifications": 120,
    "history.rows": 40,
    "presets.library": 40,
    "presets.text": 250,
    "presets.hostile_toml": 60,
    "settings.hostile": 150,
    "sim.profile_toml": 100,
    "workouts.zwo": 300,
    "workouts.fit": 200,
}
DEFAULT_EXAMPLES = 300
# Targets whose inputs must reach both a typed value and a reported bad one (a fuzzer that
# never reaches one of them would prove nothing about it).
ONE_SIDED = {"ftms.treadmill_data.split_records"}  # valid by construction: always decoded


PRESET_TARGETS = (
    "presets.text",
    "presets.library",
    "presets.hostile_toml",
    "workouts.zwo",
    "workouts.fit",
)


def test_workout_importers_are_fuzzed() -> None:
    names = {t.name for t in FUZZ_TARGETS}
    assert {"workouts.zwo", "workouts.fit"} <= names


def test_hostile_toml_and_settings_are_fuzzed() -> None:
    names = {t.name for t in FUZZ_TARGETS}
    assert {"presets.hostile_toml", "settings.hostile", "sim.profile_toml"} <= names


def test_damaged_history_rows_are_fuzzed() -> None:
    assert "history.rows" in {t.name for t in FUZZ_TARGETS}


def _run(name: str) -> FuzzTally:
    return run_target(target_named(name), EXAMPLES.get(name, DEFAULT_EXAMPLES), rng_seed=6)


@pytest.mark.parametrize("name", [t.name for t in FUZZ_TARGETS])
def test_parser_keeps_its_contract_on_generated_input(name: str) -> None:
    tally = _run(name)
    assert tally.failures == 0, "\n".join(tally.examples)
    assert tally.inputs >= EXAMPLES.get(name, DEFAULT_EXAMPLES) * 0.9
    assert tally.typed > 0
    if name not in ONE_SIDED:
        assert tally.bad > 0


@pytest.mark.parametrize("name", PRESET_TARGETS)
def test_every_bad_preset_names_its_line(name: str) -> None:
    tally = _run(name)
    assert tally.failures == 0, "\n".join(tally.examples)


def test_split_records_are_exercised_through_the_assembler() -> None:
    tally = run_target(target_named("ftms.treadmill_data.stream"), 300, rng_seed=7)
    assert tally.failures == 0, "\n".join(tally.examples)
    assert tally.held > 0  # streams that end inside a split record
