"""The review's other findings: output that cannot be written, export targets, message hygiene,
look-alike names, odd file names, bounded reads and the paths that used to be quadratic."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from migcli import resolve as resolving
from migcli.datadir import MAX_FILE_BYTES, read_bounded
from migcli.errors import UsageError
from migcli.export import _link_new

from ..conftest import run, write_country
from .helpers import MIGCLI, assert_one_line_error, cli, process_env, toml_str

OUTPUT_FAILURES = {
    "full disk": "{migcli} {args} > /dev/full",
    "closed stdout": "{migcli} {args} >&-",
}


@pytest.mark.parametrize("case", list(OUTPUT_FAILURES))
@pytest.mark.parametrize(
    "args", ["show mexico", "show mexico --json", "export -f csv", "cite mexico -f bibtex"]
)
def test_output_that_cannot_be_written_ends_in_one_line(case: str, args: str) -> None:
    script = OUTPUT_FAILURES[case].format(migcli=MIGCLI, args=args)
    done = subprocess.run(
        ["bash", "-c", script], env=process_env(), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1, (case, args, done.stderr)
    assert_one_line_error(done.stderr, "nothing")


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    done = subprocess.run(
        ["bash", "-c", f'{MIGCLI} export -f json | head -c 1; echo " ${{PIPESTATUS[0]}}"'],
        env=process_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stderr == ""
    assert done.stdout.split()[-1] in ("0", "141")  # finished first, or stopped quietly


def test_export_refuses_links_devices_and_folders(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("keep")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    for target in (link, Path("/dev/null"), tmp_path):
        result = cli(None, "export", "-o", str(target), "--force")
        assert result.exit_code == 2, target
        assert_one_line_error(result.stderr)
    assert real.read_text() == "keep"


def test_export_never_replaces_a_file_that_appeared_meanwhile(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.write_text("new")
    target = tmp_path / "out.json"
    target.write_text("someone else's")
    with pytest.raises(UsageError, match="appeared while exporting"):
        _link_new(str(tmp), target)
    assert target.read_text() == "someone else's"


def test_export_refuses_the_data_folder_by_inode(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    write_country(folder)
    other_name = tmp_path / "alias"
    other_name.symlink_to(folder, target_is_directory=True)
    result = cli(folder, "export", "-o", str(other_name / "sub" / ".." / "out.json"))
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "data folder")
    assert sorted(p.name for p in folder.iterdir()) == ["alpha.toml"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_line_separators_never_forge_lines(tmp_path: Path, separator: str) -> None:
    result = run("show", f"mexico{separator}fake: line")
    assert_one_line_error(result.stderr, "\\u20")
    folder = tmp_path / "data"
    folder.mkdir()
    write_country(folder, extra=f"\n[{toml_str('k' + separator + 'x')}]\nv = 1\n")
    result = cli(folder, "validate")
    assert len(result.stdout.splitlines()) == 2  # one problem, one summary
    assert separator not in result.stdout


def test_long_keys_are_echoed_shortened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    write_country(folder, extra=f"\n{'k' * 100_000} = 1\n")
    result = cli(folder, "validate")
    assert result.exit_code == 1
    assert max(len(line) for line in result.stdout.splitlines()) < 400


@pytest.mark.parametrize(
    "name",
    ["Alpha\u200bland", "Alpha\u2060land", "\u0410lphaland", "Alphal\u0430nd"],  # ZW, WJ, Cyrillic
)
def test_invisible_and_look_alike_names_are_refused(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    write_country(folder, name=toml_str(name))
    result = cli(folder, "validate")
    assert result.exit_code == 1
    assert "name: " in result.stdout and ("invisible" in result.stdout or "mixes" in result.stdout)


def test_upper_case_extensions_are_reported_not_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    write_country(folder)
    (folder / "alpha.toml").rename(folder / "panama.TOML")
    write_country(folder, "beta")
    assert "panama.TOML" in cli(folder, "validate").stdout
    result = cli(folder, "list")
    assert result.exit_code == 1
    assert_one_line_error(result.stderr, "panama.TOML", "rename")


def test_reads_are_bounded_by_bytes_read(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_FILE_BYTES + 10))
    assert read_bounded(big) is None
    assert read_bounded(big, MAX_FILE_BYTES + 10) is not None
    folder = tmp_path / "data"
    folder.mkdir()
    os.mkfifo(folder / "pipe.toml")
    write_country(folder)
    result = cli(folder, "list")  # a pipe would block a reader; it is refused, not read
    assert result.exit_code == 1
    assert_one_line_error(result.stderr, "pipe.toml")


def test_a_name_typed_many_times_is_resolved_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = resolving.resolve

    def counting(rows: list, typed: str) -> object:  # type: ignore[type-arg]
        calls.append(typed)
        return real(rows, typed)

    monkeypatch.setattr(resolving, "resolve", counting)
    result = run("compare", *["mexico"] * 500, "guatemala", "--json")
    assert result.exit_code == 0
    assert sorted(calls) == ["guatemala", "mexico"]


def test_search_cost_follows_rows_not_occurrences(monkeypatch: pytest.MonkeyPatch) -> None:
    from migcli import search

    blob = "".join(f"\n {' '.join(['refugee'] * 300)} " for _ in range(20)) + "\n"
    starts = []
    at = 0
    for _ in range(20):
        starts.append(at)
        at = blob.index("\n", at + 1)
    finds = []
    real_blob = blob

    class Counting(str):
        def find(self, *args: object) -> int:  # type: ignore[override]
            finds.append(args)
            return real_blob.find(*args)  # type: ignore[arg-type]

    rows = search._rows_with_words(Counting(blob), starts, [["refugee"]])
    assert rows == list(range(20))
    assert len(finds) <= 21  # one find per row, not one per occurrence (6,000)
