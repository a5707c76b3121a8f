"""The cache is keyed by content and by the code's format: it cannot show stale data.

Covers the review's findings: same-size same-time edits, caches written by older code,
tampered entries, growth with the number of files, pruning, and unsafe cache locations.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from migcli import cache
from migcli.datadir import list_dir

from ..conftest import run_json, write_country


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MIGCLI_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    write_country(data, "alpha")
    write_country(data, "beta")
    return data


def _cache() -> Path:
    return Path(os.environ["MIGCLI_CACHE_DIR"])


def test_same_size_same_mtime_edit_is_seen(folder: Path) -> None:
    path = folder / "alpha.toml"
    assert run_json("--data-dir", str(folder), "show", "alpha")["summary"] == "A test country."
    before = path.stat()
    path.write_text(path.read_text().replace("A test country.", "A test cuontry."))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # touch -r: same time, size
    assert path.stat().st_size == before.st_size
    assert run_json("--data-dir", str(folder), "show", "alpha")["summary"] == "A test cuontry."


def test_an_invalid_edit_is_never_hidden_by_the_cache(folder: Path) -> None:
    from .helpers import cli

    run_json("--data-dir", str(folder), "list")
    path = folder / "alpha.toml"
    before = path.stat()
    path.write_text(path.read_text().replace('as_of = "2026-01-01"', 'as_of = "2026-13-01"'))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    result = cli(folder, "list")
    assert result.exit_code == 1 and "as_of" in result.stderr


def test_the_format_key_follows_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing the record format (models.py) changes the key, so old caches are not trusted."""
    package = Path(cache.__file__).parent
    copy = tmp_path / "migcli"
    shutil.copytree(package, copy)
    monkeypatch.setattr(cache, "__file__", str(copy / "cache.py"))
    same = cache.format_key()
    models = copy / "models.py"
    models.write_text(models.read_text() + "\n# a new field would go here\n")
    assert cache.format_key() != same
    assert {"models.py", "records.py", "shapes.py"} <= set(cache._FORMAT_SOURCES)


def test_tampered_or_misshapen_entries_are_rebuilt(folder: Path) -> None:
    good = run_json("--data-dir", str(folder), "show", "alpha")
    records = list(_cache().rglob("records/*.json"))
    assert records
    for record in records:
        header, payload = record.read_bytes().split(b"\n", 1)
        value = json.loads(payload)
        value["summary"] = "\x1b[31mtampered"  # a changed payload no longer matches its digest
        record.write_bytes(header + b"\n" + json.dumps(value).encode())
    assert run_json("--data-dir", str(folder), "show", "alpha") == good
    for record in _cache().rglob("records/*.json"):  # a digest recomputed, but the wrong shape
        header, _ = record.read_bytes().split(b"\n", 1)
        payload = json.dumps({"id": "alpha"}).encode()
        seal = json.loads(header)
        seal["digest"] = cache._payload_digest(payload)
        record.write_bytes(json.dumps(seal).encode() + b"\n" + payload)
    assert run_json("--data-dir", str(folder), "show", "alpha") == good


def test_one_entry_per_file_and_no_copies_of_the_stamp(tmp_path: Path) -> None:
    data = tmp_path / "many"
    data.mkdir()
    for i in range(30):
        letters = f"{chr(65 + i // 26)}{chr(65 + i % 26)}"
        write_country(data, f"c{i:02d}", iso2=f'"{letters}"', iso3=f'"Q{letters}"')
    run_json("--data-dir", str(data), "list")
    records = list(_cache().rglob("records/*.json"))
    assert len(records) == 30  # linear: one per file, each holding only its own record
    assert sum("Tierra c29" in r.read_text() for r in records) == 1
    keys = set(cache.generation(list_dir(data)).files.values())
    assert {r.stem for r in records} == keys


def test_old_formats_killed_builds_and_unused_sets_are_pruned(folder: Path) -> None:
    run_json("--data-dir", str(folder), "list")
    root = _cache()
    old_format = root / ("0" * 20)
    old_format.mkdir()
    v1 = root / ("a" * 16)
    v1.mkdir()
    current = next(p for p in root.iterdir() if p not in (old_format, v1))
    killed = current / "sets" / ".build-killed"
    killed.mkdir()
    stale = current / "sets" / ("f" * 32)
    stale.mkdir()
    (stale / "members.json").write_text("{}")
    long_ago = time.time() - 40 * 24 * 3600
    os.utime(killed, (long_ago, long_ago))
    os.utime(stale, (long_ago, long_ago))
    write_country(folder, "gamma")  # a new state of the folder: a build, then pruning
    run_json("--data-dir", str(folder), "list")
    assert not old_format.exists() and not v1.exists()
    assert not killed.exists() and not stale.exists()


@pytest.mark.parametrize("setting", ["relative", "empty-home"])
def test_no_cache_in_the_working_or_data_folder(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    if setting == "relative":
        monkeypatch.setenv("MIGCLI_CACHE_DIR", "cache-here")
    else:
        monkeypatch.delenv("MIGCLI_CACHE_DIR")
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        monkeypatch.setenv("HOME", "")
    assert run_json("--data-dir", str(folder), "list")
    assert list(work.iterdir()) == []
    assert sorted(p.name for p in folder.iterdir()) == ["alpha.toml", "beta.toml"]


def test_cache_inside_the_data_folder_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MIGCLI_CACHE_DIR", str(folder / "cache"))
    assert run_json("--data-dir", str(folder), "list")
    assert not (folder / "cache").exists()


def test_no_cache_variable_bypasses_it(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MIGCLI_NO_CACHE", "1")
    assert run_json("--data-dir", str(folder), "list")
    assert not list(_cache().rglob("records/*.json"))
