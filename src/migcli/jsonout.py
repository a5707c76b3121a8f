"""JSON to stdout: plain json.dumps, never through Rich.

UTF-8 by default, so `grep Migración` finds what it should; `--ascii` escapes everything outside
ASCII. Either way, characters that are invisible or reorder text (zero-width, bidirectional
controls, line and paragraph separators) are escaped, so what a reader sees is what is there.
"""

from __future__ import annotations

import json
import re
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (milliseconds a start)
if TYPE_CHECKING:
    from typing import Any

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def dumps(value: Any, pretty: bool = True, ascii_only: bool = False) -> str:
    if pretty:
        text = json.dumps(value, ensure_ascii=ascii_only, indent=2)
    else:
        text = json.dumps(value, ensure_ascii=ascii_only, separators=(",", ":"))
    if not ascii_only:  # inside JSON strings these only ever appear escaped after this
        text = _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"


def write_json(value: Any, ascii_only: bool = False) -> str:
    """Indented for a person at a terminal; compact (and faster) into a pipe or a file.
    Returns the text written."""
    text = dumps(value, pretty=sys.stdout.isatty(), ascii_only=ascii_only)
    write_utf8(text)
    return text


def write_utf8(text: str) -> None:
    """UTF-8 whatever the locale says: a script reading JSON expects it."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout (tests) takes text
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8", "surrogateescape"))
        buffer.flush()
