"""The rendered tables at 50, 80 and 120 columns match tests/golden (make goldens)."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


def test_goldens_are_current() -> None:
    from scripts.make_goldens import goldens

    wanted = goldens()
    present = {p.name: p.read_text(encoding="utf-8") for p in GOLDEN.glob("*.txt")}
    assert sorted(present) == sorted(wanted), "run `make goldens`"
    for name, text in wanted.items():
        assert present[name] == text, f"{name} changed: run `make goldens` and read the diff"


@pytest.mark.parametrize(
    "name", ["list-80.txt", "search-asylum-80.txt", "show-guatemala-enforcement-80.txt"]
)
def test_no_line_is_wider_than_its_terminal_nor_ends_in_spaces(name: str) -> None:
    width = int(name.rsplit("-", 1)[1].removesuffix(".txt"))
    for line in (GOLDEN / name).read_text(encoding="utf-8").splitlines():
        assert len(line) <= width, line
        assert line == line.rstrip(), repr(line)


def test_narrow_layouts_keep_names_and_ids() -> None:
    listing = (GOLDEN / "list-50.txt").read_text(encoding="utf-8")
    for country in ("belize", "costa-rica", "nicaragua", "united-states"):
        assert country in listing
    assert "Institutions" not in (GOLDEN / "show-guatemala-enforcement-50.txt").read_text()
    assert "IGM" in (GOLDEN / "show-guatemala-enforcement-50.txt").read_text()
