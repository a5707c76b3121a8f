"""Section names: checking what a user typed, and cutting a record down to chosen sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcli.errors import NotFoundError
from migcli.records import SECTION_TITLES, SECTIONS, entries_of
from migcli.resolve import unknown_message

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, EntryRecord, EntryView, NumberedSource, SourceRecord


ALIASES = {
    "labor": "labor_pathways",
    "labour": "labor_pathways",
    "labour_pathways": "labor_pathways",
    "refugees": "asylum",
    "returns": "reintegration",
    "changes": "policy_changes",
}


def parse_sections(typed: list[str] | None) -> list[str]:
    """The sections asked for, in catalog order; all of them when none are named.

    A section is named by its id, its printed heading, an alias, or a unique prefix of any of
    them, in any case, with spaces, hyphens or underscores: `return`, "labour pathways", `assess`.
    """
    if not typed:
        return list(SECTIONS)
    chosen = {section_named(name) for name in typed}
    return [s for s in SECTIONS if s in chosen]


def section_named(typed: str) -> str:
    key = _key(typed)
    names = _section_names()
    if key in names:
        return names[key]
    starts = {section for name, section in names.items() if key and name.startswith(key)}
    if len(starts) == 1:
        return starts.pop()
    close = sorted(starts) or ([s for s in SECTIONS if s.startswith(key[:3])] if key else [])
    raise NotFoundError(unknown_message("section", typed, close[:3]) + _choices())


def section_key(text: str) -> str | None:
    """The section a text names exactly (id, heading, alias or heading word), else None."""
    return _section_names().get(_key(text))


def _key(text: str) -> str:
    return " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())


def _section_names() -> dict[str, str]:
    """Every way to name a section, folded by _key, to its id."""
    names = {_key(s): s for s in SECTIONS}
    names.update({_key(title): s for s, title in SECTION_TITLES.items()})
    names.update({_key(alias): s for alias, s in ALIASES.items()})
    for section, title in SECTION_TITLES.items():  # each word of a heading: "return", "protection"
        for word in _key(title).split():
            if word != "and":
                names.setdefault(word, section)
    return names


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
