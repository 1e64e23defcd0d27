"""readability-lxml's reading of a page, as Markdown blocks: the second opinion.

readability scores the page's containers by their paragraphs and keeps the best one with
its siblings; it is wrong in other ways than trafilatura (it keeps short paragraphs and
list items that trafilatura's precision mode drops, and misses what sits outside the best
container), which is what makes it worth asking when trafilatura's passes disagree.
Its output is HTML; we take the text of its blocks and escape it ourselves, as for
trafilatura's, so no page markup survives.
"""

from __future__ import annotations

import copy
import logging

import lxml.html
from lxml.html import HtmlElement

from ...sanitize import escape_markdown_inline, escape_markdown_text

# readability logs its scoring at INFO/DEBUG and a page it cannot read at ERROR.
logging.getLogger("readability").setLevel(logging.CRITICAL)
logging.getLogger("readability.readability").setLevel(logging.CRITICAL)

_HEADINGS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_LEAVES = ("p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th",
           "dd", "dt")


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def readability_blocks(tree: HtmlElement) -> list[str]:
    """Markdown blocks of readability's summary of ``tree`` (left unchanged); [] when
    readability cannot read the page."""
    from readability import Document

    try:
        summary = Document(copy.deepcopy(tree)).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
    except Exception:  # a page readability cannot score has no opinion
        return []
    blocks: list[str] = []
    list_lines: list[str] = []

    def flush_list() -> None:
        if list_lines:
            blocks.append("\n".join(list_lines))
            list_lines.clear()

    # The innermost text blocks, in order; a block holding other blocks is a container.
    for element in root.iter(*_LEAVES):
        if next(element.iterdescendants(*_LEAVES), None) is not None:
            continue
        text = _text(element)
        if not text:
            continue
        if element.tag == "li":
            list_lines.append("- " + escape_markdown_text(text))
            continue
        flush_list()
        if element.tag in _HEADINGS:
            blocks.append("#" * _HEADINGS[element.tag] + " " + escape_markdown_inline(text))
        elif element.tag == "blockquote":
            blocks.append("> " + escape_markdown_text(text))
        else:
            blocks.append(escape_markdown_text(text))
    flush_list()
    return blocks
