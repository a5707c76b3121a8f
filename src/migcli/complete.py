"""Shell completion for country ids, sections and series, read from the catalog index.

A warm cache answers from the index file alone; after a data change the first Tab rebuilds it.
"""

from __future__ import annotations

import os

import typer

from migcli.registry import SECTIONS


def _rows(ctx: typer.Context) -> list[dict[str, object]]:
    from migcli.catalog import Catalog
    from migcli.datadir import ENV_DATA_DIR, open_data_dir

    root = ctx.find_root()
    option = root.params.get("data_dir") or os.environ.get(ENV_DATA_DIR)
    try:
        return list(Catalog(open_data_dir(option)).index())  # type: ignore[arg-type]
    except Exception:  # completion must never print a traceback into the shell
        return []


def complete_country(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    typed = incomplete.lower()
    out = []
    for row in _rows(ctx):
        names = [str(row["id"]), str(row["name"]), str(row["local_name"])]
        if any(n.lower().startswith(typed) for n in names):
            out.append((str(row["id"]), str(row["name"])))
    return out


def complete_section(incomplete: str) -> list[str]:
    return [s for s in SECTIONS if s.startswith(incomplete.lower())]


def complete_series(ctx: typer.Context, incomplete: str) -> list[str]:
    series = [str(s) for row in _rows(ctx) for s in row["series"]]  # type: ignore[attr-defined]
    return [s for s in series if s.startswith(incomplete)]
