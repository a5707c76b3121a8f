"""Options shared by the commands: their types, their completion, and the global options.

No `from __future__ import annotations` here or in the command modules: Typer reads these
annotations at run time.
"""

from typing import Annotated, Any, Optional

import typer

from migcli.registry import SECTIONS


# Completion callbacks import their module only when the shell asks.
def complete_country(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from migcli.complete import complete_country

    return complete_country(ctx, incomplete)


def complete_section(incomplete: str) -> list[str]:
    from migcli.complete import complete_section

    return complete_section(incomplete)


def complete_series(ctx: typer.Context, incomplete: str) -> list[str]:
    from migcli.complete import complete_series

    return complete_series(ctx, incomplete)


CountryFilterOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--country", "-c", help="Only this country (repeatable).", autocompletion=complete_country
    ),
]


class Options:
    """What the global options said, handed to every command through the Click context.

    A plain class: importing dataclasses costs milliseconds at every start.
    """

    __slots__ = ("ascii", "cache", "data_dir", "pager")

    def __init__(
        self, data_dir: str | None, pager: bool, ascii: bool = False, cache: bool = True
    ) -> None:
        self.data_dir = data_dir
        self.pager = pager
        self.ascii = ascii
        self.cache = cache


JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON to stdout instead of tables.")]
SectionOption = Annotated[
    Optional[list[str]],  # noqa: UP045 - Typer 0.25 reads this form on Python 3.10
    typer.Option(
        "--section",
        "-s",
        help="Only this section (repeatable): " + ", ".join(SECTIONS) + "; or a heading or "
        "its first letters.",
        autocompletion=complete_section,
    ),
]


def argument(help: str, complete: Any = None) -> Any:
    """A positional argument with help and completion, and no default shown."""
    return typer.Argument(help=help, autocompletion=complete, show_default=False)


OptionalCountryArgs = Annotated[
    Optional[list[str]],  # noqa: UP045
    argument("Only these countries (default: all).", complete_country),
]
CountryArgs = Annotated[
    list[str],
    argument(
        "Country id, ISO code, name or alias; 'region' for the regional record.", complete_country
    ),
]
