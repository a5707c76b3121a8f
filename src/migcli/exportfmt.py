"""Export formats as text: one row per entry (JSON Lines, CSV) and a Markdown report.

Every field the JSON export has travels in each format. Data is made inert on the way out: CSV
cells that a spreadsheet would run as a formula are prefixed with a quote, and Markdown
special characters are escaped so a data file can add no heading, link, image or HTML.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from migcli.records import entries_of, entry_details, source_numbers
from migcli.registry import SECTION_TITLES, SECTIONS
from migcli.text import escape_controls

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, EntryRecord, SourceRecord

ENTRY_FIELDS = (
    "id", "name", "local_name", "acronym", "established", "date", "parent", "legal_basis",
    "status", "status_date", "description", "later_changes", "note", "tags",
)  # fmt: skip
CSV_COLUMNS = (
    "country", "section", *ENTRY_FIELDS, "source_ids", "source_numbers", "source_kinds",
    "source_urls",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>!#&|~{}()])")


def entry_rows(countries: list[CountryRecord]) -> Iterator[dict[str, Any]]:
    """One flat row per entry: its fields plus its sources' ids, numbers, kinds and addresses."""
    for country in countries:
        number = source_numbers(country)
        by_id = {s["id"]: s for s in country["sources"]}
        for section in SECTIONS:
            for entry in entries_of(country, section):
                row: dict[str, Any] = {"country": country["id"], "section": section}
                row.update(entry)
                cited = [by_id[s] for s in entry["sources"]]
                row["source_numbers"] = [number[s["id"]] for s in cited]
                row["source_kinds"] = [s["kind"] for s in cited]
                row["source_urls"] = [s["url"] or s["reference"] or "" for s in cited]
                yield row


def to_csv(countries: list[CountryRecord]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in entry_rows(countries):
        cells = {k: " ; ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}
        cells["source_ids"] = " ; ".join(row["sources"])
        writer.writerow({k: csv_cell(v) for k, v in cells.items()})
    return out.getvalue()


def csv_cell(value: Any) -> Any:
    """No control characters, and no leading character a spreadsheet would run as a formula."""
    if not isinstance(value, str):
        return value
    if value[:1] in _FORMULA_START:
        value = "'" + value
    return escape_controls(value)


def md(value: str | None) -> str:
    """Data as Markdown text: one line, special characters escaped, controls made visible."""
    flat = " ".join(escape_controls(value or "").split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def markdown(country: CountryRecord) -> str:
    lines = [f"# {md(country['name'])} ({md(country['local_name'])})", ""]
    roles = ", ".join(country["roles"]) or "regional record"
    lines += [f"Roles: {md(roles)}. Reviewed as of {md(country['as_of'])}.", ""]
    lines += [md(country["summary"]), ""]
    number = source_numbers(country)
    for section in SECTIONS:
        entries = entries_of(country, section)
        if entries:
            lines += [f"## {SECTION_TITLES[section]}", ""]
            lines += [_markdown_entry(e, number) for e in entries]
            lines.append("")
    for gap in country["gaps"]:
        refs = "".join(f"\\[{number[s]}\\]" for s in gap["sources"])
        title = SECTION_TITLES[gap["section"]]
        lines += [f"*No entry for {title}:* {md(gap['note'])} {refs}", ""]
    lines += ["## Sources", ""]
    lines += [_markdown_source(number[s["id"]], s) for s in country["sources"]]
    return "\n".join(lines) + "\n"


def _markdown_entry(entry: EntryRecord, number: dict[str, int]) -> str:
    name = md(entry["name"])
    if entry["acronym"]:
        name = f"{md(entry['acronym'])} — {name}"
    facts = [f"est. {md(entry['established'])}"] if entry["established"] else []
    facts += [md(entry["date"])] if entry["date"] else []
    status = entry["status"] + (f" since {entry['status_date']}" if entry["status_date"] else "")
    facts += [md(status)] if entry["status"] != "active" or entry["status_date"] else []
    detail = f" ({'; '.join(facts)})" if facts else ""
    refs = "".join(f"\\[{number[s]}\\]" for s in entry["sources"])
    out = [f"- **{name}**{detail}: {md(entry['description'])} {refs}"]
    if entry["local_name"]:
        out.append(f"  - Local name: {md(entry['local_name'])}")
    out += [f"  - {label}: {md(value)}" for label, value in entry_details(entry)]
    if entry["tags"]:
        out.append(f"  - Tags: {md(', '.join(entry['tags']))}")
    out.append(f"  - Id: {md(entry['id'])}")
    return "\n".join(out)


def _markdown_source(n: int, source: SourceRecord) -> str:
    when = source["published"] or ""
    if source["accessed"]:
        when += (", " if when else "") + f"accessed {source['accessed']}"
    parts = [f"{n}. {md(source['title'])}. {md(source['publisher'])} ({md(source['kind'])})"]
    parts.append(f", {md(when)}." if when else ".")
    if source["url"]:
        parts.append(f" <{source['url']}>")  # validated http(s) address without spaces or <>
    if source["reference"]:
        parts.append(f" {md(source['reference'])}")
    if source["note"]:
        parts.append(f" Note: {md(source['note'])}")
    return "".join(parts)
