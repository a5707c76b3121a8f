"""Time migcli's hot paths against `python -c pass` and print a markdown report.

    .venv/bin/python bench/run.py            # 15 runs per command
    .venv/bin/python bench/run.py --quick    # 5 runs per command
    .venv/bin/python bench/run.py --runs 30 --out bench/results.md

By default the project is first installed the way a user installs it (`pip install .` into a
fresh virtual environment, so modules are byte-compiled as they are for a user); `--here` times
the `migcli` script next to this Python instead. Every command runs as a subprocess, with a
fresh cache folder (through XDG_CACHE_HOME, so the default cache lookup is timed) and, for the
large-catalog rows, a synthetic catalog of 1,000 countries x 50 entries. Each command runs once
to warm the cache, then the commands take turns for N rounds and the report gives each one's
median. The goals are ratios, so the numbers travel between machines: the first rows against
`python -c pass`, the others against the bundled-data command they name. The script exits 0
even when goals are missed: it is a report, not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from make_catalog import write_catalog

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MIGCLI = str(Path(sys.executable).parent / "migcli")
SYN_COUNTRIES, SYN_ENTRIES = 1000, 50
RSS_GOAL_MIB = 150
PROFILE_TOP = 15

# Runs the command given as arguments with stdout discarded, then prints the peak RSS of that
# child (ru_maxrss: KiB on Linux, bytes on macOS) and exits with the child's code.
RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


@dataclass
class Bench:
    """One command to time: its arguments, environment and the exit codes that count as ok."""

    key: str
    label: str
    argv: list[str]
    env: Callable[[], dict[str, str]]
    ok_codes: tuple[int, ...] = (0,)
    expect: str | None = None  # checked in the warm-up run's stdout, so a no-op cannot pass
    samples: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) * 1000


@dataclass
class Goal:
    label: str
    value: str
    ratio: float | None
    goal: str
    met: bool | None  # None: a reference row with no goal


# -- running commands ----------------------------------------------------------------------------


def run_once(bench: Bench) -> tuple[float, str]:
    """Run the command, fail loudly on an unexpected exit code; return (seconds, stdout)."""
    start = time.perf_counter()
    proc = subprocess.run(bench.argv, env=bench.env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in bench.ok_codes:
        sys.exit(
            f"bench: `{' '.join(bench.argv)}` exited {proc.returncode} "
            f"(expected {bench.ok_codes}):\n{proc.stderr}"
        )
    return elapsed, proc.stdout


def warm_up(bench: Bench) -> None:
    _, stdout = run_once(bench)
    if bench.expect is not None and bench.expect not in stdout:
        sys.exit(f"bench: `{bench.label}` did not print {bench.expect!r}; got:\n{stdout[:500]}")


def measure(benches: list[Bench], runs: int) -> None:
    """Warm every command once, then time them in turns so drift hits all of them alike."""
    for bench in benches:
        warm_up(bench)
    for _ in range(runs):
        for bench in benches:
            bench.samples.append(run_once(bench)[0])


def peak_rss_mib(argv: list[str], env: dict[str, str], ok_codes: tuple[int, ...]) -> float | None:
    """Peak resident memory of one run of argv, in MiB; None where `resource` is missing."""
    try:
        import resource  # noqa: F401 - Unix only
    except ImportError:
        return None
    proc = subprocess.run(
        [PYTHON, "-c", RSS_WRAPPER, *argv], env=env, capture_output=True, text=True
    )
    if proc.returncode not in ok_codes:
        sys.exit(f"bench: RSS run of `{' '.join(argv)}` exited {proc.returncode}:\n{proc.stderr}")
    maxrss = int(proc.stdout.strip().splitlines()[-1])
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


# -- the benchmark set ---------------------------------------------------------------------------


def base_env(cache_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MIGCLI_DATA_DIR", None)  # the bundled rows must read the bundled data
    env.pop("MIGCLI_CACHE_DIR", None)
    env["XDG_CACHE_HOME"] = str(cache_dir)
    return env


def fresh_cache_env(parent: Path) -> Callable[[], dict[str, str]]:
    """An env factory that points each run at a new, empty cache folder (a cold start)."""

    def make() -> dict[str, str]:
        for old in parent.iterdir():
            shutil.rmtree(old, ignore_errors=True)
        return base_env(Path(tempfile.mkdtemp(dir=parent)))

    return make


def unstored_env(env: dict[str, str]) -> Callable[[], dict[str, str]]:
    """An env factory with a MIGCLI_ variable new at each run: the run cache (keyed on those
    variables) never has the output, while the data cache stays warm."""
    counter = iter(range(10**9))

    def make() -> dict[str, str]:
        return {**env, "MIGCLI_BENCH_RUN": str(next(counter))}

    return make


def make_synthetic(out: Path, countries: int, env: dict[str, str]) -> None:
    """Write the synthetic catalog and check that migcli accepts it, so a bad one fails early."""
    print(f"Writing a synthetic catalog ({countries:,} x {SYN_ENTRIES})...", file=sys.stderr)
    write_catalog(out, countries, SYN_ENTRIES)
    argv = [MIGCLI, "--data-dir", str(out), "list", "--json"]
    proc = subprocess.run(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    if proc.returncode != 0:
        hint = ""
        if "iso2" in proc.stderr and countries > 26 * 26:
            hint = (
                f"\n(make_catalog derives two-letter codes from the index; only 676 exist, "
                f"so {countries:,} countries repeat them. Try --countries 676.)"
            )
        sys.exit(f"bench: migcli rejects the synthetic catalog:\n{proc.stderr.strip()}{hint}")


def build_benches(cache: Path, syn: Path, cold_parent: Path) -> list[Bench]:
    env = base_env(cache)
    warm = lambda: env  # noqa: E731
    complete = {**env, "_MIGCLI_COMPLETE": "complete_bash"}
    complete.update(COMP_WORDS="migcli show gua", COMP_CWORD="2")
    data = ["--data-dir", str(syn)]
    search_ok = (0, 1)  # 1: no matches
    return [
        Bench("base", "`python -c pass`", [PYTHON, "-c", "pass"], warm),
        # Floors, for reading the goals: what the chosen libraries cost before migcli does anything.
        Bench("typer_floor", "floor: `import typer`", [PYTHON, "-c", "import typer"], warm),
        Bench(
            "rich_floor",
            "floor: `import typer, rich.console, rich.table`",
            [PYTHON, "-c", "import typer, rich.console, rich.table"],
            warm,
        ),
        Bench(
            "show_json",
            "`show guatemala --json`",
            [MIGCLI, "show", "guatemala", "--json"],
            warm,
            expect='"guatemala"',
        ),
        Bench(
            "show_table",
            "`show guatemala` (table)",
            [MIGCLI, "show", "guatemala"],
            warm,
            expect="Guatemala",
        ),
        Bench(
            "search_json",
            "`search reintegration --json`",
            [MIGCLI, "search", "reintegration", "--json"],
            warm,
            ok_codes=search_ok,
        ),
        Bench(
            "compare",
            "`compare honduras el-salvador`",
            [MIGCLI, "compare", "honduras", "el-salvador"],
            warm,
        ),
        Bench(
            "complete", "complete `migcli show gua`", [MIGCLI], lambda: complete, expect="guatemala"
        ),
        Bench("list_json", "`list --json`", [MIGCLI, "list", "--json"], warm),
        Bench("list_table", "`list` (table)", [MIGCLI, "list"], warm, expect="guatemala"),
        Bench(
            "search_table",
            "`search reintegration` (table)",
            [MIGCLI, "search", "reintegration"],
            warm,
            expect="reintegration",
        ),
        Bench(
            "show_json_unstored",
            "`show guatemala --json` (output not stored: records from the data cache)",
            [MIGCLI, "show", "guatemala", "--json"],
            unstored_env(env),
        ),
        Bench(
            "show_table_unstored",
            "`show guatemala` (table, output not stored: records from the data cache)",
            [MIGCLI, "show", "guatemala"],
            unstored_env(env),
        ),
        Bench(
            "show_table_uncached",
            "`show guatemala` (table, --no-cache: parse and render every time)",
            [MIGCLI, "--no-cache", "show", "guatemala"],
            warm,
            expect="Guatemala",
        ),
        Bench(
            "syn_show",
            "SYN `show syn-0500 --json`",
            [MIGCLI, *data, "show", "syn-0500", "--json"],
            warm,
            expect='"syn-0500"',
        ),
        Bench("syn_list", "SYN `list --json`", [MIGCLI, *data, "list", "--json"], warm),
        Bench(
            "syn_search",
            "SYN `search reintegration --json`",
            [MIGCLI, *data, "search", "reintegration", "--json"],
            warm,
            ok_codes=search_ok,
        ),
        Bench(
            "cold_show",
            "cold `show guatemala --json`",
            [MIGCLI, "show", "guatemala", "--json"],
            fresh_cache_env(cold_parent),
        ),
    ]


# -- goals and the report ------------------------------------------------------------------------


def ratio_row(b: dict[str, Bench], key: str, ref: str, limit: float | None, ref_name: str) -> Goal:
    ratio = b[key].median_ms / b[ref].median_ms
    goal = f"≤ {limit:g}x {ref_name}" if limit is not None else "—"
    met = ratio <= limit if limit is not None else None
    return Goal(b[key].label, f"{b[key].median_ms:.1f}", ratio, goal, met)


def rss_row(label: str, mib: float | None) -> Goal:
    if mib is None:
        return Goal(label, "n/a", None, f"≤ {RSS_GOAL_MIB} MiB", None)
    return Goal(label, f"{mib:.0f} MiB", None, f"≤ {RSS_GOAL_MIB} MiB", mib <= RSS_GOAL_MIB)


def goals(b: dict[str, Bench], syn_rss: float | None) -> list[Goal]:
    py = "python"
    show, search = "`show guatemala --json`", "`search reintegration --json`"
    return [
        ratio_row(b, "base", "base", None, py),
        ratio_row(b, "typer_floor", "base", None, py),
        ratio_row(b, "rich_floor", "base", None, py),
        ratio_row(b, "show_json", "base", 6, py),
        ratio_row(b, "show_table", "base", 7, py),
        ratio_row(b, "search_json", "base", 8, py),
        ratio_row(b, "search_table", "base", 8, py),
        ratio_row(b, "compare", "base", 7, py),
        ratio_row(b, "list_table", "base", 7, py),
        ratio_row(b, "show_json_unstored", "base", None, py),
        ratio_row(b, "show_table_unstored", "base", None, py),
        ratio_row(b, "show_table_uncached", "base", None, py),
        ratio_row(b, "complete", "base", 6, py),
        ratio_row(b, "list_json", "base", None, py),
        ratio_row(b, "syn_show", "show_json", 1.2, show),
        ratio_row(b, "syn_list", "list_json", 1.5, "`list --json`"),
        ratio_row(b, "syn_search", "search_json", 3, search),
        rss_row("SYN `search reintegration --json` peak RSS", syn_rss),
        ratio_row(b, "cold_show", "show_json_unstored", 4, f"{show}, output not stored"),
    ]


def markdown_table(rows: list[Goal]) -> str:
    lines = ["| Command | Median ms | Ratio | Goal | Pass |", "|---|---:|---:|---|---|"]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "—"
        met = "—" if row.met is None else "yes" if row.met else "**no**"
        lines.append(f"| {row.label} | {row.value} | {ratio} | {row.goal} | {met} |")
    return "\n".join(lines)


def machine_lines(runs: int, countries: int) -> str:
    return "\n".join(
        [
            f"Machine: {platform.platform()}, Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs",
            f"Date: {datetime.now().astimezone().isoformat(timespec='seconds')}",
            f"Runs: median of {runs} after one warm-up run each; SYN = synthetic catalog of "
            f"{countries:,} countries x {SYN_ENTRIES} entries.",
        ]
    )


# -- import profile ------------------------------------------------------------------------------


def import_profile(args: list[str], env: dict[str, str]) -> list[tuple[str, int, int]]:
    """(module, self us, cumulative us) for every import made by `migcli ARGS`."""
    code = f"import sys; sys.argv={['migcli', *args]!r}; from migcli.entry import main; main()"
    proc = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", code],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: import profile of {args} exited {proc.returncode}:\n{proc.stderr}")
    found = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            found.append((parts[2].strip(), int(parts[0]), int(parts[1])))
    return found


def profile_table(title: str, modules: list[tuple[str, int, int]]) -> str:
    total_ms = sum(own for _, own, _ in modules) / 1000
    top = sorted(modules, key=lambda m: m[2], reverse=True)[:PROFILE_TOP]
    lines = [
        f"### {title}: top {PROFILE_TOP} imports by cumulative time "
        f"({len(modules)} modules, {total_ms:.1f} ms in all)",
        "",
        "| Module | Cumulative ms | Self ms |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {cum / 1000:.1f} | {own / 1000:.1f} |" for name, own, cum in top]
    return "\n".join(lines)


# -- main ----------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (15)")
    parser.add_argument("--quick", action="store_true", help="5 runs per command")
    parser.add_argument("--out", type=Path, help="also write the markdown table to this file")
    parser.add_argument(
        "--countries",
        type=int,
        default=SYN_COUNTRIES,
        help=f"countries in the synthetic catalog ({SYN_COUNTRIES})",
    )
    parser.add_argument(
        "--here", action="store_true", help="time this venv's migcli instead of a fresh install"
    )
    args = parser.parse_args()
    if args.quick:
        args.runs = 5
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def install_fresh(venv: Path) -> None:
    """`pip install .` into a new virtual environment, as a user would; point the bench at it."""
    global PYTHON, MIGCLI
    print("Installing migcli into a fresh virtual environment...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--disable-pip-version-check", str(ROOT)], check=True)
    PYTHON, MIGCLI = str(venv / "bin" / "python"), str(venv / "bin" / "migcli")


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="migcli-bench-") as tmp:
        root = Path(tmp)
        if not args.here:
            install_fresh(root / "venv")
        if not Path(MIGCLI).exists():
            sys.exit(f"bench: no migcli script at {MIGCLI}; install the project in this venv")
        cache, syn, cold = root / "cache", root / "catalog", root / "cold"
        cache.mkdir()
        cold.mkdir()
        make_synthetic(syn, args.countries, base_env(cache))
        benches = build_benches(cache, syn, cold)
        by_key = {b.key: b for b in benches}
        print(f"Timing {len(benches)} commands, {args.runs} runs each...", file=sys.stderr)
        measure(benches, args.runs)
        syn_search = by_key["syn_search"]
        syn_rss = peak_rss_mib(syn_search.argv, syn_search.env(), syn_search.ok_codes)
        env = base_env(cache)
        show_profile = import_profile(["show", "guatemala", "--json"], env)
        search_profile = import_profile(["search", "reintegration", "--json"], env)

    rows = goals(by_key, syn_rss)
    report = f"{markdown_table(rows)}\n\n{machine_lines(args.runs, args.countries)}\n"
    print(report)
    print(profile_table("`show guatemala --json`", show_profile))
    print()
    print(profile_table("`search reintegration --json`", search_profile))
    print()
    if args.out:
        args.out.write_text(report, encoding="utf-8")
        print(f"Wrote {args.out}")
    judged = [row for row in rows if row.met is not None]
    print(f"{sum(row.met for row in judged)} of {len(judged)} goals met")


if __name__ == "__main__":
    main()
