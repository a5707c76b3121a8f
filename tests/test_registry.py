"""Adding a section is one line in registry.py plus its data: every command follows, even with a
cache written by the code before the change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import tomli

from migcli.registry import ALIASES, CORE_SECTIONS, REGISTRY, SECTION_TITLES, SECTIONS

from .conftest import DATA

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "migcli"
NEW_LINE = '    Section("fictional", "Fictional things", "Fic", False, False, 1, ("fiction",)),\n'
ENTRY = """
[[fictional]]
id = "unicorn-office"
name = "Unicorn Office"
description = "A fictional body that exists only in this test."
sources = ["{source}"]
"""


def _run(
    package_parent: Path, data: Path, cache: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent), "MIGCLI_CACHE_DIR": str(cache),
           "COLUMNS": "100", "NO_COLOR": "1"}  # fmt: skip
    argv = ["migcli", "--data-dir", str(data), *args]
    code = f"import sys; sys.argv = {argv!r}; from migcli.entry import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_vocabulary_derives_from_the_registry() -> None:
    assert tuple(s.name for s in REGISTRY) == SECTIONS
    assert set(CORE_SECTIONS) <= set(SECTIONS)
    assert all(SECTION_TITLES[s.name] == s.title for s in REGISTRY)
    assert ALIASES["labour"] == "labor_pathways"


def test_a_fictional_section_reaches_every_command(tmp_path: Path) -> None:
    original = tmp_path / "before"
    changed = tmp_path / "after"
    for where in (original, changed):
        shutil.copytree(PACKAGE, where / "migcli", ignore=shutil.ignore_patterns("__pycache__"))
    registry = changed / "migcli" / "registry.py"
    text = registry.read_text()
    anchor = '    Section("assessment"'
    registry.write_text(text.replace(anchor, NEW_LINE + anchor, 1))
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    cache = tmp_path / "cache"
    commands = [["list"], ["show", "belize"], ["search", "asylum"],
                ["compare", "belize", "panama"], ["export", "-f", "csv"]]  # fmt: skip
    for args in commands:  # warm the cache with the code before the change
        assert _run(original, data, cache, *args).returncode == 0, args
    belize = data / "belize.toml"
    first_source = tomli.loads(belize.read_text())["sources"][0]["id"]
    belize.write_text(belize.read_text() + ENTRY.format(source=first_source))
    for _ in range(2):  # a cold then a warm run of the new code
        listing = json.loads(_run(changed, data, cache, "list", "--json").stdout)
        row = next(r for r in listing if r["id"] == "belize")
        assert row["entries"]["fictional"] == 1
        shown = _run(changed, data, cache, "show", "belize", "-s", "fiction")
        assert shown.returncode == 0, shown.stderr
        assert "Fictional things" in shown.stdout and "Unicorn Office" in shown.stdout
        found = json.loads(_run(changed, data, cache, "search", "unicorn", "--json").stdout)
        assert found[0]["ref"] == "belize/unicorn-office" and found[0]["section"] == "fictional"
        compared = _run(changed, data, cache, "compare", "belize", "panama", "--json")
        assert json.loads(compared.stdout)["sections"]["fictional"]["belize"][0]["name"]
        exported = _run(changed, data, cache, "export", "-f", "csv").stdout
        assert "fictional,unicorn-office" in exported
        assert "Traceback" not in shown.stderr + compared.stderr
