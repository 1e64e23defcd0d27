"""A saved news page (HTML) -> Article: main text as Markdown, plus the page's metadata.

trafilatura finds the main content; we choose its settings and retry when it
under-delivers (``main_text``). Around it: related-link inserts leave the page first
(``html_inserts``); the headline, standfirst, date line and byline it keeps at the top go
(``html_lead``), and so do the credit lines, sign-offs and outlet notices at the bottom
(``html_tail``); we write the Markdown ourselves (``html_markdown``) so no page markup
survives. Metadata comes from ``html_meta``.
"""

from __future__ import annotations

import logging
import re

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from ...article import Article, Source
from ...errors import DigestError
from .inserts import drop_link_inserts
from .lead import drop_lead, page_head
from .markdown import body_blocks
from .meta import page_meta
from .tail import drop_tail

# Cascade, cheapest first, measured on the benchmark (bench/extract_bench.py): trafilatura's
# precision mode without its fallback extractors is right on most pages; when it keeps only
# a sliver (under SHORT_TEXT characters: a caption, a reprint notice) the full precision
# cascade runs, and if that is thin too, the balanced mode replaces it when it finds at
# least RETRY_GAIN times as much text.
SHORT_TEXT = 500
RETRY_GAIN = 2.0
# Fewer words than this is a navigation stub or an error page, not an article.
MIN_WORDS = 15
WORD = re.compile(r"\w+")
# Gone before extraction (metadata is read first): never article text, and fewer nodes
# make trafilatura's many XPath passes cheaper.
NOT_CONTENT = ("head", "script", "style", "noscript", "svg", "template", "iframe",
               etree.Comment, etree.ProcessingInstruction)

# trafilatura logs every page it finds thin at WARNING/ERROR; our caller reports failures.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def _extract_body(tree: HtmlElement, url: str | None, precision: bool, fast: bool) -> list[str]:
    document = bare_extraction(
        tree,
        url=url,
        fast=fast,
        favor_precision=precision,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=True,
        with_metadata=False,
    )
    if document is None or document.body is None:
        return []
    return body_blocks(document.body)


def main_text(tree: HtmlElement, url: str | None = None) -> list[str]:
    """The article's Markdown blocks, by the cascade described at SHORT_TEXT."""
    blocks = _extract_body(tree, url, precision=True, fast=True)
    if _text_length(blocks) >= SHORT_TEXT:
        return blocks
    blocks = _extract_body(tree, url, precision=True, fast=False)
    if _text_length(blocks) >= SHORT_TEXT:
        return blocks
    balanced = _extract_body(tree, url, precision=False, fast=False)
    if _text_length(balanced) >= RETRY_GAIN * max(_text_length(blocks), 1):
        return balanced
    return blocks


def _text_length(blocks: list[str]) -> int:
    return sum(len(block) for block in blocks)


def _decoded(data: bytes, origin: str | None) -> str:
    """Page bytes as text, through the one decoder ingest uses (gzip first)."""
    import gzip
    import zlib

    from ..decode import decode, gunzip

    if data[:2] == b"\x1f\x8b":
        try:
            data = gunzip(data, 20 * 1024 * 1024)
        except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
            raise DigestError(f"corrupt gzip data: {exc}", origin) from None
    return decode(data)


def extract_html(data: str | bytes, url: str | None = None,
                 origin: str | None = None) -> Article:
    """A saved page -> Article with title, Markdown body, date, author, source and hints.

    ``url`` is where the page was fetched from (resolves relative links, and is the
    source URL when the page names no canonical one); ``origin`` names the input in errors.
    """
    text = _decoded(data, origin) if isinstance(data, bytes) else data
    try:
        tree = load_html(text)
    except (ValueError, TypeError):  # lxml refuses some garbage outright
        tree = None
    if tree is None:
        raise DigestError("no article text found", origin)

    meta = page_meta(tree, url)
    etree.strip_elements(tree, *NOT_CONTENT, with_tail=False)
    drop_link_inserts(tree)
    head = page_head(tree)  # before extraction, which rewrites the tree
    blocks, dateline = drop_lead(main_text(tree, meta.url), meta, head)
    blocks = drop_tail(blocks, meta.site_name)
    body = "\n\n".join(blocks)
    if len(WORD.findall(body)) < MIN_WORDS:
        raise DigestError("no article text found", origin)

    hints: dict[str, str] = {}
    # The date as readers see it is the date stage's best clue; else the metadata's.
    date_text = meta.date_text or dateline or meta.date_iso
    if date_text:
        hints["date_text"] = date_text
    if meta.lang:
        hints["lang"] = meta.lang
    return Article(
        title=meta.title or "",
        body=body,
        date=meta.date,
        author=meta.author,
        source=Source(name=meta.site_name, url=meta.url),
        image=meta.image,
        origin=origin,
        hints=hints,
    )
