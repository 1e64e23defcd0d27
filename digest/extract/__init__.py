"""Turn inputs (files, folders, URLs) into Articles, one kind of input at a time.

``extract_inputs`` never raises for one bad input: each yields either an Article
(with ``origin`` set) or a ``Failure`` naming the input and the reason in one line.
Extractors are imported lazily so ``digest --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..article import Article, Source
from ..errors import DigestError
from ..store.schema import to_date
from ..urls import storable_url
from .result import Failure, Result

if TYPE_CHECKING:
    from ..context import Context

MAX_BYTES = 20 * 1024 * 1024  # per input, on disk, downloaded or decompressed
TEXT = (".txt",)
HTML = (".html", ".htm", ".xhtml")
FEED = (".xml", ".rss", ".atom")
JSON = (".json",)
SUPPORTED = TEXT + HTML + FEED + JSON

# Magic numbers of the binary files most often passed by mistake.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"%PDF-", 0, "a PDF document"),
    (b"PK\x03\x04", 0, "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", 0, "gzip-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x7fELF", 0, "a program"),
    (b"ftyp", 4, "a video"),
    (b"OggS", 0, "an Ogg audio or video file"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
)
_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)




def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def _kind_of(name: str) -> str | None:
    """The kind of input named by its extension (``.gz`` looks at the one before)."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    for kind, exts in (("text", TEXT), ("html", HTML), ("feed", FEED), ("json", JSON)):
        if lower.endswith(exts):
            return kind
    return None


def _kinds() -> str:
    return f"{', '.join(SUPPORTED)}, or .gz of them"


def collect_inputs(inputs: Iterable[str]) -> list[str | Failure]:
    """Expand folders (recursively, sorted, hidden files skipped) into files to read.

    A file of an unsupported type inside a folder is skipped silently; named on the
    command line it is reported, and so is a folder with no supported file at all.
    A URL must be http or https.
    """
    items: list[str | Failure] = []
    for item in inputs:
        if is_url(item):
            items.append(item)
            continue
        path = Path(item)
        scheme = _URL_SCHEME.match(item)
        if scheme and not path.exists():
            items.append(Failure(item, f"unsupported URL scheme {scheme.group(1).lower()!r} "
                                       "(only http and https)"))
        elif path.is_dir():
            found = [str(p) for p in sorted(path.rglob("*"))
                     if not any(part.startswith(".") for part in p.relative_to(path).parts)
                     and p.is_file() and _kind_of(p.name)]
            items += found or [Failure(item, f"no supported files (expected {_kinds()})")]
        elif path.is_file():
            if _kind_of(path.name):
                items.append(item)
            else:
                items.append(Failure(item, f"unsupported file type (expected one of "
                                           f"{_kinds()})"))
        elif path.exists():
            items.append(Failure(item, "not a regular file"))
        else:
            items.append(Failure(item, "no such file or directory"))
    return items


def extract_inputs(inputs: Iterable[str], ctx: Context) -> Iterator[Result]:
    for item in collect_inputs(inputs):
        if isinstance(item, Failure):
            yield item
        else:
            yield from extract_one(item, ctx)


def extract_one(item: str, ctx: Context) -> Iterator[Result]:
    """The articles in one file or URL (a feed or a JSON list may hold many)."""
    results = _from_url(item) if is_url(item) else _from_file(Path(item), item)
    for result in results:
        if isinstance(result, Article):
            result = _finish(result, item, ctx)
        yield result


def _finish(article: Article, origin: str, ctx: Context) -> Article | Failure:
    article.origin = article.origin or origin
    if not article.body.strip():
        return Failure(article.origin, "no article text found")
    # The editor's --source-name wins over the name a page gives itself. --source-url
    # only fills a gap: forced onto a batch it would make every article "the same".
    article.source.name = ctx.source_name or article.source.name
    article.source.url = article.source.url or ctx.source_url
    return article


def _from_url(url: str) -> Iterator[Result]:
    from .fetch import fetch

    fetched = dt.datetime.now(dt.UTC).replace(microsecond=0)  # relative dates count from it
    try:
        got = fetch(url, max_bytes=MAX_BYTES)
    except DigestError as exc:
        yield Failure(url, exc.message)
        return
    kind = _kind_of_media(got.content_type) or _kind_of(got.url.split("?")[0]) or "sniff"
    for result in _from_bytes(got.data, url, kind, url=got.url, charset=got.charset):
        if isinstance(result, Article):
            result.source.retrieved = result.source.retrieved or fetched
        yield result


def _kind_of_media(media: str) -> str | None:
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media in ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
                 "application/xml", "text/xml"):
        return "feed"
    if media == "application/json" or media.endswith("+json"):
        return "json"
    if media == "text/plain":
        return "text"
    if media in ("application/gzip", "application/x-gzip"):
        return "sniff"
    return None


def _from_file(path: Path, origin: str) -> Iterator[Result]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            from .fetch import over_limit

            yield Failure(origin, over_limit(size, MAX_BYTES))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from _from_bytes(data, origin, _kind_of(path.name) or "sniff", url=None, charset=None)


