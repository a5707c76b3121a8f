"""Class 5: the real process into a closed pipe, and under hostile terminal settings."""

from __future__ import annotations

import shlex
import subprocess

import pytest

from .helpers import MIGCLI, assert_clean, process_env

PIPELINES = [
    "show mexico | head -1",
    "show mexico --json | head -c 10",
    "export --format csv | head -1",
    "search asylum | head -1",
    "export --format json | head -c 10",
    "compare --all | head -1",
    "stats --csv | head -1",
]


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_output_into_a_closed_pipe(pipeline: str) -> None:
    done = subprocess.run(
        ["bash", "-c", f"{shlex.quote(str(MIGCLI))} {pipeline}"],
        env=process_env(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    out, err = done.stdout.decode(), done.stderr.decode()
    assert_clean(out, err)
    assert err == ""
    assert out  # (a table's first line may be blank)


ENVIRONMENTS = {
    "ascii-stdout": {"PYTHONIOENCODING": "ascii"},
    "c-locale": {"LANG": "C", "LC_ALL": "C"},
    "dumb-terminal": {"TERM": "dumb", "NO_COLOR": None},
    "no-color": {"NO_COLOR": "1"},
    "20-columns": {"COLUMNS": "20"},
    "400-columns": {"COLUMNS": "400"},
    "all-at-once": {
        "PYTHONIOENCODING": "ascii",
        "LANG": "C",
        "LC_ALL": "C",
        "TERM": "dumb",
        "NO_COLOR": "1",
        "COLUMNS": "20",
    },
}
COMMANDS = [
    ["show", "mexico"],
    ["compare", "mexico", "guatemala"],
    ["stats", "usbp-apprehensions-sw"],
]


@pytest.mark.parametrize("name", list(ENVIRONMENTS))
def test_hostile_terminal_settings(name: str) -> None:
    env = process_env(**ENVIRONMENTS[name])
    procs = [
        subprocess.Popen(
            [str(MIGCLI), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for args in COMMANDS
    ]
    for args, proc in zip(COMMANDS, procs, strict=True):
        raw_out, raw_err = proc.communicate(timeout=60)
        out, err = raw_out.decode("utf-8"), raw_err.decode("utf-8")
        assert_clean(out, err)
        assert proc.returncode == 0, (args, err)
        assert err == ""
        assert out.strip(), args
        if env.get("PYTHONIOENCODING") == "ascii":
            assert out.isascii(), args  # '?' for what ASCII cannot show, never a crash
