"""The --json paths stay light: no Rich, no rapidfuzz, no Pydantic once the cache is warm."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import sys
sys.argv = ["migcli", *{args!r}]
from migcli.cli import main
try:
    main()
except SystemExit:
    pass
loaded = {{m.split(".")[0] for m in sys.modules}}
heavy = sorted(loaded & {{"rich", "rapidfuzz", "pydantic", "tomli"}})
sys.stderr.write("HEAVY=" + ",".join(heavy))
"""


def loaded_after(*args: str) -> set[str]:
    env = dict(os.environ)
    code = PROBE.format(args=list(args))
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    line = result.stderr.rsplit("HEAVY=", 1)[1]
    return set(filter(None, line.strip().split(",")))


@pytest.mark.parametrize(
    "args",
    [("show", "guatemala", "--json"), ("list", "--json"), ("show", "sv", "--json")],
)
def test_json_paths_skip_heavy_imports(args: tuple[str, ...]) -> None:
    assert loaded_after(*args) == set()


def test_search_json_needs_rapidfuzz_but_not_rich() -> None:
    assert loaded_after("search", "asylum", "--json") == {"rapidfuzz"}
