"""Class 2: control characters in data are rejected by validate, refused by every other command,
and escaped wherever text is printed; JSON output is ASCII."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from migcli.render.common import safe

from ..conftest import write_country
from .helpers import assert_one_line_error, cli, edit

# TOML escapes, as a hostile file would write them: ESC + "[31m" (an SGR sequence), CSI (C1),
# RIGHT-TO-LEFT OVERRIDE (bidi) and BEL.
CONTROLS = {"esc": "\\u001b[31m", "csi": "\\u009b", "rlo": "\\u202e", "bel": "\\u0007"}
CODES = {"esc": "U+001B", "csi": "U+009B", "rlo": "U+202E", "bel": "U+0007"}


def _in_description(folder: Path, bad: str) -> Path:
    path = write_country(folder, "alpha")
    return edit(path, 'description = "Runs migration', f'description = "Runs {bad} migration')


def _in_name(folder: Path, bad: str) -> Path:
    return write_country(folder, "alpha", name=f'"Alpha{bad}"')


def _in_local_name(folder: Path, bad: str) -> Path:
    return write_country(folder, "alpha", local_name=f'"Tierra{bad}"')


def _in_alias(folder: Path, bad: str) -> Path:
    return write_country(folder, "alpha", aliases=f'["Al{bad}"]')


def _in_source_title(folder: Path, bad: str) -> Path:
    return edit(write_country(folder, "alpha"), 'title = "A test', f'title = "A{bad} test')


def _in_source_url(folder: Path, bad: str) -> Path:
    path = write_country(folder, "alpha")
    return edit(path, 'url = "https://example.org/src"', f'url = "https://example.org/{bad}"')


def _in_tag(folder: Path, bad: str) -> Path:
    return edit(
        write_country(folder, "alpha"), 'acronym = "MO"', f'acronym = "MO"\ntags = ["t{bad}"]'
    )


Place = Callable[[Path, str], Path]
CASES: list[tuple[str, Place, str]] = [
    *[("institutions[0].description", _in_description, kind) for kind in CONTROLS],
    ("name", _in_name, "esc"),
    ("local_name", _in_local_name, "esc"),
    ("aliases[0]", _in_alias, "rlo"),
    ("sources[0].title", _in_source_title, "csi"),
    ("sources[0].url", _in_source_url, "esc"),
    ("sources[0].url", _in_source_url, "csi"),
    ("institutions[0].tags[0]", _in_tag, "bel"),
]
REFUSING = [
    ["show", "beta"],
    ["show", "beta", "--json"],
    ["list"],
    ["search", "office"],
    ["compare", "alpha", "beta"],
    ["timeline"],
    ["sources"],
    ["stats"],
    ["export", "--format", "csv"],
]


@pytest.mark.parametrize(("field", "place", "kind"), CASES, ids=[f"{f}-{k}" for f, _, k in CASES])
def test_control_characters_are_rejected(
    tmp_path: Path, field: str, place: Place, kind: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    place(folder, CONTROLS[kind])
    write_country(folder, "beta")

    result = cli(folder, "validate")
    assert result.exit_code == 1, result.stdout
    problems = [line for line in result.stdout.splitlines() if "alpha.toml" in line]
    assert len(problems) == 1, result.stdout
    assert f"{field}: control character {CODES[kind]}" in problems[0]
    assert result.stdout.splitlines()[-1] == "1 problem in 2 files checked"

    for args in REFUSING:
        refused = cli(folder, *args)
        assert refused.exit_code == 1, (args, refused.stdout)
        assert refused.stdout == ""
        assert_one_line_error(refused.stderr, "alpha.toml", field, "control character")


def test_rendering_escapes_control_characters() -> None:
    assert safe("a\x1bb").plain == "a\\u001bb"
    assert safe("\x9b2J").plain == "\\u009b2J"
    assert safe("abc\u202edef").plain == "abc\\u202edef"
    assert safe("bell\x07").plain == "bell\\u0007"
    assert safe("tab\tand\nnewline").plain == "tab\tand\nnewline"  # layout characters stay
    assert safe(None).plain == ""


LOCAL = "Tierra Peña ☀"
TEXT = "Oficina de Migración ✓ 😀 עברית \u2028 line"  # non-ASCII, none of it a control


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["show", "alpha", "--json"], [LOCAL, TEXT]),
        (["list", "--json"], [LOCAL]),
        (["search", "oficina", "--json"], [TEXT]),
        (["sources", "--json"], [TEXT]),
        (["export", "--format", "json"], [LOCAL, TEXT]),
        (["export", "--format", "jsonl"], [TEXT]),
    ],
    ids=lambda a: "-".join(a) if isinstance(a[0], str) and a[0].islower() else "",
)
def test_json_output_is_ascii(tmp_path: Path, args: list[str], expected: list[str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = write_country(folder, "alpha", local_name=json.dumps(LOCAL, ensure_ascii=False))
    edit(path, '"Runs migration policy."', json.dumps(TEXT, ensure_ascii=False))
    edit(path, '"A test source"', json.dumps(TEXT, ensure_ascii=False))
    result = cli(folder, "--ascii", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.isascii()
    for value in expected:
        assert json.dumps(value) in result.stdout  # the \\uXXXX form, and it parses back
    docs = result.stdout.splitlines() if args[-1] == "jsonl" else [result.stdout]
    assert all(json.loads(doc) is not None for doc in docs)
    utf8 = cli(folder, *args)
    assert "Peña" in utf8.stdout or "Migración" in utf8.stdout  # UTF-8 by default
    assert "\u2028" not in utf8.stdout  # invisible: always escaped
    assert ("\\u2028" in utf8.stdout) == (TEXT in expected)
    utf8_docs = utf8.stdout.splitlines() if args[-1] == "jsonl" else [utf8.stdout]
    assert [json.loads(d) for d in utf8_docs] == [json.loads(d) for d in docs]
