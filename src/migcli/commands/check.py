"""Checking data and publishing its format: validate and schema."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import click
import typer

from migcli.app import app, options_of
from migcli.datadir import open_data_dir
from migcli.formats import OUTPUTS
from migcli.jsonout import write_json


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

    targets = paths or [open_data_dir(options_of(ctx).data_dir).root]
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
