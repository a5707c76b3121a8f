"""How migcli scales: cache cost per file count, and the paths that used to be quadratic.

    .venv/bin/python bench/scale.py            # 10, 1,000 and 10,000 files
    .venv/bin/python bench/scale.py --quick    # 10 and 1,000 files

For each catalog size it times `list --json` on a cold cache (parse, validate, write the cache)
and on a warm one (median of 5), and measures the cache folder's size: both should grow linearly
with the number of files. Then three inputs that were quadratic: one country typed 5,000 times,
a series of 100 categories x 200 years drawn as a table, and a search whose word occurs hundreds
of times in every row. Prints a markdown table; a report, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_catalog import write_catalog

MIGCLI = str(Path(sys.executable).parent / "migcli")


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([MIGCLI, *args], env=env, stdout=subprocess.DEVNULL, check=False)
    if done.returncode != 0:
        raise SystemExit(f"migcli {' '.join(args[:4])} failed ({done.returncode})")
    return time.perf_counter() - start


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def env_with(cache: Path) -> dict[str, str]:
    return {**os.environ, "MIGCLI_CACHE_DIR": str(cache), "COLUMNS": "100", "NO_COLOR": "1"}


def cache_rows(sizes: list[int], work: Path) -> list[str]:
    rows = ["| files | first run (s) | warm run (s) | cache size (MiB) | per file (KiB) |",
            "|---:|---:|---:|---:|---:|"]  # fmt: skip
    for files in sizes:
        data, cache = work / f"data-{files}", work / f"cache-{files}"
        write_catalog(data, files, 5)
        env = env_with(cache)
        cold = timed(["--data-dir", str(data), "list", "--json"], env)
        warm = statistics.median(
            timed(["--data-dir", str(data), "list", "--json"], env) for _ in range(5)
        )
        size = folder_size(cache)
        rows.append(f"| {files:,} | {cold:.2f} | {warm:.3f} | {size / 2**20:.1f} | "
                    f"{size / files / 1024:.1f} |")  # fmt: skip
    return rows


def series_file(folder: Path, categories: int, years: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    cats = [f"c{i}" for i in range(categories)]
    points = ",\n".join(
        f'  {{category = "{c}", year = {1900 + y}, value = {y + 1}}}'
        for c in cats
        for y in range(years)
    )
    (folder / "wide.toml").write_text(
        'id = "wide"\nname = "Wideland"\nlocal_name = "Wideland"\niso2 = "WD"\niso3 = "WDE"\n'
        'summary = "Synthetic."\nas_of = "2026-01-01"\n\n[[sources]]\nid = "s"\n'
        'title = "Synthetic"\npublisher = "bench"\nkind = "other"\n'
        'url = "https://example.org/s"\npublished = "2026"\n\n'
        '[[institutions]]\nid = "o"\nname = "Office"\ndescription = "An office."\n'
        'sources = ["s"]\n\n[[series]]\nid = "wide"\ntitle = "Wide"\nunit = "u"\nscope = "s"\n'
        f'vintage = "v"\ncategories = {cats!r}\nsources = ["s"]\npoints = [\n{points}\n]\n'.replace(
            "'", '"'
        ),
        encoding="utf-8",
    )


def repeated_word_catalog(folder: Path, files: int, entries: int, repeats: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        body = " ".join(["refugee"] * repeats)
        lines = [f'id = "rep-{i:04d}"', f'name = "Repland {i}"', f'local_name = "Rep {i}"',
                 'kind = "region"', 'summary = "Synthetic."', 'as_of = "2026-01-01"', "",
                 "[[sources]]", 'id = "s"', 'title = "Synthetic"', 'publisher = "bench"',
                 'kind = "other"', 'url = "https://example.org/s"',
                 'published = "2026"']  # fmt: skip
        for n in range(entries):
            lines += ["", "[[institutions]]", f'id = "e{n}"', f'name = "Body {n}"',
                      f'description = "{body}"', 'sources = ["s"]']  # fmt: skip
        (folder / f"rep-{i:04d}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def quadratic_rows(work: Path) -> list[str]:
    rows = ["| input | cold (s) | warm (s) |", "|---|---:|---:|"]
    data = work / "data-10"
    if not data.exists():
        write_catalog(data, 10, 5)
    cases: list[tuple[str, Path, list[str]]] = [
        ("one country typed 5,000 times (`show --json`)", data,
         ["show", *["syn-0001"] * 5000, "--json"]),
    ]  # fmt: skip
    series_file(work / "wide", 100, 200)
    cases.append(("series of 100 categories x 200 years (`stats wide`)", work / "wide",
                  ["--no-pager", "stats", "wide"]))  # fmt: skip
    repeated_word_catalog(work / "rep", 200, 20, 400)
    cases.append(("word found 400 times in each of 4,000 rows (`search refugee`)", work / "rep",
                  ["search", "refugee", "--json"]))  # fmt: skip
    for label, folder, args in cases:
        env = env_with(work / f"cache-{folder.name}")
        cold = timed(["--data-dir", str(folder), *args], env)
        warm = statistics.median(timed(["--data-dir", str(folder), *args], env) for _ in range(3))
        rows.append(f"| {label} | {cold:.2f} | {warm:.2f} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-file catalog")
    args = parser.parse_args()
    sizes = [10, 1000] if args.quick else [10, 1000, 10000]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("\n".join(cache_rows(sizes, work)))
        print()
        print("\n".join(quadratic_rows(work)))


if __name__ == "__main__":
    main()
