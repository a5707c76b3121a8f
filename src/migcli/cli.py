"""The command line's entry point: the app with its commands, and the process's exit.

`cli.py` parses nothing itself: app.py holds the application and its global options,
commands/ the commands, output.py the way results reach stdout. Heavy modules (rich, rapidfuzz,
pydantic) are imported inside the commands that need them, so the `--json` paths start fast.
"""

import sys
from typing import Any

from migcli.app import app
from migcli.commands import browse, check, reference  # noqa: F401 - they register the commands
from migcli.options import GLOBAL_VALUED, hoist_global_options

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point.

    Output that cannot be written ends in one line on stderr and exit 1: a closed stdout, a
    full disk, any write error. A pipe closed by its reader (`| head`) ends quietly with exit
    141, as the shell reports a process stopped by SIGPIPE: the reader asked for no more.
    """
    if sys.stdout is None:  # started with stdout closed (>&-)
        _output_failed("standard output is closed; nothing was written")
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # an ASCII-only terminal gets '?' rather than a crash
            stream.reconfigure(errors="replace")
    code: Any = 0
    try:
        try:
            _only_the_command_run(sys.argv[1:])
            app(prog_name="migcli", standalone_mode=True)
        except SystemExit as exit_:
            code = exit_.code
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_exit(141)
    except OSError as err:
        if err.errno == 32:  # EPIPE raised as a plain OSError
            _quiet_exit(141)
        _output_failed(f"cannot write output ({err.strerror or err}); nothing more was written")
    if code == 1 and _stdout_broken():
        _quiet_exit(141)  # Click turned a broken pipe into exit 1
    sys.exit(code)


def _only_the_command_run(args: list[str]) -> None:
    """Keep only the command being run: Typer converts every command's signature at each start
    (about 15 ms for twelve commands), and one command needs only its own. Help, completing a
    command's name and anything that is not exactly a command name keep them all, for listings
    and "Did you mean"; completing a command's arguments needs only that command."""
    import os

    if any(key.startswith("_MIGCLI_COMPLETE") for key in os.environ):
        words = os.environ.get("COMP_WORDS", "").split()
        typed = os.environ.get("COMP_CWORD", "")
        args = words[1 : int(typed)] if typed.isdigit() else []  # the words before the cursor
    hoisted = hoist_global_options(args)
    first = None
    skip = False
    for arg in hoisted:
        if skip:
            skip = False
        elif arg in GLOBAL_VALUED:
            skip = True  # its value follows
        elif arg in ("-h", "--help"):
            return  # help for the whole app
        elif not arg.startswith("-"):
            first = arg
            break
    named = [c for c in app.registered_commands if _command_name(c) == first]
    if named:
        app.registered_commands = named


def _command_name(command: Any) -> str:
    return str(command.name or command.callback.__name__.replace("_", "-"))


def _stdout_broken() -> bool:
    import errno

    try:
        sys.stdout.flush()
    except OSError as err:
        return err.errno == errno.EPIPE
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def _quiet_exit(code: int) -> None:
    import os

    try:  # stdout is unusable: point it at /dev/null so the interpreter's last flush is quiet
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(code)


def _output_failed(message: str) -> None:
    import os

    try:
        sys.stderr.write(f"migcli: {message}\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):
        pass
    os._exit(1)
