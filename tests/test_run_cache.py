"""The run cache: a hit prints exactly what a miss printed, without Typer or Rich; every input
that can change the output changes the key; what is stored is never trusted blindly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from migcli import cache

from .conftest import DATA
from .test_imports import HEAVY, modules_loaded
from .test_pager import _pager, _run_on_terminal

MIGCLI = Path(sys.executable).parent / "migcli"

# Each way output reaches stdout: `tables` (show), `emit` as a table (list, compare, stats)
# and `emit_json` (show and search --json).
COMMANDS = [
    ["show", "mexico/comar"],
    ["show", "guatemala", "--json"],
    ["list"],
    ["search", "asylum", "--json"],
    ["compare", "honduras", "el-salvador"],
    ["stats", "darien-crossings"],
]


def _migcli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MIGCLI), *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=60
    )


def _stored() -> list[Path]:
    return sorted(Path(os.environ["MIGCLI_CACHE_DIR"]).rglob("run-*.json"))


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a))
def test_a_hit_prints_what_the_miss_printed(args: list[str]) -> None:
    before = len(_stored())
    first = _migcli(*args, COLUMNS="97")  # a width no other test uses: a miss
    assert first.returncode == 0 and first.stdout
    assert len(_stored()) == before + 1
    second = _migcli(*args, COLUMNS="97")
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, first.stderr)
    assert len(_stored()) == before + 1  # answered from the cache, nothing new written


@pytest.mark.parametrize("args", [["show", "guatemala"], ["list"], ["search", "asylum", "--json"]])
def test_a_hit_imports_neither_typer_nor_rich(args: list[str]) -> None:
    env = {**os.environ, "COLUMNS": "83"}
    modules_loaded(args, env)  # the miss
    assert not modules_loaded(args, env) & {"typer", "click", "rich", *HEAVY}


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
    args = ("show", "guatemala", "-s", "enforcement")
    base = _migcli(*args, COLUMNS="80").stdout
    changed = _migcli(*args, **{"COLUMNS": "80", **env}).stdout
    assert changed != base
    again = _migcli(*args, COLUMNS="80").stdout
    assert again == base  # and the original comes back, from its own entry


def test_other_arguments_are_another_entry() -> None:
    asylum = _migcli("show", "guatemala", "-s", "asylum", "--json")
    labour = _migcli("show", "guatemala", "-s", "labour", "--json")
    only_asylum, only_labour = json.loads(asylum.stdout), json.loads(labour.stdout)
    assert only_asylum["asylum"] and not only_asylum["labor_pathways"]
    assert only_labour["labor_pathways"] and not only_labour["asylum"]
    assert _migcli("show", "guatemala", "-s", "asylum", "--json").stdout == asylum.stdout


def test_a_data_change_changes_the_output(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    args = ("--data-dir", str(folder), "show", "belize", "-s", "asylum")
    before = _migcli(*args).stdout
    assert _migcli(*args).stdout == before
    path = folder / "belize.toml"
    stat = path.stat()
    path.write_text(
        path.read_text().replace("Refugee Eligibility Committee", "Refugee Eligibility Commitee", 1)
    )
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size and time: content counts
    after = _migcli(*args).stdout
    assert "Commitee" in after and after != before


def test_terminal_and_pipe_are_kept_apart() -> None:
    env = {**os.environ, "COLUMNS": "80", "LINES": "500", "MIGCLI_PAGER": ""}
    env.pop("NO_COLOR", None)
    piped = subprocess.run([MIGCLI, "list"], env=env, capture_output=True, text=True).stdout
    shown = _run_on_terminal(["list"], env)
    assert "\x1b[" in shown and "\x1b[" not in piped  # colour at the terminal only
    assert _run_on_terminal(["list"], env) == shown
    piped_again = subprocess.run([MIGCLI, "list"], env=env, capture_output=True, text=True).stdout
    assert piped_again == piped


def test_a_hit_pages_as_the_miss_did(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "80", "LINES": "24", "MIGCLI_PAGER": _pager(tmp_path)}
    paged = tmp_path / "paged.txt"
    _run_on_terminal(["show", "mexico"], env)
    first = paged.read_text()
    paged.unlink()
    _run_on_terminal(["show", "mexico"], env)
    assert paged.read_text() == first and len(first.splitlines()) > 24


def test_no_cache_bypasses_it() -> None:
    before = _stored()
    for extra in (["--no-cache"], []):
        env = {"COLUMNS": "91"} if extra else {"COLUMNS": "91", "MIGCLI_NO_CACHE": "1"}
        result = _migcli(*extra, "show", "panama", "-s", "asylum", **env)
        assert result.returncode == 0 and "Refug" in result.stdout
    assert _stored() == before


@pytest.mark.parametrize(
    "args",
    [
        ["show", "atlantis"],  # exit 1
        ["stats", "darien-crossings", "--csv"],  # written outside the seam
        ["show", "--help"],
        ["validate"],
    ],
    ids=["failed", "csv", "help", "validate"],
)
def test_only_successful_reads_through_the_seam_are_stored(args: list[str]) -> None:
    before = _stored()
    _migcli(*args, COLUMNS="79")
    assert _stored() == before


@pytest.mark.parametrize(
    ("width", "text"),
    [
        ("71", "\x1b]0;owned\x07guatemala\n"),
        ("72", "\x1b[2Jguatemala\n"),
        ("73", "guatemala\rX\n"),
        ("74", "a\u202eb\n"),
    ],
    ids=["osc-title", "clear-screen", "carriage-return", "bidi"],
)
def test_a_tampered_entry_is_never_printed(width: str, text: str) -> None:
    args = ("show", "guatemala", "-s", "returns")
    honest = _migcli(*args, COLUMNS=width).stdout
    (path,) = [p for p in _stored() if _payload(p)["text"] == honest]
    key = json.loads(path.read_bytes().partition(b"\n")[0])["key"]
    path.write_bytes(cache._sealed(key, {"kind": "table", "paged": True, "text": text}))
    assert _migcli(*args, COLUMNS=width).stdout == honest  # rendered afresh, not replayed


def _payload(path: Path) -> dict[str, object]:
    value = json.loads(path.read_bytes().partition(b"\n")[2])
    assert isinstance(value, dict)
    return value
