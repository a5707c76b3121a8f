"""Read and validate one country file. Every failure becomes a DataError naming file and line."""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import Any

import tomli
from pydantic import ValidationError

from migcli.datadir import MAX_FILE_BYTES, read_bounded
from migcli.errors import DataError
from migcli.models import Country, CountryBase
from migcli.text import shorten

MAX_PROBLEMS = 50  # per file: past this, more lines of output help nobody
_PATH_PREFIX = re.compile(r"^([a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*): ")


def load_country(path: Path, shown: str) -> CountryBase:
    """Parse and validate `path`; raise the first problem. `shown` is the name used in messages."""
    country, problems = check_file(path, shown)
    if problems:
        raise problems[0]
    assert country is not None
    return country


def check_file(path: Path, shown: str) -> tuple[CountryBase | None, list[DataError]]:
    """Return the validated country, or every problem found in the file."""
    try:
        text = read_text(path, shown)
        data = parse_toml(text, shown)
    except DataError as err:
        return None, [err]
    try:
        return Country.model_validate(data), []
    except ValidationError as err:
        lines = text.split("\n")  # TOML lines end at \n only, not at U+2028 and the like
        return None, [_schema_problem(e, lines, shown) for e in err.errors()[:MAX_PROBLEMS]]


def read_text(path: Path, shown: str) -> str:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise DataError(shown, "is a directory, not a TOML file; rename or remove it")
        if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
            raise DataError(shown, "is not a regular file; replace it with a TOML file")
        raw = read_bounded(path)  # what is read counts, not the size the file reports
        if raw is None:
            raise DataError(shown, f"file is over {MAX_FILE_BYTES} bytes (1 MiB); split or trim it")
    except PermissionError:
        raise DataError(
            shown, "cannot be read (permission denied); check its permissions"
        ) from None
    except OSError as err:
        raise DataError(shown, f"cannot be read ({err.strerror}); check the file") from None
    if not raw.strip():
        raise DataError(shown, "file is empty; a country file needs at least id, name and sources")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise DataError(
            shown, "bytes that are not UTF-8; save the file as UTF-8", line, col
        ) from None


def parse_toml(text: str, shown: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as err:
        message = getattr(err, "msg", str(err))
        line = getattr(err, "lineno", None)
        col = getattr(err, "colno", None)
        raise DataError(shown, f"TOML syntax error: {message}", line, col) from None
    except RecursionError:
        raise DataError(shown, "nesting is too deep to parse; flatten the tables") from None
    except ValueError:  # e.g. an integer longer than Python's 4300-digit limit
        raise DataError(shown, "a value is too large to read; shorten it") from None


def _schema_problem(error: Any, lines: list[str], shown: str) -> DataError:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    match = _PATH_PREFIX.match(message)
    if not loc and match:  # a whole-record check names its own path
        loc = parse_path(match.group(1))
        message = message[match.end() :]
    field = format_path(loc)
    if error["type"] == "extra_forbidden":
        message = "unknown field; check the spelling against `migcli schema`"
    elif error["type"] == "missing":
        message = "required field is missing"
    line = find_line(lines, loc)
    return DataError(shown, f"{field}: {message}" if field else message, line, 1 if line else None)


def format_path(loc: tuple[str | int, ...]) -> str:
    """`sources[3].url`; a key from the file is echoed shortened and on one line."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = shorten(part, 40)
            out += f".{key}" if out else key
    return out


def parse_path(path: str) -> tuple[str | int, ...]:
    parts: list[str | int] = []
    for name, index in re.findall(r"([a-z_0-9]+)(?:\[(\d+)\])?", path):
        parts.append(name)
        if index:
            parts.append(int(index))
    return tuple(parts)


def find_line(lines: list[str], loc: tuple[str | int, ...]) -> int | None:
    """Best-effort line of the key named by `loc`, read from the TOML lines themselves."""
    if not loc or not isinstance(loc[0], str):
        return None
    table, rest = loc[0], loc[1:]
    if rest and isinstance(rest[0], int):
        header = _nth_header(lines, table, rest[0])
        if header is not None:
            key = rest[1] if len(rest) > 1 and isinstance(rest[1], str) else None
            found = _key_in_block(lines, header + 1, key) if key else None
            return (found if found is not None else header) + 1
    found = _key_in_block(lines, 0, table)
    return found + 1 if found is not None else None


def _nth_header(lines: list[str], table: str, n: int) -> int | None:
    pattern = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
    hits = [i for i, line in enumerate(lines) if pattern.match(line)]
    return hits[n] if n < len(hits) else None


def _key_in_block(lines: list[str], start: int, key: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for i in range(start, len(lines)):
        if lines[i].lstrip().startswith("["):
            return None
        if pattern.match(lines[i]):
            return i
    return None
