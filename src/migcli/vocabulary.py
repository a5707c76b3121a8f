"""The bilingual search vocabulary (data/vocabulary.toml): query variants in other words.

A group lists words or phrases that mean the same thing ("asylum", "asilo", "refugio"). A query
containing one of them is also run with each other member in its place, so Spanish finds
English and acronyms find names. The file is small and read only when a query runs.
"""

from __future__ import annotations

from pathlib import Path

MAX_VARIANTS = 12  # more would cost time and, with loose groups, mostly add noise


def vocabulary_path() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "vocabulary.toml"
    return packaged if packaged.is_file() else here.parent.parent / "data" / "vocabulary.toml"


def vocabulary_digest() -> str:
    """A digest of the file, so a search index built with an older vocabulary is not reused."""
    import hashlib

    try:
        raw = vocabulary_path().read_bytes()
    except OSError:
        raw = b""
    return hashlib.blake2b(raw, digest_size=8).hexdigest()


def load_groups(path: Path | None = None) -> list[list[str]]:
    """Each group's members as search keys; a missing or broken file means no synonyms."""
    import tomli

    from migcli.searchindex import search_key

    try:
        raw = tomli.loads((path or vocabulary_path()).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError):
        return []
    groups = raw.get("groups", [])
    if not isinstance(groups, list):
        return []
    out = []
    for group in groups:
        if isinstance(group, list):
            keys = list(dict.fromkeys(search_key(w) for w in group if isinstance(w, str)))
            keys = [k for k in keys if k]
            if len(keys) > 1:
                out.append(keys)
    return out


def variants(query: str, groups: list[list[str]]) -> list[str]:
    """The query with one vocabulary phrase swapped for each of its equivalents."""
    padded = f" {query} "
    out: list[str] = []
    for group in groups:
        for phrase in group:
            if f" {phrase} " not in padded:
                continue
            for other in group:
                if other != phrase:
                    out.append(padded.replace(f" {phrase} ", f" {other} ", 1).strip())
    return list(dict.fromkeys(v for v in out if v != query))[:MAX_VARIANTS]
