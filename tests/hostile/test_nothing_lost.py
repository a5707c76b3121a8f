"""Class 7: migcli never writes into the data folder, never overwrites unasked, and survives a
damaged or contended cache."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ..conftest import DATA
from .helpers import MIGCLI, assert_clean, assert_one_line_error, cli, process_env


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every path under `folder` (files and folders), with its size, mtime and mode."""
    out = {}
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        out[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns, stat.st_mode)
    return out


EVERY_COMMAND = [
    ["list"],
    ["list", "--json"],
    ["show", "mexico"],
    ["show", "mexico", "guatemala", "--json", "--section", "asylum"],
    ["search", "asylum"],
    ["search", "comar", "--json", "--country", "mexico"],
    ["compare", "mexico", "guatemala"],
    ["compare", "--all", "--json"],
    ["validate"],
    ["timeline"],
    ["timeline", "--json"],
    ["stats"],
    ["stats", "usbp-apprehensions-sw"],
    ["stats", "usbp-apprehensions-sw", "--json"],
    ["stats", "--csv"],
    ["sources"],
    ["sources", "mexico", "--json"],
    ["export", "--format", "json"],
    ["export", "--format", "jsonl"],
    ["export", "--format", "csv"],
    ["export", "--format", "markdown"],
]


def test_never_writes_into_the_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    before = snapshot(folder)
    for args in EVERY_COMMAND:
        result = cli(folder, *args)
        assert result.exit_code == 0, (args, result.stderr)
    validated = cli(None, "validate", str(folder))
    assert validated.exit_code == 0
    exported = cli(folder, "export", "--format", "csv", "--output", str(tmp_path / "out.csv"))
    assert exported.exit_code == 0
    assert snapshot(folder) == before


def test_export_never_overwrites_unasked(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("precious\n")
    refused = cli(None, "export", "--format", "markdown", "--output", str(target))
    assert refused.exit_code != 0
    assert refused.stdout == ""
    assert_one_line_error(refused.stderr, "report.md", "--force")
    assert target.read_text() == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary left behind

    forced = cli(None, "export", "--format", "markdown", "--output", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text(encoding="utf-8") == cli(None, "export", "--format", "markdown").stdout
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


@pytest.mark.parametrize(
    "where",
    ["data/out.json", "data/sub/../out.json", "link-to-data/out.json", "data", "data/mexico.toml"],
)
def test_export_into_the_data_folder_is_refused(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "sub").mkdir()
    (tmp_path / "link-to-data").symlink_to(folder)
    before = snapshot(folder)
    for force in ([], ["--force"]):
        result = cli(folder, "export", "--output", str(tmp_path / where), *force)
        assert result.exit_code == 2, result.stderr
        assert_one_line_error(result.stderr, "data folder")
    assert snapshot(folder) == before


COMMANDS_TO_CACHE = [["show", "guatemala", "--json"], ["search", "asylum", "--json"]]
DAMAGE = [
    lambda body: body[: len(body) // 2],  # truncated mid-write
    lambda body: b"",
    lambda body: b"\x00\xff not json",
    lambda body: b'{"seal": "other", "value": []}',
]


def _outputs(env: dict[str, str]) -> list[str]:
    results = [cli(None, *args, env=env) for args in COMMANDS_TO_CACHE]
    assert all(r.exit_code == 0 and r.stderr == "" for r in results)
    return [r.stdout for r in results]


def test_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"MIGCLI_CACHE_DIR": str(cache)}
    expected = _outputs(env)
    files = sorted(cache.rglob("*.json"))
    assert len(files) >= 3, files  # index, countries and the search index
    for i, path in enumerate(files):
        path.write_bytes(DAMAGE[i % len(DAMAGE)](path.read_bytes()))
        assert _outputs(env) == expected, f"output changed after damaging {path.name}"


def test_concurrent_runs_with_a_fresh_cache(tmp_path: Path) -> None:
    env = process_env(MIGCLI_CACHE_DIR=str(tmp_path / "fresh-cache"))
    args = [str(MIGCLI), "show", "guatemala", "--json"]
    procs = [
        subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(8)
    ]
    results = [(*proc.communicate(timeout=60), proc.returncode) for proc in procs]
    for out, err, code in results:
        assert_clean(out.decode(), err.decode())
        assert code == 0, err.decode()
        assert err == b""
    assert len({out for out, _, _ in results}) == 1
    assert results[0][0].startswith(b"{")
    assert os.listdir(tmp_path / "fresh-cache")
