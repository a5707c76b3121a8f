"""A validated cache of the catalog as JSON, so hot paths skip TOML parsing and Pydantic.

Everything is keyed by content, never by file times or sizes:

    <cache root>/<format>/records/<file hash>.json   one validated record per file's bytes
    <cache root>/<format>/sets/<set hash>/<name>.json the index and derived artifacts of a
                                                      folder, keyed by its file names and hashes

`format` is a digest of the code that decides what a record looks like (models, records,
search index, this module) and of the version, so new code never trusts an old cache. Each
entry is sealed with its key and the digest of its payload, and checked for shape when read:
anything that does not match is a miss and is rebuilt, never trusted. Sets are built in a
temporary folder and renamed into place whole. Old formats, unfinished builds and sets past a
size bound are pruned after each build. Cost grows with the number of files, not its square.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

from migcli import __version__
from migcli.datadir import DataDir, read_bounded

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (milliseconds a start)
if TYPE_CHECKING:
    from typing import Any

try:  # the BLAKE2 module alone: hashlib would also load OpenSSL's, milliseconds at every start
    from _blake2 import blake2b
except ImportError:  # another Python implementation
    from hashlib import blake2b

ENV_CACHE_DIR = "MIGCLI_CACHE_DIR"
_SEAL = "migcli-cache-3"
MAX_BYTES = 64 * 1024 * 1024  # past this, the least recently built sets are dropped
STALE_BUILD_SECONDS = 3600  # an unfinished build older than this was killed
MAX_AGE_SECONDS = 30 * 24 * 3600  # a set not rebuilt for this long belongs to an old folder
# The modules whose source decides the shape of what is cached: editing any changes the key.
_FORMAT_SOURCES = (
    "registry.py", "models.py", "records.py", "shapes.py", "searchindex.py", "cache.py",
    "stats.py",
)  # fmt: skip


def cache_root() -> Path | None:
    """Where the cache lives, or None when no safe absolute folder can be named."""
    override = os.environ.get(ENV_CACHE_DIR, "").strip()
    if override:
        return Path(override) if os.path.isabs(override) else None
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies on Linux, inline: importing it costs 4 ms a run.
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        base = xdg if os.path.isabs(xdg) else os.path.expanduser("~/.cache")
        return Path(base) / "migcli" if os.path.isabs(base) else None
    from platformdirs import user_cache_dir  # macOS, Windows and the rest

    found = user_cache_dir("migcli", appauthor=False)
    return Path(found) if os.path.isabs(found) else None


def format_key() -> str:
    """A digest of the code that shapes cached values, and of the version."""
    here = Path(__file__).resolve().parent
    digest = blake2b(f"{_SEAL}\n{__version__}\n".encode(), digest_size=10)
    for name in _FORMAT_SOURCES:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    return digest.hexdigest()


class Generation:
    """One state of one data folder: its set key, each file's content key, and where they live."""

    __slots__ = ("files", "root", "set_key")

    def __init__(self, root: Path | None, set_key: str, files: dict[str, str]) -> None:
        self.root = root  # <cache root>/<format>, or None when caching is off
        self.set_key = set_key
        self.files = files  # file name -> content hash


def generation(data_dir: DataDir, use_cache: bool = True) -> Generation:
    """Hash every file's bytes (bounded reads); unreadable files are left to the loader."""
    files: dict[str, str] = {}
    for data_file in data_dir.files:
        try:  # never open a pipe or device: it could block; the loader reports it
            regular = stat.S_ISREG(os.stat(data_file.path).st_mode)
            raw = read_bounded(data_file.path) if regular else None
        except OSError:
            raw = None
        key = blake2b(raw, digest_size=16).hexdigest() if raw is not None else "unread"
        files[data_file.name] = key
    listing = "\n".join(f"{name}\0{key}" for name, key in files.items())
    set_key = blake2b(listing.encode("utf-8", "surrogatepass"), digest_size=16)
    root = _usable_root(data_dir) if use_cache else None
    return Generation(root / format_key() if root else None, set_key.hexdigest(), files)


def _usable_root(data_dir: DataDir) -> Path | None:
    """The cache root, unless caching is off or it would sit inside the data folder."""
    if os.environ.get("MIGCLI_NO_CACHE"):
        return None
    root = cache_root()
    if root is None:
        return None
    real = os.path.realpath
    if Path(real(root)).is_relative_to(real(data_dir.root)):
        return None  # never write into a data folder
    return root