def _gunzip(data: bytes) -> bytes:
    from .decode import gunzip

    return gunzip(data, MAX_BYTES)


def binary_kind(data: bytes) -> str | None:
    """What a binary file looks like ("a PNG image"), or None for text."""
    for magic, offset, what in _MAGIC:
        if data[offset:offset + len(magic)] == magic:
            return what
    from .decode import bom_encoding

    if not bom_encoding(data) and b"\x00" in data[:8192]:
        return "binary data (NUL bytes)"
    return None


def _from_bytes(data: bytes, origin: str, kind: str, *, url: str | None,
                charset: str | None) -> Iterator[Result]:
    if data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data)
        except (DigestError, zlib.error, EOFError, gzip.BadGzipFile) as exc:
            reason = exc.message if isinstance(exc, DigestError) else "corrupt gzip data"
            yield Failure(origin, reason)
            return
    from .retrieved import saved_note_date, split_saved_headers

    data, retrieved = split_saved_headers(data)
    retrieved = retrieved or saved_note_date(data)
    if not data.strip():
        yield Failure(origin, "empty file")
        return
    for result in _from_content(data, origin, kind, url=url, charset=charset):
        if isinstance(result, Article) and retrieved is not None:
            result.source.retrieved = result.source.retrieved or retrieved
        yield result


def _from_content(data: bytes, origin: str, kind: str, *, url: str | None,
                  charset: str | None) -> Iterator[Result]:
    from .decode import decode
    from .feed import looks_like_feed

    what = binary_kind(data)
    if what:
        yield Failure(origin, f"not text: looks like {what}")
        return
    if kind != "json" and looks_like_feed(data):
        kind = "feed"
    elif kind == "sniff":
        kind = "html" if _HTML_START.match(data[:4096]) else "text"
    elif kind == "feed":
        if _HTML_START.match(data[:4096]):
            kind = "html"  # an XHTML page saved as .xml
        else:
            yield Failure(origin, "not an RSS or Atom feed")
            return
    try:
        if kind == "feed":
            from .feed import parse_feed

            yield from parse_feed(data, origin, url)
        elif kind == "json":
            yield from _json_articles(decode(data, charset), origin)
        elif kind == "html":
            from .html import extract_html

            yield extract_html(decode(data, charset), url, origin)
        else:
            from .text import extract_text

            yield extract_text(decode(data, charset), origin)
    except DigestError as exc:
        yield Failure(origin, exc.message)
    except Exception as exc:  # one broken input must not stop the batch
        yield Failure(origin, f"cannot extract: {type(exc).__name__}: {exc}")


def _json_articles(text: str, origin: str) -> Iterator[Result]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Failure(f"{origin}:{exc.lineno}", f"invalid JSON: {exc.msg}")
        return
    if isinstance(data, dict):
        yield _json_article(data, origin)
    elif isinstance(data, list):
        for number, item in enumerate(data, start=1):
            yield _json_article(item, f"{origin} item {number}")
    else:
        yield Failure(origin, "expected a JSON object or a list of objects")


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _json_article(item: Any, origin: str) -> Result:
    """An Article from a JSON object shaped like ``digest extract --format json`` output."""
    if not isinstance(item, dict):
        return Failure(origin, "expected a JSON object with title and body")
    # "body" is Markdown, as ``digest extract`` writes it; "text" and "content" are a
    # scraper's plain text, shown as written.
    body = _text(item.get("body"))
    plain = None if body else _text(item.get("text")) or _text(item.get("content"))
    if plain:
        from ..sanitize import escape_markdown_text

        body = "\n\n".join(escape_markdown_text(" ".join(p.split()))
                             for p in re.split(r"\n\s*\n", plain) if p.strip())
    title = _text(item.get("title"))
    if not body:
        return Failure(origin, "no body or text")
    if not title:
        return Failure(origin, "no title")
    source = item.get("source")
    source = source if isinstance(source, dict) else {"name": source}
    hints: dict[str, str] = {}
    date = to_date(item.get("date")) if item.get("date") is not None else None
    if date is None and _text(item.get("date")):
        hints["date_text"] = item["date"].strip()
    lang = _text(item.get("lang") or item.get("language"))
    via = item.get("via")
    raw_url = _text(item.get("url")) or _text(source.get("url"))
    url, refused = storable_url(raw_url, "source URL") if raw_url else (None, None)
    if refused:
        return Failure(origin, refused)
    image = _text(item.get("image"))
    return Article(
        title=title,
        body=body,
        date=date,
        lang=lang,
        source=Source(name=_text(source.get("name")), url=url),
        author=_text(item.get("author")),
        section=_text(item.get("section")),
        dateline=_text(item.get("dateline")),
        image=storable_url(image)[0] if image else None,  # any other kind is dropped
        summary=_text(item.get("summary")),
        via=[v for v in via if isinstance(v, str)] if isinstance(via, list) else [],
        origin=origin,
        hints=hints,
    )
