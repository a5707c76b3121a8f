"""`list`: one row per country with codes, roles, entry counts and as-of date."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from migcli.records import IndexRow
from migcli.render.console import safe

_SHORT = {"institutions": "Inst", "enforcement": "Enf", "asylum": "Asy",
          "labor_pathways": "Lab", "reintegration": "Rei"}


def render_list(console: Console, rows: list[IndexRow]) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Id", no_wrap=True, style="bold")
    table.add_column("Name", overflow="fold")
    table.add_column("ISO", no_wrap=True)
    table.add_column("Roles", overflow="fold")
    for short in _SHORT.values():
        table.add_column(short, justify="right")
    table.add_column("All", justify="right")
    table.add_column("As of", no_wrap=True)
    for row in rows:
        name = safe(row["name"])
        if row["local_name"] != row["name"]:
            name.append("\n")
            name.append_text(safe(row["local_name"], "italic dim"))
        iso = f"{row['iso2']}/{row['iso3']}" if row["iso2"] else "—"
        counts = [str(row["entries"][s]) for s in _SHORT]
        table.add_row(
            safe(row["id"]), name, Text(iso), safe(", ".join(row["roles"]) or "region"),
            *counts, str(sum(row["entries"].values())), Text(row["as_of"]),
        )
    console.print(table)
    console.print(Text(
        "Inst institutions · Enf enforcement · Asy asylum · Lab labour pathways · "
        "Rei reintegration · All every section", style="dim"))
