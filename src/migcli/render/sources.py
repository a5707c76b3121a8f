"""`sources`: a numbered bibliography per country, with clickable addresses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from migcli.render.common import safe, source_line

if TYPE_CHECKING:
    from migcli.shapes import SourceRecord


def render_sources(console: Console, by_country: dict[str, list[SourceRecord]]) -> None:
    for country, sources in by_country.items():
        console.print(safe(country, "bold underline"))
        for i, source in enumerate(sources, start=1):
            line = source_line(i, source)
            if source["note"]:
                line.append("\n")
                line.append_text(safe(source["note"], "dim"))
            console.print(Padding(line, (0, 0, 0, 2)))
        console.print(Text())
