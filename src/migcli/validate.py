"""`validate`: every problem in every file, each located by file, line and column."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from migcli.catalog import cross_file_problems
from migcli.datadir import DataFile, is_folder, list_dir
from migcli.errors import DataError, UsageError
from migcli.loader import check_file, find_line, parse_path, read_text
from migcli.records import as_record

if TYPE_CHECKING:
    from migcli.shapes import CountryRecord


def validate_paths(paths: list[Path]) -> tuple[int, list[DataError], list[DataError]]:
    """(files checked, problems, warnings), going on past bad files.

    Warnings are sources a researcher would not cite (see sourcecheck.py); `--strict` makes
    them problems.
    """
    from migcli.sourcecheck import source_warnings

    files: list[tuple[DataFile, str]] = []
    problems: list[DataError] = []
    for path in paths:
        if is_folder(path) and not path.name.endswith(".toml"):
            try:
                folder = list_dir(path)
            except DataError as err:  # an unreadable folder is one more problem
                problems.append(err)
                continue
            problems.extend(folder.refused)
            files.extend((f, folder.shown(f)) for f in folder.files)
        elif os.path.lexists(path):
            files.append((DataFile(path.name, path, 0, 0), str(path)))
        else:
            raise UsageError(f"'{path}' does not exist; name a data folder or a .toml file")
    valid: list[tuple[CountryRecord, str, Path]] = []
    warnings: list[DataError] = []
    for data_file, shown in files:
        model, found = check_file(data_file.path, shown)
        problems.extend(found)
        if model is not None:
            record = as_record(model)
            valid.append((record, shown, data_file.path))
            found_warnings = [DataError(shown, m) for m in source_warnings(record)]
            warnings.extend(_with_line(w, valid) for w in found_warnings)
    for problem in cross_file_problems(valid):
        problems.append(_with_line(problem, valid))
    return len(files), problems, warnings


def _with_line(problem: DataError, valid: list[tuple[CountryRecord, str, Path]]) -> DataError:
    """Point a cross-file problem at the line of the field it names."""
    field = problem.message.split(": ", 1)[0]
    path = next(p for _, shown, p in valid if shown == problem.path)
    line = find_line(read_text(path, problem.path).split("\n"), parse_path(field))
    return DataError(problem.path, problem.message, line, 1 if line else None)
