"""Long output at a terminal goes through the pager; pipes and --no-pager never page."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

MIGCLI = Path(sys.executable).parent / "migcli"


def _pager(tmp_path: Path) -> str:
    """A pager that records that it ran and what it was given, then prints it."""
    script = tmp_path / "pager.sh"
    script.write_text(f"#!/bin/sh\ncat > {tmp_path / 'paged.txt'}\n")
    script.chmod(0o755)
    return str(script)


def _run_on_terminal(args: list[str], env: dict[str, str]) -> str:
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [str(MIGCLI), *args], stdout=follower, stderr=follower, stdin=subprocess.DEVNULL, env=env
    ) as proc:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the process has finished writing
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    out = dict(os.environ)
    out.update({"COLUMNS": "80", "LINES": "24", "MIGCLI_PAGER": _pager(tmp_path)})
    return out


def test_long_output_at_a_terminal_is_paged(tmp_path: Path, env: dict[str, str]) -> None:
    shown = _run_on_terminal(["show", "mexico"], env)
    paged = (tmp_path / "paged.txt").read_text()
    assert "Sources" in paged and len(paged.splitlines()) > 24
    assert "Sources" not in shown  # the pager had the text, not the terminal


def test_short_output_is_not_paged(tmp_path: Path, env: dict[str, str]) -> None:
    _run_on_terminal(["show", "mexico/comar"], {**env, "LINES": "500"})
    assert not (tmp_path / "paged.txt").exists()


def test_no_pager_option_and_empty_variable(tmp_path: Path, env: dict[str, str]) -> None:
    shown = _run_on_terminal(["show", "mexico", "--no-pager"], env)
    assert "Sources" in shown
    shown = _run_on_terminal(["show", "mexico"], {**env, "MIGCLI_PAGER": ""})
    assert "Sources" in shown
    assert not (tmp_path / "paged.txt").exists()


def test_a_pipe_is_never_paged(tmp_path: Path, env: dict[str, str]) -> None:
    result = subprocess.run(
        [str(MIGCLI), "show", "mexico"], env=env, capture_output=True, text=True, timeout=60
    )
    assert "Sources" in result.stdout
    assert not (tmp_path / "paged.txt").exists()
    assert all(line == line.rstrip() for line in result.stdout.splitlines())
