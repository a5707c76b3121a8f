"""The shapes of the validated data as plain dicts: what the cache stores and commands use.

They mirror `models.py` (`Country.model_dump(mode="json")`). Modules on start-up paths import
them only for type checking, since building TypedDict classes costs time at every start.
"""

from __future__ import annotations

from typing import TypedDict


class SourceRecord(TypedDict):
    id: str
    title: str
    publisher: str
    kind: str
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
    partial: bool
    note: str | None


class BreakRecord(TypedDict):
    year: int
    note: str


class SeriesBody(TypedDict):
    """What a series says, shared by the record (sources as ids) and the view (as objects)."""

    id: str
    title: str
    unit: str
    scope: str
    vintage: str
    caveats: list[str]
    breaks: list[BreakRecord]
    categories: list[str]
    points: list[PointRecord]


class SeriesRecord(SeriesBody):
    sources: list[str]


class CountryIdentity(TypedDict):
    """What names a country: shared by the record and its line in the index."""

    id: str
    kind: str
    name: str
    local_name: str
    iso2: str | None
    iso3: str | None
    aliases: list[str]
    roles: list[str]
    as_of: str


class CountryRecord(CountryIdentity):
    summary: str
    sources: list[SourceRecord]
    # ...then one list[EntryRecord] per section of registry.py, read with records.entries_of:
    # they are not listed here, so adding a section touches the registry alone.
    gaps: list[GapRecord]
    series: list[SeriesRecord]


class IndexRow(CountryIdentity):
    """One line of the catalog index: enough to list, resolve and complete without the file."""

    file: str
    entries: dict[str, int]
    series: list[str]


class NumberedSource(SourceRecord):
    number: int


class EntryView(TypedDict):
    """`show COUNTRY/ENTRY`: one entry with its sources in full, numbered as in the record."""

    ref: str
    country: str
    country_name: str
    section: str
    entry: EntryRecord
    cited_sources: list[NumberedSource]


class Hit(TypedDict):
    ref: str
    country: str
    section: str
    id: str
    name: str
    acronym: str | None
    score: float
    match: str
    matched_field: str
    matched_text: str


class CompareEntry(TypedDict):
    id: str
    name: str
    acronym: str | None
    established: str | None
    date: str | None
    status: str


class CompareCountry(TypedDict):
    id: str
    name: str
    roles: list[str]
    as_of: str
    entry_count: int


class Comparison(TypedDict):
    countries: list[CompareCountry]
    sections: dict[str, dict[str, list[CompareEntry]]]


class Event(TypedDict):
    date: str
    country: str
    country_name: str
    id: str
    name: str
    status: str
    description: str
    cited_sources: list[NumberedSource]


class SeriesView(SeriesBody):
    """`stats`: a series with its country and its sources in full."""

    country: str
    sources: list[SourceRecord]
