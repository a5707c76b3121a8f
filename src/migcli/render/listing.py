"""`list`: one row per country with codes, roles, entry counts and as-of date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from migcli.render.console import safe

if TYPE_CHECKING:
    from migcli.shapes import IndexRow


_SHORT = {
    "institutions": "Ins",
    "enforcement": "Enf",
    "asylum": "Asy",
    "labor_pathways": "Lab",
    "reintegration": "Rei",
}


def render_list(console: Console, rows: list[IndexRow]) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("Id", overflow="fold", style="bold")
    table.add_column("Name and roles", ratio=3, min_width=14, overflow="fold")
    for short in _SHORT.values():
        table.add_column(short, justify="right", min_width=3, no_wrap=True)
    table.add_column("All", justify="right", min_width=3, no_wrap=True)
    table.add_column("As of", no_wrap=True)
    for row in rows:
        name = safe(row["name"])
        if row["iso2"]:
            name.append(f" ({row['iso2']}/{row['iso3']})", style="dim")
        if row["local_name"] != row["name"]:
            name.append("\n")
            name.append_text(safe(row["local_name"], "italic dim"))
        name.append("\n" + (", ".join(row["roles"]) or "regional record"), style="green")
        counts = [str(row["entries"][s]) for s in _SHORT]
        table.add_row(
            safe(row["id"]),
            name,
            *counts,
            str(sum(row["entries"].values())),
            Text(row["as_of"]),
        )
    console.print(table)
    console.print(
        Text(
            "Ins institutions · Enf enforcement · Asy asylum · Lab labour pathways · "
            "Rei reintegration · All every section",
            style="dim",
        )
    )
