"""`show`: a country briefing as a header, one table per section, and numbered sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from migcli.records import cited_sources, entries_of, entry_details, source_numbers
from migcli.registry import DATED_SECTIONS, SECTION_TITLES
from migcli.render.common import join, safe, source_line, status_text

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, EntryRecord, EntryView


def render_country(console: Console, country: CountryRecord, sections: list[str]) -> None:
    sources = cited_sources(country, sections)
    number = source_numbers(country)
    console.print(header(country))
    console.print()
    for section in sections:
        entries = entries_of(country, section)
        if entries and console.width < STACK_BELOW:
            console.print(Text(SECTION_TITLES[section], style="bold cyan"))
            for entry in entries:
                console.print(entry_block(section, entry, number))
        elif entries:
            console.print(section_table(section, entries, number))
    gaps = [g for g in country["gaps"] if g["section"] in sections]
    for gap in gaps:
        line = Text.assemble(("No entry — ", "bold"), (SECTION_TITLES[gap["section"]], "bold"))
        line.append(": ")
        line.append_text(safe(gap["note"]))
        line.append(" (sources: " + footnotes(gap["sources"], number) + ")", style="dim")
        console.print(line)
    if sources:
        console.print()
        console.print(Text("Sources", style="bold underline"))
        for i, source in sources:
            console.print(source_line(i, source))
    console.print()


STACK_BELOW = 70  # columns: narrower terminals get one block per entry instead of a table


def entry_block(section: str, entry: EntryRecord, number: dict[str, int]) -> Padding:
    """An entry as a block of lines: name, date and status, then the details."""
    block = entry_name(entry)
    when = entry["date"] if section in DATED_SECTIONS else entry["established"]
    facts = Text()
    if when:
        facts.append(when if section in DATED_SECTIONS else f"est. {when}")
    if entry["status"] != "active":
        facts.append("  " if when else "")
        facts.append_text(status_text(entry["status"], entry["status_date"]))
    if facts.plain:
        block.append("\n")
        block.append_text(facts)
    block.append("\n")
    block.append_text(entry_text(entry, number))
    return Padding(block, (0, 0, 1, 2))


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
    dated = section in DATED_SECTIONS
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
    for entry in entries:
        when = Text((entry["date"] if dated else entry["established"]) or "—")
        if entry["status"] != "active":
            when.append("\n")
            when.append_text(status_text(entry["status"], entry["status_date"]))
        table.add_row(
            entry_name(entry),
            when,
            entry_text(entry, number),
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


def entry_text(entry: EntryRecord, number: dict[str, int]) -> Text:
    parts = [safe(entry["description"])]
    for label, value in entry_details(entry):
        parts.append(Text.assemble((f"{label}: ", "bold"), safe(value)))
    parts.append(Text("Sources: " + footnotes(entry["sources"], number), style="dim"))
    return Text("\n").join(parts)


def footnotes(source_ids: list[str], number: dict[str, int]) -> str:
    """`1, 12, 13`: numbers never break, since a line wraps only at the spaces between them."""
    return ", ".join(str(n) for n in sorted({number[s] for s in source_ids if s in number}))


ENTRY_FIELDS = (
    ("Local name", "local_name"),
    ("Acronym", "acronym"),
    ("Established", "established"),
    ("Date", "date"),
    ("Status", "status"),
    ("Status since", "status_date"),
    ("Parent", "parent"),
    ("Legal basis", "legal_basis"),
    ("Description", "description"),
    ("Later changes", "later_changes"),
    ("Note", "note"),
)


def render_entry(console: Console, view: EntryView) -> None:
    """One entry, every field labelled, then its sources in full with their record numbers."""
    entry = view["entry"]
    title = safe(entry["name"], "bold")
    title.append_text(safe(f"  {view['ref']} · {SECTION_TITLES[view['section']]}", "dim"))
    console.print(title)
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column("Field", style="bold", no_wrap=True)
    table.add_column("Value", ratio=1, overflow="fold")
    for label, key in ENTRY_FIELDS:
        value = entry[key]  # type: ignore[literal-required]
        if value:
            table.add_row(label, safe(str(value)))
    if entry["tags"]:
        table.add_row("Tags", safe(", ".join(entry["tags"])))
    console.print(table)
    console.print(Text("Sources", style="bold underline"))
    for source in view["cited_sources"]:
        line = source_line(source["number"], source)
        if source["note"]:
            line.append("\n")
            line.append_text(safe(source["note"], "dim"))
        console.print(line)
    console.print()
