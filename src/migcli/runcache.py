"""The run cache: a read-only command's whole output, printed again without building the CLI.

`migcli show guatemala` prints the same thing every time at one width, one terminal set-up
and one state of the data, so its output (escape codes included) is stored under a key made of
everything that can change it: the exact arguments, the data's content (the catalog's set
key), the working directory when a data folder was named, the width, whether stdout is a
terminal and its encoding, the variables that decide colours and layout, every MIGCLI_
variable, and the installed code (migcli's and Rich's). A hit prints the stored text before
Typer, Rich or the records are imported. `MIGCLI_NO_CACHE=1` or `--no-cache` bypasses it.
Only the commands that read and print are stored, only after they exit 0, and only when all
their output went through one seam (output.py). Shell completion, which Click writes itself,
is captured whole and keyed on the shell's variables as well. Stored text is checked before it
is printed: escape codes other than colours and links mean a miss, never output.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from migcli import __version__, cache
from migcli.datadir import bundled_dir, open_data_dir
from migcli.errors import MigcliError
from migcli.formats import OUTPUTS
from migcli.globalargs import GlobalArgs, completing, completion_words, hoist_global_options

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (milliseconds a start)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeGuard

# The commands that only read and print, all through the output seam: those with a --json schema.
REPLAYABLE = frozenset(OUTPUTS)
# What Rich reads to choose colours and layout, besides the width it is given.
LAYOUT_VARIABLES = (
    "NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "TTY_COMPATIBLE", "TTY_INTERACTIVE",
    "COLUMNS", "LINES", "JUPYTER_COLUMNS", "JUPYTER_LINES", "WT_SESSION", "TERM_PROGRAM",
)  # fmt: skip
KINDS = ("table", "json", "completion")
# Where the shells put the words typed so far: bash COMP_*, zsh, fish and PowerShell _TYPER_*.
COMPLETION_PREFIXES = ("_MIGCLI_", "COMP_", "_TYPER_")
_COLOUR_OR_LINK = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x00-\x1f\x7f]*\x1b\\")
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class _Pending:
    """A run that may be stored: its key, and the one output it wrote."""

    __slots__ = ("data_root", "generation", "key", "output")

    def __init__(self, data_root: Path, generation: cache.Generation, key: str) -> None:
        self.data_root = data_root
        self.generation = generation
        self.key = key
        self.output: dict[str, Any] | None = None


_pending: _Pending | None = None


def replay(args: list[str]) -> bool:
    """Print this run's stored output and return True; else get ready to store it (False)."""
    global _pending
    _pending = None
    found = _generation_and_key(args)
    if found is None:
        return False
    data_root, generation, key = found
    stored = cache.read(generation, f"run-{key}")
    if safe_to_print(stored):
        _print(stored)
        return True
    _pending = _Pending(data_root, generation, key)
    return False


def known_generation(data_root: Path) -> cache.Generation | None:
    """The state of this data folder, already hashed for this run's key: the catalog reuses it
    instead of reading and hashing every file a second time."""
    if _pending is not None and _pending.data_root == data_root:
        return _pending.generation
    return None


def record(kind: str, text: str, paged: bool, set_key: str | None) -> None:
    """Called by the output seam with what it wrote; a second write or other data disarms."""
    global _pending
    if _pending is None or completing():
        return  # a completion is recorded whole by `run_recorded`
    if _pending.output is not None or set_key != _pending.generation.set_key:
        _pending = None
        return
    _pending.output = {"kind": kind, "paged": paged, "text": text}


def run_recorded(run: Callable[[], Any]) -> Any:
    """Run the command line. Commands hand their output over through the seam (`record`); a
    completion, which Click writes itself, is captured whole, printed and kept."""
    if not completing():
        return run()
    import io

    real, sys.stdout = sys.stdout, io.StringIO()
    try:
        code = run()
    finally:
        captured, sys.stdout = sys.stdout.getvalue(), real
    sys.stdout.write(captured)
    if _pending is not None:
        _pending.output = {"kind": "completion", "paged": False, "text": captured}
    return code


