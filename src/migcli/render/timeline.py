"""`timeline`: dated policy changes, oldest first, across countries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table

from migcli.render.common import safe, status_text

if TYPE_CHECKING:
    from migcli.shapes import Event


def render_timeline(console: Console, events: list[Event]) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True, show_lines=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Country", overflow="fold", min_width=8)
    table.add_column("Change", ratio=3, overflow="fold")
    table.add_column("Status", overflow="fold")
    for event in events:
        table.add_row(
            event["date"],
            safe(event["country_name"]),
            safe(event["name"], "bold") + "\n" + safe(event["description"]),
            status_text(event["status"], None),
        )
    console.print(table)
