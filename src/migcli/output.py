"""The one output seam: JSON, or a table rendered with Rich, cached and paged.

Every command that prints a table goes through `tables` (or `emit`), which checks the render
cache first (`replay`), so a repeated table never imports Rich.
"""

from collections.abc import Callable
from typing import Any

import typer

from migcli.app import options_of
from migcli.catalog import Catalog
from migcli.datadir import open_data_dir
from migcli.jsonout import write_json


def catalog_of(ctx: typer.Context) -> Catalog:
    options = options_of(ctx)
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


def replay(ctx: typer.Context, catalog: Catalog) -> bool:
    """Print a table command's cached text, without Rich; False on a miss."""
    from migcli.rendercache import lookup

    text = lookup(catalog.generation, _render_key(ctx, catalog))
    if text is None:
        return False
    from migcli.pager import emit

    emit(text, options_of(ctx).pager)
    return True


def tables(ctx: typer.Context, catalog: Catalog, draw: Callable[[Any], None]) -> None:
    """The one seam for tables: render with Rich, remember the text, print it (paged)."""
    from migcli.pager import emit
    from migcli.render.console import render_text
    from migcli.rendercache import store

    text = render_text(draw)
    store(catalog.generation, _render_key(ctx, catalog), text)
    emit(text, options_of(ctx).pager)


def emit_json(ctx: typer.Context, value: Any) -> None:
    write_json(value, ascii_only=options_of(ctx).ascii)


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
