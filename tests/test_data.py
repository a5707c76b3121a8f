"""The curated data set: valid, cited, covering the source, and matching the reference figures."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import tomli

from migcli.catalog import load_all
from migcli.datadir import list_dir
from migcli.records import entries_of
from migcli.registry import CORE_SECTIONS, SECTIONS
from migcli.shapes import CountryRecord

from .conftest import DATA, ROOT

COVERAGE = Path(__file__).resolve().parent / "seed_coverage"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
CBP_CSV = ROOT / "tests" / "reference" / "cbp_usbp_apprehensions_by_citizenship_fy2007_fy2020.csv"
EXPECTED = {"mexico", "guatemala", "honduras", "el-salvador", "costa-rica", "panama",
            "nicaragua", "belize",
            "united-states", "region"}  # fmt: skip


@pytest.fixture(scope="module")
def countries() -> dict[str, CountryRecord]:
    return {c["id"]: c for c, _ in load_all(list_dir(DATA))}


def test_every_file_validates_and_all_are_there(countries: dict[str, CountryRecord]) -> None:
    assert set(countries) == EXPECTED


def test_files_declare_their_schema() -> None:
    for path in DATA.glob("*.toml"):
        assert path.read_text().startswith("#:schema ../../schema/country.schema.json\n"), path


def test_core_sections_have_entries_or_a_sourced_gap(countries: dict[str, CountryRecord]) -> None:
    for country in countries.values():
        gaps = {g["section"] for g in country["gaps"]}
        for section in CORE_SECTIONS:
            assert entries_of(country, section) or section in gaps, (country["id"], section)
            assert not (entries_of(country, section) and section in gaps), (country["id"], section)


def test_every_source_has_an_address_or_full_reference(
    countries: dict[str, CountryRecord],
) -> None:
    for country in countries.values():
        for source in country["sources"]:
            assert source["url"] or (source["reference"] and len(source["reference"]) > 40)
            assert source["published"] or source["accessed"]


def test_every_source_is_cited(countries: dict[str, CountryRecord]) -> None:
    for country in countries.values():
        cited = {s for sec in SECTIONS for e in entries_of(country, sec) for s in e["sources"]}
        cited |= {s for g in country["gaps"] for s in g["sources"]}
        cited |= {s for series in country["series"] for s in series["sources"]}
        unused = {s["id"] for s in country["sources"]} - cited
        assert not unused, (country["id"], unused)


ATTRIBUTING = re.compile(
    r"\b(argue[sd]?|says?|said|reports?|reported|finds?|found|according to|describe[sd]|"
    r"calls?|called|warn(s|ed)?|conclude[sd]|consider(s|ed)?|criticis|criticiz|judge[sd]?|"
    r"note[sd]|notes that|assess(es|ed)?|documents?|documented)\b",
    re.IGNORECASE,
)


def test_assessments_are_attributed_to_the_source(countries: dict[str, CountryRecord]) -> None:
    """A judgement names who made it: 'UNHCR: ...' in its name, or 'MPI argues' in its text."""
    for country in countries.values():
        for entry in country["assessment"]:
            who, colon, _ = entry["name"].partition(":")
            named = bool(colon) and 0 < len(who) <= 80
            assert named or ATTRIBUTING.search(entry["description"]), entry["id"]
    mpi = [e for c in countries.values() for e in c["assessment"] if e["name"].startswith("MPI")]
    assert all(any(s.startswith("mpi-") for s in e["sources"]) for e in mpi)


NEW_COVERAGE = Path(__file__).resolve().parent / "coverage"


def _coverage(folder: Path = COVERAGE) -> list[tuple[str, str, list[str]]]:
    rows = []
    for path in sorted(folder.glob("*.toml")):
        for statement in tomli.loads(path.read_text())["statement"]:
            rows.append((path.stem, statement["text"], statement["carried_by"]))
    return rows


def test_seed_statements_are_carried_by_existing_entries(
    countries: dict[str, CountryRecord],
) -> None:
    rows = _coverage()
    assert len(rows) >= 100
    for _, text, carried_by in rows:
        assert text.strip() and carried_by, text
        for ref in carried_by:
            country_id, path = ref.split(":")
            section, entry_id = path.split("/")
            ids = [e["id"] for e in entries_of(countries[country_id], section)]
            assert entry_id in ids, f"{ref} (for: {text})"


def test_new_records_carry_their_key_statements(countries: dict[str, CountryRecord]) -> None:
    rows = _coverage(NEW_COVERAGE)
    assert {country for country, _, _ in rows} == {"nicaragua", "belize"}
    for _, text, carried_by in rows:
        for ref in carried_by:
            country_id, path = ref.split(":")
            section, entry_id = path.split("/")
            ids = [e["id"] for e in entries_of(countries[country_id], section)]
            assert entry_id in ids, f"{ref} (for: {text})"


def test_every_seed_slide_is_covered() -> None:
    texts = " ".join(text.lower() for _, text, _ in _coverage())
    for phrase in (
        "comar",
        "national guard",
        "cristosal",
        "protection transfer",
        "34,000",
        "regional worker visa",
        "conmigrantes",
        "conamigua",
        "canfm",
        "umar",
        "fusina",
        "drer",
        "comprehensive development plan",
        "costa rica",
        "panama",
        "opportunit",
        "takeaway",
        "humanitarian visa",
    ):
        assert phrase in texts, phrase


def _cbp_points(countries: dict[str, CountryRecord], series_id: str) -> dict[tuple[str, int], int]:
    series = next(s for s in countries["united-states"]["series"] if s["id"] == series_id)
    return {(p["category"], p["year"]): p["value"] for p in series["points"]}


@pytest.mark.parametrize(
    ("scope", "series_id"),
    [("SW", "usbp-apprehensions-sw"), ("NAT", "usbp-apprehensions-nationwide")],
)
def test_cbp_series_match_the_reference_cell_for_cell(
    countries: dict[str, CountryRecord], scope: str, series_id: str
) -> None:
    points = _cbp_points(countries, series_id)
    columns = {
        "mexico": "mexico",
        "guatemala": "guatemala",
        "honduras": "honduras",
        "el_salvador": "el-salvador",
        "other_total_minus_4": "other",
        "total": "total",
    }
    rows = [r for r in csv.DictReader(CBP_CSV.open()) if r["scope"] == scope]
    assert len(rows) == 14
    expected = {(columns[c], int(r["fiscal_year"])): int(r[c]) for r in rows for c in columns}
    assert points == expected


@pytest.mark.parametrize("series_id", ["usbp-apprehensions-sw", "usbp-apprehensions-nationwide"])
def test_cbp_row_totals(countries: dict[str, CountryRecord], series_id: str) -> None:
    points = _cbp_points(countries, series_id)
    for year in range(2007, 2021):
        parts = ("mexico", "guatemala", "honduras", "el-salvador", "other")
        assert sum(points[(c, year)] for c in parts) == points[("total", year)], year


def test_fy2020_caveat_is_kept(countries: dict[str, CountryRecord]) -> None:
    for series in countries["united-states"]["series"]:
        assert any("Title 42" in c for c in series["caveats"])


def test_missing_points_are_absent_not_zero(countries: dict[str, CountryRecord]) -> None:
    for country in countries.values():
        for series in country["series"]:
            assert all(p["value"] > 0 for p in series["points"]), series["id"]
    mexico = {s["id"]: s for s in countries["mexico"]["series"]}
    years = {p["year"] for p in mexico["mexico-irregular-events"]["points"]}
    assert not years & {2015, 2016, 2017}  # not verified: must stay missing
    costa_rica = {s["id"]: s for s in countries["costa-rica"]["series"]}
    assert 2022 not in {p["year"] for p in costa_rica["costa-rica-asylum-applications"]["points"]}
    darien = next(s for s in countries["panama"]["series"] if s["id"] == "darien-crossings")
    assert not {p["year"] for p in darien["points"]} & {2010, 2011, 2014, 2015, 2016}


def test_snapshots_are_current(countries: dict[str, CountryRecord]) -> None:
    from scripts.make_snapshots import snapshots

    wanted = snapshots()
    present = {p.name: p.read_text() for p in SNAPSHOTS.glob("*.json")}
    assert present == wanted, "data changed: run `make snapshots` and commit the diff"
    assert json.loads(present["guatemala.json"])["id"] == "guatemala"


def test_unknown_statuses_are_rare_and_explained(countries: dict[str, CountryRecord]) -> None:
    """At most 5% of entries have status unknown, and each says in its note what was looked for."""
    entries = [e for c in countries.values() for s in SECTIONS for e in entries_of(c, s)]
    unknown = [e for e in entries if e["status"] == "unknown"]
    share = len(unknown) / len(entries)
    print(f"unknown statuses: {len(unknown)} of {len(entries)} entries ({share:.1%})")
    assert share <= 0.05
    assert all(e["note"] for e in unknown), [e["id"] for e in unknown if not e["note"]]


def test_post_2021_timeline_is_dense(countries: dict[str, CountryRecord]) -> None:
    recent = [
        (c["id"], e["id"])
        for c in countries.values()
        for e in c["policy_changes"]
        if e["date"] and e["date"] >= "2021-07"
    ]
    assert len(recent) >= 60
    assert {c for c, _ in recent} >= EXPECTED - {"region"}


def test_every_country_is_deep(countries: dict[str, CountryRecord]) -> None:
    sizes = {
        c["id"]: sum(len(entries_of(c, s)) for s in SECTIONS)
        for c in countries.values()
        if c["kind"] == "country"
    }
    assert all(n >= 30 for n in sizes.values()), sizes
    assert (
        sum(sizes.values())
        + sum(
            len(entries_of(c, s))
            for c in countries.values()
            if c["kind"] == "region"
            for s in SECTIONS
        )
        >= 400
    )


def test_most_entries_rest_on_a_primary_or_research_source(
    countries: dict[str, CountryRecord],
) -> None:
    """80% of entries outside assessment cite an official, intergovernmental or research source."""
    strong = {"official", "intergovernmental", "research"}
    total = backed = 0
    for country in countries.values():
        kinds = {s["id"]: s["kind"] for s in country["sources"]}
        for section in SECTIONS:
            if section == "assessment":
                continue
            for entry in entries_of(country, section):
                total += 1
                backed += any(kinds[s] in strong for s in entry["sources"])
    print(f"entries backed by official/intergovernmental/research sources: {backed}/{total}")
    assert backed / total >= 0.8


def test_no_internal_wording_reaches_readers() -> None:
    for path in DATA.glob("*.toml"):
        text = path.read_text(encoding="utf-8").lower()
        for phrase in (r"\bseed\b", "reference facts", "migcli", "this file", "checked facts"):
            assert not re.search(phrase, text), (path.name, phrase)


def test_gap_notes_say_why_not_that_nothing_was_found(countries: dict[str, CountryRecord]) -> None:
    for country in countries.values():
        for gap in country["gaps"]:
            note = gap["note"].lower()
            assert "not found" not in note and "reference facts" not in note, gap
