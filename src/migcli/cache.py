"""A validated cache of the catalog as JSON, so hot paths skip TOML parsing and Pydantic.

Layout: <cache root>/<data folder key>/<fingerprint>/<artifact>.json. The fingerprint hashes the
migcli version and every data file's name, size and mtime, so a changed file or a new version
simply names another folder: a stale cache is never read. A generation is built in a temporary
folder and renamed into place whole, so readers never see half of one, and concurrent builders
race harmlessly. Anything unreadable counts as a miss and is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
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
    from platformdirs import user_cache_dir  # only when no override: saves its import

    return Path(user_cache_dir("migcli", appauthor=False))


def generation_dir(data_dir: DataDir) -> Path:
    folder_key = _digest(str(data_dir.root.resolve()))
    stamp = [__version__] + [f"{f.name}:{f.size}:{f.mtime_ns}" for f in data_dir.files]
    return cache_root() / folder_key / _digest("\n".join(stamp))


def read(generation: Path, artifact: str) -> Any | None:
    """The stored value, or None when missing or damaged (the caller rebuilds it)."""
    try:
        raw = (generation / f"{artifact}.json").read_bytes()
        sealed = json.loads(raw)
    except (OSError, ValueError):
        return None
    if not isinstance(sealed, dict) or sealed.get("seal") != _SEAL or "value" not in sealed:
        return None
    return sealed["value"]


def write_generation(generation: Path, artifacts: dict[str, Any]) -> None:
    """Write all artifacts into a fresh folder and move it into place; failures are ignored."""
    try:
        generation.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".build-", dir=generation.parent))
    except OSError:
        return  # an unwritable cache only costs speed
    try:
        for name, value in artifacts.items():
            body = json.dumps({"seal": _SEAL, "value": value}, ensure_ascii=True)
            (staging / f"{name}.json").write_text(body, encoding="ascii")
        _move_into_place(staging, generation, list(artifacts))
    except OSError:
        pass  # the disk is full or the folder unwritable: keep going uncached
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _prune_siblings(generation)


def _move_into_place(staging: Path, generation: Path, names: list[str]) -> None:
    try:
        os.rename(staging, generation)
        return
    except OSError:
        pass  # the folder exists: another process built it, or it is damaged
    if all(read(generation, name) is not None for name in names):
        return
    shutil.rmtree(generation, ignore_errors=True)
    os.rename(staging, generation)


def add_artifact(generation: Path, name: str, value: Any) -> None:
    """Add one artifact to an existing generation, atomically by rename."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=generation)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            json.dump({"seal": _SEAL, "value": value}, out, ensure_ascii=True)
        os.replace(tmp, generation / f"{name}.json")
    except OSError:
        pass


def _prune_siblings(keep: Path) -> None:
    """Drop older generations of the same data folder; readers of them fall back safely."""
    try:
        siblings = [p for p in keep.parent.iterdir() if p != keep and not p.name.startswith(".")]
    except OSError:
        return
    for old in siblings:
        shutil.rmtree(old, ignore_errors=True)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]
