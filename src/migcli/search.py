"""Fuzzy search over every entry and every country name.

The index (folded strings in catalog order) is built once per data version and cached. A query
is matched in tiers, best first: exact acronym or name, prefix, all query words in the name,
fuzzy name, then all query words in the other text. Ties keep catalog order, so results are
stable. rapidfuzz's `process.extract` scores whole columns at once.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from migcli.errors import UsageError
from migcli.records import entries_of
from migcli.registry import SEARCH_GROUP, SECTION_TITLES
from migcli.searchindex import build_index, search_key, series_text
from migcli.vocabulary import variants

if TYPE_CHECKING:
    from migcli.catalog import Catalog
    from migcli.shapes import Hit

INDEX_ARTIFACT = "search-4"  # bump when build_index changes shape: the cache keys on it
MAX_QUERY = 200  # longer queries are cut: no name or phrase in the catalog comes close
TIERS = {5: "exact", 4: "prefix", 3: "words", 2: "fuzzy", 1: "text"}
_WORD = re.compile(r"[^\W_]+")


def prepare_query(query: str) -> str:
    if not query.strip():
        raise UsageError("search needs a query, for example: migcli search asylum")
    key = search_key(query[:MAX_QUERY])
    if not key:
        raise UsageError("the query has no letters or digits to search for; try a word")
    return key


def run_query(
    index: dict[str, Any],
    query: str,
    countries: set[str] | None = None,
    sections: set[str] | None = None,
) -> list[tuple[int, int, float, str]]:
    """Ranked (row, tier, score, field) for a prepared query, best first."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Prefix

    names, locals_, acronyms = index["names"], index["locals"], index["acronyms"]
    best: dict[int, tuple[int, float, str]] = {}

    def offer(row: int, tier: int, score: float, field: str) -> None:
        if row not in best or (tier, score) > best[row][:2]:
            best[row] = (tier, score, field)

    def scan(
        column: list[str], scorer: Any, cutoff: float, tier: int, field: str, text: str = query
    ) -> None:
        for _, score, row in process.extract(
            text, column, scorer=scorer, score_cutoff=cutoff, limit=None
        ):
            offer(row, tier, float(score), field)

    for column, field in ((acronyms, "acronym"), (names, "name"), (locals_, "local_name")):
        for _, _, row in process.extract(
            query, column, scorer=Prefix.similarity, score_cutoff=len(query), limit=None
        ):
            exact = len(column[row]) == len(query)
            offer(
                row,
                5 if exact else 4,
                100.0 if exact else 100.0 * len(query) / len(column[row]),
                field,
            )
    if len(query) > 2:  # one or two characters: exact and prefix matches only
        for column, field in ((names, "name"), (locals_, "local_name")):
            scan(column, fuzz.token_set_ratio, 100, 3, field)
        if len(query) >= 4:
            scan(acronyms, fuzz.ratio, 80, 2, "acronym")  # plain ratio: acronyms are one word
            for column, field in ((names, "name"), (locals_, "local_name")):
                scan(column, fuzz.WRatio, 86, 2, field)
        words = _corrected_words(query, index["vocabulary"])
        fixed = " ".join(choices[-1] for choices in words)  # each word's closest known word
        if fixed != query:
            for column, field in ((names, "name"), (locals_, "local_name")):
                scan(column, fuzz.token_set_ratio, 100, 2, field, text=fixed)
        blob, starts = index["texts"], index["starts"]
        for row in _rows_with_words(blob, starts, words):
            text = blob[starts[row] + 1 : starts[row + 1] if row + 1 < len(starts) else -1]
            # Within the text tier, an entry whose name carries the words comes first.
            named = f" {names[row]} {locals_[row]} "
            in_name = sum(1 for choices in words if any(_needle(w) in named for w in choices))
            boost = 0.75 + 0.25 * in_name / len(words)
            offer(row, 1, round(100.0 * _coverage(words, text) * boost, 3), "text")
    keys = {row: index["keys"][row].split("/") for row in best}
    ranked = [
        (row, tier, score, field)
        for row, (tier, score, field) in best.items()
        if (countries is None or keys[row][0] in countries)
        and (sections is None or keys[row][1] in sections)
    ]
    # Within a tier, the bodies and programmes themselves come before events and commentary.
    ranked.sort(key=lambda hit: (-hit[1], SEARCH_GROUP.get(keys[hit[0]][1], 0), -hit[2], hit[0]))
    return ranked


def _corrected_words(query: str, vocabulary: list[str]) -> list[list[str]]:
    """Each query word with the vocabulary words it may be a typo of (itself when known)."""
    from rapidfuzz import fuzz, process

    known = set(vocabulary)
    out = []
    for word in query.split():
        if word in known or len(word) < 4:
            out.append([word])
            continue
        close = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=80, limit=5)
        out.append([word] + [c[0] for c in reversed(close)])  # the closest last
    return out


def _rows_with_words(blob: str, starts: list[int], words: list[list[str]]) -> list[int]:
    """Rows whose text has every query word (or a correction of it) at a word start."""
    rows: set[int] | None = None
    for choices in words:
        found: set[int] = set()
        for needle in (_needle(w) for w in choices):
            at = blob.find(needle)
            while at >= 0:  # one hit per row: jump to the next row, so cost follows rows
                row = bisect.bisect_right(starts, at) - 1
                found.add(row)
                at = blob.find(needle, starts[row + 1]) if row + 1 < len(starts) else -1
        rows = found if rows is None else rows & found
        if not rows:
            return []
    return sorted(rows or ())


