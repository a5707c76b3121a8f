"""The render cache: the text a table command wrote, replayed without importing Rich.

The answer to `migcli show guatemala` at one width and one terminal set-up is the same every
time, so the rendered text (escape codes included) is stored under a key made of everything
that can change it: the data's content (the catalog's set key), the command and its
parameters, the width, whether stdout is a terminal and its encoding, the variables Rich reads
to choose colours (NO_COLOR, FORCE_COLOR, TERM, COLORTERM, TTY_COMPATIBLE, TTY_INTERACTIVE),
the installed Rich, and migcli's own code. `MIGCLI_NO_CACHE=1` or `--no-cache` bypasses it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from migcli import cache

if TYPE_CHECKING:
    from migcli.cache import Generation

COLOUR_VARIABLES = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "TTY_COMPATIBLE",
                    "TTY_INTERACTIVE")  # fmt: skip


def render_key(generation: Generation, command: str, params: dict[str, Any], width: int) -> str:
    """A digest of every input that can change a table command's output."""
    parts = {
        "data": generation.set_key,
        "command": command,
        "params": params,
        "width": width,
        "tty": _isatty(),
        "encoding": getattr(sys.stdout, "encoding", None),
        "env": {name: os.environ.get(name) for name in COLOUR_VARIABLES},
        "code": _code_stamp(),
    }
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=True)
    return cache.digest(text.encode())


def lookup(generation: Generation, key: str) -> str | None:
    value = cache.read(generation, f"render-{key}")
    return value if isinstance(value, str) else None


def store(generation: Generation, key: str, text: str) -> None:
    cache.add_artifact(generation, f"render-{key}", text)


def _isatty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _code_stamp() -> list[Any]:
    """Name, size and time of migcli's modules and of Rich's: new code, new key."""
    here = Path(__file__).resolve().parent
    stamp: list[Any] = []
    for folder in (here, here / "render"):
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                info = entry.stat()
                stamp.append((entry.name, info.st_size, info.st_mtime_ns))
    stamp.append(_rich_stamp())
    return stamp


def _rich_stamp() -> tuple[str, int, int]:
    """Rich's __init__.py, looked up beside Click (already loaded) before searching sys.path."""
    import click

    beside = Path(click.__file__).resolve().parent.parent / "rich" / "__init__.py"
    origin = str(beside)
    if not beside.is_file():
        import importlib.util

        spec = importlib.util.find_spec("rich")
        origin = spec.origin if spec is not None and spec.origin else ""
    try:
        info = os.stat(origin)
    except OSError:
        return (origin, -1, -1)
    return (origin, info.st_size, info.st_mtime_ns)
