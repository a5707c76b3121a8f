"""`export`: the catalog as JSON, JSON Lines, CSV, Markdown or SQLite, written atomically.

Writing is careful: only a regular file is ever replaced (never a device, a folder or a link's
target behind the user's back), the data folder is recognised by device and inode rather than
by path, and a file that appears while the export runs is not overwritten without --force.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from migcli.errors import UsageError
from migcli.formats import EXPORT_FORMATS

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord


def only(countries: list[CountryRecord], sections: list[str]) -> list[CountryRecord]:
    """The records with only the chosen sections' entries (gaps follow their sections)."""
    from migcli.records import only_sections

    return [only_sections(c, sections) for c in countries]


def render(countries: list[CountryRecord], fmt: str, ascii_only: bool = False) -> str:
    """Text formats; SQLite is written by `write_sqlite`, straight to a file."""
    from migcli.jsonout import dumps

    if fmt == "json":
        return dumps(countries, pretty=True, ascii_only=ascii_only)
    from migcli import exportfmt

    if fmt == "jsonl":
        rows = exportfmt.entry_rows(countries)
        return "".join(dumps(row, pretty=False, ascii_only=ascii_only) for row in rows)
    if fmt == "csv":
        return exportfmt.to_csv(countries)
    if fmt == "markdown":
        return "\n".join(exportfmt.markdown(c) for c in countries)
    raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(EXPORT_FORMATS)}")


def write_atomically(data: str | bytes, target: Path, force: bool, data_root: Path) -> None:
    """Write via a temporary file renamed into place: never half a file, never unasked over one."""
    target = target.expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    existed = _check_target(target, folder, force, data_root)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as err:
        raise UsageError(f"cannot write in '{folder}' ({err.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600; give the file a normal mode
        if existed or force:
            _check_target(target, folder, force, data_root)  # still a regular file
            os.replace(tmp, target)
        else:
            _link_new(tmp, target)  # fails if the name appeared while we wrote
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _check_target(target: Path, folder: Path, force: bool, data_root: Path) -> bool:
    """Refuse what must not be replaced; True when a regular file is there now."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as err:  # a name too long, a parent we may not enter
        raise UsageError(f"cannot write '{target}' ({err.strerror})") from None
    if _inside(target, data_root):
        raise UsageError(f"'{target}' is inside the data folder; migcli never writes there")
    if info is None:
        return False
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"'{target}' is a folder; name a file")
    if not stat.S_ISREG(info.st_mode):
        what = "a link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
        raise UsageError(f"'{target}' is {what}; name a regular file or a new one")
    if not force:
        raise UsageError(f"'{target}' exists; add --force to overwrite it")
    return True


def _inside(path: Path, data_root: Path) -> bool:
    """Is `path` the data folder or below it? Compared by device and inode, not by name."""
    try:
        root = os.stat(data_root)
        here = Path(os.path.realpath(path))
    except OSError:
        return False
    for candidate in (here, *here.parents):
        try:
            info = os.stat(candidate)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) == (root.st_dev, root.st_ino):
            return True
    return False


def _link_new(tmp: str, target: Path) -> None:
    """Put the file at `target` only if nothing is there (link fails on an existing name)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise UsageError(
            f"'{target}' appeared while exporting; add --force to overwrite it"
        ) from None
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(target):
            raise UsageError(
                f"'{target}' appeared while exporting; add --force to overwrite it"
            ) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _mode_for(target: Path) -> int:
    """The replaced file's mode, or what a plain open() would give under the user's umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
