"""The Pelican reader for article files: YAML front matter + Markdown body.

Validation happens here, once per file, against registries loaded once per build.
A file with errors is recorded and skipped; the plugin stops the build after
reading so every problem is reported at once, each as ``path:line: message``.
Drafts and hidden articles are skipped too: they are never built.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from pelican.readers import BaseReader

from ..errors import DigestError
from ..frontmatter import key_lines, parse, to_date
from ..validate import check_meta, is_future
from . import markdown
from .languages import direction
from .state import current
from .taxonomy import Actor, Topic

SKIP: dict[str, Any] = {"status": "skip"}
# Each translation has its own page beside the article's (settings may move both).
TRANSLATION_URL = "articles/{slug}/{lang}/"
TRANSLATION_SAVE_AS = "articles/{slug}/{lang}/index.html"


@dataclass(frozen=True)
class Translated:
    """An article's title and summary in another language, ready for the templates."""

    lang: str
    title: str | None
    summary: str | None  # HTML
    summary_text: str | None
    by: str
    date: dt.date | None
    url: str  # its own page: "articles/<slug>/<lang>/"
    save_as: str

    @property
    def machine(self) -> bool:
        return self.by.startswith("machine:")

    @property
    def engine(self) -> str:
        """The backend/model of a machine translation ("ctranslate2/opus-mt-id-en")."""
        return self.by.removeprefix("machine:") if self.machine else ""


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _datetime(value: dt.date | dt.datetime) -> dt.datetime:
    # Pelican localises naive datetimes to TIMEZONE; a bare date means midnight there.
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value not in (None, "") else None


class DigestReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md", "markdown"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        state = current()
        path = Path(source_path)
        shown = display_path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            state.errors.append(DigestError("not valid UTF-8", shown))
            return "", dict(SKIP)
        try:
            meta, body = parse(text, shown)
        except DigestError as exc:
            state.errors.append(exc)
            return "", dict(SKIP)
        problems = check_meta(meta, body, Path(shown), text, state.registries)
        slug = path.stem
        first = state.slugs.setdefault(slug, shown)
        if first != shown:
            problems.append(DigestError(
                f"duplicate slug {slug!r}: {first} has the same file name", shown, 1))
        if problems:
            state.errors.extend(problems)
            return "", dict(SKIP)
        date = to_date(meta["date"])
        assert date is not None  # check_meta reported it otherwise
        if is_future(date):
            line = key_lines(text).get("date")
            state.warnings.append(DigestError(f"warning: date {date} is in the future",
                                              shown, line))
        if meta.get("status", "published") != "published":
            return "", dict(SKIP)
        return markdown.render(body), self._metadata(meta, body, slug, date)

    def _metadata(self, meta: dict[str, Any], body: str, slug: str,
                  date: dt.date | dt.datetime) -> dict[str, Any]:
        settings = self.settings
        registries = current().registries
        lang = str(meta["lang"])
        site_languages = settings.get("DIGEST_SITE_LANGUAGES") or [settings["DEFAULT_LANG"]]
        summary = _text(meta.get("summary"))
        source = meta.get("source") or {}
        retrieved = to_date(source.get("retrieved")) if source.get("retrieved") else None
        out: dict[str, Any] = {
            "title": str(meta["title"]).strip(),
            "date": _datetime(date),
            "lang": lang,
            "dir": direction(lang),
            "ui_lang": lang if lang in site_languages else settings["DEFAULT_LANG"],
            "slug": slug,
            "status": "published",
            "source": {
                "name": _text(source.get("name")),
                "url": _text(source.get("url")),
                "retrieved": retrieved,
            },
            "via": [str(v) for v in meta.get("via") or []],
            "section": _text(meta.get("section")),
            "byline": _text(meta.get("author")),
            "dateline": _text(meta.get("dateline")),
            "topics": [Topic(t, settings, registries.topics[t]) for t in meta.get("topics") or []],
            "actors": [Actor(a, settings, registries.actors[a]) for a in meta.get("actors") or []],
            "summary_text": markdown.plain(summary) if summary else _lead(body),
            "translated": self._translations(meta.get("translations") or {}, lang, slug),
        }
        if summary:
            out["summary"] = markdown.render(summary)
        return out

    def _translations(self, raw: dict[str, Any], lang: str, slug: str
                      ) -> dict[str, Translated]:
        url = self.settings.get("DIGEST_TRANSLATION_URL", TRANSLATION_URL)
        save_as = self.settings.get("DIGEST_TRANSLATION_SAVE_AS", TRANSLATION_SAVE_AS)
        found: dict[str, Translated] = {}
        for tl in sorted(raw):
            t = raw[tl]
            if tl == lang or not isinstance(t, dict):
                continue
            summary = _text(t.get("summary"))
            title = _text(t.get("title"))
            if not (summary or title):
                continue
            tdate = to_date(t.get("date"))
            found[tl] = Translated(
                lang=tl, title=title,
                summary=markdown.render(summary) if summary else None,
                summary_text=markdown.plain(summary) if summary else None,
                by=str(t.get("by") or "editor"),
                date=tdate.date() if isinstance(tdate, dt.datetime) else tdate,
                url=url.format(slug=slug, lang=tl), save_as=save_as.format(slug=slug, lang=tl))
        return found


def _lead(body: str, words: int = 40) -> str:
    """The opening words of the body: a description when there is no summary."""
    text = markdown.plain(body.split("\n\n", 1)[0]).split()
    return " ".join(text[:words]) + (" …" if len(text) > words else "")


def content_dir_of(settings: dict[str, Any]) -> Path:
    return Path(os.path.abspath(settings["PATH"]))
