"""`search`: ranked hits with the field that matched and a highlighted snippet."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from migcli.render.common import join, safe

if TYPE_CHECKING:
    from migcli.shapes import Hit


SNIPPET = 90


STACK_BELOW = 100  # columns: narrower terminals get one block per hit instead of a table


def render_hits(console: Console, hits: list[Hit], words: list[str], total: int) -> None:
    """One row per thing found; the same thing in several countries is one row."""
    groups = group_hits(hits)
    if console.width < STACK_BELOW:
        for rank, group in enumerate(groups, start=1):
            console.print(hit_block(rank, group, words))
    else:
        console.print(hit_table(groups, words))
    shown = (
        f"{len(hits)} of {total} hits; -n {total} for all"
        if total > len(hits)
        else (f"{total} hit" + ("" if total == 1 else "s"))
    )
    console.print(Text(f"{shown}. Open one: migcli show COUNTRY/ENTRY", style="dim"))


def hit_block(rank: int, group: list[Hit], words: list[str]) -> Padding:
    hit = group[0]
    block = Text(f"{rank}. ", style="bold")
    block.append_text(entry_label(hit))
    block.append("\n")
    block.append_text(safe(", ".join(h["ref"] for h in group)))
    block.append(f" · {hit['section']}", style="dim")
    block.append("\n")
    block.append(f"{hit['matched_field']} ({hit['match']}): ", style="dim")
    block.append_text(highlight(hit["matched_text"], words))
    return Padding(block, (0, 0, 1, 0))


def entry_label(hit: Hit) -> Text:
    entry = safe(hit["name"], "bold")
    if hit["acronym"]:
        entry = join([safe(hit["acronym"], "bold"), entry], " — ")
    return entry


def hit_table(groups: list[list[Hit]], words: list[str]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True, show_lines=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Where", ratio=2, overflow="fold", min_width=12)
    table.add_column("Entry", ratio=2, overflow="fold", min_width=14)
    table.add_column("Why", ratio=3, overflow="fold", min_width=16)
    for rank, group in enumerate(groups, start=1):
        hit = group[0]
        where = safe("\n".join(h["ref"] for h in group))
        where.append(f"\n{hit['section']}", style="dim")
        why = Text(f"{hit['matched_field']} ({hit['match']}): ", style="dim")
        why.append_text(highlight(hit["matched_text"], words))
        table.add_row(str(rank), where, entry_label(hit), why)
    return table


def group_hits(hits: list[Hit]) -> list[list[Hit]]:
    """Hits for the same thing in several countries (same section, and same id or name)."""
    groups: list[list[Hit]] = []
    where: dict[tuple[str, str], int] = {}
    for hit in hits:
        keys = [(hit["section"], "id:" + hit["id"]), (hit["section"], "name:" + hit["name"])]
        found = next((where[k] for k in keys if k in where), None)
        if found is None or hit["section"] in ("country", "series"):
            found = len(groups)
            groups.append([])
        groups[found].append(hit)
        for key in keys:
            where.setdefault(key, found)
    return groups


def highlight(value: str, words: list[str]) -> Text:
    """The field around its first match, with every matched word styled on the data text."""
    folded, origin = _fold_with_origin(value)
    spans = []
    for word in words:
        start = 0
        while (found := folded.find(word, start)) >= 0:
            if found == 0 or not folded[found - 1].isalnum():
                spans.append((origin[found], origin[found + len(word) - 1] + 1))
            start = found + len(word)
    first = min((s for s, _ in spans), default=0)
    lo = max(0, first - SNIPPET // 3)
    hi = min(len(value), lo + SNIPPET)
    text = safe(value[lo:hi])  # escaping only adds characters after a control char
    if text.plain == value[lo:hi]:
        for start, end in spans:
            if lo <= start and end <= hi:
                text.stylize("bold reverse", start - lo, end - lo)
    if lo > 0:
        text = Text("…") + text
    if hi < len(value):
        text.append("…")
    return text


def _fold_with_origin(value: str) -> tuple[str, list[int]]:
    """Lower-case, accent-free text, and for each of its characters the index it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(value):
        for part in unicodedata.normalize("NFKD", char).casefold():
            if not unicodedata.combining(part):
                chars.append(part)
                origin.append(i)
    return "".join(chars), origin
