"""The section registry: every kind of entry a record holds, described once.

Everything else derives from REGISTRY: the record format (models.py builds a field per
section), the cache key (this file is part of it), the help text and choices of `--section`,
the listing's columns, search grouping, the aliases users may type, and how renderers show
dates. Adding a section is one line here plus its data.
"""

from __future__ import annotations

from typing import NamedTuple


class Section(NamedTuple):
    name: str  # the TOML table name and JSON key: [[labor_pathways]]
    title: str  # the printed heading
    short: str  # three letters for the listing's columns
    core: bool  # a core section holds entries or a sourced gap note
    dated: bool  # entries need a `date`, shown instead of `established`
    search_group: int  # within a search tier: 0 bodies and programmes first, then 1, then 2
    aliases: tuple[str, ...] = ()


REGISTRY: tuple[Section, ...] = (
    Section("institutions", "Institutions", "Ins", True, False, 0),
    Section("enforcement", "Enforcement", "Enf", True, False, 0),
    Section("asylum", "Asylum and protection", "Asy", True, False, 0, ("refugees",)),
    Section("labor_pathways", "Labour pathways", "Lab", True, False, 0, ("labor", "labour")),
    Section("reintegration", "Return and reintegration", "Ret", True, False, 0, ("returns",)),
    Section("policy_changes", "Policy changes", "Pol", False, True, 1, ("changes",)),
    Section("cooperation", "Cooperation", "Coo", False, False, 1),
    Section("assessment", "Assessment", "Ass", False, False, 2),
)

SECTIONS: tuple[str, ...] = tuple(s.name for s in REGISTRY)
CORE_SECTIONS: tuple[str, ...] = tuple(s.name for s in REGISTRY if s.core)
DATED_SECTIONS: tuple[str, ...] = tuple(s.name for s in REGISTRY if s.dated)
SECTION_TITLES: dict[str, str] = {s.name: s.title for s in REGISTRY}
SECTION_SHORT: dict[str, str] = {s.name: s.short for s in REGISTRY}
SEARCH_GROUP: dict[str, int] = {s.name: s.search_group for s in REGISTRY}
ALIASES: dict[str, str] = {alias: s.name for s in REGISTRY for alias in s.aliases}

# The fields of a validated record, in order: identity, the bibliography, one list per
# section, then gaps and series. shapes.py types them; a test checks both against models.py.
IDENTITY_FIELDS: tuple[str, ...] = (
    "id", "kind", "name", "local_name", "iso2", "iso3", "aliases", "roles", "summary", "as_of",
)  # fmt: skip
RECORD_FIELDS: tuple[str, ...] = (*IDENTITY_FIELDS, "sources", *SECTIONS, "gaps", "series")


# -- names users type ---------------------------------------------------------------------------


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
    from migcli.errors import NotFoundError
    from migcli.resolve import unknown_message

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
