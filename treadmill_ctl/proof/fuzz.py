"""Property-based fuzzing of every parser that reads what a machine or a user hands the app.

Each ``FuzzTarget`` pairs a hypothesis strategy (random bytes, bytes shaped like the real
thing, and bytes that are *almost* right) with a check that states the contract:

- a decoder never raises: it returns a typed value or a ``BadPacket`` with a reason, and the
  typed value agrees with the spec (an independent field table below, from ftms.md);
- through the real link (pyftms + the seam + bleak over the virtual treadmill), a notification
  never breaks the link: nothing is logged as an exception, the link stays connected, and a
  packet the codec calls bad reaches the listeners as a ``BadPacket``;
- the heart-rate strap counts and logs each bad packet;
- a preset text, however mangled, is either a valid preset (that survives a write/read round
  trip) or a list of ``FileFormatError`` naming the file, and the line wherever the text has
  one; a bad file in the library is left byte for byte as it was and the built-ins still load;
- hostile TOML (arrays nested a thousand deep, dotted keys of twenty thousand parts, thousands
  of keys, files over the size limit) in a preset, a settings file or a sim profile is a located
  error within ``MAX_PARSE_S``: no RecursionError, no minute-long stall;
- a hostile settings file (values out of every range, NaN, control characters, key bindings
  that take STOP's keys away or give a clicker button a speed-up) gives settings whose every
  value is in range and whose bindings keep STOP on Space, Escape and the clicker's stop
  buttons, with no clicker button able to start, resume or speed up;
- a history row with a hostile value in any column (``fuzz_history.py``) never breaks
  ``history list/show/weeks/export`` or the History screen's presenter: the session is read,
  or shown as damaged naming its id and the column, and the others are listed as before.

``run_target`` runs one target for a number of generated inputs and returns a ``FuzzTally``
(inputs, typed, bad, failures and the first failing inputs). ``benchmarks/fuzz.py`` runs all of
them for >= 100 000 inputs; ``tests/proof/test_fuzz_parsers.py`` runs a few hundred each.

The harness is ``fuzz_core.py``; the targets live in ``fuzz_packets.py`` (what a machine sends),
``fuzz_live.py`` (the same through the real link and the strap's callback), ``fuzz_files.py``
(what a user or a file hands the app) and ``fuzz_workouts.py``; this module lists them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, Final

from hypothesis import strategies as st

from treadmill_ctl.ftms import codec
from treadmill_ctl.proof.fuzz_core import (
    Check,
    ContractBroken,
    FuzzTally,
    FuzzTarget,
    Verdict,
    _pure,
    run_target,
)
from treadmill_ctl.proof.fuzz_files import (
    _check_preset_text,
    _check_settings_text,
    _hostile_settings,
    _library_harness,
    _preset_text_strategy,
    _preset_with_hostile_toml,
    _profile_harness,
    _profile_text,
    _timed,
)
from treadmill_ctl.proof.fuzz_history import history_rows_harness, row_damage_strategy
from treadmill_ctl.proof.fuzz_live import _link_harness, _link_notification_strategy, _strap_harness
from treadmill_ctl.proof.fuzz_packets import (
    _check_body_location,
    _check_features,
    _check_hr,
    _check_indication,
    _check_machine_status,
    _check_packet_stream,
    _check_service_data,
    _check_split_record,
    _check_training_status,
    _check_treadmill_packet,
    _packets,
    _range_check,
    _shaped_data_packet,
    _shaped_hr,
    _shaped_indication,
    _shaped_range,
    _shaped_status,
    _split_records,
)

__all__ = [
    "FUZZ_TARGETS",
    "ContractBroken",
    "FuzzTally",
    "FuzzTarget",
    "Verdict",
    "run_target",
    "target_named",
]


def _targets() -> tuple[FuzzTarget[Any], ...]:
    from treadmill_ctl.proof import fuzz_workouts as wk  # noqa: PLC0415 - it imports this module

    return (
        FuzzTarget(
            "workouts.zwo",
            "ZWO workout files: mutated exports of the built-ins, XML-ish noise, entities",
            wk.zwo_strategy(),
            _pure(_timed(wk.check_zwo)),
            share=0.1,
        ),
        FuzzTarget(
            "workouts.fit",
            "FIT workout files: mutated exports (CRC repaired or not), random encoded steps",
            wk.fit_strategy(),
            _pure(_timed(wk.check_fit)),
            share=0.1,
        ),
        FuzzTarget(
            "ftms.treadmill_data",
            "Treadmill Data packets (2ACD): random, shaped by their flags, almost right",
            _packets(_shaped_data_packet(), 40),
            _pure(_check_treadmill_packet),
            share=2.0,
        ),
        FuzzTarget(
            "ftms.treadmill_data.stream",
            "Treadmill Data packet streams through the record assembler (split records)",
            st.lists(_packets(_shaped_data_packet(), 30), min_size=1, max_size=6),
            _pure(_check_packet_stream),
        ),
        FuzzTarget(
            "ftms.treadmill_data.split_records",
            "Records encoded by the spec in 1-3 packets: decoded exactly (round trip)",
            _split_records(),
            _pure(_check_split_record),
        ),
        FuzzTarget(
            "ftms.machine_status",
            "Fitness Machine Status (2ADA)",
            _packets(_shaped_status(), 8),
            _pure(_check_machine_status),
        ),
        FuzzTarget(
            "ftms.training_status",
            "Training Status (2AD3)",
            _packets(st.binary(min_size=2, max_size=12), 12),
            _pure(_check_training_status),
            share=0.5,
        ),
        FuzzTarget(
            "ftms.control_point",
            "Control-point response indications (2AD9)",
            _packets(_shaped_indication(), 8),
            _pure(_check_indication),
        ),
        FuzzTarget(
            "ftms.feature",
            "Fitness Machine Feature (2ACC)",
            _packets(st.binary(min_size=8, max_size=8), 12),
            _pure(_check_features),
            share=0.5,
        ),
        FuzzTarget(
            "ftms.speed_range",
            "Supported Speed Range (2AD4)",
            _packets(_shaped_range(), 10),
            _pure(_range_check(codec.decode_speed_range, signed=False, scale=0.01)),
            share=0.5,
        ),
        FuzzTarget(
            "ftms.incline_range",
            "Supported Inclination Range (2AD5)",
            _packets(_shaped_range(), 10),
            _pure(_range_check(codec.decode_incline_range, signed=True, scale=0.1)),
            share=0.5,
        ),
        FuzzTarget(
            "ftms.advert_service_data",
            "FTMS advertising service data (0x1826)",
            _packets(st.binary(min_size=3, max_size=3), 6),
            _pure(_check_service_data),
            share=0.5,
        ),
        FuzzTarget(
            "hr.measurement",
            "Heart Rate Measurement (2A37)",
            _packets(_shaped_hr(), 16),
            _pure(_check_hr),
        ),
        FuzzTarget(
            "hr.body_location",
            "Body Sensor Location (2A38)",
            st.binary(max_size=3),
            _pure(_check_body_location),
            share=0.1,
        ),
        FuzzTarget(
            "hr.strap_callback",
            "The strap's notification callback: bad packets counted and logged",
            _packets(_shaped_hr(), 16),
            _strap_harness,
            share=0.3,
        ),
        FuzzTarget(
            "presets.text",
            "Preset TOML: mutated built-ins, random TOML-ish text and token soup",
            _preset_text_strategy(),
            _pure(_check_preset_text),
            share=0.5,
        ),
        FuzzTarget(
            "presets.library",
            "A mangled user preset file in the library next to the built-ins",
            _preset_text_strategy(),
            _library_harness,
            share=0.02,
        ),
        FuzzTarget(
            "presets.hostile_toml",
            "Built-in presets with deep nesting, huge dotted keys, thousands of keys, 300 KB",
            _preset_with_hostile_toml(),
            _pure(_timed(_check_preset_text)),
            share=0.05,
        ),
        FuzzTarget(
            "settings.hostile",
            "Settings files: values out of range, NaN, control characters, unsafe key bindings",
            _hostile_settings(),
            _pure(_timed(_check_settings_text)),
            share=0.3,
        ),
        FuzzTarget(
            "sim.profile_toml",
            "Sim profile files: NaN and infinities, unknown keys, hostile TOML",
            _profile_text(),
            lambda tally: _timed_harness(_profile_harness(tally)),
            share=0.1,
        ),
        FuzzTarget(
            "history.rows",
            "History rows with a hostile value in one column: list, show, weeks, export, screen",
            row_damage_strategy(),
            history_rows_harness,
            share=0.02,
        ),
        FuzzTarget(
            "link.notifications",
            "Notifications through bleak + pyftms + the seam to the link's listeners",
            _link_notification_strategy(),
            _link_harness,
            share=0.05,
        ),
    )


@contextlib.contextmanager
def _timed_harness[T](harness: contextlib.AbstractContextManager[Check[T]]) -> Iterator[Check[T]]:
    with harness as check:
        yield _timed(check)


FUZZ_TARGETS: Final[tuple[FuzzTarget[Any], ...]] = _targets()


def target_named(name: str) -> FuzzTarget[Any]:
    """The target called ``name`` (KeyError if there is none)."""
    for target in FUZZ_TARGETS:
        if target.name == name:
            return target
    raise KeyError(name)
