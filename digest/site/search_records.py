"""What Pagefind learns about each article beyond its page: filters and translations."""

from __future__ import annotations

from typing import Any

from .languages import language_name
from .state import SearchRecord


def filters(article: Any, lang: str) -> dict[str, list[str]]:
    """Filter values, named in the digest's default language (the same on page and record)."""
    found: dict[str, list[str]] = {
        "topic": [t.label(lang) for t in article.topics],
        "actor": [a.label(lang) for a in article.actors],
        "language": [language_name(article.lang, lang)],
    }
    if article.source.get("name"):
        found["source"] = [article.source["name"]]
    return {k: v for k, v in found.items() if v}


def translation_records(articles: list[Any], lang: str) -> list[SearchRecord]:
    """One record per translation, in its own language, pointing at the article page.

    So a reader searching in English finds an Indonesian article by its English summary.
    """
    records = []
    for article in articles:
        for tl, t in article.translated.items():
            text = " ".join(x for x in (t.title, t.summary_text) if x)
            records.append(SearchRecord(
                url=article.url, language=tl, title=t.title or article.title,
                content=text, filters=filters(article, lang),
                sort={"date": f"{article.date:%Y-%m-%d}"}))
    return records
