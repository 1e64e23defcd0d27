"""Errors that name the file (and line) they are about."""

from __future__ import annotations

from pathlib import Path


class DigestError(Exception):
    """A problem with one input: rendered as ``path:line: message``."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class ConfigError(DigestError):
    """The digest configuration is invalid."""
