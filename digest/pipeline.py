"""The enrichment pipeline: independent stages, each a plain function over the record."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .article import Article
from .context import Context

Stage = Callable[[Article, Context], Article]


def stages() -> list[tuple[str, Stage]]:
    """The stages in order. Imported lazily so ``digest --help`` stays instant."""
    from .enrich.actors import tag_actors
    from .enrich.dates import find_date
    from .enrich.language import identify_language
    from .enrich.summary import summarize
    from .enrich.topics import tag_topics
    from .enrich.via import find_via

    return [
        ("language", identify_language),
        ("date", find_date),
        ("via", find_via),
        ("actors", tag_actors),
        ("topics", tag_topics),
        ("summary", summarize),
    ]


def enrich(article: Article, ctx: Context, skip: Iterable[str] = ()) -> Article:
    skipped = set(skip)
    for name, stage in stages():
        if name not in skipped:
            article = stage(article, ctx)
    return article
