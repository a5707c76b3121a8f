"""Reading the catalog: list, show, search, compare and timeline."""

import re
from typing import Annotated, Any, Optional

import typer

from migcli.app import app
from migcli.errors import NotFoundError, UsageError
from migcli.options import (
    CountryArgs,
    CountryFilterOption,
    JsonOption,
    SectionOption,
    argument,
    complete_country,
)
from migcli.output import (
    catalog_of,
    compare_renderer,
    emit,
    emit_json,
    listing_renderer,
    tables,
    timeline_renderer,
)


@app.command("list")
def list_countries(ctx: typer.Context, json: JsonOption = False) -> None:
    """List the countries: codes, entries per section, roles, and the review date.

    Examples: migcli list · migcli list --json | jq -r '.[].id'
    """
    catalog = catalog_of(ctx)
    emit(ctx, catalog, catalog.index(), json, listing_renderer)


@app.command()
def show(
    ctx: typer.Context,
    countries: CountryArgs,
    section: SectionOption = None,
    json: JsonOption = False,
    resolve_sources: Annotated[
        bool,
        typer.Option(
            "--resolve-sources",
            help="With --json: each entry also carries cited_sources, the full source objects.",
        ),
    ] = False,
) -> None:
    """Show a country briefing (one table per section, numbered sources), or one entry.

    COUNTRY/ENTRY opens one entry with all its fields and sources in full; ENTRY is its id,
    acronym or the start of its name, as in the refs that search prints.

    Examples: migcli show guatemala · migcli show mexico -s asylum -s return ·
    migcli show mexico/comar · migcli show honduras el-salvador --json
    """
    catalog = catalog_of(ctx)
    from migcli.records import entry_view, only_sections
    from migcli.registry import parse_sections
    from migcli.resolve import resolve, resolve_entry

    sections = parse_sections(section)
    rows = catalog.index()
    results: list[Any] = []
    for typed in dict.fromkeys(countries):
        name, slash, entry_name = typed.partition("/")
        record = catalog.country(resolve(rows, name)["id"])
        if slash:
            results.append(entry_view(record, *resolve_entry(record, entry_name)))
        elif record not in results:
            results.append(only_sections(record, sections))
    if json:  # the shape follows what was typed: one name, one object
        if resolve_sources:
            from migcli.records import with_cited_sources

            results = [r if "entry" in r else with_cited_sources(r) for r in results]
        emit_json(ctx, results if len(countries) > 1 else results[0])
        return
    from migcli.render.show import render_country, render_entry

    def draw(console: Any) -> None:
        for result in results:
            if "entry" in result:
                render_entry(console, result)
            else:
                render_country(console, result, sections)

    tables(ctx, catalog, draw)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to look for; typos and accents are fine.")],
    country: CountryFilterOption = None,
    section: SectionOption = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=500, help="Show at most this many hits.")
    ] = 20,
    json: JsonOption = False,
) -> None:
    """Search every entry, country and statistical series, in English or Spanish.

    Names, acronyms, local names, descriptions and series are searched; Spanish and English
    terms find each other (asilo, asylum; ACNUR, UNHCR). Open a hit with its reference:
    migcli show mexico/comar.

    Examples: migcli search asilo · migcli search "refugee commission" -c mexico ·
    migcli search reintegration -n 50 --json
    """
    catalog = catalog_of(ctx)
    from migcli.registry import parse_sections
    from migcli.resolve import resolve_ids
    from migcli.search import closest_terms
    from migcli.search import search as run_search

    countries = set(resolve_ids(catalog.index(), country)) if country else None
    sections = set(parse_sections(section)) if section else None
    hits, words, total = run_search(catalog, query, countries, sections, limit)
    if json:
        emit_json(ctx, hits)
    elif hits:
        from migcli.render.search import render_hits

        tables(ctx, catalog, lambda console: render_hits(console, hits, words, total))
    if not hits:
        from migcli.text import shorten

        terms = closest_terms(catalog, query)
        hint = f"; closest terms: {', '.join(terms)}" if terms else "; try fewer or other words"
        raise NotFoundError(f"no matches for '{shorten(query)}'{hint}")


@app.command()
def compare(
    ctx: typer.Context,
    countries: Annotated[
        Optional[list[str]],  # noqa: UP045
        argument("Two or more countries (id, ISO code, name or alias).", complete_country),
    ] = None,
    all_countries: Annotated[
        bool, typer.Option("--all", help="Compare every country (not the regional record).")
    ] = False,
    section: SectionOption = None,
    json: JsonOption = False,
) -> None:
    """Compare countries side by side, section by section.

    Examples: migcli compare honduras el-salvador · migcli compare --all -s asylum ·
    migcli compare nicaragua costa-rica --json
    """
    catalog = catalog_of(ctx)
    from migcli.compare import compare as build_comparison
    from migcli.registry import parse_sections
    from migcli.resolve import resolve_ids

    rows = catalog.index()
    if all_countries:
        ids = [row["id"] for row in rows if row["kind"] == "country"]
    else:
        ids = resolve_ids(rows, countries or [])
    if len(ids) < 2:
        raise UsageError("compare needs two or more different countries, or --all")
    comparison = build_comparison(catalog.countries(ids), parse_sections(section))
    emit(ctx, catalog, comparison, json, compare_renderer)


@app.command()
def timeline(
    ctx: typer.Context,
    country: CountryFilterOption = None,
    since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.", show_default=False),
    ] = None,
    until: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.", show_default=False),
    ] = None,
    json: JsonOption = False,
) -> None:
    """Every dated policy change, oldest first, each with its sources.

    Examples: migcli timeline --since 2021-07 · migcli timeline -c panama --since 2024 ·
    migcli timeline --until 2020 --json
    """
    from migcli.text import shorten

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise UsageError(
                f"{name} takes a date: YYYY, YYYY-MM or YYYY-MM-DD, not '{shorten(value)}'"
            )
    catalog = catalog_of(ctx)
    from migcli.resolve import resolve_ids
    from migcli.timeline import timeline as build_timeline

    ids = resolve_ids(catalog.index(), country) if country else None
    events = build_timeline(catalog.countries(ids), since, until)
    if events or json:
        emit(ctx, catalog, events, json, timeline_renderer)
    if not events:  # like search: an empty answer exits 1, and --json still prints []
        raise NotFoundError("no dated policy changes match those filters")
