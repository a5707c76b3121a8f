"""`search`: ranked hits with the field that matched and a highlighted snippet."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from migcli.render.console import join, safe

if TYPE_CHECKING:
    from migcli.shapes import Hit


SNIPPET = 90


def render_hits(console: Console, hits: list[Hit], words: list[str]) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True, show_lines=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Country", overflow="fold", min_width=8)
    table.add_column("Section", overflow="fold", min_width=8)
    table.add_column("Entry", ratio=2, overflow="fold", min_width=14)
    table.add_column("Why", ratio=3, overflow="fold", min_width=16)
    for rank, hit in enumerate(hits, start=1):
        entry = safe(hit["name"])
        if hit["acronym"]:
            entry = join([safe(hit["acronym"], "bold"), entry], " — ")
        why = Text(f"{hit['matched_field']} ({hit['match']}): ", style="dim")
        why.append_text(highlight(hit["matched_text"], words))
        table.add_row(str(rank), safe(hit["country"]), safe(hit["section"]), entry, why)
    console.print(table)


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
