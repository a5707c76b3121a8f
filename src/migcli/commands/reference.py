"""Statistics, sources, citations and exports."""

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import click
import typer

from migcli.app import app, options_of
from migcli.errors import NotFoundError, UsageError
from migcli.formats import CITE_FORMATS, EXPORT_FORMATS
from migcli.options import (
    CountryFilterOption,
    JsonOption,
    OptionalCountryArgs,
    SectionOption,
    argument,
    complete_country,
    complete_series,
)
from migcli.output import catalog_of, emit, emit_json, sources_renderer, tables


@app.command()
def stats(
    ctx: typer.Context,
    series: Annotated[
        Optional[str],  # noqa: UP045
        argument("Series id; leave out to list the series.", complete_series),
    ] = None,
    country: CountryFilterOption = None,
    split: Annotated[bool, typer.Option("--split", help="One chart per category.")] = False,
    json: JsonOption = False,
    csv: Annotated[
        bool,
        typer.Option("--csv", help="Tidy CSV: series,category,year,value,partial,note,vintage."),
    ] = False,
) -> None:
    """List statistical series with their years, or show one as a table and bar chart.

    Partial years are marked p, definition changes ‖; a missing year is shown as missing.

    Examples: migcli stats · migcli stats darien-crossings · migcli stats usbp-apprehensions-sw
    --split · migcli stats comar-asylum-applications --csv
    """
    if json and csv:
        raise UsageError("choose one of --json and --csv")
    catalog = catalog_of(ctx)
    from migcli.resolve import resolve_ids
    from migcli.stats import all_series, find_series, only_categories, tidy_csv

    ids = resolve_ids(catalog.index(), country or [])
    views = all_series(catalog.countries())
    if series:
        views = [find_series(views, series)]
        if ids and views[0]["country"] not in ids:  # a country's own series stays whole
            views = [only_categories(views[0], ids)]
    elif ids:  # their own series, and others' with a category for them (CBP's guatemala)
        views = [v for v in views if set(ids) & {v["country"], *v["categories"]}]
        if not views:
            raise NotFoundError(f"no series for {', '.join(ids)}")
    if json:
        emit_json(ctx, views)
    elif csv:
        sys.stdout.write(tidy_csv(views))
    else:
        from migcli.render.stats import render_series, render_series_list

        if series:
            tables(ctx, catalog, lambda console: render_series(console, views[0], split))
        else:
            tables(ctx, catalog, lambda console: render_series_list(console, views))


@app.command()
def sources(
    ctx: typer.Context,
    countries: OptionalCountryArgs = None,
    json: JsonOption = False,
) -> None:
    """A numbered bibliography per country: kinds and addresses, numbered as in show.

    Examples: migcli sources belize · migcli sources gt hn · migcli sources --json |
    jq '.mexico[0]'
    """
    catalog = catalog_of(ctx)
    from migcli.resolve import resolve_ids

    ids = resolve_ids(catalog.index(), countries) if countries else None
    by_country = {c["id"]: c["sources"] for c in catalog.countries(ids)}
    emit(ctx, catalog, by_country, json, sources_renderer)


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", click_type=click.Choice(EXPORT_FORMATS)),
    ] = "json",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Write to this file ('-' or none: stdout; sqlite needs a file).",
            show_default=False,
        ),
    ] = None,
    country: CountryFilterOption = None,
    section: SectionOption = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Export the catalog: records (json), one row per entry (jsonl, csv), a report
    (markdown) or a database for Datasette and sqlite3 (sqlite).

    Examples: migcli export -f csv > migcli.csv · migcli export -f markdown -c honduras ·
    migcli export -f sqlite -o migcli.db
    """
    from migcli.export import only, render, write_atomically
    from migcli.registry import parse_sections
    from migcli.resolve import resolve_ids

    catalog = catalog_of(ctx)
    ids = resolve_ids(catalog.index(), country or [])
    countries = only(catalog.countries(ids or None), parse_sections(section))
    to_stdout = output is None or str(output) == "-"
    if fmt == "sqlite":
        if to_stdout:
            raise UsageError("the sqlite format needs a file: add -o FILE.db")
        from migcli.sqlite_export import build

        data: str | bytes = build(countries)
    else:
        data = render(countries, fmt, ascii_only=options_of(ctx).ascii)
    if to_stdout:
        from migcli.jsonout import write_utf8

        write_utf8(str(data))
    else:
        assert output is not None
        write_atomically(data, output, force, catalog.data_dir.root)


@app.command()
def cite(
    ctx: typer.Context,
    refs: Annotated[
        list[str],
        argument(
            "COUNTRY/ENTRY (an entry's sources) or COUNTRY (its whole bibliography).",
            complete_country,
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", click_type=click.Choice(CITE_FORMATS), help="Citation format."
        ),
    ] = "text",
) -> None:
    """Citations of the sources behind an entry or a country, for reference managers.

    text is a bibliography in the Harvard (Cite Them Right) style; bibtex, ris and csl-json
    (what Zotero and pandoc read) carry title, publisher, date, address and access date.

    Examples: migcli cite mexico/comar · migcli cite honduras -f bibtex > honduras.bib ·
    migcli cite guatemala/igm -f csl-json
    """
    from migcli import cite as citing
    from migcli.records import source_numbers
    from migcli.resolve import resolve, resolve_entry

    catalog = catalog_of(ctx)
    items: list[dict[str, Any]] = []
    for ref in dict.fromkeys(refs):
        name, slash, entry_name = ref.partition("/")
        country = catalog.country(resolve(catalog.index(), name)["id"])
        number = source_numbers(country)
        wanted = (
            resolve_entry(country, entry_name)[1]["sources"]
            if slash
            else [s["id"] for s in country["sources"]]
        )
        by_id = {s["id"]: s for s in country["sources"]}
        for sid in sorted(dict.fromkeys(wanted), key=lambda s: number[s]):
            item = citing.csl_item(country, number[sid], by_id[sid])
            if item["id"] not in {i["id"] for i in items}:
                items.append(item)
    if fmt == "csl-json":
        emit_json(ctx, items)
        return
    from migcli.jsonout import write_utf8

    render = {"text": citing.to_text, "bibtex": citing.to_bibtex, "ris": citing.to_ris}[fmt]
    write_utf8(render(items))
