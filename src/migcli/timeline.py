"""`timeline`: every dated policy change, oldest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, Event


def timeline(
    countries: list[CountryRecord], since: int | None = None, until: int | None = None
) -> list[Event]:
    events: list[Event] = [
        {
            "date": entry["date"] or "",
            "country": country["id"],
            "country_name": country["name"],
            "id": entry["id"],
            "name": entry["name"],
            "status": entry["status"],
            "description": entry["description"],
        }
        for country in countries
        for entry in country["policy_changes"]
        if entry["date"]
    ]
    events = [
        e
        for e in events
        if (since is None or int(e["date"][:4]) >= since)
        and (until is None or int(e["date"][:4]) <= until)
    ]
    # Partial dates sort before full ones of the same year ("2019" < "2019-07"): the less
    # precise date comes first, which reads naturally.
    return sorted(events, key=lambda e: (e["date"], e["country"], e["id"]))
