"""Regenerate the generated docs: docs/cli.md, schema/country.schema.json and the README pictures.

make docs
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli_reference() -> str:
    """docs/cli.md as Typer generates it from the app."""
    command = [sys.executable, "-m", "typer", "migcli.cli", "utils", "docs", "--name", "migcli"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return result.stdout


def record_schema() -> str:
    from migcli.schemas import record_schema

    return json.dumps(record_schema(), indent=2, ensure_ascii=True) + "\n"


def pictures() -> dict[str, str]:
    """SVG screenshots of show, compare and stats, rendered by Rich at a fixed width."""
    os.environ["MIGCLI_CACHE_DIR"] = str(ROOT / ".cache-docs")
    from rich.console import Console

    from migcli.catalog import Catalog
    from migcli.compare import compare
    from migcli.datadir import open_data_dir
    from migcli.render.compare import render_comparison
    from migcli.render.show import render_country
    from migcli.render.stats import render_series
    from migcli.stats import all_series, find_series

    catalog = Catalog(open_data_dir(str(ROOT / "data" / "countries")))
    shots = {}

    def shot(name: str, title: str, draw: object) -> None:
        with open(os.devnull, "w") as sink:
            console = Console(record=True, width=100, force_terminal=True, file=sink)
            draw(console)  # type: ignore[operator]
            shots[name] = console.export_svg(title=title)

    guatemala = catalog.country("guatemala")
    shot(
        "show.svg",
        "migcli show guatemala --section enforcement --section labor_pathways",
        lambda c: render_country(c, guatemala, ["enforcement", "labor_pathways"]),
    )
    pair = catalog.countries(["honduras", "el-salvador"])
    shot(
        "compare.svg",
        "migcli compare honduras el-salvador --section institutions "
        "--section enforcement --section reintegration",
        lambda c: render_comparison(
            c, compare(pair, ["institutions", "enforcement", "reintegration"])
        ),
    )
    series = find_series(all_series(catalog.countries()), "darien-crossings")
    shot(
        "stats.svg",
        "migcli stats darien-crossings",
        lambda c: render_series(c, series, split=False),
    )
    return shots


def main() -> None:
    (ROOT / "docs" / "cli.md").write_text(cli_reference(), encoding="utf-8")
    (ROOT / "schema" / "country.schema.json").write_text(record_schema(), encoding="ascii")
    images = ROOT / "docs" / "img"
    images.mkdir(parents=True, exist_ok=True)
    for name, svg in pictures().items():
        (images / name).write_text(svg, encoding="utf-8")
    print("wrote docs/cli.md, schema/country.schema.json and docs/img/*.svg")


if __name__ == "__main__":
    main()
