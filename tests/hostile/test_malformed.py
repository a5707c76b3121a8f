"""Class 3: every kind of bad file gives one clear message naming it; validate lists it as
path:line:col: message with a summary line, and every other command refuses to run."""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from migcli.datadir import MAX_FILE_BYTES

from ..conftest import write_country
from .helpers import (
    MIGCLI,
    assert_clean,
    assert_one_line_error,
    cli,
    edit,
    process_env,
    run_process,
)

PROBLEM = re.compile(r"^(?P<path>.+?\.toml)(?::(?P<line>\d+):(?P<col>\d+))?: (?P<message>.+)$")


@dataclass
class Bad:
    file: str  # the file the message must name
    needles: tuple[str, ...]  # what the message must say
    line: str | None = None  # the problem must point at the line that starts with this
    located: bool = False  # the problem carries line:col (when `line` is None)


def _syntax(folder: Path) -> Bad:
    write_country(folder, "alpha", extra="broken = [1,\n")
    return Bad("alpha.toml", ("TOML syntax error",), located=True)


def _wrong_type(folder: Path) -> Bad:
    write_country(folder, "alpha", summary="42")
    return Bad("alpha.toml", ("summary:", "valid string"), line="summary = 42")


def _unknown_field(folder: Path) -> Bad:
    path = write_country(folder, "alpha")
    edit(path, 'acronym = "MO"', 'acronym = "MO"\ncolour = "red"')
    return Bad("alpha.toml", ("institutions[0].colour: unknown field",), line="colour =")


def _missing_field(folder: Path) -> Bad:
    edit(write_country(folder, "alpha"), 'summary = "A test country."\n', "")
    return Bad("alpha.toml", ("summary: required field is missing",))


def _duplicate_iso(folder: Path) -> Bad:
    write_country(folder, "alpha", iso2='"BE"')
    return Bad("beta.toml", ("iso2: 'BE' is already used by country 'alpha'",), line="iso2 =")


def _duplicate_alias(folder: Path) -> Bad:
    write_country(folder, "alpha", aliases='["Betaland"]')
    message = "name: 'betaland' is already used by country 'alpha'"
    return Bad("beta.toml", (message,), line='name = "Betaland"')


def _unknown_source(folder: Path) -> Bad:
    path = write_country(folder, "alpha")
    edit(path, 'sources = ["src"]', 'sources = ["nowhere"]')
    message = "institutions[0].sources: unknown source 'nowhere'"
    return Bad("alpha.toml", (message,), line='sources = ["nowhere"]')


