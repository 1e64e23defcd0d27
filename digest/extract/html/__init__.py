"""A saved news page (HTML) -> Article: main text as Markdown, plus the page's metadata.

trafilatura and readability-lxml read the main content; their readings are compared
(``main_text``, ``html_candidates``). Content the parser left in ``<head>`` moves to the
body first (``html_bodyless``); a byline in the text names the author and interface lines
never become the title (``html_byline``). Related-link inserts leave the page before
extraction (``html_inserts``). At the top of the text the headline, date line and byline
go while the standfirst stays (``html_lead``); at the bottom the credit lines, sign-offs
and outlet notices go (``html_tail``). We write the Markdown ourselves
(``html_markdown``) so no page markup survives. Metadata comes from ``html_meta``.
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
from .bodyless import lift_head_content
from .byline import better_title, byline_author
from .candidates import Reading, choose
from .inserts import drop_link_inserts
from .lead import drop_lead, page_head
from .markdown import body_blocks
from .meta import _strip_site_suffix as strip_site_suffix
from .meta import page_meta
from .readable import readability_blocks
from .tail import drop_tail

# The precision reading holds the page's paragraph text when its length is within these
# shares of it (headings and list markers make it a little longer).
WHOLE = (0.9, 1.1)
# How many of the page's headings may stand in for an interface line as its title.
TITLE_LINES = 6
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
    body = getattr(document, "body", None)  # a Document (not the as_dict form)
    return [] if body is None else body_blocks(body)


def _paragraph_chars(tree: HtmlElement) -> int:
    """Characters of text in the page's paragraphs and in its list items that are not
    mostly links (menus are lists of links)."""
    total = 0
    for element in tree.iter("p", "li"):
        length = len(" ".join(element.text_content().split()))
        if element.tag == "li":
            links = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
            if links * 2 >= length:
                continue
        total += length
    return total


def main_text(tree: HtmlElement, url: str | None = None) -> list[str]:
    """The article's Markdown blocks: trafilatura's precision reading, compared with its
    balanced reading and readability's (``html_candidates``) unless it holds about all
    the text of the page's paragraphs and list items: then nothing is left to disagree
    on, and the page costs one pass."""
    precise = Reading("precision", _extract_body(tree, url, precision=True, fast=True))
    paragraphs = _paragraph_chars(tree)
    if paragraphs and WHOLE[0] <= _text_length(precise.blocks) / paragraphs <= WHOLE[1]:
        return precise.blocks
    fuller = Reading("balanced", _extract_body(tree, url, precision=False, fast=True))
    return choose(precise, fuller, lambda: Reading("readability", readability_blocks(tree)))


def _text_length(blocks: list[str]) -> int:
    return sum(len(block) for block in blocks)


def _title_lines(tree: HtmlElement, site: str | None) -> list[str]:
    """Headline candidates besides the metadata's title: the page's h1 and h2 headings,
    then its <title> without the site's name."""
    lines = [" ".join(element.text_content().split())
             for element in tree.iter("h1", "h2")][:TITLE_LINES]
    for element in tree.iter("title"):
        lines.append(strip_site_suffix(" ".join(element.text_content().split()), site))
        break
    return [line for line in lines if 0 < len(line) <= 400]


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
    meta.title = better_title(meta.title, _title_lines(tree, meta.site_name))
    lift_head_content(tree)
    etree.strip_elements(tree, *NOT_CONTENT, with_tail=False)
    drop_link_inserts(tree)
    head = page_head(tree)  # before extraction, which rewrites the tree
    blocks = main_text(tree, meta.url)
    # A byline in the text names the author when the metadata does not (and goes with
    # the lead, as a byline the metadata names does).
    meta.author = meta.author or byline_author(blocks)
    blocks, dateline = drop_lead(blocks, meta, head)
    blocks = drop_tail(blocks, meta.site_name)
    body = "\n\n".join(blocks)
    if len(WORD.findall(body)) < MIN_WORDS:
        raise DigestError("no article text found", origin)

    hints: dict[str, str] = {}
    # The date as readers see it is the date stage's best clue; else the metadata's.
    date_text = meta.date_text or dateline or meta.date_iso
    if date_text:
        hints["date_text"] = date_text
    if meta.updated_iso:
        hints["updated_text"] = meta.updated_iso
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
