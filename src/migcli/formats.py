"""The output formats each command offers: one home for the choice lists.

Light on purpose: the command line imports it at start to offer the choices.
"""

from __future__ import annotations

# Commands whose --json output has a published schema (`migcli schema --output CMD`).
OUTPUTS = ("list", "show", "search", "compare", "timeline", "stats", "sources")
EXPORT_FORMATS = ("json", "jsonl", "csv", "markdown", "sqlite")
CITE_FORMATS = ("text", "bibtex", "ris", "csl-json")
