"""JSON to stdout: plain json.dumps, never through Rich, ASCII-escaped for any terminal."""

from __future__ import annotations

import json
import sys
from typing import Any


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, indent=2) + "\n"


def write_json(value: Any) -> None:
    sys.stdout.write(dumps(value))
