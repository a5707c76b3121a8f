"""The --json paths stay light: no Rich, no rapidfuzz, no Pydantic once the cache is warm."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

PROBE = """
import sys
sys.argv = ["migcli", *{args!r}]
from migcli.entry import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("LOADED=" + ",".join(sorted({{m.split(".")[0] for m in sys.modules}})))
"""
HEAVY = {"rich", "rapidfuzz", "pydantic", "tomli"}


def modules_loaded(args: list[str], env: dict[str, str]) -> set[str]:
    """The top-level modules a run of `migcli ARGS` had loaded when it ended."""
    code = [sys.executable, "-c", PROBE.format(args=args)]
    result = subprocess.run(code, env=env, capture_output=True, text=True, check=True)
    return set(result.stderr.rsplit("LOADED=", 1)[1].strip().split(","))


def loaded_after(*args: str) -> set[str]:
    """The heavy modules a run loads with the data cache warm but its own output not stored:
    the first run fills the data cache; the second sets a MIGCLI_ variable never set before,
    which the run cache keys on."""
    modules_loaded(list(args), dict(os.environ))
    return modules_loaded(list(args), {**os.environ, "MIGCLI_PROBE": uuid.uuid4().hex}) & HEAVY


@pytest.mark.parametrize(
    "args",
    [("show", "guatemala", "--json"), ("list", "--json"), ("show", "sv", "--json")],
)
def test_json_paths_skip_heavy_imports(args: tuple[str, ...]) -> None:
    assert loaded_after(*args) == set()


def test_search_json_needs_rapidfuzz_but_not_rich() -> None:
    assert loaded_after("search", "asylum", "--json") == {"rapidfuzz"}
