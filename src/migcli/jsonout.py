"""JSON to stdout: plain json.dumps, never through Rich, ASCII-escaped for any terminal."""

from __future__ import annotations

import json
import sys
from typing import Any


def dumps(value: Any, pretty: bool = True) -> str:
    if pretty:
        return json.dumps(value, ensure_ascii=True, indent=2) + "\n"
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")) + "\n"


def write_json(value: Any) -> None:
    """Indented for a person at a terminal; compact (and faster) into a pipe or a file."""
    sys.stdout.write(dumps(value, pretty=sys.stdout.isatty()))
