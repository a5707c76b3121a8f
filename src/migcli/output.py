"""The one output seam: JSON, or a table rendered with Rich and paged.

Every command that prints a table or JSON goes through `tables`, `emit_json` or `emit`, which
hand what they wrote to the run cache (runcache.py): a repeated command is answered from there
before the command line is built.
"""

from collections.abc import Callable
from typing import Any

import typer

from migcli.app import options_of
from migcli.catalog import Catalog
from migcli.datadir import open_data_dir
from migcli.jsonout import write_json
from migcli.runcache import known_generation, record


def catalog_of(ctx: typer.Context) -> Catalog:
    options = options_of(ctx)
    data_dir = open_data_dir(options.data_dir)
    known = known_generation(data_dir.root) if options.cache else None
    catalog = Catalog(data_dir, use_cache=options.cache, known=known)
    ctx.meta["set_key"] = catalog.generation.set_key  # what the run cache checks it stores
    return catalog


def tables(ctx: typer.Context, catalog: Catalog, draw: Callable[[Any], None]) -> None:
    """The one seam for tables: render with Rich, print (paged), hand the text to the run cache."""
    from migcli.pager import emit
    from migcli.render.console import render_text

    text = render_text(draw)
    paged = options_of(ctx).pager
    emit(text, paged)
    record("table", text, paged, ctx.meta.get("set_key"))


def emit_json(ctx: typer.Context, value: Any) -> None:
    text = write_json(value, ascii_only=options_of(ctx).ascii)
    record("json", text, False, ctx.meta.get("set_key"))


Renderer = Callable[[Any, Any], None]  # (console, value): prints `value` as tables


def emit(
    ctx: typer.Context,
    catalog: Catalog,
    value: Any,
    as_json: bool,
    renderer: Callable[[], Renderer],
) -> None:
    """JSON on stdout, or a table by the renderer that `renderer()` imports (Rich only then)."""
    if as_json:
        emit_json(ctx, value)
        return
    draw = renderer()
    tables(ctx, catalog, lambda console: draw(console, value))


# The renderers of the commands that print one value, imported only when a table is drawn.
def listing_renderer() -> Renderer:
    from migcli.render.listing import render_list

    return render_list


def compare_renderer() -> Renderer:
    from migcli.render.compare import render_comparison

    return render_comparison


def timeline_renderer() -> Renderer:
    from migcli.render.timeline import render_timeline

    return render_timeline


def sources_renderer() -> Renderer:
    from migcli.render.sources import render_sources

    return render_sources
