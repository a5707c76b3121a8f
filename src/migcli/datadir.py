"""Find the active data folder and list its files. A typed name never becomes a path."""

from __future__ import annotations

import os
from pathlib import Path

from migcli.errors import DataError, UsageError
from migcli.text import one_line

ENV_DATA_DIR = "MIGCLI_DATA_DIR"
MAX_FILE_BYTES = 1024 * 1024


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """At most `limit` bytes of a file, or None when it has more: the size a file reports
    (a /proc file says 0) is not trusted, only what is read."""
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    return None if len(raw) > limit else raw


class DataFile:
    """One *.toml file: name inside the folder (e.g. "guatemala.toml"), path, size and mtime."""

    # A plain class: @dataclass costs milliseconds at every start.
    __slots__ = ("mtime_ns", "name", "path", "size")

    def __init__(self, name: str, path: Path, size: int, mtime_ns: int) -> None:
        self.name = name
        self.path = path
        self.size = size
        self.mtime_ns = mtime_ns


class DataDir:
    """The data folder, its files in name order, and the links it refused."""

    __slots__ = ("files", "refused", "root")

    def __init__(
        self, root: Path, files: tuple[DataFile, ...], refused: tuple[DataError, ...] = ()
    ) -> None:
        self.root = root
        self.files = files
        self.refused = refused

    def shown(self, data_file: DataFile) -> str:
        """How messages name a file: relative to the working directory when that is shorter."""
        try:
            relative = os.path.relpath(data_file.path)
        except ValueError:  # another drive on Windows
            return str(data_file.path)
        return min(relative, str(data_file.path), key=len)


def bundled_dir() -> Path:
    """The data shipped in the wheel; in a source checkout, the repository's data folder."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "countries"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data" / "countries"


def open_data_dir(option: str | None) -> DataDir:
    """The folder named by --data-dir or MIGCLI_DATA_DIR, else the bundled data."""
    raw = option or os.environ.get(ENV_DATA_DIR) or None
    root = Path(raw) if raw else bundled_dir()
    if not is_folder(root):
        raise UsageError(f"data folder '{root}' does not exist or is not a folder")
    return list_dir(root)


def is_folder(path: Path) -> bool:
    """Like Path.is_dir, but a name too long or a parent we may not enter is simply 'no'."""
    try:
        return path.is_dir()
    except OSError:
        return False


def list_dir(root: Path) -> DataDir:
    """Every *.toml in the folder, sorted; links that leave the folder are refused."""
    real_root = Path(os.path.realpath(root))
    found: list[DataFile] = []
    refused: list[DataError] = []
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as err:
        raise DataError(str(root), f"cannot list the folder ({err.strerror}); check it") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if not entry.name.endswith(".toml"):
            if entry.name.lower().endswith(".toml"):  # panama.TOML: never silently skipped
                fixed = entry.name[:-5] + ".toml"
                message = f"has an upper-case extension; rename it to {fixed} or move it out"
                shown = os.path.relpath(entry.path)
                shown = one_line(shown if len(shown) <= 120 else "..." + shown[-117:])
                refused.append(DataError(shown, message))
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            target = Path(os.path.realpath(path))  # never raises, even on a loop
            if not target.is_relative_to(real_root) or not target.exists():
                message = "is a link that leaves the data folder or loops; copy the file in"
                refused.append(DataError(os.path.relpath(path), message))
                continue
        try:
            stat = entry.stat()
        except OSError:
            stat = None
        size, mtime = (stat.st_size, stat.st_mtime_ns) if stat else (-1, -1)
        found.append(DataFile(entry.name, path, size, mtime))
    return DataDir(root, tuple(found), tuple(refused))
