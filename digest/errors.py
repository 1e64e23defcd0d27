"""Errors that name the file (and line) they are about."""

from __future__ import annotations

from pathlib import Path


class DigestError(Exception):
    """A problem with one input: rendered as ``path:line: message``."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None,
                 *, warning: bool = False):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.warning = warning  # reported, but does not fail the command

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        message = f"warning: {self.message}" if self.warning else self.message
        return f"{where}: {message}" if where else message


class ConfigError(DigestError):
    """The digest configuration is invalid."""
