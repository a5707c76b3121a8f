"""`show`: a country briefing as a header, one table per section, and numbered sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from migcli.records import SECTION_TITLES, entries_of
from migcli.render.console import join, safe
from migcli.sections import cited_sources

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, EntryRecord, SourceRecord


def render_country(console: Console, country: CountryRecord, sections: list[str]) -> None:
    sources = cited_sources(country, sections)
    number = {s["id"]: i for i, s in enumerate(sources, start=1)}
    console.print(header(country))
    console.print()
    for section in sections:
        entries = entries_of(country, section)
        if entries:
            console.print(section_table(section, entries, number))
    gaps = [g for g in country["gaps"] if g["section"] in sections]
    for gap in gaps:
        line = Text.assemble(("No entry — ", "bold"), (SECTION_TITLES[gap["section"]], "bold"))
        line.append(": ")
        line.append_text(safe(gap["note"]))
        line.append(" " + footnotes(gap["sources"], number), style="dim")
        console.print(line)
    if sources:
        console.print()
        console.print(Text("Sources", style="bold underline"))
        for i, source in enumerate(sources, start=1):
            console.print(source_line(i, source))
    console.print()


def header(country: CountryRecord) -> Text:
    title = safe(country["name"], "bold")
    details = [safe(country["local_name"], "italic")]
    if country["iso2"] and country["iso3"]:
        details.append(safe(f"{country['iso2']} / {country['iso3']}"))
    out = join([title, *details], " · ")
    out.append("\n")
    roles = ", ".join(country["roles"]) or "regional record"
    out.append_text(Text.assemble(("Roles: ", "bold"), roles))
    out.append_text(Text.assemble(("   As of: ", "bold"), country["as_of"]))
    out.append("\n")
    out.append_text(safe(country["summary"]))
    return out


def section_table(section: str, entries: list[EntryRecord], number: dict[str, int]) -> Table:
    dated = section == "policy_changes"
    table = Table(
        title=SECTION_TITLES[section],
        title_justify="left",
        title_style="bold cyan",
        box=box.SIMPLE_HEAD,
        show_lines=True,
        expand=True,
        pad_edge=False,
    )
    table.add_column("Name", ratio=2, min_width=14, overflow="fold")
    table.add_column("Date" if dated else "Est.", min_width=4, max_width=10, overflow="fold")
    table.add_column("Description", ratio=5, min_width=18, overflow="fold")
    table.add_column("Src", min_width=3, max_width=6, overflow="fold")
    for entry in entries:
        when = Text((entry["date"] if dated else entry["established"]) or "—")
        if entry["status"] != "active":
            when.append("\n")
            when.append_text(status_text(entry["status"], entry["status_date"]))
        table.add_row(
            entry_name(entry),
            when,
            entry_details(entry),
            Text(footnotes(entry["sources"], number), style="dim"),
        )
    return table


def entry_name(entry: EntryRecord) -> Text:
    name = safe(entry["name"])
    if entry["acronym"]:
        name = join([safe(entry["acronym"], "bold"), name], " — ")
    if entry["local_name"]:
        name.append("\n")
        name.append_text(safe(entry["local_name"], "italic dim"))
    return name


def status_text(status: str, status_date: str | None) -> Text:
    style = {"active": "green", "paused": "yellow", "ended": "red", "proposed": "blue"}
    text = safe(status, style.get(status, ""))
    if status_date:
        text.append(f" {status_date}", style="dim")
    return text


def entry_details(entry: EntryRecord) -> Text:
    parts = [safe(entry["description"])]
    for label, key in (
        ("Parent", "parent"),
        ("Legal basis", "legal_basis"),
        ("Later", "later_changes"),
        ("Note", "note"),
    ):
        value = entry[key]  # type: ignore[literal-required]
        if value:
            parts.append(Text.assemble((f"{label}: ", "bold"), safe(value)))
    return Text("\n").join(parts)


def footnotes(source_ids: list[str], number: dict[str, int]) -> str:
    return ",".join(str(n) for n in sorted({number[s] for s in source_ids if s in number}))


def source_line(i: int, source: SourceRecord) -> Text:
    line = Text(f"[{i}] ", style="bold")
    line.append_text(safe(source["title"]))
    line.append(". ")
    line.append_text(safe(source["publisher"]))
    dates = []
    if source["published"]:
        dates.append(source["published"])
    if source["accessed"]:
        dates.append(f"accessed {source['accessed']}")
    if dates:
        line.append(", " + ", ".join(dates))
    line.append(".")
    if source["url"]:
        line.append(" ")
        line.append_text(link(source["url"]))
    elif source["reference"]:
        line.append(" ")
        line.append_text(safe(source["reference"], "dim"))
    return line


def link(url: str) -> Text:
    """A clickable address: the link style is set on a Text, never built as markup."""
    text = safe(url, "blue")
    if text.plain == url:  # validated addresses only; anything escaped stays plain text
        text.stylize(Style(link=url))
    return text
