"""Operations on validated records (plain dicts typed in shapes.py): a section's entries, the
listing row, cutting a record down to chosen sections, and source numbering and resolution.
The section vocabulary itself lives in registry.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from migcli.registry import SECTIONS

if TYPE_CHECKING:
    from migcli.shapes import (
        CountryRecord,
        EntryRecord,
        EntryView,
        IndexRow,
        NumberedSource,
        SourceRecord,
    )

# The optional text fields printed under an entry's description, with their labels, in order.
DETAIL_FIELDS: tuple[tuple[str, str], ...] = (
    ("Parent", "parent"),
    ("Legal basis", "legal_basis"),
    ("Later changes", "later_changes"),
    ("Note", "note"),
)


def entry_details(entry: EntryRecord) -> list[tuple[str, str]]:
    """(label, value) for each detail field the entry fills."""
    return [(label, entry[key]) for label, key in DETAIL_FIELDS if entry[key]]  # type: ignore[literal-required]


def as_record(model: Any) -> CountryRecord:
    """The one boundary from the Pydantic model to the plain dict every other module reads.

    tests/test_types.py checks that shapes.CountryRecord and models.Country agree.
    """
    return cast("CountryRecord", model.model_dump(mode="json"))


def entries_of(country: CountryRecord, section: str) -> list[EntryRecord]:
    value: list[EntryRecord] = country[section]  # type: ignore[literal-required]
    return value


def index_row(country: CountryRecord, file_name: str) -> IndexRow:
    return {
        "id": country["id"],
        "kind": country["kind"],
        "name": country["name"],
        "local_name": country["local_name"],
        "iso2": country["iso2"],
        "iso3": country["iso3"],
        "aliases": country["aliases"],
        "roles": country["roles"],
        "as_of": country["as_of"],
        "file": file_name,
        "entries": {s: len(entries_of(country, s)) for s in SECTIONS},
        "series": [s["id"] for s in country["series"]],
    }


def only_sections(country: CountryRecord, sections: list[str]) -> CountryRecord:
    """A copy without the unchosen sections' entries; identity, sources and series stay."""
    if len(sections) == len(SECTIONS):
        return country
    trimmed = dict(country)
    for section in SECTIONS:
        if section not in sections:
            trimmed[section] = []
    trimmed["gaps"] = [g for g in country["gaps"] if g["section"] in sections]
    return trimmed  # type: ignore[return-value]


def source_numbers(country: CountryRecord) -> dict[str, int]:
    """Each source's number: its place in the record's [[sources]], the same in every view."""
    return {s["id"]: i for i, s in enumerate(country["sources"], start=1)}


def cited_sources(country: CountryRecord, sections: list[str]) -> list[tuple[int, SourceRecord]]:
    """(number, source) for the sources the chosen sections and gaps cite, by number."""
    cited: set[str] = set()
    for section in sections:
        for entry in entries_of(country, section):
            cited.update(entry["sources"])
    for gap in country["gaps"]:
        if gap["section"] in sections:
            cited.update(gap["sources"])
    return [(i, s) for i, s in enumerate(country["sources"], start=1) if s["id"] in cited]


def entry_view(country: CountryRecord, section: str, entry: EntryRecord) -> EntryView:
    return {
        "ref": f"{country['id']}/{entry['id']}",
        "country": country["id"],
        "country_name": country["name"],
        "section": section,
        "entry": entry,
        "cited_sources": cited_details(country, entry["sources"]),
    }


def cited_details(country: CountryRecord, source_ids: list[str]) -> list[NumberedSource]:
    """The sources behind a list of ids, as full objects with their numbers, in number order."""
    number = source_numbers(country)
    by_id = {s["id"]: s for s in country["sources"]}
    cited = sorted(dict.fromkeys(source_ids), key=lambda s: number[s])
    return [{**by_id[s], "number": number[s]} for s in cited]


def with_cited_sources(country: CountryRecord) -> CountryRecord:
    """A copy whose entries also carry `cited_sources`: one jq step from entry to address."""
    out = dict(country)
    for section in SECTIONS:
        out[section] = [
            {**e, "cited_sources": cited_details(country, e["sources"])}
            for e in entries_of(country, section)
        ]
    return out  # type: ignore[return-value]
