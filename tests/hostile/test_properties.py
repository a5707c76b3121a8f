"""Class 8: property tests. Any text in any string field never crashes a command nor reaches
the terminal as a control sequence; any text or bytes given to the loader give a DataError."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from migcli.errors import DataError
from migcli.loader import check_file, parse_toml

from ..conftest import write_country
from .helpers import assert_one_line_error, cli, edit, toml_str

# Any character a TOML file can hold: everything but lone surrogates (not encodable in UTF-8).
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
# Text validation accepts (no control or bidi control characters), so commands get to render it.
ACCEPTED = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=60,
)
KEYS = ("name", "local_name", "summary", "entry_name", "description", "acronym", "source_title")
FIELDS = st.one_of(
    st.fixed_dictionaries(dict.fromkeys(KEYS, ACCEPTED)),
    st.fixed_dictionaries(dict.fromkeys(KEYS, TEXT)),
)
COMMANDS = [
    ["show", "alpha"],
    ["show", "alpha", "--json"],
    ["list"],
    ["search", "office"],
    ["search", "office", "--json"],
    ["compare", "alpha", "beta"],
    ["export", "--format", "json"],
    ["export", "--format", "jsonl"],
    ["export", "--format", "csv"],
    ["export", "--format", "markdown"],
]
PROPERTY = settings(
    max_examples=25,
    deadline=None,
    database=None,  # no example database written under .hypothesis/
    suppress_health_check=[HealthCheck.too_slow],
)


def _write(folder: Path, fields: dict[str, str]) -> None:
    path = write_country(
        folder,
        "alpha",
        name=toml_str(fields["name"]),
        local_name=toml_str(fields["local_name"]),
        summary=toml_str(fields["summary"]),
    )
    # Whole lines with their neighbours: a value above cannot hold them (its quotes are escaped).
    entry = 'id = "office"\nname = "Migration Office"\nacronym = "MO"\n'
    entry += 'description = "Runs migration policy."\n'
    edit(
        path,
        entry,
        f'id = "office"\nname = {toml_str(fields["entry_name"])}\n'
        f"acronym = {toml_str(fields['acronym'])}\n"
        f"description = {toml_str(fields['description'])}\n",
    )
    edit(
        path,
        'id = "src"\ntitle = "A test source"',
        f'id = "src"\ntitle = {toml_str(fields["source_title"])}',
    )
    write_country(folder, "beta")


@PROPERTY
@given(FIELDS)
@example(dict.fromkeys(KEYS, "[bold]x[/] :smile: \u2028 \t é ﷽ 𒐫"))
@example(dict.fromkeys(KEYS, "\x1b[31m\x9b\u202e"))
def test_any_text_in_any_field(fields: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write(folder, fields)
        for args in COMMANDS:
            result = cli(folder, *args)  # checks: no ESC, no C1, no traceback
            assert result.exit_code in (0, 1), (args, result.exit_code, result.stderr)
            if result.exit_code == 1:
                assert result.stdout == "" or args[0] == "search"
                assert_one_line_error(result.stderr)
            elif args == ["show", "alpha", "--json"]:
                record = json.loads(result.stdout)  # every string comes back exactly
                assert record["name"] == fields["name"]
                assert record["summary"] == fields["summary"]
                assert record["institutions"][0]["description"] == fields["description"]
                assert record["sources"][0]["title"] == fields["source_title"]


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
@example("x = " + "[" * 100_000 + "]" * 100_000)
@example("x = {a = " * 3000)
@example("x = " + "1" * 5000)  # over Python's 4300-digit limit for int()
@example('id = "alpha"\nas_of = 2026-01-01\n')
def test_any_text_parses_or_gives_a_data_error(text: str) -> None:
    try:
        parse_toml(text, "x.toml")
    except DataError as err:
        assert str(err).startswith("x.toml")


@settings(max_examples=100, deadline=None, database=None)
@given(st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8"))))
@example(b"\xef\xbb\xbfid = 1")
@example(b"x = " + b"9" * 5000)
def test_any_bytes_check_without_crashing(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.toml"
        path.write_bytes(raw)
        try:
            country, problems = check_file(path, "x.toml")
        except DataError as err:  # check_file reports rather than raises; tolerate either
            problems, country = [err], None
        assert (country is None) == bool(problems)
        assert all(isinstance(p, DataError) and str(p).startswith("x.toml") for p in problems)
