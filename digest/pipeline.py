"""The enrichment pipeline: independent stages, each a plain function over the record."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .article import Article
from .context import Context

Stage = Callable[[Article, Context], Article]

if TYPE_CHECKING:
    STAGES: tuple[tuple[str, Stage], ...]


def _stages() -> tuple[tuple[str, Stage], ...]:
    from .enrich.actors import tag_actors
    from .enrich.dates import find_date
    from .enrich.language import identify_language
    from .enrich.summary import summarize
    from .enrich.topics import tag_topics
    from .enrich.via import find_via

    return (
        ("language", identify_language),
        ("date", find_date),
        ("via", find_via),
        ("actors", tag_actors),
        ("topics", tag_topics),
        ("summary", summarize),
    )


def __getattr__(name: str) -> object:
    """``STAGES``, the stages in order, imported on first use: their libraries (lingua,
    Babel's calendars) would slow ``digest check`` and ``digest --help``."""
    if name != "STAGES":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    stages = globals()["STAGES"] = _stages()
    return stages


def enrich(article: Article, ctx: Context, skip: Iterable[str] = ()) -> Article:
    skipped = set(skip)
    # Through the module, so the first call imports the stages (and a test may swap them).
    for name, stage in sys.modules[__name__].STAGES:
        if name not in skipped:
            article = stage(article, ctx)
    return article
