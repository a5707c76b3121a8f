"""Shell completion, driven as the shell drives it: environment variables and a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MIGCLI = str(Path(sys.executable).parent / "migcli")


def complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    parts = words.split(" ")
    full = {**os.environ, "_MIGCLI_COMPLETE": "complete_bash", "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1), **(env or {})}  # fmt: skip
    result = subprocess.run([MIGCLI], env=full, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_commands_complete() -> None:
    from migcli.cli import app

    names = {c.name or c.callback.__name__ for c in app.registered_commands}  # type: ignore[union-attr]
    assert len(names) == len(app.registered_commands) >= 11
    offered: set[str] = set()
    for letter in sorted({name[0] for name in names}):  # each command from its first letter
        offered |= set(complete(f"migcli {letter}"))
    assert names <= offered


def test_country_ids_and_names_complete() -> None:
    assert complete("migcli show gua") == ["guatemala"]
    assert "el-salvador" in complete("migcli compare el")
    assert complete("migcli show pan") == ["panama"]


def test_sections_complete() -> None:
    assert complete("migcli show guatemala --section re") == ["reintegration"]


def test_series_complete() -> None:
    assert set(complete("migcli stats usbp")) == {
        "usbp-apprehensions-sw",
        "usbp-apprehensions-nationwide",
    }


def test_data_dir_is_honoured(tmp_path: Path) -> None:
    from .conftest import write_country

    write_country(tmp_path, "alpha")
    assert complete("migcli show al", {"MIGCLI_DATA_DIR": str(tmp_path)}) == ["alpha"]


def _zsh(words: str) -> str:
    env = {**os.environ, "_MIGCLI_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": words}
    result = subprocess.run([MIGCLI], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_repeated_completion_is_the_same_and_skips_typer() -> None:
    from .test_imports import modules_loaded

    def answers() -> tuple[list[str], str, str]:
        return complete("migcli compare hon"), _zsh("migcli show pan"), _zsh("migcli show gua")

    first = answers()
    assert answers() == first  # the second is answered from the run cache
    bash, panama, guatemala = first
    assert bash == ["honduras"]
    assert "Panama" in panama and "Guatemala" not in panama
    assert "Guatemala" in guatemala and "Panama" not in guatemala
    env = {**os.environ, "_MIGCLI_COMPLETE": "complete_bash"}
    env.update(COMP_WORDS="migcli compare hon", COMP_CWORD="2")
    assert not modules_loaded([], env) & {"typer", "click", "rich"}
