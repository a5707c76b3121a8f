"""The cache: where it lives, and that a changed file is never answered from a stale copy."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from migcli.cache import cache_root

from .conftest import run_json, write_country


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the inline XDG rule is Linux's")
@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-cache", "relative/ignored", ""])
def test_cache_folder_matches_platformdirs(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    from platformdirs import user_cache_dir

    monkeypatch.delenv("MIGCLI_CACHE_DIR")
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_root() == Path(user_cache_dir("migcli", appauthor=False))


def test_edited_file_is_reread(data_dir: Path) -> None:
    assert run_json("--data-dir", str(data_dir), "show", "alpha")["summary"] == "A test country."
    path = write_country(data_dir, "alpha", summary='"Edited."')
    os.utime(path, ns=(1, 1))  # even with an old mtime, the size differs
    assert run_json("--data-dir", str(data_dir), "show", "alpha")["summary"] == "Edited."


def test_new_file_appears(data_dir: Path) -> None:
    assert len(run_json("--data-dir", str(data_dir), "list")) == 2
    write_country(data_dir, "gamma")
    assert [r["id"] for r in run_json("--data-dir", str(data_dir), "list")][-1] == "gamma"
