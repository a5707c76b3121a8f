"""`compare`: the same sections of several countries side by side, as one plain structure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcli.records import entries_of

if TYPE_CHECKING:
    from migcli.shapes import CompareEntry, Comparison, CountryRecord, EntryRecord


def compare(countries: list[CountryRecord], sections: list[str]) -> Comparison:
    return {
        "countries": [
            {
                "id": c["id"],
                "name": c["name"],
                "roles": c["roles"],
                "as_of": c["as_of"],
                "entry_count": sum(len(entries_of(c, s)) for s in sections),
            }
            for c in countries
        ],
        "sections": {
            s: {c["id"]: [_brief(e) for e in entries_of(c, s)] for c in countries} for s in sections
        },
    }


def _brief(entry: EntryRecord) -> CompareEntry:
    return {
        "id": entry["id"],
        "name": entry["name"],
        "acronym": entry["acronym"],
        "established": entry["established"],
        "date": entry["date"],
        "status": entry["status"],
    }
