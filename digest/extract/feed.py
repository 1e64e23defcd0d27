"""RSS and Atom feeds: one Article per entry, broken entries reported one by one."""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from ..article import Article, Source
from ..sanitize import escape_markdown_text
from ..urls import storable_url
from .result import Failure

# Elements whose content starts a new paragraph once the markup is gone.
_BLOCKS = ("p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
           "tr", "section", "article", "figure", "figcaption", "table", "ul", "ol", "dd", "dt")
_DROP = "//script|//style|//noscript|//iframe|//object|//embed|//form|//template"
_FEED_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b",
                        re.DOTALL)
_RSS_AUTHOR = re.compile(r"^\S+@\S+\s*\((.+)\)$")


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element is RSS, Atom or RSS 1.0 (RDF)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_FEED_ROOT.match(head))


def html_to_text(fragment: str) -> str:
    """A feed entry's HTML as plain paragraphs separated by blank lines."""
    if "<" not in fragment:  # still HTML: "AT&amp;T" is "AT&T"
        return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n",
                                                                 html.unescape(fragment))
                           if p.strip())
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(fragment.split())
    for bad in root.xpath(_DROP):
        bad.drop_tree()
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter(*_BLOCKS):
        el.text = "\n\n" + (el.text or "")
        el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _when(entry: Any) -> tuple[dt.datetime | None, str | None]:
    """(UTC datetime, None) or (None, the raw date text feedparser could not read)."""
    # dict.get: FeedParserDict.get maps missing keys to others, with a warning.
    for key in ("published", "updated", "created"):
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC), None
    raw = next((dict.get(entry, k) for k in ("published", "updated", "created")
                if dict.get(entry, k)), None)
    return None, raw


def _author(entry: Any) -> str | None:
    """The author's name; RSS writes "email (Name)", which feedparser splits poorly."""
    raw = " ".join(str(entry.get("author") or "").split())
    match = _RSS_AUTHOR.match(raw)
    if match:
        return match.group(1).strip()
    return (entry.get("author_detail") or {}).get("name") or raw or None


def _content(entry: Any) -> str:
    """The fullest text the entry carries: content, else summary, as plain text."""
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if value.strip():
            if "html" in item.get("type", "html"):
                return html_to_text(value)
            return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", value)
                                 if p.strip())
    summary = entry.get("summary") or ""
    return html_to_text(summary)


def _markdown(text: str) -> str:
    """Plain paragraphs as Markdown showing them as written: an entry's text is never
    markup."""
    return "\n\n".join(escape_markdown_text(p) for p in text.split("\n\n"))


def parse_feed(data: bytes, origin: str, url: str | None = None
               ) -> Iterator[Article | Failure]:
    """Articles from a feed's entries; each broken entry is one Failure, the rest go on."""
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=bool(url),
                              response_headers={"content-location": url} if url else None)
    entries = parsed.get("entries") or []
    broken = Failure(origin, "not a valid RSS or Atom feed" + _problem(parsed))
    if not entries:
        yield broken if parsed.get("bozo") else Failure(origin, "the feed has no entries")
        return
    info = parsed.get("feed") or {}
    feed_name = " ".join((info.get("title") or "").split()) or None
    feed_lang = info.get("language")
    feed_time = _feed_time(info)
    found = 0
    for number, entry in enumerate(entries, start=1):
        where = f"{origin} entry {number}"
        title = " ".join(html_to_text(entry.get("title") or "").split())
        body = _content(entry)
        if not title and not body:
            yield Failure(where, "no title and no content")
            continue
        date, raw_date = _when(entry)
        hints: dict[str, str] = {}
        if date is None and raw_date:
            if not _relative(raw_date, feed_lang):
                yield Failure(where, f"date {raw_date!r} is not a date")
                continue
            # "2 hours ago": the date stage counts back from the feed's own time, or
            # gives this reason.
            hints["date_text"] = raw_date
            hints["date_problem"] = f"date {raw_date!r} is relative and the feed gives no time"
        raw_link = entry.get("link")
        link, refused = storable_url(raw_link, "source URL") if raw_link else (None, None)
        if refused:
            yield Failure(where, refused)
            continue
        if not title:
            title = _first_words(body)
        content_lang = next((c.get("language") for c in entry.get("content") or []
                             if c.get("language")), None)
        if content_lang or feed_lang:
            hints["lang"] = str(content_lang or feed_lang)
        found += 1
        yield Article(
            title=title,
            body=_markdown(body or title),
            date=date,
            author=_author(entry),
            image=_image(entry),
            source=Source(name=feed_name, url=link, retrieved=feed_time),
            origin=where,
            hints=hints,
        )
    if not found and parsed.get("bozo"):
        yield broken  # say why nothing came out, besides the entries' own problems


def _relative(text: str, lang: str | None) -> bool:
    from ..enrich.relative_dates import find_relative
    from .text.meta import RELATIVE_LANGUAGES

    return find_relative(text, (lang or "", *RELATIVE_LANGUAGES)) is not None


def _feed_time(info: Any) -> dt.datetime | None:
    """When the feed says it was last built: the time its entries' relative dates count
    from."""
    parsed = dict.get(info, "updated_parsed") or dict.get(info, "published_parsed")
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC) if parsed else None


def _problem(parsed: Any) -> str:
    """The parser's complaint about a malformed feed, on one line."""
    lines = str(parsed.get("bozo_exception") or "").strip().splitlines()
    return f": {lines[0]}" if lines else ""


def _first_words(text: str, limit: int = 12) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def _image(entry: Any) -> str | None:
    """The entry's first image that is an http(s) URL (any other kind is dropped)."""
    found = [media.get("url") for media in entry.get("media_content") or []
             if media.get("medium", "image") == "image"]
    found += [link.get("href") for link in entry.get("links") or []
              if link.get("rel") == "enclosure"
              and str(link.get("type", "")).startswith("image/")]
    return next((url for url in map(_image_url, found) if url), None)


def _image_url(value: Any) -> str | None:
    return storable_url(value)[0] if value else None
