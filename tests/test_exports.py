"""Exports: every format keeps every field, data stays inert, SQLite works in Datasette."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from migcli.exportfmt import CSV_COLUMNS, ENTRY_FIELDS

from .conftest import run, write_country


def _entries(full: list[dict]) -> dict[str, dict]:  # type: ignore[type-arg]
    sections = ("institutions", "enforcement", "asylum", "labor_pathways", "reintegration",
                "policy_changes", "cooperation", "assessment")  # fmt: skip
    return {f"{c['id']}/{e['id']}": e for c in full for s in sections for e in c[s]}


@pytest.fixture(scope="module")
def full() -> list[dict]:  # type: ignore[type-arg]
    return json.loads(run("export").stdout)  # type: ignore[no-any-return]


def test_jsonl_and_csv_round_trip_every_field(full: list[dict]) -> None:  # type: ignore[type-arg]
    entries = _entries(full)
    rows = [json.loads(line) for line in run("export", "-f", "jsonl").stdout.splitlines()]
    assert {f"{r['country']}/{r['id']}" for r in rows} == set(entries)
    for row in rows:
        entry = entries[f"{row['country']}/{row['id']}"]
        assert {k: row[k] for k in entry} == entry
    table = list(csv.DictReader(io.StringIO(run("export", "-f", "csv").stdout)))
    assert list(table[0]) == list(CSV_COLUMNS)
    assert len(table) == len(entries)
    for row in table:
        entry = entries[f"{row['country']}/{row['id']}"]
        for field in ENTRY_FIELDS:
            value = entry[field]
            expected = " ; ".join(value) if isinstance(value, list) else (value or "")
            if expected[:1] in ("=", "+", "-", "@", "\t", "\r"):
                expected = "'" + expected  # neutralised for spreadsheets
            assert row[field] == expected, (row["id"], field)
        assert row["source_ids"] == " ; ".join(entry["sources"])


def test_markdown_keeps_notes_legal_basis_and_later_changes(full: list[dict]) -> None:  # type: ignore[type-arg]
    text = run("export", "-f", "markdown", "-c", "honduras").stdout
    honduras = next(c for c in full if c["id"] == "honduras")
    assert text.count("\n- **") == sum(
        len(honduras[s])
        for s in honduras
        if isinstance(honduras[s], list)
        and s not in ("sources", "gaps", "series", "aliases", "roles")
    )
    for label in ("Note: ", "Legal basis: ", "Later changes: ", "Local name: "):
        assert label in text
    assert text.startswith("# Honduras")
    assert "# Mexico" not in text


def test_sqlite_is_normalised_and_searchable(tmp_path: Path, full: list[dict]) -> None:  # type: ignore[type-arg]
    db_path = tmp_path / "migcli.db"
    assert run("export", "-f", "sqlite", "-o", str(db_path)).exit_code == 0
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    count = db.execute("SELECT count(*) FROM entries").fetchone()[0]
    assert count == len(_entries(full))
    joined = db.execute(
        "SELECT s.url FROM entries e JOIN entry_sources es ON es.entry = e.rowid "
        "JOIN sources s ON s.country = es.country AND s.id = es.source WHERE e.ref = ?",
        ("mexico/comar",),
    ).fetchall()
    assert joined and any(url and url.startswith("http") for (url,) in joined)
    found = db.execute(
        "SELECT e.ref FROM entries_fts f JOIN entries e ON e.rowid = f.rowid "
        "WHERE entries_fts MATCH 'COMAR'"
    ).fetchall()
    assert ("mexico/comar",) in found
    points = db.execute("SELECT count(*) FROM series_points").fetchone()[0]
    assert points == sum(len(s["points"]) for c in full for s in c["series"])


def test_datasette_browses_and_searches_the_export(tmp_path: Path) -> None:
    from datasette.app import Datasette

    db_path = tmp_path / "migcli.db"
    run("export", "-f", "sqlite", "-o", str(db_path))

    async def fetch() -> tuple[int, dict, dict]:  # type: ignore[type-arg]
        ds = Datasette([str(db_path)])
        page = await ds.client.get("/migcli/entries.json?_shape=objects&_size=5")
        hits = await ds.client.get("/migcli/entries.json?_search=refugio&_shape=objects")
        return page.status_code, page.json(), hits.json()

    status, page, hits = asyncio.run(fetch())
    assert status == 200 and len(page["rows"]) == 5
    assert hits["rows"] and all("ref" in row for row in hits["rows"])
    assert any("refug" in json.dumps(row, ensure_ascii=False).lower() for row in hits["rows"])


def test_sqlite_needs_a_file() -> None:
    result = run("export", "-f", "sqlite")
    assert result.exit_code == 2 and "-o FILE.db" in result.stderr


def test_dash_writes_to_stdout_and_filters_apply(tmp_path: Path) -> None:
    result = run("export", "-f", "jsonl", "-o", "-", "-c", "belize", "-s", "asylum")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {(r["country"], r["section"]) for r in rows} == {("belize", "asylum")}
    assert not (Path.cwd() / "-").exists()


def test_data_cannot_inject_markdown_or_formulas(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    write_country(
        folder, "alpha", summary='"# Heading [link](http://x.example) <b>bold</b> ![i](y)"'
    )
    path = folder / "alpha.toml"
    path.write_text(path.read_text().replace('"Runs migration policy."', '"=HYPERLINK(\\"x\\")"'))
    markdown = run("--data-dir", str(folder), "export", "-f", "markdown").stdout
    summary = markdown.splitlines()[4]
    assert (
        summary
        == "\\# Heading \\[link\\]\\(http://x.example\\) \\<b\\>bold\\</b\\> \\!\\[i\\]\\(y\\)"
    )
    table = list(
        csv.DictReader(io.StringIO(run("--data-dir", str(folder), "export", "-f", "csv").stdout))
    )
    assert table[0]["description"].startswith("'=")
