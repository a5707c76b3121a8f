"""Turn what a user typed into a country id: exact id, ISO code, name or alias, unique prefix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcli.errors import NotFoundError
from migcli.text import fold, shorten

if TYPE_CHECKING:
    from migcli.shapes import IndexRow


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
    raise NotFoundError(unknown_message("country", typed, suggest(rows, typed)))


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
    ids = list(dict.fromkeys(choices[m[0]] for m in matches))
    return ids[:3]


def _names(row: IndexRow) -> list[str]:
    names = [row["id"], row["name"], row["local_name"], *row["aliases"]]
    return [fold(n) for n in names]
