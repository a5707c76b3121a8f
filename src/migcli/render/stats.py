"""`stats`: a series as a table and horizontal bars, with its source, unit, vintage and caveats."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from migcli.render.console import safe
from migcli.render.show import source_line
from migcli.stats import value_at, years

if TYPE_CHECKING:
    from migcli.shapes import PointRecord, SeriesView


COLOURS = ("cyan", "magenta", "yellow", "green", "blue", "red")
SHADES = ("█", "▓", "▒", "░", "▚", "▞")  # told apart without colour too
ASCII_SHADES = ("#", "=", "+", ":", "o", "*")


def render_series_list(console: Console, views: list[SeriesView]) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("Series", style="bold", overflow="fold")
    table.add_column("Country", overflow="fold")
    table.add_column("Title", ratio=3, overflow="fold")
    table.add_column("Years", no_wrap=True)
    for view in views:
        span = years(view)
        table.add_row(
            safe(view["id"]),
            safe(view["country"]),
            safe(view["title"]),
            f"{span[0]}–{span[-1]}" if span else "—",
        )
    console.print(table)
    console.print(Text("Show one: migcli stats SERIES", style="dim"))


def render_series(console: Console, view: SeriesView, split: bool) -> None:
    console.print(safe(view["title"], "bold"))
    console.print(safe(f"{view['unit']} · {view['scope']}", "dim"))
    console.print(value_table(view))
    parts = [c for c in view["categories"] if c != "total"] or view["categories"]
    if split or len(parts) == 1:
        for category in parts:
            console.print(bar_chart(console, view, [category], safe(category, "bold")))
    else:
        console.print(bar_chart(console, view, parts, Text("Stacked by category", style="bold")))
    console.print()
    console.print(Text("Vintage: ", style="bold") + safe(view["vintage"]))
    for caveat in view["caveats"]:
        console.print(Text("Caveat: ", style="bold") + safe(caveat))
    for i, source in enumerate(view["sources"], start=1):
        console.print(source_line(i, source))
    for note, points in _notes_by_text(view["points"]).items():
        where = ", ".join(f"{p['category']} {p['year']}" for p in points)
        console.print(Text(f"Note ({where}): ", style="bold") + safe(note))


def value_table(view: SeriesView) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Year", no_wrap=True)
    for category in view["categories"]:
        table.add_column(safe(category), justify="right", overflow="fold")
    for year in years(view):
        cells = []
        for category in view["categories"]:
            value = value_at(view, category, year)
            cells.append(Text("missing", style="dim") if value is None else Text(f"{value:,}"))
        table.add_row(str(year), *cells)
    return table


def bar_chart(console: Console, view: SeriesView, categories: list[str], title: Text) -> Table:
    """One bar per year; with several categories the segments stack, each its own shade."""
    shades = SHADES if (console.encoding or "").lower().startswith("utf") else ASCII_SHADES
    span = years(view)
    totals = {y: sum(value_at(view, c, y) or 0 for c in categories) for y in span}
    largest = max(totals.values(), default=0) or 1
    width = max(10, console.width - 24)
    chart = Table(box=None, title=title, title_justify="left", show_header=False, pad_edge=False)
    chart.add_column("Year", no_wrap=True)
    chart.add_column("Bar", no_wrap=True, overflow="crop")
    chart.add_column("Total", justify="right", no_wrap=True)
    for year in span:
        values = [value_at(view, c, year) for c in categories]
        if all(v is None for v in values):
            chart.add_row(str(year), Text("missing", style="dim"), "")
            continue
        bar = Text()
        for i, value in enumerate(values):
            cells = round((value or 0) / largest * width)
            bar.append(shades[i % len(shades)] * cells, style=COLOURS[i % len(COLOURS)])
        label = f"{totals[year]:,}" + (" (partial)" if None in values else "")
        chart.add_row(str(year), bar, label)
    if len(categories) > 1:
        legend = Text("Key: ")
        for i, category in enumerate(categories):
            legend.append(shades[i % len(shades)], style=COLOURS[i % len(COLOURS)])
            legend.append_text(safe(f" {category}  "))
        chart.caption = legend
        chart.caption_justify = "left"
    return chart


def _notes_by_text(points: list[PointRecord]) -> dict[str, list[PointRecord]]:
    """Point notes, each said once with every point it applies to."""
    grouped: dict[str, list[PointRecord]] = {}
    for point in points:
        if point["note"]:
            grouped.setdefault(point["note"], []).append(point)
    return grouped
