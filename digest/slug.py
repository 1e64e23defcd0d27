"""URL slugs: ASCII, ``[a-z0-9-]``, at most 80 characters, never empty.

``slugify(title)`` transliterates a title. ``slugify(article)`` reads better for titles
not written in the Latin alphabet, where a transliteration ("lryys-bry-stqbl-…" for an
Arabic headline) means nothing to anyone: it takes, in order, a title in Latin script,
a Latin-script translated title (English first), the last readable segment of the
source URL ("/news/2026/09/berri-receives-araghchi.html"), the article's most salient
actors and its date ("fatah-hamas-egypt-2026-09-07": registry ids are readable Latin
names), and only then the transliteration.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import unquote, urlsplit

from unidecode import unidecode

from .article import Article

MAX_LENGTH = 80
# A title is in Latin script when at least this share of its letters are Latin.
LATIN_SHARE = 0.5
# Extensions dropped from the last URL segment; the rest of the segment must then be
# words, not an id ("12345", "a3f9c2e1", "index", "amp").
_EXTENSIONS = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm)$", re.IGNORECASE)
_URL_SLUG = re.compile(r"[A-Za-z0-9]+(?:[-_]+[A-Za-z0-9]+)*")
_TRAILERS = frozenset({"amp", "index", "print", "full", "default"})
_MIN_URL_WORDS = 2  # alphabetic words a segment needs to read as a headline


def slugify(source: Article | str, max_length: int = MAX_LENGTH) -> str:
    """``"Pemimpin Hamas … ‘Kemenangan Puncak’"`` → ``"pemimpin-hamas-…-kemenangan-puncak"``.

    Unidecode transliterates every script (Arabic, Cyrillic, CJK…) to ASCII; what
    still leaves nothing (emoji, punctuation) becomes a short hash of the title.
    """
    if isinstance(source, str):
        return _from_text(source, max_length)
    title = source.title
    if not is_latin(title):
        for text in (*_translated_titles(source), _url_words(source.source.url),
                     _actors_and_date(source)):
            slug = _from_text(text, max_length, fallback=False) if text else ""
            if slug:
                return slug
    return _from_text(title, max_length)


def _actors_and_date(article: Article, most: int = 3) -> str | None:
    """The ids of the first actors (most salient first) and the day, or nothing."""
    if not article.actors or article.date is None:
        return None
    return " ".join([*article.actors[:most], article.date.isoformat()[:10]])


def is_latin(text: str) -> bool:
    """Whether most letters of ``text`` are Latin (with or without diacritics)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters
                if c.isascii() or unicodedata.name(c, "").startswith("LATIN"))
    return latin >= LATIN_SHARE * len(letters)


def _translated_titles(article: Article) -> list[str]:
    """Latin-script translated titles, English first, then by language code."""
    ordered = sorted(article.translations.items(), key=lambda item: (item[0] != "en", item[0]))
    return [t.title for _, t in ordered if t.title and is_latin(t.title)]


def _url_words(url: str | None) -> str | None:
    """The article's own segment of ``url`` when it reads as words, spaced:
    ``https://x.org/news/2026/09/berri-receives-araghchi.html`` → ``berri receives
    araghchi``; None for an id, a date or a non-Latin slug. Only the last segment (past
    "amp", "index", "print") is the article's: earlier ones are sections."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    segments = [_EXTENSIONS.sub("", p) for p in unquote(path).split("/") if p]
    while segments and segments[-1].lower() in _TRAILERS:
        segments.pop()
    if not segments or not _URL_SLUG.fullmatch(segments[-1]):
        return None
    words = re.split(r"[-_]+", segments[-1])
    while words and words[-1].isdigit():  # a trailing article number
        words.pop()
    alphabetic = [w for w in words if w.isalpha()]
    if len(alphabetic) < _MIN_URL_WORDS or 2 * len(alphabetic) < len(words):
        return None
    return " ".join(words)


def _from_text(text: str, max_length: int, fallback: bool = True) -> str:
    ascii_text = unidecode(text).lower().replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length + 1]
        # Cut at a word boundary when one is not too far back.
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2:] else cut[:max_length]
        slug = slug.strip("-")
    if not slug and fallback:
        slug = "article-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return slug
