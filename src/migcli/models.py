"""The record format: one TOML file per country, validated by these Pydantic models.

Only the loader and schema generation import this module; hot paths read the validated cache
as plain dicts.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    create_model,
    model_validator,
)

from migcli.registry import CORE_SECTIONS, DATED_SECTIONS, SECTIONS
from migcli.text import find_control_char, find_invisible_char, mixed_script_word

Role = Literal["origin", "transit", "destination", "return"]
Status = Literal["active", "paused", "ended", "proposed", "unknown"]
SourceKind = Literal["official", "intergovernmental", "research", "press", "ngo", "other"]

_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# \Z and re.ASCII: no trailing newline, no digits from other scripts.
_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?\Z", re.ASCII)
_URL = re.compile(r"^https?://[^\s\"<>\\^`{|}]+\Z")


def _no_controls(value: str) -> str:
    bad = find_control_char(value)
    if bad is not None:
        raise ValueError(f"control character U+{ord(bad):04X} is not allowed; remove it")
    return value


def _partial_date(value: str) -> str:
    if not _PARTIAL_DATE.match(value):
        shown = repr(value if len(value) <= 30 else value[:27] + "...")
        raise ValueError(f"{shown} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError("not an http(s) address without spaces")
    if "@" in value.split("/", 3)[2]:  # user@host hides the real host from a reader
        raise ValueError("an address with user information (user@host); remove it")
    return value


def _plain_name(value: str) -> str:
    """Names, aliases and acronyms: no invisible characters, no look-alike script mixing."""
    bad = find_invisible_char(value)
    if bad is not None:
        raise ValueError(f"invisible character U+{ord(bad):04X} in a name; remove it")
    word = mixed_script_word(value)
    if word is not None:
        raise ValueError("a word mixes Latin, Cyrillic or Greek letters; retype it in one script")
    return value


def _core_section(value: str) -> str:
    if value not in CORE_SECTIONS:
        raise ValueError(
            f"'{value[:40]}' is not a core section; use one of {', '.join(CORE_SECTIONS)}"
        )
    return value


Text = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_no_controls)]
SectionNameField = Annotated[
    str,
    AfterValidator(_core_section),
    WithJsonSchema({"type": "string", "enum": list(CORE_SECTIONS)}),
]
Name = Annotated[Text, AfterValidator(_plain_name)]
Slug = Annotated[str, Field(pattern=_SLUG, max_length=64)]
PartialDate = Annotated[str, AfterValidator(_partial_date)]
FullDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_partial_date)]
Url = Annotated[str, Field(max_length=2000), AfterValidator(_no_controls), AfterValidator(_url)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(Record):
    """A citation, listed once per file in [[sources]] and referenced by id."""

    id: Slug
    title: Text
    publisher: Text
    kind: SourceKind = Field(
        description=(
            "official: government, agency, gazette, court; intergovernmental: UN agencies, IOM,"
            " OAS, ECLAC, IDB; research: MPI, CRS, universities, think tanks; press; ngo; other."
        ),
    )
    url: Url | None = None
    reference: Text | None = Field(
        default=None, description="Full bibliographic reference, for sources without an address."
    )
    published: PartialDate | None = None
    accessed: PartialDate | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _locatable(self) -> Source:
        if self.url is None and self.reference is None:
            raise ValueError("a source needs a url or a full reference")
        if self.published is None and self.accessed is None:
            raise ValueError("a source needs a published or accessed date")
        return self


class Entry(Record):
    """One institution, body, mechanism, pathway, program, change, arrangement or assessment."""

    id: Slug
    name: Name
    local_name: Name | None = None
    acronym: Name | None = None
    established: PartialDate | None = Field(default=None, description="When the body was created.")
    date: PartialDate | None = Field(
        default=None, description="When a dated event happened (required in policy_changes)."
    )
    parent: Text | None = None
    legal_basis: Text | None = None
    status: Status = "active"
    status_date: PartialDate | None = Field(
        default=None, description="When the current status began (for example when it ended)."
    )
    description: Text
    later_changes: Text | None = Field(
        default=None, description="What changed after the 2021 source, up to the file's as_of."
    )
    note: Text | None = Field(default=None, description="Caveats, and where sources disagree.")
    tags: list[
        Annotated[str, Field(min_length=1, max_length=60), AfterValidator(_no_controls)]
    ] = []
    sources: list[Slug] = Field(min_length=1)


class Gap(Record):
    """A sourced statement that a core section has no entry for this country."""

    section: SectionNameField
    note: Text
    sources: list[Slug] = Field(min_length=1)


class Point(Record):
    category: Slug
    year: int = Field(ge=1900, le=2100)
    value: int = Field(ge=0)
    partial: bool = Field(
        default=False, description="The value covers part of the year only; say which in note."
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _partial_says_which(self) -> Point:
        if self.partial and self.note is None:
            raise ValueError("a partial point needs a note saying which months it covers")
        return self


class Break(Record):
    """From `year` on, the series counts something different; `note` says what changed."""

    year: int = Field(ge=1900, le=2100)
    note: Text


class Series(Record):
    """A statistical series: year/value points per category; a missing point is absent."""

    id: Slug
    title: Text
    unit: Text
    scope: Text
    vintage: Text
    caveats: list[Text] = []
    breaks: list[Break] = []
    categories: list[Slug] = Field(min_length=1)
    sources: list[Slug] = Field(min_length=1)
    points: list[Point] = Field(min_length=1)

    @model_validator(mode="after")
    def _points_fit(self) -> Series:
        seen: set[tuple[str, int]] = set()
        for i, point in enumerate(self.points):
            if point.category not in self.categories:
                raise ValueError(f"points[{i}]: category '{point.category}' is not in categories")
            key = (point.category, point.year)
            if key in seen:
                raise ValueError(f"points[{i}]: a second value for {point.category} {point.year}")
            seen.add(key)
        return self


class CountryBase(Record):
    """A country file, or the regional record (kind = "region"): identity and bibliography.

    `Country` below adds one list per section of the registry, then gaps and series.
    """

    id: Slug
    kind: Literal["country", "region"] = "country"
    name: Name
    local_name: Name
    iso2: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    iso3: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    aliases: list[Name] = []
    roles: list[Role] = []
    summary: Text
    as_of: FullDate
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> CountryBase:
        if self.kind == "country" and (self.iso2 is None or self.iso3 is None):
            raise ValueError("a country needs iso2 and iso3 codes")
        source_ids = [s.id for s in self.sources]
        _no_duplicates("sources", source_ids)
        known = set(source_ids)
        entry_ids: list[str] = []
        for section in SECTIONS:
            for i, entry in enumerate(getattr(self, section)):
                entry_ids.append(entry.id)
                _check_refs(f"{section}[{i}].sources", entry.sources, known)
                if section in DATED_SECTIONS and entry.date is None:
                    raise ValueError(f"{section}[{i}].date: entries here need a date")
        _no_duplicates("entry", entry_ids)
        gaps: list[Gap] = getattr(self, "gaps")  # noqa: B009 - fields added by create_model
        for i, gap in enumerate(gaps):
            _check_refs(f"gaps[{i}].sources", gap.sources, known)
        series_list: list[Series] = getattr(self, "series")  # noqa: B009
        _no_duplicates("series", [s.id for s in series_list])
        for i, series in enumerate(series_list):
            _check_refs(f"series[{i}].sources", series.sources, known)
        return self


# One list of entries per section of the registry, in its order, then gaps and series.
_LATER_FIELDS: dict[str, Any] = {name: (list[Entry], []) for name in SECTIONS}
_LATER_FIELDS.update(gaps=(list[Gap], []), series=(list[Series], []))
Country: type[CountryBase] = create_model(
    "Country",
    __base__=CountryBase,
    __doc__='A country file, or the regional record (kind = "region").',
    **_LATER_FIELDS,
)


def _check_refs(where: str, refs: list[str], known: set[str]) -> None:
    for ref in refs:
        if ref not in known:
            raise ValueError(f"{where}: unknown source '{ref}'; add it to [[sources]]")


def _no_duplicates(what: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"duplicate {what} id '{item}'")
        seen.add(item)
