"""The Typer application: its group (one line per error), the global options and their values.

Commands live in migcli/commands/ and register themselves on `app`; cli.py imports them.
"""

import sys
from typing import Annotated, Any, Optional

import click
import typer
from typer.core import TyperGroup

from migcli import __version__
from migcli.datadir import ENV_DATA_DIR
from migcli.errors import MigcliError
from migcli.globalargs import hoist_global_options
from migcli.options import Options


class _Group(TyperGroup):
    """Turns a MigcliError from any command into one line on stderr and its exit code."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if (
            not args and not ctx.resilient_parsing
        ):  # bare `migcli`: help is the answer, on stdout, and not an error
            sys.stdout.write(ctx.get_help() + "\n")
            ctx.exit(0)
        try:
            return super().parse_args(ctx, hoist_global_options(args))
        except click.UsageError as err:
            raise _OneLineUsageError(err) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as err:  # a command's own arguments, or no such command
            if isinstance(err, _OneLineUsageError):
                raise
            raise _OneLineUsageError(err) from None
        except MigcliError as err:
            from migcli.text import one_line

            sys.stderr.write(f"migcli: {one_line(str(err))}\n")
            raise typer.Exit(err.exit_code) from None


class _OneLineUsageError(click.UsageError):
    """Click's usage error in one line on stderr, like every other error (exit code 2)."""

    def __init__(self, err: click.UsageError) -> None:
        super().__init__(err.format_message(), err.ctx)

    def show(self, file: Any = None) -> None:
        from migcli.text import one_line

        message = self.format_message().strip() or "bad usage"
        message = message[0].lower() + message[1:]  # Click's "No such option" reads as ours
        path = self.ctx.command_path if self.ctx is not None else "migcli"
        end = "" if message.endswith((".", "?", "!")) else "."
        sys.stderr.write(f"migcli: {one_line(message)}{end} See '{one_line(path)} --help'.\n")


app = typer.Typer(
    cls=_Group,
    name="migcli",
    help="Migration management in Mexico and Central America: institutions, enforcement, "
    "asylum, labour pathways and reintegration, with a source for every fact.",
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    suggest_commands=False,  # Click 8.5 already says "Did you mean"; Typer would say it twice
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"migcli {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(
    ctx: typer.Context,
    data_dir: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--data-dir",
            envvar=ENV_DATA_DIR,
            help="Read country files from this folder instead of the bundled data.",
            show_default=False,
        ),
    ] = None,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Never page long output (also: MIGCLI_PAGER= empty). Pipes are never paged.",
        ),
    ] = False,
    ascii_json: Annotated[
        bool,
        typer.Option("--ascii", help="Escape every non-ASCII character in JSON output."),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Read and render afresh; write no cache (MIGCLI_NO_CACHE=1)."
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    ctx.obj = Options(data_dir, pager=not no_pager, ascii=ascii_json, cache=not no_cache)


def options_of(ctx: typer.Context) -> Options:
    options = ctx.find_root().obj
    return options if isinstance(options, Options) else Options(None, True)
