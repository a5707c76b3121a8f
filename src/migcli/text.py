"""Text helpers shared by the loader, resolution, search and renderers. Standard library only."""

from __future__ import annotations

import re
import unicodedata

# C0 except tab and newline, DEL, C1 (0x80-0x9f, CSI included) and the bidi controls.
CONTROL_CHARS = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


def find_control_char(value: str) -> str | None:
    match = re.search(CONTROL_CHARS, value)  # re caches the compiled pattern
    return match.group() if match else None


def escape_controls(value: str) -> str:
    """Make control characters visible (`\\u001b`) so they never act on a terminal."""
    return re.sub(CONTROL_CHARS, lambda m: f"\\u{ord(m.group()):04x}", value)


def fold(value: str) -> str:
    """Lower case, accents stripped, spaces/hyphens/underscores unified: for name lookup."""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_\-]+", " ", stripped.casefold()).strip()


def one_line(value: str) -> str:
    """For messages: control characters visible, and every line break too (newline, line and
    paragraph separators), so one message is one line."""
    escaped = escape_controls(value).replace("\n", "\\n").replace("\t", " ")
    return re.sub("[\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", escaped)


# Zero-width and other invisible format characters: two names that look the same must be the same.
INVISIBLE_CHARS = (
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
_LOOKALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def find_invisible_char(value: str) -> str | None:
    match = re.search(INVISIBLE_CHARS, value)
    return match.group() if match else None


def mixed_script_word(value: str) -> str | None:
    """A word that mixes Latin, Cyrillic or Greek letters (a look-alike spoof), or None."""
    for word in value.split():
        scripts = set()
        for char in word:
            if char.isalpha():
                script = unicodedata.name(char, "").split(" ", 1)[0]
                if script in _LOOKALIKE_SCRIPTS:
                    scripts.add(script)
        if len(scripts) > 1:
            return word
    return None


def shorten(value: str, limit: int = 60) -> str:
    """A typed value echoed in a message: at most `limit` characters, on one line."""
    return one_line(value if len(value) <= limit else value[: limit - 3] + "...")