def _location(gen: Generation, artifact: str) -> tuple[Path, str] | None:
    """Where an artifact lives and the key it must carry."""
    if gen.root is None:
        return None
    if artifact.startswith("country-"):
        key = gen.files.get(artifact.removeprefix("country-") + ".toml")
        if key is None or key == "unread":
            return None
        return gen.root / "records" / f"{key}.json", key
    return gen.root / "sets" / gen.set_key / f"{artifact}.json", gen.set_key


def read(gen: Generation, artifact: str) -> Any | None:
    """The stored value, or None when missing, damaged, stale or the wrong shape."""
    where = _location(gen, artifact)
    if where is None:
        return None
    path, key = where
    try:
        value = unseal(path.read_bytes(), key)
    except OSError:
        return None
    return value if _shape_ok(artifact, value) else None


def unseal(raw: bytes, key: str) -> Any | None:
    """The payload of an entry: a header line (seal, key, digest), then the JSON payload."""
    header, _, payload = raw.partition(b"\n")
    try:
        seal = json.loads(header)
    except (ValueError, RecursionError):
        return None
    if not isinstance(seal, dict) or seal.get("seal") != _SEAL or seal.get("key") != key:
        return None
    if seal.get("digest") != _payload_digest(payload):
        return None
    try:
        return json.loads(payload)
    except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        return None


def _shape_ok(artifact: str, value: Any) -> bool:
    """A light structural check: the right container and, for records, the right fields."""
    if artifact.startswith("country-"):
        from migcli.registry import RECORD_FIELDS

        return (
            isinstance(value, dict)
            and set(value) == set(RECORD_FIELDS)
            and f"country-{value.get('id')}" == artifact
        )
    if artifact == "index":
        return isinstance(value, list) and all(isinstance(row, dict) for row in value)
    return isinstance(value, dict | list)


def write_generation(gen: Generation, artifacts: dict[str, Any]) -> None:
    """Store records by content and the set's artifacts in one renamed folder; errors ignored."""
    import shutil
    import tempfile

    if gen.root is None:
        return
    artifacts = {**artifacts, "members": sorted(set(gen.files.values()))}
    try:
        for name, value in artifacts.items():
            if name.startswith("country-"):
                _write_one(gen, name, value)
        sets = gen.root / "sets"
        sets.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".build-", dir=sets))
    except OSError:
        return  # an unwritable cache only costs speed
    try:
        for name, value in artifacts.items():
            if not name.startswith("country-"):
                (staging / f"{name}.json").write_bytes(_sealed(gen.set_key, value))
        try:
            os.rename(staging, sets / gen.set_key)
        except OSError:  # built meanwhile by another process, or damaged: keep theirs if whole
            if any(read(gen, n) is None for n in artifacts if not n.startswith("country-")):
                shutil.rmtree(sets / gen.set_key, ignore_errors=True)
                os.rename(staging, sets / gen.set_key)
    except OSError:
        pass  # the disk is full or the folder unwritable: keep going uncached
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    from migcli.cacheprune import prune

    prune(gen)


def add_artifact(gen: Generation, name: str, value: Any) -> None:
    """Add one artifact to the set (or a record), atomically by rename."""
    if gen.root is not None:
        _write_one(gen, name, value)


def _write_one(gen: Generation, name: str, value: Any) -> None:
    import tempfile

    where = _location(gen, name)
    if where is None:
        return
    path, key = where
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(_sealed(key, value))
        os.replace(tmp, path)
    except OSError:
        pass


def _sealed(key: str, value: Any) -> bytes:
    payload = json.dumps(value, ensure_ascii=True).encode("ascii")
    seal = {"seal": _SEAL, "key": key, "digest": _payload_digest(payload)}
    return json.dumps(seal).encode("ascii") + b"\n" + payload


def digest(data: bytes, size: int = 16) -> str:
    """A hex BLAKE2b digest, for keys built elsewhere (the run cache)."""
    return blake2b(data, digest_size=size).hexdigest()


def _payload_digest(payload: bytes) -> str:
    return blake2b(payload, digest_size=16).hexdigest()
