"""Writing text to the terminal: the width to lay it out for, and paging like git.

No Rich here: a render-cache hit prints through this module alone. Output taller than the
screen goes through $MIGCLI_PAGER, else $PAGER, else `less -FRX`, when stdout is a terminal;
an empty MIGCLI_PAGER or --no-pager turns paging off, and a pipe is never paged.
"""

from __future__ import annotations

import os
import re
import shutil
import sys

DEFAULT_WIDTH = 80
MIN_WIDTH = 20
MAX_WIDTH = 1000
DEFAULT_PAGER = "less -FRX"  # quit if one screen, keep colours, leave the text on screen
_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def terminal_width() -> int:
    """COLUMNS when it is a sane number, else the terminal's width, else 80."""
    raw = os.environ.get("COLUMNS", "").strip()
    width = int(raw) if raw.isdigit() and len(raw) < 6 else 0
    if not 0 < width <= MAX_WIDTH:
        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        width = width if 0 < width <= MAX_WIDTH else DEFAULT_WIDTH
    return max(width, MIN_WIDTH)


def strip_padding(text: str) -> str:
    """No spaces at line ends, even before the colour codes that close a line."""
    return _TRAILING.sub(r"\1", text)


def emit(text: str, use_pager: bool = True) -> None:
    command = pager_command() if use_pager else None
    tall = text.count("\n") >= shutil.get_terminal_size((DEFAULT_WIDTH, 24)).lines
    if command and tall and sys.stdout.isatty() and _run_pager(command, text):
        return
    sys.stdout.write(text)


def pager_command() -> str | None:
    """$MIGCLI_PAGER, else $PAGER, else less -FRX; an empty MIGCLI_PAGER turns paging off."""
    if "MIGCLI_PAGER" in os.environ:
        return os.environ["MIGCLI_PAGER"].strip() or None
    return os.environ.get("PAGER", "").strip() or DEFAULT_PAGER


def _run_pager(command: str, text: str) -> bool:
    """Page `text`; False when the pager cannot start, so the caller prints instead."""
    import subprocess  # only when paging: milliseconds at every start otherwise

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        subprocess.run(command, shell=True, input=text, text=True, env=env, check=False)
    except OSError:
        return False
    return True
