"""The TOML pre-scan and reader: limits hold on hostile text, and the TOML people write (strings
with brackets, dots and hashes, multi-line strings, inline tables) is not mistaken for it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from treadmill_ctl.errors import FileFormatError
from treadmill_ctl.shipped import resources_dir
from treadmill_ctl.toml_limits import (
    MAX_TOML_KEY_PARTS,
    MAX_TOML_NESTING,
    check_limits,
    load_toml,
    read_toml_file,
)

TRICKY = '''\
name = "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r [x] {y} # not a comment"
lit = 'C:\\path.with.dots\\[[[[[[[[[[[[[[[[[[[[['
ml = """
[[[[[[[[[[[[[[[[[[[[ {{{{{{{{{{{{{{{{{{{{ a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s
"quoted" ""two"" \\""" still inside
"""
mll = \'\'\'
]]]]]]]]]]]]]]]]]]]] \'\' x
\'\'\'
# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ a comment
"dotted.in.quotes.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p" = 1
nums = [1.5, 2.5e3, -0.5, [[1], [2]]]
inline = { a.b = 1, c = { d = [1, 2] }, e = "}" }

[[step]]
kind = "warmup"
[step.x."y.z"]
w = 1
'''


def test_hand_written_toml_with_tricky_strings_passes_the_limits() -> None:
    assert load_toml(TRICKY, "t.toml") == tomllib.loads(TRICKY)


def test_every_shipped_toml_file_is_within_the_limits() -> None:
    files = sorted(resources_dir().rglob("*.toml"))
    assert len(files) > 10
    for path in files:
        assert load_toml(read_toml_file(path), str(path)) == tomllib.loads(
            path.read_text(encoding="utf-8")
        )


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("a = 1\nb = " + "[" * (MAX_TOML_NESTING + 1), 2, "values nested more than 16 deep"),
        ("x = " + "{ a = " * (MAX_TOML_NESTING + 1), 1, "values nested more than 16 deep"),
        ("[" + ".".join("a" * (MAX_TOML_KEY_PARTS + 1)) + "]", 1, "more than 16 dotted parts"),
        ("x = { " + ".".join("a" * (MAX_TOML_KEY_PARTS + 1)) + " = 1 }", 1, "dotted parts"),
        ("\n\n" + "[[t]]\n" * 5_001, 5_003, "more than 5000 keys in one file"),
        ("a = 1\nx = [" + "1, " * 10_001 + "]", 2, "more than 10000 values in arrays"),
    ],
)
def test_each_limit_names_the_line(text: str, line: int, reason: str) -> None:
    with pytest.raises(FileFormatError) as info:
        check_limits(text, "t.toml")
    assert info.value.line == line
    assert reason in info.value.reason


def test_exactly_at_the_limits_is_allowed() -> None:
    deep = "x = " + "[" * MAX_TOML_NESTING + "]" * MAX_TOML_NESTING
    assert load_toml(deep, "t")["x"]
    key = ".".join("a" * MAX_TOML_KEY_PARTS) + " = 1"
    assert load_toml(key, "t")["a"]


def test_a_file_that_is_too_big_or_not_utf8_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (256 * 1024 + 1))
    with pytest.raises(FileFormatError, match="too big: 262145 bytes"):
        read_toml_file(big)
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'a = 1\nname = "caf\xe9"\n')
    with pytest.raises(FileFormatError) as info:
        read_toml_file(latin)
    assert (info.value.line, info.value.reason) == (2, "not UTF-8 text")
