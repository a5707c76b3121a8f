"""`export --format sqlite`: a normalised SQLite database, searchable in Datasette.

Tables: countries, entries (one row per entry, with country and section), sources,
entry_sources (the links, with each source's number in its record), series and series_points,
with foreign keys. `entries_fts` is an FTS5 table over names, acronyms, local names and
descriptions, linked to `entries` by rowid the way sqlite-utils' enable_fts links them
(content="entries"), so Datasette's `?_search=` works on the entries table.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from migcli.records import entries_of
from migcli.registry import SECTIONS

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE countries (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, local_name TEXT NOT NULL,
    iso2 TEXT, iso3 TEXT, aliases TEXT NOT NULL, roles TEXT NOT NULL, summary TEXT NOT NULL,
    as_of TEXT NOT NULL
);
CREATE TABLE sources (
    country TEXT NOT NULL REFERENCES countries(id), id TEXT NOT NULL, number INTEGER NOT NULL,
    title TEXT NOT NULL, publisher TEXT NOT NULL, kind TEXT, url TEXT, reference TEXT,
    published TEXT, accessed TEXT, note TEXT,
    PRIMARY KEY (country, id)
);
CREATE TABLE entries (
    rowid INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE,
    country TEXT NOT NULL REFERENCES countries(id), section TEXT NOT NULL, id TEXT NOT NULL,
    name TEXT NOT NULL, local_name TEXT, acronym TEXT, established TEXT, date TEXT,
    parent TEXT, legal_basis TEXT, status TEXT NOT NULL, status_date TEXT,
    description TEXT NOT NULL, later_changes TEXT, note TEXT, tags TEXT NOT NULL
);
CREATE TABLE entry_sources (
    entry INTEGER NOT NULL REFERENCES entries(rowid), country TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (entry, source),
    FOREIGN KEY (country, source) REFERENCES sources(country, id)
);
CREATE TABLE series (
    id TEXT PRIMARY KEY, country TEXT NOT NULL REFERENCES countries(id), title TEXT NOT NULL,
    unit TEXT NOT NULL, scope TEXT NOT NULL, vintage TEXT NOT NULL, caveats TEXT NOT NULL,
    breaks TEXT NOT NULL, categories TEXT NOT NULL, sources TEXT NOT NULL
);
CREATE TABLE series_points (
    series TEXT NOT NULL REFERENCES series(id), category TEXT NOT NULL, year INTEGER NOT NULL,
    value INTEGER NOT NULL, partial INTEGER NOT NULL, note TEXT,
    PRIMARY KEY (series, category, year)
);
CREATE VIRTUAL TABLE entries_fts USING fts5(
    name, acronym, local_name, description, content="entries", content_rowid="rowid"
);
"""


def build(countries: list[CountryRecord]) -> bytes:
    """The whole database as bytes (the catalog is small), built in a private temporary file."""
    import os
    import tempfile

    fd, path = tempfile.mkstemp(suffix=".db")
    os.close(fd)
    try:
        db = sqlite3.connect(path)
        try:
            db.executescript(SCHEMA)
            for country in countries:
                _add_country(db, country)
            db.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
            db.commit()
        finally:
            db.close()
        with open(path, "rb") as handle:
            return handle.read()
    finally:
        os.unlink(path)


def _add_country(db: sqlite3.Connection, c: CountryRecord) -> None:
    db.execute(
        "INSERT INTO countries VALUES (?,?,?,?,?,?,?,?,?,?)",
        (c["id"], c["kind"], c["name"], c["local_name"], c["iso2"], c["iso3"],
         json.dumps(c["aliases"], ensure_ascii=False), json.dumps(c["roles"]), c["summary"],
         c["as_of"]),
    )  # fmt: skip
    for n, s in enumerate(c["sources"], start=1):
        db.execute(
            "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (c["id"], s["id"], n, s["title"], s["publisher"], s["kind"], s["url"],
             s["reference"], s["published"], s["accessed"], s["note"]),
        )  # fmt: skip
    for section in SECTIONS:
        for e in entries_of(c, section):
            cursor = db.execute(
                "INSERT INTO entries (ref, country, section, id, name, local_name, acronym,"
                " established, date, parent, legal_basis, status, status_date, description,"
                " later_changes, note, tags) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (f"{c['id']}/{e['id']}", c["id"], section, e["id"], e["name"], e["local_name"],
                 e["acronym"], e["established"], e["date"], e["parent"], e["legal_basis"],
                 e["status"], e["status_date"], e["description"], e["later_changes"], e["note"],
                 json.dumps(e["tags"], ensure_ascii=False)),
            )  # fmt: skip
            for source in dict.fromkeys(e["sources"]):
                db.execute(
                    "INSERT INTO entry_sources VALUES (?,?,?)", (cursor.lastrowid, c["id"], source)
                )
    for ser in c["series"]:
        db.execute(
            "INSERT INTO series VALUES (?,?,?,?,?,?,?,?,?,?)",
            (ser["id"], c["id"], ser["title"], ser["unit"], ser["scope"], ser["vintage"],
             json.dumps(ser["caveats"], ensure_ascii=False),
             json.dumps(ser["breaks"], ensure_ascii=False), json.dumps(ser["categories"]),
             json.dumps(ser["sources"])),
        )  # fmt: skip
        for p in ser["points"]:
            db.execute(
                "INSERT INTO series_points VALUES (?,?,?,?,?,?)",
                (ser["id"], p["category"], p["year"], p["value"], int(p["partial"]), p["note"]),
            )
