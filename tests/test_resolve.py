"""Country resolution on the real data: ids, ISO codes, names in any case and accents, prefixes."""

from __future__ import annotations

import pytest

from .conftest import run, run_json


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("guatemala", "guatemala"),
        ("El Salvador", "el-salvador"),
        ("el_salvador", "el-salvador"),
        ("EL-SALVADOR", "el-salvador"),
        ("SV", "el-salvador"),
        ("slv", "el-salvador"),
        ("méxico", "mexico"),
        ("Panamá", "panama"),
        ("HND", "honduras"),
        ("guat", "guatemala"),
        ("Costa Rica", "costa-rica"),
        ("US", "united-states"),
        ("region", "region"),
    ],
)
def test_names_resolve(typed: str, expected: str) -> None:
    assert run_json("show", typed, "--section", "institutions")["id"] == expected


def test_unknown_country_suggests() -> None:
    result = run("show", "hondras")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "migcli: unknown country 'hondras' — did you mean honduras?\n"


@pytest.mark.parametrize("typed", ["../../etc/passwd", "/etc/passwd", "guate\x1b[31mmala"])
def test_paths_and_junk_are_unknown(typed: str) -> None:
    result = run("show", typed)
    assert result.exit_code == 1
    assert "unknown country" in result.stderr
    assert "\x1b" not in result.stderr
