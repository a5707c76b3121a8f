"""The command line: parse options, call the core, hand results to a renderer or to JSON.

Heavy modules (rich, rapidfuzz, pydantic) are imported inside the commands that need them, so
the `--json` paths start fast.
"""

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import click
import typer
from typer.core import TyperGroup

from migcli import __version__
from migcli.catalog import Catalog
from migcli.datadir import ENV_DATA_DIR, open_data_dir
from migcli.errors import MigcliError, NotFoundError, UsageError
from migcli.jsonout import write_json
from migcli.schemas import EXPORT_FORMATS, OUTPUTS


# Completion callbacks import their module only when the shell asks.
def complete_country(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from migcli.complete import complete_country

    return complete_country(ctx, incomplete)


def complete_section(incomplete: str) -> list[str]:
    from migcli.complete import complete_section

    return complete_section(incomplete)


def complete_series(ctx: typer.Context, incomplete: str) -> list[str]:
    from migcli.complete import complete_series

    return complete_series(ctx, incomplete)


CountryFilterOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--country", "-c", help="Only this country (repeatable).", autocompletion=complete_country
    ),
]


class _Group(TyperGroup):
    """Turns a MigcliError from any command into one line on stderr and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MigcliError as err:
            from migcli.text import one_line

            sys.stderr.write(f"migcli: {one_line(str(err))}\n")
            raise typer.Exit(err.exit_code) from None


app = typer.Typer(
    cls=_Group,
    name="migcli",
    help="Migration management in Mexico and Central America: institutions, enforcement, "
    "asylum, labour pathways and reintegration, with a source for every fact.",
    no_args_is_help=True,
    suggest_commands=False,  # Click 8.5 already says "Did you mean"; Typer would say it twice
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON to stdout instead of tables.")]
SectionOption = Annotated[
    Optional[list[str]],  # noqa: UP045 - Typer 0.25 reads this form on Python 3.10
    typer.Option(
        "--section",
        "-s",
        help="Only this section (repeatable): institutions, enforcement, asylum, "
        "labor_pathways, reintegration, policy_changes, cooperation, assessment.",
        autocompletion=complete_section,
    ),
]
CountryArgs = Annotated[
    list[str],
    typer.Argument(
        help="Country id, ISO code, name or alias; 'region' for the regional record.",
        autocompletion=complete_country,
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"migcli {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(
    ctx: typer.Context,
    data_dir: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--data-dir",
            envvar=ENV_DATA_DIR,
            help="Read country files from this folder instead of the bundled data.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    ctx.obj = data_dir


def _catalog(ctx: typer.Context) -> Catalog:
    return Catalog(open_data_dir(ctx.obj))


def _emit(value: Any, as_json: bool, renderer: str) -> None:
    """JSON on stdout, or the renderer named "module:function" in migcli.render, loaded now."""
    if as_json:
        write_json(value)
        return
    import importlib

    from migcli.render.console import make_console

    module, function = renderer.split(":")
    getattr(importlib.import_module(f"migcli.render.{module}"), function)(make_console(), value)


@app.command("list")
def list_countries(ctx: typer.Context, json: JsonOption = False) -> None:
    """List the countries with codes, roles, entries per section and as-of date."""
    _emit(_catalog(ctx).index(), json, "listing:render_list")


@app.command()
def show(
    ctx: typer.Context,
    countries: CountryArgs,
    section: SectionOption = None,
    json: JsonOption = False,
) -> None:
    """Show a country briefing: one table per section and numbered sources."""
    from migcli.resolve import resolve
    from migcli.sections import only_sections, parse_sections

    catalog = _catalog(ctx)
    sections = parse_sections(section)
    rows = catalog.index()
    ids = list(dict.fromkeys(resolve(rows, name)["id"] for name in countries))
    records = [only_sections(catalog.country(i), sections) for i in ids]
    if json:  # the shape follows what was typed: one name, one object
        write_json(records if len(countries) > 1 else records[0])
        return
    from migcli.render.console import make_console
    from migcli.render.show import render_country

    console = make_console()
    for record in records:
        render_country(console, record, sections)


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
    """Search every entry and country by name, acronym and description."""
    from migcli.resolve import resolve
    from migcli.search import search as run_search
    from migcli.sections import parse_sections

    catalog = _catalog(ctx)
    countries = {resolve(catalog.index(), c)["id"] for c in country} if country else None
    sections = set(parse_sections(section)) if section else None
    hits, words = run_search(catalog, query, countries, sections, limit)
    if json:
        write_json(hits)
    else:
        from migcli.render.console import make_console
        from migcli.render.search import render_hits

        if hits:
            render_hits(make_console(), hits, words)
    if not hits:
        from migcli.text import shorten

        raise NotFoundError(f"no matches for '{shorten(query)}'")


@app.command()
def compare(
    ctx: typer.Context,
    countries: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(
            help="Two or more countries (id, ISO code, name or alias).",
            autocompletion=complete_country,
            show_default=False,
        ),
    ] = None,
    all_countries: Annotated[
        bool, typer.Option("--all", help="Compare every country (not the regional record).")
    ] = False,
    section: SectionOption = None,
    json: JsonOption = False,
) -> None:
    """Compare countries side by side, section by section."""
    from migcli.compare import compare as build_comparison
    from migcli.resolve import resolve
    from migcli.sections import parse_sections

    catalog = _catalog(ctx)
    rows = catalog.index()
    if all_countries:
        ids = [row["id"] for row in rows if row["kind"] == "country"]
    else:
        ids = list(dict.fromkeys(resolve(rows, name)["id"] for name in countries or []))
    if len(ids) < 2:
        raise UsageError("compare needs two or more different countries, or --all")
    comparison = build_comparison(catalog.countries(ids), parse_sections(section))
    _emit(comparison, json, "compare:render_comparison")


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            help="Files or folders to check (default: the active data folder).", show_default=False
        ),
    ] = None,
) -> None:
    """Check data files and print each problem as path:line:col: message."""
    from migcli.validate import validate_paths

    targets = paths or [open_data_dir(ctx.obj).root]
    checked, problems = validate_paths(targets)
    from migcli.text import one_line

    for problem in problems:
        sys.stdout.write(one_line(str(problem)) + "\n")
    noun = "problem" if len(problems) == 1 else "problems"
    files = "file" if checked == 1 else "files"
    sys.stdout.write(f"{len(problems)} {noun} in {checked} {files} checked\n")
    if problems:
        raise typer.Exit(1)


@app.command()
def schema(
    output: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output",
            help="Print the schema of this command's --json output instead.",
            click_type=click.Choice(OUTPUTS),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the TOML record format (or of a --json output)."""
    from migcli.schemas import output_schema, record_schema

    write_json(output_schema(output) if output else record_schema())


