"""Page metadata from a parsed HTML tree: Open Graph, schema.org JSON-LD, <meta>, <link>.

Only what the page states about itself is read here; guessing a date from the text is
the date stage's job (it gets the raw ``date_text``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from ...urls import safe_url, storable_url

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "report",
    "scholarlyarticle", "techarticle", "liveblogposting", "webpage", "socialmediaposting",
})
# <meta name|property|itemprop> keys, best first.
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
DATE_KEYS = ("article:published_time", "og:published_time", "datepublished",
             "article.published", "published_time", "publish-date", "pubdate",
             "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created",
             "dc.date", "date")
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author",
               "byl", "twitter:creator")
SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher",
             "twitter:site")
IMAGE_KEYS = ("og:image:secure_url", "og:image", "og:image:url", "twitter:image",
              "twitter:image:src", "thumbnailurl")
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description")
URL_KEYS = ("og:url", "twitter:url")
UPDATED_KEYS = ("article:modified_time", "og:updated_time", "datemodified",
                "dcterms.modified", "last-modified")

_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
                       r"\s*(Z|[+-]\d{2}:?\d{2})?)?")


@dataclass
class PageMeta:
    title: str | None = None
    description: str | None = None
    date: dt.date | dt.datetime | None = None
    date_text: str | None = None  # the date as the page shows it to readers
    date_iso: str | None = None  # the date as its metadata states it
    updated_iso: str | None = None  # the last update as its metadata states it
    author: str | None = None
    site_name: str | None = None
    url: str | None = None
    image: str | None = None
    lang: str | None = None


def clean(text: Any) -> str | None:
    """Collapse whitespace and drop tag-like runs (metadata is plain text; a tag in it is
    junk or an attack); None for empty or non-text values."""
    if not isinstance(text, str):
        return None
    text = _SPACES.sub(" ", _TAG.sub(" ", text)).strip()
    return text or None


def parse_iso_date(text: str | None) -> dt.date | dt.datetime | None:
    """An ISO 8601 date or datetime from metadata; None if it is not one (or impossible)."""
    match = _ISO_DATE.match(text or "")
    if match is None:
        return None
    day, time, zone = match.groups()
    try:
        if time is None:
            return dt.date.fromisoformat(day)
        if zone and zone != "Z" and ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:]}"
        return dt.datetime.fromisoformat(f"{day}T{time}{zone or ''}")
    except ValueError:
        return None


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """First non-empty value of every <meta> key, keys lower-cased."""
    values: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        content = clean(meta.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                values.setdefault(key.strip().lower(), content)
    return values


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _json_ld_article(tree: HtmlElement) -> dict[str, Any]:
    """The schema.org article object of the page ({} if none); pages often ship broken JSON."""
    best: dict[str, Any] = {}
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for obj in _walk(data):
            kinds = _types(obj)
            if kinds & ARTICLE_TYPES and (not best or "webpage" in _types(best)):
                best = obj
    return best


def _names(value: Any) -> list[str]:
    """Person or organisation names from a schema.org value (str, object or list)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = clean(item.get("name")) if isinstance(item, dict) else clean(item)
        if name and not name.startswith(("http://", "https://")):
            names.append(name)
    return names


def _image_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return clean(value)


def _absolute_http(base: str | None, href: str | None) -> str | None:
    """``href`` made absolute against ``base``; None unless digest may store it (an
    http(s) URL: a ``javascript:`` canonical or image is the page's attack, not its)."""
    href = clean(href)
    if not href:
        return None
    try:
        url = urljoin(base, href) if base else href
    except ValueError:  # a malformed base or href ("http://[::1")
        return None
    if url.startswith("//"):
        url = "https:" + url
    return storable_url(url)[0]


def _first_text(tree: HtmlElement, xpath: str, max_len: int = 200) -> str | None:
    for node in tree.xpath(xpath):
        text = clean(node.text_content() if isinstance(node, HtmlElement) else str(node))
        if text and len(text) <= max_len:
            return text
    return None


def _strip_site_suffix(title: str, site: str | None) -> str:
    """"Headline | Site" -> "Headline" when the suffix is the site's name."""
    if site:
        for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
            head, _, tail = title.rpartition(sep)
            if head and tail.strip().casefold() == site.casefold():
                return head.strip()
    return title


def _lang(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    root = tree.getroottree().getroot()
    lang = clean(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))
    lang = lang or meta.get("og:locale") or meta.get("content-language")
    lang = clean(lang)
    if not lang:
        return None
    lang = lang.split(",")[0].strip().replace("_", "-")
    return lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", lang) else None


def page_meta(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """What the page says about itself. ``url`` is where it was fetched from, if known."""
    meta = _meta_values(tree)
    ld = _json_ld_article(tree)

    def first(keys: tuple[str, ...]) -> str | None:
        return next((meta[k] for k in keys if k in meta), None)

    base = url
    for href in tree.xpath("//base/@href"):
        base = _absolute_http(url, href) or base
        break
    canonical = _absolute_http(base, next(iter(tree.xpath('//link[@rel="canonical"]/@href')),
                                          None))
    page_url = (canonical or _absolute_http(base, first(URL_KEYS))
                or _absolute_http(base, clean(ld.get("url"))) or safe_url(url))
    base = base or page_url  # a page saved without its address still names itself

    publisher = ld.get("publisher")
    site = first(SITE_KEYS[:3]) or next(iter(_names(publisher)), None) or first(SITE_KEYS[3:])
    site = site.lstrip("@") if site else None

    title = (first(TITLE_KEYS) or clean(ld.get("headline"))
             or _first_text(tree, "//h1", 400) or _first_text(tree, "//title", 400))
    title = _strip_site_suffix(title, site) if title else None

    iso = first(DATE_KEYS) or clean(ld.get("datePublished")) or clean(ld.get("dateCreated"))
    time_text = None
    if not iso:
        times = tree.xpath('//time[@datetime][@itemprop="datePublished" or @pubdate]'
                           '|//article//time[@datetime]')
        if times:
            iso = clean(times[0].get("datetime"))
            time_text = clean(times[0].text_content())
    date = parse_iso_date(iso)
    visible = time_text or _first_text(
        tree, '//*[@itemprop="datePublished"][not(self::meta)]|//time', 100)

    authors = _names(ld.get("author")) or _names(ld.get("creator"))
    author = ", ".join(dict.fromkeys(authors)) if authors else None
    if not author:
        value = first(AUTHOR_KEYS)
        author = value if value and not value.startswith(("http://", "https://", "@")) else None
    author = author or _first_text(
        tree, '//*[@itemprop="author"][not(self::meta)]|//a[@rel="author"]', 100)

    image = (_absolute_http(base, first(IMAGE_KEYS))
             or _absolute_http(base, _image_url(ld.get("image"))))
    if site is None and page_url:
        host = urlsplit(page_url).hostname
        site = host.removeprefix("www.") if host else None

    return PageMeta(
        title=title,
        description=first(DESCRIPTION_KEYS) or clean(ld.get("description")),
        date=date,
        date_text=visible,
        date_iso=iso,
        updated_iso=first(UPDATED_KEYS) or clean(ld.get("dateModified")),
        author=author,
        site_name=site,
        url=page_url,
        image=image,
        lang=_lang(tree, meta),
    )
