"""`stats`: statistical series with their sources; a missing point stays missing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migcli.errors import NotFoundError
from migcli.resolve import unknown_message

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord, PointRecord, SeriesView


def all_series(countries: list[CountryRecord]) -> list[SeriesView]:
    views: list[SeriesView] = []
    for country in countries:
        by_id = {s["id"]: s for s in country["sources"]}
        for series in country["series"]:
            views.append(
                {
                    "id": series["id"],
                    "country": country["id"],
                    "title": series["title"],
                    "unit": series["unit"],
                    "scope": series["scope"],
                    "vintage": series["vintage"],
                    "caveats": series["caveats"],
                    "breaks": series["breaks"],
                    "categories": series["categories"],
                    "sources": [by_id[s] for s in series["sources"]],
                    "points": series["points"],
                }
            )
    return views


def find_series(views: list[SeriesView], series_id: str) -> SeriesView:
    for view in views:
        if view["id"] == series_id:
            return view
    close = [v["id"] for v in views if v["id"].startswith(series_id[:4])] if series_id else []
    raise NotFoundError(unknown_message("series", series_id, close[:3]) + " (see: migcli stats)")


def only_categories(view: SeriesView, categories: list[str]) -> SeriesView:
    """The series cut to the named categories (countries, for a by-citizenship series)."""
    missing = [c for c in categories if c not in view["categories"]]
    if missing:
        choices = ", ".join(view["categories"])
        raise NotFoundError(f"series '{view['id']}' has no category '{missing[0]}' ({choices})")
    trimmed = dict(view)
    trimmed["categories"] = [c for c in view["categories"] if c in categories]
    trimmed["points"] = [p for p in view["points"] if p["category"] in categories]
    return trimmed  # type: ignore[return-value]


def years(view: SeriesView) -> list[int]:
    """Every year from the first point to the last, so a gap shows as a missing year."""
    present = [p["year"] for p in view["points"]]
    return list(range(min(present), max(present) + 1)) if present else []


class Points:
    """A series' points and breaks indexed once, so drawing a table is linear in its cells."""

    __slots__ = ("_breaks", "_points")

    def __init__(self, view: SeriesView) -> None:
        self._points = {(p["category"], p["year"]): p for p in view["points"]}
        self._breaks = {b["year"]: b["note"] for b in view["breaks"]}

    def point(self, category: str, year: int) -> PointRecord | None:
        return self._points.get((category, year))

    def value(self, category: str, year: int) -> int | None:
        """The value, or None when the point is missing (never zero)."""
        point = self._points.get((category, year))
        return None if point is None else point["value"]

    def break_note(self, year: int) -> str | None:
        """The note of a definition change that starts in `year`, if any."""
        return self._breaks.get(year)


TIDY_COLUMNS = ("series", "category", "year", "value", "partial", "note", "vintage")


def tidy_rows(views: list[SeriesView]) -> list[tuple[str, str, int, int, bool, str, str]]:
    """Long format, one row per point (missing points absent), with its note and vintage."""
    return [
        (v["id"], p["category"], p["year"], p["value"], p["partial"], p["note"] or "", v["vintage"])
        for v in views
        for p in v["points"]
    ]


def tidy_csv(views: list[SeriesView]) -> str:
    import csv
    import io

    from migcli.text import escape_controls

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TIDY_COLUMNS)
    for row in tidy_rows(views):
        writer.writerow(escape_controls(c) if isinstance(c, str) else c for c in row)
    return out.getvalue()
