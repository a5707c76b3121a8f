"""The process: answer from the run cache or run the command line, then exit with one code.

A repeated read-only command is printed from the run cache before Typer is even imported;
anything else goes to the command line (cli.py), and its output is stored when it qualifies.
"""

from __future__ import annotations

import sys

from migcli import runcache

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (milliseconds a start)
if TYPE_CHECKING:
    from typing import Any


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
    args = sys.argv[1:]
    code: Any = 0
    try:
        if not runcache.replay(args):
            from migcli.cli import run_app

            code = runcache.run_recorded(lambda: run_app(args))
        sys.stdout.flush()
        runcache.finish(code)  # stores only a run that was written whole and exited 0
    except BrokenPipeError:
        _quiet_exit(141)
    except OSError as err:
        if err.errno == 32:  # EPIPE raised as a plain OSError
            _quiet_exit(141)
        _output_failed(f"cannot write output ({err.strerror or err}); nothing more was written")
    if code == 1 and _stdout_broken():
        _quiet_exit(141)  # Click turned a broken pipe into exit 1
    sys.exit(code)


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
