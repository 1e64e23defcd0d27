"""The Pelican reader for article files: YAML front matter + Markdown body.

It reads nothing itself: the build checks the whole corpus once, when Pelican starts
(``state.check_content``, the same check as ``digest check``), and this reader turns
each good file's typed Article into Pelican's metadata. A file with errors is skipped;
the plugin stops the build after reading so every problem is reported at once, each as
``path:line: message``. Drafts and hidden articles are skipped too: they are never built.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from pelican.readers import BaseReader

from ..article import Article, Translation
from . import markdown
from .languages import direction
from .state import current
from .taxonomy import Actor, Topic

SKIP: dict[str, Any] = {"status": "skip"}


@dataclass(frozen=True)
class TranslationPage:
    """One translation of an article as the templates show it, on its own page."""

    lang: str
    text: Translation
    summary: str | None  # HTML
    summary_text: str | None
    url: str  # "articles/<slug>/<lang>/"
    save_as: str

    @property
    def title(self) -> str | None:
        return self.text.title.strip() if self.text.title else None

    @property
    def by(self) -> str:
        return self.text.by

    @property
    def date(self) -> dt.date | None:
        d = self.text.date
        return d.date() if isinstance(d, dt.datetime) else d

    @property
    def machine(self) -> bool:
        return self.text.is_machine

    @property
    def engine(self) -> str:
        """The backend/model of a machine translation ("ctranslate2/opus-mt-id-en")."""
        return self.text.by.removeprefix("machine:") if self.machine else ""


def _datetime(value: dt.date | dt.datetime) -> dt.datetime:
    # Pelican localises naive datetimes to TIMEZONE; a bare date means midnight there.
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


class DigestReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md", "markdown"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        article = current().article(os.path.abspath(source_path))
        if article is None or article.status != "published":
            return "", dict(SKIP)
        return markdown.render(article.body), self._metadata(article, Path(source_path).stem)

    def _metadata(self, article: Article, slug: str) -> dict[str, Any]:
        settings = self.settings
        registries = current().registries
        site = current().site
        lang = article.lang or site.default_lang
        summary = _text(article.summary)
        assert article.date is not None  # the corpus check refuses a file without one
        out: dict[str, Any] = {
            "title": article.title.strip(),
            "date": _datetime(article.date),
            "lang": lang,
            "dir": direction(lang),
            "ui_lang": lang if lang in site.site_languages else site.default_lang,
            "slug": slug,
            "status": "published",
            "source": {
                "name": _text(article.source.name),
                "url": article.source.url,
                "retrieved": article.source.retrieved,
            },
            "via": list(article.via),
            "story": article.story,
            "section": _text(article.section),
            "byline": _text(article.author),
            "dateline": _text(article.dateline),
            "topics": [Topic(t, settings, registries.topics[t]) for t in article.topics],
            "actors": [Actor(a, settings, registries.actors[a]) for a in article.actors],
            "summary_text": markdown.plain(summary) if summary else _lead(article.body),
            "translated": self._translations(article, lang, slug),
        }
        if summary:
            out["summary"] = markdown.render(summary)
        if article.story:
            out["story"] = article.story
        if article.updated is not None and article.updated != article.date:
            out["updated"] = _datetime(article.updated)  # the page's own "updated" stamp
        return out

    def _translations(self, article: Article, lang: str, slug: str
                      ) -> dict[str, TranslationPage]:
        site = current().site
        url, save_as = site.translation_url, site.translation_save_as
        found: dict[str, TranslationPage] = {}
        for tl, t in sorted(article.translations.items()):
            summary = _text(t.summary)
            if tl == lang or not (summary or _text(t.title)):
                continue
            found[tl] = TranslationPage(
                lang=tl, text=t,
                summary=markdown.render(summary) if summary else None,
                summary_text=markdown.plain(summary) if summary else None,
                url=url.format(slug=slug, lang=tl), save_as=save_as.format(slug=slug, lang=tl))
        return found


def _lead(body: str, words: int = 40) -> str:
    """The opening words of the body: a description when there is no summary."""
    text = markdown.plain(body.split("\n\n", 1)[0]).split()
    return " ".join(text[:words]) + (" …" if len(text) > words else "")


def content_dir_of(settings: dict[str, Any]) -> Path:
    return Path(os.path.abspath(settings["PATH"]))
