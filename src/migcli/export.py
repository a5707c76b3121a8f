"""`export`: the whole catalog as JSON, JSON Lines, CSV or a Markdown report, written atomically."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from migcli.errors import UsageError
from migcli.records import SECTION_TITLES, SECTIONS, entries_of
from migcli.schemas import EXPORT_FORMATS
from migcli.text import escape_controls

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, EntryRecord


CSV_COLUMNS = (
    "country", "section", "id", "name", "local_name", "acronym", "established", "status",
    "description", "source_urls", "date", "status_date", "parent", "legal_basis", "tags",
    "source_ids",
)  # fmt: skip


def render(countries: list[CountryRecord], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(countries, ensure_ascii=True, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=True) + "\n" for row in entry_rows(countries))
    if fmt == "csv":
        return to_csv(countries)
    if fmt == "markdown":
        return "\n".join(markdown(c) for c in countries)
    raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(EXPORT_FORMATS)}")


def entry_rows(countries: list[CountryRecord]) -> Iterator[dict[str, Any]]:
    """One flat row per entry, with the addresses of its sources."""
    for country in countries:
        urls = {s["id"]: s["url"] or s["reference"] or "" for s in country["sources"]}
        for section in SECTIONS:
            for entry in entries_of(country, section):
                row: dict[str, Any] = {"country": country["id"], "section": section}
                row.update(entry)
                row["source_urls"] = [urls[s] for s in entry["sources"]]
                yield row


def to_csv(countries: list[CountryRecord]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in entry_rows(countries):
        cells = {k: " ; ".join(v) if isinstance(v, list) else v for k, v in row.items()}
        cells["source_ids"] = " ; ".join(row["sources"])
        writer.writerow({k: _cell(v) for k, v in cells.items()})
    return out.getvalue()


def _cell(value: Any) -> Any:
    """No control characters, and no leading character a spreadsheet would run as a formula."""
    if not isinstance(value, str):
        return value
    value = escape_controls(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def markdown(country: CountryRecord) -> str:
    clean = escape_controls
    lines = [f"# {clean(country['name'])} ({clean(country['local_name'])})", ""]
    lines += [f"Roles: {', '.join(country['roles']) or 'regional'}. As of {country['as_of']}.", ""]
    lines += [clean(country["summary"]), ""]
    number = {s["id"]: i for i, s in enumerate(country["sources"], start=1)}
    for section in SECTIONS:
        entries = entries_of(country, section)
        if entries:
            lines += [f"## {SECTION_TITLES[section]}", ""]
            lines += [_markdown_entry(e, number) for e in entries]
            lines.append("")
    for gap in country["gaps"]:
        refs = "".join(f"[{number[s]}]" for s in gap["sources"])
        lines += [
            f"*No entry for {SECTION_TITLES[gap['section']]}:* {clean(gap['note'])} {refs}",
            "",
        ]
    lines += ["## Sources", ""]
    for source in country["sources"]:
        where = source["url"] or source["reference"] or ""
        when = source["published"] or f"accessed {source['accessed']}"
        lines.append(
            f"{number[source['id']]}. {clean(source['title'])}. {clean(source['publisher'])}, "
            f"{when}. {clean(where)}"
        )
    return "\n".join(lines) + "\n"


def _markdown_entry(entry: EntryRecord, number: dict[str, int]) -> str:
    clean = escape_controls
    name = clean(entry["name"])
    if entry["acronym"]:
        name = f"{clean(entry['acronym'])} — {name}"
    facts = [f"est. {entry['established']}"] if entry["established"] else []
    facts += [entry["date"]] if entry["date"] else []
    facts += [entry["status"]] if entry["status"] != "active" else []
    detail = f" ({'; '.join(facts)})" if facts else ""
    refs = "".join(f"[{number[s]}]" for s in entry["sources"])
    return f"- **{name}**{detail}: {clean(entry['description'])} {refs}"


def write_atomically(text: str, target: Path, force: bool, data_root: Path) -> None:
    """Write via a temporary file renamed into place: never half a file, never unasked over one."""
    target = target.expanduser()
    real = os.path.realpath  # unlike Path.resolve, never raises on a link loop
    if Path(real(target)).is_relative_to(real(data_root)):
        raise UsageError(f"'{target}' is inside the data folder; migcli never writes there")
    try:
        exists, folder_named = target.exists(), target.is_dir()
    except OSError as err:  # a name too long, a parent we may not enter
        raise UsageError(f"cannot write '{target}' ({err.strerror})") from None
    if folder_named:
        raise UsageError(f"'{target}' is a folder; name a file")
    if exists and not force:
        raise UsageError(f"'{target}' exists; add --force to overwrite it")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as err:
        raise UsageError(f"cannot write in '{folder}' ({err.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600; give the file a normal mode
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The replaced file's mode, or what a plain open() would give under the user's umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