def finish(code: Any) -> None:
    """Store what a successful run wrote."""
    global _pending
    pending, _pending = _pending, None
    if pending is not None and pending.output is not None and code == 0:
        cache.add_artifact(pending.generation, f"run-{pending.key}", pending.output)


def safe_to_print(value: Any) -> TypeGuard[dict[str, Any]]:
    """A stored output of the right shape whose text holds no control character other than
    newlines, colour codes and (tables only) links."""
    if not (
        isinstance(value, dict)
        and set(value) == {"kind", "paged", "text"}
        and value["kind"] in KINDS
        and isinstance(value["paged"], bool)
        and isinstance(value["text"], str)
    ):
        return False
    text: str = value["text"]
    if value["kind"] == "table":
        text = _COLOUR_OR_LINK.sub("", text)
    elif value["kind"] == "completion":
        text = text.replace("\t", " ")  # fish separates a value from its help with a tab
    return _UNSAFE.search(text) is None and "\x1b" not in text


def _print(stored: dict[str, Any]) -> None:
    if stored["kind"] == "completion":
        sys.stdout.write(stored["text"])
    elif stored["kind"] == "json":
        from migcli.jsonout import write_utf8

        write_utf8(stored["text"])
    else:
        from migcli.pager import emit

        emit(stored["text"], stored["paged"])


def _generation_and_key(args: list[str]) -> tuple[Path, cache.Generation, str] | None:
    """The data folder, its state and this run's key, or None when the run must not come from
    cache."""
    if os.environ.get("MIGCLI_NO_CACHE"):
        return None
    if completing():  # the words typed so far name the data; completing only reads
        given = GlobalArgs(hoist_global_options(completion_words()))
    else:
        given = GlobalArgs(hoist_global_options(args))
        if given.command not in REPLAYABLE:
            return None
    if given.no_cache:
        return None
    try:
        data_dir = open_data_dir(given.data_dir)
    except MigcliError:
        return None  # the command line will say what is wrong
    if data_dir.refused:
        return None
    generation = cache.generation(data_dir)
    if generation.root is None:
        return None
    return data_dir.root, generation, _key(args, generation.set_key, data_dir.root)


def _key(args: list[str], set_key: str, data_root: Path) -> str:
    from migcli.pager import terminal_width

    try:
        tty = sys.stdout.isatty()
    except (AttributeError, ValueError):
        tty = False
    parts = {
        "args": args,
        "data": set_key,
        # A named folder may be relative, and messages name files relative to it.
        "cwd": None if data_root == bundled_dir() else _cwd(),
        "width": terminal_width(),
        "tty": tty,
        "encoding": getattr(sys.stdout, "encoding", None),
        "env": {
            name: value
            for name, value in os.environ.items()
            if name in LAYOUT_VARIABLES or name.startswith((*COMPLETION_PREFIXES, "MIGCLI_"))
        },
        "code": _code_stamp(),
    }
    text = json.dumps(parts, sort_keys=True, ensure_ascii=True, default=str)
    return cache.digest(text.encode("ascii"))


def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:  # the folder was removed under us: a key that matches nothing stored
        return os.urandom(8).hex()


def _code_stamp() -> list[Any]:
    """Name, size and time of migcli's modules, its vocabulary and Rich: new code, new key."""
    here = Path(__file__).resolve().parent
    stamp: list[Any] = [__version__]
    for folder in (here, here / "render", here / "commands"):
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                info = entry.stat()
                stamp.append((entry.name, info.st_size, info.st_mtime_ns))
    from migcli.vocabulary import vocabulary_path

    stamp.append(_file_stamp(str(vocabulary_path())))
    stamp.append(_file_stamp(_rich_origin(here)))
    return stamp


def _rich_origin(here: Path) -> str:
    """Rich's __init__.py: beside migcli in an installed environment, else found on sys.path."""
    beside = here.parent / "rich" / "__init__.py"
    if beside.is_file():
        return str(beside)
    import importlib.util

    spec = importlib.util.find_spec("rich")
    return spec.origin if spec is not None and spec.origin else ""


def _file_stamp(path: str) -> tuple[str, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (path, -1, -1)
    return (path, info.st_size, info.st_mtime_ns)
