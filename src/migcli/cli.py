"""The command line: parse options, call the core, hand results to a renderer or to JSON.

Heavy modules (rich, rapidfuzz, pydantic) are imported inside the commands that need them, so
the `--json` paths start fast.
"""

import re
import sys
from collections.abc import Callable
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
from migcli.registry import SECTIONS
from migcli.schemas import CITE_FORMATS, EXPORT_FORMATS, OUTPUTS


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


GLOBAL_FLAGS = ("--no-pager", "--ascii", "--no-cache")
GLOBAL_VALUED = ("--data-dir",)


def hoist_global_options(args: list[str]) -> list[str]:
    """Move global options typed after the command to its front (`list --data-dir X`)."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg in GLOBAL_FLAGS or arg.startswith(tuple(f"{o}=" for o in GLOBAL_VALUED)):
            front.append(arg)
        elif arg in GLOBAL_VALUED and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


class Options:
    """What the global options said, handed to every command through the Click context.

    A plain class: importing dataclasses costs milliseconds at every start.
    """

    __slots__ = ("ascii", "cache", "data_dir", "pager")

    def __init__(
        self, data_dir: str | None, pager: bool, ascii: bool = False, cache: bool = True
    ) -> None:
        self.data_dir = data_dir
        self.pager = pager
        self.ascii = ascii
        self.cache = cache


class _Group(TyperGroup):
    """Turns a MigcliError from any command into one line on stderr and its exit code."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if (
            not args and not ctx.resilient_parsing
        ):  # bare `migcli`: help is the answer, on stdout, and not an error
            sys.stdout.write(ctx.get_help() + "\n")
            ctx.exit(0)
        return super().parse_args(ctx, hoist_global_options(args))

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
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
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
        help="Only this section (repeatable): " + ", ".join(SECTIONS) + "; or a heading or "
        "its first letters.",
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
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Never page long output (also: MIGCLI_PAGER= empty). Pipes are never paged.",
        ),
    ] = False,
    ascii_json: Annotated[
        bool,
        typer.Option("--ascii", help="Escape every non-ASCII character in JSON output."),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Read and render afresh; write no cache (MIGCLI_NO_CACHE=1)."
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    ctx.obj = Options(data_dir, pager=not no_pager, ascii=ascii_json, cache=not no_cache)


def _options_of(ctx: typer.Context) -> Options:
    options = ctx.find_root().obj
    return options if isinstance(options, Options) else Options(None, True)


def _catalog(ctx: typer.Context) -> Catalog:
    options = _options_of(ctx)
    return Catalog(open_data_dir(options.data_dir), use_cache=options.cache)


def _render_key(ctx: typer.Context, catalog: Catalog) -> str:
    """The render-cache key of this command run, computed once."""
    if "render_key" not in ctx.meta:
        from migcli.pager import terminal_width
        from migcli.rendercache import render_key

        command = ctx.command.name or ""
        width = terminal_width()
        ctx.meta["render_key"] = render_key(catalog.generation, command, dict(ctx.params), width)
    key: str = ctx.meta["render_key"]
    return key


def _replay(ctx: typer.Context, catalog: Catalog) -> bool:
    """Print a table command's cached text, without Rich; False on a miss."""
    from migcli.rendercache import lookup

    text = lookup(catalog.generation, _render_key(ctx, catalog))
    if text is None:
        return False
    from migcli.pager import emit

    emit(text, _options_of(ctx).pager)
    return True


def _tables(ctx: typer.Context, catalog: Catalog, draw: Callable[[Any], None]) -> None:
    """The one seam for tables: render with Rich, remember the text, print it (paged)."""
    from migcli.pager import emit
    from migcli.render.console import render_text
    from migcli.rendercache import store

    text = render_text(draw)
    store(catalog.generation, _render_key(ctx, catalog), text)
    emit(text, _options_of(ctx).pager)


def _json(ctx: typer.Context, value: Any) -> None:
    write_json(value, ascii_only=_options_of(ctx).ascii)


def _emit(ctx: typer.Context, catalog: Catalog, value: Any, as_json: bool, renderer: str) -> None:
    """JSON on stdout, or the renderer named "module:function" in migcli.render, loaded now."""
    if as_json:
        _json(ctx, value)
        return
    import importlib

    module, function = renderer.split(":")
    draw = getattr(importlib.import_module(f"migcli.render.{module}"), function)
    _tables(ctx, catalog, lambda console: draw(console, value))


@app.command("list")
def list_countries(ctx: typer.Context, json: JsonOption = False) -> None:
    """List the countries: codes, entries per section, roles, and the review date.

    Examples: migcli list · migcli list --json | jq -r '.[].id'
    """
    catalog = _catalog(ctx)
    if json or not _replay(ctx, catalog):
        _emit(ctx, catalog, catalog.index(), json, "listing:render_list")


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
    catalog = _catalog(ctx)
    if not json and _replay(ctx, catalog):
        return
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
        _json(ctx, results if len(countries) > 1 else results[0])
        return
    from migcli.render.show import render_country, render_entry

    def draw(console: Any) -> None:
        for result in results:
            if "entry" in result:
                render_entry(console, result)
            else:
                render_country(console, result, sections)

    _tables(ctx, catalog, draw)


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
    catalog = _catalog(ctx)
    if not json and _replay(ctx, catalog):
        return
    from migcli.registry import parse_sections
    from migcli.resolve import resolve_ids
    from migcli.search import closest_terms
    from migcli.search import search as run_search

    countries = set(resolve_ids(catalog.index(), country)) if country else None
    sections = set(parse_sections(section)) if section else None
    hits, words, total = run_search(catalog, query, countries, sections, limit)
    if json:
        _json(ctx, hits)
    elif hits:
        from migcli.render.search import render_hits

        _tables(ctx, catalog, lambda console: render_hits(console, hits, words, total))
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
    """Compare countries side by side, section by section.

    Examples: migcli compare honduras el-salvador · migcli compare --all -s asylum ·
    migcli compare nicaragua costa-rica --json
    """
    catalog = _catalog(ctx)
    if not json and _replay(ctx, catalog):
        return
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
    _emit(ctx, catalog, comparison, json, "compare:render_comparison")


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            help="Files or folders to check (default: the active data folder).", show_default=False
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Treat warnings (weak or uncited sources) as problems: exit 1."
        ),
    ] = False,
) -> None:
    """Check data files and print each problem as path:line:col: message.

    Warnings name sources a researcher would not cite (upload sites, mirrors, staging or CDN
    copies, encyclopedias, blogs) and sources no entry cites.

    Examples: migcli validate · migcli validate --strict mydata/ · migcli validate x.toml
    """
    from migcli.text import one_line
    from migcli.validate import validate_paths

    targets = paths or [open_data_dir(_options_of(ctx).data_dir).root]
    checked, problems, warnings = validate_paths(targets)
    if strict:
        problems, warnings = problems + warnings, []
    for problem in problems:
        sys.stdout.write(one_line(str(problem)) + "\n")
    for warning in warnings:
        sys.stdout.write(one_line(f"{warning.location()}: warning: {warning.message}") + "\n")
    noun = "problem" if len(problems) == 1 else "problems"
    files = "file" if checked == 1 else "files"
    summary = f"{len(problems)} {noun}"
    if warnings:
        summary += f" and {len(warnings)} warning" + ("" if len(warnings) == 1 else "s")
    sys.stdout.write(f"{summary} in {checked} {files} checked\n")
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
    """Print the JSON Schema of the TOML record format (or of a --json output).

    Examples: migcli schema > country.schema.json · migcli schema --output search
    """
    from migcli.schemas import output_schema, record_schema

    write_json(output_schema(output) if output else record_schema())


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
    catalog = _catalog(ctx)
    if not json and _replay(ctx, catalog):
        return
    from migcli.resolve import resolve_ids
    from migcli.timeline import timeline as build_timeline

    ids = resolve_ids(catalog.index(), country) if country else None
    events = build_timeline(catalog.countries(ids), since, until)
    if events or json:
        _emit(ctx, catalog, events, json, "timeline:render_timeline")
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
    catalog = _catalog(ctx)
    if not (json or csv) and _replay(ctx, catalog):
        return
    from migcli.resolve import resolve
    from migcli.stats import all_series, find_series, only_category, tidy_csv

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
        _json(ctx, views)
    elif csv:
        sys.stdout.write(tidy_csv(views))
    else:
        from migcli.render.stats import render_series, render_series_list

        if series:
            _tables(ctx, catalog, lambda console: render_series(console, views[0], split))
        else:
            _tables(ctx, catalog, lambda console: render_series_list(console, views))


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
    """A numbered bibliography per country: kinds and addresses, numbered as in show.

    Examples: migcli sources belize · migcli sources --json | jq '.mexico[0]'
    """
    catalog = _catalog(ctx)
    if not json and _replay(ctx, catalog):
        return
    from migcli.resolve import resolve

    ids = [resolve(catalog.index(), country)["id"]] if country else None
    by_country = {c["id"]: c["sources"] for c in catalog.countries(ids)}
    _emit(ctx, catalog, by_country, json, "sources:render_sources")


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

    catalog = _catalog(ctx)
    ids = resolve_ids(catalog.index(), country or [])
    countries = only(catalog.countries(ids or None), parse_sections(section))
    to_stdout = output is None or str(output) == "-"
    if fmt == "sqlite":
        if to_stdout:
            raise UsageError("the sqlite format needs a file: add -o FILE.db")
        from migcli.sqlite_export import build

        data: str | bytes = build(countries)
    else:
        data = render(countries, fmt, ascii_only=_options_of(ctx).ascii)
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
        typer.Argument(
            help="COUNTRY/ENTRY (an entry's sources) or COUNTRY (its whole bibliography).",
            autocompletion=complete_country,
            show_default=False,
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

    catalog = _catalog(ctx)
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
        _json(ctx, items)
        return
    from migcli.jsonout import write_utf8

    render = {"text": citing.to_text, "bibtex": citing.to_bibtex, "ris": citing.to_ris}[fmt]
    write_utf8(render(items))


def main() -> None:
    """Console-script entry point.

    Output that cannot be written ends in one line on stderr and exit 1: a closed stdout, a
    full disk, any write error. A pipe closed by its reader (`| head`) ends quietly with exit
    141, as the shell reports a process stopped by SIGPIPE: the reader asked for no more.
    """
    if sys.stdout is None:  # started with stdout closed (>&-)
        _output_failed("standard output is closed; nothing was written")
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # an ASCII-only terminal gets '?' rather than a crash
            stream.reconfigure(errors="replace")
    code: Any = 0
    try:
        try:
            _only_the_command_run(sys.argv[1:])
            app(prog_name="migcli", standalone_mode=True)
        except SystemExit as exit_:
            code = exit_.code
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_exit(141)
    except OSError as err:
        if err.errno == 32:  # EPIPE raised as a plain OSError
            _quiet_exit(141)
        _output_failed(f"cannot write output ({err.strerror or err}); nothing more was written")
    if code == 1 and _stdout_broken():
        _quiet_exit(141)  # Click turned a broken pipe into exit 1
    sys.exit(code)


def _only_the_command_run(args: list[str]) -> None:
    """Keep only the command being run: Typer converts every command's signature at each start
    (about 15 ms for twelve commands), and one command needs only its own. Help, completion
    and anything that is not exactly a command name keep them all, for listings and "Did you
    mean"."""
    import os

    if any(key.startswith("_MIGCLI_COMPLETE") for key in os.environ):
        return
    hoisted = hoist_global_options(args)
    first = None
    skip = False
    for arg in hoisted:
        if skip:
            skip = False
        elif arg in GLOBAL_VALUED:
            skip = True  # its value follows
        elif arg in ("-h", "--help"):
            return  # help for the whole app
        elif not arg.startswith("-"):
            first = arg
            break
    named = [c for c in app.registered_commands if _command_name(c) == first]
    if named:
        app.registered_commands = named


def _command_name(command: Any) -> str:
    return str(command.name or command.callback.__name__.replace("_", "-"))


def _stdout_broken() -> bool:
    import errno

    try:
        sys.stdout.flush()
    except OSError as err:
        return err.errno == errno.EPIPE
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def _quiet_exit(code: int) -> None:
    import os

    try:  # stdout is unusable: point it at /dev/null so the interpreter's last flush is quiet
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(code)


def _output_failed(message: str) -> None:
    import os

    try:
        sys.stderr.write(f"migcli: {message}\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):
        pass
    os._exit(1)
