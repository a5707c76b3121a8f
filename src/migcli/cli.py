"""The command line: the app with its commands, built for the one command being run.

app.py holds the application and its global options, commands/ the commands, output.py the
way results reach stdout. Heavy modules (rich, rapidfuzz, pydantic) are imported inside the
commands that need them, so the `--json` paths start fast. The process itself (exit codes,
closed pipes, the run cache) is entry.py's.
"""

from typing import Any

from migcli.app import app
from migcli.commands import browse, check, reference  # noqa: F401 - they register the commands
from migcli.globalargs import GlobalArgs, completing, completion_words, hoist_global_options

__all__ = ["app", "run_app"]


def run_app(args: list[str]) -> Any:
    """Run the command line on `args`; the exit code Click settled on."""
    _only_the_command_run(args)
    try:
        app(args=args, prog_name="migcli", standalone_mode=True)
    except SystemExit as exit_:
        return exit_.code
    return 0


def _only_the_command_run(args: list[str]) -> None:
    """Keep only the command being run: Typer converts every command's signature at each start
    (about 15 ms for twelve commands), and one command needs only its own. Help, completing a
    command's name and anything that is not exactly a command name keep them all, for listings
    and "Did you mean"; completing a command's arguments needs only that command."""
    if completing():
        args = completion_words()
    first = GlobalArgs(hoist_global_options(args)).command
    named = [c for c in app.registered_commands if _command_name(c) == first]
    if named:
        app.registered_commands = named


def _command_name(command: Any) -> str:
    return str(command.name or command.callback.__name__.replace("_", "-"))
