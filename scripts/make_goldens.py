"""Write tests/golden/*.txt: the rendered tables of list, show, search and compare.

Each command runs at 50 (stacked layouts), 80 and 120 columns, without colour, so a change to
a layout or to the data shows as a diff a reviewer can read.

make goldens
"""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from migcli.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
WIDTHS = (50, 80, 120)
COMMANDS = {
    "list": ["list"],
    "show-guatemala-enforcement": ["show", "guatemala", "-s", "enforcement"],
    "show-entry-mexico-comar": ["show", "mexico/comar"],
    "search-asylum": ["search", "asylum", "-n", "8"],
    "compare-honduras-el-salvador-asylum": ["compare", "honduras", "el-salvador", "-s", "asylum"],
}


def goldens() -> dict[str, str]:
    """File name to rendered text, for every command and width."""
    out = {}
    for name, args in COMMANDS.items():
        for width in WIDTHS:
            env = {"COLUMNS": str(width), "NO_COLOR": "1", "TERM": "dumb"}
            env["MIGCLI_DATA_DIR"] = str(ROOT / "data" / "countries")
            result = CliRunner().invoke(app, ["--no-pager", *args], env=env)
            if result.exit_code != 0:
                raise SystemExit(f"{' '.join(args)} failed: {result.output}")
            out[f"{name}-{width}.txt"] = result.stdout
    return out


def main() -> None:
    from scripts._files import write_generated

    wanted = goldens()
    write_generated(GOLDEN, "*.txt", wanted)
    print(f"wrote {len(wanted)} golden files to {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    os.environ.pop("FORCE_COLOR", None)
    main()
