"""Write tests/snapshots/<id>.json: the parsed, validated data, so every data change is a diff.

make snapshots
"""

from __future__ import annotations

from pathlib import Path

from migcli.catalog import load_all
from migcli.datadir import list_dir
from migcli.jsonout import dumps

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"


def snapshots() -> dict[str, str]:
    """File name to JSON text, for every country in data/countries."""
    loaded = load_all(list_dir(ROOT / "data" / "countries"))
    return {f"{country['id']}.json": dumps(country) for country, _ in loaded}


def main() -> None:
    from scripts._files import write_generated

    wanted = snapshots()
    write_generated(SNAPSHOTS, "*.json", wanted)
    print(f"wrote {len(wanted)} snapshots to {SNAPSHOTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
