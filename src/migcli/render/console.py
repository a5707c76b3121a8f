"""The Rich console, made when output starts so it sees the real terminal width."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from migcli.text import escape_controls


def make_console() -> Console:
    # markup and emoji off: a string that slips through is printed as written, never interpreted.
    return Console(markup=False, emoji=False, highlight=False)


def safe(value: str | None, style: str = "") -> Text:
    """Data text for Rich: control characters made visible, no markup, no emoji codes."""
    return Text(escape_controls(value or ""), style=style)


def join(parts: list[Text], sep: str = " ") -> Text:
    return Text(sep).join(p for p in parts if p.plain)
