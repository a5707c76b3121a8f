"""Curator and analyst features: own data, validate, schemas, timeline, stats, sources, export."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from migcli.formats import OUTPUTS
from migcli.schemas import output_schema, record_schema

from .conftest import DATA, ROOT, run, run_json, write_country


def test_data_dir_option_and_env(data_dir: Path) -> None:
    assert [r["id"] for r in run_json("--data-dir", str(data_dir), "list")] == ["alpha", "beta"]
    result = run("list", "--json", env={"MIGCLI_DATA_DIR": str(data_dir)})
    assert [r["id"] for r in json.loads(result.stdout)] == ["alpha", "beta"]
    for args in (["show", "alpha"], ["search", "migration office"], ["compare", "alpha", "beta"]):
        assert run("--data-dir", str(data_dir), *args).exit_code == 0, args


def test_validate_reports_every_problem_by_line(data_dir: Path) -> None:
    bad = data_dir / "beta.toml"
    bad.write_text(bad.read_text().replace('acronym = "MO"', 'acronym = "MO"\ncolour = 3'))
    (data_dir / "gamma.toml").write_text('id = "gamma"\nname = [\n')
    result = run("--data-dir", str(data_dir), "validate")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("data/beta.toml:") or "beta.toml:" in line for line in lines)
    beta = next(line for line in lines if "beta.toml" in line)
    _, line_no, _, message = beta.split(":", 3)
    assert bad.read_text().splitlines()[int(line_no) - 1].startswith("colour")
    assert "institutions[0].colour: unknown field" in message
    assert any("gamma.toml:" in line and "TOML syntax error" in line for line in lines)
    assert lines[-1] == "2 problems in 3 files checked"


def test_validate_clean_data_and_paths() -> None:
    result = run("validate", str(DATA))
    assert result.exit_code == 0
    assert result.stdout.endswith(f"0 problems in {len(list(DATA.glob('*.toml')))} files checked\n")
    strict = run("validate", "--strict", str(DATA))
    assert strict.exit_code == 0, strict.stdout
    assert run("validate", str(DATA / "guatemala.toml")).exit_code == 0


def test_record_schema_is_current_and_describes_the_data() -> None:
    schema = json.loads((ROOT / "schema" / "country.schema.json").read_text())
    assert schema == record_schema(), "run `make docs`"
    for path in DATA.glob("*.toml"):
        import tomli

        jsonschema.validate(tomli.loads(path.read_text()), schema)
    assert json.loads(run("schema").stdout) == schema


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("list", []),
        ("show", ["guatemala"]),
        ("show", ["guatemala", "mexico"]),
        ("show", ["mexico/comar"]),
        ("show", ["mexico", "mexico/comar", "--resolve-sources"]),
        ("timeline", ["--since", "2025"]),
        ("search", ["asylum"]),
        ("compare", ["honduras", "el-salvador"]),
        ("timeline", []),
        ("stats", []),
        ("sources", ["panama"]),
    ],
)
def test_json_outputs_match_their_published_schema(command: str, args: list[str]) -> None:
    schema = output_schema(command)
    jsonschema.validate(run_json(command, *args), schema)
    assert json.loads(run("schema", "--output", command).stdout) == schema


def test_every_output_schema_is_published() -> None:
    from migcli.cli import app

    json_commands = {  # the commands that take --json have a published schema
        (c.name or c.callback.__name__).removesuffix("_countries")  # type: ignore[union-attr]
        for c in app.registered_commands
        if "json" in c.callback.__code__.co_varnames  # type: ignore[union-attr]
    }
    assert set(OUTPUTS) == json_commands
    assert run("schema", "--output", "nope").exit_code == 2


def test_timeline_is_in_date_order_and_filters() -> None:
    events = run_json("timeline")
    dates = [e["date"] for e in events]
    assert dates == sorted(dates) and len(events) > 20
    assert {"mexico", "guatemala", "united-states"} <= {e["country"] for e in events}
    recent = run_json("timeline", "--since", "2019", "--until", "2020", "--country", "sv")
    assert recent and all(e["country"] == "el-salvador" for e in recent)
    assert all("2019" <= e["date"][:4] <= "2020" for e in recent)


def test_timeline_table() -> None:
    result = run("timeline", "--country", "mexico")
    assert result.exit_code == 0 and "Date" in result.stdout


def test_stats_lists_and_shows_series() -> None:
    listing = run("stats")
    assert "usbp-apprehensions-sw" in listing.stdout
    shown = run("stats", "usbp-apprehensions-sw")
    assert shown.exit_code == 0
    assert "858,639" in shown.stdout and "Title 42" in shown.stdout and "Vintage" in shown.stdout
    split = run("stats", "usbp-apprehensions-sw", "--split")
    assert split.stdout.count("Key:") == 0 and "guatemala" in split.stdout


def test_stats_missing_points_show_as_missing() -> None:
    result = run("stats", "costa-rica-asylum-applications", env={"COLUMNS": "120"})
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows.count(["2022", "missing"]) == 2  # table and chart
    data = run_json("stats", "costa-rica-asylum-applications")[0]
    assert 2022 not in [p["year"] for p in data["points"]]


def test_stats_marks_a_break_where_it_starts() -> None:
    result = run("stats", "mexico-irregular-events", env={"COLUMNS": "120"})
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["2021", "‖", "309,692"] in rows
    assert "Break from 2021:" in result.stdout
    data = run_json("stats", "mexico-irregular-events")[0]
    assert data["breaks"][0]["year"] == 2021


def test_stats_csv_is_tidy_long_format() -> None:
    result = run("stats", "usbp-apprehensions-nationwide", "--csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["series", "category", "year", "value", "partial", "note", "vintage"]
    assert len(rows) == 14 * 6
    assert {"series": "usbp-apprehensions-nationwide", "category": "total", "year": "2019",
            "value": "859501"}.items() <= next(r for r in rows if r["year"] == "2019"
                                               and r["category"] == "total").items()  # fmt: skip
    assert all(r["vintage"].startswith("CBP table FY2007-2020") for r in rows)
    mexico = run("stats", "usbp-apprehensions-sw", "--country", "mexico", "--csv")
    assert mexico.stdout.count("\n") == 15


def test_stats_unknown_series() -> None:
    result = run("stats", "nope")
    assert result.exit_code == 1 and "unknown series 'nope'" in result.stderr


def test_sources_bibliography() -> None:
    result = run("sources", "panama")
    assert result.exit_code == 0
    assert "[1] " in result.stdout and "https://" in result.stdout
    assert list(run_json("sources", "panama")) == ["panama"]


def test_export_csv_one_row_per_entry() -> None:
    result = run("export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    total = sum(sum(r["entries"].values()) for r in run_json("list"))
    assert len(rows) == total
    assert list(rows[0])[:6] == ["country", "section", "id", "name", "local_name", "acronym"]
    assert {"description", "note", "later_changes", "source_urls", "source_kinds"} <= set(rows[0])
    assert all(r["source_urls"] for r in rows)


def test_export_formats(tmp_path: Path) -> None:
    full = json.loads(run("export").stdout)
    assert [c["id"] for c in full] == [r["id"] for r in run_json("list")]
    lines = run("export", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == len(list(csv.DictReader(io.StringIO(run("export", "-f", "csv").stdout))))
    assert json.loads(lines[0])["country"] == full[0]["id"]
    markdown = run("export", "--format", "markdown").stdout
    assert "# Guatemala (Guatemala)" in markdown and "## Sources" in markdown
    assert run("export", "--format", "xml").exit_code == 2


def test_export_to_file_is_atomic_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    assert run("export", "-f", "csv", "-o", str(target)).exit_code == 0
    first = target.read_text()
    target.write_text("keep me")
    refused = run("export", "-f", "csv", "-o", str(target))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert target.read_text() == "keep me"
    assert run("export", "-f", "csv", "-o", str(target), "--force").exit_code == 0
    assert target.read_text() == first
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left


def test_export_refuses_the_data_folder(data_dir: Path) -> None:
    result = run("--data-dir", str(data_dir), "export", "-o", str(data_dir / "x.json"))
    assert result.exit_code == 2 and "data folder" in result.stderr


def test_docs_cli_reference_is_current() -> None:
    from scripts.make_docs import cli_reference

    assert (ROOT / "docs" / "cli.md").read_text() == cli_reference(), "run `make docs`"


def test_curator_copy_and_edit(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(DATA / "panama.toml", folder)
    write_country(folder, "zeta")
    assert run("--data-dir", str(folder), "validate").exit_code == 0
    assert run("--data-dir", str(folder), "show", "panama").exit_code == 0


def test_stats_country_filter() -> None:
    ids = {v["id"] for v in run_json("stats", "--country", "guatemala")}
    assert ids == {"usbp-apprehensions-sw", "usbp-apprehensions-nationwide",
                   "comar-applications-top-origins"}  # fmt: skip
    own = run_json("stats", "mexico-irregular-events", "--country", "mexico")
    assert own[0]["categories"] == ["total"]
    assert run("stats", "--country", "belize").exit_code == 1


def test_unusable_paths_are_usage_errors(tmp_path: Path) -> None:
    long_name = "x" * 5000
    for args in (["--data-dir", long_name, "list"], ["validate", long_name]):
        result = run(*args)
        assert result.exit_code == 2 and "Traceback" not in result.stderr
    result = run("export", "-o", str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.stderr
