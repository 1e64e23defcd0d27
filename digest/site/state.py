"""What one build shares between the reader, the generator and the build command.

Pelican builds its readers and generators from settings alone, so the pieces of
one build meet here: registries loaded once, problems found while reading, and the
counts the build reports after Pelican has finished.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DigestError
from ..registry import Registries, load_registries


@dataclass
class BuildState:
    content_dir: Path
    registries: Registries
    errors: list[DigestError] = field(default_factory=list)
    warnings: list[DigestError] = field(default_factory=list)
    slugs: dict[str, str] = field(default_factory=dict)  # slug -> first file using it
    extra: dict[str, Any] = field(default_factory=dict)


_current: BuildState | None = None


def begin(content_dir: Path) -> BuildState:
    """Start a build: load the registries (errors name the registry file and line)."""
    global _current
    _current = BuildState(content_dir=content_dir, registries=load_registries(content_dir))
    return _current


def current() -> BuildState:
    if _current is None:
        raise RuntimeError("no digest build in progress (digest.site.plugin not initialised)")
    return _current


class BuildFailed(DigestError):
    """The content has errors: the build stops before writing anything."""

    def __init__(self, errors: list[DigestError], warnings: list[DigestError] | None = None):
        super().__init__(f"{len(errors)} error(s) in the content")
        self.errors = sorted(errors, key=lambda e: (e.path or "", e.line or 0))
        self.warnings = list(warnings or [])

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
