"""A validated cache of the catalog as JSON, so hot paths skip TOML parsing and Pydantic.

Layout: <cache root>/<data folder key>/<fingerprint>/<artifact>.json. The fingerprint covers the
migcli version and every data file's name, size and mtime, so a changed file or a new version
simply names another folder, and every artifact carries the full stamp it was built for: a
stale cache is never read. A generation is built in a temporary
folder and renamed into place whole, so readers never see half of one, and concurrent builders
race harmlessly. Anything unreadable counts as a miss and is rebuilt.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from migcli import __version__
from migcli.datadir import DataDir

ENV_CACHE_DIR = "MIGCLI_CACHE_DIR"
_SEAL = "migcli-cache-1"


def cache_root() -> Path:
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies on Linux, inline: importing it costs 4 ms a run.
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(xdg if os.path.isabs(xdg) else os.path.expanduser("~/.cache")) / "migcli"
    from platformdirs import user_cache_dir  # macOS, Windows and the rest

    return Path(user_cache_dir("migcli", appauthor=False))


class Generation:
    """The cache folder for one state of one data folder, and the full stamp it must carry."""

    __slots__ = ("folder", "stamp")

    def __init__(self, folder: Path, stamp: str) -> None:
        self.folder = folder
        self.stamp = stamp


def generation(data_dir: DataDir) -> Generation:
    root = str(data_dir.root.resolve())
    lines = [__version__, root] + [f"{f.name}:{f.size}:{f.mtime_ns}" for f in data_dir.files]
    stamp = "\n".join(lines)
    # Short names from two checksums; the full stamp inside each artifact settles any collision.
    return Generation(cache_root() / _digest(root) / _digest(stamp), stamp)


def read(gen: Generation, artifact: str) -> Any | None:
    """The stored value, or None when missing, damaged or stale (the caller rebuilds it)."""
    try:
        raw = (gen.folder / f"{artifact}.json").read_bytes()
        sealed = json.loads(raw)
    except (OSError, ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        return None
    if not isinstance(sealed, dict) or sealed.get("seal") != _SEAL or "value" not in sealed:
        return None
    if sealed.get("stamp") != gen.stamp:
        return None
    return sealed["value"]


def write_generation(gen: Generation, artifacts: dict[str, Any]) -> None:
    """Write all artifacts into a fresh folder and move it into place; failures are ignored."""
    import shutil
    import tempfile

    try:
        gen.folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".build-", dir=gen.folder.parent))
    except OSError:
        return  # an unwritable cache only costs speed
    try:
        for name, value in artifacts.items():
            (staging / f"{name}.json").write_text(_sealed(gen, value), encoding="ascii")
        _move_into_place(staging, gen, list(artifacts))
    except OSError:
        pass  # the disk is full or the folder unwritable: keep going uncached
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _prune_siblings(gen.folder)


def _move_into_place(staging: Path, gen: Generation, names: list[str]) -> None:
    import shutil

    try:
        os.rename(staging, gen.folder)
        return
    except OSError:
        pass  # the folder exists: another process built it, or it is damaged
    if all(read(gen, name) is not None for name in names):
        return
    shutil.rmtree(gen.folder, ignore_errors=True)
    os.rename(staging, gen.folder)


def add_artifact(gen: Generation, name: str, value: Any) -> None:
    """Add one artifact to an existing generation, atomically by rename."""
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=gen.folder)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(_sealed(gen, value))
        os.replace(tmp, gen.folder / f"{name}.json")
    except OSError:
        pass


def _sealed(gen: Generation, value: Any) -> str:
    return json.dumps({"seal": _SEAL, "stamp": gen.stamp, "value": value}, ensure_ascii=True)


def _prune_siblings(keep: Path) -> None:
    """Drop older generations of the same data folder; readers of them fall back safely."""
    try:
        siblings = [p for p in keep.parent.iterdir() if p != keep and not p.name.startswith(".")]
    except OSError:
        return
    import shutil

    for old in siblings:
        shutil.rmtree(old, ignore_errors=True)


def _digest(text: str) -> str:
    data = text.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
