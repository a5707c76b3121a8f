"""list, show and the global contract: JSON shape, exit codes, errors for people."""

from __future__ import annotations

import json

import pytest

from migcli import __version__
from migcli.registry import SECTIONS

from .conftest import run, run_json
from .hostile.helpers import assert_one_line_error


def test_list_json_rows() -> None:
    rows = run_json("list")
    ids = [r["id"] for r in rows]
    assert ids == sorted(ids)
    assert {"guatemala", "mexico", "region", "united-states"} <= set(ids)
    guatemala = next(r for r in rows if r["id"] == "guatemala")
    assert guatemala["iso2"] == "GT" and guatemala["iso3"] == "GTM"
    assert set(guatemala["entries"]) == set(SECTIONS)
    assert guatemala["as_of"]


def test_list_table() -> None:
    result = run("list")
    assert result.exit_code == 0
    line = next(line for line in result.stdout.splitlines() if line.strip().startswith("guatemala"))
    assert "Guatemala" in line and " GT " in line and len(line) <= 80
    assert "Every record reviewed as of" in result.stdout or "Reviewed as of" in result.stdout


def test_show_table_has_sections_and_numbered_sources() -> None:
    result = run("show", "guatemala")
    assert result.exit_code == 0
    assert result.stderr == ""
    out = result.stdout
    for title in (
        "Institutions",
        "Enforcement",
        "Asylum and protection",
        "Labour pathways",
        "Return and reintegration",
        "Policy changes",
        "Cooperation",
        "Assessment",
    ):
        assert title in out
    assert "Sources" in out and "[1] " in out
    assert "CONAMIGUA" in out and "DRER" in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_show_json_is_the_record() -> None:
    record = run_json("show", "guatemala")
    assert record["id"] == "guatemala"
    assert all(section in record for section in SECTIONS)
    ids = {s["id"] for s in record["sources"]}
    for section in SECTIONS:
        assert record[section], section
        for entry in record[section]:
            assert entry["sources"] and set(entry["sources"]) <= ids


def test_show_json_is_utf8_or_ascii_on_request() -> None:
    result = run("show", "mexico", "--json")
    assert '"México"' in result.stdout  # grep finds the accented name
    assert json.loads(result.stdout)["local_name"] == "México"
    escaped = run("--ascii", "show", "mexico", "--json")
    assert escaped.stdout.isascii()
    assert json.loads(escaped.stdout) == json.loads(result.stdout)


def test_show_sections_filter_and_several_countries() -> None:
    records = run_json("show", "gt", "hn", "-s", "asylum", "--section", "labour")
    assert [r["id"] for r in records] == ["guatemala", "honduras"]
    for record in records:
        assert record["institutions"] == [] and record["asylum"]


def test_show_region() -> None:
    assert run_json("show", "region")["kind"] == "region"


def test_unknown_section() -> None:
    result = run("show", "guatemala", "--section", "asylm")
    assert result.exit_code == 1
    assert result.stderr.startswith("migcli: unknown section 'asylm'")


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["show", "guatemala", "--bogus"], ["no such option '--bogus'", "'migcli show --help'"]),
        (["show"], ["missing argument 'COUNTRIES...'", "'migcli show --help'"]),
        (["--bogus"], ["no such option '--bogus'", "'migcli --help'"]),
        (["show", "gt", "--jsn"], ["Did you mean '--json'?"]),
        (["export", "-f", "xml"], ["'xml' is not one of", "'migcli export --help'"]),
        (["--data-dir"], ["'--data-dir' requires an argument"]),
        (["show", "gt", "--\x1b[2J"], ["'--\\x1b[2J'"]),
    ],
    ids=["option", "argument", "global-option", "suggestion", "choice", "value", "control"],
)
def test_usage_errors_are_one_line(args: list[str], needles: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert_one_line_error(result.stderr, *needles)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"migcli {__version__}\n"


def test_missing_data_dir_is_usage_error() -> None:
    result = run("--data-dir", "/nonexistent/folder", "list")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_json_shape_follows_what_was_typed() -> None:
    assert isinstance(run_json("show", "gt", "GT"), list)
    assert isinstance(run_json("show", "gt"), dict)


def test_unknown_command_suggests_once() -> None:
    result = run("shwo")
    assert result.exit_code == 2
    assert result.stderr.count("Did you mean") == 1