def _needle(word: str) -> str:
    """Words of three letters or fewer must match whole: "dif" is DIF, not "different"."""
    return f" {word} " if len(word) <= 3 else f" {word}"


def _coverage(words: list[list[str]], text: str) -> float:
    """Share of the query words found as typed (not as a typo fix): exact wording ranks higher."""
    exact = sum(1 for choices in words if _needle(choices[0]) in text)
    return round(0.5 + 0.5 * exact / len(words), 3)


_TEXT_FIELDS = ("description", "parent", "legal_basis", "tags", "section")


def search(
    catalog: Catalog,
    query: str,
    countries: set[str] | None = None,
    sections: set[str] | None = None,
    limit: int = 20,
) -> tuple[list[Hit], list[str], int]:
    """The best `limit` hits, the words to highlight, and how many hits there were in all.

    The query also runs in the other words of the search vocabulary (asilo → asylum); a hit
    found only that way ranks a little below the same tier in the typed words. A query that
    names a section (`asylum`, `return`) puts that section's entries first.
    """
    key = prepare_query(query)
    index = _index(catalog)
    queries = [key, *variants(key, index["groups"])]
    best: dict[int, tuple[int, float, str]] = {}
    for n, text in enumerate(queries):
        for row, tier, score, field in run_query(index, text, countries, sections):
            score = score if n == 0 else score * 0.95
            if row not in best or (tier, score) > best[row][:2]:
                best[row] = (tier, score, field)
    preferred = _named_sections(queries)
    keys = {row: index["keys"][row].split("/") for row in best}
    ranked = sorted(
        best.items(),
        key=lambda item: (
            keys[item[0]][1] not in preferred,
            -item[1][0],
            SEARCH_GROUP.get(keys[item[0]][1], 0),
            -item[1][1],
            item[0],
        ),
    )
    words = list(
        dict.fromkeys(
            w
            for text in queries
            for choices in _corrected_words(text, index["vocabulary"])
            for w in choices
        )
    )
    hits = [
        _hit(catalog, keys[row], tier, score, field, words)
        for row, (tier, score, field) in ranked[:limit]
    ]
    return hits, words, len(ranked)


def _index(catalog: Catalog) -> dict[str, Any]:
    from migcli.vocabulary import vocabulary_digest

    index: dict[str, Any] = catalog.derived(f"{INDEX_ARTIFACT}-{vocabulary_digest()}", build_index)
    return index


def _named_sections(queries: list[str]) -> set[str]:
    """Sections that a whole query names exactly: 'asylum', 'labour pathways', 'return'."""
    from migcli.registry import section_key

    found = set()
    for text in queries:
        section = section_key(text)
        if section:
            found.add(section)
    return found


def closest_terms(catalog: Catalog, query: str, limit: int = 3) -> list[str]:
    """Known words nearest to the query's words, for a hint when nothing matched."""
    from rapidfuzz import fuzz, process

    vocabulary = _index(catalog)["vocabulary"]
    key = search_key(query[:MAX_QUERY])
    found: list[str] = []
    for word in key.split():
        for match, _, _ in process.extract(
            word, vocabulary, scorer=fuzz.ratio, score_cutoff=60, limit=limit
        ):
            if match not in found:
                found.append(match)
    return found[:limit]


def _hit(
    catalog: Catalog, key: list[str], tier: int, score: float, field: str, words: list[str]
) -> Hit:
    country_id, section, entry_id = key
    country = catalog.country(country_id)
    if section == "series":
        series = next(x for x in country["series"] if x["id"] == entry_id)
        name, acronym = series["title"], None
        values = {"name": name, "acronym": series["id"], "text": " ".join(series_text(series))}
        text_fields: tuple[str, ...] = ("text",)
    elif section == "country":
        name, acronym = country["name"], country["iso3"]
        values = {
            "name": name,
            "local_name": country["local_name"],
            "acronym": acronym or "",
            "aliases": ", ".join(country["aliases"]),
            "summary": country["summary"],
        }
        text_fields = ("aliases", "summary")
    else:
        entry = next(e for e in entries_of(country, section) if e["id"] == entry_id)
        name, acronym = entry["name"], entry["acronym"]
        values = {k: str(v or "") for k, v in entry.items() if isinstance(v, str | None)}
        values["tags"] = ", ".join(entry["tags"])
        values["section"] = SECTION_TITLES[section]
        text_fields = _TEXT_FIELDS
    if field == "text":
        field = next((f for f in text_fields if _has_any(values[f], words)), text_fields[0])
    return {
        "ref": f"{country_id}/{entry_id}",
        "country": country_id,
        "section": section,
        "id": entry_id,
        "name": name,
        "acronym": acronym,
        "score": round(score, 1),
        "match": TIERS[tier],
        "matched_field": field,
        "matched_text": values[field],
    }


def _has_any(text: str, words: list[str]) -> bool:
    padded = f" {search_key(text)} "
    return any(_needle(w) in padded for w in words)
