"""The digest's Pelican plugin: named by import path in ``PLUGINS`` (see pelicanconf.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pelican import signals

from ..paths import display_path
from ..store.write import article_files
from . import parallel, state, templating
from .generator import DigestGenerator
from .i18n import Catalogs
from .reader import DigestReader, content_dir_of
from .settings import SiteSettings


def _initialized(pelican: Any) -> None:
    settings = pelican.settings
    content = content_dir_of(settings)
    site = SiteSettings.from_pelican(settings)
    catalogs = Catalogs.load(Path(settings["THEME"]) / "translations",
                             list(site.site_languages), site.default_lang)
    build = state.begin(content, site, catalogs, shown=display_path)
    build.check_content([path for folder in settings.get("ARTICLE_PATHS") or [""]
                         for path in article_files(content / folder)])


def _readers_init(readers: Any) -> None:
    for ext in DigestReader.file_extensions:
        readers.reader_classes[ext] = DigestReader


def _quiet_disabled_markdown(generator: Any) -> None:
    # Without Python-Markdown, Pelican warns once per .md file that it cannot
    # import it, although our reader handles .md: forget the disabled reader.
    for ext in DigestReader.file_extensions:
        generator.readers.disabled_readers.pop(ext, None)


def _generator_init(generator: Any) -> None:
    templating.install(generator.env, state.current().catalogs)


def _stop_on_errors(generator: Any) -> None:
    current = state.current()
    if current.errors:
        raise state.BuildFailed(current.errors, current.warnings)


def _written(path: str, context: dict[str, Any] | None = None) -> None:
    """Article and translation pages are what the search indexes, by publication date."""
    article = (context or {}).get("article")
    if article is not None:
        state.current().search_pages[str(path)] = article.date.date()


def _writer(pelican: Any) -> type | None:
    current = state.current()
    jobs = current.site.render_jobs
    if jobs == 0:  # two processes pay off from a few hundred articles on
        big = int(current.extra.get("articles", 0)) >= parallel.AUTO_ARTICLES
        jobs = min(2, os.cpu_count() or 1) if big else 1
    return parallel.writer_class(jobs)


def _get_generators(pelican: Any) -> type:
    return DigestGenerator


def register() -> None:
    signals.initialized.connect(_initialized)
    signals.readers_init.connect(_readers_init)
    signals.article_generator_init.connect(_quiet_disabled_markdown)
    signals.page_generator_init.connect(_quiet_disabled_markdown)
    signals.generator_init.connect(_generator_init)
    signals.article_generator_finalized.connect(_stop_on_errors)
    signals.get_generators.connect(_get_generators)
    signals.content_written.connect(_written)
    signals.all_generators_finalized.connect(parallel.remember)
    signals.get_writer.connect(_writer)
    signals.finalized.connect(parallel.finished)
