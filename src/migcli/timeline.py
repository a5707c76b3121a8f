"""`timeline`: every dated policy change, oldest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcli.records import cited_details, entries_of
from migcli.registry import DATED_SECTIONS

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, Event


def timeline(
    countries: list[CountryRecord], since: str | None = None, until: str | None = None
) -> list[Event]:
    """Policy changes from `since` to `until` (YYYY, YYYY-MM or YYYY-MM-DD, both included)."""
    events: list[Event] = [
        {
            "date": entry["date"] or "",
            "country": country["id"],
            "country_name": country["name"],
            "id": entry["id"],
            "name": entry["name"],
            "status": entry["status"],
            "description": entry["description"],
            "cited_sources": cited_details(country, entry["sources"]),
        }
        for country in countries
        for section in DATED_SECTIONS
        for entry in entries_of(country, section)
        if entry["date"]
    ]
    events = [
        e
        for e in events
        if (since is None or e["date"][: len(since)] >= since)
        and (until is None or e["date"][: len(until)] <= until)
    ]
    # Partial dates sort before full ones of the same year ("2019" < "2019-07"): the less
    # precise date comes first, which reads naturally.
    return sorted(events, key=lambda e: (e["date"], e["country"], e["id"]))
