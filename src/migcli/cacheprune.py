"""Pruning the cache: old formats, killed builds, unused or surplus sets, orphaned records.

Run after each build; linear in the number of entries. Everything here only deletes.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

from migcli.cache import MAX_AGE_SECONDS, MAX_BYTES, STALE_BUILD_SECONDS, unseal

if TYPE_CHECKING:
    from migcli.cache import Generation


def prune(gen: Generation) -> None:
    """Drop other formats, killed builds, sets past the size bound, and orphaned records."""
    if gen.root is None:
        return
    now = time.time()
    for other in _children(gen.root.parent):  # another format (older or newer code), or v1
        if other != gen.root and other.is_dir() and _is_hex(other.name):
            shutil.rmtree(other, ignore_errors=True)
    sets = [p for p in _children(gen.root / "sets") if p.name != gen.set_key]
    for path in sets:
        killed = path.name.startswith(".build-") and now - _mtime(path) > STALE_BUILD_SECONDS
        unused = not path.name.startswith(".") and now - _mtime(path) > MAX_AGE_SECONDS
        if killed or unused:
            shutil.rmtree(path, ignore_errors=True)
    live = sorted((p for p in sets if not p.name.startswith(".") and p.exists()), key=_mtime)
    total = sum(_size(p) for p in [*live, gen.root / "sets" / gen.set_key])
    total += sum(_size(p) for p in _children(gen.root / "records"))
    while live and total > MAX_BYTES:  # oldest first
        total -= _size(live[0])
        shutil.rmtree(live.pop(0), ignore_errors=True)
    keep = set(gen.files.values())
    for path in live:
        members = _members(path)
        if members is None:  # unreadable: cannot tell which records it needs
            shutil.rmtree(path, ignore_errors=True)
        else:
            keep |= members
    for record in _children(gen.root / "records"):
        if record.suffix == ".json" and record.stem not in keep:
            record.unlink(missing_ok=True)


def _members(set_folder: Path) -> set[str] | None:
    try:
        raw = (set_folder / "members.json").read_bytes()
    except OSError:
        return None
    members = unseal(raw, set_folder.name)
    return {m for m in members if isinstance(m, str)} if isinstance(members, list) else None


def _is_hex(name: str) -> bool:
    return len(name) in (16, 20) and all(c in "0123456789abcdef" for c in name)


def _children(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _size(path: Path) -> int:
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.iterdir())
        return path.stat().st_size
    except OSError:
        return 0
