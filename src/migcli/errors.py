"""One error family for everything a user can cause; the CLI prints it as one line."""

from __future__ import annotations


class MigcliError(Exception):
    """A problem the user can fix. `str(err)` is the whole message; `exit_code` is 1 or 2."""

    exit_code = 1


class NotFoundError(MigcliError):
    """An unknown country, section or series."""


class UsageError(MigcliError):
    exit_code = 2


class DataError(MigcliError):
    """A data file that cannot be used, located as precisely as we know."""

    def __init__(self, path: str, message: str, line: int | None = None, col: int | None = None):
        self.path = path
        self.message = message
        self.line = line
        self.col = col
        super().__init__(self.location() + ": " + message)

    def location(self) -> str:
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.col or 1}"