@app.command()
def timeline(
    ctx: typer.Context,
    country: CountryFilterOption = None,
    since: Annotated[Optional[int], typer.Option(help="From this year.")] = None,  # noqa: UP045
    until: Annotated[Optional[int], typer.Option(help="Up to this year.")] = None,  # noqa: UP045
    json: JsonOption = False,
) -> None:
    """Every dated policy change, oldest first."""
    from migcli.resolve import resolve
    from migcli.timeline import timeline as build_timeline

    catalog = _catalog(ctx)
    ids = [resolve(catalog.index(), c)["id"] for c in country] if country else None
    events = build_timeline(catalog.countries(ids), since, until)
    if events or json:
        _emit(events, json, "timeline:render_timeline")
    if not events:  # like search: an empty answer exits 1, and --json still prints []
        raise NotFoundError("no dated policy changes match those filters")


@app.command()
def stats(
    ctx: typer.Context,
    series: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="Series id; leave out to list the series.",
            autocompletion=complete_series,
            show_default=False,
        ),
    ] = None,
    country: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--country",
            "-c",
            help="Only this country's series, or its category.",
            autocompletion=complete_country,
            show_default=False,
        ),
    ] = None,
    split: Annotated[bool, typer.Option("--split", help="One chart per category.")] = False,
    json: JsonOption = False,
    csv: Annotated[
        bool, typer.Option("--csv", help="Tidy CSV: series,category,year,value.")
    ] = False,
) -> None:
    """List statistical series, or show one as a table and bar chart with its sources."""
    from migcli.resolve import resolve
    from migcli.stats import all_series, find_series, only_category, tidy_rows

    if json and csv:
        raise UsageError("choose one of --json and --csv")
    catalog = _catalog(ctx)
    country_id = resolve(catalog.index(), country)["id"] if country else None
    views = all_series(catalog.countries())
    if series:
        views = [find_series(views, series)]
        if country_id and views[0]["country"] != country_id:  # a country's own series stays whole
            views = [only_category(views[0], country_id)]
    elif country_id:  # its own series, and others' with a category for it (CBP's guatemala)
        views = [v for v in views if country_id in (v["country"], *v["categories"])]
        if not views:
            raise NotFoundError(f"no series for '{country_id}'")
    if json:
        write_json(views)
    elif csv:
        sys.stdout.write("series,category,year,value\n")
        sys.stdout.writelines(f"{s},{c},{y},{v}\n" for s, c, y, v in tidy_rows(views))
    else:
        from migcli.render.console import make_console
        from migcli.render.stats import render_series, render_series_list

        if series:
            render_series(make_console(), views[0], split)
        else:
            render_series_list(make_console(), views)


@app.command()
def sources(
    ctx: typer.Context,
    country: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="Only this country's sources.", autocompletion=complete_country, show_default=False
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    """A numbered bibliography with addresses, per country."""
    from migcli.resolve import resolve

    catalog = _catalog(ctx)
    ids = [resolve(catalog.index(), country)["id"]] if country else None
    by_country = {c["id"]: c["sources"] for c in catalog.countries(ids)}
    _emit(by_country, json, "sources:render_sources")


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
            "--output", "-o", help="Write to this file instead of stdout.", show_default=False
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Export the catalog: records (json), one row per entry (jsonl, csv) or a report (markdown)."""
    from migcli.export import render, write_atomically

    catalog = _catalog(ctx)
    text = render(catalog.countries(), fmt)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(text, output, force, catalog.data_dir.root)


def main() -> None:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # an ASCII-only terminal gets '?' rather than a crash
            stream.reconfigure(errors="replace")
    app(prog_name="migcli")
