"""`list`: one line per country with codes, roles and entries per section; as-of said once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from migcli.registry import SECTION_SHORT, SECTION_TITLES, SECTIONS
from migcli.render.common import safe

if TYPE_CHECKING:
    from migcli.shapes import IndexRow

STACK_BELOW = 64  # columns: narrower terminals get one block per country
WIDE = 110  # columns: from here the local name fits too
ROLE_LETTERS = {"origin": "O", "transit": "T", "destination": "D", "return": "R"}


def render_list(console: Console, rows: list[IndexRow]) -> None:
    if console.width < STACK_BELOW:
        for row in rows:
            console.print(country_block(row))
    else:
        console.print(country_table(rows, console.width))
    legend = " · ".join(f"{SECTION_SHORT[s]} {SECTION_TITLES[s].lower()}" for s in SECTIONS)
    roles = " · ".join(f"{letter} {role}" for role, letter in ROLE_LETTERS.items())
    console.print(Text(f"Entries per section: {legend}.", style="dim"))
    console.print(Text(f"Roles: {roles}.", style="dim"))
    by_date: dict[str, list[str]] = {}
    for row in rows:
        by_date.setdefault(row["as_of"], []).append(row["id"])
    if len(by_date) == 1:
        console.print(Text(f"Every record reviewed as of {rows[0]['as_of']}.", style="dim"))
    else:
        dates = "; ".join(f"{d}: {', '.join(ids)}" for d, ids in sorted(by_date.items()))
        console.print(Text(f"Reviewed as of {dates}.", style="dim"))


def roles_of(row: IndexRow) -> str:
    return "".join(letter for role, letter in ROLE_LETTERS.items() if role in row["roles"]) or "—"


def country_table(rows: list[IndexRow], width: int) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False, padding=(0, 0, 0, 0))
    table.add_column("Id", style="bold", no_wrap=True)
    name_width = 24 if width >= WIDE else 13 + max(0, width - 80)
    table.add_column("Name", no_wrap=True, overflow="ellipsis", max_width=name_width)
    local = width >= WIDE
    if local:
        table.add_column("Local name", no_wrap=True, overflow="ellipsis", max_width=24)
    table.add_column("ISO", no_wrap=True)
    for section in SECTIONS:
        table.add_column(SECTION_SHORT[section], justify="right", no_wrap=True)
    table.add_column("All", justify="right", no_wrap=True)
    table.add_column("Roles", no_wrap=True)
    for row in rows:
        counts = [Text(str(row["entries"][s])) for s in SECTIONS]
        cells: list[Text] = [safe(row["id"]), safe(row["name"])]
        cells += [safe(row["local_name"])] if local else []
        cells += [Text(row["iso2"] or "—")]
        cells += [*counts, Text(str(sum(row["entries"].values()))), Text(roles_of(row))]
        table.add_row(*cells)
    return table


def country_block(row: IndexRow) -> Text:
    line = safe(row["id"], "bold")
    line.append_text(safe(f" {row['name']}"))
    line.append_text(safe(f" ({row['iso2']})" if row["iso2"] else " (region)", "dim"))
    line.append(f"\n  {sum(row['entries'].values())} entries, roles {roles_of(row)}")
    return line
