"""Section names and helpers over the validated records (see shapes.py for their types)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, EntryRecord, IndexRow

SectionName = Literal[
    "institutions",
    "enforcement",
    "asylum",
    "labor_pathways",
    "reintegration",
    "policy_changes",
    "cooperation",
    "assessment",
]
SECTIONS: tuple[str, ...] = get_args(SectionName)
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


# The top-level fields of a validated record, in order; a test checks them against models.py.
RECORD_FIELDS: tuple[str, ...] = (
    "id", "kind", "name", "local_name", "iso2", "iso3", "aliases", "roles", "summary", "as_of",
    "sources", *SECTIONS, "gaps", "series",
)  # fmt: skip

SECTION_SHORT: dict[str, str] = {
    "institutions": "Ins",
    "enforcement": "Enf",
    "asylum": "Asy",
    "labor_pathways": "Lab",
    "reintegration": "Ret",
    "policy_changes": "Pol",
    "cooperation": "Coo",
    "assessment": "Ass",
}


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
