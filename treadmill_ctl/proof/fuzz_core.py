"""The fuzzing harness: a target (a strategy and its contract), its tally, the runner.

The targets themselves: ``fuzz_packets.py`` (what a machine sends), ``fuzz_live.py`` (the same
through the real link and the strap's callback), ``fuzz_files.py`` (what a user or a file hands
the app), ``fuzz_workouts.py`` (ZWO and FIT workouts); all of them are listed in ``fuzz.py``.
"""

from __future__ import annotations

import contextlib
import enum
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Final

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st


class Verdict(enum.StrEnum):
    """What one input turned into."""

    TYPED = "typed"  # decoded into a typed value (or a valid preset)
    BAD = "bad"  # reported: BadPacket / located FileFormatError
    HELD = "held"  # the first packet of a split record: kept for the next one


class ContractBroken(AssertionError):
    """A check found a broken contract (not an exception escaping the code under test)."""


@dataclass
class FuzzTally:
    """What running one target did."""

    target: str
    inputs: int = 0
    typed: int = 0
    bad: int = 0
    held: int = 0
    failures: int = 0
    examples: list[str] = field(default_factory=list)  # the first failing inputs
    kinds: Counter[str] = field(default_factory=Counter)  # failures by what broke

    MAX_EXAMPLES: ClassVar[int] = 5

    def count(self, verdict: Verdict) -> None:
        self.inputs += 1
        match verdict:
            case Verdict.TYPED:
                self.typed += 1
            case Verdict.BAD:
                self.bad += 1
            case Verdict.HELD:
                self.held += 1

    def fail(self, value: object, problem: str) -> None:
        self.inputs += 1
        self.failures += 1
        self.kinds[problem.split(":", 1)[0]] += 1
        if len(self.examples) < self.MAX_EXAMPLES:
            self.examples.append(f"{_show(value)} -> {problem}")


type Check[T] = Callable[[T], Verdict]
type Harness[T] = Callable[[FuzzTally], contextlib.AbstractContextManager[Check[T]]]


@dataclass(frozen=True)
class FuzzTarget[T]:
    """One parser (or parser path) under fuzzing. ``harness`` sets up what the check needs (an
    event loop and a link, a temporary directory) and yields the check; ``share`` is its part
    of the benchmark's total number of inputs."""

    name: str
    what: str
    strategy: st.SearchStrategy[T]
    harness: Harness[T]
    share: float = 1.0


def _pure[T](check: Check[T]) -> Harness[T]:
    def harness(_: FuzzTally) -> contextlib.AbstractContextManager[Check[T]]:
        return contextlib.nullcontext(check)

    return harness


def _show(value: object) -> str:
    if isinstance(value, bytes | bytearray):
        return bytes(value).hex(" ") or "(empty)"
    if isinstance(value, tuple):
        return "(" + ", ".join(_show(v) for v in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    text = repr(value)
    return text if len(text) <= 300 else text[:300] + "..."


def run_target[T](target: FuzzTarget[T], examples: int, *, rng_seed: int = 0) -> FuzzTally:
    """Run ``target`` on ``examples`` generated inputs (hypothesis, no example database, no
    shrinking: every failing input is counted, the first few kept)."""
    tally = FuzzTally(target.name)
    with target.harness(tally) as check:

        @seed(rng_seed)
        @settings(
            max_examples=examples,
            database=None,
            deadline=None,
            derandomize=False,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(target.strategy)
        def body(value: T) -> None:
            try:
                verdict = check(value)
            except ContractBroken as exc:
                tally.fail(value, str(exc))
            except Exception as exc:  # noqa: BLE001 - the point: nothing may escape
                tally.fail(value, f"exception escaped: {type(exc).__name__}: {exc}")
            else:
                tally.count(verdict)

        body()
    return tally


def _require(condition: bool, problem: str) -> None:
    if not condition:
        raise ContractBroken(problem)


# ---- byte strategies ---------------------------------------------------------------------

_u8 = st.integers(0, 0xFF)
_u16 = st.integers(0, 0xFFFF)


NUMBER_EDITS: Final = ("0", "-", "9", "99", ".", "e5", "_", "-0.5")


def mutate_text(
    draw: st.DrawFn,
    text: str,
    *,
    tokens: Sequence[str],
    ops: tuple[str, ...] = ("delete", "insert", "number", "swap", "dup", "drop"),
    max_cut: int = 12,
    numbers: tuple[str, ...] = NUMBER_EDITS,
) -> str:
    """``text`` (a file that was valid) *almost* right: one to four edits among ``ops`` (cut up
    to ``max_cut`` characters, insert one of ``tokens``, change a digit to one of ``numbers``,
    swap, duplicate or drop a line). The preset and workout fuzzers start from their built-ins."""
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(ops))
        lines = text.split("\n")
        if how == "delete" and text:
            i = draw(st.integers(0, len(text) - 1))
            text = text[:i] + text[i + draw(st.integers(1, max_cut)) :]
        elif how == "insert":
            i = draw(st.integers(0, len(text)))
            token = draw(st.one_of(st.sampled_from(tokens), st.text(max_size=3)))
            text = text[:i] + token + text[i:]
        elif how == "number":
            digits = [i for i, ch in enumerate(text) if ch.isdigit()]
            if digits:
                i = draw(st.sampled_from(digits))
                text = text[:i] + draw(st.sampled_from(numbers)) + text[i + 1 :]
        elif how == "swap" and len(lines) > 1:
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif how == "dup" and lines:
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif how == "drop" and lines:
            del lines[draw(st.integers(0, len(lines) - 1))]
            text = "\n".join(lines)
    return text
