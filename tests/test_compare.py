"""compare: content and layout at 80 and 200 columns, and the JSON contract."""

from __future__ import annotations

import pytest

from .conftest import run, run_json

COUNTRY_IDS = ["belize", "costa-rica", "el-salvador", "guatemala", "honduras", "mexico",
               "nicaragua", "panama", "united-states"]  # fmt: skip


@pytest.mark.parametrize("columns", ["80", "200"])
@pytest.mark.parametrize(
    "args",
    [["honduras", "el-salvador"], ["mexico", "guatemala", "panama"], ["--all"]],
)
def test_compare_layouts(columns: str, args: list[str]) -> None:
    result = run("compare", *args, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= int(columns) for line in lines)
    text = result.stdout
    for section in ("Institutions", "Enforcement", "reintegration"):
        assert section in text
    if "honduras" in args:
        assert "FUSINA" in text and "CONMIGRANTES" in text
    if args == ["--all"]:
        assert "SENAFRONT" in text and "COMAR" in text and "CONAMIGUA" in text


def test_narrow_terminal_stacks_without_fragments() -> None:
    result = run("compare", "--all", env={"COLUMNS": "80"})
    # stacked: each country name stands on its own line, entries indented beneath
    assert "\nHonduras\n" in result.stdout
    assert "  • FUSINA" in result.stdout


def test_json_contract() -> None:
    data = run_json("compare", "honduras", "el-salvador", "--section", "reintegration")
    assert [c["id"] for c in data["countries"]] == ["honduras", "el-salvador"]
    assert set(data["countries"][0]) == {"id", "name", "roles", "as_of", "entry_count"}
    assert list(data["sections"]) == ["reintegration"]
    honduras = data["sections"]["reintegration"]["honduras"]
    assert "camr" in [e["id"] for e in honduras]
    assert set(honduras[0]) == {"id", "name", "acronym", "established", "date", "status"}


def test_all_compares_every_country() -> None:
    data = run_json("compare", "--all")
    assert [c["id"] for c in data["countries"]] == COUNTRY_IDS


def test_unknown_country_gets_did_you_mean() -> None:
    result = run("compare", "hondras", "mexico")
    assert result.exit_code == 1
    assert "did you mean honduras?" in result.stderr


def test_needs_two_countries() -> None:
    result = run("compare", "mexico")
    assert result.exit_code == 2
    assert "two or more" in result.stderr
