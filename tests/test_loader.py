"""The loader: every kind of bad file gives one DataError naming the file, line or field."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcli.catalog import Catalog, load_all
from migcli.datadir import list_dir
from migcli.errors import DataError
from migcli.loader import load_country

from .conftest import write_country


def load_error(path: Path) -> DataError:
    with pytest.raises(DataError) as caught:
        load_country(path, path.name)
    return caught.value


def test_valid_file_loads(tmp_path: Path) -> None:
    country = load_country(write_country(tmp_path), "alpha.toml")
    assert country.id == "alpha"
    assert country.institutions[0].acronym == "MO"


def test_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = write_country(tmp_path, extra="broken = [1,\n")
    err = load_error(path)
    assert err.path == "alpha.toml"
    assert err.line is not None and err.line > 20
    assert err.col is not None
    assert "TOML syntax error" in err.message


def test_unknown_source_names_field_path_and_line(tmp_path: Path) -> None:
    extra = '\n[[reintegration]]\nid = "x"\nname = "X"\ndescription = "d"\nsources = ["mpi-2012"]\n'
    path = write_country(tmp_path, extra=extra)
    err = load_error(path)
    assert str(err).startswith("alpha.toml:")
    assert "reintegration[0].sources: unknown source 'mpi-2012'" in err.message
    lines = path.read_text().splitlines()
    assert err.line is not None and lines[err.line - 1].startswith("sources")


def test_unknown_field_points_at_its_line(tmp_path: Path) -> None:
    extra = (
        '\n[[asylum]]\nid = "x"\nname = "X"\ncolour = "red"\ndescription = "d"\nsources = ["src"]\n'
    )
    path = write_country(tmp_path, extra=extra)
    err = load_error(path)
    assert err.message.startswith("asylum[0].colour: unknown field")
    assert err.line is not None and path.read_text().splitlines()[err.line - 1].startswith("colour")


def test_missing_field_and_wrong_type(tmp_path: Path) -> None:
    err = load_error(write_country(tmp_path, summary="42"))
    assert err.message.startswith("summary:")
    path = write_country(tmp_path, "beta")
    path.write_text(path.read_text().replace('summary = "A test country."\n', ""))
    assert load_error(path).message == "summary: required field is missing"


def test_entry_without_source_is_invalid(tmp_path: Path) -> None:
    path = write_country(tmp_path)
    path.write_text(path.read_text().replace('sources = ["src"]', "sources = []"))
    assert load_error(path).message.startswith("institutions[0].sources:")


def test_duplicate_entry_ids(tmp_path: Path) -> None:
    extra = '\n[[asylum]]\nid = "office"\nname = "X"\ndescription = "d"\nsources = ["src"]\n'
    assert "duplicate entry id 'office'" in load_error(write_country(tmp_path, extra=extra)).message


def test_policy_change_needs_a_date(tmp_path: Path) -> None:
    extra = '\n[[policy_changes]]\nid = "p"\nname = "P"\ndescription = "d"\nsources = ["src"]\n'
    err = load_error(write_country(tmp_path, extra=extra))
    assert err.message.startswith("policy_changes[0].date:")


def test_cross_file_duplicates(tmp_path: Path) -> None:
    write_country(tmp_path, "alpha", aliases='["shared name"]')
    write_country(tmp_path, "beta", aliases='["Shared-Name"]')
    with pytest.raises(
        DataError, match="aliases: 'shared name' is already used by country 'alpha'"
    ):
        load_all(list_dir(tmp_path))


def test_duplicate_iso_code_across_files(tmp_path: Path) -> None:
    write_country(tmp_path, "alpha")
    write_country(tmp_path, "beta", iso2='"AL"')
    with pytest.raises(DataError, match="iso2: 'AL' is already used"):
        Catalog(list_dir(tmp_path)).index()


def test_id_must_match_file_name(tmp_path: Path) -> None:
    path = write_country(tmp_path, "alpha")
    path.rename(tmp_path / "other.toml")
    with pytest.raises(DataError, match="must match the file name 'other'"):
        load_all(list_dir(tmp_path))
