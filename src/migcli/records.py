"""The validated data as plain dicts: what the cache stores and every command works on.

These mirror `models.py` (`Country.model_dump(mode="json")`); Pydantic is only needed to validate.
"""

from __future__ import annotations

from typing import TypedDict

SECTIONS: tuple[str, ...] = (
    "institutions",
    "enforcement",
    "asylum",
    "labor_pathways",
    "reintegration",
    "policy_changes",
    "cooperation",
    "assessment",
)
CORE_SECTIONS: tuple[str, ...] = SECTIONS[:5]
SECTION_TITLES: dict[str, str] = {
    "institutions": "Institutions",
    "enforcement": "Enforcement",
    "asylum": "Asylum and protection",
    "labor_pathways": "Labour pathways",
    "reintegration": "Return and reintegration",
    "policy_changes": "Policy changes",
    "cooperation": "Cooperation",
    "assessment": "Assessment",
}


class SourceRecord(TypedDict):
    id: str
    title: str
    publisher: str
    url: str | None
    reference: str | None
    published: str | None
    accessed: str | None
    note: str | None


class EntryRecord(TypedDict):
    id: str
    name: str
    local_name: str | None
    acronym: str | None
    established: str | None
    date: str | None
    parent: str | None
    legal_basis: str | None
    status: str
    status_date: str | None
    description: str
    later_changes: str | None
    note: str | None
    tags: list[str]
    sources: list[str]


class GapRecord(TypedDict):
    section: str
    note: str
    sources: list[str]


class PointRecord(TypedDict):
    category: str
    year: int
    value: int
    note: str | None


class SeriesRecord(TypedDict):
    id: str
    title: str
    unit: str
    scope: str
    vintage: str
    caveats: list[str]
    categories: list[str]
    sources: list[str]
    points: list[PointRecord]


class CountryRecord(TypedDict):
    id: str
    kind: str
    name: str
    local_name: str
    iso2: str | None
    iso3: str | None
    aliases: list[str]
    roles: list[str]
    summary: str
    as_of: str
    sources: list[SourceRecord]
    institutions: list[EntryRecord]
    enforcement: list[EntryRecord]
    asylum: list[EntryRecord]
    labor_pathways: list[EntryRecord]
    reintegration: list[EntryRecord]
    policy_changes: list[EntryRecord]
    cooperation: list[EntryRecord]
    assessment: list[EntryRecord]
    gaps: list[GapRecord]
    series: list[SeriesRecord]


class IndexRow(TypedDict):
    """One line of the catalog index: enough to list, resolve and complete without the file."""

    id: str
    kind: str
    name: str
    local_name: str
    iso2: str | None
    iso3: str | None
    aliases: list[str]
    roles: list[str]
    as_of: str
    file: str
    entries: dict[str, int]
    series: list[str]


def entries_of(country: CountryRecord, section: str) -> list[EntryRecord]:
    value: list[EntryRecord] = country[section]  # type: ignore[literal-required]
    return value


def index_row(country: CountryRecord, file_name: str) -> IndexRow:
    return IndexRow(
        id=country["id"],
        kind=country["kind"],
        name=country["name"],
        local_name=country["local_name"],
        iso2=country["iso2"],
        iso3=country["iso3"],
        aliases=country["aliases"],
        roles=country["roles"],
        as_of=country["as_of"],
        file=file_name,
        entries={s: len(entries_of(country, s)) for s in SECTIONS},
        series=[s["id"] for s in country["series"]],
    )
