"""Shared checks for the hostile-input tests: clean output, one-line errors, TOML strings."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import Result

from ..conftest import run

MIGCLI = Path(sys.executable).parent / "migcli"
# ESC and the C1 range (CSI is U+009B): either can drive a terminal. Checked as characters.
_TERMINAL_CONTROL = re.compile("[\x1b\x80-\x9f]")


def assert_clean(*texts: str) -> None:
    """No escape or C1 control character, and no Python traceback."""
    for text in texts:
        assert "Traceback" not in text, text[-2000:]
        bad = _TERMINAL_CONTROL.search(text)
        assert bad is None, f"control character {bad.group()!r} in output: {text[:500]!r}"


def assert_one_line_error(stderr: str, *needles: str) -> str:
    """stderr is exactly one line 'migcli: ...' containing every needle; returns that line."""
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {stderr[:1000]!r}"
    line = lines[0]
    assert line.startswith("migcli: "), line
    for needle in needles:
        assert needle in line, f"{needle!r} not in {line!r}"
    return line


def cli(folder: Path | None, *args: str, env: dict[str, str] | None = None) -> Result:
    """Run migcli in-process against `folder` (None: the bundled data); output is checked clean."""
    prefix = ["--data-dir", str(folder)] if folder is not None else []
    result = run(*prefix, *args, env=env)
    assert_clean(result.stdout, result.stderr)
    return result


def toml_str(value: str) -> str:
    """A TOML basic string holding `value` exactly.

    json.dumps escapes quote, backslash and C0 controls in forms TOML shares (\\n, \\t, \\u001b);
    TOML also needs DEL escaped. ensure_ascii stays off: TOML rejects the surrogate-pair escapes
    json would write for characters outside the Basic Multilingual Plane.
    """
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def process_env(**changes: str | None) -> dict[str, str]:
    """os.environ plus changes (None removes a variable).

    os.environ carries what the autouse fixture set: the test's MIGCLI_CACHE_DIR, NO_COLOR and
    COLUMNS, so a subprocess never touches the user's cache.
    """
    env = dict(os.environ)
    assert env.get("MIGCLI_CACHE_DIR"), "the isolation fixture sets MIGCLI_CACHE_DIR"
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_process(
    args: list[str], env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(MIGCLI), *args],
        env=env or process_env(),
        capture_output=True,
        timeout=timeout,
        check=False,
    )
