"""Section names: checking what a user typed, and cutting a record down to chosen sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcli.errors import NotFoundError
from migcli.records import SECTIONS, entries_of
from migcli.resolve import unknown_message

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, SourceRecord


ALIASES = {
    "labor": "labor_pathways",
    "labour": "labor_pathways",
    "labour_pathways": "labor_pathways",
}


def parse_sections(typed: list[str] | None) -> list[str]:
    """The sections asked for, in catalog order; all of them when none are named."""
    if not typed:
        return list(SECTIONS)
    chosen = set()
    for name in typed:
        key = name.strip().lower().replace("-", "_")
        key = ALIASES.get(key, key)
        if key not in SECTIONS:
            close = [s for s in SECTIONS if s.startswith(key[:3])] if key else []
            raise NotFoundError(unknown_message("section", name, close[:3]) + _choices())
        chosen.add(key)
    return [s for s in SECTIONS if s in chosen]


def _choices() -> str:
    return " (sections: " + ", ".join(SECTIONS) + ")"


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


def cited_sources(country: CountryRecord, sections: list[str]) -> list[SourceRecord]:
    """The sources cited by the chosen sections and gaps, in order of first citation."""
    order: list[str] = []
    for section in sections:
        for entry in entries_of(country, section):
            order.extend(entry["sources"])
    for gap in country["gaps"]:
        if gap["section"] in sections:
            order.extend(gap["sources"])
    by_id = {s["id"]: s for s in country["sources"]}
    return [by_id[i] for i in dict.fromkeys(order) if i in by_id]
