"""The global options' names, and moving them in front of the command.

No Typer here: the run cache reads the command and `--data-dir` before the command line is
built, and must read them the way the command line will.
"""

from __future__ import annotations

import os

GLOBAL_FLAGS = ("--no-pager", "--ascii", "--no-cache")
GLOBAL_VALUED = ("--data-dir",)
HELP = ("-h", "--help")
COMPLETE_VARIABLE = "_MIGCLI_COMPLETE"  # set by the completion script the shell runs


def completing() -> bool:
    return COMPLETE_VARIABLE in os.environ


def completion_words() -> list[str]:
    """The words typed before the one being completed, without the program's name: bash gives
    COMP_WORDS and the cursor's index COMP_CWORD; zsh and fish the line in _TYPER_COMPLETE_ARGS,
    whose last word is the one being completed unless the line ends in a space."""
    if "COMP_WORDS" in os.environ:
        words = os.environ["COMP_WORDS"].split()
        typed = os.environ.get("COMP_CWORD", "")
        return words[1 : int(typed)] if typed.isdigit() else []
    line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    words = line.split()
    return words[1:] if line.endswith(" ") else words[1:-1]


def hoist_global_options(args: list[str]) -> list[str]:
    """Move global options typed after the command to its front (`list --data-dir X`)."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg in GLOBAL_FLAGS or arg.startswith(tuple(f"{o}=" for o in GLOBAL_VALUED)):
            front.append(arg)
        elif arg in GLOBAL_VALUED and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


class GlobalArgs:
    """The command named and the global options given, read from hoisted arguments."""

    __slots__ = ("command", "data_dir", "no_cache")

    def __init__(self, hoisted: list[str]) -> None:
        self.command: str | None = None  # None: app help, or no command at all
        self.data_dir: str | None = None
        self.no_cache = False
        skip = False
        for i, arg in enumerate(hoisted):
            if skip:
                skip = False
            elif arg in GLOBAL_VALUED:
                self.data_dir = hoisted[i + 1] if i + 1 < len(hoisted) else None
                skip = True  # its value follows
            elif arg.startswith("--data-dir="):
                self.data_dir = arg.partition("=")[2]
            elif arg == "--no-cache":
                self.no_cache = True
            elif arg in HELP or arg == "--":
                return
            elif not arg.startswith("-"):
                self.command = arg
                return
