"""Class 4: what a user types is a name, never a path; links that leave the folder are refused."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from ..conftest import DATA, write_country
from .helpers import assert_one_line_error, cli

TYPED = [
    "../../etc/passwd",
    "/etc/passwd",
    "mex\x1bico",
    "\x1b[2J\x1b[H",
    "mexico.toml",
    "../countries/mexico.toml",
    str(DATA / "mexico.toml"),
    "~root",
    "\x00",
    "nowhere\nmigcli: forged second line",
]
COMMANDS: list[Callable[[str], list[str]]] = [
    lambda name: ["show", name],
    lambda name: ["show", "mexico", name, "--json"],
    lambda name: ["compare", "mexico", name],
    lambda name: ["sources", name],
    lambda name: ["search", "asylum", "--country", name],
    lambda name: ["timeline", "--country", name],
    lambda name: ["stats", "--country", name],
]


@pytest.mark.parametrize("typed", TYPED, ids=repr)
def test_typed_names_are_never_paths(typed: str) -> None:
    for command in COMMANDS:
        args = command(typed)
        result = cli(None, *args)
        assert result.exit_code == 1, (args, result.stdout[:300])
        assert result.stdout == ""
        line = assert_one_line_error(result.stderr, "unknown country")
        assert "root:" not in line  # nothing was read from /etc/passwd
        if "\x1b" in typed:
            assert "\\u001b" in line  # shown, escaped


def _outside_file(folder: Path, outside: Path) -> None:
    (folder / "evil.toml").symlink_to("/etc/passwd")


def _outside_country(folder: Path, outside: Path) -> None:
    (folder / "evil.toml").symlink_to(write_country(outside, "evil"))


def _outside_relative(folder: Path, outside: Path) -> None:
    write_country(outside, "evil")
    (folder / "evil.toml").symlink_to(Path("..") / outside.name / "evil.toml")


def _outside_missing(folder: Path, outside: Path) -> None:
    (folder / "evil.toml").symlink_to(outside / "nothing-here.toml")


def _outside_directory(folder: Path, outside: Path) -> None:
    (folder / "evil.toml").symlink_to(outside)


def _loop(folder: Path, outside: Path) -> None:
    (folder / "evil.toml").symlink_to("evil.toml")


def _loop_pair(folder: Path, outside: Path) -> None:
    (folder / "evil.toml").symlink_to("other.toml")
    (folder / "other.toml").symlink_to("evil.toml")


LINKS = {
    "to-etc-passwd": _outside_file,
    "to-valid-country-outside": _outside_country,
    "relative-to-outside": _outside_relative,
    "dangling-outside": _outside_missing,
    "to-folder-outside": _outside_directory,
    "loop-to-itself": _loop,
    "loop-pair": _loop_pair,
}


@pytest.mark.parametrize("case", list(LINKS))
def test_links_out_of_the_folder_or_in_a_loop_are_refused(tmp_path: Path, case: str) -> None:
    folder = tmp_path / "data"
    outside = tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    write_country(folder, "beta")
    LINKS[case](folder, outside)
    assert os.path.islink(folder / "evil.toml")

    for args in (["show", "beta"], ["list"], ["search", "office"]):
        result = cli(folder, *args)
        assert result.exit_code == 1, (args, result.stdout[:300])
        assert result.stdout == ""
        assert_one_line_error(result.stderr, "evil.toml")
    checked = cli(folder, "validate")
    assert checked.exit_code == 1
    assert "evil.toml" in checked.stdout
    assert "root:" not in checked.stdout
