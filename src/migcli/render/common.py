"""Helpers every renderer shares: data text made safe for Rich, statuses, source lines, links.

Data text reaches Rich only through `safe`: control characters made visible, no markup, no
emoji codes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from migcli.text import escape_controls

if TYPE_CHECKING:
    from migcli.shapes import SourceRecord


def safe(value: str | None, style: str = "") -> Text:
    """Data text for Rich: control characters made visible, no markup, no emoji codes."""
    return Text(escape_controls(value or ""), style=style)


def join(parts: list[Text], sep: str = " ") -> Text:
    return Text(sep).join(p for p in parts if p.plain)


def status_text(status: str, status_date: str | None) -> Text:
    style = {"active": "green", "paused": "yellow", "ended": "red", "proposed": "blue"}
    text = safe(status, style.get(status, ""))
    if status_date:
        text.append(f" {status_date}", style="dim")
    return text


def source_line(i: int, source: SourceRecord) -> Text:
    line = Text(f"[{i}] ", style="bold")
    line.append_text(safe(source["title"]))
    line.append(". ")
    line.append_text(safe(source["publisher"]))
    if source["kind"]:
        line.append(f" ({source['kind']})", style="dim")
    dates = []
    if source["published"]:
        dates.append(source["published"])
    if source["accessed"]:
        dates.append(f"accessed {source['accessed']}")
    if dates:
        line.append(", " + ", ".join(dates))
    line.append(".")
    if source["url"]:
        line.append(" ")
        line.append_text(link(source["url"]))
    elif source["reference"]:
        line.append(" ")
        line.append_text(safe(source["reference"], "dim"))
    return line


def link(url: str) -> Text:
    """A clickable address: the link style is set on a Text, never built as markup."""
    text = safe(url, "blue")
    if text.plain == url:  # validated addresses only; anything escaped stays plain text
        text.stylize(Style(link=url))
    return text
