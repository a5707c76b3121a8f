"""Replace a folder's generated files with a new set, removing the ones no longer made."""

from __future__ import annotations

from pathlib import Path


def write_generated(folder: Path, pattern: str, wanted: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for stale in folder.glob(pattern):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        (folder / name).write_text(text, encoding="utf-8")
