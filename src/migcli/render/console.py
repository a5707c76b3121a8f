"""The Rich console, made when output starts so it sees the real terminal.

Tables are rendered into a string (`render_text`): that lets the caller strip Rich's padding
at line ends, cache the text, and page it (see pager.py).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console

from migcli.pager import strip_padding, terminal_width


def make_console() -> Console:
    # markup and emoji off: a string that slips through is printed as written, never interpreted.
    return Console(markup=False, emoji=False, highlight=False, width=terminal_width())


def render_text(draw: Callable[[Console], None]) -> str:
    """What `draw` prints on a console for the real terminal, as text (escape codes kept)."""
    console = make_console()
    with console.capture() as captured:
        draw(console)
    return strip_padding(captured.get())
