"""Turn what a user typed into a country id: exact id, ISO code, name or alias, unique prefix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcli.errors import NotFoundError
from migcli.text import fold, shorten

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from migcli.shapes import CountryRecord, EntryRecord, IndexRow


def resolve(rows: list[IndexRow], typed: str) -> IndexRow:
    by_id = {row["id"]: row for row in rows}
    if typed in by_id:
        return by_id[typed]
    upper = typed.strip().upper()
    for row in rows:
        if upper in (row["iso2"], row["iso3"]):
            return row
    folded = fold(typed)
    if folded:
        for row in rows:
            if folded in _names(row):
                return row
        starts = [row for row in rows if any(n.startswith(folded) for n in _names(row))]
        if len(starts) == 1:
            return starts[0]
        if not starts:  # a later word of a name: "salvador", "rica"
            starts = [r for r in rows if any(f" {folded}" in f" {n}" for n in _names(r))]
            if len(starts) == 1:
                return starts[0]
        if starts:
            ids = " or ".join(row["id"] for row in starts)
            raise NotFoundError(
                f"'{shorten(typed)}' could be {ids}; type more of the name or the id"
            )
    raise NotFoundError(unknown_message("country", typed, suggest(rows, typed)))


def resolve_ids(rows: list[IndexRow], typed: Iterable[str]) -> list[str]:
    """Ids for many typed names, in order, each name resolved once however often it is typed."""
    return list(dict.fromkeys(resolve(rows, name)["id"] for name in dict.fromkeys(typed)))


def unknown_message(what: str, typed: str, suggestions: list[str]) -> str:
    message = f"unknown {what} '{shorten(typed)}'"
    if suggestions:
        message += " — did you mean " + " or ".join(suggestions) + "?"
    return message


def suggest(rows: list[IndexRow], typed: str) -> list[str]:
    """Up to three close ids, by fuzzy match on folded names, aliases and ids."""
    folded = fold(typed)[:100]
    if not folded:
        return []
    from rapidfuzz import fuzz, process, utils  # only on the error path

    choices: dict[str, str] = {}
    for row in rows:
        for name in _names(row):
            choices.setdefault(name, row["id"])
    matches = process.extract(
        folded,
        list(choices),
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=70,
        limit=10,
    )
    best = matches[0][1] if matches else 0
    ids = list(dict.fromkeys(choices[m[0]] for m in matches if m[1] >= best - 5))
    return ids[:3]


def _names(row: IndexRow) -> list[str]:
    names = [row["id"], row["name"], row["local_name"], *row["aliases"]]
    return [fold(n) for n in names]


def resolve_entry(country: CountryRecord, typed: str) -> tuple[str, EntryRecord]:
    """(section, entry) named by id, acronym, name or a unique prefix of an id or name."""
    from migcli.records import entries_of
    from migcli.registry import SECTIONS

    pairs = [(s, e) for s in SECTIONS for e in entries_of(country, s)]
    folded = fold(typed)
    tests: tuple[Callable[[EntryRecord], bool], ...] = (
        lambda e: e["id"] == typed.strip().lower(),
        lambda e: bool(e["acronym"]) and fold(e["acronym"] or "") == folded,
        lambda e: fold(e["name"]) == folded or fold(e["local_name"] or "") == folded,
        lambda e: (
            e["id"].startswith(typed.strip().lower())
            or fold(e["name"]).startswith(folded)
            or fold(e["local_name"] or "").startswith(folded)
        ),
    )
    for test in tests if folded else ():
        found = [(s, e) for s, e in pairs if test(e)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            refs = ", ".join(f"{country['id']}/{e['id']}" for _, e in found[:6])
            more = "" if len(found) <= 6 else f" and {len(found) - 6} more"
            raise NotFoundError(f"'{shorten(typed)}' could be {refs}{more}; use the id")
    if any(s["id"] == typed for s in country["series"]):
        raise NotFoundError(
            f"'{shorten(typed)}' is a statistical series; see: migcli stats {typed}"
        )
    raise NotFoundError(
        f"no entry '{shorten(typed)}' in {country['id']}; "
        f"list them with: migcli show {country['id']} or migcli search"
    )
