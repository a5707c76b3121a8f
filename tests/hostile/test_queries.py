"""Class 6: odd search queries give a clear one-line message, never a crash or a flood."""

from __future__ import annotations

import pytest

from .helpers import assert_one_line_error, cli

QUERIES = {
    "empty": ("", {2}, "search needs a query"),
    "blank": ("   \t ", {2}, "search needs a query"),
    "100k-characters": ("zq" * 50_000, {1, 2}, ""),
    "punctuation": ("!!!???", {2}, "no letters or digits"),
    "emoji": ("😀🙈🚀", {2}, "no letters or digits"),
    "bidi": ("\u202e\u2066", {2}, "no letters or digits"),
    "escape-sequence": ("\x1b[2J\x1b[31m", {1, 2}, ""),
    "csi": ("\x9b31m", {1, 2}, ""),
    "line-break": ("zqzq\nmigcli: forged second line", {1, 2}, ""),
}


@pytest.mark.parametrize("case", list(QUERIES))
def test_odd_queries(case: str) -> None:
    query, codes, needle = QUERIES[case]
    for json in ([], ["--json"]):
        result = cli(None, "search", query, *json)
        assert result.exit_code in codes, (result.exit_code, result.stderr[:300])
        line = assert_one_line_error(result.stderr, needle)
        # One line is not enough when it is 100,000 characters long: the message stays readable.
        assert len(line) <= 300, f"{len(line)}-character message: {line[:120]}..."
        assert "\u202e" not in line and "\u2066" not in line  # bidi controls shown escaped