def _too_deep(folder: Path) -> Bad:
    (folder / "alpha.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000)
    return Bad("alpha.toml", ("nesting is too deep",))


def _too_big(folder: Path) -> Bad:
    path = write_country(folder, "alpha")
    padding = MAX_FILE_BYTES + 1 - path.stat().st_size
    with path.open("a") as out:
        out.write("#" * (padding - 1) + "\n")
    assert path.stat().st_size == MAX_FILE_BYTES + 1
    return Bad("alpha.toml", (f"file is over {MAX_FILE_BYTES} bytes", "1 MiB"))


def _not_utf8(folder: Path) -> Bad:
    path = write_country(folder, "alpha")
    path.write_bytes(path.read_bytes().replace(b"A test country.", b"A test \xff\xfe country."))
    return Bad("alpha.toml", ("not UTF-8",), line="summary =")


def _empty(folder: Path) -> Bad:
    (folder / "alpha.toml").write_bytes(b"")
    return Bad("alpha.toml", ("file is empty",))


def _blank(folder: Path) -> Bad:
    (folder / "alpha.toml").write_text("\n  \n\t\n")
    return Bad("alpha.toml", ("file is empty",))


def _directory(folder: Path) -> Bad:
    (folder / "x.toml").mkdir()
    return Bad("x.toml", ("is a directory",))


def _unreadable(folder: Path) -> Bad:
    if os.geteuid() == 0:
        pytest.skip("running as root: root can read a file whatever its permissions")
    write_country(folder, "alpha").chmod(0)
    return Bad("alpha.toml", ("permission denied",))


def _key_with_line_breaks(folder: Path) -> Bad:
    # A quoted key may hold \\n: echoed raw, it forges lines in validate's report.
    forged = '"x\\nbeta.toml: fine\\n0 problems in 3 files checked" = 1\n'
    write_country(folder, "alpha", extra=forged)
    return Bad("alpha.toml", ("unknown field",))


def _huge_integer(folder: Path) -> Bad:
    # Past Python's 4300-digit limit for int(): tomli raises a plain ValueError.
    write_country(folder, "alpha", extra="\n[extra]\nvalue = " + "9" * 5000 + "\n")
    return Bad("alpha.toml", ())


def _dated(folder: Path, date: str) -> Bad:
    change = f'\n[[policy_changes]]\nid = "p"\nname = "P"\ndate = {date}\n'
    write_country(folder, "alpha", extra=change + 'description = "d"\nsources = ["src"]\n')
    return Bad("alpha.toml", ("policy_changes[0].date:", "is not a date"), line="date =")


def _date_with_newline(folder: Path) -> Bad:
    return _dated(folder, '"2020\\n"')  # Python's `$` also matches before a final newline


def _date_with_line_break(folder: Path) -> Bad:
    return _dated(folder, '"2020\\nfake: line"')  # the message must stay on one line


def _date_in_other_digits(folder: Path) -> Bad:
    return _dated(folder, '"２０２０-01-02"')  # `\d` matches every script's digits


CASES: dict[str, Callable[[Path], Bad]] = {
    "syntax-error": _syntax,
    "wrong-type": _wrong_type,
    "unknown-field": _unknown_field,
    "missing-field": _missing_field,
    "duplicate-iso-code": _duplicate_iso,
    "duplicate-alias": _duplicate_alias,
    "source-pointing-nowhere": _unknown_source,
    "nesting-too-deep": _too_deep,
    "over-1-mib": _too_big,
    "not-utf8": _not_utf8,
    "empty": _empty,
    "only-whitespace": _blank,
    "directory-named-toml": _directory,
    "unreadable": _unreadable,
    "unknown-key-with-line-breaks": _key_with_line_breaks,
    "integer-over-4300-digits": _huge_integer,
    "date-with-trailing-newline": _date_with_newline,
    "date-with-line-break": _date_with_line_break,
    "date-in-fullwidth-digits": _date_in_other_digits,
}


def _line_starting(path: Path, prefix: str) -> int:
    lines = path.read_bytes().decode("utf-8", "replace").split("\n")
    hits = [i for i, line in enumerate(lines, start=1) if line.startswith(prefix)]
    assert len(hits) == 1, (prefix, hits)
    return hits[0]


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_gives_one_clear_message(tmp_path: Path, case: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    write_country(folder, "beta")
    write_country(folder, "gamma")
    bad = CASES[case](folder)

    result = cli(folder, "validate")
    assert result.exit_code == 1, result.stdout
    lines = result.stdout.splitlines()
    assert lines[-1] == "1 problem in 3 files checked", result.stdout
    assert len(lines) == 2, result.stdout
    found = PROBLEM.match(lines[0])
    assert found, f"not path[:line:col]: message: {lines[0]!r}"
    assert Path(found["path"]).name == bad.file
    for needle in bad.needles:
        assert needle in found["message"]
    if bad.line is not None:
        assert found["line"] is not None, lines[0]
        assert int(found["line"]) == _line_starting(folder / bad.file, bad.line), lines[0]
    if bad.line is not None or bad.located:
        assert found["line"] and found["col"] and int(found["col"]) >= 1, lines[0]

    for args in (["show", "gamma"], ["list", "--json"], ["export", "--format", "json"]):
        refused = cli(folder, *args)
        assert refused.exit_code == 1, (args, refused.stdout[:200])
        assert refused.stdout == ""
        assert_one_line_error(refused.stderr, bad.file, *bad.needles)


def test_line_numbers_count_only_newlines(tmp_path: Path) -> None:
    """TOML ends lines at \\n only; U+2028, U+2029 or NEL in a comment must not shift the count."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = write_country(folder, "alpha", summary="42")
    path.write_text("# a\u2028b\u2029c\x85d\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli(folder, "validate")
    assert result.exit_code == 1
    found = PROBLEM.match(result.stdout.splitlines()[0])
    assert found and found["line"], result.stdout
    assert int(found["line"]) == _line_starting(path, "summary = 42"), result.stdout


def test_named_pipe_in_data_folder_is_refused_not_read(tmp_path: Path) -> None:
    """A FIFO named *.toml would block a reader forever: it must be refused, not opened."""
    folder = tmp_path / "data"
    folder.mkdir()
    write_country(folder, "beta")
    os.mkfifo(folder / "alpha.toml")
    commands = (["show", "beta"], ["validate"])
    env = process_env()
    procs = [
        subprocess.Popen(
            [str(MIGCLI), "--data-dir", str(folder), *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for args in commands
    ]
    hung = []
    deadline = time.monotonic() + 4  # both run at once: four seconds in all
    for args, proc in zip(commands, procs, strict=True):
        try:
            raw_out, raw_err = proc.communicate(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            hung.append(" ".join(args))
            continue
        out, err = raw_out.decode(), raw_err.decode()
        assert_clean(out, err)
        assert proc.returncode == 1
        assert "alpha.toml" in (err if args[0] == "show" else out)
    assert not hung, f"hung reading a named pipe (alpha.toml): migcli {hung}"


def test_many_problems_in_one_file_are_reported_promptly(tmp_path: Path) -> None:
    """20,000 unknown keys (a 250 KB file): locating each problem must not rescan the file."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = write_country(folder, "alpha")
    with path.open("a") as out:
        out.writelines(f"unknown_key_{i} = 1\n" for i in range(20_000))
    try:
        done = run_process(["--data-dir", str(folder), "show", "alpha"], timeout=6)
    except subprocess.TimeoutExpired:
        pytest.fail("`migcli show` took over 6 s to refuse a 250 KB file with 20,000 problems")
    err = done.stderr.decode()
    assert_clean(done.stdout.decode(), err)
    assert done.returncode == 1
    assert_one_line_error(err, "alpha.toml", "unknown_key_0: unknown field")
