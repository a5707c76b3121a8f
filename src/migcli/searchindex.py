"""The search index: one row per entry, country and series, as folded search keys.

Built once per data version and cached (search.py reads it): parallel columns of names, local
names and acronyms, one text blob that `str.find` scans, and the vocabulary of known words.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Any

from migcli.records import entries_of
from migcli.registry import SECTION_TITLES, SECTIONS
from migcli.text import fold

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, SeriesRecord

_WORD = re.compile(r"[^\W_]+")


def search_key(text: str) -> str:
    """Folded, lower-case words with a light plural strip, the same for data and queries."""
    words = _WORD.findall(fold(text))
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def build_index(countries: list[CountryRecord]) -> dict[str, Any]:
    """Parallel columns, one row per searchable record (entries and the countries themselves).

    The vocabulary's groups are stored with it, so a warm search needs no TOML parser.
    """
    from migcli.vocabulary import load_groups

    keys: list[str] = []  # "country/section/id": one string per row loads faster than a list
    names: list[str] = []
    locals_: list[str] = []
    acronyms: list[str] = []
    texts: list[str] = []
    for country in countries:
        aliases = " ".join(country["aliases"])
        keys.append(f"{country['id']}/country/{country['id']}")
        names.append(search_key(country["name"]))
        locals_.append(search_key(country["local_name"]))
        acronyms.append(search_key(country["iso3"] or ""))
        texts.append(search_key(f"{aliases} {country['summary']}"))
        for section in SECTIONS:
            for entry in entries_of(country, section):
                keys.append(f"{country['id']}/{section}/{entry['id']}")
                names.append(search_key(entry["name"]))
                locals_.append(search_key(entry["local_name"] or ""))
                acronyms.append(search_key(entry["acronym"] or ""))
                parts = [
                    entry["description"],
                    entry["parent"] or "",
                    entry["legal_basis"] or "",
                    " ".join(entry["tags"]),
                    SECTION_TITLES[section],
                    section,
                    country["name"],  # "amnesty belize" finds Belize's amnesty
                ]
                texts.append(search_key(" ".join(parts)))
        for series in country["series"]:
            keys.append(f"{country['id']}/series/{series['id']}")
            names.append(search_key(series["title"]))
            locals_.append("")
            acronyms.append(search_key(series["id"]))  # `darien-crossings` finds its series
            parts = [*series_text(series), "statistics series", country["name"]]
            texts.append(search_key(" ".join(parts)))
    # One text per row, joined by newlines into one string that str.find scans in C; each row
    # keeps a space at both ends, so " word" matches at any word start.
    blob = "".join(f"\n {t} " for t in texts) + "\n"
    starts = list(itertools.accumulate((len(t) + 3 for t in texts), initial=0))[:-1]
    vocabulary = sorted(
        {w for column in (names, locals_, texts) for s in column for w in s.split()}
    )
    return {
        "keys": keys,
        "names": names,
        "locals": locals_,
        "acronyms": acronyms,
        "texts": blob,
        "starts": starts,
        "vocabulary": vocabulary,
        "groups": load_groups(),
    }


def series_text(series: SeriesRecord) -> list[str]:
    return [series["unit"], series["scope"], " ".join(series["categories"]), *series["caveats"]]
