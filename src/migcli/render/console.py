"""The Rich console, made when output starts so it sees the real terminal, and the pager.

Tables are rendered into a string first: that lets us strip Rich's padding at line ends and,
like git, send output taller than the screen to a pager when stdout is a terminal.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.text import Text

from migcli.text import escape_controls

DEFAULT_WIDTH = 80
MIN_WIDTH = 20
MAX_WIDTH = 1000
DEFAULT_PAGER = "less -FRX"  # quit if one screen, keep colours, leave the text on screen
_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def terminal_width() -> int:
    """COLUMNS when it is a sane number, else the terminal's width, else 80."""
    raw = os.environ.get("COLUMNS", "")
    width = int(raw) if raw.strip().isdigit() and len(raw.strip()) < 6 else 0
    if not 0 < width <= MAX_WIDTH:
        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        width = width if 0 < width <= MAX_WIDTH else DEFAULT_WIDTH
    return max(width, MIN_WIDTH)


def make_console() -> Console:
    # markup and emoji off: a string that slips through is printed as written, never interpreted.
    return Console(markup=False, emoji=False, highlight=False, width=terminal_width())


@contextmanager
def paged(use_pager: bool = True) -> Iterator[Console]:
    """A console whose output goes to stdout at the end, through a pager when that helps."""
    console = make_console()
    with console.capture() as captured:
        yield console
    text = _TRAILING.sub(r"\1", captured.get())
    command = pager_command() if use_pager else None
    tall = text.count("\n") >= _screen_lines()
    if command and tall and sys.stdout.isatty() and _run_pager(command, text):
        return
    sys.stdout.write(text)


def pager_command() -> str | None:
    """$MIGCLI_PAGER, else $PAGER, else less -FRX; an empty MIGCLI_PAGER turns paging off."""
    if "MIGCLI_PAGER" in os.environ:
        return os.environ["MIGCLI_PAGER"].strip() or None
    return os.environ.get("PAGER", "").strip() or DEFAULT_PAGER


def _screen_lines() -> int:
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).lines


def _run_pager(command: str, text: str) -> bool:
    """Page `text`; False when the pager cannot start, so the caller prints instead."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        subprocess.run(command, shell=True, input=text, text=True, env=env, check=False)
    except OSError:
        return False
    return True


def safe(value: str | None, style: str = "") -> Text:
    """Data text for Rich: control characters made visible, no markup, no emoji codes."""
    return Text(escape_controls(value or ""), style=style)


def join(parts: list[Text], sep: str = " ") -> Text:
    return Text(sep).join(p for p in parts if p.plain)
