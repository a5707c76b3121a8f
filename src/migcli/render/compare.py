"""`compare`: one column per country, or stacked blocks when the terminal is too narrow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from migcli.registry import SECTION_TITLES
from migcli.render.common import join, safe

if TYPE_CHECKING:
    from migcli.shapes import CompareEntry, Comparison


LABEL_WIDTH = 14
MIN_COLUMN = 22  # below this a column turns to fragments: stack instead


def render_comparison(console: Console, comparison: Comparison) -> None:
    count = len(comparison["countries"])
    if (console.width - LABEL_WIDTH) // count - 3 < MIN_COLUMN:
        _stacked(console, comparison)
    else:
        _side_by_side(console, comparison)


def _side_by_side(console: Console, comparison: Comparison) -> None:
    countries = comparison["countries"]
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, pad_edge=False)
    table.add_column("", style="bold", min_width=8, max_width=LABEL_WIDTH, overflow="fold")
    for country in countries:
        table.add_column(safe(country["name"], "bold"), ratio=1, overflow="fold")
    table.add_row("Roles", *[safe(", ".join(c["roles"]) or "regional") for c in countries])
    table.add_row("As of", *[Text(c["as_of"]) for c in countries])
    table.add_row("Entries", *[Text(str(c["entry_count"])) for c in countries])
    for section, by_country in comparison["sections"].items():
        cells = [_cell(by_country[c["id"]]) for c in countries]
        table.add_row(Text(SECTION_TITLES[section], style="bold cyan"), *cells)
    console.print(table)


def _stacked(console: Console, comparison: Comparison) -> None:
    for country in comparison["countries"]:
        line = safe(country["name"], "bold")
        line.append(f"  {', '.join(country['roles']) or 'regional'} · as of {country['as_of']}")
        line.append(f" · {country['entry_count']} entries")
        console.print(line)
    for section, by_country in comparison["sections"].items():
        console.print()
        console.print(Text(SECTION_TITLES[section], style="bold cyan underline"))
        for country in comparison["countries"]:
            console.print(safe(country["name"], "bold"))
            console.print(Padding(_cell(by_country[country["id"]]), (0, 0, 0, 2)))


def _cell(entries: list[CompareEntry]) -> Text:
    if not entries:
        return Text("—", style="dim")
    return Text("\n").join(_line(e) for e in entries)


def _line(entry: CompareEntry) -> Text:
    name = safe(entry["name"])
    if entry["acronym"]:
        name = join([safe(entry["acronym"], "bold"), name], " — ")
    text = Text("• ")
    text.append_text(name)
    year = (entry["established"] or entry["date"] or "")[:4]
    if year:
        text.append(f" ({year})", style="dim")
    if entry["status"] != "active":
        text.append(f" [{entry['status']}]", style="yellow")
    return text
