"""The catalog: every country of the active data folder, validated once and then read from cache.

Policy for a bad file: commands other than `validate` refuse to run and name the file (exit 1),
so nobody reads a briefing with a country silently missing. `validate` reports every problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from migcli import cache
from migcli.datadir import DataDir, DataFile
from migcli.errors import DataError
from migcli.records import as_record, index_row

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path
    from typing import TypeVar

    from migcli.shapes import CountryRecord, IndexRow

    T = TypeVar("T")


class Catalog:
    def __init__(
        self, data_dir: DataDir, use_cache: bool = True, known: cache.Generation | None = None
    ) -> None:
        """`known`: the folder's state if this run has already hashed it."""
        if data_dir.refused:
            raise data_dir.refused[0]
        self.data_dir = data_dir
        self.generation = known or cache.generation(data_dir, use_cache)
        self._index: list[IndexRow] | None = None
        self._loaded: dict[str, CountryRecord] | None = None  # all, after a full build
        self._read: dict[str, CountryRecord] = {}  # single records read from the cache

    def index(self) -> list[IndexRow]:
        if self._index is None:
            cached = cache.read(self.generation, "index")
            self._index = cached if cached is not None else self._build()
        return self._index

    def country(self, country_id: str) -> CountryRecord:
        """The record of an id taken from `index()`."""
        if self._loaded is None:
            if country_id in self._read:
                return self._read[country_id]
            cached: CountryRecord | None = cache.read(self.generation, f"country-{country_id}")
            if cached is not None:
                self._read[country_id] = cached
                return cached
            self._build()
        assert self._loaded is not None
        return self._loaded[country_id]

    def countries(self, ids: Iterable[str] | None = None) -> list[CountryRecord]:
        wanted = [row["id"] for row in self.index()] if ids is None else list(ids)
        return [self.country(i) for i in wanted]

    def derived(self, name: str, build: Callable[[list[CountryRecord]], T]) -> T:
        """A value computed from all countries (such as the search index), cached with them."""
        cached: T | None = cache.read(self.generation, name)
        if cached is not None:
            return cached
        value = build(self.countries())
        cache.add_artifact(self.generation, name, value)
        return value

    def _build(self) -> list[IndexRow]:
        loaded = load_all(self.data_dir)
        self._loaded = {c["id"]: c for c, _ in loaded}
        self._index = [index_row(c, f.name) for c, f in loaded]
        artifacts: dict[str, Any] = {"index": self._index}
        artifacts.update({f"country-{c['id']}": c for c, _ in loaded})
        cache.write_generation(self.generation, artifacts)
        return self._index


def load_all(data_dir: DataDir) -> list[tuple[CountryRecord, DataFile]]:
    """Parse and validate every file; raise the first problem, naming its file."""
    from migcli.loader import load_country  # Pydantic and tomli load only on a cache miss

    loaded = []
    for data_file in data_dir.files:
        model = load_country(data_file.path, data_dir.shown(data_file))
        record = as_record(model)
        loaded.append((record, data_file))
    problems = cross_file_problems([(c, data_dir.shown(f), f.path) for c, f in loaded])
    if problems:
        raise problems[0]
    return loaded


def cross_file_problems(items: list[tuple[CountryRecord, str, Path]]) -> list[DataError]:
    """Ids that must match file names, and names, aliases and codes that two files both claim."""
    problems: list[DataError] = []
    owner: dict[str, str] = {}
    for country, shown, path in items:
        if country["id"] != path.stem:
            problems.append(
                DataError(shown, f"id: '{country['id']}' must match the file name '{path.stem}'")
            )
        for key, field in lookup_keys(country):
            first = owner.setdefault(key, country["id"])
            if first != country["id"]:
                problems.append(
                    DataError(shown, f"{field}: '{key}' is already used by country '{first}'")
                )
    return problems


def lookup_keys(country: CountryRecord) -> list[tuple[str, str]]:
    """Every (key, field) a user may type to reach this country, folded for comparison."""
    from migcli.text import fold

    keys = [(country["id"], "id")]
    codes = [("iso2", country["iso2"]), ("iso3", country["iso3"])]
    keys += [(code, field) for field, code in codes if code]
    names = [("id", country["id"]), ("name", country["name"])]
    names += [("local_name", country["local_name"])]
    names += [("aliases", alias) for alias in country["aliases"]]
    keys += [(fold(text), field) for field, text in names]
    return list(dict.fromkeys(keys))
