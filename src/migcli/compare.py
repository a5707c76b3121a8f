"""`compare`: the same sections of several countries side by side, as one plain structure."""

from __future__ import annotations

from typing import TypedDict

from migcli.records import CountryRecord, EntryRecord, entries_of


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
    entries: int


class Comparison(TypedDict):
    countries: list[CompareCountry]
    sections: dict[str, dict[str, list[CompareEntry]]]


def compare(countries: list[CountryRecord], sections: list[str]) -> Comparison:
    return Comparison(
        countries=[
            CompareCountry(
                id=c["id"],
                name=c["name"],
                roles=c["roles"],
                as_of=c["as_of"],
                entries=sum(len(entries_of(c, s)) for s in sections),
            )
            for c in countries
        ],
        sections={
            s: {c["id"]: [_brief(e) for e in entries_of(c, s)] for c in countries} for s in sections
        },
    )


def _brief(entry: EntryRecord) -> CompareEntry:
    return CompareEntry(
        id=entry["id"],
        name=entry["name"],
        acronym=entry["acronym"],
        established=entry["established"],
        date=entry["date"],
        status=entry["status"],
    )
