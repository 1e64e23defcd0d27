"""What one build shares between the reader, the generator and the build command.

Pelican builds its readers and generators from settings alone, so the pieces of
one build meet here: registries loaded once, problems found while reading, and the
counts the build reports after Pelican has finished.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..article import Article
from ..errors import DigestError
from ..registry import Registries, load_registries
from ..store.validate import check_corpus, check_file
from .i18n import Catalogs
from .settings import SiteSettings


@dataclass
class BuildState:
    content_dir: Path
    registries: Registries
    site: SiteSettings = field(default_factory=SiteSettings)
    catalogs: Catalogs = field(default_factory=lambda: Catalogs({}, "en"))
    errors: list[DigestError] = field(default_factory=list)
    warnings: list[DigestError] = field(default_factory=list)
    articles: dict[str, Article | None] = field(default_factory=dict)  # None: has errors
    extra: dict[str, Any] = field(default_factory=dict)
    search_pages: dict[str, date] = field(default_factory=dict)  # written page → its date
    shown: Callable[[Path], str] = str  # how messages name a file

    def check_content(self, paths: list[Path]) -> None:
        """Check every article file once, as ``digest check`` does."""
        corpus = check_corpus(paths, self.registries, shown=self.shown)
        self.errors += corpus.errors
        self.warnings += corpus.warnings
        good = corpus.articles
        for path in paths:
            key = os.path.abspath(path)
            self.articles[key] = good.get(key)

    def article(self, path: str) -> Article | None:
        """The checked Article read from ``path`` (absolute), None if it has errors."""
        if path not in self.articles:  # a file the corpus did not list: check it alike
            checked = check_file(Path(path), self.registries, self.shown(Path(path)))
            self.errors += checked.errors
            self.warnings += checked.warnings
            self.articles[path] = None if checked.errors else checked.article
        return self.articles[path]


_current: BuildState | None = None


def begin(content_dir: Path, site: SiteSettings, catalogs: Catalogs,
          shown: Callable[[Path], str] = str) -> BuildState:
    """Start a build: load the registries (errors name the registry file and line)."""
    global _current
    _current = BuildState(content_dir=content_dir, registries=load_registries(content_dir),
                          site=site, catalogs=catalogs, shown=shown)
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
