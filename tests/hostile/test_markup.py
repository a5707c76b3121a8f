"""Class 1: Rich markup and emoji codes in data print literally, in tables and in JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import write_country
from .helpers import cli, edit, toml_str

COUNTRY_NAME = "Alpha [bold]x[/bold]"
LOCAL_NAME = "Tierra :smile:"
SUMMARY = "Summary [/] :smile:"
ENTRY_NAME = "Office [bold]x[/bold]"
ACRONYM = "[/]"
DESCRIPTION = "[link=https://example.org]x[/link] :smile:"
SOURCE_TITLE = "[link=https://example.org]x[/link] title"
CHANGE_NAME = "[bold]x[/bold] change"
CHANGE_DESCRIPTION = ":smile: [/] smile"

CHANGE = f"""
[[policy_changes]]
id = "change"
name = {toml_str(CHANGE_NAME)}
date = "2020-01-02"
description = {toml_str(CHANGE_DESCRIPTION)}
sources = ["src"]
"""

ENTRY = [ENTRY_NAME, ACRONYM, DESCRIPTION]
EVERYTHING = [COUNTRY_NAME, LOCAL_NAME, SUMMARY, *ENTRY, SOURCE_TITLE, CHANGE_NAME]
EVERYTHING.append(CHANGE_DESCRIPTION)
WIDE = {"COLUMNS": "200"}

CASES = [
    (["show", "alpha"], EVERYTHING),
    (["show", "alpha", "--json"], EVERYTHING),
    (["search", "office"], [ENTRY_NAME, ACRONYM]),
    (["search", "office", "--json"], [ENTRY_NAME, ACRONYM]),
    # A table shows a snippet from 30 characters before the match: the tail of DESCRIPTION.
    (["search", "smile"], ["x[/link] :smile:", CHANGE_DESCRIPTION, LOCAL_NAME]),
    (["search", "smile", "--json"], [DESCRIPTION, CHANGE_DESCRIPTION, LOCAL_NAME]),
    (["compare", "alpha", "beta"], [COUNTRY_NAME, ENTRY_NAME, ACRONYM, CHANGE_NAME]),
    (["compare", "alpha", "beta", "--json"], [COUNTRY_NAME, ENTRY_NAME, ACRONYM, CHANGE_NAME]),
    (["list"], [COUNTRY_NAME, LOCAL_NAME]),
    (["list", "--json"], [COUNTRY_NAME, LOCAL_NAME]),
    (["sources"], [SOURCE_TITLE]),
    (["sources", "--json"], [SOURCE_TITLE]),
    (["timeline"], [COUNTRY_NAME, CHANGE_NAME, CHANGE_DESCRIPTION]),
    (["timeline", "--json"], [COUNTRY_NAME, CHANGE_NAME, CHANGE_DESCRIPTION]),
    (["export", "--format", "json"], EVERYTHING),
    (["export", "--format", "jsonl"], [*ENTRY, CHANGE_NAME, CHANGE_DESCRIPTION]),
    (["export", "--format", "csv"], [*ENTRY, CHANGE_NAME, CHANGE_DESCRIPTION]),
    (["export", "--format", "markdown"], EVERYTHING),
]


@pytest.fixture
def markup_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    path = write_country(
        folder,
        "alpha",
        extra=CHANGE,
        name=toml_str(COUNTRY_NAME),
        local_name=toml_str(LOCAL_NAME),
        summary=toml_str(SUMMARY),
    )
    edit(path, 'name = "Migration Office"', f"name = {toml_str(ENTRY_NAME)}")
    edit(path, 'acronym = "MO"', f"acronym = {toml_str(ACRONYM)}")
    edit(path, 'description = "Runs migration policy."', f"description = {toml_str(DESCRIPTION)}")
    edit(path, 'title = "A test source"', f"title = {toml_str(SOURCE_TITLE)}")
    write_country(folder, "beta")
    return folder


@pytest.mark.parametrize(("args", "expected"), CASES, ids=lambda v: "-".join(v)[:40])
def test_markup_in_data_prints_literally(
    markup_dir: Path, args: list[str], expected: list[str]
) -> None:
    result = cli(markup_dir, *args, env=WIDE)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    if "markdown" in args:  # Markdown shows a backslash-escaped text literally when rendered
        from migcli.exportfmt import md

        expected = [md(text) for text in expected]
    for text in expected:
        assert text in result.stdout, f"{text!r} not printed literally by {args}"
    assert "😄" not in result.stdout  # :smile: is never turned into an emoji
