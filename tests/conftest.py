"""Shared test set-up: an isolated cache, no inherited data folder, fixed terminal width."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from migcli.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "countries"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path_factory.getbasetemp() / "cache"
    monkeypatch.setenv("MIGCLI_CACHE_DIR", str(cache))
    monkeypatch.delenv("MIGCLI_DATA_DIR", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    # Subprocess tests start migcli often; let them keep compiled modules as a user's install
    # does, instead of compiling every module at every start.
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)


def run(*args: str, env: dict[str, str] | None = None, code: int | None = None) -> Result:
    """Run migcli in-process; with `code`, fail at once on any other exit code."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    if code is not None:
        assert result.exit_code == code, (args, result.exit_code, result.stderr[-500:])
    return result


def run_json(*args: str) -> Any:
    result = run(*args, "--json", code=0)
    assert result.stderr == ""
    return json.loads(result.stdout)


def write_country(folder: Path, cid: str = "alpha", extra: str = "", **fields: str) -> Path:
    """A small valid country file; `fields` replace top-level values, `extra` is appended."""
    values = {
        "name": f'"{cid.title()}land"',
        "local_name": f'"Tierra {cid}"',
        "iso2": f'"{cid[:2].upper()}"',
        "iso3": f'"{cid[:3].upper()}"',
        "roles": '["origin"]',
        "summary": '"A test country."',
        "as_of": '"2026-01-01"',
    }
    values.update(fields)
    head = [f'id = "{cid}"'] + [f"{k} = {v}" for k, v in values.items()]
    body = """
[[sources]]
id = "src"
title = "A test source"
publisher = "Tests"
kind = "official"
url = "https://example.org/src"
published = "2026"

[[institutions]]
id = "office"
name = "Migration Office"
acronym = "MO"
description = "Runs migration policy."
sources = ["src"]
"""
    path = folder / f"{cid}.toml"
    path.write_text("\n".join(head) + "\n" + body + extra, encoding="utf-8")
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    write_country(folder, "alpha")
    write_country(folder, "beta")
    yield folder
