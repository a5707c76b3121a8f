"""The render cache: a hit prints exactly what a miss printed, without Rich, and every input
that can change a table changes the key."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import DATA, run
from .hostile.helpers import MIGCLI
from .test_imports import loaded_after

TABLES = [
    ["show", "guatemala"],
    ["show", "mexico/comar"],
    ["list"],
    ["search", "asylum"],
    ["compare", "honduras", "el-salvador"],
    ["timeline", "--since", "2025"],
    ["stats", "darien-crossings"],
    ["sources", "belize"],
]


def _renders() -> list[Path]:
    return list(Path(os.environ["MIGCLI_CACHE_DIR"]).rglob("render-*.json"))


@pytest.mark.parametrize("args", TABLES, ids=lambda a: "-".join(a))
def test_a_hit_prints_what_the_miss_printed(args: list[str]) -> None:
    first = run(*args, env={"COLUMNS": "97"})  # a width no other test uses: a miss
    assert first.exit_code == 0
    stored = len(_renders())
    second = run(*args, env={"COLUMNS": "97"})
    assert second.stdout == first.stdout
    assert len(_renders()) == stored  # answered from the cache, nothing new written


@pytest.mark.parametrize("args", [("show", "guatemala"), ("list",), ("search", "asylum")])
def test_a_hit_does_not_import_rich(args: tuple[str, ...]) -> None:
    assert "rich" not in loaded_after(*args, "--no-pager")


@pytest.mark.parametrize(
    "env",
    [
        {"COLUMNS": "120"},
        {"COLUMNS": "60"},
        {"FORCE_COLOR": "1", "NO_COLOR": ""},
        {"FORCE_COLOR": "1", "NO_COLOR": "", "COLORTERM": "truecolor"},
        {"FORCE_COLOR": "1", "NO_COLOR": "", "TERM": "xterm-256color"},
    ],
    ids=["wide", "narrow", "colour", "truecolor", "256"],
)
def test_each_key_input_changes_the_output(env: dict[str, str]) -> None:
    base = run("show", "guatemala", "-s", "enforcement", env={"COLUMNS": "80"}).stdout
    changed = run("show", "guatemala", "-s", "enforcement", env={"COLUMNS": "80", **env}).stdout
    assert changed != base
    again = run("show", "guatemala", "-s", "enforcement", env={"COLUMNS": "80"}).stdout
    assert again == base  # and the original comes back, from its own entry


def test_a_data_change_changes_the_output(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    before = run("--data-dir", str(folder), "show", "belize", "-s", "asylum").stdout
    path = folder / "belize.toml"
    stat = path.stat()
    path.write_text(
        path.read_text().replace("Refugee Eligibility Committee", "Refugee Eligibility Commitee", 1)
    )
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = run("--data-dir", str(folder), "show", "belize", "-s", "asylum").stdout
    assert "Commitee" in after and after != before


def test_terminal_and_pipe_are_kept_apart(tmp_path: Path) -> None:
    from .test_pager import _run_on_terminal

    env = {**os.environ, "COLUMNS": "80", "LINES": "500", "MIGCLI_PAGER": ""}
    env.pop("NO_COLOR", None)
    piped = subprocess.run([MIGCLI, "list"], env=env, capture_output=True, text=True).stdout
    shown = _run_on_terminal(["list"], env)
    assert "\x1b[" in shown and "\x1b[" not in piped  # colour at the terminal only
    piped_again = subprocess.run([MIGCLI, "list"], env=env, capture_output=True, text=True).stdout
    assert piped_again == piped


def test_no_cache_bypasses_it() -> None:
    before = len(_renders())
    result = run("--no-cache", "show", "panama", "-s", "asylum", env={"COLUMNS": "91"})
    assert result.exit_code == 0
    assert len(_renders()) == before
