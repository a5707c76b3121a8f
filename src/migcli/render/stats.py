"""`stats`: a series as a table and horizontal bars, with its source, unit, vintage and caveats."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from migcli.render.common import safe, source_line
from migcli.stats import Points, years

if TYPE_CHECKING:
    from migcli.shapes import PointRecord, SeriesView


COLOURS = ("cyan", "magenta", "yellow", "green", "blue", "red")
SHADES = ("█", "▓", "▒", "░", "▚", "▞")  # told apart without colour too
ASCII_SHADES = ("#", "=", "+", ":", "o", "*")


def render_series_list(console: Console, views: list[SeriesView]) -> None:
    """One block per series: id, country and years on the first line, then the title."""
    for view in views:
        line = safe(view["id"], "bold")
        line.append_text(safe(f"  {view['country']} · {year_span(view)}", "dim"))
        line.append("\n")
        line.append_text(safe(view["title"]))
        console.print(Padding(line, (0, 0, 1, 0)))
    console.print(Text("Show one: migcli stats SERIES", style="dim"))


def year_span(view: SeriesView) -> str:
    """`2010–2025`, with the partial years and breaks a reader must know about."""
    span = years(view)
    if not span:
        return "—"
    out = f"{span[0]}–{span[-1]}"
    partial = sorted({p["year"] for p in view["points"] if p["partial"]})
    if partial:
        out += " (" + ", ".join(str(y) for y in partial) + " partial)"
    if view["breaks"]:
        out += " break " + ", ".join(str(b["year"]) for b in view["breaks"])
    return out


def render_series(console: Console, view: SeriesView, split: bool) -> None:
    console.print(safe(view["title"], "bold"))
    console.print(safe(f"{view['unit']} · {view['scope']}", "dim"))
    console.print(value_table(view))
    legend = marks_legend(view)
    if legend:
        console.print(legend)
    parts = [c for c in view["categories"] if c != "total"] or view["categories"]
    if split or len(parts) == 1:
        # One scale for every chart, so bars compare across categories.
        largest = max((p["value"] for p in view["points"] if p["category"] in parts), default=1)
        for category in parts:
            console.print(bar_chart(console, view, [category], safe(category, "bold"), largest))
        if len(parts) > 1:
            console.print(Text(f"All charts share one scale: the longest bar is {largest:,}."))
    else:
        console.print(bar_chart(console, view, parts, Text("Stacked by category", style="bold")))
    console.print()
    console.print(Text("Vintage: ", style="bold") + safe(view["vintage"]))
    for brk in view["breaks"]:
        console.print(Text(f"Break from {brk['year']}: ", style="bold") + safe(brk["note"]))
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
    points = Points(view)
    for year in years(view):
        cells = []
        for category in view["categories"]:
            point = points.point(category, year)
            if point is None:
                cells.append(Text("missing", style="dim"))
            else:
                cells.append(Text(f"{point['value']:,}" + (" p" if point["partial"] else "")))
        label = str(year) + (" ‖" if points.break_note(year) else "")
        table.add_row(label, *cells, end_section=bool(points.break_note(year + 1)))
    return table


def marks_legend(view: SeriesView) -> Text | None:
    marks = []
    if any(p["partial"] for p in view["points"]):
        marks.append("p = partial year")
    if view["breaks"]:
        marks.append("‖ = the definition changes from this year (a gap above it)")
    return Text("; ".join(marks), style="dim") if marks else None


def bar_chart(
    console: Console,
    view: SeriesView,
    categories: list[str],
    title: Text,
    largest: int | None = None,
) -> Table:
    """One bar per year; with several categories the segments stack, each its own shade.

    `largest` fixes the scale (shared by split charts); by default the longest bar fills it.
    """
    shades = SHADES if (console.encoding or "").lower().startswith("utf") else ASCII_SHADES
    span = years(view)
    index = Points(view)
    totals = {y: sum(index.value(c, y) or 0 for c in categories) for y in span}
    largest = largest or max(totals.values(), default=0) or 1
    width = max(10, console.width - 24)
    chart = Table(box=None, title=title, title_justify="left", show_header=False, pad_edge=False)
    chart.add_column("Year", no_wrap=True)
    chart.add_column("Bar", no_wrap=True, overflow="crop")
    chart.add_column("Total", justify="right", no_wrap=True)
    for year in span:
        values = [index.value(c, year) for c in categories]
        if all(v is None for v in values):
            chart.add_row(str(year), Text("missing", style="dim"), "")
            continue
        bar = Text()
        for i, value in enumerate(values):
            cells = round((value or 0) / largest * width)
            bar.append(shades[i % len(shades)] * cells, style=COLOURS[i % len(COLOURS)])
        points = [index.point(c, year) for c in categories]
        label = f"{totals[year]:,}"
        if any(p is not None and p["partial"] for p in points):
            label += " partial year"
        if None in values:
            label += " (some missing)"
        chart.add_row(str(year) + (" ‖" if index.break_note(year) else ""), bar, label)
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
