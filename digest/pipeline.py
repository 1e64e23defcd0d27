"""The enrichment pipeline: independent stages, each a plain function over the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .article import Article
from .config import Config
from .registry import Registries


@dataclass
class Context:
    """What every stage may read: settings, registries, and run options."""

    config: Config
    registries: Registries
    today: dt.date = field(default_factory=dt.date.today)
    date: dt.date | None = None  # --date: used when the text has none
    lang: str | None = None  # --lang: skips identification
    source_name: str | None = None
    source_url: str | None = None
    # Built lazily by the stages that need them (automata, detectors) and reused.
    cache: dict[str, object] = field(default_factory=dict)


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


STAGE_NAMES = ("language", "date", "via", "actors", "topics", "summary")


def enrich(article: Article, ctx: Context, skip: Iterable[str] = ()) -> Article:
    skipped = set(skip)
    for name, stage in stages():
        if name not in skipped:
            article = stage(article, ctx)
    return article
