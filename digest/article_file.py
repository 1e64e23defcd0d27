"""Convert between the typed Article record and an article file's front matter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .article import Article, Source, Translation
from .frontmatter import parse, render, to_date

# Front-matter keys in the order they are written; anything else is kept in ``extra``.
KNOWN_KEYS = (
    "title", "date", "lang", "source", "author", "section", "dateline", "image", "via",
    "topics", "actors", "summary", "translations", "status",
)


def _clean(value: Any) -> Any:
    """Drop empty values so the front matter stays short."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v not in (None, "", [], {})}
    return value


def _iso(value: dt.date | dt.datetime | None) -> Any:
    """Whole seconds: sub-second precision is noise in a news digest."""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0)
    return value


def to_front_matter(article: Article) -> dict[str, Any]:
    """The metadata mapping written before the body, in a stable order."""
    translations = {
        lang: _clean({"title": t.title, "summary": t.summary, "by": t.by,
                      "date": _iso(t.date)})
        for lang, t in sorted(article.translations.items())
    }
    meta: dict[str, Any] = {
        "title": article.title,
        "date": _iso(article.date),
        "lang": article.lang,
        "source": _clean({"name": article.source.name, "url": article.source.url,
                          "retrieved": _iso(article.source.retrieved)}),
        "author": article.author,
        "section": article.section,
        "dateline": article.dateline,
        "image": article.image,
        "via": list(article.via),
        "topics": list(article.topics),
        "actors": list(article.actors),
        "summary": article.summary,
        "translations": translations,
        "status": article.status,
    }
    meta = _clean(meta)
    for key, value in article.extra.items():
        meta.setdefault(key, value)
    return meta


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _str_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def from_front_matter(meta: dict[str, Any], body: str, origin: str | None = None) -> Article:
    """Build an Article from parsed metadata, leniently (validation is ``validate``'s job)."""
    source = meta.get("source") or {}
    if isinstance(source, str):
        source = {"name": source}
    retrieved = to_date(source.get("retrieved")) if isinstance(source, dict) else None
    translations: dict[str, Translation] = {}
    raw_tr = meta.get("translations") or {}
    if isinstance(raw_tr, dict):
        for lang, t in raw_tr.items():
            if isinstance(t, dict):
                translations[str(lang)] = Translation(
                    title=_str_or_none(t.get("title")), summary=_str_or_none(t.get("summary")),
                    by=str(t.get("by") or "editor"), date=to_date(t.get("date")))
    return Article(
        title=str(meta.get("title") or ""),
        body=body,
        date=to_date(meta.get("date")),
        lang=_str_or_none(meta.get("lang")),
        source=Source(
            name=_str_or_none(source.get("name")) if isinstance(source, dict) else None,
            url=_str_or_none(source.get("url")) if isinstance(source, dict) else None,
            retrieved=retrieved if isinstance(retrieved, dt.datetime) else None,
        ),
        author=_str_or_none(meta.get("author")),
        section=_str_or_none(meta.get("section")),
        dateline=_str_or_none(meta.get("dateline")),
        image=_str_or_none(meta.get("image")),
        via=_str_list(meta.get("via")),
        topics=_str_list(meta.get("topics")),
        actors=_str_list(meta.get("actors")),
        summary=_str_or_none(meta.get("summary")),
        translations=translations,
        status=str(meta.get("status") or "published"),
        extra={k: v for k, v in meta.items() if k not in KNOWN_KEYS},
        origin=origin,
    )


def read_article(path: Path) -> tuple[Article, str]:
    """Read an article file; returns the record and the file's raw text."""
    text = path.read_text(encoding="utf-8")
    meta, body = parse(text, path)
    return from_front_matter(meta, body.strip("\n"), origin=str(path)), text


def render_article(article: Article) -> str:
    return render(to_front_matter(article), article.body)
