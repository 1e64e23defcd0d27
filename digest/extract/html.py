"""A saved news page (HTML) -> Article: main text as Markdown, plus the page's metadata.

trafilatura finds the main content; we choose its settings, retry when it under-delivers,
trim what the benchmark shows it keeps by mistake (the headline and standfirst repeated
at the top), and write the Markdown ourselves (``html_markdown``) so no page markup
survives.
"""

from __future__ import annotations

import logging

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from ..article import Article, Source
from ..errors import DigestError
from ..registry import fold
from .html_decode import decode_html
from .html_markdown import body_blocks
from .html_meta import PageMeta, page_meta

# Precision mode wins on the benchmark but now and then keeps only a sliver (a reprint
# notice, a caption): below this many characters the balanced mode gets a second look,
# and replaces it when it finds at least RETRY_GAIN times as much text.
SHORT_TEXT = 500
RETRY_GAIN = 2.0

# trafilatura logs every page it finds thin at WARNING/ERROR; our caller reports failures.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def _extract_body(tree: HtmlElement, url: str | None, precision: bool) -> list[str]:
    document = bare_extraction(
        tree,
        url=url,
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


def _text_length(blocks: list[str]) -> int:
    return sum(len(block) for block in blocks)


def _same_text(block: str, reference: str | None) -> bool:
    """Whether a block repeats the headline or standfirst (markup and case aside)."""
    if not reference:
        return False
    plain = fold(block.lstrip("#> ").replace("\\", ""))
    return bool(plain) and plain == fold(reference)


def _drop_repeated_lead(blocks: list[str], meta: PageMeta) -> list[str]:
    """Drop the headline and standfirst that extraction often picks up as the first blocks:
    they are the Article's title and not part of the article text."""
    start = 0
    while start < min(len(blocks), 2) and (
        _same_text(blocks[start], meta.title) or _same_text(blocks[start], meta.description)
    ):
        start += 1
    return blocks[start:]


def extract_html(data: str | bytes, url: str | None = None,
                 origin: str | None = None) -> Article:
    """A saved page -> Article with title, Markdown body, date, author, source and hints.

    ``url`` is where the page was fetched from (resolves relative links, and is the
    source URL when the page names no canonical one); ``origin`` names the input in errors.
    """
    text = decode_html(data, origin) if isinstance(data, bytes) else data
    try:
        tree = load_html(text)
    except (ValueError, TypeError):  # lxml refuses some garbage outright
        tree = None
    if tree is None:
        raise DigestError("no article text found", origin)

    meta = page_meta(tree, url)
    blocks = _extract_body(tree, meta.url, precision=True)
    if _text_length(blocks) < SHORT_TEXT:
        balanced = _extract_body(tree, meta.url, precision=False)
        if _text_length(balanced) >= RETRY_GAIN * max(_text_length(blocks), 1):
            blocks = balanced
    blocks = _drop_repeated_lead(blocks, meta)
    if not blocks:
        raise DigestError("no article text found", origin)

    hints: dict[str, str] = {}
    if meta.date_text:
        hints["date_text"] = meta.date_text
    if meta.lang:
        hints["lang"] = meta.lang
    return Article(
        title=meta.title or "",
        body="\n\n".join(blocks),
        date=meta.date,
        author=meta.author,
        source=Source(name=meta.site_name, url=meta.url),
        image=meta.image,
        origin=origin,
        hints=hints,
    )
